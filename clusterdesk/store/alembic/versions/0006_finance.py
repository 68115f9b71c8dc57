"""finance: funding sources and calls, budgets, stakeholders, SWOT analyses, the secretariat

Revision ID: 0006_finance
Revises: 0005_imports
Create Date: 2026-11-27

New tables only (no change to existing ones), so no batch rebuild is involved.
"""

import sqlalchemy as sa
from alembic import op

revision = '0006_finance'
down_revision = '0005_imports'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('funding_sources',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('sort_name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('website', sa.String(length=300), nullable=False),
    sa.Column('available_minor', sa.Integer(), nullable=True),
    sa.Column('available_currency', sa.String(length=3), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_funding_sources'))
    )
    with op.batch_alter_table('funding_sources', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_funding_sources_sort_name'), ['sort_name'], unique=False)

    op.create_table('staff_members',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('sort_name', sa.String(length=200), nullable=False),
    sa.Column('initials', sa.String(length=10), nullable=False),
    sa.Column('role', sa.String(length=120), nullable=False),
    sa.Column('international_share', sa.Integer(), nullable=False),
    sa.Column('experience_years', sa.Integer(), nullable=True),
    sa.Column('experience', sa.Text(), nullable=False),
    sa.Column('education_abroad', sa.Text(), nullable=False),
    sa.Column('background', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_members'))
    )
    with op.batch_alter_table('staff_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_members_sort_name'), ['sort_name'], unique=False)

    op.create_table('stakeholders',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('sort_name', sa.String(length=200), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('website', sa.String(length=300), nullable=False),
    sa.Column('influence', sa.Integer(), nullable=False),
    sa.Column('interest', sa.Integer(), nullable=False),
    sa.Column('relation', sa.String(length=20), nullable=False),
    sa.Column('offers', sa.Text(), nullable=False),
    sa.Column('targets', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stakeholders'))
    )
    with op.batch_alter_table('stakeholders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stakeholders_sort_name'), ['sort_name'], unique=False)

    op.create_table('swot_analyses',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('sort_title', sa.String(length=300), nullable=False),
    sa.Column('made_on', sa.Date(), nullable=False),
    sa.Column('made_by', sa.String(length=200), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_swot_analyses'))
    )
    with op.batch_alter_table('swot_analyses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_swot_analyses_sort_title'), ['sort_title'], unique=False)

    op.create_table('budgets',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('sort_name', sa.String(length=200), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('activity_id', sa.Uuid(), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('participants', sa.Integer(), nullable=True),
    sa.Column('co_funding_model', sa.String(length=30), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['activity_id'], ['activities.id'], name=op.f('fk_budgets_activity_id_activities'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_budgets'))
    )
    with op.batch_alter_table('budgets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_budgets_activity_id'), ['activity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_budgets_sort_name'), ['sort_name'], unique=False)

    op.create_table('funding_calls',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('source_id', sa.Uuid(), nullable=True),
    sa.Column('call_code', sa.String(length=120), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('sort_title', sa.String(length=300), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('preparing_on', sa.Date(), nullable=True),
    sa.Column('submitted_on', sa.Date(), nullable=True),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('financing_rate_bp', sa.Integer(), nullable=True),
    sa.Column('success_rate_bp', sa.Integer(), nullable=True),
    sa.Column('grant_minor', sa.Integer(), nullable=True),
    sa.Column('grant_currency', sa.String(length=3), nullable=False),
    sa.Column('granted_minor', sa.Integer(), nullable=True),
    sa.Column('fit_rating', sa.Integer(), nullable=True),
    sa.Column('fit_note', sa.Text(), nullable=False),
    sa.Column('responsible', sa.String(length=120), nullable=False),
    sa.Column('link', sa.String(length=500), nullable=False),
    sa.Column('warn_days', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['source_id'], ['funding_sources.id'], name=op.f('fk_funding_calls_source_id_funding_sources'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_funding_calls'))
    )
    with op.batch_alter_table('funding_calls', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_funding_calls_source_id'), ['source_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_funding_calls_status'), ['status'], unique=False)

    op.create_table('staff_languages',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('staff_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=3), nullable=False),
    sa.Column('level', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['staff_id'], ['staff_members.id'], name=op.f('fk_staff_languages_staff_id_staff_members'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_languages'))
    )
    with op.batch_alter_table('staff_languages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_languages_staff_id'), ['staff_id'], unique=False)

    op.create_table('stakeholder_contacts',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('stakeholder_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=120), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('phone', sa.String(length=60), nullable=False),
    sa.Column('phone_e164', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['stakeholder_id'], ['stakeholders.id'], name=op.f('fk_stakeholder_contacts_stakeholder_id_stakeholders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stakeholder_contacts'))
    )
    with op.batch_alter_table('stakeholder_contacts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stakeholder_contacts_stakeholder_id'), ['stakeholder_id'], unique=False)

    op.create_table('swot_items',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('analysis_id', sa.Uuid(), nullable=False),
    sa.Column('quadrant', sa.String(length=15), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['analysis_id'], ['swot_analyses.id'], name=op.f('fk_swot_items_analysis_id_swot_analyses'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_swot_items'))
    )
    with op.batch_alter_table('swot_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_swot_items_analysis_id'), ['analysis_id'], unique=False)

    op.create_table('budget_costs',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('budget_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=30), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('amount_minor', sa.Integer(), nullable=False),
    sa.Column('amount_currency', sa.String(length=3), nullable=False),
    sa.Column('per_participant', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['budget_id'], ['budgets.id'], name=op.f('fk_budget_costs_budget_id_budgets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_budget_costs'))
    )
    with op.batch_alter_table('budget_costs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_budget_costs_budget_id'), ['budget_id'], unique=False)

    op.create_table('budget_funding',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('budget_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Uuid(), nullable=True),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('amount_minor', sa.Integer(), nullable=False),
    sa.Column('amount_currency', sa.String(length=3), nullable=False),
    sa.Column('secured', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['budget_id'], ['budgets.id'], name=op.f('fk_budget_funding_budget_id_budgets'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_id'], ['funding_sources.id'], name=op.f('fk_budget_funding_source_id_funding_sources'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_budget_funding'))
    )
    with op.batch_alter_table('budget_funding', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_budget_funding_budget_id'), ['budget_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_budget_funding_source_id'), ['source_id'], unique=False)

    op.create_table('call_deadlines',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('call_id', sa.Uuid(), nullable=False),
    sa.Column('stage', sa.String(length=200), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('done_by', sa.String(length=120), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['call_id'], ['funding_calls.id'], name=op.f('fk_call_deadlines_call_id_funding_calls'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_call_deadlines'))
    )
    with op.batch_alter_table('call_deadlines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_call_deadlines_call_id'), ['call_id'], unique=False)
        batch_op.create_index('ix_call_deadlines_due', ['due_on', 'done_at'], unique=False)

    op.create_table('call_documents',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('call_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(length=300), nullable=False),
    sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('done_by', sa.String(length=120), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['call_id'], ['funding_calls.id'], name=op.f('fk_call_documents_call_id_funding_calls'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_call_documents'))
    )
    with op.batch_alter_table('call_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_call_documents_call_id'), ['call_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('call_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_call_documents_call_id'))

    op.drop_table('call_documents')
    with op.batch_alter_table('call_deadlines', schema=None) as batch_op:
        batch_op.drop_index('ix_call_deadlines_due')
        batch_op.drop_index(batch_op.f('ix_call_deadlines_call_id'))

    op.drop_table('call_deadlines')
    with op.batch_alter_table('budget_funding', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_budget_funding_source_id'))
        batch_op.drop_index(batch_op.f('ix_budget_funding_budget_id'))

    op.drop_table('budget_funding')
    with op.batch_alter_table('budget_costs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_budget_costs_budget_id'))

    op.drop_table('budget_costs')
    with op.batch_alter_table('swot_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_swot_items_analysis_id'))

    op.drop_table('swot_items')
    with op.batch_alter_table('stakeholder_contacts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stakeholder_contacts_stakeholder_id'))

    op.drop_table('stakeholder_contacts')
    with op.batch_alter_table('staff_languages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_languages_staff_id'))

    op.drop_table('staff_languages')
    with op.batch_alter_table('funding_calls', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_funding_calls_status'))
        batch_op.drop_index(batch_op.f('ix_funding_calls_source_id'))

    op.drop_table('funding_calls')
    with op.batch_alter_table('budgets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_budgets_sort_name'))
        batch_op.drop_index(batch_op.f('ix_budgets_activity_id'))

    op.drop_table('budgets')
    with op.batch_alter_table('swot_analyses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_swot_analyses_sort_title'))

    op.drop_table('swot_analyses')
    with op.batch_alter_table('stakeholders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stakeholders_sort_name'))

    op.drop_table('stakeholders')
    with op.batch_alter_table('staff_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_members_sort_name'))

    op.drop_table('staff_members')
    with op.batch_alter_table('funding_sources', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_funding_sources_sort_name'))

    op.drop_table('funding_sources')
