"""Who takes part in an activity: members and the person from each, from registration to
attended or no-show."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ..domain.changes import Changes
from ..domain.enums import ParticipantStatus
from ..store.models import Activity, Contact, Member, Participant
from .context import ServiceContext
from .dto import like_terms
from .errors import NotFound, ValidationError


@dataclass(frozen=True)
class ParticipantRow:
    id: uuid.UUID
    member_id: uuid.UUID
    member_name: str
    contact_id: uuid.UUID | None
    contact_name: str
    contact_email: str
    status: str
    registered_on: date | None
    note: str


@dataclass(frozen=True)
class ContactChoice:
    id: uuid.UUID
    name: str
    role: str


@dataclass(frozen=True)
class MemberChoice:
    """A member one can sign up, with the people who could go."""

    id: uuid.UUID
    name: str
    city: str
    contacts: tuple[ContactChoice, ...]


def list_participants(ctx: ServiceContext, activity_id: uuid.UUID) -> list[ParticipantRow]:
    """The activity's participants by member name."""
    query = (select(Participant.id, Participant.member_id, Member.name, Participant.contact_id,
                    Contact.name, Contact.email, Participant.status, Participant.registered_on,
                    Participant.note)
             .join(Member, Member.id == Participant.member_id)
             .outerjoin(Contact, Contact.id == Participant.contact_id)
             .where(Participant.activity_id == activity_id, Participant.deleted_at.is_(None))
             .order_by(Member.sort_name, Contact.name))
    with ctx.workspace.engine.connect() as conn:
        return [ParticipantRow(r[0], r[1], r[2], r[3], r[4] or "", r[5] or "", r[6], r[7], r[8])
                for r in conn.execute(query)]


def member_choices(ctx: ServiceContext, text: str = "", limit: int | None = None) -> list[MemberChoice]:
    """Live members matching what was typed (every word, as the member list filters), by
    name, with the people who could go; `limit` keeps it quick in a huge workspace."""
    with ctx.workspace.engine.connect() as conn:
        members = conn.execute(select(Member.id, Member.name, Member.city)
                               .where(Member.deleted_at.is_(None), Member.status != "former",
                                      *like_terms(Member.search_text, text))
                               .order_by(Member.sort_name).limit(limit)).all()
        contacts: dict[uuid.UUID, list[ContactChoice]] = {}
        ids = [m[0] for m in members]
        for start in range(0, len(ids), 5000):
            for member_id, cid, name, role in conn.execute(
                    select(Contact.member_id, Contact.id, Contact.name, Contact.role)
                    .where(Contact.member_id.in_(ids[start:start + 5000]), Contact.deleted_at.is_(None),
                           Contact.erased_at.is_(None))
                    .order_by(Contact.is_primary.desc(), Contact.name)):
                contacts.setdefault(member_id, []).append(ContactChoice(cid, name, role))
    return [MemberChoice(mid, name, city, tuple(contacts.get(mid, ()))) for mid, name, city in members]


def add_participant(ctx: ServiceContext, activity_id: uuid.UUID, member_id: uuid.UUID,
                    contact_id: uuid.UUID | None = None,
                    status: str = ParticipantStatus.REGISTERED.value) -> tuple[ParticipantRow, Changes]:
    """Sign a member (and the person going) up for an activity."""
    if status not in {s.value for s in ParticipantStatus}:
        raise ValidationError({"status": f"“{status}” is not one of the choices."})
    with ctx.uow() as uow:
        session = uow.session
        activity = session.get(Activity, activity_id)
        if activity is None or activity.deleted_at is not None:
            raise NotFound("That activity no longer exists.")
        member = session.get(Member, member_id)
        if member is None or member.deleted_at is not None:
            raise ValidationError({"member": "That member no longer exists."})
        contact = session.get(Contact, contact_id) if contact_id else None
        if contact_id and (contact is None or contact.member_id != member_id):
            raise ValidationError({"contact": "That person does not belong to the member."})
        twin = session.scalar(select(Participant.id).where(
            Participant.activity_id == activity_id, Participant.member_id == member_id,
            Participant.deleted_at.is_(None),
            Participant.contact_id.is_(None) if contact_id is None else Participant.contact_id == contact_id))
        if twin is not None:
            who = f"{contact.name} ({member.name})" if contact else member.name
            raise ValidationError({"member": f"{who} is already on the list."})
        row = Participant(id=uuid.uuid4(), activity=activity, activity_id=activity.id,
                          member=member, member_id=member.id, contact=contact,
                          contact_id=contact.id if contact else None, status=status,
                          registered_on=ctx.today())
        session.add(row)
        changes = uow.commit()
        return ParticipantRow(row.id, member.id, member.name, row.contact_id,
                              contact.name if contact else "", contact.email if contact else "",
                              row.status, row.registered_on, row.note), changes


def set_participant_status(ctx: ServiceContext, participant_ids: Sequence[uuid.UUID],
                           status: str) -> Changes:
    """Mark one or many participants (e.g. everyone who came: attended) in one go."""
    if status not in {s.value for s in ParticipantStatus}:
        raise ValidationError({"status": f"“{status}” is not one of the choices."})
    with ctx.uow() as uow:
        for participant_id in participant_ids:
            row = uow.session.get(Participant, participant_id)
            if row is None or row.deleted_at is not None:
                raise NotFound("One of the participants is no longer on the list.")
            row.status = status
        return uow.commit()


def set_participant_note(ctx: ServiceContext, participant_id: uuid.UUID, note: str) -> Changes:
    with ctx.uow() as uow:
        row = uow.session.get(Participant, participant_id)
        if row is None or row.deleted_at is not None:
            raise NotFound("That participant is no longer on the list.")
        row.note = note.strip()
        return uow.commit()


def remove_participants(ctx: ServiceContext, participant_ids: Sequence[uuid.UUID]) -> Changes:
    """Take people off the list (tombstones; the audit trail keeps who was on it)."""
    with ctx.uow() as uow:
        for participant_id in participant_ids:
            row = uow.session.get(Participant, participant_id)
            if row is not None and row.deleted_at is None:
                row.deleted_at = ctx.now()
        return uow.commit()
