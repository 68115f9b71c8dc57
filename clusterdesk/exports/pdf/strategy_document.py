"""The strategy document (§3.5: short and precise, eight to ten pages): a title page, the
sections, the KPIs as a table and a target-vs-actual chart each, the action plans, and the
strategy process (the year's wheel)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, PageBreak, Spacer, Table, TableStyle

from ...domain.countries import country_name
from ...domain.formatting import format_date, format_datetime, format_quantity
from ...domain.strategy import StrategyStatus, WheelStep, kpi_chart_data, period_text
from ...services.strategy import SECTIONS
from .action_plan import action_plan_story
from .base import ACCENT, HouseDocument, build_pdf, data_table, heading, para, spacer, styles
from .kpi_chart import STATUS_COLOURS, kpi_chart

CHART_HEIGHT = 52 * mm
NOT_WRITTEN = "Not written yet."


def _text(text: str) -> list:
    """A section's text: paragraphs split at blank lines, line breaks kept."""
    st = styles()
    blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
    if not blocks:
        return [para(NOT_WRITTEN, st.muted)]
    return [item for block in blocks for item in (para(block), spacer(1.5))]


def _status_line(detail) -> str:
    if detail.status == StrategyStatus.APPROVED.value and detail.approved_on:
        return f"Approved on {format_date(detail.approved_on)}" + (
            f" ({detail.approved_by})" if detail.approved_by else "")
    if detail.status == StrategyStatus.ARCHIVED.value:
        return "Archived — no longer in force"
    return "Draft — not yet approved"


def _title_page(doc) -> list:
    st = styles()
    detail = doc.strategy
    data = detail.data
    big = ParagraphStyle("cover", parent=st.title, fontSize=26, leading=31, spaceAfter=10)
    period = period_text(data.period_from, data.period_to)
    story: list = [Spacer(1, 55 * mm), para(doc.cluster, st.muted), spacer(3), para(data.title, big)]
    if period and period not in data.title:
        story.append(para(f"For {period}", st.h1))
    story += [para(_status_line(detail), st.body), spacer(14)]
    contents = [f"{n}. {title}" for n, title in enumerate(_chapter_titles(doc), start=1)]
    story += [para("Contents", st.h2), para("\n".join(contents), st.body), spacer(20),
              para(f"Printed {format_date(doc.today)} from ClusterDesk"
                   + (f" · copied from “{detail.copied_from}”" if detail.copied_from else ""), st.muted),
              PageBreak()]
    return story


def _chapter_titles(doc) -> list[str]:
    titles = [title for key, title, _q in SECTIONS if key not in ("markets", "sectors", "process")]
    titles.insert(2, "Boundaries")
    titles.append("Key performance indicators")
    if doc.plans:
        titles.append("Action plans")
    titles.append("The strategy process")
    return titles


def _boundaries(doc) -> list:
    st = styles()
    data = doc.strategy.data
    countries = ", ".join(country_name(c) for c in data.countries) or "none named"
    story = [para(f"Countries: {countries}")]
    if doc.target_markets:
        chosen = set(data.countries)
        outside = [name for name in doc.target_markets
                   if not any(country_name(c) == name for c in chosen)]
        line = "The cluster's target markets (Members ▸ Markets): " + ", ".join(doc.target_markets)
        if outside:
            line += f" — not in this strategy: {', '.join(outside)}"
        story.append(para(line, st.muted))
    for key, label in (("markets", "Markets"), ("sectors", "Sectors")):
        story += [heading(label, 2), *_text(getattr(data, key))]
    return story


def _kpi_table(doc, width: float):
    rows = []
    commands = []
    for n, kpi in enumerate(doc.kpis, start=1):
        row = kpi.row
        actual = format_quantity(row.actual) + (f"\n{format_date(row.actual_on)}" if row.actual_on else "")
        rows.append([kpi.data.name, row.unit, format_quantity(row.baseline), format_quantity(row.target),
                     period_text(row.period_from, row.period_to), actual, row.status.label])
        commands.append(("TEXTCOLOR", (6, n), (6, n), STATUS_COLOURS[row.status.value]))
    commands.append(("ALIGN", (2, 1), (3, -1), "RIGHT"))
    widths = [w * width for w in (0.26, 0.11, 0.12, 0.09, 0.12, 0.15, 0.15)]
    return data_table(("KPI", "Unit", "Baseline", "Target", "Period", "Actual", "Status"), rows, widths,
                      extra_styles=commands)


def _kpi_charts(doc, width: float) -> list:
    """A chart per KPI, two side by side."""
    st = styles()
    cell_width = (width - 6 * mm) / 2
    cells = []
    for kpi in doc.kpis:
        row = kpi.row
        data = kpi_chart_data(row.baseline, row.target, row.period_from, row.period_to,
                              kpi.actual_points(doc.today))
        assessment = row.assessment
        caption = row.status.label
        if assessment.achieved_share is not None:
            caption += (f": {round(assessment.achieved_share * 100)} % of the way at "
                        f"{round(assessment.expected_share * 100)} % of the period")
        if row.live:
            caption += " · read from the data"
        cells.append([para(kpi.data.name, st.h2), kpi_chart(data, row.unit, cell_width, CHART_HEIGHT,
                                                             row.status.value), para(caption, st.muted)])
    story = []
    for start in range(0, len(cells), 2):
        pair = cells[start:start + 2]
        table = Table([pair], colWidths=[cell_width + 3 * mm] * len(pair))
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        table.hAlign = "LEFT"
        story += [table, spacer(3)]
    return story


def _kpis(doc, width: float) -> list:
    st = styles()
    if not doc.kpis:
        return [para("No KPIs yet.", st.muted)]
    definitions = [para(f"{k.data.name}: {k.data.definition}", st.small) for k in doc.kpis if k.data.definition]
    return [_kpi_table(doc, width), spacer(2),
            para("Status compares the latest value with the straight path from the baseline at the "
                 "start of the period to the target at its end: on track when at most a tenth of the "
                 "way behind, at risk up to a quarter behind, off track beyond that.", st.small),
            spacer(3), *_kpi_charts(doc, width), *([heading("Definitions", 2)] if definitions else []),
            *definitions]


def _process(doc, width: float) -> list:
    story = _text(doc.strategy.data.process)
    if doc.wheel:
        rows = [[WheelStep(m.step).label, format_date(m.due_on),
                 f"✓ {m.done_by}, {format_datetime(m.done_at)}" if m.done else "", m.note]
                for m in doc.wheel]
        story += [heading(f"The strategy wheel {doc.wheel_year}", 2),
                  data_table(("Milestone", "Date", "Done", "Note"), rows,
                             [w * width for w in (0.2, 0.14, 0.26, 0.4)])]
    return story


def strategy_story(doc, width: float) -> list:
    st = styles()
    data = doc.strategy.data
    chapter = 0

    def title(text: str) -> list:
        nonlocal chapter
        chapter += 1
        return [CondPageBreak(40 * mm), para(f"{chapter}. {text}", st.h1)]

    story = _title_page(doc)
    for key, text, _question in SECTIONS:
        if key in ("markets", "sectors", "process"):
            continue
        story += title(text) + _text(getattr(data, key))
        if key == "target_groups":
            story += title("Boundaries") + _boundaries(doc)
    story += [PageBreak(), *title("Key performance indicators"), *_kpis(doc, width)]
    if doc.plans:
        plan_title = ParagraphStyle("plan", parent=st.h1, fontSize=12, textColor=ACCENT)
        story += [PageBreak(), *title("Action plans")]
        for n, plan in enumerate(doc.plans):
            if n:
                story.append(CondPageBreak(90 * mm))
            story += [spacer(2), *action_plan_story(plan, doc.today, title_style=plan_title, width=width)]
    story += title("The strategy process") + _process(doc, width)
    return story


def write_strategy_pdf(path: Path, doc) -> Path:
    """Write the strategy document of a version (a StrategyDocument) as A4 PDF."""
    data = doc.strategy.data
    house = HouseDocument(Path(path), title=data.title, workspace=doc.cluster)
    build_pdf(house, strategy_story(doc, house.content_width))
    return Path(path)

