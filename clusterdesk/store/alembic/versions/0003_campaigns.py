"""questionnaires, campaigns and markets (issue 3)

Questionnaires in revisions with their questions, answer sets and answers; visit and phone
campaigns with their target members; market analyses and target markets; and the link
from an interaction to the campaign it was logged in.

Revision ID: 0003_campaigns
Revises: 0001_initial
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_campaigns"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('market_analyses',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('market_kind', sa.String(length=20), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('technology', sa.String(length=200), nullable=False),
    sa.Column('source', sa.String(length=30), nullable=False),
    sa.Column('prepared_by', sa.String(length=200), nullable=False),
    sa.Column('made_on', sa.Date(), nullable=True),
    sa.Column('attractiveness', sa.Integer(), nullable=True),
    sa.Column('document_link', sa.String(length=500), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_market_analyses'))
    )
    with op.batch_alter_table('market_analyses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_market_analyses_country'), ['country'], unique=False)

    op.create_table('questionnaires',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('family_id', sa.Uuid(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('template_key', sa.String(length=60), nullable=False),
    sa.Column('prefill', sa.Boolean(), nullable=False),
    sa.Column('superseded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_questionnaires'))
    )
    with op.batch_alter_table('questionnaires', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_questionnaires_family_id'), ['family_id'], unique=False)

    op.create_table('target_markets',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('decided_by', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_target_markets'))
    )
    with op.batch_alter_table('target_markets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_target_markets_country'), ['country'], unique=False)

    op.create_table('campaigns',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('questionnaire_id', sa.Uuid(), nullable=True),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['questionnaire_id'], ['questionnaires.id'], name=op.f('fk_campaigns_questionnaire_id_questionnaires')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_campaigns'))
    )
    with op.batch_alter_table('campaigns', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_campaigns_questionnaire_id'), ['questionnaire_id'], unique=False)

    op.create_table('questions',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('questionnaire_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('help', sa.Text(), nullable=False),
    sa.Column('choices', sa.JSON(), nullable=False),
    sa.Column('allow_other', sa.Boolean(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['questionnaire_id'], ['questionnaires.id'], name=op.f('fk_questions_questionnaire_id_questionnaires'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_questions'))
    )
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_questions_questionnaire_id'), ['questionnaire_id'], unique=False)
        batch_op.create_index('uq_questions_questionnaire_key', ['questionnaire_id', 'key'], unique=True)

    op.create_table('answer_sets',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('questionnaire_id', sa.Uuid(), nullable=False),
    sa.Column('member_id', sa.Uuid(), nullable=True),
    sa.Column('contact_id', sa.Uuid(), nullable=True),
    sa.Column('campaign_id', sa.Uuid(), nullable=True),
    sa.Column('interaction_id', sa.Uuid(), nullable=True),
    sa.Column('answered_on', sa.Date(), nullable=False),
    sa.Column('answered_by', sa.String(length=120), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('respondent', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_answer_sets_campaign_id_campaigns'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_answer_sets_contact_id_contacts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['interaction_id'], ['interactions.id'], name=op.f('fk_answer_sets_interaction_id_interactions'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_answer_sets_member_id_members'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['questionnaire_id'], ['questionnaires.id'], name=op.f('fk_answer_sets_questionnaire_id_questionnaires')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_answer_sets'))
    )
    with op.batch_alter_table('answer_sets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_answer_sets_answered_on'), ['answered_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_answer_sets_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_answer_sets_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_answer_sets_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_answer_sets_questionnaire_id'), ['questionnaire_id'], unique=False)

    op.create_table('answers',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('answer_set_id', sa.Uuid(), nullable=False),
    sa.Column('question_id', sa.Uuid(), nullable=False),
    sa.Column('choices', sa.JSON(), nullable=False),
    sa.Column('other', sa.Text(), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['answer_set_id'], ['answer_sets.id'], name=op.f('fk_answers_answer_set_id_answer_sets'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['question_id'], ['questions.id'], name=op.f('fk_answers_question_id_questions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_answers'))
    )
    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_answers_answer_set_id'), ['answer_set_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_answers_question_id'), ['question_id'], unique=False)
        batch_op.create_index('uq_answers_set_question', ['answer_set_id', 'question_id'], unique=True)

    op.create_table('campaign_targets',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('campaign_id', sa.Uuid(), nullable=False),
    sa.Column('member_id', sa.Uuid(), nullable=False),
    sa.Column('assigned_to', sa.String(length=120), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('call_back_on', sa.Date(), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_attempt_on', sa.Date(), nullable=True),
    sa.Column('last_attempt_by', sa.String(length=120), nullable=False),
    sa.Column('answer_set_id', sa.Uuid(), nullable=True),
    sa.Column('draft', sa.JSON(), nullable=True),
    sa.Column('draft_by', sa.String(length=120), nullable=False),
    sa.Column('draft_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['answer_set_id'], ['answer_sets.id'], name=op.f('fk_campaign_targets_answer_set_id_answer_sets'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_campaign_targets_campaign_id_campaigns'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_campaign_targets_member_id_members'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_campaign_targets'))
    )
    with op.batch_alter_table('campaign_targets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_campaign_targets_assigned_to'), ['assigned_to'], unique=False)
        batch_op.create_index(batch_op.f('ix_campaign_targets_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_campaign_targets_member_id'), ['member_id'], unique=False)
        batch_op.create_index('uq_campaign_targets_campaign_member', ['campaign_id', 'member_id'], unique=True)

    with op.batch_alter_table('interactions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('campaign_id', sa.Uuid(), nullable=True))
        batch_op.create_index(batch_op.f('ix_interactions_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_interactions_campaign_id_campaigns'), 'campaigns', ['campaign_id'], ['id'], ondelete='SET NULL')


def downgrade() -> None:
    with op.batch_alter_table('interactions', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_interactions_campaign_id_campaigns'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_interactions_campaign_id'))
        batch_op.drop_column('campaign_id')

    with op.batch_alter_table('campaign_targets', schema=None) as batch_op:
        batch_op.drop_index('uq_campaign_targets_campaign_member')
        batch_op.drop_index(batch_op.f('ix_campaign_targets_member_id'))
        batch_op.drop_index(batch_op.f('ix_campaign_targets_campaign_id'))
        batch_op.drop_index(batch_op.f('ix_campaign_targets_assigned_to'))

    op.drop_table('campaign_targets')
    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.drop_index('uq_answers_set_question')
        batch_op.drop_index(batch_op.f('ix_answers_question_id'))
        batch_op.drop_index(batch_op.f('ix_answers_answer_set_id'))

    op.drop_table('answers')
    with op.batch_alter_table('answer_sets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_answer_sets_questionnaire_id'))
        batch_op.drop_index(batch_op.f('ix_answer_sets_member_id'))
        batch_op.drop_index(batch_op.f('ix_answer_sets_contact_id'))
        batch_op.drop_index(batch_op.f('ix_answer_sets_campaign_id'))
        batch_op.drop_index(batch_op.f('ix_answer_sets_answered_on'))

    op.drop_table('answer_sets')
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.drop_index('uq_questions_questionnaire_key')
        batch_op.drop_index(batch_op.f('ix_questions_questionnaire_id'))

    op.drop_table('questions')
    with op.batch_alter_table('campaigns', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_campaigns_questionnaire_id'))

    op.drop_table('campaigns')
    with op.batch_alter_table('target_markets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_target_markets_country'))

    op.drop_table('target_markets')
    with op.batch_alter_table('questionnaires', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_questionnaires_family_id'))

    op.drop_table('questionnaires')
    with op.batch_alter_table('market_analyses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_market_analyses_country'))

    op.drop_table('market_analyses')
