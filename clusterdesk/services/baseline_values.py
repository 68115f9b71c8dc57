"""A baseline round's values (§4.5.1): one row per member measured, one value per indicator,
each on its indicator's scale; and the rounds of a set compared."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy import select

from ..domain.baselines import compare_rounds
from ..domain.changes import Changes
from ..domain.questionnaires import format_number, parse_number
from ..domain.text import sort_key
from ..store.models import IndicatorSet, Measurement, MeasurementRound, Member
from .baselines import (
    Comparison,
    MemberValues,
    MemberValuesInput,
    RoundSheet,
    indicators_of,
    round_row,
    rounds_of,
)
from .context import ServiceContext
from .errors import ValidationError
from .records import load


def _sheet(session, record: MeasurementRound) -> RoundSheet:
    indicator_set = session.get(IndicatorSet, record.set_id)
    indicators = indicators_of(indicator_set)
    live = {i.id for i in indicators}
    rows: dict[uuid.UUID, MemberValues] = {}
    for measurement, name in session.execute(
            select(Measurement, Member.name).join(Member, Member.id == Measurement.member_id)
            .where(Measurement.round_id == record.id, Measurement.deleted_at.is_(None),
                   Member.deleted_at.is_(None))):
        row = rows.setdefault(measurement.member_id, MemberValues(measurement.member_id, name, {}))
        if measurement.indicator_id in live and measurement.value is not None:
            row.values[measurement.indicator_id] = measurement.value
    ordered = tuple(sorted(rows.values(), key=lambda r: sort_key(r.name)))
    return RoundSheet(round_row(session, record), indicators, ordered)


def get_round_sheet(ctx: ServiceContext, round_id: uuid.UUID) -> RoundSheet:
    """A round's values: one row per member measured, one value per indicator."""
    with ctx.uow() as uow:
        return _sheet(uow.session, load(uow.session, MeasurementRound, round_id, "That round", live=True))


def previous_round_members(ctx: ServiceContext, round_id: uuid.UUID) -> list[tuple[uuid.UUID, str]]:
    """(id, name) of the members measured in the set's round before this one, to measure
    the same members again."""
    with ctx.uow() as uow:
        session = uow.session
        record = load(session, MeasurementRound, round_id, "That round", live=True)
        earlier = session.scalars(select(MeasurementRound).where(
            MeasurementRound.set_id == record.set_id, MeasurementRound.deleted_at.is_(None),
            MeasurementRound.id != record.id, MeasurementRound.measured_on <= record.measured_on)
            .order_by(MeasurementRound.measured_on.desc(), MeasurementRound.created_at.desc())).first()
        if earlier is None:
            return []
        return [(r.member_id, r.name) for r in _sheet(session, earlier).rows]


def save_round_values(ctx: ServiceContext, round_id: uuid.UUID,
                      rows: Sequence[MemberValuesInput]) -> tuple[RoundSheet, Changes]:
    """Save a round's grid. Each value must lie on its indicator's scale; errors are keyed
    "row N:<indicator id>". A member left out of the grid, or a value emptied, is removed."""
    with ctx.uow() as uow:
        session = uow.session
        record = load(session, MeasurementRound, round_id, "That round", live=True)
        indicators = {i.id: i for i in indicators_of(session.get(IndicatorSet, record.set_id))}
        errors: dict[str, str] = {}
        wanted: dict[tuple[uuid.UUID, uuid.UUID], Decimal] = {}
        seen: set[uuid.UUID] = set()
        for number, row in enumerate(rows, start=1):
            if row.member_id in seen:
                errors[f"row {number}:member"] = "this member is already in the round"
                continue
            seen.add(row.member_id)
            member = session.get(Member, row.member_id)
            if member is None or member.deleted_at is not None:
                errors[f"row {number}:member"] = "that member no longer exists"
                continue
            for indicator_id, typed in row.values.items():
                indicator = indicators.get(indicator_id)
                if indicator is None:
                    continue
                try:
                    value = parse_number(typed)
                except ValueError as exc:
                    errors[f"row {number}:{indicator_id}"] = f"{indicator.name}: {exc}"
                    continue
                if value is None:
                    continue
                if not indicator.scale_min <= value <= indicator.scale_max:
                    errors[f"row {number}:{indicator_id}"] = (
                        f"{indicator.name}: {format_number(value)} is outside the scale {indicator.scale}")
                    continue
                wanted[(row.member_id, indicator_id)] = value
        if errors:
            raise ValidationError(errors)
        existing = {(m.member_id, m.indicator_id): m for m in session.scalars(
            select(Measurement).where(Measurement.round_id == record.id))}
        for key, value in wanted.items():
            measurement = existing.get(key)
            if measurement is None:
                session.add(Measurement(id=uuid.uuid4(), round_id=record.id, member_id=key[0],
                                        indicator_id=key[1], value=value))
                continue
            if measurement.value != value or measurement.deleted_at is not None:
                measurement.value, measurement.deleted_at = value, None  # a cleared value typed again
        for key, measurement in existing.items():
            if key not in wanted and key[1] in indicators and measurement.deleted_at is None:
                measurement.deleted_at = ctx.now()
        changes = uow.commit()
        return _sheet(session, record), changes


# --- rounds compared -----------------------------------------------------------------------------


def compare(ctx: ServiceContext, set_id: uuid.UUID,
            round_ids: Sequence[uuid.UUID] | None = None) -> Comparison:
    """The set's rounds (all, or those given) in date order, compared indicator by indicator
    and member by member."""
    with ctx.uow() as uow:
        session = uow.session
        record = load(session, IndicatorSet, set_id, "That indicator set")
        rounds = [r for r in rounds_of(session, set_id) if round_ids is None or r.id in round_ids]
        indicators = indicators_of(record)
        ids = [r.id for r in rounds]
        values: dict[tuple[uuid.UUID, uuid.UUID, uuid.UUID], Decimal] = {}
        members: dict[uuid.UUID, str] = {}
        if ids:
            for measurement, name in session.execute(
                    select(Measurement, Member.name).join(Member, Member.id == Measurement.member_id)
                    .where(Measurement.round_id.in_(ids), Measurement.deleted_at.is_(None),
                           Member.deleted_at.is_(None), Measurement.value.is_not(None))):
                values[(measurement.round_id, measurement.indicator_id, measurement.member_id)] = measurement.value
                members[measurement.member_id] = name
        by_indicator, by_member = compare_rounds([(i.id, i.name) for i in indicators], ids, values, members)
        return Comparison(record.name, tuple(rounds), indicators, by_indicator, by_member)
