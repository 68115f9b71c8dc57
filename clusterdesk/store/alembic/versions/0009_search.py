"""search both spellings of æ, ø, å; contacts searchable; members sortable by last contact,
first sector and first tag

Revision ID: 0009_search
Revises: 0008_evaluations
Create Date: 2026-11-28
"""

from collections import defaultdict

import sqlalchemy as sa
from alembic import op

from clusterdesk.domain.indexing import contact_search_text, first_label_key, member_search_text

revision = "0009_search"
down_revision = "0008_evaluations"
branch_labels = None
depends_on = None

CHUNK = 2000

members = sa.table("members", sa.column("id", sa.Uuid()), sa.column("name", sa.String()),
                   sa.column("city", sa.String()), sa.column("postcode", sa.String()),
                   sa.column("vat_number", sa.String()), sa.column("website", sa.String()),
                   sa.column("country", sa.String()), sa.column("search_text", sa.Text()),
                   sa.column("sector_sort", sa.String()), sa.column("tag_sort", sa.String()),
                   sa.column("last_contact_on", sa.Date()))
contacts = sa.table("contacts", sa.column("id", sa.Uuid()), sa.column("name", sa.String()),
                    sa.column("role", sa.String()), sa.column("email", sa.String()),
                    sa.column("phone_e164", sa.String()), sa.column("erased_at", sa.DateTime()),
                    sa.column("search_text", sa.Text()))
tags = sa.table("tags", sa.column("id", sa.Uuid()), sa.column("kind", sa.String()),
                sa.column("name", sa.String()))
member_tags = sa.table("member_tags", sa.column("member_id", sa.Uuid()), sa.column("tag_id", sa.Uuid()))
interactions = sa.table("interactions", sa.column("member_id", sa.Uuid()),
                        sa.column("occurred_on", sa.Date()), sa.column("deleted_at", sa.DateTime()))


def upgrade() -> None:
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_contact_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("sector_sort", sa.String(length=80), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("tag_sort", sa.String(length=80), nullable=False,
                                      server_default=""))
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("search_text", sa.Text(), nullable=False, server_default=""))
    conn = op.get_bind()
    _index_members(conn)
    _index_contacts(conn)


def _write(conn, table, rows: list[dict], **columns) -> None:
    statement = (sa.update(table).where(table.c.id == sa.bindparam("row_id"))
                 .values({name: sa.bindparam(name) for name in columns}))
    for start in range(0, len(rows), CHUNK):
        conn.execute(statement, rows[start:start + CHUNK])


def _index_members(conn) -> None:
    labels: dict = defaultdict(lambda: {"sector": [], "tag": []})
    for member_id, kind, name in conn.execute(
            sa.select(member_tags.c.member_id, tags.c.kind, tags.c.name)
            .join(tags, tags.c.id == member_tags.c.tag_id)):
        labels[member_id]["sector" if kind == "sector" else "tag"].append(name)
    rows = []
    for r in conn.execute(sa.select(members.c.id, members.c.name, members.c.city, members.c.postcode,
                                    members.c.vat_number, members.c.website, members.c.country)):
        own = labels.get(r.id, {"sector": [], "tag": []})
        rows.append({"row_id": r.id, "sector_sort": first_label_key(own["sector"]),
                     "tag_sort": first_label_key(own["tag"]),
                     "search_text": member_search_text(r.name, r.city, r.postcode, r.vat_number,
                                                       r.website, r.country, own["sector"], own["tag"])})
    _write(conn, members, rows, search_text=None, sector_sort=None, tag_sort=None)
    last = (sa.select(sa.func.max(interactions.c.occurred_on))
            .where(interactions.c.member_id == members.c.id, interactions.c.deleted_at.is_(None))
            .scalar_subquery())
    conn.execute(sa.update(members).values(last_contact_on=last))


def _index_contacts(conn) -> None:
    rows = [{"row_id": r.id, "search_text": "" if r.erased_at is not None else
             contact_search_text(r.name, r.role, r.email, r.phone_e164)}
            for r in conn.execute(sa.select(contacts.c.id, contacts.c.name, contacts.c.role,
                                            contacts.c.email, contacts.c.phone_e164,
                                            contacts.c.erased_at))]
    _write(conn, contacts, rows, search_text=None)


def downgrade() -> None:
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_column("search_text")
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_column("tag_sort")
        batch_op.drop_column("sector_sort")
        batch_op.drop_column("last_contact_on")
