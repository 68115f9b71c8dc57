"""Raw answers of a questionnaire to Excel: one row per answer set, one column per question,
and a second sheet that spells out each question and its choices."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.questionnaires import QuestionKind
from .excel import Sheet, write_workbook

if TYPE_CHECKING:
    from ..services.survey_results import RawAnswers

QUESTION_HEADERS = ("Column", "Key", "Question", "Type", "Choices")


def write_raw_answers(path: Path, raw: RawAnswers) -> int:
    """Write the workbook; returns the number of answer sets written."""
    questions = [(f"Q{n}", q.key, q.text, QuestionKind(q.kind).label,
                  "; ".join(c.label for c in q.options()) + ("; Other (text)" if q.allow_other else ""))
                 for n, q in raw.questions]
    counts = write_workbook(path, [Sheet("Answers", raw.headers, raw.rows),
                                   Sheet("Questions", QUESTION_HEADERS, questions)])
    return counts[0]
