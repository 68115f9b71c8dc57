"""The demo's Phase 4: partner clusters abroad at different stages of trust, a company mission
next month with its checklist a third done, a matchmaking event later in the year, a study
trip that took place (with attended and no-show participants), and a few smaller activities.
All dates are relative to the demo's `today`."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select

from ..domain.checklists import add_months
from ..domain.money import Money
from ..services.activities import ActivityInput, add_activity, validate_activity
from ..services.checklist_templates import builtin_templates
from ..services.partners import PartnerContactInput, PartnerInput, add_partner, validate_partner
from ..store.models import ChecklistItem, Contact, Member, Participant
from ..store.workspace import Workspace

# name, kind, country, city, driven by, label, label year, stage, focus, history, contacts
PARTNERS = (
    ("Wasser Netzwerk Hamburg e.V.", "cluster", "DE", "Hamburg", "companies", "gold", 2024,
     "established", "Smart water networks, port and harbour water, utilities",
     "Joint Innovation Express project on leak detection (2024). Co-hosted the 2025 "
     "matchmaking at IFAT.", (("Jürgen Weiß", "Cluster manager", "j.weiss@wasser-hamburg.example"),
                              ("Leonie Groß", "International projects", "l.gross@wasser-hamburg.example"))),
    ("Vattenklustret Skåne", "cluster", "SE", "Malmö", "mixed", "silver", 2022, "established",
     "Stormwater, climate adaptation, nature-based solutions",
     "Partner since 2019; exchange visits every year.",
     (("Karin Ekström", "Managing director", "karin@vattenklustret.example"),)),
    ("Norsk Vannteknologi Klynge", "cluster", "NO", "Bergen", "companies", "bronze", 2020,
     "established", "Aquaculture water treatment, desalination",
     "Joint Interreg application in 2023 (granted).",
     (("Ingrid Sæther", "Cluster manager", "ingrid@vannklynge.example"),)),
    ("Aqua Nederland Innovatie", "cluster", "NL", "Delft", "research", "silver", 2023,
     "small_project", "Delta technology, water management, sensors",
     "Small market study on Dutch utilities together (2025); hosted our study trip.",
     (("Sanne de Vries", "Programme manager", "s.devries@aquanl.example"),)),
    ("Pôle Eau Méditerranée", "cluster", "FR", "Montpellier", "research", "gold", 2025,
     "small_project", "Water reuse, irrigation, research infrastructure",
     "Innovation Express project on water reuse under way.",
     (("Élodie Lefèvre", "International officer", "elodie.lefevre@pole-eau.example"),)),
    ("Vandens Technologijų Klasteris", "cluster", "LT", "Kaunas", "mixed", "none", None,
     "small_project", "Wastewater treatment for food industry",
     "Joint workshop on EU funding (online, 2025).",
     (("Rūta Žukauskienė", "Coordinator", "ruta@vtk.example"),)),
    ("Enterprise Europe Network Schleswig-Holstein", "organisation", "DE", "Kiel", "unknown",
     "none", None, "small_project", "Partner search, EU funding advice",
     "Helps with partner searches for our members in northern Germany.",
     (("Hauke Petersen", "Business adviser", "hauke.petersen@een-sh.example"),)),
    ("Aigua Catalunya Clúster", "cluster", "ES", "Barcelona", "companies", "bronze", 2021,
     "first_contact", "Water efficiency in industry, digital water",
     "Met at the cluster matchmaking conference; a first call held.",
     (("Jordi Puig i Ferrer", "Cluster manager", "jordi.puig@aiguacat.example"),)),
    ("Polski Klaster Technologii Wodnych", "cluster", "PL", "Gdańsk", "research", "none", None,
     "first_contact", "Water supply networks, pipes and pumps", "",
     (("Małgorzata Wójcik", "Director", "m.wojcik@pktw.example"),)),
)


def _tuesday(year: int, month: int, nth: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(1 - first.weekday()) % 7 + 7 * (nth - 1))


def mission_start(today: date) -> date:
    """The third Tuesday of next month (the fourth when the third is under two weeks away)."""
    nxt = add_months(today.replace(day=1), 1)
    start = _tuesday(nxt.year, nxt.month, 3)
    return start if start >= today + timedelta(days=14) else _tuesday(nxt.year, nxt.month, 4)


def _stamp(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=UTC)


def build_missions(ws: Workspace, today: date, seed: int = 2026) -> None:
    """Add the demo's partners, activities, participants and checklists to `ws`."""
    from .showcase import STAFF  # the demo's secretariat (showcase imports this module)

    rng = random.Random(seed + 4)
    templates = {t.ref.removeprefix("builtin:"): t for t in builtin_templates()}
    with ws.uow(STAFF[0]) as uow:
        session = uow.session
        partners = {}
        now = _stamp(today, 9)
        for (name, kind, country, city, driven, label, year, stage, focus, history,
             people) in PARTNERS:
            data = validate_partner(PartnerInput(
                name=name, kind=kind, country=country, city=city, driven_by=driven,
                ecei_label=label, ecei_year=year, trust_stage=stage, focus=focus,
                joint_history=history, website=f"https://www.{name.split()[0].lower()}.example",
                contacts=tuple(PartnerContactInput(n, role, mail) for n, role, mail in people)), today)
            partners[name.split()[0]] = add_partner(session, data, now).id
        session.flush()

        members = session.execute(select(Member.id, Member.name).where(Member.deleted_at.is_(None))
                                  .order_by(Member.sort_name)).all()
        contacts: dict[uuid.UUID, list[uuid.UUID]] = {}
        for member_id, contact_id in session.execute(select(Contact.member_id, Contact.id)
                                                     .order_by(Contact.is_primary.desc(), Contact.name)):
            contacts.setdefault(member_id, []).append(contact_id)

        def activity(template: str | None, **fields):
            data = validate_activity(ActivityInput(**fields))
            return add_activity(session, data, templates[template] if template else None)

        def sign_up(target, count: int, statuses: list[str]) -> None:
            for (member_id, _name), status in zip(rng.sample(members, count), statuses, strict=True):
                people = contacts.get(member_id) or [None]
                session.add(Participant(id=uuid.uuid4(), activity=target, activity_id=target.id,
                                        member_id=member_id, contact_id=people[0], status=status,
                                        registered_on=target.starts_on - timedelta(days=rng.randint(30, 70))))

        # The company mission next month: a third of its checklist done.
        start = mission_start(today)
        mission = activity(
            "innovation-mission", name="Company mission to Hamburg – smart water networks",
            kind="company_mission", status="registration", starts_on=start,
            ends_on=start + timedelta(days=2), city="Hamburg", country="DE",
            responsible=STAFF[1], action_plan="Action plan 2026: Germany and the Netherlands",
            budget=Money.of("185000", "DKK"), price=Money.of("6500", "DKK"),
            description="Three days of utility and company visits, a matchmaking session at the "
                        "Hamburg water cluster, and a network dinner.",
            partner_ids=(partners["Wasser"], partners["Enterprise"]))
        sign_up(mission, 9, ["confirmed"] * 6 + ["registered"] * 3)

        # The matchmaking event later in the year.
        event_day = today + timedelta(days=150 + (1 - (today + timedelta(days=150)).weekday()) % 7)
        event = activity(
            "matchmaking-event", name="Nordic Water Matchmaking Days 2027",
            kind="matchmaking", status="registration", starts_on=event_day,
            ends_on=event_day + timedelta(days=1), city="Aarhus", country="DK",
            responsible=STAFF[2], action_plan="Action plan 2026: annual matchmaking (permanent service)",
            budget=Money.of("420000", "DKK"), price=Money.of("1200", "DKK"),
            description="Two days of pre-booked one-to-one meetings next to the water technology "
                        "fair; partners bring delegations from Germany, Sweden and the Netherlands.",
            partner_ids=(partners["Wasser"], partners["Vattenklustret"], partners["Aqua"],
                         partners["Enterprise"]))
        sign_up(event, 5, ["registered"] * 5)

        # A study trip that took place, with attended and no-show participants.
        trip_start = today - timedelta(days=75)
        trip = activity(
            "innovation-mission", name="Study trip to the Netherlands – delta technology",
            kind="study_trip", status="done", starts_on=trip_start,
            ends_on=trip_start + timedelta(days=2), city="Rotterdam", country="NL",
            responsible=STAFF[0], action_plan="Action plan 2026: Germany and the Netherlands",
            budget=Money.of("150000", "DKK"), price=Money.of("5800", "DKK"),
            description="Visits to the delta test sites, two utilities and Aqua Nederland's "
                        "members; informal matchmaking in Delft.",
            partner_ids=(partners["Aqua"],))
        sign_up(trip, 10, ["attended"] * 7 + ["no_show"] * 2 + ["withdrawn"])

        activity(None, name="Delegation from Vattenklustret Skåne visits Esbjerg",
                 kind="visit_from_abroad", status="planned", starts_on=today + timedelta(days=12),
                 city="Esbjerg", country="DK", responsible=STAFF[3],
                 description="Test facility tour and a round table on stormwater.",
                 partner_ids=(partners["Vattenklustret"],))
        activity(None, name="Innovation Express: water reuse with Pôle Eau Méditerranée",
                 kind="innovation_project", status="under_way", starts_on=today - timedelta(days=120),
                 ends_on=today + timedelta(days=240), country="FR", city="Montpellier",
                 responsible=STAFF[2], budget=Money.of("60000", "EUR"),
                 action_plan="Action plan 2026: research and innovation cooperation",
                 partner_ids=(partners["Pôle"],))
        activity(None, name="Online workshop: EU funding for water SMEs", kind="workshop",
                 status="planned", starts_on=today + timedelta(days=40), responsible=STAFF[3],
                 price=Money.of("0", "DKK"), partner_ids=(partners["Vandens"], partners["Enterprise"]))
        session.flush()

        initials = tuple(name[-3:-1] for name in STAFF)  # "Mette Kjær (MK)" → "MK"
        for target in (mission, event, trip):
            _share_out(session, target.id, initials, rng)
        _tick(session, mission.id, lambda items: items[:len(items) // 3], today, STAFF)
        missed = ("Launch the event website", "Find a few headline participants")
        _tick(session, event.id, lambda items: [i for i in items if i.due_on < today - timedelta(days=10)
                                                and not i.text.startswith(missed)], today, STAFF)
        _tick(session, trip.id, lambda items: [i for i in items if i.due_on <= today], today, STAFF,
              notes={"Right after the trip": "14 answers of 17; 3 possible partnerships noted."})
        uow.commit()


def _tick(session, activity_id, choose, today: date, staff: tuple[str, ...],
          notes: dict[str, str] | None = None) -> None:
    """Tick the chosen items, each by one of the staff on (or just after) its due date."""
    rng = random.Random(str(activity_id))
    items = list(session.scalars(select(ChecklistItem).where(ChecklistItem.activity_id == activity_id)
                                 .order_by(ChecklistItem.due_on, ChecklistItem.position)))
    for item in choose(items):
        day = min(item.due_on + timedelta(days=rng.randint(-6, 2)), today - timedelta(days=1))
        item.done_at = _stamp(day, rng.randint(8, 15))
        item.done_by = rng.choice(staff)
        for start, note in (notes or {}).items():
            if item.text.startswith(start):
                item.note = note


def _share_out(session, activity_id, initials: tuple[str, ...], rng: random.Random) -> None:
    """Give each section of a checklist an owner from the secretariat."""
    owners: dict[str, str] = {}
    for item in session.scalars(select(ChecklistItem).where(ChecklistItem.activity_id == activity_id)):
        item.owner = owners.setdefault(item.section, rng.choice(initials))
