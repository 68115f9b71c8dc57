"""Counting the answers to one question: per choice, averages, and the texts written."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from .questionnaires import AnswerValue, QuestionDef, QuestionKind


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
    others: tuple[str, ...] = ()
    texts: tuple[str, ...] = ()
    former_choices: tuple[str, ...] = field(default=())  # keys no longer in the question

    @property
    def response_rate(self) -> float:
        return self.answered / self.respondents if self.respondents else 0.0


def summarise(number: int, question: QuestionDef, values: Sequence[AnswerValue | None],
              former_labels: Mapping[str, str] | None = None) -> QuestionResult:
    """Counts, average and texts of one question over all answer sets given (None or an
    empty value = not answered). `former_labels` names choices of earlier revisions."""
    former_labels = former_labels or {}
    answered = [v for v in values if v is not None and not v.is_empty()]
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
    others = tuple(v.other for v in answered if v.other)
    texts = tuple(v.text for v in answered if v.text)
    return QuestionResult(number, question, len(values), n, counts, average, minimum, maximum,
                          others, texts, tuple(dict.fromkeys(former)))
