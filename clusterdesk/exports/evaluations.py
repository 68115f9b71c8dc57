"""Evaluations in Excel: the evaluation report (one sheet per part, numbers as numbers), and
the sheet to collect answers in — one row per participant, one column per question — that
the import reads back."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..domain.countries import country_name
from ..domain.enums import ActivityKind
from ..domain.evaluations import OutcomeKind, StoryStatus
from ..domain.questionnaires import QuestionDef
from ..imports.evaluation_answers import template_row
from .excel import Sheet, write_workbook
from .pdf.evaluation_report import key_figures

ANSWER_FIXED = ("Member", "Contact", "Answered on")


def answer_headers(questions: Sequence[QuestionDef]) -> list[str]:
    return [*ANSWER_FIXED, *(f"Q{n} {q.text}" for n, q in enumerate(questions, start=1))]


def write_answer_template(path: Path, questions: Sequence[QuestionDef],
                          participants: Sequence[tuple[str, str]]) -> int:
    """A workbook to collect answers in: the participants' rows ready to fill in, and a sheet
    saying how to answer each column. Returns the number of participant rows."""
    blank = [""] * (len(questions) + 1)
    rows = [(member, contact, *blank) for member, contact in participants]
    guide = [(f"Q{n}", q.text, template_row(q)) for n, q in enumerate(questions, start=1)]
    guide += [("Member", "The participating member, as named in ClusterDesk", "required"),
              ("Answered on", "When the answers were given (empty: the day of the import)", "dd-mm-yyyy")]
    return write_workbook(Path(path), [Sheet("Answers", answer_headers(questions), rows),
                                       Sheet("How to fill in", ("Column", "Question", "Answer with"), guide)])[0]


def write_report_xlsx(path: Path, report) -> int:
    """The report as a workbook; returns the number of outcome rows."""
    summary = [("Report", report.title), ("Scope", report.scope), *key_figures(report),
               ("Response rate (%)", round(report.response_rate * 100, 1))]
    activities = [(a.name, ActivityKind(a.kind).label, a.starts_on, a.ends_on or a.starts_on, a.place,
                   a.counted, a.answered, a.followed_up, a.outcomes) for a in report.activities]
    ratings = [(r.text, r.answered, r.average, *r.counts) for r in report.ratings]
    yes_no = [(y.text, y.yes, y.no, y.considering) for y in report.yes_no]
    outcomes = [(activity, o.member_name, OutcomeKind(o.kind).label, o.count, o.partner,
                 country_name(o.country) if o.country else "", o.value.amount if o.value else None,
                 o.value.currency if o.value else "", o.occurred_on, o.note) for activity, o in report.outcomes]
    totals = [(m.currency, m.amount) for m in report.totals.values]
    stories = [(s.title, StoryStatus(s.status).label, s.member_name, s.partner,
                country_name(s.country) if s.country else "", s.value.amount if s.value else None,
                s.value.currency if s.value else "", s.activity_name, s.happened_on, s.published_on)
               for s in report.stories]
    comments = [(c.question, c.member, c.text) for c in report.comments]
    counts = write_workbook(Path(path), [
        Sheet("Summary", ("What", "Figure"), summary),
        Sheet("Activities", ("Activity", "Kind", "First day", "Last day", "Where", "Participants asked",
                             "Answered", "Follow-up answered", "Outcomes"), activities),
        Sheet("Ratings", ("Question", "Answers", "Average", "1", "2", "3", "4", "5"), ratings),
        Sheet("Yes or no", ("Question", "Yes", "No", "Considering"), yes_no),
        Sheet("Outcomes", ("Activity", "Participant", "Outcome", "Count", "Partner", "Country", "Value",
                           "Currency", "Date", "Note"), outcomes),
        Sheet("Value by currency", ("Currency", "Contracts and orders"), totals),
        Sheet("Success stories", ("Title", "Status", "Member", "Partner", "Country", "Value", "Currency",
                                  "Activity", "Happened", "Published"), stories),
        Sheet("Comments", ("Question", "Participant", "Answer"), comments),
    ])
    return counts[4]
