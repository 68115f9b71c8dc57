"""imports, saved mappings and merge records

Revision ID: 0005_imports
Revises: 0004_missions
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_imports"
down_revision = "0004_missions"
branch_labels = None
depends_on = None


def _record_columns() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "import_mappings",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("columns", sa.JSON(), nullable=False),
        sa.Column("default_country", sa.String(length=2), nullable=True),
        *_record_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_mappings")),
    )
    with op.batch_alter_table("import_mappings", schema=None) as batch_op:
        batch_op.create_index("uq_import_mappings_name", ["name"], unique=True)

    op.create_table(
        "import_batches",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.Column("file_digest", sa.String(length=64), nullable=False),
        sa.Column("sheet", sa.String(length=120), nullable=False),
        sa.Column("mapping_name", sa.String(length=120), nullable=False),
        sa.Column("rows_read", sa.Integer(), nullable=False),
        sa.Column("rows_skipped", sa.Integer(), nullable=False),
        sa.Column("members_created", sa.Integer(), nullable=False),
        sa.Column("members_merged", sa.Integer(), nullable=False),
        sa.Column("contacts_created", sa.Integer(), nullable=False),
        sa.Column("contacts_updated", sa.Integer(), nullable=False),
        sa.Column("backup_file", sa.String(length=500), nullable=False),
        sa.Column("imported_by", sa.String(length=120), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("undone_by", sa.String(length=120), nullable=False),
        *_record_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batches")),
    )
    with op.batch_alter_table("import_batches", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_import_batches_file_digest"), ["file_digest"], unique=False)

    op.create_table(
        "import_items",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("batch_id", sa.Uuid(), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Uuid(), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("source_row", sa.Integer(), nullable=True),
        sa.Column("before", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["batch_id"], ["import_batches.id"],
                                name=op.f("fk_import_items_batch_id_import_batches"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_items")),
    )
    with op.batch_alter_table("import_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_import_items_batch_id"), ["batch_id"], unique=False)

    op.create_table(
        "merge_records",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("kept_id", sa.Uuid(), nullable=False),
        sa.Column("merged_id", sa.Uuid(), nullable=False),
        sa.Column("kept_name", sa.String(length=200), nullable=False),
        sa.Column("merged_name", sa.String(length=200), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("merged_by", sa.String(length=120), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("undone_by", sa.String(length=120), nullable=False),
        *_record_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merge_records")),
    )
    with op.batch_alter_table("merge_records", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_merge_records_kept_id"), ["kept_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_merge_records_merged_id"), ["merged_id"], unique=False)


def downgrade() -> None:
    op.drop_table("merge_records")
    op.drop_table("import_items")
    op.drop_table("import_batches")
    op.drop_table("import_mappings")
