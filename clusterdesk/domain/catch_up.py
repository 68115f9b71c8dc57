"""Checklist dates that have already passed when a checklist is made (or its activity moves).

A matchmaking event planned four months ahead gets items whose handbook dates lie five to
nine months before it: in the past on the day the checklist is made. Left as they are they
all show as overdue at once; the user chooses either to *catch up* — those items fall due
from today, in the order of their handbook dates, over the next few working days — or to
*keep* the handbook's dates. The rule is documented in resources/checklists/README.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from .enums import LabelledEnum

CATCH_UP_MAX_DAYS = 10  # working days at most: two weeks to get back on the plan


class PastDates(LabelledEnum):
    """What to do with checklist items whose date has already passed."""

    CATCH_UP = "catch_up"
    KEEP = "keep"

    @property
    def label(self) -> str:
        return {"catch_up": "Catch up from today",
                "keep": "Keep the handbook's dates"}[self.value]


def next_working_day(day: date) -> date:
    """The next Monday to Friday after `day`."""
    day += timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def catch_up_days(past_dates: int, today: date, limit: date | None) -> list[date]:
    """The days a catch-up uses: today, then the following working days, one per distinct
    past date, at most CATCH_UP_MAX_DAYS of them and all before `limit` (the first date
    still to come, so that catching up never overtakes the plan). Today always counts."""
    days = [today]
    while len(days) < min(past_dates, CATCH_UP_MAX_DAYS):
        following = next_working_day(days[-1])
        if limit is not None and following >= limit:
            break
        days.append(following)
    return days


def catch_up(dues: Sequence[date | None], today: date) -> list[date | None]:
    """The due dates after catching up: dates before `today` move to today and the next
    working days, the earliest today, each later past date a working day after the one
    before (several share a day when there are more of them than days before the first date
    still to come, or than CATCH_UP_MAX_DAYS). Items of the same past date stay together;
    dates from today on, and missing ones, stay as they are."""
    past = sorted({d for d in dues if d is not None and d < today})
    if not past:
        return list(dues)
    coming = [d for d in dues if d is not None and d >= today]
    days = catch_up_days(len(past), today, min(coming) if coming else None)
    new_date = {d: days[n * len(days) // len(past)] for n, d in enumerate(past)}
    return [new_date.get(d, d) if d is not None else None for d in dues]


@dataclass(frozen=True)
class PastDue:
    """What making (or moving) a checklist would leave in the past, for the user to decide."""

    past: int  # items whose date would already have passed
    total: int  # items with a date
    earliest: date | None  # the earliest of those past dates
    first_day: date | None  # the catch-up's first and last day
    last_day: date | None
    suggested: PastDates  # the default choice

    def __bool__(self) -> bool:
        return self.past > 0


def past_due(dues: Sequence[date | None], today: date, starts_on: date | None) -> PastDue:
    """How many of these dates lie before `today`, and what catching up would do. Catching
    up is suggested while the activity is still to come; for one that has already started
    (being recorded afterwards) the handbook's dates are kept by default."""
    dated = [d for d in dues if d is not None]
    past = [d for d in dated if d < today]
    suggested = (PastDates.CATCH_UP if starts_on is None or starts_on >= today
                 else PastDates.KEEP)
    if not past:
        return PastDue(0, len(dated), None, None, None, suggested)
    moved = [d for d in catch_up(dated, today) if d is not None]
    caught = [new for old, new in zip(dated, moved, strict=True) if old < today]
    return PastDue(len(past), len(dated), min(past), min(caught), max(caught), suggested)
