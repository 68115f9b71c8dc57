"""A SWOT analysis as a one-page PDF: the four quadrants as a 2×2 grid on a landscape A4 —
strengths and weaknesses (inside) above opportunities and threats (outside). A long analysis
is set smaller to stay on one page; one too long even for that flows over several pages."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from ...domain.enums import SwotQuadrant
from ...domain.formatting import format_date
from .base import FONT_BOLD, HouseDocument, build_pdf, para, spacer, styles

COLOURS = {SwotQuadrant.STRENGTHS: ("#3d7a4f", "#eef5f0"), SwotQuadrant.WEAKNESSES: ("#b0543f", "#f8eeeb"),
           SwotQuadrant.OPPORTUNITIES: ("#2f6f9f", "#edf3f8"), SwotQuadrant.THREATS: ("#8a5a9c", "#f3eef5")}
SUBTITLES = {SwotQuadrant.STRENGTHS: "inside · helps", SwotQuadrant.WEAKNESSES: "inside · holds back",
             SwotQuadrant.OPPORTUNITIES: "outside · could help", SwotQuadrant.THREATS: "outside · could hurt"}
FONT_SIZES = (10.5, 9.5, 8.5, 7.5, 6.5)
GAP = 4 * mm


def _quadrant_cell(quadrant: SwotQuadrant, points, size: float) -> list:
    st = styles()
    colour, _fill = COLOURS[quadrant]
    head = ParagraphStyle("swot_head", parent=st.h2, fontName=FONT_BOLD, fontSize=size + 3,
                          leading=size + 6, textColor=colors.HexColor(colour), spaceBefore=0, spaceAfter=1)
    sub = ParagraphStyle("swot_sub", parent=st.muted, fontSize=size - 1.5, leading=size + 1, spaceAfter=4)
    item = ParagraphStyle("swot_item", parent=st.body, fontSize=size, leading=size * 1.3,
                          leftIndent=10, bulletIndent=0, spaceAfter=size * 0.35)
    cell = [Paragraph(escape(quadrant.label.upper()), head), Paragraph(escape(SUBTITLES[quadrant]), sub)]
    if not points:
        cell.append(Paragraph("—", item))
    cell += [Paragraph(escape(p.text), item, bulletText="•") for p in points]
    return cell


def _grid(data, size: float, width: float, height: float | None) -> Table:
    cells = {q: _quadrant_cell(q, data.quadrant(q), size) for q in SwotQuadrant}
    rows = [[cells[SwotQuadrant.STRENGTHS], cells[SwotQuadrant.WEAKNESSES]],
            [cells[SwotQuadrant.OPPORTUNITIES], cells[SwotQuadrant.THREATS]]]
    column = (width - GAP) / 2
    row_heights = [(height - GAP) / 2] * 2 if height else None
    table = Table(rows, colWidths=[column, column], rowHeights=row_heights)
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
             ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]
    for (row, col), quadrant in {(0, 0): SwotQuadrant.STRENGTHS, (0, 1): SwotQuadrant.WEAKNESSES,
                                 (1, 0): SwotQuadrant.OPPORTUNITIES, (1, 1): SwotQuadrant.THREATS}.items():
        colour, fill = COLOURS[quadrant]
        style += [("BACKGROUND", (col, row), (col, row), colors.HexColor(fill)),
                  ("LINEABOVE", (col, row), (col, row), 2.5, colors.HexColor(colour))]
    table.setStyle(TableStyle(style))
    table.hAlign = "LEFT"
    return table


def swot_story(detail, width: float, height: float) -> list:
    """The title, then the 2×2 grid at the largest type size that fits `height`."""
    st = styles()
    data = detail.data
    facts = " · ".join(p for p in (format_date(data.made_on), data.made_by) if p)
    story: list = [para(data.title, st.title), para(facts, st.muted)]
    if data.notes:
        story.append(para(data.notes, st.body))
    story.append(spacer(3))
    used = sum(f.wrap(width, height)[1] for f in story)
    room = height - used - 2 * mm
    for size in FONT_SIZES:
        _w, needed = _grid(data, size, width, None).wrap(width, room)
        if needed <= room:
            return [*story, _grid(data, size, width, room)]
    # Too long for one page even in small type: the quadrants one after another, flowing on.
    for quadrant in SwotQuadrant:
        story += _quadrant_cell(quadrant, data.quadrant(quadrant), FONT_SIZES[1])
        story.append(spacer(3))
    return story


def write_swot_pdf(path: Path, detail, workspace_name: str) -> Path:
    """Write the SWOT analysis as a landscape A4 PDF to `path` (through a temporary file)."""
    doc = HouseDocument(Path(path), title=f"SWOT – {detail.data.title}", workspace=workspace_name,
                        landscape_pages=True)
    build_pdf(doc, swot_story(detail, doc.width, doc.height))
    return Path(path)
