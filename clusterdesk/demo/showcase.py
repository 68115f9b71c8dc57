"""The demo workspace: AquaNord, an invented Danish water-technology cluster.

Dates are relative to the day it is built, so overdue and upcoming items always make sense.
Every run with the same day gives the same workspace (a fixed random seed).
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import phonenumbers

from ..domain.countries import country_name
from ..services.members import MemberInput, add_member, validate_member
from ..store.models import ConsentRecord, Contact, Interaction, SavedFilter
from ..store.workspace import Workspace, create_workspace
from . import names
from .campaigns import add_campaigns_demo
from .evaluations import add_evaluations_demo
from .finance import add_finance_demo
from .missions import build_missions
from .strategy import build_strategy

CLUSTER_NAME = "AquaNord – Danish Water Technology Cluster (demo)"
STAFF = ("Mette Kjær (MK)", "Jonas Bech (JB)", "Sara Holm (SH)", "Ahmed Rashid (AR)")

# The members a secretariat would name first; the rest are generated around them.
HEADLINE_MEMBERS = (
    ("Danish Institute for Water Research", "research", "large", "Aarhus", "8000",
     ("Drinking water", "Wastewater"), ("test facility", "EU projects"), ("DE", "NL", "US"), "active"),
    ("Fjordby Forsyning A/S", "public_body", "medium", "Vejle", "7100",
     ("Drinking water", "Climate adaptation"), ("dialogue member", "test facility"), (), "latent"),
    ("Vestkyst Pumper A/S", "large_company", "large", "Esbjerg", "6700",
     ("Water in industry", "Water & energy"), ("export-ready", "board member"), ("DE", "US", "CN", "IN"), "active"),
    ("Limfjord Membran ApS", "sme", "small", "Aalborg", "9000",
     ("Wastewater",), ("Innovation Express", "export-ready"), ("SE", "NO", "NL"), "defined"),
    ("Region Syddanmark – Growth Office", "public_body", "large", "Vejle", "7100",
     ("Climate adaptation",), ("board member",), (), "none"),
    ("Gudenå Sensor ApS", "sme", "micro", "Silkeborg", "8600",
     ("Sensors and monitoring", "Digital water"), ("digital", "newcomer"), ("DE", "PL"), "latent"),
    ("Jysk Vandteknik Consult ApS", "sme", "small", "Horsens", "8700",
     ("Consulting", "Climate adaptation"), ("dialogue member",), ("VN", "KE"), "defined"),
    ("University College Vest – Water Technology", "research", "medium", "Esbjerg", "6700",
     ("Aquaculture", "Wastewater"), ("EU projects",), ("NO", "LT"), "active"),
)

SUMMARIES = (
    ("visit", "Annual member visit. Walked through their export plans and the new product line.",
     "Partner search in {market}", "Send the matchmaking invitation for {market}"),
    ("phone_call", "Phone campaign call. They sell only in Denmark today but are curious about {market}.",
     "Market analysis for {market}", "Share the market report on {market}"),
    ("meeting", "Meeting at their office about joining an EU project consortium.",
     "Help with a Horizon Europe application", "Introduce them to the EEN office"),
    ("email", "They asked for contacts at utilities in {market}.",
     "Introductions to utilities in {market}", "Ask the partner cluster in {market} for names"),
    ("event", "Attended the network meeting on climate adaptation.",
     "", ""),
    ("phone_call", "Called about the delegation trip; interested but short on time this spring.",
     "A cheaper, shorter trip", "Call back when the programme is ready"),
    ("visit", "Visited the test facility with two foreign guests.",
     "Co-funding for testing", "Check the Innovation Express call"),
)


# Filters the secretariat has saved for everyone (Members ▸ Saved filters).
SAVED_FILTERS = (
    ("Phone campaign: latent need", {"status": "active", "orientation": "latent"}),
    ("Export-ready SMEs", {"kind": "sme", "tag": "export-ready"}),
    ("Board members", {"tag": "board member"}),
)


@dataclass
class DemoResult:
    path: Path
    members: int
    contacts: int
    interactions: int


def _phone(rng: random.Random) -> tuple[str, str]:
    digits = f"{rng.choice((2, 3, 4, 5, 6, 7, 8, 9))}{rng.randint(0, 9_999_999):07d}"
    # Not every 8-digit number is in use in Denmark; draw again from a generator of its own
    # (so the demo's other random choices stay the same) until the number is a real one.
    redraw = random.Random(digits)
    while not phonenumbers.is_valid_number(phonenumbers.parse(digits, "DK")):
        digits = f"{redraw.choice((2, 3, 4, 5, 6, 7, 8, 9))}{redraw.randint(0, 9_999_999):07d}"
    typed = " ".join(digits[i:i + 2] for i in range(0, 8, 2))
    parsed = phonenumbers.parse(typed, "DK")
    return typed, phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def _generated_members(rng: random.Random, count: int) -> list[tuple]:
    used: set[str] = {m[0] for m in HEADLINE_MEMBERS}
    members = []
    while len(members) < count:
        name = f"{rng.choice(names.NAME_STEMS)} {rng.choice(names.TRADES)} {rng.choice(names.LEGAL_FORMS)}"
        if name in used:
            continue
        used.add(name)
        city, postcode = rng.choice(names.CITIES)
        size = rng.choices(("micro", "small", "medium", "large"), (30, 40, 20, 10))[0]
        kind = "large_company" if size == "large" else "sme"
        sectors = tuple(rng.sample(names.SECTORS, rng.choice((1, 1, 2))))
        tags = tuple(rng.sample(names.TAGS, rng.choice((0, 0, 1, 2))))
        orientation = rng.choices(("none", "latent", "defined", "active"), (20, 35, 25, 20))[0]
        markets = tuple(rng.sample(names.MARKETS, {"none": 0, "latent": 1, "defined": 2, "active": 3}[orientation]))
        status = rng.choices(("active", "prospect", "paused"), (90, 6, 4))[0]
        members.append((name, kind, size, city, postcode, sectors, tags, markets, orientation, status))
    return members


def _date_markets(member, since: date, today: date) -> None:
    """Markets of interest noted at some point of the membership (often at the start), not
    all today. A generator of the member's own, so the demo's other choices stay the same."""
    rng = random.Random(member.name)
    span = max(1, (today - since).days - 14)
    for market in member.markets:
        market.noted_on = since + timedelta(days=rng.choice((0, 0, rng.randint(0, span))))


def build_demo(path: Path, *, today: date | None = None, backup_root: Path | None = None,
               members: int = 80, seed: int = 2026) -> Workspace:
    """Create the demo workspace at `path` and return it open."""
    today = today or date.today()
    rng = random.Random(seed)
    ws = create_workspace(path, CLUSTER_NAME, backup_root=backup_root)
    rows = [(*headline, "active") for headline in HEADLINE_MEMBERS]
    rows += _generated_members(rng, members - len(rows))
    with ws.uow(STAFF[0]) as uow:
        session = uow.session
        for index, (name, kind, size, city, postcode, sectors, tags, markets, orientation, status) in enumerate(rows):
            since = today - timedelta(days=rng.randint(120, 12 * 365))
            data = validate_member(MemberInput(
                name=name, kind=kind, size_band=size, country="DK", city=city, postcode=postcode,
                website=f"https://www.{names.email_domain(name)}",
                vat_number=f"DK{rng.randint(10_000_000, 99_999_999)}",
                member_since=since, status=status, international_orientation=orientation,
                sectors=sectors, tags=tags, markets=markets,
                notes="Founding member of the cluster." if index < 3 else "",
            ))
            member = add_member(session, data, today)
            _date_markets(member, since, today)
            contacts = []
            for n in range(rng.choice((1, 2, 2, 3))):
                person = f"{rng.choice(names.FIRST_NAMES)} {rng.choice(names.LAST_NAMES)}"
                typed, e164 = _phone(rng)
                contact = Contact(
                    id=uuid.uuid4(), member_id=member.id, name=person,
                    role=("CEO", "Export manager", "Head of R&D", "Project manager", "Sales director")[rng.randint(0, 4)] if n else "CEO",
                    email=f"{names.email_local(person)}@{names.email_domain(name)}",
                    phone=typed, phone_e164=e164, language=rng.choice(names.LANGUAGES),
                    is_primary=(n == 0),
                )
                session.add(contact)
                contacts.append(contact)
            for contact in contacts:
                if rng.random() < 0.7:
                    session.add(ConsentRecord(
                        contact_id=contact.id, purpose="Newsletter and invitations to cluster activities",
                        given_on=since + timedelta(days=rng.randint(0, 60)),
                        source=rng.choice(("membership form", "event sign-up", "phone")),
                    ))
            for _ in range(rng.choice((0, 1, 2, 2, 3, 4))):
                kind_, summary, needs, next_step = rng.choice(SUMMARIES)
                market = rng.choice(markets or ("DE",))
                mname = country_name(market)
                when = today - timedelta(days=rng.randint(1, 500))
                follow_up = done_at = None
                if next_step and rng.random() < 0.6:
                    follow_up = when + timedelta(days=rng.randint(7, 60))
                    if follow_up > today + timedelta(days=45):
                        follow_up = today + timedelta(days=rng.randint(1, 30))
                    # A busy secretariat lets a few slip for a week or two, rarely longer.
                    age = (today - follow_up).days
                    if age > 45 or (age > 7 and rng.random() < 0.8):
                        done_at = datetime.combine(follow_up, time(10), tzinfo=UTC)
                contact = rng.choice(contacts)
                session.add(Interaction(
                    member_id=member.id, contact_id=contact.id, kind=kind_, occurred_on=when,
                    staff=rng.choice(STAFF), attendees=contact.name,
                    summary=summary.format(market=mname), needs=needs.format(market=mname),
                    next_step=next_step.format(market=mname), follow_up_on=follow_up,
                    follow_up_done_at=done_at,
                    follow_up_done_by=rng.choice(STAFF) if done_at else "",
                ))
        for name, criteria in SAVED_FILTERS:
            session.add(SavedFilter(list_name="members", name=name, criteria=criteria))
        uow.commit()
    build_missions(ws, today, seed)
    add_campaigns_demo(ws, today, STAFF)
    add_finance_demo(ws, today, STAFF)
    add_evaluations_demo(ws, today, STAFF)
    build_strategy(ws, today, STAFF)
    return ws
