"""KPIs of a strategy version (§3.3): definition, unit, baseline and target over a period,
a review cadence with the next review date, measurements over time, and a status against
the straight path from baseline to target. A KPI tied to a measure reads its actual value
from the data (services/kpi_measures.py); one can still type measurements by hand."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select

from ..domain.changes import Changes
from ..domain.formatting import format_quantity
from ..domain.strategy import (
    KpiAssessment,
    KpiStatus,
    ReviewCadence,
    assess_kpi,
    next_review_after,
    same_length_from,
)
from ..domain.text import search_fold, sort_key
from ..store.models import Kpi, KpiMeasurement, StrategyVersion
from . import kpi_measures
from .context import ServiceContext
from .dto import clean_text, differences, like_terms
from .errors import ConflictError, ValidationError
from .records import load, set_deleted
from .search import SearchHit, searcher

MISSING = "That KPI"
_FIELDS = ("strategy_id", "name", "baseline", "target", "period_from", "period_to", "definition",
           "unit", "cadence", "next_review_on", "measure", "owner")


@dataclass(frozen=True)
class KpiInput:
    strategy_id: uuid.UUID | None
    name: str
    baseline: Decimal | None = None
    target: Decimal | None = None
    period_from: date | None = None
    period_to: date | None = None
    definition: str = ""
    unit: str = ""
    cadence: str = ReviewCadence.QUARTERLY.value
    next_review_on: date | None = None  # None: the first review date after today
    measure: str = ""  # a kpi_measures key; "" = measured by hand
    owner: str = ""
    version: int = 0


@dataclass(frozen=True)
class MeasurementInput:
    measured_on: date | None
    value: Decimal | None
    note: str = ""


@dataclass(frozen=True)
class MeasurementRow:
    id: uuid.UUID
    kpi_id: uuid.UUID
    measured_on: date
    value: Decimal
    note: str
    recorded_by: str
    from_measure: str


@dataclass(frozen=True)
class KpiRow:
    id: uuid.UUID
    strategy_id: uuid.UUID
    strategy_title: str
    position: int
    name: str
    unit: str
    baseline: Decimal
    target: Decimal
    period_from: date
    period_to: date
    cadence: str
    next_review_on: date | None
    measure: str
    owner: str
    actual: Decimal | None  # the live value of a tied KPI, else the latest measurement
    actual_on: date | None
    live: bool  # the actual value was computed from the data just now
    assessment: KpiAssessment

    @property
    def status(self) -> KpiStatus:
        return self.assessment.status

    def show(self, value: Decimal | None) -> str:
        return format_quantity(value, self.unit)


@dataclass(frozen=True)
class KpiDetail:
    id: uuid.UUID
    data: KpiInput
    row: KpiRow
    measurements: tuple[MeasurementRow, ...]
    live: kpi_measures.MeasureValue | None
    last_reviewed_at: datetime | None
    last_reviewed_by: str
    updated_by: str
    deleted: bool

    def actual_points(self, today: date) -> list[tuple[date, Decimal]]:
        """The measurements and, for a tied KPI, today's live value: the actual line."""
        points = [(m.measured_on, m.value) for m in self.measurements]
        if self.live is not None:
            day = self.row.actual_on or today
            points = [p for p in points if p[0] != day] + [(day, self.live.value)]
        return sorted(points, key=lambda p: p[0])


@dataclass(frozen=True)
class KpiFilter:
    strategy_id: uuid.UUID | None = None
    text: str = ""
    deleted: bool = False


# --- reading ------------------------------------------------------------------------------------


def measurement_row(m: KpiMeasurement) -> MeasurementRow:
    return MeasurementRow(m.id, m.kpi_id, m.measured_on, m.value, m.note, m.recorded_by, m.from_measure)


class LiveValues:
    """Live measure values for one listing: KPIs sharing a measure and window count once."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.today = ctx.today()
        self._cache: dict[tuple, kpi_measures.MeasureValue | None] = {}

    def on(self, kpi: Kpi) -> date | None:
        """The day a tied KPI's measure is read: today, or the period's last day once it is
        over; None before the period starts."""
        day = min(self.today, kpi.period_to)
        return day if day >= kpi.period_from else None

    def get(self, kpi: Kpi) -> kpi_measures.MeasureValue | None:
        measure = kpi_measures.measure_by_key(kpi.measure) if kpi.measure else None
        day = self.on(kpi)
        if measure is None or day is None:
            return None
        span = kpi_measures.window(measure, kpi.period_from, day)
        if (kpi.measure, span) not in self._cache:
            self._cache[(kpi.measure, span)] = kpi_measures.compute(self.ctx, kpi.measure,
                                                                    kpi.period_from, day)
        return self._cache[(kpi.measure, span)]


def _row(kpi: Kpi, title: str, last: MeasurementRow | None,
         live: kpi_measures.MeasureValue | None, today: date) -> KpiRow:
    if live is not None:
        actual, actual_on = live.value, min(today, kpi.period_to)
    elif last is not None:
        actual, actual_on = last.value, last.measured_on
    else:
        actual = actual_on = None
    assessment = assess_kpi(kpi.baseline, kpi.target, kpi.period_from, kpi.period_to, actual,
                            actual_on or today)
    return KpiRow(kpi.id, kpi.strategy_id, title, kpi.position, kpi.name, kpi.unit, kpi.baseline,
                  kpi.target, kpi.period_from, kpi.period_to, kpi.cadence, kpi.next_review_on,
                  kpi.measure, kpi.owner, actual, actual_on, live is not None, assessment)


def list_kpis(ctx: ServiceContext, f: KpiFilter = KpiFilter()) -> list[KpiRow]:
    """KPIs (of one strategy version, or all), in their order, with actual value and status."""
    clauses = [Kpi.deleted_at.is_not(None) if f.deleted else Kpi.deleted_at.is_(None),
               StrategyVersion.deleted_at.is_(None)]
    if f.strategy_id is not None:
        clauses.append(Kpi.strategy_id == f.strategy_id)
    for term in search_fold(f.text).split():
        clauses.append(Kpi.sort_name.contains(term, autoescape=True)
                       | like_terms(StrategyVersion.search_text, term)[0])
    live = LiveValues(ctx)
    with ctx.uow() as uow:
        rows = uow.session.execute(
            select(Kpi, StrategyVersion.title).join(StrategyVersion, StrategyVersion.id == Kpi.strategy_id)
            .where(*clauses)
            .order_by(StrategyVersion.period_from.desc(), StrategyVersion.sort_title, Kpi.position,
                      Kpi.sort_name)).all()
        ids = [kpi.id for kpi, _title in rows]
        latest: dict[uuid.UUID, MeasurementRow] = {}
        for start in range(0, len(ids), 5000):
            for m in uow.session.scalars(select(KpiMeasurement).where(
                    KpiMeasurement.kpi_id.in_(ids[start:start + 5000]), KpiMeasurement.deleted_at.is_(None))
                    .order_by(KpiMeasurement.measured_on, KpiMeasurement.created_at)):
                latest[m.kpi_id] = measurement_row(m)
        return [_row(kpi, title, latest.get(kpi.id), live.get(kpi), live.today) for kpi, title in rows]


def _detail(ctx: ServiceContext, session, kpi: Kpi) -> KpiDetail:
    title = session.get(StrategyVersion, kpi.strategy_id).title
    measurements = tuple(measurement_row(m) for m in session.scalars(
        select(KpiMeasurement).where(KpiMeasurement.kpi_id == kpi.id, KpiMeasurement.deleted_at.is_(None))
        .order_by(KpiMeasurement.measured_on, KpiMeasurement.created_at)))
    live = LiveValues(ctx).get(kpi)
    row = _row(kpi, title, measurements[-1] if measurements else None, live, ctx.today())
    data = KpiInput(**{key: getattr(kpi, key) for key in _FIELDS}, version=kpi.version)
    return KpiDetail(kpi.id, data, row, measurements, live, kpi.last_reviewed_at, kpi.last_reviewed_by,
                     kpi.updated_by, kpi.deleted_at is not None)


def get_kpi(ctx: ServiceContext, kpi_id: uuid.UUID) -> KpiDetail:
    with ctx.uow() as uow:
        return _detail(ctx, uow.session, load(uow.session, Kpi, kpi_id, MISSING))


def kpi_details(ctx: ServiceContext, strategy_id: uuid.UUID) -> list[KpiDetail]:
    """Every live KPI of a version with its measurements (for the strategy document)."""
    return [get_kpi(ctx, row.id) for row in list_kpis(ctx, KpiFilter(strategy_id=strategy_id))]


@searcher
def search_kpis(ctx: ServiceContext, text: str, limit: int) -> list[SearchHit]:
    """Ctrl+K: KPIs by name."""
    clauses = [Kpi.sort_name.contains(term, autoescape=True) for term in search_fold(text).split()]
    query = (select(Kpi.id, Kpi.name, StrategyVersion.title)
             .join(StrategyVersion, StrategyVersion.id == Kpi.strategy_id)
             .where(Kpi.deleted_at.is_(None), StrategyVersion.deleted_at.is_(None), *clauses)
             .order_by(Kpi.sort_name).limit(limit))
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(query).all()
    return [SearchHit("kpi", r.id, r.name, f"KPI · {r.title}", "strategy") for r in rows]


# --- writing ------------------------------------------------------------------------------------


def first_review(period_from: date, cadence: str, today: date) -> date:
    """The first review date after today (or after the start, for a period still to come)."""
    return next_review_after(period_from, ReviewCadence(cadence).months,
                             max(today, period_from))


def validate_kpi(data: KpiInput, today: date) -> KpiInput:
    """Tidy what was typed; raise ValidationError naming each refused field."""
    errors: dict[str, str] = {}
    name = clean_text(data.name)
    if not name:
        errors["name"] = "Name the KPI, e.g. “Members taking part in international activities”."
    if data.strategy_id is None:
        errors["strategy_id"] = "Choose the strategy version the KPI belongs to."
    if data.baseline is None:
        errors["baseline"] = "Give the baseline: the value at the start of the period (0 is fine)."
    if data.target is None:
        errors["target"] = "Give the target the strategy aims at by the end of the period."
    if data.period_from is None:
        errors["period_from"] = "Give the first day of the KPI's period."
    if data.period_to is None:
        errors["period_to"] = "Give the last day of the KPI's period."
    elif data.period_from is not None and data.period_to <= data.period_from:
        errors["period_to"] = "The period must end after it starts."
    if data.cadence not in {c.value for c in ReviewCadence}:
        errors["cadence"] = f"“{data.cadence}” is not a review cadence."
    if data.measure and kpi_measures.measure_by_key(data.measure) is None:
        errors["measure"] = "That measure is not known to this version of ClusterDesk."
    if errors:
        raise ValidationError(errors)
    unit = clean_text(data.unit)
    measure = kpi_measures.measure_by_key(data.measure) if data.measure else None
    if measure is not None and not unit:
        unit = measure.unit
    next_review = data.next_review_on or first_review(data.period_from, data.cadence, today)
    return replace(data, name=name, unit=unit, owner=clean_text(data.owner),
                   definition=data.definition.strip(), next_review_on=next_review)


def _apply(kpi: Kpi, data: KpiInput) -> None:
    for key in _FIELDS:
        setattr(kpi, key, getattr(data, key))
    kpi.sort_name = sort_key(data.name)


def create_kpi(ctx: ServiceContext, data: KpiInput) -> tuple[KpiDetail, Changes]:
    """Add a KPI at the end of its strategy version's list."""
    data = validate_kpi(data, ctx.today())
    with ctx.uow() as uow:
        load(uow.session, StrategyVersion, data.strategy_id, "That strategy version", live=True)
        last = uow.session.scalar(select(Kpi.position).where(Kpi.strategy_id == data.strategy_id)
                                  .order_by(Kpi.position.desc()).limit(1))
        kpi = Kpi(id=uuid.uuid4(), position=(last + 1) if last is not None else 0)
        _apply(kpi, data)
        uow.session.add(kpi)
        changes = uow.commit()
        return _detail(ctx, uow.session, kpi), changes


def update_kpi(ctx: ServiceContext, kpi_id: uuid.UUID, data: KpiInput) -> tuple[KpiDetail, Changes]:
    """Save the KPI's definition, numbers, period, cadence and measure."""
    data = validate_kpi(data, ctx.today())
    with ctx.uow() as uow:
        kpi = load(uow.session, Kpi, kpi_id, MISSING)
        if kpi.version != data.version:
            theirs = _detail(ctx, uow.session, kpi).data
            raise ConflictError(f"KPI “{kpi.name}”", differences(theirs, data, _FIELDS), kpi.updated_by)
        load(uow.session, StrategyVersion, data.strategy_id, "That strategy version", live=True)
        _apply(kpi, data)
        changes = uow.commit()
        return _detail(ctx, uow.session, kpi), changes


def delete_kpi(ctx: ServiceContext, kpi_id: uuid.UUID) -> Changes:
    """Move a KPI (with its measurements) to the bin; restore brings it back."""
    return set_deleted(ctx, Kpi, kpi_id, ctx.now(), f"{MISSING} no longer exists.")


def restore_kpi(ctx: ServiceContext, kpi_id: uuid.UUID) -> Changes:
    return set_deleted(ctx, Kpi, kpi_id, None, f"{MISSING} no longer exists.")


def copy_kpis(ctx: ServiceContext, session, source: StrategyVersion, target: StrategyVersion) -> int:
    """Give the version `target` (a copy of `source`) the same KPIs. A KPI over the whole
    strategy period gets the new period; a shorter one (a calendar year) the same length
    from the new start. The baseline becomes where the KPI stands now — the latest value,
    or today's value of a measure of the state ("now") — except for a measure that counts
    within a year or a period: that count starts again, from the old baseline."""
    rows = session.scalars(select(Kpi).where(Kpi.strategy_id == source.id, Kpi.deleted_at.is_(None))
                           .order_by(Kpi.position, Kpi.sort_name)).all()
    whole = (source.period_from, source.period_to)
    for kpi in rows:
        if target.period_from is None or target.period_to is None:
            start, end = kpi.period_from, kpi.period_to
        elif (kpi.period_from, kpi.period_to) == whole:
            start, end = target.period_from, target.period_to
        else:
            start, end = same_length_from(kpi.period_from, kpi.period_to, target.period_from)
        session.add(Kpi(
            id=uuid.uuid4(), strategy_id=target.id, strategy=target, position=kpi.position,
            name=kpi.name, sort_name=kpi.sort_name, definition=kpi.definition, unit=kpi.unit,
            baseline=_carried_baseline(ctx, session, kpi), target=kpi.target, period_from=start,
            period_to=end, cadence=kpi.cadence, measure=kpi.measure, owner=kpi.owner,
            next_review_on=next_review_after(start, ReviewCadence(kpi.cadence).months, start)))
    return len(rows)


def _carried_baseline(ctx: ServiceContext, session, kpi: Kpi) -> Decimal:
    measure = kpi_measures.measure_by_key(kpi.measure) if kpi.measure else None
    if measure is not None:
        if measure.window != "now":
            return kpi.baseline
        value = kpi_measures.compute(ctx, kpi.measure, kpi.period_from, ctx.today())
        return value.value if value is not None else kpi.baseline
    last = session.execute(select(KpiMeasurement.value).where(
        KpiMeasurement.kpi_id == kpi.id, KpiMeasurement.deleted_at.is_(None))
        .order_by(KpiMeasurement.measured_on.desc(), KpiMeasurement.created_at.desc()).limit(1)).scalar()
    return last if last is not None else kpi.baseline
