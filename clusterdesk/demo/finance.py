"""The demo's Phase 2: AquaNord's funding picture — basic funding, a regional fund, an Interreg
call being prepared with half its documents ready, a Horizon call being watched, one call
rejected and one granted; the Hamburg mission's budget with its funding patchwork and a gap;
stakeholders spread over the power–interest grid; the SWOT of the handbook's own example
(in our words); and the four people of the secretariat with their competences.

Everything goes through the services, as if the staff had typed it on the days it happened.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from ..domain.funding import default_documents
from ..domain.money import Money
from ..services import budgets, funding, funding_sources, secretariat, stakeholders, swot
from ..services.activities import ActivityFilter, list_activities
from ..services.context import ServiceContext
from ..store.workspace import Workspace

D = Decimal


def _at(workspace: Workspace, actor: str, day: date) -> ServiceContext:
    moment = datetime.combine(day, time(11, 0), tzinfo=UTC)
    return ServiceContext(workspace, actor, clock=lambda: moment)


def _dkk(amount: str) -> Money:
    return Money.of(amount, "DKK")


def _eur(amount: str) -> Money:
    return Money.of(amount, "EUR")


# name, kind, available per year (or None), note
SOURCES = (
    ("Basic funding – Danish Business Promotion Board", "basic_funding", _dkk("600000"),
     "The cluster programme's grant; about a fifth goes to international work."),
    ("Region Syddanmark – international growth fund", "regional_fund", _dkk("250000"),
     "Co-funds export activities for SMEs in the region; applications four times a year."),
    ("Interreg Öresund–Kattegat–Skagerrak", "interreg", None,
     "Danish, Swedish and Norwegian partners together; 60 % funding."),
    ("Horizon Europe – Cluster 6 (water)", "horizon", None,
     "Food, bioeconomy, natural resources, agriculture and environment; water under zero pollution."),
    ("Single Market Programme – Euroclusters", "cosme", None, "The former COSME cluster calls."),
    ("Innovation Fund Denmark", "national", None, ""),
    ("Members' co-funding", "private", None, "Companies paying towards activities they lead."),
    ("Participant fees", "participant_fees", None, ""),
)


def add_finance_demo(workspace: Workspace, today: date, staff: tuple[str, ...]) -> None:
    """Add the funding, budget, stakeholder, SWOT and secretariat demo data."""
    setup = _at(workspace, staff[0], today - timedelta(days=300))
    source = {}
    for name, kind, available, notes in SOURCES:
        row, _ = funding_sources.create_source(setup, funding_sources.SourceInput(
            name, kind, available=available, notes=notes,
            website="https://www.interreg-oks.eu" if kind == "interreg" else ""))
        source[kind] = row.id
    _calls(workspace, today, staff, source)
    _budgets(workspace, today, staff, source)
    _stakeholders(workspace, today, staff)
    _swot(workspace, today, staff)
    _staff(workspace, today, staff)


def _calls(workspace: Workspace, today: date, staff: tuple[str, ...], source: dict) -> None:
    deadline = funding.DeadlineInput
    # The Interreg call being prepared: two stages, half of the documents ready.
    started = today - timedelta(days=40)
    interreg, _ = funding.create_call(_at(workspace, staff[3], started), funding.CallInput(
        "Green water solutions for the Kattegat region", source_id=source["interreg"],
        call_code="ØKS-2027-C4", status="preparing", preparing_on=started,
        financing_rate=D(60), success_rate=D(35), grant=_eur("450000"), fit_rating=5,
        fit_note="Germany is not in it, but Norway and Sweden are target and partner countries; "
                 "fits the focus on stormwater and climate adaptation.",
        responsible=staff[3], link="https://www.interreg-oks.eu/calls",
        deadlines=(deadline(today + timedelta(days=18), "Concept note"),
                   deadline(today + timedelta(days=95), "Full application")),
        notes="Lead partner: Vattenklustret Skåne. We lead the work package on testing."))
    for index, who, days_ago in ((0, staff[3], 30), (1, staff[1], 18)):
        ctx = _at(workspace, who, today - timedelta(days=days_ago))
        current = funding.get_call(ctx, interreg.id).data
        documents = tuple(replace(d, done=d.done or i == index) for i, d in enumerate(current.documents))
        funding.update_call(ctx, interreg.id, replace(current, documents=documents))

    # A Horizon call being watched, with a longer warning window.
    funding.create_call(_at(workspace, staff[1], today - timedelta(days=20)), funding.CallInput(
        "Digital twins for resilient urban water systems", source_id=source["horizon"],
        call_code="HORIZON-CL6-2027-ZEROPOLLUTION-02", status="watching",
        financing_rate=D(100), success_rate=D("11.5"), grant=_eur("380000"), fit_rating=4,
        fit_note="Strong research members (Danish Institute for Water Research); our part would be "
                 "dissemination and the SME test cases.", responsible=staff[1], warn_days=60,
        link="https://ec.europa.eu/info/funding-tenders/opportunities/portal",
        deadlines=(deadline(today + timedelta(days=130), "Single-stage proposal"),),
        notes="Wait for the consortium meeting in Delft before deciding."))

    # Submitted to a two-stage national programme: the first stage met.
    sent = today - timedelta(days=21)
    grand, _ = funding.create_call(_at(workspace, staff[3], today - timedelta(days=70)), funding.CallInput(
        "Grand Solutions: water reuse in food production", source_id=source["national"],
        status="preparing", financing_rate=D(75), success_rate=D(20), grant=_dkk("2400000"),
        fit_rating=3, responsible=staff[3],
        deadlines=(deadline(sent + timedelta(days=1), "Pre-proposal"),
                   deadline(today + timedelta(days=38), "Full proposal, if invited"))))
    ctx = _at(workspace, staff[3], sent)
    before = funding.get_call(ctx, grand.id).data
    funding.update_call(ctx, grand.id, replace(before, status="submitted", submitted_on=sent, documents=tuple(
        replace(d, done=True) for d in before.documents)))

    # A rejected Euroclusters application and a granted regional project.
    funding.create_call(_at(workspace, staff[0], today - timedelta(days=120)), funding.CallInput(
        "Euroclusters for a water-resilient Europe", source_id=source["cosme"], call_code="SMP-COSME-2026-CLUSTER",
        status="rejected", preparing_on=today - timedelta(days=300), submitted_on=today - timedelta(days=210),
        decided_on=today - timedelta(days=120), financing_rate=D(100), success_rate=D(12),
        grant=_eur("500000"), fit_rating=4, responsible=staff[0],
        deadlines=(deadline(today - timedelta(days=210), "Proposal", done=True),),
        documents=_all_ready("cosme"),
        notes="Reviewers: a strong consortium, but the SME outreach plan was thin. Reuse the text "
              "for the next call with a concrete member programme."))
    funding.create_call(_at(workspace, staff[0], today - timedelta(days=180)), funding.CallInput(
        "Export push for water SMEs 2026–2027", source_id=source["regional_fund"],
        status="granted", preparing_on=today - timedelta(days=330), submitted_on=today - timedelta(days=260),
        decided_on=today - timedelta(days=180), financing_rate=D(50), success_rate=D(40),
        grant=_dkk("800000"), granted=_dkk("850000"), fit_rating=5, responsible=staff[0],
        deadlines=(deadline(today - timedelta(days=260), "Application", done=True),),
        documents=_all_ready("regional_fund"),
        notes="Pays half of the missions to Germany and Norway for 40 SMEs until the end of 2027."))


def _all_ready(kind: str) -> tuple[funding.DocumentInput, ...]:
    return tuple(funding.DocumentInput(text, done=True) for text in default_documents(kind))


def _budgets(workspace: Workspace, today: date, staff: tuple[str, ...], source: dict) -> None:
    ctx = _at(workspace, staff[1], today - timedelta(days=25))
    mission = next(a for a in list_activities(ctx, ActivityFilter(when="all"))
                   if a.name.startswith("Company mission to Hamburg"))
    cost, fund = budgets.CostInput, budgets.FundingInput
    budgets.create_budget(ctx, budgets.BudgetInput(
        "Company mission to Hamburg", activity_id=mission.id, currency="DKK", participants=9,
        co_funding_model="own_costs",
        costs=(cost(_dkk("1450"), "travel", "Train Copenhagen–Hamburg and back", True),
               cost(_dkk("2300"), "accommodation", "Hotel, two nights", True),
               cost(_dkk("900"), "subsistence", "Meals and spending", True),
               cost(_dkk("8000"), "venue", "Meeting room at the Hamburg water cluster"),
               cost(_dkk("14500"), "local_transport", "Coach for the company visits, two days"),
               cost(_dkk("9500"), "programme", "Interpreter at the utility visits"),
               cost(_dkk("21000"), "catering", "Network dinner with German companies"),
               cost(_dkk("6000"), "marketing", "Invitation campaign and mission brochure"),
               cost(_dkk("52000"), "staff_time", "Planning and running: 80 hours at 650 kr."),
               cost(_dkk("9800"), "staff_travel", "Two staff: train and hotel")),
        funding=(fund(_dkk("40000"), source["basic_funding"], "Share of this year's international budget", True),
                 fund(_dkk("50000"), source["regional_fund"], "Export push for water SMEs", True),
                 fund(_dkk("41850"), source["participant_fees"], "9 participants pay their own costs")),
        notes="The gap: ask the EEN office to co-host the matchmaking session, or cut the interpreter."))
    budgets.create_budget(ctx, budgets.BudgetInput(
        "Interreg application – AquaNord's share 2027–2029", currency="EUR", co_funding_model="none",
        costs=(cost(_eur("120000"), "staff_time", "Project manager, 30 % for three years"),
               cost(_eur("30000"), "staff_time", "Communication, 10 % for three years"),
               cost(_eur("18000"), "staff_travel", "Six partner meetings"),
               cost(_eur("12000"), "marketing", "Dissemination events and material")),
        funding=(fund(_eur("108000"), source["interreg"], "60 % of the costs, if granted"),
                 fund(_eur("50000"), source["basic_funding"], "Own co-financing from basic funding", True))))


# name, kind, country, influence, interest, relation, offers, targets, people
STAKEHOLDERS = (
    ("Danish Water Technology Association", "business_association", "DK", 4, 4, "regular",
     "Market reports and a national pavilion at the big water fairs.",
     "A joint stand at IFAT 2028; share our Germany market analysis; one joint webinar a year.",
     (("Birgitte Lund", "International director", "bl@watertech-association.example", "33 92 00 00"),)),
    ("Enterprise Europe Network – Aarhus office", "een_office", "DK", 3, 5, "strategic",
     "Partner searches, EU funding advice, matchmaking at fairs.",
     "Two partner searches for members each quarter; co-host the EU funding workshop.",
     (("Simon Poulsen", "EU adviser", "simon.poulsen@een-aarhus.example", "87 15 00 00"),)),
    ("Trade Council – Consulate General in Hamburg", "ministry", "DE", 5, 3, "regular",
     "Market advice and door-opening in northern Germany.",
     "Programme and meetings for the Hamburg mission.",
     (("Katrine Dahl", "Commercial adviser", "katdah@um.example", "+49 40 1234567"),)),
    ("Region Syddanmark – Growth Office", "municipality_region", "DK", 5, 4, "strategic",
     "Regional co-funding; the regional export strategy.",
     "Export push project: 40 SMEs on a mission abroad by the end of 2027.",
     (("Lars Friis", "Head of business development", "lars.friis@regionsyd.example", "76 81 20 00"),)),
    ("Danish Business Promotion Board", "funding_body", "DK", 5, 2, "occasional",
     "The cluster programme's basic funding.", "", ()),
    ("Innovation Fund Denmark", "funding_body", "DK", 4, 1, "none", "Grand Solutions and Innobooster.", "", ()),
    ("Confederation of Danish Industry – water section", "business_association", "DK", 4, 2, "occasional",
     "Lobbying and export statistics.", "", ()),
    ("Nordic Innovation", "funding_body", "NO", 3, 2, "occasional",
     "Nordic cooperation projects.", "", ()),
    ("Water Alliance (Leeuwarden)", "foreign_cluster", "NL", 2, 4, "occasional",
     "Test beds and Dutch utility contacts.", "",
     (("Anne Visser", "Cluster manager", "anne.visser@wateralliance.example", "+31 58 2345678"),)),
    ("Aarhus University – Environmental Engineering", "knowledge_institution", "DK", 2, 4, "regular",
     "Students for market analyses; test and measurement.", "Two student market analyses a year.", ()),
    ("South Denmark European Office, Brussels", "other", "BE", 2, 5, "regular",
     "News of calls and success rates; a desk in Brussels for meetings.", "", ()),
    ("Danish Export Association", "business_association", "DK", 2, 3, "none",
     "Export courses for small companies.", "", ()),
    ("Municipality of Vejle – climate city", "municipality_region", "DK", 2, 2, "occasional",
     "Show cases for visiting delegations.", "", ()),
    ("Port of Esbjerg", "other", "DK", 1, 2, "none", "Harbour water projects.", "", ()),
)


def _stakeholders(workspace: Workspace, today: date, staff: tuple[str, ...]) -> None:
    ctx = _at(workspace, staff[0], today - timedelta(days=75))
    for name, kind, country, influence, interest, relation, offers, targets, people in STAKEHOLDERS:
        stakeholders.create_stakeholder(ctx, stakeholders.StakeholderInput(
            name, kind, country, influence=influence, interest=interest, relation=relation,
            offers=offers, targets=targets,
            contacts=tuple(stakeholders.StakeholderContactInput(*p) for p in people)))


SWOT_POINTS = {
    "strengths": ("It gives a structured, systematic way into international questions.",
                  "It helps us choose among the many international offers the cluster receives.",
                  "It gets the board and the cluster behind one common approach.",
                  "It puts us ahead when funding calls open."),
    "weaknesses": ("It can become rigid and heavy to work with.",
                   "Followed to the letter, it may miss chances that turn up unplanned.",
                   "Going international takes a lot of time and money."),
    "opportunities": ("Use it to find the cluster's own place internationally.",
                      "Use it to develop new ways of making the cluster the springboard for members "
                      "going abroad."),
    "threats": ("Many other players already arrange international activities for companies and "
                "researchers.",
                "Foreign markets can be hard to see through."),
}


def _swot(workspace: Workspace, today: date, staff: tuple[str, ...]) -> None:
    made = today - timedelta(days=60)
    swot.create_analysis(_at(workspace, staff[0], made), swot.SwotInput(
        "Does the cluster need an international strategy?", made, "Strategy day: board and secretariat",
        "A quick SWOT on the strategy day, after the handbook's own example (§2.3.2).",
        {q: tuple(swot.SwotPoint(t) for t in points) for q, points in SWOT_POINTS.items()}))


# name, role, share, languages, years, experience, education abroad, background
STAFF_COMPETENCES = (
    ("Cluster manager", 30, (("da", "native"), ("en", "fluent"), ("de", "working")), 6,
     "Export manager at a pump maker, four years of them in Hamburg.", "Erasmus semester at TU Delft.", ""),
    ("International project leader", 80, (("da", "native"), ("en", "fluent"), ("de", "fluent")), 8,
     "Three years at the Trade Council in Berlin; coordinated two EU projects.",
     "MA in European Studies, Maastricht.", ""),
    ("Events and matchmaking coordinator", 50, (("da", "native"), ("en", "fluent"), ("sv", "working")), 2,
     "Has run the Nordic matchmaking days since 2024.", "", ""),
    ("Funding and EU projects adviser", 40,
     (("ar", "native"), ("fr", "fluent"), ("da", "fluent"), ("en", "fluent")), 5,
     "Project officer at an Interreg secretariat in Lille.", "MSc in water engineering, Montpellier.",
     "Grew up in Lebanon and France."),
)


def _staff(workspace: Workspace, today: date, staff: tuple[str, ...]) -> None:
    ctx = _at(workspace, staff[0], today - timedelta(days=90))
    for person, (role, share, languages, years, experience, education, background) in zip(
            staff, STAFF_COMPETENCES, strict=True):
        name, initials = person[:-5], person[-3:-1]  # "Mette Kjær (MK)"
        secretariat.create_staff(ctx, secretariat.StaffInput(
            name, initials, role, share, years, experience, education, background,
            languages=tuple(secretariat.LanguageInput(code, level) for code, level in languages)))
