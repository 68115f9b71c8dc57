"""Finance on a shared PostgreSQL server: the same services and answers as on SQLite — money
exact to the cent, percentages exact, ticks with who and when, deadlines on Today, the
optimistic lock on a budget whose lines alone changed, and Phase 2's evidence."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from clusterdesk.domain.money import Money
from clusterdesk.services import (
    budgets,
    funding,
    funding_sources,
    secretariat,
    stakeholders,
    swot,
    today,
)
from clusterdesk.services.context import ServiceContext
from clusterdesk.services.errors import ConflictError
from clusterdesk.store.workspace import create_workspace, open_workspace

NOW = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)
TODAY = NOW.date()


def test_finance_on_a_server(pg_url):
    create_workspace(pg_url, "Shared AquaNord").close()
    ws = open_workspace(pg_url)
    try:
        ctx = ServiceContext(ws, "Anne (AK)", clock=lambda: NOW)
        source, _ = funding_sources.create_source(ctx, funding_sources.SourceInput("Interreg ÖKS", "interreg"))
        call, _ = funding.create_call(ctx, funding.CallInput(
            "Green water", source_id=source.id, status="preparing", financing_rate=Decimal("62.5"),
            success_rate=Decimal("11.25"), grant=Money.of("450000.55", "EUR"),
            deadlines=(funding.DeadlineInput(TODAY + timedelta(days=10), "Concept note"),)))
        again = funding.get_call(ctx, call.id)
        assert again.data.grant == Money.of("450000.55", "EUR")
        assert (again.data.financing_rate, again.data.success_rate) == (Decimal("62.5"), Decimal("11.25"))
        assert len(again.documents) == 4 and again.data.preparing_on == TODAY
        items = [i for i in today.agenda(ctx) if i.kind == "funding-deadline"]
        assert [i.title for i in items] == ["Deadline: Green water — Concept note"]
        today.complete_item(ctx, items[0])
        assert funding.get_call(ctx, call.id).deadlines[0].done_by == "Anne (AK)"

        budget, _ = budgets.create_budget(ctx, budgets.BudgetInput(
            "Mission", currency="DKK", participants=3, co_funding_model="plus_activity",
            costs=(budgets.CostInput(Money.of("1000.01", "DKK"), "travel", "Train", True),
                   budgets.CostInput(Money.of("500", "DKK"), "venue")),
            funding=(budgets.FundingInput(Money.of("2000", "DKK"), source.id, secured=True),)))
        assert budget.figures.costs == Money.of("3500.03", "DKK")
        assert budget.figures.price("plus_activity") == Money.of("1166.68", "DKK")
        lines = replace(budget.data, costs=budget.data.costs[:1])
        budgets.update_budget(ctx, budget.id, lines)
        with pytest.raises(ConflictError):
            budgets.update_budget(ctx, budget.id, replace(budget.data, notes="stale"))

        person = stakeholders.create_stakeholder(ctx, stakeholders.StakeholderInput(
            "EEN Aarhus", "een_office", "DK", influence=3, interest=5,
            contacts=(stakeholders.StakeholderContactInput("Simon", phone="87 15 00 00"),)))[0]
        assert person.data.quadrant.value == "manage_closely"
        analysis = swot.create_analysis(ctx, swot.SwotInput("Go abroad?", TODAY, points={
            "strengths": (swot.SwotPoint("A"), swot.SwotPoint("B"))}))[0]
        assert [p.text for p in analysis.data.quadrant("strengths")] == ["A", "B"]
        secretariat.create_staff(ctx, secretariat.StaffInput("Jonas", international_share=80, languages=(
            secretariat.LanguageInput("tysk", "fluent"),)))
        overview = {o.phase.number: o for o in today.phase_overview(ctx)}[2]
        resources, money, partners = (q.evidence for q in overview.questions)
        assert resources.startswith("1 person gives 0.8 full-time posts to international work")
        assert "1 of 1 budget lacks 1.000 kr." in money and "1 stakeholder mapped" in partners
    finally:
        ws.close()
