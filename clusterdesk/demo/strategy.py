"""The demo's Phase 3: AquaNord's international strategy for last year to next year, approved
by the board (the one before it archived), six KPIs — four read from the data, two typed in
every quarter, one of them at risk and one off track — two action plans for this year (one
carried out by the Hamburg mission), a draft of the next version, and this year's strategy
wheel half way round. Dates are relative to the demo's `today`; everything goes through the
services, as if the secretariat had typed it on the day."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import select

from ..domain.checklists import add_months
from ..domain.money import Money
from ..domain.strategy import WheelStep
from ..services import action_plans, kpi_measures, kpi_reviews, kpis, strategy, strategy_wheel
from ..services.action_plans import ActionPlanInput, SubActivityInput, TargetInput
from ..services.context import ServiceContext
from ..services.kpis import KpiInput
from ..services.strategy import StrategyInput
from ..store.models import Activity, Kpi, Member, StrategyMilestone, SubActivity
from ..store.workspace import Workspace

SECTIONS = dict(
    mission_vision=(
        "AquaNord makes Danish water technology a first choice for utilities and industry in "
        "northern Europe. Internationally we offer our members a door to foreign utilities, "
        "partner clusters that know their markets, and a shared test-and-show case at home.\n\n"
        "Vision 2027: every member with an export ambition has met customers or partners "
        "abroad through the cluster, and three partner clusters work with us every year."),
    target_groups=(
        "First the SMEs with a defined or active international need (about 30 members); then "
        "the SMEs with a latent need, through low-cost trips and online matchmaking. Research "
        "members join the innovation projects; large companies act as door openers and hosts."),
    markets=(
        "Municipal utilities and water-intensive industry; smart water networks, wastewater "
        "treatment and water reuse; aquaculture water treatment in Norway."),
    sectors=(
        "Drinking water, wastewater, water in industry, digital water and climate adaptation. "
        "Not: desalination plants and large EPC contracts outside Europe."),
    focus_areas=(
        "1. Company missions and matchmaking in Germany and the Netherlands.\n"
        "2. Long-term partnerships with three partner clusters (Hamburg, Skåne, Bergen).\n"
        "3. EU-funded innovation projects that put members' technology in foreign test sites.\n"
        "4. An annual matchmaking event at home as a permanent service."),
    overall_link=(
        "The international strategy carries out goal 3 of AquaNord's overall strategy "
        "(“Growth through export and partnerships”) and uses its budget lines for member "
        "services. Both are revised together on the yearly strategy day."),
    process=(
        "Built on the member needs survey and the phone campaign, the market analyses for "
        "Germany and Norway, and a strategy day with the board and the steering group. The "
        "board approved it; the general assembly was informed."),
)


def _at(workspace: Workspace, actor: str, day: date) -> ServiceContext:
    moment = datetime.combine(day, time(10, 0), tzinfo=UTC)
    return ServiceContext(workspace, actor, clock=lambda: moment)


def build_strategy(ws: Workspace, today: date, staff: tuple[str, ...]) -> None:
    """Add the demo's strategy versions, KPIs, action plans and wheel to `ws`."""
    year = today.year
    older = _version(ws, staff, f"International strategy {year - 4}–{year - 2}",
                     date(year - 4, 1, 1), date(year - 2, 12, 31), date(year - 4, 3, 10),
                     mission_vision="Bring Danish water technology to the neighbouring markets.",
                     focus_areas="Company missions to Germany; a partner cluster in Sweden.",
                     countries=("DE", "SE"))
    current = _version(ws, staff, f"International strategy {year - 1}–{year + 1}",
                       date(year - 1, 1, 1), date(year + 1, 12, 31), date(year - 1, 3, 12),
                       countries=("DE", "NL", "NO", "SE"), **SECTIONS)
    del older  # archived by the later approval
    _kpis(ws, current, today, staff)
    _plans(ws, current, today, staff)
    _next_draft(ws, current, today, staff)
    _wheels(ws, today, staff)


def _version(ws, staff, title, start, end, approved_on, **sections):
    ctx = _at(ws, staff[0], approved_on - timedelta(days=30))
    detail, _ = strategy.create_strategy(ctx, StrategyInput(title, start, end, **sections))
    strategy.approve_strategy(_at(ws, staff[0], approved_on), detail.id, approved_on, "Board meeting")
    return detail.id


# --- KPIs --------------------------------------------------------------------------------------------


def _quarter_starts(start: date, until: date) -> list[date]:
    days, step = [], 1
    while (day := add_months(start, 3 * step)) <= until:
        days.append(day)
        step += 1
    return days


def _kpis(ws, strategy_id, today: date, staff) -> None:
    year = today.year
    start, end = date(year - 1, 1, 1), date(year + 1, 12, 31)
    owner = {s[-3:-1]: s for s in staff}
    setup = _at(ws, staff[0], start)
    tied = (
        ("Members taking part in international activities this year", "members_in_international_activities",
         Decimal(0), Decimal(13), date(year, 1, 1), date(year, 12, 31), "JB",
         "Member organisations with at least one person who attended a mission, trip, "
         "matchmaking event or project abroad in the calendar year."),
        ("Partner clusters at the stage “established”", "partner_clusters_established",
         Decimal(1), Decimal(4), start, end, "MK",
         "Clusters abroad we have run joint projects with and trust to take our members in."),
        ("Members heard in the last 12 months", "members_heard_12_months", Decimal(30), Decimal(70),
         start, end, "SH", "Members with a visit, phone call or meeting in the twelve months before "
         "the review: the secretariat knows what they need."),
        ("Market analyses made", "market_analyses_made", Decimal(0), Decimal(5), start, end, "AR",
         "Country and technology market analyses made or bought during the strategy period."),
    )
    # Typed in every quarter: one behind its path (at risk), one far behind (off track).
    manual = (
        ("Export orders reported by members after cluster activities", "DKK million",
         Decimal(0), Decimal(12), Decimal("0.66"), "MK", -3,
         "Orders and contracts abroad that members tie to a cluster activity, reported in the "
         "follow-up calls (DKK million, counted from the start of the strategy)."),
        ("SMEs in EU-funded international projects with the cluster's help", "SMEs",
         Decimal(3), Decimal(15), Decimal("0.15"), "SH", 9,
         "Member SMEs that are partners in an Interreg, Horizon Europe or similar project the "
         "cluster helped them into."),
    )
    created = []
    for name, measure, baseline, target, first, last, who, definition in tied:
        detail, _ = kpis.create_kpi(setup, KpiInput(strategy_id, name, baseline, target, first, last,
                                                    definition, measure=measure, owner=owner[who]))
        created.append((detail.id, who, None, None))
    for name, unit, baseline, target, pace, who, review_in, definition in manual:
        detail, _ = kpis.create_kpi(setup, KpiInput(strategy_id, name, baseline, target, start, end,
                                                    definition, unit, owner=owner[who]))
        created.append((detail.id, who, pace, today + timedelta(days=review_in)))
    # The quarterly reviews of the past, in one go, each by its owner on its day.
    with ws.uow(staff[0]) as uow:
        for kpi_id, who, pace, next_review in created:
            kpi = uow.session.get(Kpi, kpi_id)
            for day in _quarter_starts(kpi.period_from, today - timedelta(days=20)):
                ctx = _at(ws, owner[who], day)
                if pace is not None:
                    share = Decimal((day - start).days) / Decimal((end - start).days) * pace
                    value = (kpi.baseline + (kpi.target - kpi.baseline) * share).quantize(
                        Decimal("0.1") if kpi.unit.startswith("DKK") else Decimal(1))
                    kpi_reviews.add_value(ctx, uow.session, kpi, day, value, "Quarterly review")
                elif kpi.measure == "partner_clusters_established" or day < today - timedelta(days=365):
                    # Trust stages keep no history, and the data reaches back about a year.
                    kpi_reviews.note_review(ctx, kpi, day)
                else:
                    value = kpi_measures.compute(ctx, kpi.measure, kpi.period_from, day)
                    kpi_reviews.add_value(ctx, uow.session, kpi, day, value.value, value.detail, kpi.measure)
            if next_review is not None:  # one review slipped a few days, one coming up
                kpi.next_review_on = next_review
        uow.commit()


# --- action plans ----------------------------------------------------------------------------------


def _members(ws, names: tuple[str, ...]) -> tuple:
    with ws.engine.connect() as conn:
        rows = dict(conn.execute(select(Member.name, Member.id).where(Member.name.in_(names))).all())
    return tuple(rows[n] for n in names if n in rows)


def _plans(ws, strategy_id, today: date, staff) -> None:
    year = today.year
    mk, jb, sh, ar = (s[-3:-1] for s in staff)
    ctx = _at(ws, staff[1], date(year, 1, 20))
    germany = ActionPlanInput(
        f"Action plan {year}: Germany and the Netherlands", strategy_id, staff[1],
        date(year, 1, 1), date(year, 12, 31),
        purpose=("Give members with an export ambition a first foothold with utilities in northern "
                 "Germany and the Netherlands: meet buyers, test partners and the partner clusters "
                 "in Hamburg and Delft, and come home with concrete leads."),
        institutions="Danish Institute for Water Research; TU Hamburg (water management); "
                     "Deltares, Delft (test sites)",
        dissemination=("Programme and results on aquanord.example and LinkedIn; a results "
                       "breakfast for all members after each trip; two member cases in the "
                       "newsletter; the partner clusters share our calls with their members."),
        budget=Money.of("335000", "DKK"),
        budget_note="Trips part-financed by participant fees (see the activities); the regional "
                    "growth office co-funds the matchmaking.",
        targets=(
            TargetInput("Member companies taking part in the missions", Decimal(15), "output",
                        "companies", Decimal(7)),
            TargetInput("Pre-booked B2B meetings in Hamburg", Decimal(40), "output", "meetings"),
            TargetInput("Joint project applications with German or Dutch partners", Decimal(2),
                        "output", "applications", Decimal(1)),
            TargetInput("Members with a first order or partner agreement in DE or NL within two "
                        "years", Decimal(5), "effect", "members"),
            TargetInput("New export jobs in participating members", Decimal(6), "effect", "jobs"),
        ),
        sub_activities=(
            SubActivityInput("Select 3 target cities with the Hamburg and Delft clusters by 1 March",
                             mk, date(year, 3, 1), True),
            SubActivityInput("Invite all 80 members to the Netherlands study trip", mk,
                             today - timedelta(days=140), True),
            SubActivityInput("Hold the study trip to the Netherlands with at least 8 companies", mk,
                             today - timedelta(days=73), True),
            SubActivityInput("Send the evaluation survey to all 10 trip participants within 1 week",
                             sh, today - timedelta(days=66), True),
            SubActivityInput("Sign up 12 companies for the Hamburg mission", jb,
                             today - timedelta(days=4)),
            SubActivityInput("Book 40 B2B meetings in Hamburg through Wasser Netzwerk", jb,
                             today + timedelta(days=9)),
            SubActivityInput("Brief the 12 participants on German utility tenders (1 webinar)", ar,
                             today + timedelta(days=16)),
            SubActivityInput("Submit 1 joint Interreg application with Wasser Netzwerk Hamburg", sh,
                             today + timedelta(days=75)),
            SubActivityInput("Results breakfast for all members with 2 member cases", mk,
                             today + timedelta(days=55)),
            SubActivityInput("Follow-up calls to all participants 6 months after Hamburg", sh,
                             today + timedelta(days=210)),
        ),
        member_ids=_members(ws, ("Vestkyst Pumper A/S", "Limfjord Membran ApS", "Gudenå Sensor ApS",
                                 "Danish Institute for Water Research", "Jysk Vandteknik Consult ApS")))
    plan, _ = action_plans.create_action_plan(ctx, germany)
    matchmaking = ActionPlanInput(
        f"Action plan {year}: annual matchmaking (permanent service)", strategy_id, staff[2],
        date(year, 3, 1), date(year + 1, 6, 30),
        purpose=("Make the yearly Nordic Water Matchmaking Days a permanent service that members "
                 "and partner clusters plan for: many short, pre-booked meetings next to the fair."),
        institutions="Aarhus University (venue partner); Enterprise Europe Network",
        dissemination="Partner clusters invite their members; EEN publishes the profiles; a "
                      "press release with the number of meetings held.",
        budget=Money.of("420000", "DKK"),
        targets=(
            TargetInput("Participants with a cooperation profile", Decimal(120), "output", "participants"),
            TargetInput("Meetings held", Decimal(300), "output", "meetings"),
            TargetInput("Partner clusters bringing a delegation", Decimal(4), "output", "clusters"),
            TargetInput("Agreements reported six months after", Decimal(15), "effect", "agreements"),
        ),
        sub_activities=(
            SubActivityInput("Sign venue and fair agreement for 2 days by end of June", sh,
                             date(year, 6, 30), True),
            SubActivityInput("Launch the event website with 3 headline participants", sh,
                             today - timedelta(days=12)),
            SubActivityInput("Confirm 4 partner cluster delegations", mk, today + timedelta(days=21)),
            SubActivityInput("Open registration with 120 profiles as the goal", sh,
                             today + timedelta(days=60)),
        ),
        member_ids=_members(ws, ("Fjordby Forsyning A/S", "University College Vest – Water Technology")))
    second, _ = action_plans.create_action_plan(_at(ws, staff[2], date(year, 3, 1)), matchmaking)
    _done_by(ws, plan.id, staff)
    _done_by(ws, second.id, staff)
    _link_activities(ws, {plan.id: ("Company mission to Hamburg", "Study trip to the Netherlands"),
                          second.id: ("Nordic Water Matchmaking Days",)})


def _done_by(ws, plan_id, staff) -> None:
    """Done sub-activities carry the day they were done and who did it, not the build time."""
    with ws.uow("demo") as uow:
        for sub in uow.session.scalars(select(SubActivity).where(SubActivity.plan_id == plan_id,
                                                                SubActivity.done_at.is_not(None))):
            sub.done_at = datetime.combine(sub.due_on - timedelta(days=2), time(14), tzinfo=UTC)
            sub.done_by = next((s for s in staff if s.endswith(f"({sub.owner})")), staff[0])
        uow.commit()


def _link_activities(ws, links: dict) -> None:
    with ws.uow("demo") as uow:
        for plan_id, prefixes in links.items():
            for activity in uow.session.scalars(select(Activity)):
                if activity.name.startswith(prefixes):
                    activity.action_plan_id = plan_id
        uow.commit()


# --- the next version and the wheel ------------------------------------------------------------------


def _next_draft(ws, current, today: date, staff) -> None:
    year = today.year
    ctx = _at(ws, staff[0], today - timedelta(days=8))
    draft, _ = strategy.copy_strategy(ctx, current, f"International strategy {year + 1}–{year + 3}",
                                      date(year + 1, 1, 1), date(year + 3, 12, 31))
    data = draft.data
    strategy.update_strategy(ctx, draft.id, StrategyInput(
        data.title, data.period_from, data.period_to, data.mission_vision, data.target_groups,
        (*data.countries, "PL"), data.markets, data.sectors,
        data.focus_areas + "\n5. New: Poland's water-network renewal, with the Gdańsk cluster.",
        data.overall_link,
        "Draft for the board meeting: from this year's member survey and strategy day. Open "
        "question for the board: Poland now, or after the Hamburg results?",
        data.version))


def _wheels(ws, today: date, staff) -> None:
    year = today.year
    last_year, _ = strategy_wheel.start_wheel(_at(ws, staff[0], date(year - 1, 1, 5)), year - 1)
    this_year, _ = strategy_wheel.start_wheel(_at(ws, staff[0], date(year, 1, 5)), year)
    when = {WheelStep.MEMBER_SURVEY: -270, WheelStep.STRATEGY_DAY: -190, WheelStep.PROPOSAL: -6,
            WheelStep.BOARD: 13, WheelStep.GENERAL_ASSEMBLY: 110}
    notes = {WheelStep.MEMBER_SURVEY: "Needs survey to all members; 27 answers.",
             WheelStep.STRATEGY_DAY: "Board, steering group and secretariat; facilitated by the "
                                     "chair. Poland came up as a new market.",
             WheelStep.PROPOSAL: "Draft “International strategy next period” to the chair first."}
    with ws.uow(staff[0]) as uow:
        for row in last_year:  # last year's wheel went all the way round
            milestone = uow.session.get(StrategyMilestone, row.id)
            milestone.done_at = datetime.combine(milestone.due_on, time(15), tzinfo=UTC)
            milestone.done_by = staff[0]
        for row in this_year:
            step = WheelStep(row.step)
            milestone = uow.session.get(StrategyMilestone, row.id)
            milestone.due_on = today + timedelta(days=when[step])
            milestone.note = notes.get(step, "")
            if when[step] < -30:
                milestone.done_at = datetime.combine(milestone.due_on, time(15), tzinfo=UTC)
                milestone.done_by = staff[0]
        uow.commit()
