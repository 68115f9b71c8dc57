"""Evaluations as plain values: due dates, outcomes typed in a grid, their totals per currency,
baseline rounds compared, and whose answers are whose."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest

from clusterdesk.domain.baselines import compare_rounds
from clusterdesk.domain.evaluations import (
    OutcomeFact,
    OutcomeKind,
    OutcomeRowError,
    OutcomeText,
    Respondent,
    evaluated_statuses,
    evaluation_due,
    find_kind,
    follow_up_due,
    match_answers,
    outcome_totals,
    parse_outcome,
    sum_by_currency,
)
from clusterdesk.domain.money import Money

TODAY = date(2026, 11, 27)
A, B, C = (uuid.UUID(int=n) for n in (1, 2, 3))
MEMBERS = {A: "Limfjord Membran ApS", B: "Gudenå Sensor ApS", C: "Limfjord Pumper A/S"}


def test_the_evaluation_is_due_a_week_after_and_the_follow_up_months_after():
    assert evaluation_due(date(2026, 9, 15)) == date(2026, 9, 22)
    assert follow_up_due(date(2026, 9, 15), 6) == date(2027, 3, 15)
    assert follow_up_due(date(2026, 8, 31), 6) == date(2027, 2, 28)  # the month's last day
    assert follow_up_due(date(2026, 9, 15), 12) == date(2027, 9, 15)


def test_outcome_kinds_are_found_by_label_value_or_start():
    assert find_kind("Contract or agreement") is OutcomeKind.CONTRACT
    assert find_kind("order") is OutcomeKind.ORDER
    assert find_kind("research") is OutcomeKind.RESEARCH_COOPERATION
    assert find_kind("new") is None  # new contacts, partner or market: which?
    assert find_kind("") is None


def test_a_contract_row_is_read_exactly():
    outcome = parse_outcome(OutcomeText("limfjord membran", "Contract", "", "Hoogheemraadschap van Delfland",
                                        "Holland", "1.250.000,50", "dkk", "12-10-2026", " pilot "),
                            MEMBERS, TODAY)
    assert outcome.member_id == A and outcome.kind == "contract" and outcome.country == "NL"
    assert outcome.value == Money(Decimal("1250000.50"), "DKK")
    assert outcome.occurred_on == date(2026, 10, 12) and outcome.note == "pilot"


def test_every_bad_cell_of_a_row_is_named():
    with pytest.raises(OutcomeRowError) as refused:
        parse_outcome(OutcomeText("Limfjord", "Order", "", "", "Atlantis", "lots", "", "31-12-2027"),
                      MEMBERS, TODAY)
    errors = refused.value.errors
    assert set(errors) == {"member", "country", "value", "occurred_on"}
    assert "fits 2 participants" in errors["member"]  # two members' names contain "Limfjord"
    assert "Atlantis" in errors["country"] and "lots" in errors["value"]
    assert "future" in errors["occurred_on"]


@pytest.mark.parametrize("row, column, words", [
    (OutcomeText("Gudenå", "Contract"), "value", "needs its value"),
    (OutcomeText("Gudenå", "New market"), "country", "needs its country"),
    (OutcomeText("Gudenå", "New partner"), "partner", "name the partner"),
    (OutcomeText("Gudenå", "New contacts", "0"), "count", "at least 1"),
    (OutcomeText("Gudenå", "New market", "3", "", "SE"), "count", "only new contacts are counted"),
    (OutcomeText("Gudenå", "New partner", "", "Evides", "", "10.000"), "value", "only contracts and orders"),
    (OutcomeText("Gudenå", "Order", "", "", "", "5.000", "kroner"), "currency", "not a currency code"),
    (OutcomeText("", "Order", "", "", "", "5.000"), "member", "which participant"),
])
def test_what_each_kind_of_outcome_needs(row, column, words):
    with pytest.raises(OutcomeRowError) as refused:
        parse_outcome(row, MEMBERS, TODAY)
    assert words in refused.value.errors[column]


def test_totals_keep_each_currency_exact_and_apart():
    facts = [
        OutcomeFact(A, "contract", 1, "NL", Money.of("850000", "DKK")),
        OutcomeFact(A, "order", 1, "NL", Money.of("0.10", "EUR")),
        OutcomeFact(B, "order", 1, "DE", Money.of("0.20", "EUR")),
        OutcomeFact(B, "contract", 1, None, Money.of("150000.25", "DKK")),
        OutcomeFact(C, "new_contacts", 7, "NL", None),
        OutcomeFact(C, "new_partner", 1, "DE", None),
    ]
    totals = outcome_totals(facts)
    assert totals.values == (Money(Decimal("1000000.25"), "DKK"), Money(Decimal("0.30"), "EUR"))
    assert totals.value_in("EUR").amount == Decimal("0.30")  # no float drift: 0.1 + 0.2
    assert totals.value_in("SEK") == Money(Decimal(0), "SEK")
    assert totals.count_of(OutcomeKind.NEW_CONTACTS) == 7 and totals.count_of(OutcomeKind.ORDER) == 2
    assert ("order", 2, 2) in totals.per_kind and totals.reporting == 3
    assert totals.countries == (("NL", 3), ("DE", 2))
    assert sum_by_currency([]) == ()


def test_rounds_compare_like_with_like():
    first, second = uuid.UUID(int=10), uuid.UUID(int=11)
    level, agreements = uuid.UUID(int=20), uuid.UUID(int=21)
    d = Decimal
    values = {
        (first, level, A): d(1), (first, level, B): d(3), (first, level, C): d(5),
        (second, level, A): d(2), (second, level, B): d(4),  # C was not asked again
        (first, agreements, A): d(0), (second, agreements, A): d(2),
    }
    by_indicator, by_member = compare_rounds([(level, "Level"), (agreements, "Agreements")],
                                             [first, second], values, MEMBERS)
    level_row = by_indicator[0]
    assert level_row.averages == (d("3.00"), d("3.00")) and level_row.measured == (3, 2)
    # The plain averages say no change; the members measured twice each went up by one.
    assert level_row.change == d("1.00") and level_row.paired == 2
    assert by_indicator[1].change == d("2.00") and by_indicator[1].paired == 1
    limfjord = next(m for m in by_member if m.member_id == A)
    assert limfjord.values[0] == (d(1), d(2)) and limfjord.changes == (d(1), d(2))
    pumper = next(m for m in by_member if m.member_id == C)
    assert pumper.changes[0] is None
    single, _members = compare_rounds([(level, "Level")], [first], values, MEMBERS)
    assert single[0].change is None and single[0].paired == 0


def test_the_evaluation_waits_for_those_who_came():
    assert evaluated_statuses(["attended", "no_show", "registered"]) == ("attended",)
    assert set(evaluated_statuses(["registered", "confirmed"])) == {"registered", "confirmed", "attended"}


def test_answers_go_to_their_own_participant():
    p1, p2, p3 = (uuid.UUID(int=n) for n in (31, 32, 33))
    s1, s2, s3 = (uuid.UUID(int=n) for n in (41, 42, 43))
    person_a, person_b = uuid.UUID(int=51), uuid.UUID(int=52)
    participants = [Respondent(p1, A, person_a), Respondent(p2, A, person_b), Respondent(p3, B, None)]
    answers = [Respondent(s1, A, None, date(2026, 9, 20)), Respondent(s2, A, person_b, date(2026, 9, 18)),
               Respondent(s3, C, None, date(2026, 9, 19))]
    found = match_answers(participants, answers)
    assert found[p2].key == s2  # the named person's own answers
    assert found[p1].key == s1  # the unnamed answers go to the one left of that member
    assert p3 not in found  # no answers from that member; another member's never count
