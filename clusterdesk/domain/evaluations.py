"""Phase 4 evaluations as plain values (handbook §4.5–§4.6): when an activity's evaluation and
its long-term follow-up fall due, what a participant reports as an outcome and how outcomes
add up, the stages of a success story, and baseline rounds compared with one another."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from .checklists import add_months
from .countries import country_name, resolve_country
from .dates import DateParseError, parse_date
from .enums import LabelledEnum
from .money import Money, parse_amount
from .questionnaires import parse_number
from .text import search_fold

EVALUATION_DAYS_AFTER = 7  # "as a minimum … evaluated after the activity", within a week
FOLLOW_UP_MONTHS = (6, 9, 12)  # "six to twelve months after the activity" (§4.5.4)
DEFAULT_FOLLOW_UP_MONTHS = 6
# Reminders stop for an evaluation that fell due longer ago than this: a workspace brought in
# with years of old activities should not open on a wall of overdue evaluations.
REMIND_FOR_DAYS = 365


def evaluation_due(last_day: date) -> date:
    """The evaluation is due one week after the activity's last day."""
    return last_day + timedelta(days=EVALUATION_DAYS_AFTER)


def follow_up_due(last_day: date, months: int) -> date:
    """The long-term follow-up is due `months` after the activity's last day."""
    return add_months(last_day, months)


LIVE_STATUSES = ("registered", "confirmed", "attended")


def evaluated_statuses(statuses: Iterable[str]) -> tuple[str, ...]:
    """Whose answers an evaluation waits for: those marked as attended; when nobody was marked
    (the secretariat did not get round to it), everyone still signed up."""
    return ("attended",) if "attended" in set(statuses) else LIVE_STATUSES


@dataclass(frozen=True)
class Respondent:
    key: uuid.UUID  # a participant's, or an answer set's id
    member_id: uuid.UUID
    contact_id: uuid.UUID | None
    answered_on: date | None = None


def match_answers(participants: Sequence[Respondent],
                  answer_sets: Sequence[Respondent]) -> dict[uuid.UUID, Respondent]:
    """Participant key → the answer set that is theirs: same member, and the same person when
    both name one. Each answer set counts for one participant; the newest is taken first."""
    left = sorted(answer_sets, key=lambda s: s.answered_on or date.min, reverse=True)
    found: dict[uuid.UUID, Respondent] = {}
    # People named on both sides first, so that an unnamed answer goes to whoever is left.
    for exact in (True, False):
        for participant in participants:
            if participant.key in found:
                continue
            for answer in left:
                same_person = answer.contact_id == participant.contact_id
                if answer.member_id == participant.member_id and (
                        same_person if exact else None in (answer.contact_id, participant.contact_id)):
                    found[participant.key] = answer
                    left.remove(answer)
                    break
    return found


class _Labelled(LabelledEnum):
    @property
    def label(self) -> str:
        return _ALL_LABELS[(type(self).__name__, self.value)]


class OutcomeKind(_Labelled):
    """What a participant got out of an activity (§4.5.3, the Innovation Express questions)."""

    NEW_CONTACTS = "new_contacts"
    NEW_PARTNER = "new_partner"
    NEW_MARKET = "new_market"
    RESEARCH_COOPERATION = "research_cooperation"
    CONTRACT = "contract"
    ORDER = "order"

    @property
    def has_value(self) -> bool:
        return self in (OutcomeKind.CONTRACT, OutcomeKind.ORDER)

    @property
    def needs_partner(self) -> bool:
        return self in (OutcomeKind.NEW_PARTNER, OutcomeKind.RESEARCH_COOPERATION)


class StoryStatus(_Labelled):
    """A success story goes from an idea to published, with the member's approval between (§4.6)."""

    IDEA = "idea"
    DRAFT = "draft"
    APPROVED = "approved"
    PUBLISHED = "published"


class RoundKind(_Labelled):
    """Baseline, mid-term and final measurements use the same indicators (§4.5.1)."""

    BASELINE = "baseline"
    MID_TERM = "mid_term"
    FINAL = "final"
    FOLLOW_UP = "follow_up"


_ALL_LABELS = {
    ("OutcomeKind", "new_contacts"): "New contacts",
    ("OutcomeKind", "new_partner"): "New partner",
    ("OutcomeKind", "new_market"): "New market",
    ("OutcomeKind", "research_cooperation"): "Research or innovation cooperation",
    ("OutcomeKind", "contract"): "Contract or agreement",
    ("OutcomeKind", "order"): "Order",
    ("StoryStatus", "idea"): "Idea",
    ("StoryStatus", "draft"): "Draft",
    ("StoryStatus", "approved"): "Approved by the member",
    ("StoryStatus", "published"): "Published",
    ("RoundKind", "baseline"): "Baseline",
    ("RoundKind", "mid_term"): "Mid-term",
    ("RoundKind", "final"): "Final",
    ("RoundKind", "follow_up"): "Follow-up",
}


# --- outcomes as typed in the grid (or an import) -----------------------------------------


@dataclass(frozen=True)
class OutcomeText:
    """One row of the outcomes grid as typed: every cell is text."""

    member: str = ""
    kind: str = ""
    count: str = ""
    partner: str = ""
    country: str = ""
    value: str = ""
    currency: str = ""
    occurred_on: str = ""
    note: str = ""

    def is_blank(self) -> bool:
        return not any(v.strip() for v in (self.member, self.kind, self.count, self.partner,
                                           self.country, self.value, self.occurred_on, self.note))


@dataclass(frozen=True)
class ParsedOutcome:
    member_id: uuid.UUID
    kind: str
    count: int
    partner: str
    country: str | None
    value: Money | None
    occurred_on: date | None
    note: str


OUTCOME_COLUMNS = {"member": "Participant", "kind": "Outcome", "count": "Count",
                   "partner": "Partner", "country": "Country", "value": "Value",
                   "currency": "Currency", "occurred_on": "Date", "note": "Note"}


def find_kind(text: str) -> OutcomeKind | None:
    """The outcome kind for what was typed: its label, its value, or the start of either."""
    folded = search_fold(text)
    if not folded:
        return None
    for kind in OutcomeKind:
        if folded in (kind.value, search_fold(kind.label)):
            return kind
    starts = [k for k in OutcomeKind if search_fold(k.label).startswith(folded)
              or k.value.startswith(folded)]
    return starts[0] if len(starts) == 1 else None


def members_matching(text: str, members: Mapping[uuid.UUID, str]) -> list[uuid.UUID]:
    """The members whose name is what was typed; else those whose name contains it."""
    folded = search_fold(text)
    if not folded:
        return []
    exact = [mid for mid, name in members.items() if search_fold(name) == folded]
    return exact or [mid for mid, name in members.items() if folded in search_fold(name)]


def find_member(text: str, members: Mapping[uuid.UUID, str]) -> uuid.UUID | None:
    """The one member whose name is, or uniquely contains, what was typed."""
    found = members_matching(text, members)
    return found[0] if len(found) == 1 else None


def member_problem(text: str, members: Mapping[uuid.UUID, str]) -> str:
    """Why what was typed names no single participant."""
    typed = text.strip()
    if not typed:
        return "say which participant reported it"
    found = members_matching(typed, members)
    if len(found) > 1:
        return f"“{typed}” fits {len(found)} participants; type more of the name"
    return f"“{typed}” is not one of the participants"


def parse_outcome(row: OutcomeText, members: Mapping[uuid.UUID, str], today: date,
                  default_currency: str = "DKK") -> ParsedOutcome:
    """Read one typed row; raises OutcomeRowError with a message per column key."""
    errors: dict[str, str] = {}
    member_id = find_member(row.member, members)
    if member_id is None:
        errors["member"] = member_problem(row.member, members)
    kind = find_kind(row.kind)
    if kind is None:
        errors["kind"] = (f"“{row.kind.strip()}” is not a kind of outcome" if row.kind.strip()
                          else "say what kind of outcome it is")
    count = 1
    if row.count.strip():
        try:
            number = parse_number(row.count)
        except ValueError as exc:
            errors["count"] = str(exc)
        else:
            if number is None or number != number.to_integral_value() or number < 1:
                errors["count"] = "a count is a whole number of at least 1"
            else:
                count = int(number)
    country = None
    if row.country.strip():
        country = resolve_country(row.country)
        if country is None:
            errors["country"] = f"“{row.country.strip()}” is not a country we know"
    value = None
    currency = (row.currency.strip() or default_currency).upper()
    if row.value.strip():
        try:
            amount = parse_amount(row.value)
        except ValueError as exc:
            errors["value"] = str(exc)
        else:
            if len(currency) != 3 or not currency.isalpha():
                errors["currency"] = f"“{row.currency.strip()}” is not a currency code (e.g. DKK, EUR)"
            elif amount is not None and amount < 0:
                errors["value"] = "a value cannot be negative"
            elif amount is not None:
                value = Money(amount, currency)
    occurred_on = None
    try:
        occurred_on = parse_date(row.occurred_on, today)
    except DateParseError as exc:
        errors["occurred_on"] = str(exc)
    else:
        if occurred_on is not None and occurred_on > today:
            errors["occurred_on"] = "an outcome cannot be dated in the future"
    partner = " ".join(row.partner.split())
    if kind is not None:
        if kind.has_value and value is None and "value" not in errors and "currency" not in errors:
            errors["value"] = f"a {kind.label.lower()} needs its value (0 when it is not known)"
        if not kind.has_value and row.value.strip() and "value" not in errors:
            errors["value"] = f"only contracts and orders have a value, not “{kind.label}”"
        if kind is OutcomeKind.NEW_MARKET and country is None and "country" not in errors:
            errors["country"] = "a new market needs its country"
        if kind.needs_partner and not partner and country is None:
            errors["partner"] = "name the partner (or at least its country)"
        if kind is not OutcomeKind.NEW_CONTACTS and row.count.strip() and count != 1 \
                and "count" not in errors:
            errors["count"] = "only new contacts are counted; give each partner, market or contract a row"
    if errors:
        raise OutcomeRowError(errors)
    return ParsedOutcome(member_id, kind.value, count, partner, country, value, occurred_on,
                         row.note.strip())


class OutcomeRowError(ValueError):
    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))


# --- outcomes added up ----------------------------------------------------------------------


@dataclass(frozen=True)
class OutcomeFact:
    """An outcome as the totals see it."""

    member_id: uuid.UUID
    kind: str
    count: int
    country: str | None
    value: Money | None


@dataclass(frozen=True)
class OutcomeTotals:
    per_kind: tuple[tuple[str, int, int], ...]  # (kind, how many, participants reporting it)
    countries: tuple[tuple[str, int], ...]  # (country code, outcomes), most first
    values: tuple[Money, ...]  # contracts and orders, one total per currency
    reporting: int  # participants reporting any outcome

    def value_in(self, currency: str) -> Money:
        return next((m for m in self.values if m.currency == currency), Money(Decimal(0), currency))

    def count_of(self, kind: OutcomeKind) -> int:
        return next((n for k, n, _p in self.per_kind if k == kind.value), 0)


def sum_by_currency(amounts: Iterable[Money]) -> tuple[Money, ...]:
    """Exact totals, one per currency (never converted), the largest first."""
    totals: dict[str, Money] = {}
    for money in amounts:
        totals[money.currency] = totals[money.currency] + money if money.currency in totals else money
    return tuple(sorted(totals.values(), key=lambda m: (-m.amount, m.currency)))


def outcome_totals(facts: Sequence[OutcomeFact]) -> OutcomeTotals:
    """How many of each kind (new contacts count by their number), who reported them, in which
    countries, and the contracts' and orders' value per currency."""
    per_kind = []
    for kind in OutcomeKind:
        rows = [f for f in facts if f.kind == kind.value]
        if rows:
            per_kind.append((kind.value, sum(f.count for f in rows), len({f.member_id for f in rows})))
    countries = Counter(f.country for f in facts if f.country)
    return OutcomeTotals(
        tuple(per_kind),
        tuple(sorted(countries.items(), key=lambda item: (-item[1], country_name(item[0])))),
        sum_by_currency(f.value for f in facts if f.value is not None),
        len({f.member_id for f in facts}))
