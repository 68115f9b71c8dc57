"""The answers to Phase 2's questions from the data: does the secretariat have the right
resources and competences, does funding look possible, are the right partners in place —
for the Finance tab's overview and for Today."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from ..domain.budgets import sum_money
from ..domain.countries import country_name
from ..domain.enums import CallStatus
from ..domain.formatting import format_date, format_money_whole
from ..domain.languages import language_name
from ..domain.money import Money
from ..domain.readiness import Readiness
from ..domain.text import plural
from .budgets import list_budgets
from .context import ServiceContext
from .funding import list_calls
from .funding_sources import list_sources
from .secretariat import readiness


def per_currency(amounts: Iterable[Money]) -> tuple[Money, ...]:
    """Amounts added up per currency, the largest total first (no exchange rates are guessed)."""
    groups: dict[str, list[Money]] = {}
    for amount in amounts:
        groups.setdefault(amount.currency, []).append(amount)
    totals = [sum_money(group, currency) for currency, group in groups.items()]
    return tuple(sorted(totals, key=lambda m: m.amount, reverse=True))


def and_list(words: list[str]) -> str:
    """'Germany', 'Germany and Norway', 'Germany, Norway and Sweden'."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def sentence(parts: list[str]) -> str:
    """Clauses joined into one sentence: first letter up, one full stop at the end."""
    text = "; ".join(parts).rstrip(".")
    return text[:1].upper() + text[1:] + "."


def money_list(amounts: tuple[Money, ...]) -> str:
    return " + ".join(format_money_whole(m) for m in amounts) if amounts else "nothing"


@dataclass(frozen=True)
class FundingOutlook:
    open_calls: int
    expected: tuple[Money, ...]  # expected value of the open calls, per currency
    next_deadline: tuple[date, str] | None  # (date, call title)
    granted_calls: int  # decided in the last 12 months
    granted: tuple[Money, ...]
    rejected_calls: int
    budgets: int
    budgets_with_gap: int
    gaps: tuple[Money, ...]  # unfunded, per currency
    available: tuple[Money, ...]  # what the sources hold for international work a year

    @property
    def covers_gaps(self) -> bool | None:
        """Whether the expected value of the open calls reaches the gaps — only when both are
        in one and the same currency; None otherwise."""
        if not self.gaps:
            return True
        if len(self.gaps) == 1 and len(self.expected) == 1 and self.gaps[0].currency == self.expected[0].currency:
            return self.expected[0].amount >= self.gaps[0].amount
        return None


def funding_outlook(ctx: ServiceContext) -> FundingOutlook:
    today = ctx.today()
    since = today - timedelta(days=365)
    calls = list_calls(ctx)
    open_calls = [c for c in calls if CallStatus(c.status).is_open]
    expected = per_currency(v for v in (c.figures.expected_value for c in open_calls) if v is not None)
    upcoming = sorted((c.next_deadline.due_on, c.title) for c in open_calls
                      if c.next_deadline is not None and c.next_deadline.due_on >= today)
    decided = [c for c in calls if c.decided_on is not None and c.decided_on >= since]
    granted = [c for c in decided if c.status == CallStatus.GRANTED.value]
    budgets = list_budgets(ctx)
    gaps = [b.figures.gap for b in budgets if b.figures.gap.amount > 0]
    available = [s.data.available for s in list_sources(ctx) if s.data.available is not None]
    return FundingOutlook(
        len(open_calls), expected, upcoming[0] if upcoming else None, len(granted),
        per_currency(c.granted or c.figures.grant for c in granted if (c.granted or c.figures.grant)),
        sum(1 for c in decided if c.status == CallStatus.REJECTED.value),
        len(budgets), len(gaps), per_currency(gaps), per_currency(available))


def funding_evidence(ctx: ServiceContext) -> str | None:
    """Phase 2: does funding look possible? Open calls against the budgets' gaps."""
    outlook = funding_outlook(ctx)
    if not outlook.open_calls and not outlook.budgets and not outlook.granted_calls:
        return None
    parts = []
    if outlook.open_calls:
        text = (f"{plural(outlook.open_calls, 'open call')} worth {money_list(outlook.expected)} "
                "expected (size × success rate)")
        if outlook.next_deadline:
            text += f", next deadline {format_date(outlook.next_deadline[0])}"
        parts.append(text)
    else:
        parts.append("no open calls")
    if outlook.budgets:
        verb = "lacks" if outlook.budgets_with_gap == 1 else "lack"
        parts.append(f"{outlook.budgets_with_gap} of {plural(outlook.budgets, 'budget')} {verb} "
                     f"{money_list(outlook.gaps)}" if outlook.gaps else "every budget is funded")
    if outlook.granted_calls:
        parts.append(f"granted in the last 12 months: {money_list(outlook.granted)}")
    return sentence(parts)


def readiness_evidence(ctx: ServiceContext) -> str | None:
    """Phase 2: does the secretariat have the right resources and competences?"""
    ready = readiness(ctx)
    if not ready.people:
        return None
    return readiness_sentence(ready)


def readiness_sentence(ready: Readiness) -> str:
    parts = [f"{plural(ready.people, 'person', 'people')} give{'s' if ready.people == 1 else ''} "
             f"{ready.full_time_equivalents} "
             "full-time posts to international work",
             f"{len(ready.with_experience)} with international experience, "
             f"{len(ready.educated_abroad)} educated abroad"]
    covered = [m for m in ready.markets if m.covered]
    if ready.markets:
        if covered:
            parts.append("the languages of " + and_list([country_name(m.country) for m in covered])
                         + (" are" if len(covered) > 1 else " is") + " covered")
        missing = ready.uncovered_markets
        if missing:
            parts.append("nobody works in " + and_list([
                f"{'/'.join(language_name(code) for code in m.languages)} ({country_name(m.country)})"
                for m in missing]))
    else:
        parts.append("no target markets chosen yet to check the languages against")
    return sentence(parts)


def cooperation_evidence(ctx: ServiceContext) -> str | None:
    """Phase 2: are the right cooperation partners in place? Partners abroad and the
    stakeholder map together."""
    from .partners import partners_in_place_evidence
    from .stakeholders import stakeholder_summary

    parts = [p for p in (partners_in_place_evidence(ctx), stakeholder_summary(ctx)) if p]
    return " ".join(parts) or None
