"""Demo data for questionnaires, campaigns and markets: the built-in questionnaires, this
year's phone campaign about half done (answers, declines, call-backs due), the member needs
survey answered by some members, three market analyses and two target markets.

Everything goes through the services, as if the staff had typed it on the days it happened.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from ..domain.questionnaires import AnswerValue
from ..services import answers, call_card, calls, campaigns, markets, surveys
from ..services.context import ServiceContext
from ..services.members import MemberFilter, member_page
from ..store.workspace import Workspace

CAMPAIGN_NAME = "Annual member calls {year}"
PRIORITIES = (
    "Find a distributor in {market}", "Get our pilot plant tested with a utility",
    "Hire an export manager", "Apply for Innovation Fund support", "Certify the product for {market}",
    "Meet utilities in {market} at the next fair", "Grow the service business at home first",
)
NOTES = ("Busy season; keep it short next time.", "Wants the market report on {market}.",
         "New CEO since the summer.", "", "", "")
STEP_UP = {"none": "latent", "latent": "defined", "defined": "active", "active": "active"}


def _at(workspace: Workspace, actor: str, day: date) -> ServiceContext:
    moment = datetime.combine(day, time(10, 30), tzinfo=UTC)
    return ServiceContext(workspace, actor, clock=lambda: moment)


def add_campaigns_demo(workspace: Workspace, today: date, staff: tuple[str, ...],
                       seed: int = 2026) -> None:
    """Add the campaign, survey and market demo data to a freshly built demo workspace."""
    rng = random.Random(seed)
    setup = _at(workspace, staff[0], today - timedelta(days=30))
    installed = {t.key: surveys.install_template(setup, t.key)[0] for t in surveys.builtin_templates()}
    active = member_page(setup, MemberFilter(status="active"), limit=None)
    profile = {m.id: m for m in active}
    _needs_survey(workspace, installed["member-needs-survey"], active[::3], today, staff, rng)
    _phone_campaign(workspace, installed["phone-campaign"], active, profile, today, staff, rng)
    _markets(workspace, today, staff)


def _choices(questionnaire) -> dict[str, tuple[str, ...]]:
    return {q.key: tuple(c.key for c in q.choices) for q in questionnaire.data.questions}


def _needs_survey(workspace, survey, respondents, today, staff, rng) -> None:
    choices = _choices(survey)
    for n, member in enumerate(respondents):
        day = today - timedelta(days=rng.randint(20, 70))
        ctx = _at(workspace, staff[n % len(staff)], day)
        focus = {"none": "no", "latent": "considering"}.get(member.orientation, "yes")
        markets_ = tuple(rng.sample(("DE", "SE", "NO", "NL", "PL", "GB", "US", "CN", "IN"),
                                    {"none": 0, "latent": 1}.get(member.orientation, 2)))
        values = {
            "intl_focus": AnswerValue(choices=(focus,)),
            "wishes": AnswerValue(choices=tuple(rng.sample(choices["wishes"], rng.randint(1, 4)))),
            "barriers": AnswerValue(choices=tuple(rng.sample(choices["barriers"][:4], rng.randint(1, 2)))),
            "importance": AnswerValue(number=Decimal(rng.choice((2, 3, 4, 4, 5, 5)))),
        }
        if markets_ or rng.random() < 0.2:
            values["markets"] = AnswerValue(choices=markets_,
                                            other=rng.choice(("", "", "", "Japan", "Canada")))
        if rng.random() < 0.3:
            values["comments"] = AnswerValue(text=rng.choice((
                "A study trip to Hamburg Wasser would be great.",
                "Please repeat the matchmaking day at the fair.",
                "More help with EU applications, please.")))
        answers.save_answer_set(ctx, answers.AnswerSetInput(
            survey.id, member.id, answered_on=day, source=rng.choice(("email", "web", "web")),
            answers=values))


def _phone_campaign(workspace, questionnaire, active, profile, today, staff, rng) -> None:
    start = today - timedelta(days=9)
    setup = _at(workspace, staff[0], start - timedelta(days=5))
    campaign, _ = campaigns.create_campaign(setup, campaigns.CampaignInput(
        CAMPAIGN_NAME.format(year=today.year), questionnaire_id=questionnaire.id, starts_on=start,
        ends_on=today + timedelta(days=12),
        notes="The whole secretariat calls every active member in these three weeks (handbook "
              "§1.1.2). Ask the questionnaire, note needs, book call-backs."))
    campaigns.add_targets(setup, campaign.id, [m.id for m in active])
    campaigns.assign_round_robin(setup, campaign.id, list(staff))
    targets = campaigns.campaign_targets(setup, campaign.id)
    help_keys = _choices(questionnaire)["help_wanted"]
    rng.shuffle(targets)
    for n, target in enumerate(targets[: len(targets) // 2 + 2]):
        day = start + timedelta(days=n % 9)
        ctx = _at(workspace, target.assigned_to, day)
        card = call_card.call_card(ctx, target.id)
        roll = rng.random()
        if n < 4:  # a few call-backs that are due by now
            outcome, back = "call_back", day + timedelta(days=rng.randint(0, 3))
            back = min(back, today)
            if back < day:
                back = day
        elif roll < 0.08:
            outcome, back = "call_back", today + timedelta(days=rng.randint(1, 6))
        elif roll < 0.15:
            outcome, back = "no_answer", None
        elif roll < 0.21:
            outcome, back = "declined", None
        else:
            outcome, back = "done", None
        values = _call_answers(profile[card.member_id], help_keys, rng) if outcome == "done" else {}
        contact = card.contacts[0].id if card.contacts and outcome != "no_answer" else None
        market = next(iter(values.get("markets", AnswerValue()).choices), "DE")
        calls.record_call(ctx, calls.CallInput(
            card.target_id, card.target_version, outcome, contact_id=contact, answers=values,
            notes=rng.choice(NOTES).format(market=_name(market)) if outcome == "done" else "",
            call_back_on=back, update_orientation=rng.random() < 0.5))


def _name(code: str) -> str:
    from ..domain.countries import country_name

    return country_name(code)


def _call_answers(member, help_keys, rng: random.Random) -> dict[str, AnswerValue]:
    orientation = member.orientation if rng.random() < 0.75 else STEP_UP[member.orientation]
    markets_ = tuple(m for m in ("DE", "SE", "NO", "NL", "PL", "GB", "US", "CN")
                     if rng.random() < {"none": 0.02, "latent": 0.12}.get(orientation, 0.25))
    values = {
        "satisfaction": AnswerValue(number=Decimal(rng.choice((3, 4, 4, 4, 5, 5, 2)))),
        "intl_status": AnswerValue(choices=(orientation,)),
        "help_wanted": AnswerValue(choices=tuple(rng.sample(help_keys, rng.randint(1, 3)))),
        "trip_interest": AnswerValue(choices=(rng.choice(("yes", "no", "considering", "considering")),)),
        "employees": AnswerValue(number=Decimal(rng.choice((4, 8, 12, 25, 40, 65, 120, 300)))),
        "priorities": AnswerValue(text=rng.choice(PRIORITIES).format(
            market=_name(markets_[0]) if markets_ else "Germany")),
    }
    if markets_:
        values["markets"] = AnswerValue(choices=markets_, other=rng.choice(("", "", "", "", "Japan")))
    return values


def _markets(workspace, today, staff) -> None:
    ctx = _at(workspace, staff[0], today - timedelta(days=14))
    markets.create_analysis(ctx, markets.AnalysisInput(
        "German municipal utilities: who buys water technology", country="DE",
        source="desk_research", prepared_by=staff[0], made_on=today - timedelta(days=210),
        attractiveness=4, document_link="https://www.aquanord.example/reports/de-utilities.pdf",
        notes="Built on the embassy's market report and the German invest agency's sector "
              "overview. About 900 utilities; procurement through tenders; a local partner helps."))
    markets.create_analysis(ctx, markets.AnalysisInput(
        "Water treatment for Norwegian aquaculture", country="NO", source="students",
        prepared_by="Master's students, Aalborg University", made_on=today - timedelta(days=120),
        attractiveness=4, document_link="https://www.aquanord.example/reports/no-aquaculture.pdf",
        notes="Recirculation plants are growing fast; buyers value test data from Danish sites."))
    markets.create_analysis(ctx, markets.AnalysisInput(
        "Smart water metering", market_kind="technology", technology="Smart water metering",
        country="NL", source="sector_association", prepared_by="Danish Water Technology Association",
        made_on=today - timedelta(days=60), attractiveness=3,
        notes="Dutch utilities replace meters from 2027; strong local suppliers."))
    markets.mark_target_market(ctx, markets.TargetMarketInput(
        "DE", "The nearest large market; the utility analysis rates it 4 of 5 and utilities buy "
        "through open tenders.",
        today - timedelta(days=45), "Board meeting"))
    markets.mark_target_market(ctx, markets.TargetMarketInput(
        "NO", "Aquaculture members want it; the students' analysis rates it 4 of 5.",
        today - timedelta(days=45), "Board meeting"))
