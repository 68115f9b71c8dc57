"""Columns computed from others, kept current on every flush so that no write can forget them:

- a contact's search text (its folded name, role, email and phone; empty once erased), what
  Ctrl+K matches;
- a member's date of last contact, the newest of its live interactions, which the member
  list shows and sorts by in SQL. A flush that adds, moves, dates, deletes or restores an
  interaction brings its members up to date in the same transaction; writes that bypass the
  ORM (merges, bulk loads) call `refresh_last_contact`."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from itertools import chain

from sqlalchemy import event, func, inspect, select, update
from sqlalchemy.orm import Session

from ..domain.indexing import contact_search_text
from .models import Contact, Interaction, Member

_CHUNK = 500


def last_contact_query(member_id_column):
    """The newest live interaction's date of the member in `member_id_column`."""
    return (select(func.max(Interaction.occurred_on))
            .where(Interaction.member_id == member_id_column, Interaction.deleted_at.is_(None))
            .scalar_subquery())


def refresh_last_contact(conn, member_ids: Iterable[uuid.UUID] | None = None) -> None:
    """Recompute members' last contact (all members when `member_ids` is None)."""
    members = Member.__table__
    # A derived value: the member itself did not change, so its updated_at stays (naming
    # the column keeps its onupdate from firing) and no audit entry is written.
    statement = update(members).values(last_contact_on=last_contact_query(members.c.id),
                                       updated_at=members.c.updated_at)
    if member_ids is None:
        conn.execute(statement)
        return
    ids = list(dict.fromkeys(i for i in member_ids if i is not None))
    for start in range(0, len(ids), _CHUNK):
        conn.execute(statement.where(members.c.id.in_(ids[start:start + _CHUNK])))


def index_contact(contact: Contact) -> None:
    """Set what Ctrl+K finds the contact by from its fields (nothing once erased)."""
    contact.search_text = "" if contact.erased_at is not None else contact_search_text(
        contact.name, contact.role, contact.email, contact.phone_e164)


def _index_before_flush(session: Session, _context, _instances) -> None:
    for obj in chain(session.new, session.dirty):
        if isinstance(obj, Contact):
            index_contact(obj)


def _refresh_after_flush(session: Session, _context) -> None:
    # After the flush the new, dirty and deleted lists still hold what was just written.
    members: set = set()
    for obj in chain(session.new, session.dirty, session.deleted):
        if isinstance(obj, Interaction):
            members.add(obj.member_id)
            members.update(inspect(obj).attrs.member_id.history.deleted)  # moved from
    if members:
        refresh_last_contact(session.connection(), members)


def install_derived(session_factory) -> None:
    event.listen(session_factory, "before_flush", _index_before_flush)
    event.listen(session_factory, "after_flush", _refresh_after_flush)
