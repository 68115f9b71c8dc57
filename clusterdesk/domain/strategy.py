"""Phase 3 as plain rules (handbook §3.1–§3.6): strategy versions, how a KPI stands against
the straight path from its baseline to its target, when it is next reviewed, whether a
sub-activity is described so one can tell it was carried out, and the annual strategy wheel.

The KPI status rule
-------------------
A KPI runs from its baseline (at the start of its period) to its target (at the end). The
*expected* share of the way at a date is the share of the period that has passed (0 before
the start, 1 after the end): a straight path. The *achieved* share is how far the latest
value has come: (actual − baseline) / (target − baseline), which works the same for a KPI
that should fall (fewer complaints) as for one that should rise. Then:

- on track  — the target is reached, or the KPI is at most a tenth of the way behind the path;
- at risk   — more than a tenth, at most a quarter of the way behind;
- off track — more than a quarter of the way behind;
- no data   — nothing measured yet.

A KPI whose target equals its baseline ("keep it at 40") counts as reached while the value
is at least the target.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .checklists import add_months
from .enums import LabelledEnum

ON_TRACK_SLACK = Decimal("0.10")  # share of the way a KPI may lag and still be on track
AT_RISK_SLACK = Decimal("0.25")  # beyond this it is off track


class StrategyStatus(LabelledEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    ARCHIVED = "archived"


class KpiStatus(LabelledEnum):
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    NO_DATA = "no_data"

    @property
    def label(self) -> str:
        return {"on_track": "On track", "at_risk": "At risk", "off_track": "Off track",
                "no_data": "No measurement yet"}[self.value]


class ReviewCadence(LabelledEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"
    YEARLY = "yearly"

    @property
    def months(self) -> int:
        return {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}[self.value]

    @property
    def label(self) -> str:
        return {"monthly": "Monthly", "quarterly": "Quarterly", "half_yearly": "Every six months",
                "yearly": "Yearly"}[self.value]


class TargetTerm(LabelledEnum):
    """An action plan's targets: what the activity delivers soon, and the effect it aims at."""

    OUTPUT = "output"
    EFFECT = "effect"

    @property
    def label(self) -> str:
        return {"output": "Short term (output)", "effect": "Long term (effect)"}[self.value]


class WheelStep(LabelledEnum):
    """The annual strategy wheel (§3.1): the member survey feeds a proposal, the board
    puts it to the general assembly, and the year starts again."""

    MEMBER_SURVEY = "member_survey"
    STRATEGY_DAY = "strategy_day"
    PROPOSAL = "proposal"
    BOARD = "board"
    GENERAL_ASSEMBLY = "general_assembly"

    @property
    def label(self) -> str:
        return {"member_survey": "Member survey", "strategy_day": "Strategy day",
                "proposal": "Strategy proposal", "board": "Board meeting",
                "general_assembly": "General assembly"}[self.value]

    @property
    def purpose(self) -> str:
        return {
            "member_survey": "Ask the members what they need internationally; the answers are "
                             "the basis of the next proposal.",
            "strategy_day": "The secretariat meets the board and the steering group to turn "
                            "what was learned into vision, mission and activities.",
            "proposal": "The secretariat writes the new or adjusted strategy for the board.",
            "board": "The board discusses the proposal and puts it forward.",
            "general_assembly": "The general assembly approves the strategy; the new year's "
                                "action areas and services begin.",
        }[self.value]


WHEEL_ORDER = tuple(WheelStep)
# (month, day) each step falls on in a year unless the secretariat moves it.
DEFAULT_WHEEL_DAYS = {
    WheelStep.MEMBER_SURVEY: (3, 1),
    WheelStep.STRATEGY_DAY: (5, 15),
    WheelStep.PROPOSAL: (9, 1),
    WheelStep.BOARD: (10, 1),
    WheelStep.GENERAL_ASSEMBLY: (11, 15),
}


def default_wheel_dates(year: int) -> dict[WheelStep, date]:
    """Suggested dates for a year's wheel, in the order of the steps."""
    return {step: date(year, *DEFAULT_WHEEL_DAYS[step]) for step in WHEEL_ORDER}


# --- KPIs ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class KpiAssessment:
    status: KpiStatus
    expected_share: Decimal  # of the way from baseline to target, by the date
    achieved_share: Decimal | None
    expected_value: Decimal

    @property
    def behind(self) -> Decimal | None:
        """Share of the way the KPI lags the straight path (negative: ahead of it)."""
        return None if self.achieved_share is None else self.expected_share - self.achieved_share


def elapsed_share(start: date, end: date, on: date) -> Decimal:
    """The share of the period [start, end] that has passed on `on`, from 0 to 1."""
    if end <= start:
        return Decimal(1) if on >= end else Decimal(0)
    share = Decimal((on - start).days) / Decimal((end - start).days)
    return min(Decimal(1), max(Decimal(0), share))


def expected_value(baseline: Decimal, target: Decimal, start: date, end: date, on: date) -> Decimal:
    """The value on the straight path from the baseline (at `start`) to the target (at `end`)."""
    return baseline + (target - baseline) * elapsed_share(start, end, on)


def achieved_share(baseline: Decimal, target: Decimal, actual: Decimal) -> Decimal:
    """How far `actual` has come from the baseline towards the target (1 = reached)."""
    if target == baseline:
        return Decimal(1) if actual >= target else Decimal(0)
    return (actual - baseline) / (target - baseline)


def assess_kpi(baseline: Decimal, target: Decimal, start: date, end: date,
               actual: Decimal | None, on: date) -> KpiAssessment:
    """The KPI's status on `on` by the rule in this module's docstring."""
    expected = elapsed_share(start, end, on)
    value = expected_value(baseline, target, start, end, on)
    if actual is None:
        return KpiAssessment(KpiStatus.NO_DATA, expected, None, value)
    achieved = achieved_share(baseline, target, actual)
    behind = expected - achieved
    if achieved >= 1 or behind <= ON_TRACK_SLACK:
        status = KpiStatus.ON_TRACK
    elif behind <= AT_RISK_SLACK:
        status = KpiStatus.AT_RISK
    else:
        status = KpiStatus.OFF_TRACK
    return KpiAssessment(status, expected, achieved, value)


def next_review_after(anchor: date, months: int, after: date) -> date:
    """The first review date in the series anchor + months, anchor + 2·months, … that falls
    after `after` (counted from the anchor each time, so the 31st never drifts)."""
    if months <= 0:
        raise ValueError("a review cadence is at least one month")
    step = 1
    if after > anchor:  # jump close to the answer instead of walking a long series
        elapsed = (after.year - anchor.year) * 12 + after.month - anchor.month
        step = max(1, elapsed // months)
    while (candidate := add_months(anchor, step * months)) <= after:
        step += 1
    return candidate


def same_length_from(start: date, end: date, new_start: date) -> tuple[date, date]:
    """A period as long as [start, end] that begins on `new_start`: whole months stay whole
    months (a calendar year stays a calendar year, leap year or not), else the same days."""
    from datetime import timedelta

    next_day = end + timedelta(days=1)
    if start.day == 1 and next_day.day == 1 and new_start.day == 1:
        months = (next_day.year - start.year) * 12 + next_day.month - start.month
        return new_start, add_months(new_start, months) - timedelta(days=1)
    return new_start, new_start + (end - start)


REVIEW_WINDOW_DAYS = 14


def counts_as_review(measured_on: date, next_review_on: date | None) -> bool:
    """A measurement taken at most two weeks before the review date (or any time after it)
    is that review: the KPI was looked at, so the next review moves on."""
    return next_review_on is None or (next_review_on - measured_on).days <= REVIEW_WINDOW_DAYS


# --- action plans ----------------------------------------------------------------------------

_NUMBER_WORDS = {
    # English
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "dozen", "half",
    "all", "every", "each", "both", "once", "twice", "weekly", "monthly", "quarterly",
    # Danish (not "to", "en", "et": they are also common English and Danish words)
    "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti", "elleve", "tolv", "tyve",
    "halvtreds", "hundrede", "alle", "hver", "hvert", "begge",
}
_MONTH_WORDS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "januar", "februar", "marts", "maj", "juni", "juli",
    "oktober", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "okt",
    "nov", "dec", "q1", "q2", "q3", "q4",
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

MEASURABLE_EXAMPLE = "e.g. “Invite all 80 members by 1 March” or “Book 12 meetings in Hamburg”"


def description_problem(text: str) -> str | None:
    """Why a sub-activity's description does not let one tell whether it was carried out,
    or None when it does: it must say how much, how many, by when or for whom all — a
    number, a date, a month or a word such as 'all' or 'three' (§3.6: concise, specific,
    quantitative)."""
    cleaned = " ".join(text.split())
    if not cleaned:
        return f"Describe the sub-activity so one can tell whether it was carried out ({MEASURABLE_EXAMPLE})."
    if re.search(r"\d", cleaned):
        return None
    words = {w.casefold() for w in _WORD.findall(cleaned)}
    if words & (_NUMBER_WORDS | _MONTH_WORDS):
        return None
    return ("Say how much, how many or by when, so one can tell whether it was carried out "
            f"({MEASURABLE_EXAMPLE}).")


def target_share(target: Decimal, achieved: Decimal | None) -> Decimal | None:
    """How much of an action plan target was achieved (1 = all), None when not yet counted."""
    if achieved is None:
        return None
    if target == 0:
        return Decimal(1)
    return achieved / target


def period_text(start: date | None, end: date | None, *, short: bool = False) -> str:
    """'2025–2027' when the period is whole years, else the dates ('1 Mar 2026 – 30 Jun 2027',
    or with `short` the months: 'Mar 2026 – Jun 2027')."""
    if start is None and end is None:
        return ""
    if start and end and (start.month, start.day) == (1, 1) and (end.month, end.day) == (12, 31):
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    from .formatting import format_date

    style = "MMM y" if short else "medium"
    return f"{format_date(start, style=style)} – {format_date(end, style=style)}".strip(" –")


def latest(values: Iterable[tuple[date, Decimal]]) -> tuple[date, Decimal] | None:
    """The most recent (date, value), or None."""
    return max(values, key=lambda pair: pair[0], default=None)


# --- the target-vs-actual chart ------------------------------------------------------------------


@dataclass(frozen=True)
class KpiChartData:
    """What a KPI's chart shows, the same on screen and in the PDF: the measured values, the
    straight path from baseline to target, the target as a level, and ranges for the axes."""

    actual: tuple[tuple[date, Decimal], ...]
    path: tuple[tuple[date, Decimal], tuple[date, Decimal]]
    target: Decimal
    first_day: date
    last_day: date
    low: Decimal
    high: Decimal


def kpi_chart_data(baseline: Decimal, target: Decimal, start: date, end: date,
                   actual: Iterable[tuple[date, Decimal]]) -> KpiChartData:
    points = tuple(sorted(actual, key=lambda p: p[0]))
    values = [baseline, target, *(v for _d, v in points)]
    low, high = min(values), max(values)
    span = (high - low) or max(abs(high), Decimal(1))
    low = Decimal(0) if low >= 0 and low <= span else low - span * Decimal("0.1")
    high = high + span * Decimal("0.1")
    days = [start, end, *(d for d, _v in points)]
    return KpiChartData(points, ((start, baseline), (end, target)), target, min(days), max(days),
                        low, high)
