"""member CRM: saved filters, the erasure log, indexes for the member list and history

Revision ID: 0002_members_crm
Revises: 0001_initial
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_members_crm"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "saved_filters",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("list_name", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("criteria", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_filters")),
    )
    with op.batch_alter_table("saved_filters", schema=None) as batch_op:
        batch_op.create_index("ix_saved_filters_list", ["list_name", "name"], unique=False)

    op.create_table(
        "erasure_log",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=120), nullable=False),
        sa.Column("subject_kind", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("records_touched", sa.Integer(), nullable=False),
        sa.Column("audit_entries_scrubbed", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasure_log")),
    )

    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.create_index(
            "ix_members_list_scan",
            ["sort_name", "deleted_at", "status", "kind", "international_orientation", "country",
             "search_text"],
            unique=False,
        )
    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.create_index("ix_interactions_member_history",
                              ["member_id", "deleted_at", "occurred_on"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.drop_index("ix_interactions_member_history")
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_index("ix_members_list_scan")
    op.drop_table("erasure_log")
    with op.batch_alter_table("saved_filters", schema=None) as batch_op:
        batch_op.drop_index("ix_saved_filters_list")
    op.drop_table("saved_filters")
