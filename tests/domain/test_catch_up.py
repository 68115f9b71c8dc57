"""Checklist dates that have already passed: catching up from today, in order, on working
days, never overtaking the plan — or keeping the handbook's dates."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from clusterdesk.domain.catch_up import (
    CATCH_UP_MAX_DAYS,
    PastDates,
    catch_up,
    next_working_day,
    past_due,
)
from clusterdesk.services.checklist_templates import get_template

FRIDAY = date(2026, 11, 27)
MONDAY, TUESDAY = date(2026, 11, 30), date(2026, 12, 1)


def test_past_dates_fall_from_today_one_working_day_apart_in_their_order():
    dues = [date(2026, 6, 1), date(2026, 8, 1), date(2026, 6, 1), None, date(2026, 7, 1),
            date(2027, 3, 1)]
    assert catch_up(dues, FRIDAY) == [FRIDAY, TUESDAY, FRIDAY, None, MONDAY, date(2027, 3, 1)]


def test_nothing_past_changes_nothing():
    dues = [FRIDAY, None, date(2027, 1, 1)]
    assert catch_up(dues, FRIDAY) == dues
    assert not past_due(dues, FRIDAY, date(2027, 1, 1))


def test_catching_up_never_overtakes_the_first_date_still_to_come():
    # Four past dates, but the next planned item is on Tuesday: two days to catch up in.
    dues = [date(2026, 5, 1), date(2026, 6, 1), date(2026, 7, 1), date(2026, 8, 1), TUESDAY]
    assert catch_up(dues, FRIDAY) == [FRIDAY, FRIDAY, MONDAY, MONDAY, TUESDAY]
    # Something due today: everything past is due today too.
    assert catch_up([date(2026, 5, 1), date(2026, 6, 1), FRIDAY], FRIDAY) == [FRIDAY] * 3


def test_at_most_two_working_weeks_even_with_many_past_dates():
    dues = [date(2025, 1, 1) + timedelta(days=7 * n) for n in range(40)]
    caught = catch_up(dues, FRIDAY)
    days = sorted(set(caught))
    assert len(days) == CATCH_UP_MAX_DAYS and days[0] == FRIDAY
    assert all(d.weekday() < 5 for d in days)
    assert caught == sorted(caught)  # still in the handbook's order


def test_a_weekend_today_still_starts_today_then_monday():
    saturday = date(2026, 11, 28)
    assert next_working_day(saturday) == MONDAY
    assert catch_up([date(2026, 1, 1), date(2026, 2, 1)], saturday) == [saturday, MONDAY]


@given(st.lists(st.one_of(st.none(), st.dates(date(2024, 1, 1), date(2028, 12, 31))), max_size=40),
       st.dates(date(2025, 1, 1), date(2027, 12, 31)))
def test_catch_up_properties(dues, today):
    caught = catch_up(dues, today)
    coming = [d for d in dues if d is not None and d >= today]
    limit = min(coming) if coming else None
    for before, after in zip(dues, caught, strict=True):
        if before is None or before >= today:
            assert after == before
        else:
            assert after >= today
            assert after == today or limit is None or after < limit
    past = sorted((d, c) for d, c in zip(dues, caught, strict=True) if d is not None and d < today)
    assert [c for _d, c in past] == sorted(c for _d, c in past)


def test_past_due_says_how_many_and_suggests_by_whether_the_activity_is_still_to_come():
    template = get_template(None, "builtin:matchmaking-event")
    start = FRIDAY + timedelta(days=120)
    dues = [e.rule.due_on(start, start + timedelta(days=1)) if e.rule else None
            for e in template.items]
    plan = past_due(dues, FRIDAY, start)
    # The QA case: a matchmaking event four months ahead had 26 of its items overdue at once.
    assert (plan.past, plan.total) == (26, 42)
    assert plan.earliest == date(2026, 6, 27)
    assert (plan.first_day, plan.last_day) == (FRIDAY, date(2026, 12, 3))
    assert plan.suggested is PastDates.CATCH_UP
    # An activity that has already started (recorded afterwards) keeps the handbook's dates.
    assert past_due(dues, FRIDAY, FRIDAY - timedelta(days=1)).suggested is PastDates.KEEP
