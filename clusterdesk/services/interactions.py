"""Visits, calls, meetings, emails and events logged with a member. A follow-up date makes
the interaction a task on Today (services.today reads it)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy import select

from ..domain.changes import Changes
from ..domain.enums import InteractionKind
from ..store.models import Contact, Interaction, Member
from .context import ServiceContext
from .errors import ConflictError, NotFound, ValidationError
from .records import load

# A logged interaction happened; a date far ahead is almost always a typing slip.
MAX_DAYS_AHEAD = 366


@dataclass(frozen=True)
class InteractionInput:
    """What the log dialog saves. `version` is the one loaded (0 for a new entry)."""

    kind: str
    occurred_on: date | None
    staff: str = ""
    contact_id: uuid.UUID | None = None
    attendees: str = ""
    summary: str = ""
    needs: str = ""
    next_step: str = ""
    follow_up_on: date | None = None
    follow_up_done: bool = False
    version: int = 0


@dataclass(frozen=True)
class InteractionRow:
    id: uuid.UUID
    member_id: uuid.UUID
    kind: str
    occurred_on: date
    staff: str
    contact_id: uuid.UUID | None
    contact_name: str
    attendees: str
    summary: str
    needs: str
    next_step: str
    follow_up_on: date | None
    follow_up_done_at: datetime | None
    follow_up_done_by: str
    deleted: bool
    version: int

    @property
    def kind_label(self) -> str:
        return InteractionKind(self.kind).label if self.kind in InteractionKind._value2member_map_ else self.kind

    @property
    def people(self) -> str:
        """Who took part on the member's side: the contact and any other attendees."""
        names = [self.contact_name] if self.contact_name else []
        names += [a.strip() for a in self.attendees.split(",")
                  if a.strip() and a.strip() != self.contact_name]
        return ", ".join(names)

    def as_input(self) -> InteractionInput:
        return InteractionInput(self.kind, self.occurred_on, self.staff, self.contact_id,
                                self.attendees, self.summary, self.needs, self.next_step,
                                self.follow_up_on, self.follow_up_done_at is not None,
                                self.version)


def validate_interaction(data: InteractionInput, today: date) -> InteractionInput:
    """Normalise an interaction as typed; raise ValidationError naming each bad field."""
    errors: dict[str, str] = {}
    if data.kind not in InteractionKind._value2member_map_:
        errors["kind"] = f"“{data.kind}” is not one of the choices."
    if data.occurred_on is None:
        errors["occurred_on"] = "Give the date it took place (today, -3, 27-11-2026)."
    elif data.occurred_on > today + timedelta(days=MAX_DAYS_AHEAD):
        errors["occurred_on"] = "That is more than a year ahead; check the year."
    staff = " ".join(data.staff.split())
    if not staff:
        errors["staff"] = "Say who from the secretariat took part."
    if data.follow_up_on is not None and data.occurred_on is not None \
            and data.follow_up_on < data.occurred_on:
        errors["follow_up_on"] = "The follow-up date is before the interaction itself."
    if data.follow_up_done and data.follow_up_on is None:
        errors["follow_up_on"] = "A follow-up marked done needs its date."
    if errors:
        raise ValidationError(errors)
    attendees = ", ".join(a.strip() for a in data.attendees.replace(";", ",").split(",") if a.strip())
    return replace(data, staff=staff, attendees=attendees, summary=data.summary.strip(),
                   needs=data.needs.strip(), next_step=data.next_step.strip())


# --- reading -------------------------------------------------------------------------------


def _query():
    return (select(Interaction, Contact.name)
            .outerjoin(Contact, Contact.id == Interaction.contact_id))


def _row(interaction: Interaction, contact_name: str | None) -> InteractionRow:
    return InteractionRow(
        interaction.id, interaction.member_id, interaction.kind, interaction.occurred_on,
        interaction.staff, interaction.contact_id, contact_name or "", interaction.attendees,
        interaction.summary, interaction.needs, interaction.next_step, interaction.follow_up_on,
        interaction.follow_up_done_at, interaction.follow_up_done_by,
        interaction.deleted_at is not None, interaction.version)


def list_interactions(ctx: ServiceContext, member_id: uuid.UUID, *, deleted: bool = False,
                      limit: int | None = None) -> list[InteractionRow]:
    """A member's interactions, newest first; `deleted=True` lists the ones in the bin."""
    query = _query().where(Interaction.member_id == member_id)
    query = query.where(Interaction.deleted_at.is_not(None) if deleted else Interaction.deleted_at.is_(None))
    query = query.order_by(Interaction.occurred_on.desc(), Interaction.created_at.desc()).limit(limit)
    with ctx.uow() as uow:
        return [_row(i, name) for i, name in uow.session.execute(query)]


def get_interaction(ctx: ServiceContext, interaction_id: uuid.UUID) -> InteractionRow:
    with ctx.uow() as uow:
        found = uow.session.execute(_query().where(Interaction.id == interaction_id)).first()
        if found is None:
            raise NotFound("That interaction no longer exists.")
        return _row(*found)


def known_staff(ctx: ServiceContext) -> list[str]:
    """Everyone who has logged interactions, most active first (for the staff field)."""
    from sqlalchemy import func

    query = (select(Interaction.staff).where(Interaction.staff != "")
             .group_by(Interaction.staff).order_by(func.count().desc(), Interaction.staff).limit(50))
    with ctx.workspace.engine.connect() as conn:
        return list(conn.execute(query).scalars())


# --- writing -------------------------------------------------------------------------------


def _check_contact(session, member_id: uuid.UUID, contact_id: uuid.UUID | None) -> None:
    if contact_id is None:
        return
    contact = session.get(Contact, contact_id)
    if contact is None or contact.member_id != member_id:
        raise ValidationError({"contact_id": "That contact does not belong to this member."})


def _apply(interaction: Interaction, data: InteractionInput, ctx: ServiceContext) -> None:
    for key in ("kind", "occurred_on", "staff", "contact_id", "attendees", "summary", "needs",
                "next_step", "follow_up_on"):
        setattr(interaction, key, getattr(data, key))
    if data.follow_up_done and interaction.follow_up_done_at is None:
        interaction.follow_up_done_at = ctx.now()
        interaction.follow_up_done_by = ctx.actor
    elif not data.follow_up_done and interaction.follow_up_done_at is not None:
        interaction.follow_up_done_at = None
        interaction.follow_up_done_by = ""


def log_interaction(ctx: ServiceContext, member_id: uuid.UUID,
                    data: InteractionInput) -> tuple[InteractionRow, Changes]:
    """Record a visit, call, meeting, email or event with a member."""
    data = validate_interaction(data, ctx.today())
    with ctx.uow() as uow:
        session = uow.session
        load(session, Member, member_id, "That member", live=True)
        _check_contact(session, member_id, data.contact_id)
        interaction = Interaction(id=uuid.uuid4(), member_id=member_id)
        _apply(interaction, data, ctx)
        session.add(interaction)
        changes = uow.commit()
    return get_interaction(ctx, interaction.id), changes


def update_interaction(ctx: ServiceContext, interaction_id: uuid.UUID,
                       data: InteractionInput) -> tuple[InteractionRow, Changes]:
    """Save an edited interaction; refuses to overwrite a newer version."""
    data = validate_interaction(data, ctx.today())
    with ctx.uow() as uow:
        session = uow.session
        interaction = load(session, Interaction, interaction_id, "That interaction")
        if interaction.version != data.version:
            theirs = _row(interaction, None).as_input()
            diffs = {k: (getattr(theirs, k), getattr(data, k))
                     for k in ("kind", "occurred_on", "staff", "summary", "needs", "next_step",
                               "follow_up_on") if getattr(theirs, k) != getattr(data, k)}
            raise ConflictError("This interaction", diffs, interaction.updated_by)
        _check_contact(session, interaction.member_id, data.contact_id)
        _apply(interaction, data, ctx)
        changes = uow.commit()
    return get_interaction(ctx, interaction_id), changes


def _set_deleted(ctx: ServiceContext, interaction_id: uuid.UUID, deleted: bool) -> Changes:
    with ctx.uow() as uow:
        interaction = load(uow.session, Interaction, interaction_id, "That interaction")
        interaction.deleted_at = ctx.now() if deleted else None
        return uow.commit()


def delete_interaction(ctx: ServiceContext, interaction_id: uuid.UUID) -> Changes:
    """Move an interaction to the bin (its follow-up leaves Today with it)."""
    return _set_deleted(ctx, interaction_id, True)


def restore_interaction(ctx: ServiceContext, interaction_id: uuid.UUID) -> Changes:
    """Bring an interaction back from the bin."""
    return _set_deleted(ctx, interaction_id, False)
