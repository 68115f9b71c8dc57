"""Counting the answers to one question: per choice, averages, and the texts written."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .formatting import format_date
from .questionnaires import AnswerValue, QuestionDef, QuestionKind
from .text import search_fold


@dataclass(frozen=True)
class Respondent:
    """Who gave an answer: the member (or the respondent's own name), the contact, the day."""

    member: str = ""
    contact: str = ""
    answered_on: date | None = None

    def describe(self) -> str:
        """'Aqua Klima ApS (Frederik Rasmussen, 18 Nov 2026)'."""
        who = self.member or self.contact or "Unnamed respondent"
        detail = ", ".join(p for p in (self.contact if self.contact != who else "",
                                       format_date(self.answered_on)) if p)
        return f"{who} ({detail})" if detail else who


@dataclass(frozen=True)
class WrittenAnswer:
    """A text written by one or more respondents (identical texts counted together)."""

    text: str
    respondents: tuple[Respondent, ...]

    @property
    def count(self) -> int:
        return len(self.respondents)


def same_text_key(text: str) -> str:
    """Texts that say the same: case, accents, spacing and closing punctuation aside."""
    return re.sub(r"[\s.!,;:]+$", "", " ".join(search_fold(text).split()))


def group_written(written: Sequence[tuple[str, Respondent]]) -> tuple[WrittenAnswer, ...]:
    """Identical texts together, each with everyone who wrote it (newest first); the texts
    written most often first, then the most recent."""
    groups: dict[str, list[tuple[str, Respondent]]] = {}
    for text, who in written:
        groups.setdefault(same_text_key(text), []).append((text, who))
    answers = []
    for entries in groups.values():
        entries.sort(key=lambda e: e[1].answered_on or date.min, reverse=True)
        answers.append(WrittenAnswer(entries[-1][0].strip(), tuple(who for _t, who in entries)))
    return tuple(sorted(answers, key=lambda a: (-a.count, -(a.respondents[0].answered_on
                                                            or date.min).toordinal())))


@dataclass(frozen=True)
class ChoiceCount:
    key: str
    label: str
    count: int
    share: float  # of those who answered the question, 0..1


@dataclass(frozen=True)
class QuestionResult:
    number: int
    question: QuestionDef
    respondents: int  # answer sets counted
    answered: int  # of those, how many answered this question
    counts: tuple[ChoiceCount, ...] = ()
    average: Decimal | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    others: tuple[WrittenAnswer, ...] = ()  # the "other" texts of choice questions
    texts: tuple[WrittenAnswer, ...] = ()
    former_choices: tuple[str, ...] = field(default=())  # keys no longer in the question

    @property
    def response_rate(self) -> float:
        return self.answered / self.respondents if self.respondents else 0.0


def summarise(number: int, question: QuestionDef, values: Sequence[AnswerValue | None],
              former_labels: Mapping[str, str] | None = None,
              respondents: Sequence[Respondent] | None = None) -> QuestionResult:
    """Counts, average and texts of one question over all answer sets given (None or an
    empty value = not answered). `former_labels` names choices of earlier revisions;
    `respondents` (one per answer set) says who wrote each text."""
    former_labels = former_labels or {}
    who = list(respondents) if respondents is not None else [Respondent()] * len(values)
    given = [(v, r) for v, r in zip(values, who, strict=True) if v is not None and not v.is_empty()]
    answered = [v for v, _r in given]
    n = len(answered)
    kind = question.kind_enum
    counts: tuple[ChoiceCount, ...] = ()
    former: list[str] = []
    average = minimum = maximum = None
    if kind.is_counted:
        tally: dict[str, int] = {c.key: 0 for c in question.options()}
        for value in answered:
            keys = value.choices or ((str(int(value.number)),) if value.number is not None else ())
            for key in keys:
                if key not in tally:
                    former.append(key)
                tally[key] = tally.get(key, 0) + 1
        labels = {c.key: c.label for c in question.options()}
        counts = tuple(
            ChoiceCount(key, labels.get(key) or f"{former_labels.get(key, key)} (former choice)",
                        count, count / n if n else 0.0)
            for key, count in tally.items())
    numbers = [v.number for v in answered if v.number is not None]
    if numbers and kind in (QuestionKind.RATING, QuestionKind.NUMBER):
        average = (sum(numbers, Decimal(0)) / len(numbers)).quantize(Decimal("0.01"))
        minimum, maximum = min(numbers), max(numbers)
    others = group_written([(v.other, r) for v, r in given if v.other])
    texts = group_written([(v.text, r) for v, r in given if v.text])
    return QuestionResult(number, question, len(values), n, counts, average, minimum, maximum,
                          others, texts, tuple(dict.fromkeys(former)))
