"""The Today page: everything with a date that needs doing, from every part of the workspace,
and the five phases with the evidence the data gives.

Both are registries. A part of ClusterDesk that has dated work (funding deadlines, KPI
reviews, evaluations due, campaign call-backs) adds one `AgendaSource` to `SOURCES`; a part
whose data answers one of the handbook's phase questions adds one entry to `EVIDENCE`.
Functions are named "module:function" and imported when first used, so the parts never have
to import each other.
"""

from __future__ import annotations

import importlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from ..domain.changes import Changes
from ..domain.enums import InternationalOrientation
from ..domain.phases import PHASES, Phase
from ..store.models import CampaignTarget, Contact, Interaction, Member
from .context import ServiceContext
from .errors import NotFound

HORIZON_DAYS = 30
HEARD_KINDS = ("visit", "phone_call", "meeting")  # and survey answers, once surveys exist


@dataclass(frozen=True)
class AgendaItem:
    kind: str  # the source's kind: "follow-up", "checklist", "activity", …
    due: date
    title: str
    detail: str
    record_kind: str  # the table of the record a click opens
    record_id: uuid.UUID
    owner: str = ""
    member_id: uuid.UUID | None = None
    activity_id: uuid.UUID | None = None
    campaign_id: uuid.UUID | None = None
    # What the item belongs to when the title alone does not say (a checklist item's
    # activity): a calendar entry, read away from the app, names it.
    context: str = ""

    def is_overdue(self, today: date) -> bool:
        return self.due < today


@dataclass(frozen=True)
class AgendaSource:
    kind: str
    label: str  # what the Today page calls these items
    items: str  # "module:function" (ctx, until: date) -> list[AgendaItem]; overdue included
    complete: str = ""  # "module:function" (ctx, record_id) -> Changes; "" = cannot be ticked off
    # What ticking it off on Today records, when that is more than "done": the page says so
    # and offers to open the record (`opens`, e.g. "the call screen") instead.
    done_means: str = ""
    opens: str = ""
    noun: str = ""  # what one item is called ("Follow-up"), where a list names its kind


def _resolve(path: str) -> Callable:
    module, name = path.split(":")
    if module.startswith("."):
        module = __package__ + module
    return getattr(importlib.import_module(module), name)


# --- follow-ups of interactions (Phase 1) -------------------------------------------------


def _waiting_call_back():
    """The follow-up is a campaign call-back still waiting: Today shows it as the campaign's
    call-back (services/call_backs.py), not twice."""
    return (select(CampaignTarget.id).where(
        CampaignTarget.campaign_id == Interaction.campaign_id,
        CampaignTarget.member_id == Interaction.member_id,
        CampaignTarget.status == "call_back", CampaignTarget.deleted_at.is_(None))
        .correlate(Interaction).exists())


def follow_ups(ctx: ServiceContext, until: date) -> list[AgendaItem]:
    """Open follow-ups from interactions, overdue ones included, due by `until`."""
    query = (
        select(Interaction.id, Interaction.follow_up_on, Interaction.next_step, Interaction.staff,
               Interaction.kind, Interaction.member_id, Member.name, Contact.name)
        .join(Member, Member.id == Interaction.member_id)
        .outerjoin(Contact, Contact.id == Interaction.contact_id)
        .where(Interaction.follow_up_on.is_not(None), Interaction.follow_up_on <= until,
               Interaction.follow_up_done_at.is_(None), Interaction.deleted_at.is_(None),
               Member.deleted_at.is_(None), ~_waiting_call_back())
        .order_by(Interaction.follow_up_on, Member.sort_name)
    )
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(query).all()
    return [
        AgendaItem("follow-up", due, f"{member}: {step or 'follow up'}",
                   f"Contact: {contact}" if contact else "", "interactions", iid, staff, member_id)
        for iid, due, step, staff, _kind, member_id, member, contact in rows
    ]


def complete_follow_up(ctx: ServiceContext, interaction_id: uuid.UUID) -> Changes:
    """Mark a follow-up as done, recording who and when. The follow-up of a campaign call
    that asked for a call-back is the campaign's: ticking it off records the call-back."""
    from .call_backs import complete_call_back, pending_call_back

    target_id = pending_call_back(ctx, interaction_id)
    if target_id is not None:
        return complete_call_back(ctx, target_id)
    with ctx.uow() as uow:
        interaction = uow.session.get(Interaction, interaction_id)
        if interaction is None or interaction.deleted_at is not None:
            raise NotFound("That follow-up no longer exists.")
        interaction.follow_up_done_at = ctx.now()
        interaction.follow_up_done_by = ctx.actor
        return uow.commit()


SOURCES: tuple[AgendaSource, ...] = (
    AgendaSource("follow-up", "Follow-ups", ".today:follow_ups", ".today:complete_follow_up",
                 noun="Follow-up"),
    AgendaSource("call-back", "Campaign call-backs", ".call_backs:due_call_backs",
                 ".call_backs:complete_call_back",
                 done_means="Marking it done records the call-back in the campaign as a call "
                            "that went through, without answers. To record how the call went "
                            "and the answers, open the call screen instead.",
                 opens="the call screen"),
    AgendaSource("checklist", "Checklist items", ".checklists:due_items",
                 ".checklists:complete_agenda_item", noun="Checklist item"),
    AgendaSource("activity", "Activities starting", ".activities:activity_starts",
                 noun="Activity starts"),
    AgendaSource("funding-deadline", "Funding deadlines", ".funding_deadlines:deadline_items",
                 ".funding_deadlines:complete_deadline"),
    AgendaSource("evaluation", "Evaluations due", ".evaluations:evaluations_due",
                 ".evaluations:complete_evaluation"),
    AgendaSource("long-term-follow-up", "Long-term follow-ups due", ".evaluations:follow_ups_due",
                 ".evaluations:complete_follow_up"),
    AgendaSource("kpi-review", "KPI reviews due", ".kpi_reviews:reviews_due",
                 ".kpi_reviews:complete_review"),
    AgendaSource("sub-activity", "Action plan sub-activities", ".sub_activities:due_sub_activities",
                 ".sub_activities:complete_sub_activity"),
    AgendaSource("milestone", "Strategy wheel milestones", ".strategy_wheel:due_milestones",
                 ".strategy_wheel:complete_milestone"),
)


def agenda(ctx: ServiceContext, *, horizon_days: int = HORIZON_DAYS) -> list[AgendaItem]:
    """Every dated item the workspace knows of, overdue first, up to `horizon_days` ahead."""
    until = ctx.today() + timedelta(days=horizon_days)
    items: list[AgendaItem] = []
    for source in SOURCES:
        items.extend(_resolve(source.items)(ctx, until))
    # Stable: within a day, activities first, then each source's own order (checklist order).
    return sorted(items, key=lambda item: (item.due, item.kind != "activity"))


def kind_label(kind: str) -> str:
    """What an item of this kind is called on screen and in exports (never the code)."""
    for source in SOURCES:
        if source.kind == kind:
            return source.noun or source.label
    return kind.replace("-", " ").replace("_", " ").capitalize()


def can_complete(item: AgendaItem) -> bool:
    return any(s.kind == item.kind and s.complete for s in SOURCES)


def source_of(item: AgendaItem) -> AgendaSource | None:
    return next((s for s in SOURCES if s.kind == item.kind), None)


def complete_item(ctx: ServiceContext, item: AgendaItem) -> Changes:
    """Tick off an agenda item in the part it comes from (who and when recorded there)."""
    for source in SOURCES:
        if source.kind == item.kind and source.complete:
            return _resolve(source.complete)(ctx, item.record_id)
    raise NotFound(f"{item.title} cannot be ticked off here; open it instead.")


# --- the five phases and what the data says -------------------------------------------------


def count_members_heard(ctx: ServiceContext, until: date) -> tuple[int, int]:
    """(members with a visit, call or meeting in the twelve months up to `until`, members)."""
    since = until - timedelta(days=365)
    live = (Member.deleted_at.is_(None), Member.status != "former")
    with ctx.workspace.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(Member).where(*live)).scalar_one()
        heard = conn.execute(
            select(func.count(func.distinct(Interaction.member_id)))
            .join(Member, Member.id == Interaction.member_id)
            .where(*live, Interaction.deleted_at.is_(None), Interaction.occurred_on >= since,
                   Interaction.occurred_on <= until, Interaction.kind.in_(HEARD_KINDS))
        ).scalar_one()
    return heard, total


def members_heard(ctx: ServiceContext) -> str | None:
    """Members with a visit, call or meeting in the last twelve months (Phase 1)."""
    heard, total = count_members_heard(ctx, ctx.today())
    if not total:
        return None
    return f"{heard} of {total} members had a visit, call or meeting in the last 12 months."


def international_need(ctx: ServiceContext) -> str | None:
    """How many members have a latent or defined international need, or are active (Phase 1)."""
    query = (select(Member.international_orientation, func.count())
             .where(Member.deleted_at.is_(None), Member.status != "former")
             .group_by(Member.international_orientation))
    with ctx.workspace.engine.connect() as conn:
        counts = dict(conn.execute(query).all())
    if not counts:
        return None
    latent, defined, active = (counts.get(o.value, 0) for o in (
        InternationalOrientation.LATENT, InternationalOrientation.DEFINED, InternationalOrientation.ACTIVE))
    return (f"{latent} members with a latent international need, {defined} with a defined need, "
            f"{active} already active abroad.")


# (phase number, question number) → "module:function" (ctx) -> str | None
EVIDENCE: dict[tuple[int, int], str] = {
    (1, 1): ".today:members_heard",
    (1, 2): ".answers:relevance_evidence",
    (1, 3): ".today:international_need",
    (1, 4): ".markets:markets_analysed_evidence",
    (2, 1): ".finance_overview:readiness_evidence",
    (2, 2): ".finance_overview:funding_evidence",
    (2, 3): ".finance_overview:cooperation_evidence",
    (3, 1): ".strategy_wheel:process_evidence",
    (3, 2): ".strategy_wheel:involvement_evidence",
    (3, 3): ".strategy:document_evidence",
    (3, 4): ".strategy:overall_link_evidence",
    (3, 5): ".sub_activities:measurable_evidence",
    (3, 6): ".kpi_reviews:realism_evidence",
    (4, 1): ".partners:cooperation_evidence",
    (4, 2): ".activities:services_evidence",
    (4, 3): ".evaluations:measuring_evidence",
    (4, 4): ".evaluations:communication_evidence",
    (5, 1): ".partners:network_evidence",
}


@dataclass(frozen=True)
class PhaseQuestion:
    text: str
    evidence: str | None = None


@dataclass(frozen=True)
class PhaseOverview:
    phase: Phase
    questions: tuple[PhaseQuestion, ...]


def phase_overview(ctx: ServiceContext) -> list[PhaseOverview]:
    """The handbook's questions for each phase, with what the workspace's data says."""
    overview = []
    for phase in PHASES:
        questions = []
        for number, text in enumerate(phase.questions, start=1):
            source = EVIDENCE.get((phase.number, number))
            questions.append(PhaseQuestion(text, _resolve(source)(ctx) if source else None))
        overview.append(PhaseOverview(phase, tuple(questions)))
    return overview


# --- the calendar file ----------------------------------------------------------------------


@dataclass(frozen=True)
class CalendarEntry:
    """One all-day entry of the .ics export; `uid` stays the same across exports, so a
    re-import updates the entry instead of adding a second one."""

    uid: str
    summary: str
    starts_on: date
    ends_on: date  # the last day (inclusive)
    description: str = ""
    location: str = ""
    category: str = ""


def calendar_entries(ctx: ServiceContext, *, horizon_days: int = 365) -> list[CalendarEntry]:
    """Activities (from three months back) and every open dated item up to a year ahead,
    each titled so that it reads on its own in a calendar."""
    from ..domain.countries import country_name
    from ..domain.enums import ActivityKind
    from ..domain.formatting import format_date_range
    from .activities import calendar_activities

    entries = []
    for a in calendar_activities(ctx):
        where = ", ".join(p for p in (a.city, country_name(a.country)) if p)
        facts = [", ".join(p for p in (ActivityKind(a.kind).label,
                                       format_date_range(a.starts_on, a.ends_on), where) if p)]
        if a.responsible:
            facts.append(f"Responsible: {a.responsible}")
        if a.partners:
            facts.append(f"Partners: {', '.join(a.partners)}")
        if a.progress.total:
            facts.append(f"Checklist: {a.progress}" + (f", {a.overdue} overdue" if a.overdue else ""))
        entries.append(CalendarEntry(
            f"activity-{a.id}@clusterdesk", a.name, a.starts_on, a.ends_on or a.starts_on,
            "\n".join(facts), where, "Activity"))
    for item in agenda(ctx, horizon_days=horizon_days):
        if item.kind == "activity":
            continue  # the activity itself is already in the calendar
        source = source_of(item)
        title = item.title.rstrip(".")
        summary = f"{title} — {item.context}" if item.context else title
        detail = [line for line in (item.detail, f"Who: {item.owner}" if item.owner else "") if line]
        entries.append(CalendarEntry(f"{item.kind}-{item.record_id}@clusterdesk", summary,
                                     item.due, item.due, "\n".join(detail), "",
                                     source.label if source else item.kind))
    return entries
