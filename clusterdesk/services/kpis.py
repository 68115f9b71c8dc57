"""KPIs of a strategy version (§3.3): definition, unit, baseline and target over a period,
a review cadence with the next review date, measurements over time, and a status against
the straight path from baseline to target. A KPI tied to a measure reads its actual value
from the data (services/kpi_measures.py); one can still type measurements by hand."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select

from ..domain.changes import Changes
from ..domain.formatting import format_quantity
from ..domain.strategy import (
    KpiAssessment,
    KpiStatus,
    ReviewCadence,
    assess_kpi,
    counts_as_review,
    next_review_after,
    same_length_from,
)
from ..domain.text import plural, search_fold, sort_key
from ..store.models import Kpi, KpiMeasurement, StrategyVersion
from . import kpi_measures
from .context import ServiceContext
from .dto import clean_text, differences, like_terms
from .errors import ConflictError, ValidationError
from .records import load, set_deleted
from .search import SearchHit, searcher
from .today import AgendaItem

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


def _measurement(m: KpiMeasurement) -> MeasurementRow:
    return MeasurementRow(m.id, m.kpi_id, m.measured_on, m.value, m.note, m.recorded_by, m.from_measure)


class _LiveValues:
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
    live = _LiveValues(ctx)
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
                latest[m.kpi_id] = _measurement(m)
        return [_row(kpi, title, latest.get(kpi.id), live.get(kpi), live.today) for kpi, title in rows]


def _detail(ctx: ServiceContext, session, kpi: Kpi) -> KpiDetail:
    title = session.get(StrategyVersion, kpi.strategy_id).title
    measurements = tuple(_measurement(m) for m in session.scalars(
        select(KpiMeasurement).where(KpiMeasurement.kpi_id == kpi.id, KpiMeasurement.deleted_at.is_(None))
        .order_by(KpiMeasurement.measured_on, KpiMeasurement.created_at)))
    live = _LiveValues(ctx).get(kpi)
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


def _reviewed(ctx: ServiceContext, kpi: Kpi, on: date) -> None:
    kpi.last_reviewed_at = ctx.now()
    kpi.last_reviewed_by = ctx.actor
    kpi.next_review_on = next_review_after(kpi.period_from, ReviewCadence(kpi.cadence).months, on)


def _add_measurement(ctx: ServiceContext, session, kpi: Kpi, measured_on: date, value: Decimal,
                     note: str, from_measure: str = "") -> KpiMeasurement:
    measurement = KpiMeasurement(id=uuid.uuid4(), kpi_id=kpi.id, measured_on=measured_on,
                                 value=value, note=note.strip(), recorded_by=ctx.actor,
                                 from_measure=from_measure)
    session.add(measurement)
    if counts_as_review(measured_on, kpi.next_review_on):
        _reviewed(ctx, kpi, max(measured_on, kpi.next_review_on or measured_on))
    return measurement


def add_measurement(ctx: ServiceContext, kpi_id: uuid.UUID,
                    data: MeasurementInput) -> tuple[MeasurementRow, Changes]:
    """Record a value of the KPI on a date. Taken within two weeks of the review date (or
    later), it is that review: the next review date moves on by the cadence."""
    errors = {}
    if data.measured_on is None:
        errors["measured_on"] = "Give the date the value was measured."
    elif data.measured_on > ctx.today():
        errors["measured_on"] = "A measurement cannot be dated in the future."
    if data.value is None:
        errors["value"] = "Give the measured value."
    if errors:
        raise ValidationError(errors)
    with ctx.uow() as uow:
        kpi = load(uow.session, Kpi, kpi_id, MISSING, live=True)
        measurement = _add_measurement(ctx, uow.session, kpi, data.measured_on, data.value, data.note)
        changes = uow.commit()
        return _measurement(measurement), changes


def record_measure(ctx: ServiceContext, kpi_id: uuid.UUID) -> tuple[MeasurementRow, Changes]:
    """Keep today's value of a tied KPI's measure as a measurement (a point that stays on the
    chart when the data changes later)."""
    with ctx.uow() as uow:
        kpi = load(uow.session, Kpi, kpi_id, MISSING, live=True)
        measure = kpi_measures.measure_by_key(kpi.measure) if kpi.measure else None
        if measure is None:
            raise ValidationError({"measure": "This KPI is not tied to a measure; type its value instead."})
        day = _LiveValues(ctx).on(kpi)
        if day is None:
            raise ValidationError({"measure": "The KPI's period has not started yet; there is "
                                              "nothing to count."})
        value = kpi_measures.compute(ctx, kpi.measure, kpi.period_from, day)
        measurement = _add_measurement(ctx, uow.session, kpi, day, value.value,
                                       f"{measure.label}: {value.detail}", kpi.measure)
        changes = uow.commit()
        return _measurement(measurement), changes


def delete_measurement(ctx: ServiceContext, measurement_id: uuid.UUID) -> Changes:
    """Remove a measurement typed in error (kept as a tombstone for the audit trail)."""
    return set_deleted(ctx, KpiMeasurement, measurement_id, ctx.now(), "That measurement no longer exists.")


def mark_reviewed(ctx: ServiceContext, kpi_id: uuid.UUID) -> Changes:
    """The KPI was reviewed today (is it still right, are more resources needed?): who and
    when are recorded and the next review moves on by the cadence."""
    with ctx.uow() as uow:
        kpi = load(uow.session, Kpi, kpi_id, MISSING, live=True)
        _reviewed(ctx, kpi, max(ctx.today(), kpi.next_review_on or ctx.today()))
        return uow.commit()


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


# --- Today and the handbook's questions -------------------------------------------------------------


def reviews_due(ctx: ServiceContext, until: date) -> list[AgendaItem]:
    """KPI reviews due by `until` (overdue ones included), of versions not archived."""
    query = (select(Kpi.id, Kpi.name, Kpi.next_review_on, Kpi.owner, StrategyVersion.title)
             .join(StrategyVersion, StrategyVersion.id == Kpi.strategy_id)
             .where(Kpi.deleted_at.is_(None), StrategyVersion.deleted_at.is_(None),
                    StrategyVersion.status != "archived", Kpi.next_review_on.is_not(None),
                    Kpi.next_review_on <= until)
             .order_by(Kpi.next_review_on, Kpi.position))
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(query).all()
    return [AgendaItem("kpi-review", due, f"KPI review due: {name}", title, "kpis", kpi_id, owner)
            for kpi_id, name, due, owner, title in rows]


def complete_review(ctx: ServiceContext, kpi_id: uuid.UUID) -> Changes:
    """Tick a KPI review off on Today."""
    return mark_reviewed(ctx, kpi_id)


def realism_evidence(ctx: ServiceContext) -> str | None:
    """Ambitious but realistic? How the approved strategy's KPIs stand against their path."""
    from .strategy import approved_strategy

    approved = approved_strategy(ctx)
    if approved is None:
        return None
    rows = list_kpis(ctx, KpiFilter(strategy_id=approved.id))
    if not rows:
        return f"“{approved.title}” has no KPIs yet."
    counts = {status: sum(1 for r in rows if r.status is status) for status in KpiStatus}
    parts = [f"{counts[s]} {s.label.lower()}" for s in KpiStatus if counts[s]]
    overdue = sum(1 for r in rows if r.next_review_on and r.next_review_on < ctx.today())
    tail = f"; {plural(overdue, 'review')} overdue" if overdue else ""
    return f"{plural(len(rows), 'KPI')}: " + ", ".join(parts) + tail + "."


def reviewed_recently(ctx: ServiceContext, days: int = 120) -> int:
    """KPIs reviewed (or measured) in the last `days` days."""
    since = ctx.now() - timedelta(days=days)
    with ctx.workspace.engine.connect() as conn:
        return len(conn.execute(select(Kpi.id).where(Kpi.deleted_at.is_(None),
                                                     Kpi.last_reviewed_at >= since)).all())
