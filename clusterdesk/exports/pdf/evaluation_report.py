"""The evaluation report as a PDF for the board or the funder: key figures, ratings with a
chart, the yes/no answers, outcomes with a chart and the contracts by currency, the
activities, the success stories and what participants wrote."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether

from ...domain.countries import country_name
from ...domain.enums import ActivityKind
from ...domain.evaluations import OutcomeKind, StoryStatus
from ...domain.formatting import format_date, format_date_range, format_money
from ...domain.questionnaires import format_number
from ...domain.text import plural
from .base import HouseDocument, build_pdf, data_table, heading, para, spacer, styles
from .charts import bar_drawing

TEXT_WIDTH = 178 * mm


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
                   para(f"Made on {format_date(today, style='long')}", st.muted), spacer(3)]
    story.append(data_table(("Key figures", ""), key_figures(report), (70 * mm, 108 * mm)))
    story += _ratings(report, st)
    story += _outcomes(report, st)
    if len(report.activities) > 1:
        story.append(heading("Activities"))
        rows = [(a.name, format_date_range(a.starts_on, a.ends_on), a.place or "—",
                 f"{a.answered} of {a.counted}", str(a.outcomes)) for a in report.activities]
        story.append(data_table(("Activity", "When", "Where", "Answered", "Outcomes"), rows,
                                [w * mm for w in (66, 36, 34, 22, 20)]))
    elif report.activities:
        activity = report.activities[0]
        story.append(para(f"{ActivityKind(activity.kind).label}: {activity.answered} of "
                          f"{plural(activity.counted, 'participant')} answered the evaluation, "
                          f"{activity.followed_up} the long-term follow-up.", st.muted))
    story += _stories(report, st)
    if report.comments:
        story.append(heading("What participants wrote"))
        rows = [(c.text, c.member, c.question) for c in report.comments]
        story.append(data_table(("Answer", "Participant", "Question"), rows,
                                [w * mm for w in (92, 40, 46)]))
    return story


def _ratings(report, st) -> list:
    if not report.ratings and not report.yes_no:
        return [heading("Ratings"), para("No answers yet.", st.muted)]
    parts: list = []
    rated = [r for r in report.ratings if r.answered]
    if rated:
        chart = bar_drawing([r.text for r in rated], [("Average", [float(r.average) for r in rated])],
                            TEXT_WIDTH, top=5, step=1, value_format="%.1f",
                            title="Average rating, 1 = poor, 5 = excellent")
        rows = [(r.text, str(r.answered), format_number(r.average), *(str(n) for n in r.counts))
                for r in rated]
        table = data_table(("Question", "Answers", "Average", "1", "2", "3", "4", "5"), rows,
                           [w * mm for w in (90, 18, 18, 10, 10, 10, 11, 11)])
        parts += [KeepTogether([heading("Ratings"), chart]), table]
    answered = [y for y in report.yes_no if y.yes + y.no + y.considering]
    if answered:
        rows = [(y.text, str(y.yes), str(y.no), str(y.considering)) for y in answered]
        parts.append(heading("Yes or no", 2))
        parts.append(data_table(("Question", "Yes", "No", "Considering"), rows,
                                [w * mm for w in (118, 20, 20, 20)]))
    return parts


def _outcomes(report, st) -> list:
    totals = report.totals
    parts: list = [heading("Outcomes")]
    if not totals.per_kind:
        return parts + [para("No outcomes reported yet.", st.muted)]
    labels = [OutcomeKind(k).label for k, _n, _p in totals.per_kind]
    parts.append(bar_drawing(labels, [("Reported", [n for _k, n, _p in totals.per_kind]),
                                      ("Participants", [p for _k, _n, p in totals.per_kind])],
                             TEXT_WIDTH, value_format="%d"))
    if totals.countries:
        parts.append(para("Countries: " + ", ".join(f"{country_name(c)} ({n})" for c, n in totals.countries),
                          st.body))
    money = [(o, a) for a, o in report.outcomes if o.value is not None]
    if money:
        parts.append(heading("Contracts and orders", 2))
        rows = [(o.member_name, o.kind_label, o.partner or "—", country_name(o.country) if o.country else "—",
                 format_money(o.value), format_date(o.occurred_on) or "—") for o, _a in money]
        for total in totals.values:
            rows.append(("Total", "", "", "", format_money(total), ""))
        parts.append(data_table(("Participant", "What", "Partner", "Country", "Value", "Date"), rows,
                                [w * mm for w in (44, 28, 38, 22, 28, 18)]))
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
