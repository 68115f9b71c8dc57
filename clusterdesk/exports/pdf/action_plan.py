"""An action plan as a PDF for the board and the project group (§3.6): purpose, targets with
numbers, the sub-activities with owner, due date and who ticked them off, the participants,
the dissemination plan and the budget with the activities that carry the plan out.

Built for long plans (a thousand sub-activities in well under a second): the sub-activities
are cut into tables of a few dozen rows (ReportLab splits one huge table across pages
slowly), and each description is broken into lines once, as plain text, instead of being a
paragraph that the table would measure again and again."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import KeepTogether, Paragraph, Table, TableStyle

from ...domain.enums import ActivityKind, ActivityStatus
from ...domain.formatting import format_date, format_datetime, format_money_compact, format_quantity
from ...domain.strategy import TargetTerm, period_text, target_share
from .base import (
    ACCENT,
    GRID,
    LIGHT,
    HouseDocument,
    build_pdf,
    data_table,
    heading,
    para,
    spacer,
    styles,
)
from .checklist import OVERDUE, TickBox

SUB_WIDTHS_MM = (7, 93, 20, 22, 36)  # box, sub-activity, owner, due, done: 178 mm
ROWS_PER_TABLE = 60


def _facts(detail) -> str:
    data = detail.data
    return " · ".join(p for p in (
        detail.strategy_title, period_text(data.starts_on, data.ends_on),
        f"Responsible: {data.responsible}" if data.responsible else "") if p)


def _targets_table(detail, width: float):
    rows = []
    for target in detail.data.targets:
        share = target_share(target.target, target.achieved)
        rows.append([TargetTerm(target.term).label, target.description, target.unit,
                     format_quantity(target.target), format_quantity(target.achieved),
                     "" if share is None else f"{round(share * 100)} %"])
    widths = [w * width for w in (0.18, 0.37, 0.13, 0.11, 0.12, 0.09)]
    right = [("ALIGN", (3, 1), (-1, -1), "RIGHT")]
    return data_table(("Term", "Target", "Unit", "Aimed at", "Achieved", "Share"), rows, widths,
                      extra_styles=right)


def _sub_activity_tables(detail, today: date) -> list:
    """The sub-activities in tables of ROWS_PER_TABLE rows, the header repeated on each."""
    st = styles()
    text_style = ParagraphStyle("sub", parent=st.cell)
    header_style = ParagraphStyle("subhead", parent=st.cell_bold)
    widths = [w * mm for w in SUB_WIDTHS_MM]
    text_width = widths[1] - 12  # the cell's padding on both sides
    header = [Paragraph("", header_style), Paragraph("Sub-activity", header_style),
              Paragraph("Owner", header_style), Paragraph("Due", header_style),
              Paragraph("Done", header_style)]
    base = [
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID),
        ("FONT", (0, 1), (-1, -1), st.cell.fontName, st.cell.fontSize, st.cell.leading),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    tables = []
    subs = detail.sub_activities
    for start in range(0, len(subs), ROWS_PER_TABLE):
        chunk = subs[start:start + ROWS_PER_TABLE]
        rows, commands = [header], list(base)
        for offset, sub in enumerate(chunk, start=1):
            done = f"{sub.done_by}\n{format_datetime(sub.done_at)}" if sub.done else ""
            lines = simpleSplit(sub.text, text_style.fontName, text_style.fontSize, text_width)
            rows.append([TickBox(sub.done, 3.2 * mm), "\n".join(lines), sub.owner,
                         format_date(sub.due_on), done])
            if not sub.done and sub.due_on is not None and sub.due_on < today:
                commands.append(("TEXTCOLOR", (3, offset), (3, offset), OVERDUE))
            if offset % 2 == 0:
                commands.append(("BACKGROUND", (0, offset), (-1, offset), LIGHT))
        table = Table(rows, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle(commands + [("FONTSIZE", (4, 1), (4, -1), 7),
                                              ("LEADING", (4, 1), (4, -1), 8.5)]))
        table.hAlign = "LEFT"
        tables.append(table)
    return tables


def _budget(detail, width: float) -> list:
    data = detail.data
    st = styles()
    story: list = []
    lines = [f"Estimated total cost: {format_money_compact(data.budget)}" if data.budget else
             "No estimate of the total cost yet."]
    if data.budget_note:
        lines.append(data.budget_note)
    story.append(para("\n".join(lines)))
    if detail.activities:
        rows = [[a.name, ActivityKind(a.kind).label, a.when, ActivityStatus(a.status).label,
                 format_money_compact(a.budget)] for a in detail.activities]
        widths = [w * width for w in (0.32, 0.18, 0.17, 0.17, 0.16)]
        right = [("ALIGN", (4, 1), (4, -1), "RIGHT")]
        story += [spacer(2), para("The activities that carry the plan out (Missions):", st.muted),
                  data_table(("Activity", "Kind", "When", "Status", "Budget"), rows, widths,
                             extra_styles=right)]
        totals = detail.activity_budgets()
        if totals:
            story.append(para("Activities' budgets together: " + " + ".join(format_money_compact(m) for m in totals),
                              st.muted))
    if detail.budgets:
        rows = [[b.name, b.activity_name, format_money_compact(b.costs), format_money_compact(b.funding),
                 format_money_compact(b.gap)] for b in detail.budgets]
        widths = [w * width for w in (0.26, 0.26, 0.16, 0.16, 0.16)]
        right = [("ALIGN", (2, 1), (4, -1), "RIGHT")]
        story += [spacer(2), para("Their budgets in Finance (costs, funding and the gap still to fund):", st.muted),
                  data_table(("Budget", "Activity", "Costs", "Funding", "Gap"), rows, widths, extra_styles=right)]
    return story


def action_plan_story(detail, today: date, *, title_style: ParagraphStyle | None = None,
                      width: float = 178 * mm) -> list:
    """The flowables of one action plan (also used inside the strategy document)."""
    st = styles()
    data = detail.data
    progress = detail.progress
    story: list = [para(data.name, title_style or st.title), para(_facts(detail), st.body)]
    if progress.total:
        story.append(para(f"Sub-activities: {progress} ({progress.percent} %) on "
                          f"{format_date(today)}", st.muted))
    story.append(spacer(2))
    story += [heading("Purpose", 2), para(data.purpose or "Not written yet.")]
    if data.targets:
        story += [heading("Targets", 2), _targets_table(detail, width)]
    story.append(heading("Sub-activities", 2))
    if detail.sub_activities:
        story += _sub_activity_tables(detail, today)
    else:
        story.append(para("No sub-activities yet."))
    members = ", ".join(m.name + (f" ({m.city})" if m.city else "") for m in detail.members)
    participants = [para(f"Members: {members}" if members else "Members: none named yet.")]
    if data.institutions:
        participants.append(para(f"Institutions: {data.institutions}"))
    story.append(KeepTogether([heading("Participants", 2), *participants]))
    story += [heading("Dissemination", 2), para(data.dissemination or "Not planned yet.")]
    story.append(KeepTogether([heading("Budget", 2), *_budget(detail, width)]))
    return story


def write_action_plan_pdf(path: Path, detail, workspace_name: str, today: date) -> Path:
    """Write the action plan as A4 PDF to `path` (via a temporary file)."""
    doc = HouseDocument(Path(path), title=f"Action plan – {detail.data.name}", workspace=workspace_name)
    build_pdf(doc, action_plan_story(detail, today, width=doc.content_width))
    return Path(path)

