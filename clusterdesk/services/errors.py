"""Errors a service raises for the user to read. Each names the field, or the row and column."""

from __future__ import annotations


class ServiceError(Exception):
    """Base of every error meant to be shown to the user as it is."""


class ValidationError(ServiceError):
    """Bad input: one message per field (key = field name)."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{field}: {msg}" for field, msg in self.errors.items()))


class NotFound(ServiceError):
    pass


class ConflictError(ServiceError):
    """Someone else saved the record after it was loaded; nothing was overwritten."""

    def __init__(self, what: str, differences: dict[str, tuple[object, object]], by: str) -> None:
        self.what = what
        self.differences = differences  # field -> (their value, your value)
        self.by = by
        lines = [f"{what} was changed by {by or 'someone else'} while you were editing it."]
        for field, (theirs, yours) in differences.items():
            lines.append(f"  {field.replace('_', ' ')}: theirs “{_shown(theirs)}”, "
                         f"yours “{_shown(yours)}”")
        super().__init__("\n".join(lines))


def _shown(value: object) -> str:
    """A value in a message, written as the screens write it (dates as '27 Nov 2026')."""
    from datetime import date, datetime

    from ..domain.formatting import format_date, format_datetime, format_money
    from ..domain.money import Money

    if value is None or value == "":
        return "empty"
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, Money):
        return format_money(value)
    return str(value)
