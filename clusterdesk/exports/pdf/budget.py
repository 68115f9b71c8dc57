"""A budget as a PDF for the board or a funder: the key figures, the costs grouped by who pays
them under §2.2.3, the funding patchwork with each line's share, the gap, and the price per
participant under every co-funding model."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph

from ...domain.budgets import CostLine, share, tier_of
from ...domain.enums import CoFundingModel, CostCategory, CostTier
from ...domain.formatting import format_date_range, format_quantity
from ...domain.formatting import format_money_compact as format_money
from .base import (
    FONT_BOLD,
    LIGHT,
    HouseDocument,
    build_pdf,
    data_table,
    heading,
    para,
    spacer,
    styles,
)

RED = colors.HexColor("#c0392b")
GREEN = colors.HexColor("#5b7f5b")


def _cell(text: str, *, bold: bool = False, right: bool = False, colour=None) -> Paragraph:
    """A table cell: the table's TEXTCOLOR and FONTNAME do not reach into paragraphs."""
    base = styles().cell
    style = ParagraphStyle("budget_cell", parent=base, alignment=2 if right else 0,
                           fontName=FONT_BOLD if bold else base.fontName, textColor=colour or base.textColor)
    return Paragraph(escape(text), style)


def _right(text: str, bold: bool = False, colour=None) -> Paragraph:
    return _cell(text, bold=bold, right=True, colour=colour)


def _gap_colour(gap):
    return RED if gap.amount > 0 else GREEN


def _key_figures(detail) -> list:
    figures = detail.figures
    gap = figures.gap
    gap_text = (f"{format_money(gap)} ({format_quantity(figures.gap_percent, '%')} of the costs)" if gap.amount > 0
                else "none — fully funded" if gap.amount == 0 else f"none — {format_money(gap * -1)} to spare")
    rows = [["Total costs", _right(format_money(figures.costs), True)],
            ["Funding", _right(f"{format_money(figures.funding)}"
                               + (f" ({format_quantity(figures.funded_percent, '%')})" if figures.funded_percent is not None else ""))],
            ["of it secured", _right(format_money(figures.secured))],
            [_cell("Unfunded gap", bold=True, colour=_gap_colour(gap)), _right(gap_text, True, _gap_colour(gap))]]
    price = figures.price(detail.data.co_funding_model)
    if detail.data.co_funding_model != CoFundingModel.NONE.value:
        rows.append([f"Price per participant ({CoFundingModel(detail.data.co_funding_model).label.lower()})",
                     _right(format_money(price) if price is not None else "— (no participants given)", True)])
    table = data_table(("Key figures", ""), rows, (110 * mm, 68 * mm), zebra=False)
    return [table, spacer(4)]


def _cost_story(detail) -> list:
    data, figures = detail.data, detail.figures
    participants = data.participants
    story: list = [heading("Costs", 1)]
    lines = [CostLine(c.category, c.amount, c.per_participant, c.description) for c in data.costs]
    if not lines:
        return story + [para("No cost lines yet.", styles().muted)]
    rows, subtotal_rows = [], []
    for tier in CostTier:
        in_tier = [line for line in lines if tier_of(line.category) == tier]
        if not in_tier:
            continue
        for line in in_tier:
            each = (f"{format_money(line.amount)} × {participants or 0}" if line.per_participant else "")
            rows.append([CostCategory(line.category).label, line.description, _right(each),
                         _right(format_money(line.total(participants)))])
        rows.append([_cell(tier.label, bold=True), "", "", _right(format_money(figures.by_tier[tier]), True)])
        subtotal_rows.append(len(rows))
    rows.append([_cell("Total costs", bold=True), "", "", _right(format_money(figures.costs), True)])
    subtotal_rows.append(len(rows))
    extra = [("BACKGROUND", (0, r), (-1, r), LIGHT) for r in subtotal_rows]
    story.append(data_table(("Category", "Description", "Each × participants", "Amount"), rows,
                            (48 * mm, 68 * mm, 32 * mm, 30 * mm), zebra=False, extra_styles=extra))
    return story


def _funding_story(detail) -> list:
    figures = detail.figures
    story: list = [heading("Funding", 1)]
    if not detail.data.funding:
        return story + [para("No funding lines yet: the whole budget is a gap.", styles().muted)]
    rows = []
    for line in detail.data.funding:
        part = share(line.amount, figures.costs)
        rows.append([detail.source_names.get(line.source_id, "—"), line.description,
                     "secured" if line.secured else "expected", _right(format_quantity(part, "%")),
                     _right(format_money(line.amount))])
    rows.append([_cell("Total funding", bold=True), "", "", _right(format_quantity(figures.funded_percent or 0, "%"), True),
                 _right(format_money(figures.funding), True)])
    gap = figures.gap
    if gap.amount > 0:
        rows.append([_cell("Unfunded gap", bold=True, colour=RED), "", "",
                     _right(format_quantity(figures.gap_percent, "%"), True, RED), _right(format_money(gap), True, RED)])
    last = len(rows)  # the header is row 0, so this is the last row's index
    total_row = len(detail.data.funding) + 1
    extra = [("BACKGROUND", (0, r), (-1, r), LIGHT) for r in range(total_row, last + 1)]
    story.append(data_table(("Source", "Description", "Status", "Share", "Amount"), rows,
                            (46 * mm, 62 * mm, 20 * mm, 18 * mm, 32 * mm), zebra=False, extra_styles=extra))
    return story


def _price_story(detail) -> list:
    figures = detail.figures
    participants = detail.data.participants
    rows = []
    for model in CoFundingModel:
        price = figures.price(model)
        fees = figures.fees(model)
        chosen = "◀ chosen" if model.value == detail.data.co_funding_model else ""
        rows.append([model.label, _right(format_money(price) if price is not None else "—"),
                     _right(format_money(fees) if fees is not None else "—"), chosen])
    intro = (f"For {participants} expected participants. " if participants else
             "No expected number of participants is given, so only the free model has a price. ")
    return [KeepTogether([
        heading("Price per participant (handbook §2.2.3)", 1),
        para(intro + "Participants can pay their own costs; also the activity's costs; or also the "
             "secretariat's costs of planning and running it. Co-funding frees resources and makes "
             "participants more committed, but a high price can keep some members away.", styles().muted),
        spacer(2),
        data_table(("Model", "Price each", "Together", ""), rows, (80 * mm, 34 * mm, 34 * mm, 30 * mm),
                   zebra=False)])]


def budget_story(detail) -> list:
    st = styles()
    data = detail.data
    activity = detail.activity
    facts = [f"For {activity.name}, {format_date_range(activity.starts_on, activity.ends_on)}" if activity
             else "A project budget", f"in {data.currency}",
             f"{data.participants} expected participants" if data.participants else ""]
    story: list = [para(data.name, st.title), para(" · ".join(f for f in facts if f), st.body), spacer(3)]
    story += _key_figures(detail)
    story += _cost_story(detail)
    story += _funding_story(detail)
    story += _price_story(detail)
    if data.notes:
        story += [heading("Notes", 1), para(data.notes, st.body)]
    story += [spacer(4), para(f"Last changed by {detail.updated_by or '—'}.", st.muted)]
    return story


def write_budget_pdf(path: Path, detail, workspace_name: str) -> Path:
    """Write the budget as an A4 PDF to `path` (through a temporary file)."""
    doc = HouseDocument(Path(path), title=f"Budget – {detail.data.name}", workspace=workspace_name)
    build_pdf(doc, budget_story(detail))
    return Path(path)
