"""Built-in questionnaire templates, written as TOML (resources/questionnaires/*.toml).

    key = "phone-campaign"
    name = "Annual phone campaign"
    description = "…"
    prefill = false              # start from the member's earlier answers
    [[questions]]
    key = "markets"              # stable; shared with other questionnaires asking the same
    kind = "multiple_choice"     # see QuestionKind
    role = "markets"             # see QuestionRole (optional)
    allow_other = true
    text = "Which countries are on your radar?"
    help = "…"                   # optional
    choices = ["Germany", { key = "se", label = "Sweden" }]
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass

from .questionnaires import Choice, DefinitionError, QuestionDef, normalise_questions


class TemplateError(ValueError):
    """A template file that cannot be used; the message names the file and the place."""


@dataclass(frozen=True)
class Template:
    key: str
    name: str
    description: str
    handbook: str
    prefill: bool
    questions: tuple[QuestionDef, ...]


def parse_template(text: str, source: str = "template") -> Template:
    """Read one template; raises TemplateError naming the file and what is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"{source}: not valid TOML ({exc})") from None
    for field in ("key", "name"):
        if not isinstance(data.get(field), str) or not data[field].strip():
            raise TemplateError(f"{source}: “{field}” is missing")
    raw_questions = data.get("questions")
    if not isinstance(raw_questions, list) or not raw_questions:
        raise TemplateError(f"{source}: a template needs at least one [[questions]] entry")
    questions = []
    for number, raw in enumerate(raw_questions, start=1):
        if not isinstance(raw, dict):
            raise TemplateError(f"{source}: question {number} is not a table")
        questions.append(QuestionDef(
            key=str(raw.get("key", "")), kind=str(raw.get("kind", "")), text=str(raw.get("text", "")),
            help=str(raw.get("help", "")), allow_other=bool(raw.get("allow_other", False)),
            role=str(raw.get("role", "none")),
            choices=_choices(raw.get("choices", []), source, number)))
    try:
        checked = normalise_questions(questions)
    except DefinitionError as exc:
        raise TemplateError(f"{source}: " + "; ".join(f"{k}: {v}" for k, v in exc.errors.items())) from None
    return Template(data["key"].strip(), data["name"].strip(), str(data.get("description", "")).strip(),
                    str(data.get("handbook", "")), bool(data.get("prefill", False)), checked)


def _choices(raw, source: str, number: int) -> tuple[Choice, ...]:
    if not isinstance(raw, list):
        raise TemplateError(f"{source}: the choices of question {number} must be a list")
    choices = []
    for item in raw:
        if isinstance(item, str):
            choices.append(Choice("", item))
        elif isinstance(item, dict) and isinstance(item.get("label"), str):
            choices.append(Choice(str(item.get("key", "")), item["label"]))
        else:
            raise TemplateError(f"{source}: question {number} has a choice that is neither text "
                                "nor {{ key, label }}")
    return tuple(choices)
