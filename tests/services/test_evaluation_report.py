"""The evaluation report's numbers: response rate, ratings per question over every answer,
yes/no counts, outcomes with the value per currency, stories and comments; one activity or
every activity that ended in a period."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from clusterdesk.domain.evaluations import OutcomeKind
from clusterdesk.domain.money import Money
from clusterdesk.domain.questionnaires import AnswerValue
from clusterdesk.services import evaluation_report, outcomes, success_stories
from clusterdesk.services.errors import ValidationError
from clusterdesk.services.outcomes import OutcomeRowInput, OutcomeText

from .evaluation_setup import NAMES, answer, make_trip, plan


def ratings(overall, visits, again="yes", learned=""):
    values = {"overall_rating": AnswerValue(number=Decimal(overall)),
              "visits_rating": AnswerValue(number=Decimal(visits)), "again": AnswerValue(choices=(again,))}
    if learned:
        values["learned"] = AnswerValue(text=learned)
    return values


@pytest.fixture
def evaluated(ctx):
    trip = make_trip(ctx, ended_days_ago=30)
    detail = plan(ctx, trip)
    answer(ctx, detail, trip, NAMES[0], values=ratings(5, 4, learned="Pilots first"))
    answer(ctx, detail, trip, NAMES[1], values=ratings(4, 2, "considering"))
    answer(ctx, detail, trip, NAMES[3], values=ratings(1, 1, "no"))  # the no-show answered anyway
    outcomes.save_outcomes(ctx, trip.id, [OutcomeRowInput(t) for t in (
        OutcomeText(NAMES[0], "Contract", "", "Delfland", "NL", "850.000", "DKK", "01-11-2026"),
        OutcomeText(NAMES[1], "Order", "", "Evides", "NL", "42.500,50", "EUR"),
        OutcomeText(NAMES[1], "Order", "", "Vitens", "NL", "0,50", "EUR"),
        OutcomeText(NAMES[2], "New contacts", "6"),
        OutcomeText(NAMES[2], "New market", "", "", "DE"))])
    success_stories.create_story(ctx, success_stories.StoryInput(
        "Membranes for Delfland", trip.members[NAMES[0]], "published", "Delfland", "NL",
        Money.of("850000", "DKK"), trip.id, date(2026, 11, 1), text="It worked."))
    return trip


def test_one_activity_in_numbers(ctx, evaluated):
    report = evaluation_report.activity_report(ctx, evaluated.id)
    assert report.title == "Evaluation: Study trip to Delft" and "Delft, Netherlands" in report.scope
    assert (report.participants, report.answered, report.answer_sets) == (3, 2, 3)
    assert report.response_rate == pytest.approx(2 / 3)
    by_key = {r.key: r for r in report.ratings}
    # Every answer linked to the activity counts in the ratings, the no-show's too.
    assert by_key["overall_rating"].answered == 3 and by_key["overall_rating"].average == Decimal("3.33")
    assert by_key["overall_rating"].counts == (1, 0, 0, 1, 1)
    assert by_key["visits_rating"].average == Decimal("2.33")
    again = next(y for y in report.yes_no if y.key == "again")
    assert (again.yes, again.no, again.considering) == (1, 1, 1)
    totals = report.totals
    assert totals.values == (Money.of("850000", "DKK"), Money(Decimal("42501.00"), "EUR"))
    assert totals.count_of(OutcomeKind.ORDER) == 2 and totals.count_of(OutcomeKind.NEW_CONTACTS) == 6
    assert totals.countries == (("NL", 3), ("DE", 1)) and totals.reporting == 3
    assert [s.title for s in report.stories] == ["Membranes for Delfland"]
    assert [(c.member, c.text) for c in report.comments] == [(NAMES[0], "Pilots first")]


def test_a_period_adds_up_its_activities(ctx, evaluated):
    later = make_trip(ctx, ended_days_ago=5, name="Matchmaking in Kiel")
    answer(ctx, plan(ctx, later), later, NAMES[2], values=ratings(2, 3))
    make_trip(ctx, ended_days_ago=400, name="Last year's fair")
    report = evaluation_report.period_report(ctx, date(2026, 1, 1), ctx.today())
    assert [a.name for a in report.activities] == ["Study trip to Delft", "Matchmaking in Kiel"]
    assert (report.participants, report.answered) == (6, 3)
    overall = next(r for r in report.ratings if r.key == "overall_rating")
    assert overall.answered == 4 and overall.average == Decimal("3.00")
    assert report.totals.value_in("DKK") == Money.of("850000", "DKK")
    narrow = evaluation_report.period_report(ctx, ctx.today() - timedelta(days=10), ctx.today())
    assert [a.name for a in narrow.activities] == ["Matchmaking in Kiel"] and narrow.totals.values == ()
    assert narrow.stories == ()  # Delft's story belongs to Delft's report and to the period it happened in
    with pytest.raises(ValidationError) as refused:
        evaluation_report.period_report(ctx, date(2026, 12, 1), date(2026, 1, 1))
    assert "end" in refused.value.errors


def test_a_report_with_nothing_yet(ctx):
    trip = make_trip(ctx)
    report = evaluation_report.activity_report(ctx, trip.id)
    assert report.ratings == () and report.totals.per_kind == () and report.response_rate == 0.0
