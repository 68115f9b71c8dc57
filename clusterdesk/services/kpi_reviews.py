"""A KPI over time (§3.3: "once every quarter, we update them and assess whether they need
adjusting"): measurements typed in or kept from the data, reviews with who and when, the
reviews due on Today, and how the approved strategy's KPIs stand."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from ..domain.changes import Changes
from ..domain.strategy import KpiStatus, ReviewCadence, counts_as_review, next_review_after
from ..domain.text import plural
from ..store.models import Kpi, KpiMeasurement, StrategyVersion
from . import kpi_measures
from .context import ServiceContext
from .errors import ValidationError
from .kpis import (
    MISSING,
    KpiFilter,
    LiveValues,
    MeasurementInput,
    MeasurementRow,
    list_kpis,
    measurement_row,
)
from .records import load, set_deleted
from .today import AgendaItem


def note_review(ctx: ServiceContext, kpi: Kpi, on: date) -> None:
    """Record who reviewed the KPI and when; the next review is the first one after `on`."""
    kpi.last_reviewed_at = ctx.now()
    kpi.last_reviewed_by = ctx.actor
    kpi.next_review_on = next_review_after(kpi.period_from, ReviewCadence(kpi.cadence).months, on)


def add_value(ctx: ServiceContext, session, kpi: Kpi, measured_on: date, value: Decimal,
              note: str, from_measure: str = "") -> KpiMeasurement:
    """A measurement inside the caller's transaction (recorded by ctx.actor); close enough to
    the review date, it is the review."""
    measurement = KpiMeasurement(id=uuid.uuid4(), kpi_id=kpi.id, measured_on=measured_on,
                                 value=value, note=note.strip(), recorded_by=ctx.actor,
                                 from_measure=from_measure)
    session.add(measurement)
    if counts_as_review(measured_on, kpi.next_review_on):
        note_review(ctx, kpi, max(measured_on, kpi.next_review_on or measured_on))
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
        measurement = add_value(ctx, uow.session, kpi, data.measured_on, data.value, data.note)
        changes = uow.commit()
        return measurement_row(measurement), changes


def record_measure(ctx: ServiceContext, kpi_id: uuid.UUID) -> tuple[MeasurementRow, Changes]:
    """Keep today's value of a tied KPI's measure as a measurement (a point that stays on the
    chart when the data changes later)."""
    with ctx.uow() as uow:
        kpi = load(uow.session, Kpi, kpi_id, MISSING, live=True)
        measure = kpi_measures.measure_by_key(kpi.measure) if kpi.measure else None
        if measure is None:
            raise ValidationError({"measure": "This KPI is not tied to a measure; type its value instead."})
        day = LiveValues(ctx).on(kpi)
        if day is None:
            raise ValidationError({"measure": "The KPI's period has not started yet; there is "
                                              "nothing to count."})
        value = kpi_measures.compute(ctx, kpi.measure, kpi.period_from, day)
        measurement = add_value(ctx, uow.session, kpi, day, value.value,
                                       f"{measure.label}: {value.detail}", kpi.measure)
        changes = uow.commit()
        return measurement_row(measurement), changes


def delete_measurement(ctx: ServiceContext, measurement_id: uuid.UUID) -> Changes:
    """Remove a measurement typed in error (kept as a tombstone for the audit trail)."""
    return set_deleted(ctx, KpiMeasurement, measurement_id, ctx.now(), "That measurement no longer exists.")


def mark_reviewed(ctx: ServiceContext, kpi_id: uuid.UUID) -> Changes:
    """The KPI was reviewed today (is it still right, are more resources needed?): who and
    when are recorded and the next review moves on by the cadence."""
    with ctx.uow() as uow:
        kpi = load(uow.session, Kpi, kpi_id, MISSING, live=True)
        note_review(ctx, kpi, max(ctx.today(), kpi.next_review_on or ctx.today()))
        return uow.commit()


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
