"""A success story on one page (§4.6.1), ready for the newsletter, the website or the funder:
the headline, who and where and worth what, the story, the member's own words."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Table, TableStyle

from ...domain.countries import country_name
from ...domain.evaluations import StoryStatus
from ...domain.formatting import format_date, format_money
from .base import (
    ACCENT,
    FONT_BOLD,
    FONT_ITALIC,
    LIGHT,
    MUTED,
    HouseDocument,
    build_pdf,
    para,
    spacer,
    styles,
)

TEXT_WIDTH = 178 * mm


def story_flowables(detail, cluster_name: str) -> list:
    st = styles()
    data = detail.data
    kicker = ParagraphStyle("kicker", parent=st.small, fontName=FONT_BOLD, textColor=ACCENT,
                            fontSize=8.5, leading=11)
    headline = ParagraphStyle("headline", parent=st.title, fontSize=21, leading=26, spaceAfter=6)
    lead = ParagraphStyle("lead", parent=st.body, fontSize=10.5, leading=15, spaceAfter=7)
    quote = ParagraphStyle("quote", parent=st.body, fontName=FONT_ITALIC, fontSize=11.5, leading=16,
                           textColor=colors.HexColor("#1d2731"))
    status = StoryStatus(data.status)
    parts: list = [para(f"SUCCESS STORY · {cluster_name.upper()}", kicker), spacer(1.5),
                   para(data.title, headline)]
    if status is not StoryStatus.PUBLISHED:
        parts.append(para(f"{status.label} — not for publication until the member has approved it."
                          if status is not StoryStatus.APPROVED else
                          "Approved by the member, not yet published.", st.muted))
    facts = [(label, value) for label, value in (
        ("Member", detail.member_name),
        ("Partner", data.partner),
        ("Country", country_name(data.country) if data.country else ""),
        ("Value", format_money(data.value) if data.value else ""),
        ("From the activity", detail.activity_name),
        ("When", format_date(data.happened_on) if data.happened_on else ""),
        ("Published", " · ".join(p for p in (format_date(data.published_on)
                                             if data.published_on else "", data.published_where) if p)),
    ) if value]
    if facts:
        table = Table([[para(label, st.muted), para(value, st.body)] for label, value in facts],
                      colWidths=(38 * mm, TEXT_WIDTH - 38 * mm), hAlign="LEFT")
        table.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, -1), LIGHT),
            ("LINEBEFORE", (0, 0), (0, -1), 2.5, ACCENT),
            ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (0, -1), 8), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        parts += [spacer(3), table, spacer(5)]
    paragraphs = [p.strip() for p in data.text.split("\n\n") if p.strip()] or ["(The story is still to be written.)"]
    body = ParagraphStyle("story", parent=st.body, leading=13.5, spaceAfter=6)
    parts.append(para(paragraphs[0], lead))
    parts += [para(p, body) for p in paragraphs[1:]]
    if data.quote:
        box = Table([[para(f"“{data.quote}”", quote)],
                     *([[para(f"— {data.quote_by}", st.muted)]] if data.quote_by else [])],
                    colWidths=(TEXT_WIDTH - 10 * mm,), hAlign="RIGHT")
        box.setStyle(TableStyle([("LINEBEFORE", (0, 0), (0, -1), 2.5, ACCENT),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 10),
                                 ("TOPPADDING", (0, 0), (-1, -1), 4)]))
        parts += [spacer(6), box]
    parts += [spacer(8), para(f"Told by {cluster_name}, with the member's permission."
                              if status in (StoryStatus.APPROVED, StoryStatus.PUBLISHED)
                              else f"Prepared by {cluster_name}.", ParagraphStyle(
                                  "sign", parent=st.small, textColor=MUTED))]
    return parts


def write_story_pdf(path: Path, detail, cluster_name: str) -> Path:
    """Write the story as a one-page A4 PDF (via a temporary file)."""
    doc = HouseDocument(Path(path), title=f"Success story – {detail.data.title}", workspace=cluster_name)
    build_pdf(doc, story_flowables(detail, cluster_name))
    return Path(path)
