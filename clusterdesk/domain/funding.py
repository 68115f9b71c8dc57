"""Rules for funding calls (handbook §2.2.1 and appendix 3): percentages as people type them,
the expected value of a call, the own money a financing rate leaves to find, the dates a
call's status carries, and the documents worth preparing before any application."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .enums import CallStatus, FundingSourceKind
from .money import Money

HUNDRED = Decimal(100)
DEFAULT_WARN_DAYS = 42  # six weeks: an EU application takes longer than people expect
STATUS_ORDER = {CallStatus.WATCHING: 0, CallStatus.PREPARING: 1, CallStatus.SUBMITTED: 2,
                CallStatus.GRANTED: 3, CallStatus.REJECTED: 3, CallStatus.WITHDRAWN: 3}


# --- percentages ------------------------------------------------------------------------------


def parse_percent(text: str) -> Decimal | None:
    """'70', '70 %', '6,5', '6.5%' → Decimal; '' → None; raises ValueError for anything
    that is not a percentage from 0 to 100."""
    raw = text.strip().replace("%", "").replace(" ", "").replace(",", ".")
    if not raw:
        return None
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise ValueError(f"“{text.strip()}” is not a percentage; write e.g. 70 or 6,5") from None
    if not value.is_finite() or not Decimal(0) <= value <= HUNDRED:
        raise ValueError(f"“{text.strip()}” is not a percentage from 0 to 100")
    return value


def percent_to_basis_points(value: Decimal | None) -> int | None:
    """Stored as whole hundredths of a percent (70 % → 7000), so nothing is a float."""
    if value is None:
        return None
    return int((value * 100).to_integral_value(ROUND_HALF_UP))


def basis_points_to_percent(value: int | None) -> Decimal | None:
    if value is None:
        return None
    return (Decimal(value) / 100).normalize() if value % 100 else Decimal(value // 100)


def format_percent(value: Decimal | None) -> str:
    """'70 %', '6,5 %' (written as the amounts beside it), '' for none."""
    from .formatting import format_quantity

    return format_quantity(value, "%")


# --- what a call is worth -----------------------------------------------------------------------


def expected_value(grant: Money | None, success_rate: Decimal | None) -> Money | None:
    """The typical grant weighed by the chance of getting it (size × success rate)."""
    if grant is None or success_rate is None:
        return None
    return Money(grant.amount * success_rate / HUNDRED, grant.currency)


def own_contribution(grant: Money | None, financing_rate: Decimal | None) -> Money | None:
    """The money the cluster must find itself when the grant covers only `financing_rate`
    percent of the costs: a 70 % rate on a 700,000 grant leaves 300,000 of a 1,000,000 project."""
    if grant is None or financing_rate is None or financing_rate <= 0:
        return None
    total = grant.amount * HUNDRED / financing_rate
    return Money(total - grant.amount, grant.currency)


# --- the status and its dates ----------------------------------------------------------------------


@dataclass(frozen=True)
class StatusDates:
    preparing_on: date | None = None
    submitted_on: date | None = None
    decided_on: date | None = None


class StatusDateError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def settle_status_dates(status: CallStatus, dates: StatusDates, today: date) -> StatusDates:
    """The dates a call keeps for its status: the date of the stage it is in is today unless
    one was given; dates of stages it has not reached are dropped (the status moved back);
    raises StatusDateError for a date in the future or out of order."""
    rank = STATUS_ORDER[status]
    preparing = dates.preparing_on if rank >= 1 else None
    submitted = dates.submitted_on if rank >= 2 else None  # a withdrawn call may have been sent
    decided = dates.decided_on if rank >= 3 else None
    if status == CallStatus.PREPARING and preparing is None:
        preparing = today
    if status == CallStatus.SUBMITTED and submitted is None:
        submitted = today
    if rank == 3 and decided is None:
        decided = today
    for field, value, what in (("preparing_on", preparing, "Preparation"),
                               ("submitted_on", submitted, "The submission"),
                               ("decided_on", decided, "The decision")):
        if value is not None and value > today:
            raise StatusDateError(field, f"{what} cannot be dated in the future.")
    if preparing and submitted and submitted < preparing:
        raise StatusDateError("submitted_on", "The submission cannot be before the preparation began.")
    if decided and (submitted or preparing) and decided < (submitted or preparing):
        raise StatusDateError("decided_on", "The decision cannot be before the "
                              + ("submission." if submitted else "preparation began."))
    return StatusDates(preparing, submitted, decided)


# --- deadlines ---------------------------------------------------------------------------------------


def next_deadline(deadlines, today: date):
    """The first deadline on or after today that is not yet met, else the last one missed."""
    open_ones = sorted((d for d in deadlines if not d.done), key=lambda d: d.due_on)
    coming = [d for d in open_ones if d.due_on >= today]
    if coming:
        return coming[0]
    return open_ones[-1] if open_ones else None


def shows_on_today(due_on: date, today: date, until: date, warn_days: int) -> bool:
    """A deadline is on the agenda from `warn_days` before it (however far ahead the agenda
    looks) and stays there, overdue, until it is ticked off."""
    return due_on <= max(until, today + timedelta(days=warn_days))


# --- documents to prepare (appendix 3) ------------------------------------------------------------

PIC_NUMBER = "PIC number of the organisation (needed for every EU application)"
STANDARD_DOCUMENTS = (
    "Europass CVs of the key staff",
    "Short description of the organisation's key competences",
    "Hourly rates of the staff who will work on the project",
)


def default_documents(source_kind: str | None) -> tuple[str, ...]:
    """What to have ready before writing: the PIC number only matters for EU programmes."""
    try:
        eu = source_kind is None or FundingSourceKind(source_kind).is_eu
    except ValueError:
        eu = True
    return ((PIC_NUMBER,) if eu else ()) + STANDARD_DOCUMENTS
