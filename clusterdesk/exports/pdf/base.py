"""The house style of every PDF: DejaVu Sans (embedded, so Ł ź Ū Ő Ğ print), A4, a header
with the workspace name, page numbers, and helpers for headings, paragraphs and tables."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ...domain.formatting import format_datetime
from ...paths import resources_dir

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
ACCENT = colors.HexColor("#2f6f9f")
LIGHT = colors.HexColor("#eef3f7")
GRID = colors.HexColor("#c9d1d9")
MUTED = colors.HexColor("#5b6773")


@cache
def register_fonts() -> None:
    fonts = resources_dir() / "fonts"
    for name, file in ((FONT, "DejaVuSans.ttf"), (FONT_BOLD, "DejaVuSans-Bold.ttf"),
                       (FONT_ITALIC, "DejaVuSans-Oblique.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(fonts / file)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC,
                                  boldItalic=FONT_BOLD)


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    muted: ParagraphStyle


@cache
def styles() -> Styles:
    register_fonts()
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5, alignment=TA_LEFT)
    return Styles(
        title=ParagraphStyle("title", parent=base, fontName=FONT_BOLD, fontSize=18, leading=22,
                             spaceAfter=4, textColor=ACCENT),
        h1=ParagraphStyle("h1", parent=base, fontName=FONT_BOLD, fontSize=13, leading=16,
                          spaceBefore=10, spaceAfter=4, textColor=ACCENT),
        h2=ParagraphStyle("h2", parent=base, fontName=FONT_BOLD, fontSize=10.5, leading=13,
                          spaceBefore=8, spaceAfter=3),
        body=base,
        small=ParagraphStyle("small", parent=base, fontSize=8, leading=10),
        cell=ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5),
        cell_bold=ParagraphStyle("cell_bold", parent=base, fontName=FONT_BOLD, fontSize=8.5,
                                 leading=10.5, textColor=colors.white),
        muted=ParagraphStyle("muted", parent=base, fontSize=8.5, leading=11, textColor=MUTED),
    )


def para(text: str | None, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph of plain text (escaped; line breaks kept)."""
    safe = escape(text or "").replace("\n", "<br/>")
    return Paragraph(safe, style or styles().body)


def heading(text: str, level: int = 1) -> Paragraph:
    return para(text, styles().h1 if level == 1 else styles().h2)


def spacer(height_mm: float = 3) -> Spacer:
    return Spacer(1, height_mm * mm)


def data_table(headers: Sequence[str], rows: Sequence[Sequence], widths: Sequence[float],
               *, repeat_header: bool = True, zebra: bool = True,
               extra_styles: Sequence[tuple] = ()) -> Table:
    """A table with a coloured header row; cells are wrapped paragraphs (long text wraps)."""
    st = styles()
    body = [[c if not isinstance(c, str) and c is not None else para(c, st.cell) for c in row]
            for row in rows]
    table = Table([[para(h, st.cell_bold) for h in headers], *body], colWidths=list(widths),
                  repeatRows=1 if repeat_header else 0)
    commands = [
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if zebra:
        for i in range(1, len(body) + 1, 2):
            commands.append(("BACKGROUND", (0, i), (-1, i), LIGHT))
    table.setStyle(TableStyle(commands + list(extra_styles)))
    table.hAlign = "LEFT"
    return table


class HouseDocument(BaseDocTemplate):
    """A4 (or landscape) with a running header (title, workspace) and 'page X of Y' footer."""

    def __init__(self, path: Path, *, title: str, workspace: str, landscape_pages: bool = False,
                 generated: datetime | None = None) -> None:
        register_fonts()
        size = landscape(A4) if landscape_pages else A4
        super().__init__(str(path), pagesize=size, leftMargin=16 * mm, rightMargin=16 * mm,
                         topMargin=20 * mm, bottomMargin=16 * mm, title=title,
                         author=workspace, creator="ClusterDesk")
        self.doc_title = title
        self.workspace = workspace
        self.generated = generated or datetime.now().astimezone()
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._decorate)])

    @property
    def content_width(self) -> float:
        return self.width

    def _decorate(self, canvas, doc) -> None:
        canvas.saveState()
        width, height = self.pagesize
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(self.leftMargin, height - 11 * mm, self.workspace)
        # A long title (a member's full name) must not run over the workspace name.
        room = (width - self.leftMargin - self.rightMargin - 8 * mm
                - pdfmetrics.stringWidth(self.workspace, FONT, 7.5))
        canvas.drawRightString(width - self.rightMargin, height - 11 * mm,
                               fit_text(self.doc_title, room, FONT, 7.5))
        canvas.setStrokeColor(GRID)
        canvas.line(self.leftMargin, height - 13 * mm, width - self.rightMargin, height - 13 * mm)
        canvas.drawString(self.leftMargin, 9 * mm,
                          f"ClusterDesk · printed {format_datetime(self.generated)}")
        canvas.drawRightString(width - self.rightMargin, 9 * mm, f"Page {doc.page}")
        canvas.restoreState()


def fit_text(text: str, width: float, font: str, size: float) -> str:
    """The text, cut with an ellipsis where it would be wider than `width` points."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def build_pdf(doc: HouseDocument, story: list) -> None:
    """Build to a temporary file and move it into place, so a failed export never leaves
    half a PDF under the chosen name."""
    final = Path(doc.filename)
    tmp = final.with_name(f".{final.name}.partial")
    doc.filename = str(tmp)
    try:
        doc.build(story)
        os.replace(tmp, final)
    finally:
        doc.filename = str(final)
        tmp.unlink(missing_ok=True)
