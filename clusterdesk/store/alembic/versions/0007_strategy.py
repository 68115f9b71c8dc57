"""strategy: versions of the international strategy, KPIs and measurements, action plans
(targets, sub-activities, participants), the annual strategy wheel; activities link to the
action plan they serve

Revision ID: 0007_strategy
Revises: 0006_finance
Create Date: 2026-11-27

New tables, and one new nullable column with its foreign key on `activities` (a batch
rebuild of that table: the migration runner has foreign keys off, so nothing cascades).
"""

import sqlalchemy as sa
from alembic import op

revision = '0007_strategy'
down_revision = '0006_finance'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('strategy_milestones',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('step', sa.String(length=30), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('done_by', sa.String(length=120), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_strategy_milestones'))
    )
    with op.batch_alter_table('strategy_milestones', schema=None) as batch_op:
        batch_op.create_index('ix_strategy_milestones_due', ['due_on', 'done_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_strategy_milestones_year'), ['year'], unique=False)

    op.create_table('strategy_versions',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('sort_title', sa.String(length=200), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('period_from', sa.Date(), nullable=True),
    sa.Column('period_to', sa.Date(), nullable=True),
    sa.Column('approved_on', sa.Date(), nullable=True),
    sa.Column('approved_by', sa.String(length=200), nullable=False),
    sa.Column('mission_vision', sa.Text(), nullable=False),
    sa.Column('target_groups', sa.Text(), nullable=False),
    sa.Column('countries', sa.JSON(), nullable=False),
    sa.Column('markets', sa.Text(), nullable=False),
    sa.Column('sectors', sa.Text(), nullable=False),
    sa.Column('focus_areas', sa.Text(), nullable=False),
    sa.Column('overall_link', sa.Text(), nullable=False),
    sa.Column('process', sa.Text(), nullable=False),
    sa.Column('copied_from_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['copied_from_id'], ['strategy_versions.id'], name=op.f('fk_strategy_versions_copied_from_id_strategy_versions'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_strategy_versions'))
    )
    with op.batch_alter_table('strategy_versions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_strategy_versions_status'), ['status'], unique=False)

    op.create_table('action_plans',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('strategy_id', sa.Uuid(), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('sort_name', sa.String(length=200), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('responsible', sa.String(length=120), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('purpose', sa.Text(), nullable=False),
    sa.Column('institutions', sa.Text(), nullable=False),
    sa.Column('dissemination', sa.Text(), nullable=False),
    sa.Column('budget_minor', sa.Integer(), nullable=True),
    sa.Column('budget_currency', sa.String(length=3), nullable=False),
    sa.Column('budget_note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['strategy_id'], ['strategy_versions.id'], name=op.f('fk_action_plans_strategy_id_strategy_versions'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action_plans'))
    )
    with op.batch_alter_table('action_plans', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_plans_strategy_id'), ['strategy_id'], unique=False)

    op.create_table('kpis',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('strategy_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('sort_name', sa.String(length=200), nullable=False),
    sa.Column('definition', sa.Text(), nullable=False),
    sa.Column('unit', sa.String(length=40), nullable=False),
    sa.Column('baseline', sa.String(length=40), nullable=False),
    sa.Column('target', sa.String(length=40), nullable=False),
    sa.Column('period_from', sa.Date(), nullable=False),
    sa.Column('period_to', sa.Date(), nullable=False),
    sa.Column('cadence', sa.String(length=20), nullable=False),
    sa.Column('next_review_on', sa.Date(), nullable=True),
    sa.Column('last_reviewed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_reviewed_by', sa.String(length=120), nullable=False),
    sa.Column('measure', sa.String(length=60), nullable=False),
    sa.Column('owner', sa.String(length=120), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['strategy_id'], ['strategy_versions.id'], name=op.f('fk_kpis_strategy_id_strategy_versions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kpis'))
    )
    with op.batch_alter_table('kpis', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_kpis_next_review_on'), ['next_review_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_kpis_strategy_id'), ['strategy_id'], unique=False)

    op.create_table('action_plan_participants',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('member_id', sa.Uuid(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_action_plan_participants_member_id_members'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['plan_id'], ['action_plans.id'], name=op.f('fk_action_plan_participants_plan_id_action_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action_plan_participants'))
    )
    with op.batch_alter_table('action_plan_participants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_plan_participants_member_id'), ['member_id'], unique=False)
        batch_op.create_index('ix_action_plan_participants_plan', ['plan_id', 'member_id'], unique=False)

    op.create_table('action_plan_targets',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('term', sa.String(length=10), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('target', sa.String(length=40), nullable=False),
    sa.Column('achieved', sa.String(length=40), nullable=True),
    sa.Column('unit', sa.String(length=40), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['plan_id'], ['action_plans.id'], name=op.f('fk_action_plan_targets_plan_id_action_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action_plan_targets'))
    )
    with op.batch_alter_table('action_plan_targets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_plan_targets_plan_id'), ['plan_id'], unique=False)

    op.create_table('kpi_measurements',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('kpi_id', sa.Uuid(), nullable=False),
    sa.Column('measured_on', sa.Date(), nullable=False),
    sa.Column('value', sa.String(length=40), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('recorded_by', sa.String(length=120), nullable=False),
    sa.Column('from_measure', sa.String(length=60), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['kpi_id'], ['kpis.id'], name=op.f('fk_kpi_measurements_kpi_id_kpis'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kpi_measurements'))
    )
    with op.batch_alter_table('kpi_measurements', schema=None) as batch_op:
        batch_op.create_index('ix_kpi_measurements_kpi', ['kpi_id', 'measured_on'], unique=False)

    op.create_table('sub_activities',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('owner', sa.String(length=120), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('done_by', sa.String(length=120), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['plan_id'], ['action_plans.id'], name=op.f('fk_sub_activities_plan_id_action_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sub_activities'))
    )
    with op.batch_alter_table('sub_activities', schema=None) as batch_op:
        batch_op.create_index('ix_sub_activities_due', ['due_on', 'done_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_sub_activities_plan_id'), ['plan_id'], unique=False)

    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.add_column(sa.Column('action_plan_id', sa.Uuid(), nullable=True))
        batch_op.create_index(batch_op.f('ix_activities_action_plan_id'), ['action_plan_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_activities_action_plan_id_action_plans'), 'action_plans', ['action_plan_id'], ['id'], ondelete='SET NULL')


def downgrade() -> None:
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_activities_action_plan_id_action_plans'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_activities_action_plan_id'))
        batch_op.drop_column('action_plan_id')

    with op.batch_alter_table('sub_activities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sub_activities_plan_id'))
        batch_op.drop_index('ix_sub_activities_due')

    op.drop_table('sub_activities')
    with op.batch_alter_table('kpi_measurements', schema=None) as batch_op:
        batch_op.drop_index('ix_kpi_measurements_kpi')

    op.drop_table('kpi_measurements')
    with op.batch_alter_table('action_plan_targets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_plan_targets_plan_id'))

    op.drop_table('action_plan_targets')
    with op.batch_alter_table('action_plan_participants', schema=None) as batch_op:
        batch_op.drop_index('ix_action_plan_participants_plan')
        batch_op.drop_index(batch_op.f('ix_action_plan_participants_member_id'))

    op.drop_table('action_plan_participants')
    with op.batch_alter_table('kpis', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_kpis_strategy_id'))
        batch_op.drop_index(batch_op.f('ix_kpis_next_review_on'))

    op.drop_table('kpis')
    with op.batch_alter_table('action_plans', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_plans_strategy_id'))

    op.drop_table('action_plans')
    with op.batch_alter_table('strategy_versions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_strategy_versions_status'))

    op.drop_table('strategy_versions')
    with op.batch_alter_table('strategy_milestones', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_strategy_milestones_year'))
        batch_op.drop_index('ix_strategy_milestones_due')

    op.drop_table('strategy_milestones')
