"""Budgets, stakeholders, SWOT analyses and the secretariat through the services; the answers
to Phase 2's questions on the demo; and a contact's erasure reaching the finance texts."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from clusterdesk.domain.enums import CoFundingModel
from clusterdesk.domain.money import Money
from clusterdesk.domain.stakeholders import Quadrant
from clusterdesk.services import (
    activities,
    budgets,
    finance_overview,
    privacy,
    secretariat,
    stakeholders,
    swot,
    today,
)
from clusterdesk.services.errors import ConflictError, ServiceError, ValidationError
from clusterdesk.services.search import search_everything
from tests.conftest import FIXED_NOW

TODAY = FIXED_NOW.date()


def dkk(amount: str) -> Money:
    return Money.of(amount, "DKK")


# --- budgets ------------------------------------------------------------------------------------


def mission(ctx):
    return activities.create_activity(ctx, activities.ActivityInput(
        "Mission to Malmö", TODAY + timedelta(days=40), budget=dkk("50000")))[0]


def test_a_budget_for_an_activity_with_its_gap_and_price(ctx):
    trip = mission(ctx)
    detail, changes = budgets.create_budget(ctx, budgets.BudgetInput(
        "Malmö mission", trip.id, "dkk", 10, CoFundingModel.PLUS_ACTIVITY.value,
        costs=(budgets.CostInput(dkk("800"), "travel", "Ferry and train", True),
               budgets.CostInput(dkk("12000"), "venue", "Meeting room"),
               budgets.CostInput(dkk("20000"), "staff_time", "Two of us, three days"),
               budgets.CostInput(None, "other", "")),  # an empty row left in the table
        funding=(budgets.FundingInput(dkk("15000"), None, "Basic funding", True),)))
    assert changes.touches("budgets", "budget_costs", "budget_funding")
    assert detail.data.currency == "DKK" and len(detail.data.costs) == 3
    figures = detail.figures
    assert figures.costs == dkk("40000") and figures.gap == dkk("25000")
    assert figures.price(detail.data.co_funding_model) == dkk("2000")
    assert detail.activity.name == "Mission to Malmö" and detail.activity.budget == dkk("50000")
    row = budgets.list_budgets(ctx)[0]
    assert (row.activity_name, row.figures.gap) == ("Mission to Malmö", dkk("25000"))

    copied, changes = budgets.copy_to_activity(ctx, detail.id)
    assert changes.touches("activities")
    after = activities.get_activity(ctx, trip.id).data
    assert (after.budget, after.price) == (dkk("40000"), dkk("2000"))
    assert copied.activity.price == dkk("2000")


def test_one_budget_one_currency_and_rows_named(ctx):
    data = budgets.BudgetInput(
        "Mixed", currency="DKK", participants=None,
        costs=(budgets.CostInput(dkk("100"), "venue"), budgets.CostInput(Money.of("50", "EUR"), "travel", "", True),
               budgets.CostInput(dkk("-3"), "venue", "refund?"), budgets.CostInput(None, "venue", "Forgot")),
        funding=(budgets.FundingInput(dkk("10")),))
    with pytest.raises(ValidationError) as refused:
        budgets.create_budget(ctx, data)
    errors = refused.value.errors
    assert errors["costs"] == ("row 2: EUR in a DKK budget — a budget keeps one currency; convert the amount "
                               "to DKK first; row 3: an amount cannot be negative; row 4: a cost needs an amount")
    assert errors["participants"].startswith("Cost row 2 counts per participant")
    assert errors["funding"] == "row 1: say where the money comes from (a source or a description)"
    with pytest.raises(ValidationError, match="currency"):
        budgets.create_budget(ctx, budgets.BudgetInput("Odd", currency="kroner"))


def test_lines_are_kept_by_id_and_removed_ones_go_to_the_bin(ctx):
    detail = budgets.create_budget(ctx, budgets.BudgetInput(
        "Workshop", costs=(budgets.CostInput(dkk("100"), "venue", "Room"),
                           budgets.CostInput(dkk("200"), "catering", "Lunch"))))[0]
    lunch = detail.data.costs[1]
    saved = budgets.update_budget(ctx, detail.id, replace(detail.data, costs=(replace(lunch, amount=dkk("250")),)))[0]
    assert [(c.id, c.amount) for c in saved.data.costs] == [(lunch.id, dkk("250"))]
    with pytest.raises(ConflictError):  # the line change moved the version on
        budgets.update_budget(ctx, detail.id, replace(detail.data, notes="typed meanwhile"))
    budgets.delete_budget(ctx, detail.id)
    assert budgets.list_budgets(ctx) == [] and len(budgets.list_budgets(ctx, deleted=True)) == 1
    with pytest.raises(ServiceError):
        budgets.copy_to_activity(ctx, detail.id)


# --- stakeholders ---------------------------------------------------------------------------------


def test_stakeholders_with_their_people_quadrant_and_search(ctx):
    data = stakeholders.StakeholderInput(
        "Trade Council Hamburg", "ministry", "DE", "www.example.dk", 5, 2, "regular",
        targets="Programme for the mission",
        contacts=(stakeholders.StakeholderContactInput("Katrine Dahl", "Adviser", "KD@Example.DK", "040 1234567"),
                  stakeholders.StakeholderContactInput("", "", "", "")))
    detail = stakeholders.create_stakeholder(ctx, data)[0]
    assert detail.data.quadrant is Quadrant.KEEP_SATISFIED and detail.data.website == "https://www.example.dk"
    assert [(c.name, c.email) for c in detail.data.contacts] == [("Katrine Dahl", "KD@example.dk")]
    rows = stakeholders.list_stakeholders(ctx, stakeholders.StakeholderFilter(quadrant="keep_satisfied"))
    assert [r.name for r in rows] == ["Trade Council Hamburg"] and rows[0].has_targets
    assert stakeholders.list_stakeholders(ctx, stakeholders.StakeholderFilter(quadrant="monitor")) == []
    assert [h.kind for h in search_everything(ctx, "katrine")] == ["stakeholder"]
    with pytest.raises(ValidationError) as refused:
        stakeholders.update_stakeholder(ctx, detail.id, replace(
            detail.data, influence=9, contacts=(stakeholders.StakeholderContactInput("X", "", "x@", "12"),)))
    assert refused.value.errors["influence"].startswith("Influence is scored from 1")
    assert "row 1, email:" in refused.value.errors["contacts"]
    assert "row 1, phone:" in refused.value.errors["contacts"]


# --- SWOT ---------------------------------------------------------------------------------------


def test_a_swot_keeps_its_points_in_order(ctx):
    points = {"strengths": (swot.SwotPoint("A"), swot.SwotPoint("B"), swot.SwotPoint("  ")),
              "threats": (swot.SwotPoint("T"),)}
    detail = swot.create_analysis(ctx, swot.SwotInput("Go to Germany?", TODAY, "Board", points=points))[0]
    a, b = detail.data.quadrant("strengths")
    assert [p.text for p in (a, b)] == ["A", "B"] and detail.data.quadrant("weaknesses") == ()
    reordered = {**detail.data.points, "strengths": (b, a), "weaknesses": (swot.SwotPoint("W"),)}
    saved = swot.update_analysis(ctx, detail.id, replace(detail.data, points=reordered))[0]
    assert [(p.text, p.id) for p in saved.data.quadrant("strengths")] == [("B", b.id), ("A", a.id)]
    assert swot.list_analyses(ctx)[0].counts == (2, 1, 0, 1)
    with pytest.raises(ConflictError):  # reordering alone moved the version on
        swot.update_analysis(ctx, detail.id, detail.data)
    with pytest.raises(ValidationError) as refused:
        swot.create_analysis(ctx, swot.SwotInput("", None))
    assert set(refused.value.errors) == {"title", "made_on"}


# --- the secretariat --------------------------------------------------------------------------------


def test_a_person_with_languages_typed_in_any_way(ctx):
    data = secretariat.StaffInput("Jonas Bech", "jb", "Project leader", 80, 8, languages=(
        secretariat.LanguageInput("dansk", "native"), secretariat.LanguageInput("Deutsch", "fluent"),
        secretariat.LanguageInput("", "basic")))
    detail = secretariat.create_staff(ctx, data)[0]
    assert [(lang.language, lang.level) for lang in detail.data.languages] == [("da", "native"), ("de", "fluent")]
    assert detail.data.initials == "JB"
    with pytest.raises(ValidationError) as refused:
        secretariat.update_staff(ctx, detail.id, replace(detail.data, international_share=120, languages=(
            secretariat.LanguageInput("German"), secretariat.LanguageInput("tysk"),
            secretariat.LanguageInput("Klingon"))))
    assert refused.value.errors["languages"] == ("row 2: German is already in row 1; "
                                                 "row 3: “Klingon” is not a language we know")
    assert "international_share" in refused.value.errors


# --- the demo and Phase 2's questions --------------------------------------------------------------


def test_the_demo_answers_phase_2s_questions(demo_ctx):
    overview = {o.phase.number: o for o in today.phase_overview(demo_ctx)}[2]
    resources, funding_possible, partners = (q.evidence for q in overview.questions)
    assert resources.startswith("4 people give 2.0 full-time posts to international work")
    assert "the languages of Germany and Norway are covered" in resources
    assert funding_possible.startswith("3 open calls worth 480.000 kr. + 201.200 € expected")
    assert "2 of 2 budgets lack 30.800 kr. + 22.000 €" in funding_possible
    assert "granted in the last 12 months: 850.000 kr." in funding_possible
    assert "9 partners abroad" in partners and "14 stakeholders mapped; 4 to manage closely" in partners
    outlook = finance_overview.funding_outlook(demo_ctx)
    assert outlook.covers_gaps is None  # kroner and euro: not compared without a rate
    assert (outlook.granted_calls, outlook.rejected_calls) == (1, 1)


def test_the_demo_funding_picture(demo_ctx):
    from clusterdesk.services import funding

    calls = {c.title: c for c in funding.list_calls(demo_ctx)}
    assert {CallRow.status for CallRow in calls.values()} == {"watching", "preparing", "submitted", "granted",
                                                              "rejected"}
    interreg = calls["Green water solutions for the Kattegat region"]
    assert (interreg.documents.done, interreg.documents.total) == (2, 4)
    hamburg = next(b for b in budgets.list_budgets(demo_ctx) if b.activity_name.startswith("Company mission"))
    assert hamburg.figures.gap.amount > 0 and len(budgets.get_budget(demo_ctx, hamburg.id).data.funding) == 3
    quadrants = {r.quadrant for r in stakeholders.list_stakeholders(demo_ctx)}
    assert quadrants == set(Quadrant) and 10 <= len(stakeholders.list_stakeholders(demo_ctx)) <= 14
    assert [r.counts for r in swot.list_analyses(demo_ctx)] == [(4, 3, 2, 2)]
    assert sorted(r.initials for r in secretariat.list_staff(demo_ctx)) == ["AR", "JB", "MK", "SH"]


def test_erasing_a_contact_reaches_the_stakeholder_notes(demo_ctx):
    from clusterdesk.services.contacts import list_contacts
    from clusterdesk.services.members import MemberFilter, member_page

    member = member_page(demo_ctx, MemberFilter(text="Vestkyst Pumper"), limit=1)[0]
    person = list_contacts(demo_ctx, member.id)[0]
    row = stakeholders.list_stakeholders(demo_ctx)[0]
    detail = stakeholders.get_stakeholder(demo_ctx, row.id)
    stakeholders.update_stakeholder(demo_ctx, row.id, replace(
        detail.data, notes=f"Introduced by {person.name} at the fair."))
    privacy.erase_contact(demo_ctx, person.id, "request")
    assert person.name not in stakeholders.get_stakeholder(demo_ctx, row.id).data.notes
    assert "[erased]" in stakeholders.get_stakeholder(demo_ctx, row.id).data.notes
