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


def format_datetime(value: datetime | None, locale: str = DEFAULT_LOCALE, *,
                    seconds: bool = False) -> str:
    """'27 Nov 2026 10:30' in local time (with seconds where two may fall in one minute)."""
    if value is None:
        return ""
    local = value.astimezone()
    return f"{format_date(local.date(), locale)} {local:%H:%M:%S}" if seconds else \
        f"{format_date(local.date(), locale)} {local:%H:%M}"


def format_money(value: Money | None, locale: str = DEFAULT_LOCALE) -> str:
    if value is None:
        return ""
    from babel.numbers import format_currency

    return format_currency(value.amount, value.currency, locale=_locale(locale))


def format_amount(value: Money | None, locale: str = DEFAULT_LOCALE) -> str:
    """The amount alone, grouped and with its minor units ('185.000,00'), for an entry field
    with the currency beside it."""
    if value is None:
        return ""
    from babel.numbers import format_decimal

    digits = len(str(value.amount).partition(".")[2])
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value.amount, format=pattern, locale=_locale(locale))


def format_date_range(start: date, end: date | None, locale: str = DEFAULT_LOCALE) -> str:
    """'15 Dec 2026', '15–17 Dec 2026', '30 Nov – 2 Dec 2026', '30 Dec 2026 – 2 Jan 2027'."""
    if end is None or end == start:
        return format_date(start, locale)
    from babel.dates import format_date as babel_date

    loc = _locale(locale)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{format_date(end, locale)}"
    if start.year == end.year:
        return f"{babel_date(start, format='d MMM', locale=loc)} – {format_date(end, locale)}"
    return f"{format_date(start, locale)} – {format_date(end, locale)}"


def format_money_compact(value: Money | None, locale: str = DEFAULT_LOCALE) -> str:
    """'41.850 kr.' for a whole amount, '11.205,56 kr.' when it has øre or cents."""
    if value is None:
        return ""
    if value.amount == value.amount.to_integral_value():
        return format_money_whole(value, locale)
    return format_money(value, locale)


def format_money_whole(value: Money | None, locale: str = DEFAULT_LOCALE) -> str:
    """An amount rounded to whole units, with its currency ('412.000 €'): for overviews and
    sentences, where the øre and cents only get in the way."""
    if value is None:
        return ""
    from babel.numbers import format_currency

    return format_currency(value.amount, value.currency, locale=_locale(locale), format="#,##0 ¤",
                           currency_digits=False)


def format_quantity(value, unit: str = "", locale: str = DEFAULT_LOCALE) -> str:
    """A number as people read it here ('1.250', '12,5', '0,75'), with its unit when given
    ('45 %', '12 members'); '' for None."""
    if value is None:
        return ""
    from decimal import Decimal

    from babel.numbers import format_decimal

    number = value if isinstance(value, Decimal) else Decimal(str(value))
    digits = max(0, -number.normalize().as_tuple().exponent)
    pattern = "#,##0" + ("." + "0" * min(digits, 4) if digits else "")
    text = format_decimal(number, format=pattern, locale=_locale(locale))
    if not unit:
        return text
    return f"{text} %" if unit == "%" else f"{text} {unit}"
