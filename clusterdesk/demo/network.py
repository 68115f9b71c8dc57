"""The demo's Phase 5: AquaNord in a strategic cluster partnership (ESCP-4i style) going to
North America and East Africa, and in a global water network with a "water passport" for
members — with six of the demo's partners between them; a catalogue of five services fed by
the demo's activities; six partner-search requests (found, not found, withdrawn, one open and
due); and seven project ideas across the pipeline, two of them matched to the demo's calls.

Everything goes through the services, as if the staff had typed it on the days it happened."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from ..services import partner_requests as requests
from ..services import partnerships, project_ideas, service_catalogue
from ..services.activities import list_activities
from ..services.funding import list_calls
from ..services.partners import list_partners
from ..store.models import Member
from ..store.workspace import Workspace
from .finance import _at


def add_network_demo(workspace: Workspace, today: date, staff: tuple[str, ...]) -> None:
    """Add the meta-clusters, services, partner searches and project ideas."""
    ctx = _at(workspace, staff[0], today)
    partner = {p.name.split()[0]: p.id for p in list_partners(ctx)}
    activity = {a.name: a.id for a in list_activities(ctx)}
    call = {c.title: c.id for c in list_calls(ctx)}
    with workspace.engine.connect() as conn:
        member = dict(conn.execute(select(Member.name, Member.id).where(Member.deleted_at.is_(None))).all())
    _partnerships(workspace, today, staff, partner)
    _services(workspace, today, staff, activity)
    _requests(workspace, today, staff, partner, member)
    _ideas(workspace, today, staff, partner, member, call)


def _partnerships(workspace: Workspace, today: date, staff: tuple[str, ...], partner: dict) -> None:
    point = partnerships.AgendaInput
    started = today - timedelta(days=660)
    escp, _ = partnerships.create_partnership(_at(workspace, staff[0], started), partnerships.PartnershipInput(
        "Nordic-Baltic Water Partnership – Going International", kind="escp_4i", our_role="partner",
        starts_on=started, ends_on=today + timedelta(days=400), website="www.nbwp-gointernational.example",
        purpose="Five water clusters around the Baltic Sea with one internationalisation strategy for "
                "markets beyond Europe: Canada first, then East Africa. Labelled as a strategic cluster "
                "partnership; co-funded for the first two years.",
        member_benefits="Places on the joint missions at the partners' price; the partners' market "
                        "studies of Canada and Kenya; a stand at the joint pavilions.",
        partner_ids=(partner["Vattenklustret"], partner["Norsk"], partner["Vandens"], partner["Wasser"]),
        agenda=(point("Joint internationalisation roadmap agreed", today - timedelta(days=210), "meeting",
                      staff[0], "planned"),
                point("Joint stand at Singapore International Water Week", today - timedelta(days=165), "event",
                      staff[2], "planned", "Eleven members from the five clusters; 40 meetings held."),
                point("Partner meeting in Gdańsk: decide the East Africa pilot", today - timedelta(days=3),
                      "meeting", staff[0], "planned", "Minutes from Gdańsk still to come."),
                point("Joint application to Euroclusters (second try)", today + timedelta(days=20),
                      "application", staff[3], "in_progress", "Reuse the rejected text; add a member programme."),
                point("Joint mission to Toronto – water SMEs", today + timedelta(days=75), "joint_action",
                      staff[1], "planned"))))
    joined = today - timedelta(days=420)
    network, _ = partnerships.create_partnership(_at(workspace, staff[0], joined), partnerships.PartnershipInput(
        "Global Water Technology Network", kind="global_network", our_role="partner", starts_on=joined,
        website="www.global-water-network.example",
        purpose="Twelve water clusters on four continents share knowledge, test sites and market insight, "
                "and open doors for each other's members.",
        member_benefits="A water passport: our members use the services of the other clusters at member "
                        "prices — desk space, introductions, test facilities.",
        partner_ids=(partner["Wasser"], partner["Aqua"], partner["Pôle"]),
        agenda=(point("Webinar series on digital water", today - timedelta(days=90), "event", staff[1], "planned"),
                point("Register our members for the 2027 water passport", today + timedelta(days=10),
                      "joint_action", staff[0], "planned"),
                point("Annual summit – present the AquaNord test facility map", today + timedelta(days=110),
                      "event", staff[0], "planned"))))
    # The points already behind us were ticked off on the day, by the one who owned them.
    for partnership in (escp, network):
        for done in partnership.agenda[:2 if partnership is escp else 1]:
            partnerships.complete_agenda_point(_at(workspace, done.owner, done.due_on), done.id)


def _services(workspace: Workspace, today: date, staff: tuple[str, ...], activity: dict) -> None:
    ctx = _at(workspace, staff[0], today - timedelta(days=30))
    service = service_catalogue.ServiceInput
    ids = lambda *names: tuple(activity[n] for n in names)  # noqa: E731
    for data in (
        service("Annual Nordic water matchmaking", "matchmaking", "permanent",
                "Two days of pre-booked meetings next to the water technology fair, every autumn; "
                "the partner clusters bring delegations.",
                "Member SMEs and research groups looking for customers and partners in the Nordics, "
                "Germany and the Netherlands.", "per_participant",
                "1.200 kr. per participant; the partners' delegations free", staff[2],
                activity_ids=ids("Nordic Water Matchmaking Days 2027")),
        service("Study trips and company missions", "missions", "ad_hoc",
                "Three days abroad: utility and company visits, matchmaking at the partner cluster, a "
                "network dinner.", "Members with a defined need in one market.", "per_participant",
                "Participants pay their own costs; the programme is co-funded", staff[1],
                activity_ids=ids("Study trip to Malmö – stormwater and cloudbursts",
                                 "Study trip to the Netherlands – delta technology",
                                 "Company mission to Hamburg – smart water networks")),
        service("International project help", "project_help", "ad_hoc",
                "Help to mature an idea, find partners and the right call, and write the application.",
                "Members with a project idea and little EU experience.", "basic_extended",
                "First meetings and the call search free; application writing priced individually",
                staff[3], activity_ids=ids("Innovation Express: water reuse with Pôle Eau Méditerranée",
                                           "Online workshop: EU funding for water SMEs")),
        service("Partner search abroad", "partner_search", "permanent",
                "We ask our partner clusters, the EEN offices and our own network for companies and "
                "researchers that fit a member's need.", "All members.", "free", "", staff[0]),
        service("Hosting delegations from abroad", "other", "idea",
                "Programmes for visiting clusters: test facilities, member companies, a round table.",
                "Members with something to show.", "fixed_fee", "", staff[3],
                activity_ids=ids("Delegation from Vattenklustret Skåne visits Esbjerg")),
    ):
        service_catalogue.create_service(ctx, data)


def _requests(workspace: Workspace, today: date, staff: tuple[str, ...], partner: dict, member: dict) -> None:
    offer = requests.ProposalInput

    def ask(days_ago: int, who: str, data: requests.RequestInput) -> None:
        requests.create_request(_at(workspace, who, today - timedelta(days=days_ago)), data)

    day = lambda n: today - timedelta(days=n)  # noqa: E731
    ask(70, staff[0], requests.RequestInput(
        member["Gudenå Sensor ApS"], "leak detection sensors for water networks", "company", ("DE",),
        "A utility to test their leak sensor, and a distributor in northern Germany.", day(70), day(20),
        staff[0], "found", day(12), "Pilot with a Hamburg utility agreed through the Hamburg cluster.",
        (offer("Wasser Netzwerk Hamburg e.V.", partner["Wasser"], person="Leonie Groß", score=88,
               proposed_on=day(65), sent_on=day(60), response="agreed"),
         offer("Enterprise Europe Network Schleswig-Holstein", partner["Enterprise"], person="Hauke Petersen",
               score=53, proposed_on=day(65), sent_on=day(60), response="no_answer"))))
    ask(120, staff[1], requests.RequestInput(
        member["Limfjord Membran ApS"], "membrane filtration for aquaculture", "research", ("NO", "SE"),
        "Researchers to co-develop a membrane for fish farms' process water.", day(120), day(60), staff[1],
        "found", day(50), "Two research groups in Bergen interested; first meeting held.",
        (offer("Norsk Vannteknologi Klynge", partner["Norsk"], person="Ingrid Sæther", score=79,
               proposed_on=day(115), sent_on=day(110), response="in_talks"),)))
    ask(150, staff[0], requests.RequestInput(
        member["Vestkyst Pumper A/S"], "pump distributors", "company", ("PL",),
        "Distributors for industrial pumps in Poland.", day(150), day(90), staff[0], "not_found", day(80),
        "The Polish cluster has no distributors among its members; asked the EEN office instead.",
        (offer("Polski Klaster Technologii Wodnych", partner["Polski"], person="Małgorzata Wójcik", score=52,
               proposed_on=day(140), sent_on=day(138), response="declined"),)))
    ask(100, staff[3], requests.RequestInput(
        member["Jysk Vandteknik Consult ApS"], "climate adaptation consultancy", "any", ("VN",),
        "A local partner for a flood protection study in Ho Chi Minh City.", day(100), None, staff[3],
        "withdrawn", day(40), "The client postponed the study."))
    ask(12, staff[2], requests.RequestInput(
        member["Danish Institute for Water Research"], "water reuse in irrigation", "research", ("FR", "ES"),
        "Partners for a Horizon proposal on treated wastewater for farming.", day(12), today + timedelta(days=9),
        staff[2], proposals=(offer("Pôle Eau Méditerranée", partner["Pôle"], person="Élodie Lefèvre",
                                   score=100, proposed_on=day(5)),)))
    ask(3, staff[1], requests.RequestInput(
        member["University College Vest – Water Technology"], "desalination for aquaculture", "research", ("NO",),
        "Student exchange and a joint test rig.", day(3), today + timedelta(days=45), staff[1]))


def _ideas(workspace: Workspace, today: date, staff: tuple[str, ...], partner: dict, member: dict,
           call: dict) -> None:
    idea = project_ideas.IdeaInput
    soon = lambda n: today + timedelta(days=n)  # noqa: E731
    for days_ago, who, data in (
        (150, staff[1], idea(
            "Digital twins for urban drainage", "A live model of a town's sewers and stormwater pipes, fed "
            "by members' sensors, to steer the network in a cloudburst.",
            "digital twin, urban water, resilience, sensors", "consortium", staff[1],
            "Consortium meeting in Delft: agree the work packages", soon(6),
            member_ids=(member["Danish Institute for Water Research"], member["Gudenå Sensor ApS"]),
            partner_ids=(partner["Aqua"],),
            call_ids=(call["Digital twins for resilient urban water systems"],))),
        (90, staff[3], idea(
            "Cloudburst-proof towns in the Kattegat region", "Nature-based stormwater solutions tested in "
            "three towns on both sides of the Kattegat.", "stormwater, climate adaptation, nature-based solutions",
            "application", staff[3], "Send our part of the concept note to the lead partner", soon(14),
            member_ids=(member["Fjordby Forsyning A/S"], member["Jysk Vandteknik Consult ApS"]),
            partner_ids=(partner["Vattenklustret"],),
            call_ids=(call["Green water solutions for the Kattegat region"],))),
        (60, staff[0], idea(
            "Leak detection pilot with Hamburg utilities", "Follow-up of the partner search: a test district "
            "in Hamburg for the members' leak sensors.", "leak detection, sensors, water networks", "concept",
            staff[0], "Ask Hamburg Wasser for a test district", today - timedelta(days=2),
            member_ids=(member["Gudenå Sensor ApS"],), partner_ids=(partner["Wasser"],))),
        (40, staff[1], idea(
            "Membrane filtration for fish farms", "Cleaner process water for land-based aquaculture.",
            "membrane, aquaculture, process water", "idea", staff[1], "Visit the test farm in Bergen", soon(25),
            member_ids=(member["Limfjord Membran ApS"],), partner_ids=(partner["Norsk"],))),
        (20, staff[2], idea(
            "Sensor data platform for small utilities", "One shared data platform for the sensor data of "
            "utilities too small to build their own.", "data platform, utilities, sensors", "idea", staff[2])),
        (300, staff[2], idea(
            "Water reuse in the food industry with Montpellier", "Became the Innovation Express project with "
            "Pôle Eau Méditerranée.", "water reuse, food industry", "funded", staff[2],
            partner_ids=(partner["Pôle"],))),
        (400, staff[3], idea(
            "Solar-powered desalination for Kenya", "Small desalination units for coastal villages.",
            "desalination, solar, East Africa", "dropped", staff[3],
            notes="No partner in East Africa yet; back on the table if the partnership's pilot goes there.",
            member_ids=(member["Vestkyst Pumper A/S"],))),
    ):
        project_ideas.create_idea(_at(workspace, who, today - timedelta(days=days_ago)), data)
