"""Checklists of missions and events: due-date rules relative to an activity, templates, and
the state of an item on a given day. Pure Python: no files, no database.

A due rule says when an item falls due relative to the activity: "6 months before start",
"3 weeks before start", "on start", "1 week after end". An activity's checklist item keeps
its rule (copied from the template), so moving the activity moves its open items, and a later
edit of the template never reaches a checklist already made.
"""

from __future__ import annotations

import calendar
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

ANCHORS = ("start", "end")
DUE_SOON_DAYS = 3  # due within this many days: amber on screen

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
_UNITS = {"day": 1, "days": 1, "d": 1, "week": 7, "weeks": 7, "w": 7, "month": 0, "months": 0,
          "m": 0}
_ANCHOR_WORDS = {
    "start": "start", "the start": "start", "the first day": "start", "departure": "start",
    "end": "end", "the end": "end", "the last day": "end", "return": "end",
}


class DueRuleError(ValueError):
    """A due rule as typed that cannot be understood; the message says how to write it."""


def add_months(day: date, months: int) -> date:
    """The same day of the month `months` later (or earlier), clamped to the month's end."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


@dataclass(frozen=True)
class DueRule:
    """When an item falls due: `months` and `days` from the activity's start or end
    (negative = before)."""

    anchor: str = "start"
    months: int = 0
    days: int = 0

    def __post_init__(self) -> None:
        if self.anchor not in ANCHORS:
            raise DueRuleError(f"a due date counts from the start or the end, not “{self.anchor}”")
        if self.months * self.days < 0:
            raise DueRuleError("months and days must both be before, or both after")

    def due_on(self, start: date, end: date | None = None) -> date:
        """The due date for an activity running from `start` to `end` (one day if no end)."""
        base = start if self.anchor == "start" else (end or start)
        return add_months(base, self.months) + timedelta(days=self.days)

    @property
    def before(self) -> bool:
        return self.months < 0 or self.days < 0

    def describe(self) -> str:
        """Readable and parseable back: '6 months before start', 'on end'."""
        if self.months == 0 and self.days == 0:
            return "on the first day" if self.anchor == "start" else "on the last day"
        parts = []
        months, days = abs(self.months), abs(self.days)
        if months:
            parts.append(f"{months} month{'s' if months != 1 else ''}")
        if days:
            if days % 7 == 0:
                weeks = days // 7
                parts.append(f"{weeks} week{'s' if weeks != 1 else ''}")
            else:
                parts.append(f"{days} day{'s' if days != 1 else ''}")
        direction = "before" if self.before else "after"
        return f"{' and '.join(parts)} {direction} {self.anchor}"

    @classmethod
    def parse(cls, text: str | None) -> DueRule | None:
        """'' → None; '6 months before start', '3 weeks before start', '1 week after end',
        'on start', 'start-6m', 'end+7d'. Raises DueRuleError with a hint."""
        raw = " ".join((text or "").strip().lower().split())
        if not raw or raw in ("none", "no date", "-"):
            return None
        compact = re.fullmatch(r"(start|end)\s*([+-])\s*(\d+)\s*([dwm])", raw)
        if compact:
            anchor, sign, amount, unit = compact.groups()
            n = int(amount) * (-1 if sign == "-" else 1)
            return cls(anchor, months=n if unit == "m" else 0,
                       days=0 if unit == "m" else n * _UNITS[unit])
        on = re.fullmatch(r"(?:on )?(.+)", raw)
        if on and on.group(1) in _ANCHOR_WORDS:
            return cls(_ANCHOR_WORDS[on.group(1)])
        match = re.fullmatch(r"(.+?) (before|after) (.+)", raw)
        if not match or match.group(3) not in _ANCHOR_WORDS:
            raise DueRuleError(f"“{text}” is not a due rule; write e.g. “3 weeks before start”, "
                               "“on the first day” or “1 week after end”")
        amounts, direction, anchor_text = match.groups()
        months = days = 0
        for piece in re.split(r"\s*(?:,|\band\b)\s*", amounts):
            part = re.fullmatch(r"(\d+|[a-z]+) ?([a-z]+)", piece.strip())
            if not part or part.group(2) not in _UNITS:
                raise DueRuleError(f"“{piece}” in “{text}” is not an amount of days, weeks or "
                                   "months")
            number, unit = part.groups()
            n = int(number) if number.isdigit() else _NUMBER_WORDS.get(number)
            if n is None:
                raise DueRuleError(f"“{number}” in “{text}” is not a number")
            if _UNITS[unit] == 0:
                months += n
            else:
                days += n * _UNITS[unit]
        sign = -1 if direction == "before" else 1
        return cls(_ANCHOR_WORDS[anchor_text], months=sign * months, days=sign * days)

    @classmethod
    def for_date(cls, due: date, anchor: str, start: date, end: date | None = None) -> DueRule:
        """The rule that gives `due` for this activity, counted in days from `anchor`."""
        base = start if anchor == "start" else (end or start)
        return cls(anchor, days=(due - base).days)


def due_state(due: date | None, done: bool, today: date, soon_days: int = DUE_SOON_DAYS) -> str:
    """'done', 'none' (no date), 'overdue', 'soon' (within `soon_days`) or 'later'."""
    if done:
        return "done"
    if due is None:
        return "none"
    if due < today:
        return "overdue"
    if due <= today + timedelta(days=soon_days):
        return "soon"
    return "later"


def relative_day(day: date, today: date) -> str:
    """'today', 'tomorrow', 'in 5 days', '3 weeks ago' — beside due dates on screen."""
    delta = (day - today).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if delta == -1:
        return "yesterday"
    if delta > 0:
        return f"in {delta} days" if delta < 14 else f"in {round(delta / 7)} weeks"
    return f"{-delta} days ago" if delta > -14 else f"{round(-delta / 7)} weeks ago"


# --- templates ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TemplateItem:
    section: str
    text: str
    rule: DueRule | None = None
    guidance: str = ""  # why this item and its date, in a sentence
    owner: str = ""


@dataclass(frozen=True)
class ChecklistTemplate:
    """A reusable checklist: a built-in one (from a TOML file) or the workspace's own."""

    ref: str  # "builtin:<key>" or the workspace template's id as text
    name: str
    items: tuple[TemplateItem, ...]
    description: str = ""
    source: str = ""  # e.g. the handbook appendix it follows
    suits: tuple[str, ...] = ()  # activity kinds it is meant for
    builtin: bool = False
    version: int = 0

    def sections(self) -> list[tuple[str, list[TemplateItem]]]:
        return group_by_section(self.items, lambda item: item.section)


def group_by_section(items: Iterable, section_of) -> list[tuple[str, list]]:
    """Items grouped by section title, sections in the order they first appear."""
    groups: dict[str, list] = {}
    for item in items:
        groups.setdefault(section_of(item), []).append(item)
    return list(groups.items())


class TemplateFormatError(ValueError):
    pass


def parse_template_toml(text: str, ref: str, *, builtin: bool = False) -> ChecklistTemplate:
    """Read a template from TOML: name, description, source, suits, and [[sections]] each
    with a title and [[sections.items]] (text, due, guidance, owner)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateFormatError(f"{ref}: not valid TOML ({exc})") from exc
    name = str(data.get("name", "")).strip()
    if not name:
        raise TemplateFormatError(f"{ref}: the template has no name")
    items: list[TemplateItem] = []
    for s_number, section in enumerate(data.get("sections", []), start=1):
        title = str(section.get("title", "")).strip()
        if not title:
            raise TemplateFormatError(f"{ref}: section {s_number} has no title")
        for i_number, item in enumerate(section.get("items", []), start=1):
            where = f"{ref}: section “{title}”, item {i_number}"
            text_ = " ".join(str(item.get("text", "")).split())
            if not text_:
                raise TemplateFormatError(f"{where} has no text")
            try:
                rule = DueRule.parse(item.get("due", ""))
            except DueRuleError as exc:
                raise TemplateFormatError(f"{where}: {exc}") from exc
            items.append(TemplateItem(title, text_, rule, " ".join(str(item.get("guidance", "")).split()),
                                      str(item.get("owner", "")).strip()))
    if not items:
        raise TemplateFormatError(f"{ref}: the template has no items")
    return ChecklistTemplate(ref=ref, name=name, items=tuple(items),
                             description=" ".join(str(data.get("description", "")).split()),
                             source=str(data.get("source", "")).strip(),
                             suits=tuple(data.get("suits", ())), builtin=builtin)


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def template_to_toml(template: ChecklistTemplate) -> str:
    """The template as TOML that `parse_template_toml` reads back unchanged."""
    lines = [f"name = {_toml_string(template.name)}"]
    if template.description:
        lines.append(f"description = {_toml_string(template.description)}")
    if template.source:
        lines.append(f"source = {_toml_string(template.source)}")
    lines.append("suits = [" + ", ".join(_toml_string(s) for s in template.suits) + "]")
    for title, items in template.sections():
        lines += ["", "[[sections]]", f"title = {_toml_string(title)}"]
        for item in items:
            lines += ["", "[[sections.items]]", f"text = {_toml_string(item.text)}"]
            if item.rule is not None:
                lines.append(f"due = {_toml_string(item.rule.describe())}")
            if item.guidance:
                lines.append(f"guidance = {_toml_string(item.guidance)}")
            if item.owner:
                lines.append(f"owner = {_toml_string(item.owner)}")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Progress:
    done: int = 0
    total: int = 0

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    def __str__(self) -> str:
        return f"{self.done} of {self.total} done"


def progress_of(done_flags: Sequence[bool]) -> Progress:
    return Progress(sum(1 for d in done_flags if d), len(done_flags))
