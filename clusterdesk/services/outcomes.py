"""Outcomes participants report after an activity (§4.5.3): new contacts, partners, markets,
research or innovation cooperation, contracts and orders with their exact value. Typed into
a grid; saved all at once, each refused cell named by its row and column."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ..domain.changes import Changes
from ..domain.countries import country_name
from ..domain.evaluations import (
    OUTCOME_COLUMNS,
    OutcomeFact,
    OutcomeKind,
    OutcomeRowError,
    OutcomeText,
    OutcomeTotals,
    evaluated_statuses,
    outcome_totals,
    parse_outcome,
)
from ..domain.formatting import format_amount, format_date
from ..domain.money import Money
from ..store.models import Activity, Member, Outcome, Participant
from .context import ServiceContext
from .errors import ConflictError, NotFound, ValidationError
from .records import load


@dataclass(frozen=True)
class OutcomeLine:
    id: uuid.UUID
    activity_id: uuid.UUID
    member_id: uuid.UUID
    member_name: str
    kind: str
    count: int
    partner: str
    country: str | None
    value: Money | None
    occurred_on: date | None
    note: str
    version: int

    @property
    def kind_label(self) -> str:
        return OutcomeKind(self.kind).label

    def as_text(self) -> OutcomeText:
        """The row as the grid shows it, to type over."""
        return OutcomeText(
            self.member_name, self.kind_label,
            str(self.count) if self.kind == OutcomeKind.NEW_CONTACTS.value else "",
            self.partner, country_name(self.country) if self.country else "",
            format_amount(self.value) if self.value else "", self.value.currency if self.value else "",
            self.occurred_on.strftime("%d-%m-%Y") if self.occurred_on else "", self.note)

    def fact(self) -> OutcomeFact:
        return OutcomeFact(self.member_id, self.kind, self.count, self.country, self.value)


@dataclass(frozen=True)
class OutcomeRowInput:
    """One grid row: what is typed, and the record it edits (None for a new row)."""

    text: OutcomeText
    id: uuid.UUID | None = None
    version: int = 0


def outcome_line(outcome: Outcome, member_name: str) -> OutcomeLine:
    value = Money.from_minor(outcome.value_minor, outcome.currency) if outcome.value_minor is not None else None
    return OutcomeLine(outcome.id, outcome.activity_id, outcome.member_id, member_name, outcome.kind,
                       outcome.count, outcome.partner, outcome.country, value, outcome.occurred_on,
                       outcome.note, outcome.version)


def _lines(session, activity_id: uuid.UUID, *, deleted: bool = False) -> list[OutcomeLine]:
    rows = session.execute(
        select(Outcome, Member.name).join(Member, Member.id == Outcome.member_id)
        .where(Outcome.activity_id == activity_id, Member.deleted_at.is_(None),
               Outcome.deleted_at.is_not(None) if deleted else Outcome.deleted_at.is_(None))
        .order_by(Outcome.position, Outcome.created_at)).all()
    return [outcome_line(outcome, name) for outcome, name in rows]


def list_outcomes(ctx: ServiceContext, activity_id: uuid.UUID, *, deleted: bool = False) -> list[OutcomeLine]:
    """The activity's outcomes in the order they were typed (`deleted`: those in the bin)."""
    with ctx.uow() as uow:
        return _lines(uow.session, activity_id, deleted=deleted)


def outcome_participants(ctx: ServiceContext, activity_id: uuid.UUID, *,
                         counted_only: bool = False) -> dict[uuid.UUID, str]:
    """Member id → name of everyone on the activity's list (the grid offers these names);
    `counted_only`: only those the evaluation waits for (who came)."""
    with ctx.workspace.engine.connect() as conn:
        return _participant_names(conn, activity_id, counted_only=counted_only)


def _participant_names(conn, activity_id: uuid.UUID, *, counted_only: bool = False) -> dict[uuid.UUID, str]:
    rows = conn.execute(select(Member.id, Member.name, Participant.status)
                        .join(Participant, Participant.member_id == Member.id)
                        .where(Participant.activity_id == activity_id, Participant.deleted_at.is_(None),
                               Member.deleted_at.is_(None))
                        .order_by(Member.sort_name)).all()
    if counted_only:
        counted = evaluated_statuses(r.status for r in rows)
        rows = [r for r in rows if r.status in counted]
    return {r.id: r.name for r in rows}


def totals(lines: Sequence[OutcomeLine]) -> OutcomeTotals:
    return outcome_totals([line.fact() for line in lines])


def save_outcomes(ctx: ServiceContext, activity_id: uuid.UUID,
                  rows: Sequence[OutcomeRowInput]) -> tuple[list[OutcomeLine], Changes]:
    """Save the grid: changed rows updated, new rows added, rows taken out moved to the bin
    (restore brings them back). Nothing is saved while any row is refused; the errors are
    keyed "row N:column"."""
    today = ctx.today()
    with ctx.uow() as uow:
        session = uow.session
        activity = load(session, Activity, activity_id, "That activity", live=True)
        members = _participant_names(session, activity.id)
        # A member in the bin keeps its outcomes, out of the grid: restored, they are back.
        existing = {o.id: o for o in session.scalars(select(Outcome).join(Member, Member.id == Outcome.member_id)
                                                     .where(Outcome.activity_id == activity.id,
                                                            Outcome.deleted_at.is_(None),
                                                            Member.deleted_at.is_(None)))}
        errors: dict[str, str] = {}
        parsed = []
        for number, row in enumerate(rows, start=1):
            if row.id is None and row.text.is_blank():
                continue
            try:
                parsed.append((row, parse_outcome(row.text, members, today)))
            except OutcomeRowError as exc:
                errors.update({f"row {number}:{column}": message for column, message in exc.errors.items()})
        if errors:
            raise ValidationError(errors)
        kept: set[uuid.UUID] = set()
        for position, (row, outcome) in enumerate(parsed):
            record = existing.get(row.id) if row.id is not None else None
            if row.id is not None and record is None:
                raise NotFound("One of the outcomes was deleted meanwhile; revert and type it again.")
            if record is not None and record.version != row.version:
                raise ConflictError(f"The outcomes of “{activity.name}”", {}, record.updated_by)
            if record is None:
                record = Outcome(id=uuid.uuid4(), activity_id=activity.id, kind=outcome.kind)
                session.add(record)
            kept.add(record.id)
            record.position = position
            record.member_id, record.kind, record.count = outcome.member_id, outcome.kind, outcome.count
            record.partner, record.country = outcome.partner, outcome.country
            record.value_minor = outcome.value.minor if outcome.value else None
            record.currency = outcome.value.currency if outcome.value else record.currency or "DKK"
            record.occurred_on, record.note = outcome.occurred_on, outcome.note
        for outcome_id, record in existing.items():
            if outcome_id not in kept:
                record.deleted_at = ctx.now()
        changes = uow.commit()
        return _lines(session, activity.id), changes


def restore_outcomes(ctx: ServiceContext, outcome_ids: Sequence[uuid.UUID]) -> Changes:
    """Bring outcomes back from the bin (at the end of the grid)."""
    with ctx.uow() as uow:
        for outcome_id in outcome_ids:
            record = load(uow.session, Outcome, outcome_id, "That outcome")
            record.deleted_at = None
            record.position = 10_000 + record.position
        return uow.commit()


def error_place(key: str) -> tuple[int, str] | None:
    """(row number, column key) of an error key "row N:column"; None for other keys."""
    head, _sep, column = key.partition(":")
    if not head.startswith("row ") or column not in OUTCOME_COLUMNS:
        return None
    return int(head[4:]), column


def describe(line: OutcomeLine) -> str:
    """One line of text for a report: what, with whom, where, worth what, when."""
    parts = [line.kind_label if line.count == 1 else f"{line.count} {line.kind_label.lower()}"]
    if line.partner:
        parts.append(line.partner)
    if line.country:
        parts.append(country_name(line.country))
    if line.value is not None:
        parts.append(f"{format_amount(line.value)} {line.value.currency}")
    if line.occurred_on:
        parts.append(format_date(line.occurred_on))
    return " · ".join(parts)
