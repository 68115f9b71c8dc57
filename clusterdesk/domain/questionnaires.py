"""Questionnaires as plain values: question kinds, definitions and their checks, answers,
numbers as people type them, and what an answer means for a member's profile.

Questions and choices carry stable keys. A key survives renaming and reordering and is
shared between revisions of a questionnaire (and between questionnaires that ask the same
thing), which is what lets results span revisions and follow-ups be prefilled.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from .countries import resolve_country
from .enums import InternationalOrientation, LabelledEnum
from .text import search_fold


class QuestionKind(LabelledEnum):
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    YES_NO_CONSIDERING = "yes_no_considering"
    RATING = "rating"
    NUMBER = "number"
    FREE_TEXT = "free_text"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self.value]

    @property
    def has_own_choices(self) -> bool:
        """True for the kinds whose choices the user writes."""
        return self in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE)

    @property
    def is_counted(self) -> bool:
        """True for the kinds whose results are counts per choice."""
        return self not in (QuestionKind.NUMBER, QuestionKind.FREE_TEXT)


_KIND_LABELS = {
    "single_choice": "Single choice",
    "multiple_choice": "Multiple choice",
    "yes_no_considering": "Yes / no / considering",
    "rating": "Rating 1–5",
    "number": "Number",
    "free_text": "Free text",
}


class QuestionRole(LabelledEnum):
    """What an answer feeds besides the results."""

    NONE = "none"
    MARKETS = "markets"
    ORIENTATION = "orientation"
    NEEDS = "needs"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self.value]


_ROLE_LABELS = {
    "none": "Results only",
    "markets": "Markets of interest → member profile and market matrix",
    "orientation": "International orientation → member profile (when confirmed)",
    "needs": "Needs → the logged call or visit",
}
_ROLE_KINDS = {
    QuestionRole.MARKETS: {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE,
                           QuestionKind.FREE_TEXT},
    QuestionRole.ORIENTATION: {QuestionKind.SINGLE_CHOICE, QuestionKind.YES_NO_CONSIDERING},
}

class AnswerSource(LabelledEnum):
    """How the answers reached the secretariat."""

    PHONE = "phone"
    VISIT = "visit"
    PAPER = "paper"
    EMAIL = "email"
    WEB = "web"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {"phone": "By phone", "visit": "At a visit", "paper": "Paper form",
                "email": "E-mail", "web": "Online form", "other": "Other"}[self.value]


def roles_for(kind: str) -> tuple[QuestionRole, ...]:
    """The uses an answer to a question of this kind can be put to."""
    try:
        kind_enum = QuestionKind(kind)
    except ValueError:
        return (QuestionRole.NONE,)
    return tuple(r for r in QuestionRole if r not in _ROLE_KINDS or kind_enum in _ROLE_KINDS[r])


YES, NO, CONSIDERING = "yes", "no", "considering"
RATING_SCALE = range(1, 6)
MAX_TEXT = 500


@dataclass(frozen=True)
class Choice:
    key: str
    label: str


YES_NO_CHOICES = (Choice(YES, "Yes"), Choice(NO, "No"), Choice(CONSIDERING, "Considering it"))
RATING_CHOICES = tuple(Choice(str(n), str(n)) for n in RATING_SCALE)
ORIENTATION_CHOICES = tuple(Choice(o.value, o.label) for o in InternationalOrientation)


@dataclass(frozen=True)
class QuestionDef:
    key: str
    kind: str
    text: str
    help: str = ""
    choices: tuple[Choice, ...] = ()
    allow_other: bool = False
    role: str = QuestionRole.NONE.value
    id: uuid.UUID | None = None

    @property
    def kind_enum(self) -> QuestionKind:
        return QuestionKind(self.kind)

    def options(self) -> tuple[Choice, ...]:
        """The choices as shown: the user's own, or the fixed ones of the kind."""
        kind = self.kind_enum
        if kind is QuestionKind.YES_NO_CONSIDERING:
            return YES_NO_CHOICES
        if kind is QuestionKind.RATING:
            return RATING_CHOICES
        return self.choices if kind.has_own_choices else ()

    def label_of(self, key: str) -> str:
        return next((c.label for c in self.options() if c.key == key), key)


@dataclass(frozen=True)
class AnswerValue:
    """One question's answer. Choice kinds use `choices` (and `other`), ratings and numbers
    use `number`, free text uses `text`."""

    choices: tuple[str, ...] = ()
    other: str = ""
    number: Decimal | None = None
    text: str = ""

    def is_empty(self) -> bool:
        return not self.choices and not self.other.strip() and self.number is None \
            and not self.text.strip()


EMPTY = AnswerValue()


def value_to_json(value: AnswerValue) -> dict:
    """An answer as plain JSON (for drafts kept between calls)."""
    return {"choices": list(value.choices), "other": value.other,
            "number": None if value.number is None else format(value.number, "f"),
            "text": value.text}


def value_from_json(data: Mapping) -> AnswerValue:
    number = data.get("number")
    return AnswerValue(tuple(data.get("choices") or ()), str(data.get("other") or ""),
                       Decimal(number) if number not in (None, "") else None,
                       str(data.get("text") or ""))


class DefinitionError(ValueError):
    """A questionnaire definition that cannot be saved; `errors` names each question."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))


# --- keys -------------------------------------------------------------------------------

def make_key(text: str, taken: Iterable[str] = ()) -> str:
    """A short, readable, unique key from a question or choice text."""
    base = ""
    for word in re.findall(r"[a-z0-9]+", search_fold(text)):
        if base and len(base) + len(word) + 1 > 32:
            break
        base = f"{base}_{word}" if base else word[:32]
    base = base or "q"
    used = set(taken)
    key, n = base, 2
    while key in used:
        key = f"{base}_{n}"
        n += 1
    return key


# --- checking a definition --------------------------------------------------------------

def normalise_questions(questions: Sequence[QuestionDef]) -> tuple[QuestionDef, ...]:
    """Tidy what was typed and give every question and choice a key; raise DefinitionError
    naming each question that cannot be saved ("Question 3": message)."""
    errors: dict[str, str] = {}
    keys: set[str] = {q.key for q in questions if q.key}
    result: list[QuestionDef] = []
    seen_keys: set[str] = set()
    for number, question in enumerate(questions, start=1):
        where = f"Question {number}"
        text = " ".join(question.text.split())
        try:
            kind = QuestionKind(question.kind)
        except ValueError:
            errors[where] = f"“{question.kind}” is not a question type."
            continue
        try:
            role = QuestionRole(question.role or QuestionRole.NONE.value)
        except ValueError:
            errors[where] = f"“{question.role}” is not a use for an answer."
            continue
        if not text:
            errors[where] = "The question has no text."
            continue
        if len(text) > MAX_TEXT:
            errors[where] = f"The question is longer than {MAX_TEXT} characters."
            continue
        if role in _ROLE_KINDS and kind not in _ROLE_KINDS[role]:
            allowed = " or ".join(sorted(k.label.lower() for k in _ROLE_KINDS[role]))
            errors[where] = f"“{role.label.split(' →')[0]}” needs a {allowed} question."
            continue
        key = question.key.strip() or make_key(text, keys | seen_keys)
        if key in seen_keys:
            errors[where] = f"Two questions share the key “{key}”."
            continue
        seen_keys.add(key)
        keys.add(key)
        choices: tuple[Choice, ...] = ()
        if kind.has_own_choices:
            try:
                choices = _normalise_choices(question.choices, role)
            except ValueError as exc:
                errors[where] = str(exc)
                continue
            if not choices and not question.allow_other:
                errors[where] = "A choice question needs at least one choice."
                continue
        result.append(replace(question, key=key, kind=kind.value, role=role.value, text=text,
                              help=question.help.strip(), choices=choices,
                              allow_other=question.allow_other and kind.has_own_choices))
    if errors:
        raise DefinitionError(errors)
    return tuple(result)


def _normalise_choices(choices: Sequence[Choice], role: QuestionRole) -> tuple[Choice, ...]:
    out: list[Choice] = []
    labels: set[str] = set()
    keys: set[str] = set()
    for number, choice in enumerate(choices, start=1):
        label = " ".join(choice.label.split())
        if not label:
            continue  # an empty line in the list is not a choice
        folded = search_fold(label)
        if folded in labels:
            raise ValueError(f"Choice {number} “{label}” is listed twice.")
        labels.add(folded)
        key = choice.key.strip()
        if role is QuestionRole.MARKETS:
            code = key if key and resolve_country(key) == key else resolve_country(label)
            if code is None:
                raise ValueError(f"Choice {number} “{label}” is not a country; the choices of a "
                                 "markets question must be countries.")
            key = code
        elif not key:
            key = make_key(label, keys)
        if key in keys:
            raise ValueError(f"Choice {number} “{label}” repeats another choice.")
        keys.add(key)
        out.append(Choice(key, label))
    return tuple(out)


# --- answers ----------------------------------------------------------------------------

_THOUSANDS_DOT = re.compile(r"-?\d{1,3}(\.\d{3})+")
_THOUSANDS_COMMA = re.compile(r"-?\d{1,3}(,\d{3}){2,}")


def parse_number(text: str) -> Decimal | None:
    """'' → None; '12', '12,5', '12.5', '1.234,5', '1,234.5', '1 234' → Decimal.
    A single comma is a decimal comma (Danish). Raises ValueError with a message."""
    raw = text.strip().replace("\u00a0", "").replace(" ", "").replace("−", "-")
    if not raw:
        return None
    if "," in raw and "." in raw:
        decimal_sep = "," if raw.rfind(",") > raw.rfind(".") else "."
        thousands = "." if decimal_sep == "," else ","
        raw = raw.replace(thousands, "").replace(decimal_sep, ".")
    elif _THOUSANDS_COMMA.fullmatch(raw):
        raw = raw.replace(",", "")
    elif "," in raw:
        raw = raw.replace(",", ".")
    elif _THOUSANDS_DOT.fullmatch(raw):  # 1.200 is twelve hundred, as Danes write it
        raw = raw.replace(".", "")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise ValueError(f"“{text.strip()}” is not a number") from None
    if not value.is_finite():
        raise ValueError(f"“{text.strip()}” is not a number")
    return value


def check_answer(question: QuestionDef, value: AnswerValue) -> AnswerValue:
    """The answer tidied for storing; raises ValueError with a message for the user."""
    kind = question.kind_enum
    if value.is_empty():
        return EMPTY
    if kind.is_counted and kind is not QuestionKind.RATING:
        allowed = {c.key for c in question.options()}
        chosen = tuple(dict.fromkeys(value.choices))
        unknown = [c for c in chosen if c not in allowed]
        if unknown:
            raise ValueError(f"“{unknown[0]}” is not one of the choices")
        if kind is not QuestionKind.MULTIPLE_CHOICE and len(chosen) > 1:
            raise ValueError("choose only one answer")
        other = " ".join(value.other.split()) if question.allow_other else ""
        if kind is not QuestionKind.MULTIPLE_CHOICE and chosen and other:
            raise ValueError("choose one answer or write another, not both")
        ordered = tuple(c.key for c in question.options() if c.key in chosen)
        return AnswerValue(choices=ordered, other=other)
    if kind is QuestionKind.RATING:
        number = value.number
        if number is None and value.choices:
            number = Decimal(value.choices[0])
        if number is None or number != number.to_integral_value() or int(number) not in RATING_SCALE:
            raise ValueError("a rating is a whole number from 1 to 5")
        return AnswerValue(number=Decimal(int(number)))
    if kind is QuestionKind.NUMBER:
        if value.number is None:
            raise ValueError("write a number")
        return AnswerValue(number=value.number)
    return AnswerValue(text=value.text.strip())


def check_answers(questions: Sequence[QuestionDef],
                  values: Mapping[str, AnswerValue]) -> dict[str, AnswerValue]:
    """Every non-empty answer checked against its question, keyed by question key; raises
    DefinitionError naming each refused question by number and text."""
    errors: dict[str, str] = {}
    out: dict[str, AnswerValue] = {}
    for number, question in enumerate(questions, start=1):
        value = values.get(question.key)
        if value is None:
            continue
        try:
            checked = check_answer(question, value)
        except ValueError as exc:
            errors[question.key] = f"Question {number} ({_short(question.text)}): {exc}"
            continue
        if not checked.is_empty():
            out[question.key] = checked
    if errors:
        raise DefinitionError(errors)
    return out


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def format_number(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    return text


def answer_text(question: QuestionDef, value: AnswerValue | None) -> str:
    """The answer as one line of text, for lists, call notes and Excel."""
    if value is None or value.is_empty():
        return ""
    kind = question.kind_enum
    if kind in (QuestionKind.RATING, QuestionKind.NUMBER):
        return format_number(value.number)
    if kind is QuestionKind.FREE_TEXT:
        return value.text
    parts = [question.label_of(key) for key in value.choices]
    if value.other:
        parts.append(f"Other: {value.other}")
    return "; ".join(parts)
