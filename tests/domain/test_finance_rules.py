"""Phase 2's rules without a database: what a call is worth, the dates its status carries,
the budget's gap and the price per participant under each co-funding model of §2.2.3, the
quadrant of a stakeholder, and what the secretariat brings to the chosen markets."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clusterdesk.domain.budgets import CostLine, FundingLine, MixedCurrencies, budget_figures, share
from clusterdesk.domain.enums import CallStatus, CoFundingModel, CostTier
from clusterdesk.domain.funding import (
    PIC_NUMBER,
    StatusDateError,
    StatusDates,
    basis_points_to_percent,
    default_documents,
    expected_value,
    format_percent,
    next_deadline,
    own_contribution,
    parse_percent,
    percent_to_basis_points,
    settle_status_dates,
    shows_on_today,
)
from clusterdesk.domain.money import Money, parse_money
from clusterdesk.domain.readiness import SpokenLanguage, StaffCompetence, assess, official_languages
from clusterdesk.domain.stakeholders import Quadrant, quadrant, spread_points

TODAY = date(2026, 11, 27)


def dkk(amount: str) -> Money:
    return Money.of(amount, "DKK")


# --- calls -------------------------------------------------------------------------------------


def test_expected_value_is_size_times_success_rate():
    assert expected_value(Money.of("450000", "EUR"), Decimal(35)) == Money.of("157500", "EUR")
    assert expected_value(Money.of("380000", "EUR"), Decimal("11.5")) == Money.of("43700", "EUR")
    assert expected_value(Money.of("100", "EUR"), Decimal("33.333")) == Money.of("33.33", "EUR")
    assert expected_value(None, Decimal(10)) is None
    assert expected_value(Money.of("1", "EUR"), None) is None


def test_own_contribution_is_what_the_financing_rate_leaves():
    assert own_contribution(Money.of("700000", "EUR"), Decimal(70)) == Money.of("300000", "EUR")
    assert own_contribution(Money.of("500000", "EUR"), Decimal(100)) == Money.of("0", "EUR")
    assert own_contribution(Money.of("1", "EUR"), None) is None
    assert own_contribution(Money.of("1", "EUR"), Decimal(0)) is None


@pytest.mark.parametrize("text, value", [("70", Decimal(70)), ("70 %", Decimal(70)), ("6,5", Decimal("6.5")),
                                         ("6.5%", Decimal("6.5")), ("", None), ("100", Decimal(100))])
def test_percentages_as_typed(text, value):
    assert parse_percent(text) == value


@pytest.mark.parametrize("text", ["lots", "101", "-5", "nan"])
def test_percentages_refused_with_a_reason(text):
    with pytest.raises(ValueError, match="percentage"):
        parse_percent(text)


@given(st.decimals(min_value=0, max_value=100, places=2, allow_nan=False))
def test_percentages_round_trip_through_basis_points(value):
    assert basis_points_to_percent(percent_to_basis_points(value)) == value
    assert format_percent(value).endswith(" %")


def test_the_status_stamps_its_own_date_and_drops_later_ones():
    dates = settle_status_dates(CallStatus.PREPARING, StatusDates(), TODAY)
    assert dates == StatusDates(TODAY, None, None)
    sent = TODAY - timedelta(days=3)
    dates = settle_status_dates(CallStatus.SUBMITTED, StatusDates(TODAY - timedelta(days=40), sent), TODAY)
    assert dates.submitted_on == sent and dates.decided_on is None
    assert settle_status_dates(CallStatus.GRANTED, dates, TODAY).decided_on == TODAY
    # Back to preparing (a mistake undone): the submission date goes with it.
    back = settle_status_dates(CallStatus.PREPARING, StatusDates(TODAY - timedelta(days=40), sent, TODAY), TODAY)
    assert back == StatusDates(TODAY - timedelta(days=40), None, None)
    assert settle_status_dates(CallStatus.WATCHING, back, TODAY) == StatusDates()
    # Withdrawn before it was sent keeps no submission; after, it keeps it.
    assert settle_status_dates(CallStatus.WITHDRAWN, StatusDates(), TODAY) == StatusDates(None, None, TODAY)


@pytest.mark.parametrize("status, dates, field", [
    (CallStatus.SUBMITTED, StatusDates(None, TODAY + timedelta(days=1)), "submitted_on"),
    (CallStatus.SUBMITTED, StatusDates(TODAY, TODAY - timedelta(days=2)), "submitted_on"),
    (CallStatus.REJECTED, StatusDates(None, TODAY - timedelta(days=5), TODAY - timedelta(days=9)), "decided_on"),
    (CallStatus.PREPARING, StatusDates(TODAY + timedelta(days=3)), "preparing_on"),
])
def test_status_dates_in_the_future_or_out_of_order_are_refused(status, dates, field):
    with pytest.raises(StatusDateError) as raised:
        settle_status_dates(status, dates, TODAY)
    assert raised.value.field == field


def test_documents_to_prepare_follow_appendix_3():
    assert default_documents("horizon")[0] == PIC_NUMBER and len(default_documents("interreg")) == 4
    assert PIC_NUMBER not in default_documents("regional_fund") and len(default_documents("national")) == 3
    assert default_documents(None) == default_documents("cosme")


class Stage:
    def __init__(self, due_on, done=False):
        self.due_on, self.done = due_on, done


def test_next_deadline_and_the_warning_window():
    stages = [Stage(TODAY - timedelta(days=5), True), Stage(TODAY + timedelta(days=20)),
              Stage(TODAY + timedelta(days=90))]
    assert next_deadline(stages, TODAY) is stages[1]
    missed = [Stage(TODAY - timedelta(days=2))]
    assert next_deadline(missed, TODAY) is missed[0]
    assert next_deadline([Stage(TODAY, True)], TODAY) is None
    until = TODAY + timedelta(days=30)
    assert shows_on_today(TODAY + timedelta(days=41), TODAY, until, 42)
    assert not shows_on_today(TODAY + timedelta(days=43), TODAY, until, 42)
    assert shows_on_today(TODAY + timedelta(days=29), TODAY, until, 0)  # inside the agenda's horizon
    assert shows_on_today(TODAY - timedelta(days=10), TODAY, until, 42)  # overdue stays


# --- budgets -----------------------------------------------------------------------------------

HAMBURG = [CostLine("travel", dkk("1450"), True), CostLine("accommodation", dkk("2300"), True),
           CostLine("subsistence", dkk("900"), True), CostLine("venue", dkk("8000")),
           CostLine("local_transport", dkk("14500")), CostLine("programme", dkk("9500")),
           CostLine("catering", dkk("21000")), CostLine("marketing", dkk("6000")),
           CostLine("staff_time", dkk("52000")), CostLine("staff_travel", dkk("9800"))]
PATCHWORK = [FundingLine(dkk("40000"), True), FundingLine(dkk("50000"), True), FundingLine(dkk("41850"))]


def test_gap_in_money_and_percent():
    figures = budget_figures("DKK", HAMBURG, PATCHWORK, 9)
    assert figures.by_tier == {CostTier.PARTICIPANTS: dkk("41850"), CostTier.ACTIVITY: dkk("59000"),
                               CostTier.SECRETARIAT: dkk("61800")}
    assert figures.costs == dkk("162650") and figures.funding == dkk("131850")
    assert figures.gap == dkk("30800") and figures.gap_percent == Decimal("18.9")
    assert figures.secured == dkk("90000") and figures.unsecured == dkk("72650")
    assert figures.funded_percent == Decimal("81.1")


def test_price_per_participant_under_each_co_funding_model():
    figures = budget_figures("DKK", HAMBURG, PATCHWORK, 9)
    assert figures.price(CoFundingModel.NONE) == dkk("0")
    assert figures.price(CoFundingModel.OWN_COSTS) == dkk("4650")
    # 100.850 / 9 = 11.205,555…: rounded up, so nine participants never pay less than the costs
    assert figures.price(CoFundingModel.PLUS_ACTIVITY) == dkk("11205.56")
    assert figures.price(CoFundingModel.PLUS_SECRETARIAT) == dkk("18072.23")
    assert figures.fees(CoFundingModel.PLUS_SECRETARIAT).amount >= figures.costs.amount
    assert figures.fees("own_costs") == dkk("41850")


def test_without_participants_only_the_free_model_has_a_price():
    figures = budget_figures("DKK", [CostLine("venue", dkk("1000"))], [], None)
    assert figures.price(CoFundingModel.NONE) == dkk("0")
    assert figures.price(CoFundingModel.PLUS_ACTIVITY) is None
    assert figures.gap == dkk("1000") and figures.gap_percent == Decimal("100.0")


def test_overfunding_is_a_negative_gap_and_an_empty_budget_has_no_percent():
    figures = budget_figures("EUR", [CostLine("venue", Money.of("100", "EUR"))],
                             [FundingLine(Money.of("150", "EUR"), True)], 1)
    assert figures.gap == Money.of("-50", "EUR") and figures.gap_percent == Decimal("-50.0")
    empty = budget_figures("EUR", [], [], None)
    assert empty.costs == Money.of("0", "EUR") and empty.gap_percent is None


def test_a_budget_refuses_to_mix_currencies():
    with pytest.raises(MixedCurrencies, match="Cost line 2 is in EUR; this budget is in DKK"):
        budget_figures("DKK", [CostLine("venue", dkk("1")), CostLine("venue", Money.of("1", "EUR"))], [], 1)
    with pytest.raises(MixedCurrencies, match="Funding line 1"):
        budget_figures("DKK", [], [FundingLine(Money.of("1", "SEK"))], 1)


@given(st.lists(st.integers(min_value=0, max_value=10**9), max_size=12), st.integers(min_value=1, max_value=500))
def test_price_times_participants_always_covers_the_costs(minors, participants):
    lines = [CostLine(("travel", "venue", "staff_time")[i % 3], Money.from_minor(m, "DKK")) for i, m in enumerate(minors)]
    figures = budget_figures("DKK", lines, [], participants)
    price = figures.price(CoFundingModel.PLUS_SECRETARIAT)
    assert (price * participants).amount >= figures.costs.amount
    assert (price * participants).amount - figures.costs.amount < Decimal("0.01") * participants


def test_share_to_one_decimal():
    assert share(dkk("1"), dkk("3")) == Decimal("33.3") and share(dkk("1"), dkk("0")) is None


@pytest.mark.parametrize("text, money", [("1.450", dkk("1450")), ("1.450 EUR", Money.of("1450", "EUR")),
                                         ("€1.250,50", Money.of("1250.50", "EUR")), ("12 500 kr.", dkk("12500")),
                                         ("", None)])
def test_amounts_typed_with_or_without_their_currency(text, money):
    assert parse_money(text, "DKK") == money


@pytest.mark.parametrize("text", ["lots", "12 mio", "EUR"])
def test_amounts_that_are_not_refused(text):
    with pytest.raises(ValueError):
        parse_money(text, "DKK")


# --- stakeholders -------------------------------------------------------------------------------


@pytest.mark.parametrize("influence, interest, expected", [
    (5, 5, Quadrant.MANAGE_CLOSELY), (3, 3, Quadrant.MANAGE_CLOSELY), (5, 2, Quadrant.KEEP_SATISFIED),
    (3, 1, Quadrant.KEEP_SATISFIED), (2, 5, Quadrant.KEEP_INFORMED), (1, 3, Quadrant.KEEP_INFORMED),
    (2, 2, Quadrant.MONITOR), (1, 1, Quadrant.MONITOR)])
def test_quadrant_of_a_stakeholder(influence, interest, expected):
    assert quadrant(influence, interest) is expected
    assert expected.label and expected.advice


@pytest.mark.parametrize("influence, interest", [(0, 3), (3, 6), (None, 2)])
def test_scores_outside_the_scale_are_refused(influence, interest):
    with pytest.raises(ValueError):
        quadrant(influence, interest)


def test_stakeholders_with_the_same_scores_are_spread_apart():
    placed = spread_points([(4, 2), (4, 2), (4, 2), (1, 1)])
    assert placed[0] == (4, 2) and placed[3] == (1, 1)
    assert len(set(placed)) == 4
    assert all(abs(x - 4) < 0.5 and abs(y - 2) < 0.6 for x, y in placed[:3])  # near their own scores


# --- the secretariat ------------------------------------------------------------------------------


def person(name, share, *languages, years=None, education="", background=""):
    return StaffCompetence(name, share, tuple(SpokenLanguage(c, lvl) for c, lvl in languages), years,
                           "", education, background)


def test_readiness_against_the_target_markets():
    staff = [person("Mette", 30, ("da", "native"), ("en", "fluent"), ("de", "working"), years=6),
             person("Jonas", 80, ("da", "native"), ("de", "basic"), education="Maastricht"),
             person("Ahmed", 40, ("ar", "native"), ("fr", "fluent"), background="Lebanon")]
    ready = assess(staff, ["DE", "NO", "PL", "FR"])
    assert ready.people == 3 and ready.full_time_equivalents == Decimal("1.5")
    assert ready.with_experience == ("Mette",) and ready.educated_abroad == ("Jonas",)
    assert ready.with_background == ("Ahmed",)
    by_country = {m.country: m for m in ready.markets}
    assert by_country["DE"].speakers == ("Mette",)  # basic German does not count
    assert by_country["NO"].covered  # Danes work in Norwegian
    assert by_country["FR"].speakers == ("Ahmed",)
    assert [m.country for m in ready.uncovered_markets] == ["PL"]
    assert ready.languages["da"] == ("Mette", "Jonas") and "de" in ready.languages


def test_official_languages_of_a_market():
    assert official_languages("NO") == ("no",)
    assert official_languages("US") == ("en",)
    assert set(official_languages("BE")) == {"nl", "fr", "de"}
