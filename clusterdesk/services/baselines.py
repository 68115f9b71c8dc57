"""Baseline measurements (§4.5.1): an indicator set (e.g. international gearing) with a scale
per indicator, dated rounds (baseline, mid-term, final), each member's values per round, and
the rounds compared — averages, and the change of the members measured in both."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm.attributes import flag_modified

from ..domain.baselines import (
    GEARING_INDICATORS,
    GEARING_SET_DESCRIPTION,
    GEARING_SET_NAME,
    IndicatorComparison,
    MemberComparison,
)
from ..domain.changes import Changes
from ..domain.evaluations import RoundKind
from ..domain.text import sort_key
from ..store.models import Indicator, IndicatorSet, Measurement, MeasurementRound
from .context import ServiceContext
from .dto import clean_text
from .errors import ConflictError, ValidationError
from .records import load, set_deleted


@dataclass(frozen=True)
class IndicatorInput:
    name: str
    description: str = ""
    scale_min: int = 1
    scale_max: int = 5
    unit: str = ""
    id: uuid.UUID | None = None

    @property
    def scale(self) -> str:
        return f"{self.scale_min}–{self.scale_max}" + (f" {self.unit}" if self.unit else "")


@dataclass(frozen=True)
class IndicatorSetInput:
    name: str
    description: str = ""
    indicators: tuple[IndicatorInput, ...] = ()
    version: int = 0


@dataclass(frozen=True)
class RoundInput:
    name: str
    measured_on: date | None
    kind: str = RoundKind.BASELINE.value
    note: str = ""
    version: int = 0


@dataclass(frozen=True)
class RoundRow:
    id: uuid.UUID
    set_id: uuid.UUID
    data: RoundInput
    members: int  # measured in this round
    deleted: bool = False

    @property
    def name(self) -> str:
        return self.data.name


@dataclass(frozen=True)
class IndicatorSetRow:
    id: uuid.UUID
    name: str
    indicators: int
    rounds: int
    latest: date | None


@dataclass(frozen=True)
class IndicatorSetDetail:
    id: uuid.UUID
    data: IndicatorSetInput
    rounds: tuple[RoundRow, ...]
    updated_by: str
    deleted: bool


@dataclass(frozen=True)
class MemberValues:
    member_id: uuid.UUID
    name: str
    values: Mapping[uuid.UUID, Decimal] = field(default_factory=dict)  # indicator id → value


@dataclass(frozen=True)
class RoundSheet:
    round: RoundRow
    indicators: tuple[IndicatorInput, ...]
    rows: tuple[MemberValues, ...]


@dataclass(frozen=True)
class MemberValuesInput:
    """One row of a round's grid: the member, and per indicator what was typed."""

    member_id: uuid.UUID
    values: Mapping[uuid.UUID, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Comparison:
    set_name: str
    rounds: tuple[RoundRow, ...]
    indicators: tuple[IndicatorInput, ...]
    by_indicator: tuple[IndicatorComparison, ...]
    by_member: tuple[MemberComparison, ...]


# --- indicator sets -----------------------------------------------------------------------------


def list_indicator_sets(ctx: ServiceContext, *, deleted: bool = False) -> list[IndicatorSetRow]:
    with ctx.workspace.engine.connect() as conn:
        sets = conn.execute(select(IndicatorSet.id, IndicatorSet.name).where(
            IndicatorSet.deleted_at.is_not(None) if deleted else IndicatorSet.deleted_at.is_(None))).all()
        indicators = dict(conn.execute(select(Indicator.set_id, func.count()).where(
            Indicator.deleted_at.is_(None)).group_by(Indicator.set_id)).all())
        rounds = {r[0]: (r[1], r[2]) for r in conn.execute(
            select(MeasurementRound.set_id, func.count(), func.max(MeasurementRound.measured_on))
            .where(MeasurementRound.deleted_at.is_(None)).group_by(MeasurementRound.set_id))}
    return sorted((IndicatorSetRow(sid, name, indicators.get(sid, 0), *rounds.get(sid, (0, None)))
                   for sid, name in sets), key=lambda r: sort_key(r.name))


def indicators_of(record: IndicatorSet) -> tuple[IndicatorInput, ...]:
    return tuple(IndicatorInput(i.name, i.description, i.scale_min, i.scale_max, i.unit, i.id)
                 for i in record.indicators if i.deleted_at is None)


def round_row(session, record: MeasurementRound) -> RoundRow:
    members = session.scalar(select(func.count(func.distinct(Measurement.member_id))).where(
        Measurement.round_id == record.id, Measurement.deleted_at.is_(None)))
    return RoundRow(record.id, record.set_id,
                    RoundInput(record.name, record.measured_on, record.kind, record.note, record.version),
                    members or 0, record.deleted_at is not None)


def rounds_of(session, set_id: uuid.UUID, *, deleted: bool = False) -> tuple[RoundRow, ...]:
    records = session.scalars(select(MeasurementRound).where(
        MeasurementRound.set_id == set_id,
        MeasurementRound.deleted_at.is_not(None) if deleted else MeasurementRound.deleted_at.is_(None))
        .order_by(MeasurementRound.measured_on, MeasurementRound.created_at))
    return tuple(round_row(session, r) for r in records)


def _set_detail(session, record: IndicatorSet) -> IndicatorSetDetail:
    return IndicatorSetDetail(record.id, IndicatorSetInput(record.name, record.description,
                                                           indicators_of(record), record.version),
                              rounds_of(session, record.id), record.updated_by, record.deleted_at is not None)


def get_indicator_set(ctx: ServiceContext, set_id: uuid.UUID) -> IndicatorSetDetail:
    with ctx.uow() as uow:
        return _set_detail(uow.session, load(uow.session, IndicatorSet, set_id, "That indicator set"))


def deleted_rounds(ctx: ServiceContext, set_id: uuid.UUID) -> tuple[RoundRow, ...]:
    """The set's rounds in the bin."""
    with ctx.uow() as uow:
        return rounds_of(uow.session, set_id, deleted=True)


def validate_indicator_set(data: IndicatorSetInput) -> IndicatorSetInput:
    """Normalise; errors name the field, and the indicator row and column."""
    errors: dict[str, str] = {}
    name = clean_text(data.name)
    if not name:
        errors["name"] = "An indicator set needs a name."
    problems, indicators, names = [], [], set()
    for number, indicator in enumerate(data.indicators, start=1):
        iname = clean_text(indicator.name)
        if not iname and not indicator.description.strip() and indicator.id is None:
            continue  # an empty row left in the table
        if not iname:
            problems.append(f"row {number}, name: the indicator needs a name")
        elif sort_key(iname) in names:
            problems.append(f"row {number}, name: “{iname}” is listed twice")
        names.add(sort_key(iname))
        if indicator.scale_min >= indicator.scale_max:
            problems.append(f"row {number}, scale: the top of the scale must be above its bottom "
                            f"({indicator.scale_min}–{indicator.scale_max})")
        indicators.append(IndicatorInput(iname, indicator.description.strip(), indicator.scale_min,
                                         indicator.scale_max, clean_text(indicator.unit), indicator.id))
    if problems:
        errors["indicators"] = "; ".join(problems)
    elif not indicators:
        errors["indicators"] = "Add at least one indicator."
    if errors:
        raise ValidationError(errors)
    return IndicatorSetInput(name, data.description.strip(), tuple(indicators), data.version)


def _write_set(session, record: IndicatorSet, data: IndicatorSetInput, now) -> None:
    record.name, record.description = data.name, data.description
    flag_modified(record, "name")  # a change of indicators alone is a new version of the set too
    existing = {i.id: i for i in record.indicators if i.deleted_at is None}
    kept = set()
    for position, indicator in enumerate(data.indicators):
        row = existing.get(indicator.id) if indicator.id else None
        if row is None:
            row = Indicator(id=uuid.uuid4(), name=indicator.name)
            record.indicators.append(row)
        kept.add(row.id)
        row.position, row.name, row.description = position, indicator.name, indicator.description
        row.scale_min, row.scale_max, row.unit = indicator.scale_min, indicator.scale_max, indicator.unit
    for indicator_id, row in existing.items():
        if indicator_id not in kept:
            row.deleted_at = now  # its values stay, out of sight, should it come back


def create_indicator_set(ctx: ServiceContext, data: IndicatorSetInput) -> tuple[IndicatorSetDetail, Changes]:
    data = validate_indicator_set(data)
    with ctx.uow() as uow:
        record = IndicatorSet(id=uuid.uuid4(), name=data.name)
        uow.session.add(record)
        _write_set(uow.session, record, data, ctx.now())
        changes = uow.commit()
        return _set_detail(uow.session, record), changes


def create_example_set(ctx: ServiceContext) -> tuple[IndicatorSetDetail, Changes]:
    """The handbook's example: international gearing, four indicators with their scales."""
    taken = {r.name for r in list_indicator_sets(ctx)}
    name, n = GEARING_SET_NAME, 2
    while name in taken:
        name, n = f"{GEARING_SET_NAME} ({n})", n + 1
    return create_indicator_set(ctx, IndicatorSetInput(name, GEARING_SET_DESCRIPTION, tuple(
        IndicatorInput(t.name, t.description, t.scale_min, t.scale_max, t.unit) for t in GEARING_INDICATORS)))


def update_indicator_set(ctx: ServiceContext, set_id: uuid.UUID,
                         data: IndicatorSetInput) -> tuple[IndicatorSetDetail, Changes]:
    data = validate_indicator_set(data)
    with ctx.uow() as uow:
        record = load(uow.session, IndicatorSet, set_id, "That indicator set", live=True)
        if record.version != data.version:
            raise ConflictError(f"Indicator set “{record.name}”", {"name": (record.name, data.name)},
                                record.updated_by)
        _write_set(uow.session, record, data, ctx.now())
        changes = uow.commit()
        return _set_detail(uow.session, record), changes


def delete_indicator_set(ctx: ServiceContext, set_id: uuid.UUID) -> Changes:
    """To the bin, with its rounds and values; restore brings everything back."""
    return set_deleted(ctx, IndicatorSet, set_id, ctx.now(), "That indicator set no longer exists.")


def restore_indicator_set(ctx: ServiceContext, set_id: uuid.UUID) -> Changes:
    return set_deleted(ctx, IndicatorSet, set_id, None, "That indicator set no longer exists.")


# --- rounds ----------------------------------------------------------------------------------


def _validate_round(data: RoundInput) -> RoundInput:
    errors: dict[str, str] = {}
    if not clean_text(data.name):
        errors["name"] = "A round needs a name, e.g. “Baseline 2026”."
    if data.measured_on is None:
        errors["measured_on"] = "A round needs the date it was measured."
    if data.kind not in {k.value for k in RoundKind}:
        errors["kind"] = f"“{data.kind}” is not one of the choices."
    if errors:
        raise ValidationError(errors)
    return RoundInput(clean_text(data.name), data.measured_on, data.kind, data.note.strip(), data.version)


def create_round(ctx: ServiceContext, set_id: uuid.UUID, data: RoundInput) -> tuple[RoundRow, Changes]:
    data = _validate_round(data)
    with ctx.uow() as uow:
        record = load(uow.session, IndicatorSet, set_id, "That indicator set", live=True)
        row = MeasurementRound(id=uuid.uuid4(), set_id=record.id, name=data.name, kind=data.kind,
                               measured_on=data.measured_on, note=data.note)
        uow.session.add(row)
        changes = uow.commit()
        return round_row(uow.session, row), changes


def update_round(ctx: ServiceContext, round_id: uuid.UUID, data: RoundInput) -> tuple[RoundRow, Changes]:
    data = _validate_round(data)
    with ctx.uow() as uow:
        row = load(uow.session, MeasurementRound, round_id, "That round", live=True)
        if row.version != data.version:
            raise ConflictError(f"Round “{row.name}”", {"name": (row.name, data.name)}, row.updated_by)
        row.name, row.kind, row.measured_on, row.note = data.name, data.kind, data.measured_on, data.note
        changes = uow.commit()
        return round_row(uow.session, row), changes


def delete_round(ctx: ServiceContext, round_id: uuid.UUID) -> Changes:
    return set_deleted(ctx, MeasurementRound, round_id, ctx.now(), "That round no longer exists.")


def restore_round(ctx: ServiceContext, round_id: uuid.UUID) -> Changes:
    return set_deleted(ctx, MeasurementRound, round_id, None, "That round no longer exists.")
