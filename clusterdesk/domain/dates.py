"""Dates as people type them: day first (Danish and most of Europe), ISO, or relative."""

from __future__ import annotations

import re
from datetime import date, timedelta

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "maj": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "okt": 10, "nov": 11, "dec": 12,
}


class DateParseError(ValueError):
    pass


def parse_date(text: str, today: date | None = None) -> date | None:
    """'' → None; '27-11-2026', '27.11.26', '2026-11-27', '27 nov 2026', 'today', '+14'
    (days from today), '-3'. Raises DateParseError with a message for the user."""
    raw = text.strip().lower()
    if not raw:
        return None
    today = today or date.today()
    if raw in ("today", "i dag", "idag"):
        return today
    if raw in ("tomorrow", "i morgen", "imorgen"):
        return today + timedelta(days=1)
    if re.fullmatch(r"[+-]\d{1,4}", raw):
        return today + timedelta(days=int(raw))
    if re.fullmatch(r"[+-]\d{1,3}w", raw):
        return today + timedelta(weeks=int(raw[:-1]))
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", raw)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return _make(year, month, day, text)
    match = re.fullmatch(r"(\d{1,2})[-./ ](\d{1,2})(?:[-./ ](\d{2,4}))?", raw)
    if match:
        day, month = int(match[1]), int(match[2])
        year = _year(match[3], today)
        return _make(year, month, day, text)
    match = re.fullmatch(r"(\d{1,2})\.? ?([a-zæøå]{3})[a-zæøå.]* ?(\d{2,4})?", raw)
    if match and match[2] in _MONTHS:
        return _make(_year(match[3], today), _MONTHS[match[2]], int(match[1]), text)
    if re.fullmatch(r"\d{8}", raw):  # 27112026
        return _make(int(raw[4:]), int(raw[2:4]), int(raw[:2]), text)
    raise DateParseError(f"“{text}” is not a date; write it day first, e.g. 27-11-2026")


def _year(part: str | None, today: date) -> int:
    if not part:
        return today.year
    year = int(part)
    return 2000 + year if year < 100 else year


def _make(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DateParseError(f"“{text}” is not a real date") from None
