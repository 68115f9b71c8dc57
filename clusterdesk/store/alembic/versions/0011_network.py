"""network: meta-clusters with their partners and joint agenda, the services catalogue and the
activities that feed it, partner-search requests with the candidates proposed, and project
ideas with their members, partners abroad and funding calls

Revision ID: 0011_network
Revises: 0009_search
Create Date: 2026-11-27

New tables only; nothing existing is rebuilt.
"""

import sqlalchemy as sa
from alembic import op

revision = '0011_network'
down_revision = '0009_search'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('cluster_services',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('sort_name', sa.String(length=200), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('category', sa.String(length=30), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('target_group', sa.Text(), nullable=False),
    sa.Column('price_model', sa.String(length=20), nullable=False),
    sa.Column('price_note', sa.String(length=300), nullable=False),
    sa.Column('owner', sa.String(length=120), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cluster_services'))
    )
    with op.batch_alter_table('cluster_services', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cluster_services_sort_name'), ['sort_name'], unique=False)

    op.create_table('partnerships',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('sort_name', sa.String(length=200), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('our_role', sa.String(length=20), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('website', sa.String(length=300), nullable=False),
    sa.Column('purpose', sa.Text(), nullable=False),
    sa.Column('member_benefits', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_partnerships'))
    )
    with op.batch_alter_table('partnerships', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_partnerships_sort_name'), ['sort_name'], unique=False)

    op.create_table('project_ideas',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('sort_title', sa.String(length=300), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('keywords', sa.String(length=500), nullable=False),
    sa.Column('maturity', sa.String(length=20), nullable=False),
    sa.Column('owner', sa.String(length=120), nullable=False),
    sa.Column('next_step', sa.String(length=300), nullable=False),
    sa.Column('next_step_on', sa.Date(), nullable=True),
    sa.Column('next_step_done_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('next_step_done_by', sa.String(length=120), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project_ideas'))
    )
    with op.batch_alter_table('project_ideas', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_ideas_maturity'), ['maturity'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_ideas_next_step_on'), ['next_step_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_ideas_sort_title'), ['sort_title'], unique=False)

    op.create_table('partner_requests',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('member_id', sa.Uuid(), nullable=False),
    sa.Column('field', sa.String(length=300), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('partner_type', sa.String(length=20), nullable=False),
    sa.Column('countries', sa.String(length=300), nullable=False),
    sa.Column('purpose', sa.Text(), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('owner', sa.String(length=120), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('result_note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_partner_requests_member_id_members'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_partner_requests'))
    )
    with op.batch_alter_table('partner_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_partner_requests_deadline'), ['deadline'], unique=False)
        batch_op.create_index(batch_op.f('ix_partner_requests_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_partner_requests_status'), ['status'], unique=False)

    op.create_table('partnership_agenda_items',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('partnership_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('text', sa.String(length=300), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('owner', sa.String(length=120), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('done_by', sa.String(length=120), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['partnership_id'], ['partnerships.id'], name=op.f('fk_partnership_agenda_items_partnership_id_partnerships'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_partnership_agenda_items'))
    )
    with op.batch_alter_table('partnership_agenda_items', schema=None) as batch_op:
        batch_op.create_index('ix_partnership_agenda_due', ['due_on', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_partnership_agenda_items_partnership_id'), ['partnership_id'], unique=False)

    op.create_table('partnership_partners',
    sa.Column('partnership_id', sa.Uuid(), nullable=False),
    sa.Column('partner_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['partner_id'], ['partners.id'], name=op.f('fk_partnership_partners_partner_id_partners'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['partnership_id'], ['partnerships.id'], name=op.f('fk_partnership_partners_partnership_id_partnerships'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('partnership_id', 'partner_id', name=op.f('pk_partnership_partners'))
    )
    op.create_table('project_idea_members',
    sa.Column('idea_id', sa.Uuid(), nullable=False),
    sa.Column('member_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['idea_id'], ['project_ideas.id'], name=op.f('fk_project_idea_members_idea_id_project_ideas'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_project_idea_members_member_id_members'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('idea_id', 'member_id', name=op.f('pk_project_idea_members'))
    )
    op.create_table('project_idea_partners',
    sa.Column('idea_id', sa.Uuid(), nullable=False),
    sa.Column('partner_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['idea_id'], ['project_ideas.id'], name=op.f('fk_project_idea_partners_idea_id_project_ideas'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['partner_id'], ['partners.id'], name=op.f('fk_project_idea_partners_partner_id_partners'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('idea_id', 'partner_id', name=op.f('pk_project_idea_partners'))
    )
    op.create_table('partner_request_proposals',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('request_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('partner_id', sa.Uuid(), nullable=True),
    sa.Column('stakeholder_id', sa.Uuid(), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('person', sa.String(length=200), nullable=False),
    sa.Column('score', sa.Integer(), nullable=True),
    sa.Column('proposed_on', sa.Date(), nullable=False),
    sa.Column('sent_on', sa.Date(), nullable=True),
    sa.Column('response', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['partner_id'], ['partners.id'], name=op.f('fk_partner_request_proposals_partner_id_partners'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['request_id'], ['partner_requests.id'], name=op.f('fk_partner_request_proposals_request_id_partner_requests'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['stakeholder_id'], ['stakeholders.id'], name=op.f('fk_partner_request_proposals_stakeholder_id_stakeholders'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_partner_request_proposals'))
    )
    with op.batch_alter_table('partner_request_proposals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_partner_request_proposals_partner_id'), ['partner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_partner_request_proposals_request_id'), ['request_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_partner_request_proposals_stakeholder_id'), ['stakeholder_id'], unique=False)

    op.create_table('project_idea_calls',
    sa.Column('idea_id', sa.Uuid(), nullable=False),
    sa.Column('call_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['call_id'], ['funding_calls.id'], name=op.f('fk_project_idea_calls_call_id_funding_calls'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['idea_id'], ['project_ideas.id'], name=op.f('fk_project_idea_calls_idea_id_project_ideas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('idea_id', 'call_id', name=op.f('pk_project_idea_calls'))
    )
    op.create_table('service_activities',
    sa.Column('service_id', sa.Uuid(), nullable=False),
    sa.Column('activity_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activities.id'], name=op.f('fk_service_activities_activity_id_activities'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['service_id'], ['cluster_services.id'], name=op.f('fk_service_activities_service_id_cluster_services'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('service_id', 'activity_id', name=op.f('pk_service_activities'))
    )


def downgrade() -> None:
    op.drop_table('service_activities')
    op.drop_table('project_idea_calls')
    with op.batch_alter_table('partner_request_proposals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_partner_request_proposals_stakeholder_id'))
        batch_op.drop_index(batch_op.f('ix_partner_request_proposals_request_id'))
        batch_op.drop_index(batch_op.f('ix_partner_request_proposals_partner_id'))

    op.drop_table('partner_request_proposals')
    op.drop_table('project_idea_partners')
    op.drop_table('project_idea_members')
    op.drop_table('partnership_partners')
    with op.batch_alter_table('partnership_agenda_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_partnership_agenda_items_partnership_id'))
        batch_op.drop_index('ix_partnership_agenda_due')

    op.drop_table('partnership_agenda_items')
    with op.batch_alter_table('partner_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_partner_requests_status'))
        batch_op.drop_index(batch_op.f('ix_partner_requests_member_id'))
        batch_op.drop_index(batch_op.f('ix_partner_requests_deadline'))

    op.drop_table('partner_requests')
    with op.batch_alter_table('project_ideas', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_ideas_sort_title'))
        batch_op.drop_index(batch_op.f('ix_project_ideas_next_step_on'))
        batch_op.drop_index(batch_op.f('ix_project_ideas_maturity'))

    op.drop_table('project_ideas')
    with op.batch_alter_table('partnerships', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_partnerships_sort_name'))

    op.drop_table('partnerships')
    with op.batch_alter_table('cluster_services', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cluster_services_sort_name'))

    op.drop_table('cluster_services')
