"""evaluations: activity evaluation plans, outcomes, baseline indicator sets and rounds,
success stories; answer sets linked to the activity they evaluate

Revision ID: 0008_evaluations
Revises: 0007_strategy
Create Date: 2026-11-27

New tables, and one new column on answer_sets. Adding its foreign key rebuilds answer_sets
in batch mode; the migration runner turns foreign keys off first, so the answers (which
cascade from answer_sets) are kept.
"""

import sqlalchemy as sa
from alembic import op

revision = '0008_evaluations'
down_revision = '0007_strategy'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('indicator_sets',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator_sets'))
    )
    op.create_table('activity_evaluations',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('activity_id', sa.Uuid(), nullable=False),
    sa.Column('questionnaire_id', sa.Uuid(), nullable=True),
    sa.Column('follow_up_questionnaire_id', sa.Uuid(), nullable=True),
    sa.Column('follow_up_months', sa.Integer(), nullable=False),
    sa.Column('evaluation_done_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('evaluation_done_by', sa.String(length=120), nullable=False),
    sa.Column('follow_up_done_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('follow_up_done_by', sa.String(length=120), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['activity_id'], ['activities.id'], name=op.f('fk_activity_evaluations_activity_id_activities'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['follow_up_questionnaire_id'], ['questionnaires.id'], name=op.f('fk_activity_evaluations_follow_up_questionnaire_id_questionnaires')),
    sa.ForeignKeyConstraint(['questionnaire_id'], ['questionnaires.id'], name=op.f('fk_activity_evaluations_questionnaire_id_questionnaires')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity_evaluations')),
    sa.UniqueConstraint('activity_id', name=op.f('uq_activity_evaluations_activity_id'))
    )
    op.create_table('indicators',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('set_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('scale_min', sa.Integer(), nullable=False),
    sa.Column('scale_max', sa.Integer(), nullable=False),
    sa.Column('unit', sa.String(length=40), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['set_id'], ['indicator_sets.id'], name=op.f('fk_indicators_set_id_indicator_sets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicators'))
    )
    with op.batch_alter_table('indicators', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indicators_set_id'), ['set_id'], unique=False)

    op.create_table('measurement_rounds',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('set_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('measured_on', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['set_id'], ['indicator_sets.id'], name=op.f('fk_measurement_rounds_set_id_indicator_sets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_measurement_rounds'))
    )
    with op.batch_alter_table('measurement_rounds', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_measurement_rounds_set_id'), ['set_id'], unique=False)

    op.create_table('outcomes',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('activity_id', sa.Uuid(), nullable=False),
    sa.Column('member_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('partner', sa.String(length=200), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('value_minor', sa.Integer(), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['activity_id'], ['activities.id'], name=op.f('fk_outcomes_activity_id_activities'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_outcomes_member_id_members'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outcomes'))
    )
    with op.batch_alter_table('outcomes', schema=None) as batch_op:
        batch_op.create_index('ix_outcomes_activity', ['activity_id', 'deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_outcomes_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outcomes_occurred_on'), ['occurred_on'], unique=False)

    op.create_table('success_stories',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('sort_name', sa.String(length=200), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('member_id', sa.Uuid(), nullable=True),
    sa.Column('activity_id', sa.Uuid(), nullable=True),
    sa.Column('partner', sa.String(length=200), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('value_minor', sa.Integer(), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('happened_on', sa.Date(), nullable=True),
    sa.Column('published_on', sa.Date(), nullable=True),
    sa.Column('published_where', sa.String(length=200), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('quote_by', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['activity_id'], ['activities.id'], name=op.f('fk_success_stories_activity_id_activities'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_success_stories_member_id_members'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_success_stories'))
    )
    with op.batch_alter_table('success_stories', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_success_stories_activity_id'), ['activity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_success_stories_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_success_stories_sort_name'), ['sort_name'], unique=False)

    op.create_table('measurements',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('round_id', sa.Uuid(), nullable=False),
    sa.Column('indicator_id', sa.Uuid(), nullable=False),
    sa.Column('member_id', sa.Uuid(), nullable=False),
    sa.Column('value', sa.String(length=40), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicators.id'], name=op.f('fk_measurements_indicator_id_indicators'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_measurements_member_id_members'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['round_id'], ['measurement_rounds.id'], name=op.f('fk_measurements_round_id_measurement_rounds'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_measurements'))
    )
    with op.batch_alter_table('measurements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_measurements_indicator_id'), ['indicator_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_measurements_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_measurements_round_id'), ['round_id'], unique=False)
        batch_op.create_index('uq_measurements_round_indicator_member', ['round_id', 'indicator_id', 'member_id'], unique=True)

    with op.batch_alter_table('answer_sets', schema=None) as batch_op:
        batch_op.add_column(sa.Column('activity_id', sa.Uuid(), nullable=True))
        batch_op.create_index(batch_op.f('ix_answer_sets_activity_id'), ['activity_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_answer_sets_activity_id_activities'), 'activities', ['activity_id'], ['id'], ondelete='SET NULL')


def downgrade() -> None:
    with op.batch_alter_table('answer_sets', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_answer_sets_activity_id_activities'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_answer_sets_activity_id'))
        batch_op.drop_column('activity_id')

    with op.batch_alter_table('measurements', schema=None) as batch_op:
        batch_op.drop_index('uq_measurements_round_indicator_member')
        batch_op.drop_index(batch_op.f('ix_measurements_round_id'))
        batch_op.drop_index(batch_op.f('ix_measurements_member_id'))
        batch_op.drop_index(batch_op.f('ix_measurements_indicator_id'))

    op.drop_table('measurements')
    with op.batch_alter_table('success_stories', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_success_stories_sort_name'))
        batch_op.drop_index(batch_op.f('ix_success_stories_member_id'))
        batch_op.drop_index(batch_op.f('ix_success_stories_activity_id'))

    op.drop_table('success_stories')
    with op.batch_alter_table('outcomes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outcomes_occurred_on'))
        batch_op.drop_index(batch_op.f('ix_outcomes_member_id'))
        batch_op.drop_index('ix_outcomes_activity')

    op.drop_table('outcomes')
    with op.batch_alter_table('measurement_rounds', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_measurement_rounds_set_id'))

    op.drop_table('measurement_rounds')
    with op.batch_alter_table('indicators', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indicators_set_id'))

    op.drop_table('indicators')
    op.drop_table('activity_evaluations')
    op.drop_table('indicator_sets')
