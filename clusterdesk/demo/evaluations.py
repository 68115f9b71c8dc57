"""The demo's Phase 4 evaluations: the study trip to the Netherlands evaluated (answers from
most participants, outcomes with a contract in DKK and an order in EUR), an earlier study trip to
Sweden whose six-month follow-up falls due in two weeks, the international gearing of about
twenty members measured at the baseline and at mid-term, and two success stories — one
published, one a draft. Everything goes through the services, on the days it happened."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from ..domain.checklists import add_months
from ..domain.money import Money
from ..domain.questionnaires import AnswerValue
from ..services import (
    activities,
    answers,
    baseline_values,
    baselines,
    evaluations,
    outcomes,
    participants,
    partners,
)
from ..services import success_stories as stories
from ..services.members import MemberFilter, member_page
from ..store.workspace import Workspace
from .campaigns import _at

TRIP = "Study trip to the Netherlands – delta technology"
LEARNED = (
    "Seeing the Delfland test polder made the business case for our sensors concrete.",
    "The one-to-one meetings in Delft were worth the whole trip.",
    "How Dutch utilities buy: framework agreements, and a pilot first.",
    "That the water boards want data from the pipe, not a report.",
    "Our Dutch competitors are ahead on service contracts; we sell hardware only.",
    "A partner for the Dutch market is a must; the tenders are in Dutch.",
    "Which test sites accept foreign technology, and what a test costs.",
)
COMMENTS = ("More time for our own meetings, please.", "The bus transfers were long.",
            "A shared follow-up call with the Dutch cluster in a month would help.", "")
LEARNED_IN_MALMO = (
    "Malmö plans for cloudbursts street by street; our pumps fit their tender model.",
    "VA SYD buys through framework agreements renewed every four years.",
    "The Swedish cluster's test sites are open to Danish members.",
    "Nature-based solutions need sensors too: a market we had not seen.",
)
COMMENTS_IN_MALMO = ("One day more for own meetings would pay off.", "", "Good mix of visits and talks.", "")


def add_evaluations_demo(ws: Workspace, today: date, staff: tuple[str, ...], seed: int = 2026) -> None:
    """Add the evaluation demo data to a freshly built demo workspace."""
    rng = random.Random(seed + 8)
    ctx = _at(ws, staff[0], today)
    trip = next(r for r in activities.list_activities(ctx, activities.ActivityFilter(text=TRIP)))
    _evaluate_trip(ws, trip, today, staff, rng)
    sweden = _mission_to_sweden(ws, today, staff, rng)
    _baseline(ws, today, staff, rng)
    _stories(ws, trip, sweden, today, staff)


def _plan(ws, activity_id, day, staff, months: int = 6):
    """The built-in evaluation and follow-up questionnaires (the default plan), `months` after."""
    ctx = _at(ws, staff[0], day)
    plan = evaluations.get_evaluation(ctx, activity_id).plan
    return evaluations.save_plan(ctx, activity_id, replace(plan, follow_up_months=months))[0]


def _answer(ws, detail, people, day0: date, staff, rng, *, how_many: int,
            learned=LEARNED, comments=COMMENTS) -> None:
    """Evaluation answers from the first `how_many` participants who came, a few days apart."""
    for n, person in enumerate(people[:how_many]):
        day = day0 + timedelta(days=2 + n)
        ctx = _at(ws, staff[n % len(staff)], day)
        overall = rng.choice((4, 4, 5, 5, 3))
        values = {
            "purpose": AnswerValue(choices=(rng.choice(("meet_possible_customers", "find_partners_for_development",
                                                        "learn_about_the_market")),)),
            "programme_rating": AnswerValue(number=Decimal(rng.choice((3, 4, 4, 5)))),
            "visits_rating": AnswerValue(number=Decimal(rng.choice((4, 5, 5)))),
            "networking_rating": AnswerValue(number=Decimal(rng.choice((3, 4, 5)))),
            "organisation_rating": AnswerValue(number=Decimal(rng.choice((3, 4, 4, 5)))),
            "overall_rating": AnswerValue(number=Decimal(overall)),
            "again": AnswerValue(choices=("yes" if overall >= 4 else "considering",)),
            "learned": AnswerValue(text=learned[n % len(learned)]),
        }
        if comments[n % len(comments)]:
            values["comments"] = AnswerValue(text=comments[n % len(comments)])
        answers.save_answer_set(ctx, answers.AnswerSetInput(
            detail.questionnaire_id, person.member_id, person.contact_id, answered_on=day,
            source=rng.choice(("phone", "email", "web")), answers=values, activity_id=detail.id))


def _evaluate_trip(ws, trip, today, staff, rng) -> None:
    end = trip.ends_on or trip.starts_on
    detail = _plan(ws, trip.id, end - timedelta(days=20), staff)
    came = [p for p in detail.participants if p.status == "attended"]
    _answer(ws, detail, came, end, staff, rng, how_many=len(came) - 1)  # one still owes answers
    came.sort(key=lambda p: not p.member_name.endswith(("ApS", "A/S", "I/S", "IVS")))  # contracts go to companies
    ctx = _at(ws, staff[0], end + timedelta(days=40))
    contract, order, contacts, research, market, partner = came[:6]
    rows = [
        outcomes.OutcomeText(contract.member_name, "Contract", "", "Hoogheemraadschap van Delfland",
                             "Netherlands", "850.000", "DKK", _day(end + timedelta(days=38)),
                             "Membrane pilot at a polder pumping station; 18 months."),
        outcomes.OutcomeText(order.member_name, "Order", "", "Evides Industriewater", "NL",
                             "42.500", "EUR", _day(end + timedelta(days=31)), "Sensor kit for two plants."),
        outcomes.OutcomeText(order.member_name, "New partner", "", "Evides Industriewater", "NL"),
        outcomes.OutcomeText(contacts.member_name, "New contacts", "7", "", "NL"),
        outcomes.OutcomeText(research.member_name, "Research or innovation cooperation", "",
                             "TU Delft – Water Management", "NL", "", "", _day(end + timedelta(days=25)),
                             "Joint master thesis on sensor data from dikes."),
        outcomes.OutcomeText(market.member_name, "New market", "", "", "Netherlands"),
        outcomes.OutcomeText(partner.member_name, "New partner", "", "Aqua Nederland Innovatie", "NL"),
        outcomes.OutcomeText(partner.member_name, "New contacts", "3"),
    ]
    outcomes.save_outcomes(ctx, trip.id, [outcomes.OutcomeRowInput(r) for r in rows])


def _day(value: date) -> str:
    return value.strftime("%d-%m-%Y")


def _mission_to_sweden(ws, today, staff, rng):
    """A trip that ended almost six months ago: evaluated and closed; the follow-up is near."""
    last = add_months(today, -6) + timedelta(days=12)
    first = last - timedelta(days=2)
    ctx = _at(ws, staff[3], first - timedelta(days=90))
    skane = next(p.id for p in partners.list_partners(ctx) if "Skåne" in p.name)
    detail, _ = activities.create_activity(ctx, activities.ActivityInput(
        name="Study trip to Malmö – stormwater and cloudbursts", starts_on=first,
        ends_on=last, kind="study_trip", status="done", city="Malmö", country="SE",
        responsible=staff[3], action_plan="Action plan 2026: climate adaptation in the Nordics",
        budget=Money.of("95000", "DKK"), price=Money.of("3900", "DKK"), partner_ids=(skane,),
        description="Visits to Malmö's cloudburst projects and Vattenklustret's members; a "
                    "round table on nature-based solutions."))
    chosen = rng.sample(member_page(ctx, MemberFilter(status="active"), limit=None)[8:], 7)
    for member in chosen:
        row, _ = participants.add_participant(ctx, detail.id, member.id)
    people = participants.list_participants(ctx, detail.id)
    participants.set_participant_status(_at(ws, staff[3], last), [p.id for p in people[:6]], "attended")
    participants.set_participant_status(_at(ws, staff[3], last), [people[6].id], "no_show")
    evaluation = _plan(ws, detail.id, last, staff, months=6)
    came = [p for p in evaluation.participants if p.status == "attended"]
    _answer(ws, evaluation, came, last, staff, rng, how_many=4, learned=LEARNED_IN_MALMO,
            comments=COMMENTS_IN_MALMO)
    closing = _at(ws, staff[3], last + timedelta(days=21))
    evaluations.set_closed(closing, detail.id, "evaluation")  # two never answered; no more chasing
    outcomes.save_outcomes(closing, detail.id, [outcomes.OutcomeRowInput(outcomes.OutcomeText(
        came[0].member_name, "New partner", "", "VA SYD", "Sweden")), outcomes.OutcomeRowInput(
        outcomes.OutcomeText(came[1].member_name, "New market", "", "", "Sweden"))])
    return detail


def _baseline(ws, today, staff, rng) -> None:
    start = today - timedelta(days=540)
    ctx = _at(ws, staff[0], start - timedelta(days=7))
    gearing, _ = baselines.create_example_set(ctx)
    indicators = gearing.data.indicators
    members = rng.sample(member_page(ctx, MemberFilter(status="active"), limit=None), 21)
    base, _ = baselines.create_round(ctx, gearing.id, baselines.RoundInput(
        "Baseline", start, "baseline", "Phone interviews with 21 members, same questions for all."))
    mid_day = today - timedelta(days=60)
    mid_ctx = _at(ws, staff[2], mid_day)
    mid, _ = baselines.create_round(mid_ctx, gearing.id, baselines.RoundInput(
        "Mid-term", mid_day, "mid_term", "The same members asked again; one did not answer."))
    first, second = [], []
    for n, member in enumerate(members):
        level = {"none": 1, "latent": 1, "defined": 2, "active": 3}.get(member.orientation, 2)
        values = [min(5, max(1, level + rng.choice((-1, 0, 0, 1)))) for _ in range(3)]
        agreements = rng.choice((0, 0, 1, 1, 2, 3)) + (level - 1)
        first.append(baselines.MemberValuesInput(member.id, {
            i.id: str(v) for i, v in zip(indicators, [*values, agreements], strict=True)}))
        if n == len(members) - 1:
            continue  # did not answer at mid-term
        grown = [min(5, v + rng.choice((0, 0, 1, 1))) for v in values]
        second.append(baselines.MemberValuesInput(member.id, {
            i.id: str(v) for i, v in zip(indicators, [*grown, agreements + rng.choice((0, 1, 1, 2))],
                                         strict=True)}))
    baseline_values.save_round_values(ctx, base.id, first)
    baseline_values.save_round_values(mid_ctx, mid.id, second)


def _spokesperson(ctx, member_id) -> str:
    people = answers.member_contacts(ctx, member_id)
    return f"{people[0].name}, {people[0].role}" if people else ""


def _stories(ws, trip, sweden, today, staff) -> None:
    end = trip.ends_on or trip.starts_on
    ctx = _at(ws, staff[0], end + timedelta(days=55))
    lines = outcomes.list_outcomes(ctx, trip.id)
    contract = next(o for o in lines if o.kind == "contract")
    order = next(o for o in lines if o.kind == "order")
    stories.create_story(ctx, stories.StoryInput(
        title=f"{contract.member_name} takes its membranes to the Dutch polders",
        member_id=contract.member_id, status="published", partner=contract.partner, country="NL",
        value=contract.value, activity_id=trip.id, happened_on=contract.occurred_on,
        published_on=end + timedelta(days=52), published_where="AquaNord newsletter and LinkedIn",
        text=("On the cluster's study trip to Rotterdam and Delft, the company met the water "
              "board that looks after the polders south of The Hague. A site visit turned into "
              "a conversation about cleaning the water pumped out of the polders before it "
              "reaches the canals.\n\n"
              "Six weeks later the two signed an agreement for an 18-month pilot at one of the "
              "pumping stations, worth 850,000 DKK. Aqua Nederland Innovatie, the cluster's "
              "Dutch partner, helped with the introductions and with the water board's rules "
              "for pilots.\n\n"
              "For the cluster it shows what a study trip can lead to when the participants come "
              "prepared with a clear offer, and when a partner abroad opens the right doors."),
        quote="We had tried to get a meeting with a Dutch water board for two years. The trip "
              "gave us one in a morning.",
        quote_by=_spokesperson(ctx, contract.member_id)))
    stories.create_story(ctx, stories.StoryInput(
        title=f"First Dutch order for {order.member_name}", member_id=order.member_id, status="draft",
        partner=order.partner, country="NL", value=order.value, activity_id=trip.id,
        happened_on=order.occurred_on,
        text=("A sensor kit for two industrial water plants, ordered after the meetings in Delft. "
              "To be written up once the member has seen the draft.")))
    stories.create_story(_at(ws, staff[3], sweden.data.ends_on + timedelta(days=30)), stories.StoryInput(
        title="A Swedish utility as partner for cloudburst planning", status="idea",
        partner="VA SYD", country="SE", activity_id=sweden.id,
        text="Ask at the six-month follow-up whether the cooperation has started."))
