"""The one-page member profile: facts, contact persons, markets of interest, recorded needs,
open follow-ups and the latest interactions — what to read before a visit or a call."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepInFrame, Paragraph, Table, TableStyle

from ...domain.countries import country_name
from ...domain.enums import InternationalOrientation, MemberKind, MemberStatus, SizeBand
from ...domain.formatting import format_date
from ...services.member_profile import MARKET_SOURCES, MemberProfile
from .base import (
    GRID,
    MUTED,
    HouseDocument,
    build_pdf,
    data_table,
    fit_text,
    heading,
    para,
    spacer,
    styles,
)

MAX_CONTACTS = 8
MAX_TEXT = 220  # characters of a summary or need shown; the rest is in ClusterDesk


def _clip(text: str, limit: int = MAX_TEXT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _label(enum, value: str) -> str:
    return enum(value).label if value in enum._value2member_map_ else value


def _facts(profile: MemberProfile, width: float) -> Table:
    st = styles()
    data = profile.member.data
    place = ", ".join(p for p in (data.address, " ".join(p for p in (data.postcode, data.city) if p),
                                  country_name(data.country)) if p)
    last = profile.interactions[0].occurred_on if profile.interactions else None
    pairs = [
        ("Kind", _label(MemberKind, data.kind)), ("Size", _label(SizeBand, data.size_band)),
        ("Status", _label(MemberStatus, data.status)),
        ("International", _label(InternationalOrientation, data.international_orientation)),
        ("Address", place), ("Website", data.website.removeprefix("https://")),
        ("VAT / CVR", data.vat_number), ("Member since", format_date(data.member_since)),
        ("Sectors", ", ".join(data.sectors)), ("Tags", ", ".join(data.tags)),
        ("Last contact", format_date(last) if last else "none recorded"),
        ("Interactions", f"{profile.interaction_count} logged"),
    ]
    rows = []
    for i in range(0, len(pairs), 2):
        row = []
        for label, value in pairs[i:i + 2]:
            row += [para(label, st.muted), para(value or "—", st.cell)]
        rows.append(row)
    table = Table(rows, colWidths=[0.16 * width, 0.34 * width, 0.16 * width, 0.34 * width])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    table.hAlign = "LEFT"
    return table


# name and role | email and phone | language | consent
CONTACT_WIDTHS = (0.25, 0.39, 0.12, 0.24)
PADDING = 6  # points of cell padding on each side (ReportLab's default)


def _muted(text: str) -> str:
    return f"<font color='#{MUTED.hexval()[2:]}'>{escape(text)}</font>"


def _person(contact) -> Paragraph:
    """The name, with the role under it in grey."""
    text = escape(("★ " if contact.is_primary else "") + contact.name)
    if contact.role:
        text += "<br/>" + _muted(contact.role)
    return Paragraph(text, styles().cell)


def _reach(contact, width: float) -> Paragraph:
    """Email above phone. An address too wide for the column breaks after its @, never
    inside a word."""
    st = styles()
    room = width - 2 * PADDING
    local, at, domain = contact.email.partition("@")
    if not at or stringWidth(contact.email, st.cell.fontName, st.cell.fontSize) <= room:
        lines = [escape(contact.email)] if contact.email else []
    else:
        lines = [escape(local + "@"), escape(domain)]
    if contact.phone:
        lines.append(escape(contact.phone))
    return Paragraph("<br/>".join(lines) or "—", st.cell)


def _consent(contact, width: float) -> Paragraph:
    """Each consent in force as its purpose (at most two lines, as high as the email and
    phone beside it) and the date it was given."""
    st = styles()
    if contact.withdrawn:
        return Paragraph("Withdrawn", st.cell)
    room = width - 2 * PADDING
    parts = [escape(_in_lines(purpose, room, 2)) + "<br/>" + _muted(f"given {format_date(given)}")
             for purpose, given in contact.consents_in_force]
    return Paragraph("<br/>".join(parts) or "—", st.cell)


def _in_lines(text: str, width: float, lines: int) -> str:
    """The text, cut after a whole word with an ellipsis where it would wrap to more lines."""
    style = styles().cell
    words = text.split()
    for count in range(len(words), 0, -1):
        shown = " ".join(words[:count]) + ("" if count == len(words) else " …")
        if Paragraph(escape(shown), style).wrap(width, 1000)[1] <= lines * style.leading + 0.5:
            return shown
    return fit_text(text, width, style.fontName, style.fontSize)


def _contacts(profile: MemberProfile, width: float) -> list:
    if not profile.contacts:
        return [para("No contact persons recorded.", styles().muted)]
    shown = profile.contacts[:MAX_CONTACTS]
    widths = [w * width for w in CONTACT_WIDTHS]
    rows = [[_person(c), _reach(c, widths[1]), c.language_name, _consent(c, widths[3])]
            for c in shown]
    story = [data_table(["Name and role", "Email and phone", "Language", "Consent"], rows, widths)]
    if len(profile.contacts) > MAX_CONTACTS:
        story.append(para(f"… and {len(profile.contacts) - MAX_CONTACTS} more in ClusterDesk.",
                          styles().muted))
    return story


def _markets(profile: MemberProfile, width: float) -> list:
    if not profile.markets:
        return [para("No markets of interest recorded.", styles().muted)]
    rows = [[country_name(m.country), ", ".join(MARKET_SOURCES.get(s, s) for s in m.sources),
             format_date(m.first_noted)] for m in profile.markets]
    return [data_table(["Country", "From", "Since"], rows, [w * width for w in (0.38, 0.32, 0.30)])]


def _needs(profile: MemberProfile, width: float) -> list:
    if not profile.needs:
        return [para("No needs recorded yet.", styles().muted)]
    rows = [[format_date(n.noted_on), _clip(n.text, 160)] for n in profile.needs]
    return [data_table(["Noted", "Need"], rows, [0.30 * width, 0.70 * width])]


def _side_by_side(left: list, right: list, width: float) -> Table:
    gap = 6 * mm
    half = (width - gap) / 2
    table = Table([[left, "", right]], colWidths=[half, gap, half])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    table.hAlign = "LEFT"
    return table


def _interactions(profile: MemberProfile, width: float) -> list:
    if not profile.interactions:
        return [para("No interactions logged yet.", styles().muted)]
    rows = []
    for r in profile.interactions:
        text = _clip(r.summary)
        if r.next_step:
            text += f"\nNext: {_clip(r.next_step, 140)}"
            if r.follow_up_on:
                done = " (done)" if r.follow_up_done_at else ""
                text += f" — by {format_date(r.follow_up_on)}{done}"
        rows.append([format_date(r.occurred_on), r.kind_label, r.staff, r.people, text])
    return [data_table(["Date", "Kind", "Staff", "With", "Summary"], rows,
                       [w * width for w in (0.14, 0.14, 0.14, 0.15, 0.43)])]


def _follow_ups(profile: MemberProfile, width: float) -> list:
    rows = [[format_date(r.follow_up_on), _clip(r.next_step or r.summary, 160), r.staff]
            for r in profile.open_follow_ups[:5]]
    return [data_table(["Due", "Next step", "Staff"], rows, [w * width for w in (0.15, 0.65, 0.2)])]


def write_member_profile(path: Path, profile: MemberProfile) -> Path:
    """Write the profile PDF; always one page (long content is clipped, then shrunk to fit)."""
    data = profile.member.data
    doc = HouseDocument(Path(path), title=f"Member profile — {data.name}",
                        workspace=profile.workspace_name)
    width = doc.content_width
    st = styles()
    sub = " · ".join(p for p in (_label(MemberKind, data.kind), data.city,
                                 country_name(data.country)) if p)
    story = [para(data.name, st.title), para(sub, st.muted), spacer(2), _facts(profile, width)]
    story += [heading("Contact persons", 2), *_contacts(profile, width)]
    half = (width - 6 * mm) / 2
    story += [spacer(1), _side_by_side(
        [heading("Markets of interest", 2), *_markets(profile, half)],
        [heading("Needs recorded", 2), *_needs(profile, half)], width)]
    if profile.open_follow_ups:
        story += [heading("Open follow-ups", 2), *_follow_ups(profile, width)]
    story += [heading("Latest interactions", 2), *_interactions(profile, width)]
    if profile.interaction_count > len(profile.interactions):
        story.append(para(f"{len(profile.interactions)} of {profile.interaction_count} "
                          "interactions shown.", st.muted))
    if data.notes.strip():
        story += [heading("Notes", 2), para(_clip(data.notes, 700), st.body)]
    build_pdf(doc, [KeepInFrame(width, doc.height, story, mode="shrink")])
    return Path(path)
