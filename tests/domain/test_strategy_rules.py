"""Phase 3 rules: the KPI status against the straight path, review dates, measurable
sub-activities, periods, and the wheel's default dates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from clusterdesk.domain.strategy import (
    KpiStatus,
    WheelStep,
    achieved_share,
    assess_kpi,
    counts_as_review,
    default_wheel_dates,
    description_problem,
    elapsed_share,
    expected_value,
    next_review_after,
    period_text,
    same_length_from,
    target_share,
)

START, END = date(2025, 1, 1), date(2027, 1, 1)  # 730 days
HALF = date(2026, 1, 1)  # 365 days in: half way


def test_elapsed_share_runs_from_zero_to_one_and_stays_there():
    assert elapsed_share(START, END, date(2024, 6, 1)) == 0
    assert elapsed_share(START, END, START) == 0
    assert elapsed_share(START, END, HALF) == D("0.5")
    assert elapsed_share(START, END, date(2025, 2, 1)) == D(31) / D(730)
    assert elapsed_share(START, END, END) == 1
    assert elapsed_share(START, END, date(2030, 1, 1)) == 1
    assert elapsed_share(START, START, START) == 1  # a one-day period is over on its day


def test_expected_value_is_the_straight_path_either_way():
    assert expected_value(D(10), D(30), START, END, START) == 10
    assert expected_value(D(10), D(30), START, END, END) == 30
    assert expected_value(D(10), D(30), START, END, HALF) == 20
    # A KPI that should fall (complaints from 40 to 10) falls along the path.
    assert expected_value(D(40), D(10), START, END, END) == 10


@pytest.mark.parametrize(("actual", "status"), [
    (D(20), KpiStatus.ON_TRACK),       # on the path
    (D(18.1), KpiStatus.ON_TRACK),     # 9.5 % of the way behind: within the tenth
    (D(17.9), KpiStatus.AT_RISK),      # 10.5 % behind
    (D(15), KpiStatus.AT_RISK),        # 25 % behind exactly
    (D(14.9), KpiStatus.OFF_TRACK),    # more than a quarter behind
    (D(5), KpiStatus.OFF_TRACK),       # went the wrong way
    (D(35), KpiStatus.ON_TRACK),       # ahead, beyond the target
])
def test_status_bands_half_way(actual, status):
    # 10 → 30 over a period; at exactly half of it the path stands at 20.
    mid = date(2025, 1, 1)
    end = date(2025, 12, 31)
    half = date(2025, 7, 2)  # 182 of 364 days
    assessment = assess_kpi(D(10), D(30), mid, end, actual, half)
    assert assessment.expected_share == D("0.5")
    assert assessment.status is status


def test_status_of_a_falling_kpi_and_of_a_level_to_hold():
    # Complaints should fall from 40 to 20; at half way 33 is 35 % of the way: at risk.
    start, end, half = date(2025, 1, 1), date(2025, 12, 31), date(2025, 7, 2)
    assert assess_kpi(D(40), D(20), start, end, D(33), half).status is KpiStatus.AT_RISK
    assert assess_kpi(D(40), D(20), start, end, D(31), half).status is KpiStatus.ON_TRACK
    assert assess_kpi(D(40), D(20), start, end, D(38), half).status is KpiStatus.OFF_TRACK
    # "Keep it at 40": reached while at least 40.
    assert assess_kpi(D(40), D(40), start, end, D(41), half).status is KpiStatus.ON_TRACK
    assert assess_kpi(D(40), D(40), start, end, D(39), half).status is KpiStatus.OFF_TRACK


def test_no_measurement_is_no_data_and_the_target_reached_is_always_on_track():
    assessment = assess_kpi(D(0), D(10), START, END, None, HALF)
    assert assessment.status is KpiStatus.NO_DATA and assessment.behind is None
    late = assess_kpi(D(0), D(10), START, END, D(10), date(2030, 1, 1))
    assert late.status is KpiStatus.ON_TRACK and late.behind == 0
    assert achieved_share(D(0), D(10), D(4)) == D("0.4")


def test_next_review_follows_the_cadence_from_the_anchor_without_drifting():
    anchor = date(2025, 1, 31)
    assert next_review_after(anchor, 3, anchor) == date(2025, 4, 30)
    assert next_review_after(anchor, 3, date(2025, 4, 30)) == date(2025, 7, 31)  # not the 30th
    assert next_review_after(anchor, 3, date(2026, 11, 27)) == date(2027, 1, 31)
    assert next_review_after(anchor, 12, date(2020, 1, 1)) == date(2026, 1, 31)
    assert next_review_after(date(2025, 1, 1), 1, date(2025, 1, 1)) == date(2025, 2, 1)
    with pytest.raises(ValueError):
        next_review_after(anchor, 0, anchor)


def test_a_measurement_close_to_the_review_date_is_the_review():
    due = date(2026, 4, 1)
    assert counts_as_review(date(2026, 3, 18), due)
    assert not counts_as_review(date(2026, 3, 17), due)
    assert counts_as_review(date(2026, 5, 1), due)
    assert counts_as_review(date(2026, 5, 1), None)


@pytest.mark.parametrize("text", [
    "Book 12 hotel rooms in Hamburg",
    "Invite all members to the study trip",
    "Send the programme to the partner cluster by March",
    "Hold three webinars on German tenders",
    "Inviter alle medlemmer til turen",
    "Report sent 01-03-2027",
])
def test_measurable_descriptions_pass(text):
    assert description_problem(text) is None


@pytest.mark.parametrize("text", ["", "   ", "Hold the meeting", "Talk to the partners",
                                  "Send invitations to members"])
def test_vague_or_empty_descriptions_are_refused_with_an_example(text):
    problem = description_problem(text)
    assert problem is not None and "e.g." in problem


def test_periods_and_shares():
    assert period_text(date(2025, 1, 1), date(2027, 12, 31)) == "2025–2027"
    assert period_text(date(2026, 1, 1), date(2026, 12, 31)) == "2026"
    assert period_text(date(2026, 3, 1), date(2026, 6, 30)) == "1 Mar 2026 – 30 Jun 2026"
    assert period_text(None, None) == ""
    assert same_length_from(date(2026, 1, 1), date(2026, 12, 31), date(2028, 1, 1)) == \
        (date(2028, 1, 1), date(2028, 12, 31))  # a leap year stays a calendar year
    assert same_length_from(date(2026, 3, 5), date(2026, 3, 19), date(2027, 1, 10)) == \
        (date(2027, 1, 10), date(2027, 1, 24))
    assert target_share(D(40), D(10)) == D("0.25")
    assert target_share(D(40), None) is None


def test_the_wheel_goes_round_in_order():
    dates = default_wheel_dates(2027)
    assert list(dates) == list(WheelStep)
    assert list(dates.values()) == sorted(dates.values())
    assert all(d.year == 2027 for d in dates.values())
