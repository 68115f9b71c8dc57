"""Locale-aware text for dates and amounts, shared by screens and exports."""

from __future__ import annotations

from datetime import date, datetime
from functools import cache

from .money import Money

DEFAULT_LOCALE = "en_DK"  # English words, Danish conventions (day first, 24 h, DKK)


@cache
def _locale(name: str):
    from babel import Locale  # loaded on first use: keeps it off the start-up path

    return Locale.parse(name)


def format_date(value: date | None, locale: str = DEFAULT_LOCALE, style: str = "medium") -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone().date()
    if style == "iso":
        return value.isoformat()
    from babel.dates import format_date as babel_date

    return babel_date(value, format=style, locale=_locale(locale))


def format_datetime(value: datetime | None, locale: str = DEFAULT_LOCALE) -> str:
    if value is None:
        return ""
    local = value.astimezone()
    return f"{format_date(local.date(), locale)} {local:%H:%M}"


def format_money(value: Money | None, locale: str = DEFAULT_LOCALE) -> str:
    if value is None:
        return ""
    from babel.numbers import format_currency

    return format_currency(value.amount, value.currency, locale=_locale(locale))
