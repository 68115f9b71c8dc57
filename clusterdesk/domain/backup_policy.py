"""Which backups to keep: the newest few, one a day for a week, one a week for a month,
one a month for a year, and event backups (before a migration, import, merge or restore)
for a month."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

EVENT_REASONS = frozenset({"before-migration", "before-import", "before-merge", "before-restore"})


@dataclass(frozen=True)
class BackupStamp:
    name: str
    taken_at: datetime  # UTC
    reason: str


def backups_to_keep(
    backups: Iterable[BackupStamp],
    now: datetime,
    *,
    newest: int = 3,
    days: int = 7,
    weeks: int = 5,
    months: int = 12,
    event_days: int = 30,
) -> set[str]:
    """Return the names of the backups the thinning keeps; the rest may be deleted."""
    ordered = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    keep = {b.name for b in ordered[:newest]}
    seen_days: set = set()
    seen_weeks: set = set()
    seen_months: set = set()
    for b in ordered:  # newest first: the first one seen in a bucket is the one kept
        age = now - b.taken_at
        if b.reason in EVENT_REASONS and age <= timedelta(days=event_days):
            keep.add(b.name)
        day = b.taken_at.date()
        week = day.isocalendar()[:2]
        month = (day.year, day.month)
        if age <= timedelta(days=days) and day not in seen_days:
            seen_days.add(day)
            keep.add(b.name)
        if age <= timedelta(weeks=weeks) and week not in seen_weeks:
            seen_weeks.add(week)
            keep.add(b.name)
        if age <= timedelta(days=31 * months) and month not in seen_months:
            seen_months.add(month)
            keep.add(b.name)
    return keep
