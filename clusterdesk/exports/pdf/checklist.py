"""An activity's checklist as a print-ready PDF: a tick box per item, the due date, the owner
and room for notes, sections as headings; ticked items show who and when."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from ...domain.checklists import due_state
from ...domain.countries import country_name
from ...domain.enums import ActivityKind
from ...domain.formatting import format_date, format_date_range, format_datetime
from .base import ACCENT, MUTED, HouseDocument, build_pdf, data_table, heading, para, spacer, styles

OVERDUE = colors.HexColor("#c0392b")
WIDTHS_MM = (9, 80, 25, 24, 40)  # box, item, due, owner, notes: 178 mm, the A4 text width


class TickBox(Flowable):
    """A square to tick with a pen; drawn ticked when the item is done."""

    def __init__(self, done: bool, size: float = 4 * mm) -> None:
        super().__init__()
        self.done = done
        self.size = size
        self.width = self.height = size

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(ACCENT if self.done else colors.black)
        canvas.setLineWidth(0.8)
        canvas.rect(0, 0, self.size, self.size)
        if self.done:
            canvas.setLineWidth(1.4)
            s = self.size
            path = canvas.beginPath()
            path.moveTo(0.18 * s, 0.5 * s)
            path.lineTo(0.42 * s, 0.22 * s)
            path.lineTo(0.86 * s, 0.84 * s)
            canvas.drawPath(path, stroke=1, fill=0)


def checklist_story(checklist, today: date) -> list:
    st = styles()
    overdue_style = ParagraphStyle("overdue", parent=st.cell, textColor=OVERDUE)
    where = ", ".join(p for p in (checklist.city, country_name(checklist.country)) if p)
    facts = " · ".join(p for p in (ActivityKind(checklist.activity_kind).label, format_date_range(checklist.starts_on, checklist.ends_on),
                                   where) if p)
    progress = checklist.progress
    story: list = [
        para(checklist.activity_name, st.title),
        para(facts, st.body),
        para(f"{progress} ({progress.percent} %) on {format_date(today)}"
             + (f" · from the template “{checklist.template_name}”" if checklist.template_name else ""),
             st.muted),
        spacer(2),
    ]
    if not checklist.items:
        story.append(para("This activity has no checklist items yet.", st.body))
        return story
    widths = [w * mm for w in WIDTHS_MM]
    for section, items in checklist.sections():
        section_progress = checklist.section_progress(section)
        rows = []
        for item in items:
            text = [Paragraph(_escape(item.text), st.cell)]
            if item.done:
                text.append(Paragraph(_escape(f"✓ {item.done_by}, {format_datetime(item.done_at)}"),
                                      st.small))
            state = due_state(item.due_on, item.done, today)
            due = Paragraph(_escape(format_date(item.due_on)),
                            overdue_style if state == "overdue" else st.cell)
            rows.append([TickBox(item.done), text, due, item.owner, item.note])
        table = data_table(("", "Item", "Due", "Owner", "Notes"), rows, widths, zebra=False,
                           extra_styles=[("BOTTOMPADDING", (0, 1), (-1, -1), 9),
                                         ("LINEAFTER", (3, 1), (3, -1), 0.4, MUTED)])
        title = heading(f"{section}  ({section_progress.done} of {section_progress.total} done)", 2)
        story.append(KeepTogether([title, table]) if len(rows) <= 6 else title)
        if len(rows) > 6:
            story.append(table)
    return story


def _escape(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text or "")


def write_checklist_pdf(path: Path, checklist, workspace_name: str, today: date) -> Path:
    """Write the checklist as A4 PDF to `path` (via a temporary file)."""
    doc = HouseDocument(Path(path), title=f"Checklist – {checklist.activity_name}",
                        workspace=workspace_name)
    build_pdf(doc, checklist_story(checklist, today))
    return Path(path)
