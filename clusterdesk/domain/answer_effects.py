"""What answers mean beyond the results: markets of interest and the international
orientation for the member's profile, and needs for the logged call or visit."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from .countries import country_name, resolve_country
from .enums import InternationalOrientation
from .questionnaires import (
    CONSIDERING,
    NO,
    YES,
    AnswerValue,
    QuestionDef,
    QuestionKind,
    QuestionRole,
    answer_text,
)


def countries_in(question: QuestionDef, value: AnswerValue | None) -> tuple[str, ...]:
    """The country codes a markets question's answer names (choices and typed countries)."""
    if value is None or question.role != QuestionRole.MARKETS.value:
        return ()
    codes: list[str] = [c for c in value.choices if resolve_country(c) == c]
    typed = value.text if question.kind == QuestionKind.FREE_TEXT.value else value.other
    for part in re.split(r"[,;/\n]| and | og ", typed):
        code = resolve_country(part)
        if code:
            codes.append(code)
    return tuple(dict.fromkeys(codes))


def unknown_countries(question: QuestionDef, value: AnswerValue | None) -> tuple[str, ...]:
    """Typed parts of a markets answer that are not countries (to warn, not to refuse)."""
    if value is None or question.role != QuestionRole.MARKETS.value:
        return ()
    typed = value.text if question.kind == QuestionKind.FREE_TEXT.value else value.other
    return tuple(p.strip() for p in re.split(r"[,;/\n]| and | og ", typed)
                 if p.strip() and resolve_country(p) is None)


_YES_NO_ORIENTATION = {
    YES: InternationalOrientation.DEFINED.value,
    CONSIDERING: InternationalOrientation.LATENT.value,
    NO: InternationalOrientation.NONE.value,
}


def suggested_orientation(questions: Sequence[QuestionDef], values: Mapping[str, AnswerValue],
                          current: str) -> str | None:
    """The orientation the answers point to, when it differs from `current`; else None.
    A plain "yes" never moves an already active member back to "defined"."""
    orientations = {o.value for o in InternationalOrientation}
    for question in questions:
        if question.role != QuestionRole.ORIENTATION.value:
            continue
        value = values.get(question.key)
        if value is None or not value.choices:
            continue
        choice = value.choices[0]
        if question.kind == QuestionKind.YES_NO_CONSIDERING.value:
            if choice == YES and current == InternationalOrientation.ACTIVE.value:
                return None
            wanted = _YES_NO_ORIENTATION.get(choice)
        else:
            wanted = choice if choice in orientations else None
        if wanted and wanted != current:
            return wanted
        return None
    return None


def needs_text(questions: Sequence[QuestionDef], values: Mapping[str, AnswerValue]) -> str:
    """The answers to the needs questions, one line each, for the logged interaction."""
    lines = []
    for question in questions:
        if question.role != QuestionRole.NEEDS.value:
            continue
        text = answer_text(question, values.get(question.key))
        if text:
            lines.append(text)
    return "\n".join(lines)


def markets_text(codes: Iterable[str]) -> str:
    return ", ".join(country_name(c) for c in codes)


