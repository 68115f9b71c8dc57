"""The evaluation report as a PDF for the board or the funder: key figures, ratings with a
chart, the yes/no answers, outcomes with a chart and the contracts by currency, the
activities, the success stories and what participants wrote."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph

from ...domain.countries import country_name
from ...domain.evaluations import OutcomeKind, StoryStatus
from ...domain.formatting import format_date, format_date_range, format_money
from .base import FONT_BOLD, HouseDocument, build_pdf, data_table, heading, para, spacer, styles
from .charts import bar_drawing

TEXT_WIDTH = 178 * mm


def number(value, *, bold: bool = False) -> Paragraph:
    """A figure in a table cell, to the right as figures are."""
    st = styles()
    style = ParagraphStyle("figure", parent=st.cell, alignment=TA_RIGHT,
                           fontName=FONT_BOLD if bold else st.cell.fontName)
    return para(str(value), style)


def bold(text: str) -> Paragraph:
    return para(text, ParagraphStyle("strong", parent=styles().cell, fontName=FONT_BOLD))


def percent(share: float) -> str:
    return f"{round(share * 100)} %"


def key_figures(report) -> list[tuple[str, str]]:
    """The figures at the top of the report (also the Summary sheet of the workbook)."""
    totals = report.totals
    figures = [
        ("Activities", str(len(report.activities))),
        ("Participants asked", str(report.participants)),
        ("Answered the evaluation", f"{report.answered} ({percent(report.response_rate)})"),
        ("Answered the long-term follow-up", str(report.followed_up)),
        ("Participants reporting outcomes", str(totals.reporting)),
        ("New partners", str(totals.count_of(OutcomeKind.NEW_PARTNER))),
        ("New markets", str(totals.count_of(OutcomeKind.NEW_MARKET))),
        ("Contracts and orders", str(totals.count_of(OutcomeKind.CONTRACT) + totals.count_of(OutcomeKind.ORDER))),
        ("Value of contracts and orders",
         "; ".join(format_money(m) for m in totals.values) or "none reported"),
        ("Success stories", str(len(report.stories))),
    ]
    return figures


def report_story(report, today: date) -> list:
    st = styles()
    story: list = [para(report.title, st.title), para(report.scope, st.body),
                   para(f"Made on {format_date(today)}", st.muted), spacer(3)]
    story.append(data_table(("Key figures", ""), key_figures(report), (70 * mm, 108 * mm)))
    story += _ratings(report, st)
    story += _outcomes(report, st)
    if len(report.activities) > 1:
        story.append(heading("Activities"))
        rows = [(a.name, format_date_range(a.starts_on, a.ends_on), a.place or "—",
                 number(f"{a.answered} of {a.counted}"), number(a.outcomes)) for a in report.activities]
        story.append(data_table(("Activity", "When", "Where", "Answered", "Outcomes"), rows,
                                [w * mm for w in (62, 34, 34, 24, 24)]))
    story += _stories(report, st)
    if report.comments:
        story.append(heading("What participants wrote"))
        for question in dict.fromkeys(c.question for c in report.comments):
            rows = [(c.text, c.member) for c in report.comments if c.question == question]
            table = data_table(("Answer", "Participant"), rows, [w * mm for w in (124, 54)])
            story.append(KeepTogether([heading(question, 2), table]))  # a long one still splits
    return story


def _ratings(report, st) -> list:
    if not report.ratings and not report.yes_no:
        return [heading("Ratings"), para("No answers yet.", st.muted)]
    parts: list = []
    rated = [r for r in report.ratings if r.answered]
    if rated:
        chart = bar_drawing([r.text for r in rated], [("Average", [float(r.average) for r in rated])],
                            TEXT_WIDTH, top=5, step=1, value_format="%.2f",
                            title="Average rating, 1 = poor, 5 = excellent")
        rows = [(r.text, number(r.answered), number(f"{r.average:.2f}"), *(number(n) for n in r.counts))
                for r in rated]
        table = data_table(("Question", "Answers", "Average", "1", "2", "3", "4", "5"), rows,
                           [w * mm for w in (84, 20, 20, 10.8, 10.8, 10.8, 10.8, 10.8)])
        parts += [KeepTogether([heading("Ratings"), chart]), table]
    answered = [y for y in report.yes_no if y.yes + y.no + y.considering]
    if answered:
        rows = [(y.text, number(y.yes), number(y.no), number(y.considering)) for y in answered]
        parts.append(heading("Yes or no", 2))
        parts.append(data_table(("Question", "Yes", "No", "Considering"), rows,
                                [w * mm for w in (110, 20, 20, 28)]))
    return parts


def _outcomes(report, st) -> list:
    totals = report.totals
    if not totals.per_kind:
        return [heading("Outcomes"), para("No outcomes reported yet.", st.muted)]
    labels = [OutcomeKind(k).label for k, _n, _p in totals.per_kind]
    parts: list = [KeepTogether([heading("Outcomes"), bar_drawing(
        labels, [("Reported", [n for _k, n, _p in totals.per_kind]),
                 ("Participants", [p for _k, _n, p in totals.per_kind])], TEXT_WIDTH, value_format="%d")])]
    if totals.countries:
        parts.append(para("Countries: " + ", ".join(f"{country_name(c)} ({n})" for c, n in totals.countries),
                          st.body))
    money = [(o, a) for a, o in report.outcomes if o.value is not None]
    if money:
        parts.append(heading("Contracts and orders", 2))
        rows = [(o.member_name, o.kind_label, o.partner or "—", country_name(o.country) if o.country else "—",
                 number(format_money(o.value)), format_date(o.occurred_on) or "—") for o, _a in money]
        for total in totals.values:
            rows.append((bold("Total"), "", "", "", number(format_money(total), bold=True), ""))
        parts.append(data_table(("Participant", "What", "Partner", "Country", "Value", "Date"), rows,
                                [w * mm for w in (36, 26, 30, 24, 36, 26)]))
    return parts


def _stories(report, st) -> list:
    if not report.stories:
        return []
    parts: list = [heading("Success stories")]
    for s in report.stories:
        facts = " · ".join(p for p in (s.member_name, s.partner, country_name(s.country) if s.country else "",
                                       format_money(s.value) if s.value else "",
                                       StoryStatus(s.status).label) if p)
        parts.append(KeepTogether([para(s.title, st.h2), para(facts, st.muted)]))
    return parts


def write_report_pdf(path: Path, report, workspace_name: str, today: date) -> Path:
    """Write the report as an A4 PDF (via a temporary file)."""
    doc = HouseDocument(Path(path), title=report.title, workspace=workspace_name)
    build_pdf(doc, report_story(report, today))
    return Path(path)
