"""The strategy on a shared PostgreSQL server: the same services and answers as on SQLite —
versions approved one at a time, KPIs with exact decimal values, every measure's SQL, action
plans with their rows, the wheel, Today and the strategy document."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal as D

from clusterdesk.services import (
    action_plans,
    kpi_measures,
    kpi_reviews,
    kpis,
    strategy,
    strategy_wheel,
    today,
)
from clusterdesk.services.action_plans import ActionPlanInput, SubActivityInput, TargetInput
from clusterdesk.services.context import ServiceContext
from clusterdesk.services.kpis import KpiInput, MeasurementInput
from clusterdesk.services.strategy import StrategyInput
from clusterdesk.store.workspace import create_workspace, open_workspace

NOW = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)


def test_the_strategy_on_a_server(pg_url, tmp_path):
    create_workspace(pg_url, "Shared AquaNord").close()
    ws = open_workspace(pg_url)
    try:
        ctx = ServiceContext(ws, "Anne (AK)", clock=lambda: NOW)
        first = strategy.create_strategy(ctx, StrategyInput("Strategy 2022–2024", date(2022, 1, 1),
                                                            date(2024, 12, 31), countries=("DE",)))[0]
        strategy.approve_strategy(ctx, first.id, date(2022, 3, 1))
        current = strategy.create_strategy(ctx, StrategyInput(
            "Strategy 2025–2027", date(2025, 1, 1), date(2027, 12, 31), countries=("DE", "NO"),
            mission_vision="Water technology first."))[0]
        strategy.approve_strategy(ctx, current.id, date(2025, 3, 12), "Board meeting")
        assert strategy.get_strategy(ctx, first.id).status == "archived"
        assert strategy.get_strategy(ctx, current.id).data.countries == ("DE", "NO")

        kpi = kpis.create_kpi(ctx, KpiInput(current.id, "Export orders", D("0"), D("12.5"), date(2025, 1, 1),
                                            date(2027, 12, 31), unit="DKK million",
                                            next_review_on=date(2026, 12, 1)))[0]
        kpi_reviews.add_measurement(ctx, kpi.id, MeasurementInput(date(2026, 11, 20), D("7.35"), "Q4"))
        detail = kpis.get_kpi(ctx, kpi.id)
        assert detail.row.actual == D("7.35") and detail.data.target == D("12.5")
        assert detail.data.next_review_on == date(2027, 1, 1)
        for measure in kpi_measures.MEASURES:  # each measure's SQL runs on the server
            value = kpi_measures.compute(ctx, measure.key, date(2025, 1, 1), NOW.date())
            assert value.value == 0
        tied = kpis.create_kpi(ctx, KpiInput(current.id, "Partners", D(1), D(4), date(2025, 1, 1),
                                             date(2027, 12, 31), measure="partner_clusters_established"))[0]
        assert tied.row.live and tied.row.actual == 0

        plan = action_plans.create_action_plan(ctx, ActionPlanInput(
            "Action plan 2026: Germany", current.id,
            targets=(TargetInput("Companies on the mission", D(12)),),
            sub_activities=(SubActivityInput("Book 40 meetings in Hamburg", "JB", date(2026, 11, 30)),)))[0]
        data = plan.data
        sub = data.sub_activities[0]
        updated = action_plans.update_action_plan(ctx, plan.id, ActionPlanInput(
            data.name, data.strategy_id, targets=data.targets, version=data.version,
            sub_activities=(SubActivityInput(sub.text, sub.owner, sub.due_on, True, id=sub.id),)))[0]
        assert updated.sub_activities[0].done_at == NOW
        strategy_wheel.start_wheel(ctx, 2026)
        kinds = {i.kind for i in today.agenda(ctx, horizon_days=400)}
        assert {"kpi-review", "milestone"} <= kinds
        phase = next(o for o in today.phase_overview(ctx) if o.phase.number == 3)
        assert all(q.evidence for q in phase.questions)

        from clusterdesk.exports.pdf.strategy_document import write_strategy_pdf
        from clusterdesk.services.strategy_document import strategy_document

        path = write_strategy_pdf(tmp_path / "s.pdf", strategy_document(ctx, current.id))
        assert path.stat().st_size > 10_000
    finally:
        ws.close()
