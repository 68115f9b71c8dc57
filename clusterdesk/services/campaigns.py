"""Visit and phone campaigns (handbook §1.1.1, §1.1.2): the campaign itself, its list of
members chosen with the member filters, and who calls whom."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from ..domain.campaigns import CampaignKind, Progress, TargetStatus, progress_of, round_robin
from ..domain.changes import Changes
from ..domain.text import search_fold, sort_key
from ..store.models import (
    AnswerSet,
    Campaign,
    CampaignTarget,
    Interaction,
    Member,
    Questionnaire,
    Tag,
)
from . import members as member_service
from .context import ServiceContext
from .errors import ConflictError, NotFound, ServiceError, ValidationError
from .plain import get_plain


@dataclass(frozen=True)
class CampaignInput:
    """What the campaign editor saves. `version` is the one loaded (0 for a new campaign)."""

    name: str
    kind: str = CampaignKind.PHONE.value
    questionnaire_id: uuid.UUID | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    notes: str = ""
    version: int = 0


@dataclass(frozen=True)
class CampaignRow:
    id: uuid.UUID
    name: str
    kind: str
    questionnaire_name: str
    starts_on: date | None
    ends_on: date | None
    progress: Progress
    mine: Progress  # the members assigned to the person at the keyboard


@dataclass(frozen=True)
class CampaignDetail:
    id: uuid.UUID
    data: CampaignInput
    questionnaire_name: str
    progress: Progress
    updated_by: str


@dataclass(frozen=True)
class TargetRow:
    id: uuid.UUID
    member_id: uuid.UUID
    member_name: str
    city: str
    orientation: str
    assigned_to: str
    status: str
    call_back_on: date | None
    attempts: int
    last_attempt_on: date | None
    last_attempt_by: str
    has_draft: bool


@dataclass(frozen=True)
class TargetSelection:
    """The member filters used to choose a campaign's members."""

    status: str | None = None
    orientation: str | None = None
    kind: str | None = None
    tag: str | None = None  # a sector or tag name
    city: str = ""
    text: str = ""


# --- campaigns --------------------------------------------------------------------------

def _live_targets():
    return (select(CampaignTarget.campaign_id, CampaignTarget.status, CampaignTarget.call_back_on,
                   CampaignTarget.assigned_to)
            .join(Member, Member.id == CampaignTarget.member_id)
            .where(CampaignTarget.deleted_at.is_(None), Member.deleted_at.is_(None)))


def list_campaigns(ctx: ServiceContext) -> list[CampaignRow]:
    """Every campaign with its progress, newest period first."""
    today = ctx.today()
    with ctx.workspace.engine.connect() as conn:
        campaigns = conn.execute(
            select(Campaign.id, Campaign.name, Campaign.kind, Questionnaire.name, Campaign.starts_on,
                   Campaign.ends_on)
            .outerjoin(Questionnaire, Questionnaire.id == Campaign.questionnaire_id)
            .where(Campaign.deleted_at.is_(None))).all()
        targets = conn.execute(_live_targets()).all()
    by_campaign: dict[uuid.UUID, list] = {}
    for row in targets:
        by_campaign.setdefault(row.campaign_id, []).append(row)
    rows = []
    for c in campaigns:
        mine = [(t.status, t.call_back_on) for t in by_campaign.get(c.id, ()) if t.assigned_to == ctx.actor]
        rows.append(CampaignRow(c.id, c.name, c.kind, c[3] or "", c.starts_on, c.ends_on,
                                progress_of(((t.status, t.call_back_on) for t in by_campaign.get(c.id, ())), today),
                                progress_of(mine, today)))
    return sorted(rows, key=lambda r: (-(r.starts_on or date.min).toordinal(), sort_key(r.name)))


def campaign_progress(session, campaign_id: uuid.UUID, today: date,
                      assigned_to: str | None = None) -> Progress:
    query = _live_targets().where(CampaignTarget.campaign_id == campaign_id)
    if assigned_to is not None:
        query = query.where(CampaignTarget.assigned_to == assigned_to)
    return progress_of(((r.status, r.call_back_on) for r in session.execute(query)), today)


def get_campaign(ctx: ServiceContext, campaign_id: uuid.UUID) -> CampaignDetail:
    with ctx.uow() as uow:
        return _detail(uow.session, load_campaign(uow.session, campaign_id), ctx.today())


def load_campaign(session, campaign_id: uuid.UUID) -> Campaign:
    campaign = session.get(Campaign, campaign_id)
    if campaign is None or campaign.deleted_at is not None:
        raise NotFound("That campaign no longer exists.")
    return campaign


def _detail(session, c: Campaign, today: date) -> CampaignDetail:
    questionnaire = session.get(Questionnaire, c.questionnaire_id) if c.questionnaire_id else None
    data = CampaignInput(c.name, c.kind, c.questionnaire_id, c.starts_on, c.ends_on, c.notes, c.version)
    return CampaignDetail(c.id, data, questionnaire.name if questionnaire else "",
                          campaign_progress(session, c.id, today), c.updated_by)


def _checked(session, data: CampaignInput) -> CampaignInput:
    errors: dict[str, str] = {}
    name = " ".join(data.name.split())
    if not name:
        errors["name"] = "A campaign needs a name."
    if data.kind not in {k.value for k in CampaignKind}:
        errors["kind"] = f"“{data.kind}” is not a kind of campaign."
    if data.starts_on and data.ends_on and data.ends_on < data.starts_on:
        errors["ends_on"] = "The campaign ends before it starts."
    questionnaire_id = data.questionnaire_id
    if questionnaire_id is not None:
        questionnaire = session.get(Questionnaire, questionnaire_id)
        if questionnaire is None or questionnaire.deleted_at is not None:
            errors["questionnaire"] = "That questionnaire no longer exists."
        elif questionnaire.superseded_at is not None:  # always ask the newest revision
            questionnaire_id = session.execute(
                select(Questionnaire.id).where(Questionnaire.family_id == questionnaire.family_id)
                .order_by(Questionnaire.revision.desc()).limit(1)).scalar_one()
    if errors:
        raise ValidationError(errors)
    return CampaignInput(name, data.kind, questionnaire_id, data.starts_on, data.ends_on,
                         data.notes.strip(), data.version)


def create_campaign(ctx: ServiceContext, data: CampaignInput) -> tuple[CampaignDetail, Changes]:
    """Start a visit or phone campaign (its members are added next)."""
    with ctx.uow() as uow:
        data = _checked(uow.session, data)
        campaign = Campaign(id=uuid.uuid4(), name=data.name, kind=data.kind,
                            questionnaire_id=data.questionnaire_id, starts_on=data.starts_on,
                            ends_on=data.ends_on, notes=data.notes)
        uow.session.add(campaign)
        changes = uow.commit()
        return _detail(uow.session, campaign, ctx.today()), changes


def update_campaign(ctx: ServiceContext, campaign_id: uuid.UUID,
                    data: CampaignInput) -> tuple[CampaignDetail, Changes]:
    """Save the campaign editor; its questionnaire cannot change once answers came in."""
    with ctx.uow() as uow:
        session = uow.session
        data = _checked(session, data)
        campaign = load_campaign(session, campaign_id)
        if campaign.version != data.version:
            raise ConflictError(f"Campaign “{campaign.name}”", {"name": (campaign.name, data.name)},
                                campaign.updated_by)
        if data.questionnaire_id != campaign.questionnaire_id and not _same_family(
                session, campaign.questionnaire_id, data.questionnaire_id):
            answered = session.execute(select(func.count()).select_from(AnswerSet).where(
                AnswerSet.campaign_id == campaign.id, AnswerSet.deleted_at.is_(None))).scalar_one()
            if answered:
                raise ValidationError({"questionnaire": (
                    f"The campaign already has {answered} answer set{'s' if answered != 1 else ''};"
                    " start a new campaign to ask another questionnaire.")})
        for key in ("name", "kind", "questionnaire_id", "starts_on", "ends_on", "notes"):
            setattr(campaign, key, getattr(data, key))
        changes = uow.commit()
        return _detail(session, campaign, ctx.today()), changes


def _same_family(session, a: uuid.UUID | None, b: uuid.UUID | None) -> bool:
    if a is None or b is None:
        return False
    families = set(session.scalars(select(Questionnaire.family_id).where(Questionnaire.id.in_([a, b]))))
    return len(families) == 1


def delete_campaign(ctx: ServiceContext, campaign_id: uuid.UUID) -> Changes:
    """Move a campaign to the bin; its logged calls and answers stay with the members."""
    with ctx.uow() as uow:
        load_campaign(uow.session, campaign_id).deleted_at = ctx.now()
        return uow.commit()


def restore_campaign(ctx: ServiceContext, campaign_id: uuid.UUID) -> Changes:
    with ctx.uow() as uow:
        campaign = uow.session.get(Campaign, campaign_id)
        if campaign is None:
            raise NotFound("That campaign no longer exists.")
        campaign.deleted_at = None
        return uow.commit()


# --- the member list --------------------------------------------------------------------

def campaign_targets(ctx: ServiceContext, campaign_id: uuid.UUID) -> list[TargetRow]:
    """The campaign's members with who calls them and how far it got, by name."""
    t = CampaignTarget
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(
            select(t.id, t.member_id, Member.name, Member.city, Member.international_orientation,
                   t.assigned_to, t.status, t.call_back_on, t.attempts, t.last_attempt_on,
                   t.last_attempt_by, t.draft.is_not(None))
            .join(Member, Member.id == t.member_id)
            .where(t.campaign_id == campaign_id, t.deleted_at.is_(None), Member.deleted_at.is_(None))
            .order_by(Member.sort_name)).all()
    return [TargetRow(*row[:11], bool(row[11])) for row in rows]


@dataclass(frozen=True)
class Matches:
    count: int
    rows: tuple[member_service.MemberRow, ...]  # by name, up to the limit asked for


def matching_members(ctx: ServiceContext, selection: TargetSelection, *,
                     limit: int | None = None) -> Matches:
    """The members the filters choose: the member list's own filtering in SQL; a city is
    matched exactly among the members whose text mentions it."""
    city = search_fold(selection.city)
    f = member_service.MemberFilter(text=f"{selection.text} {city}".strip(), status=selection.status,
                                    kind=selection.kind, orientation=selection.orientation,
                                    tag=selection.tag)
    if not city:
        return Matches(member_service.count_members(ctx, f),
                       tuple(member_service.member_page(ctx, f, limit=limit)))
    rows = [r for r in member_service.member_page(ctx, f, limit=None) if search_fold(r.city) == city]
    return Matches(len(rows), tuple(rows[:limit] if limit is not None else rows))


def add_matching(ctx: ServiceContext, campaign_id: uuid.UUID,
                 selection: TargetSelection) -> tuple[int, Changes]:
    """Put every member the filters choose on the campaign's list."""
    return add_targets(ctx, campaign_id, [r.id for r in matching_members(ctx, selection).rows])


def add_targets(ctx: ServiceContext, campaign_id: uuid.UUID,
                member_ids: Sequence[uuid.UUID]) -> tuple[int, Changes]:
    """Put members on the campaign's list; those already on it are left as they are."""
    with ctx.uow() as uow:
        session = uow.session
        load_campaign(session, campaign_id)
        existing = {t.member_id: t for t in session.scalars(
            select(CampaignTarget).where(CampaignTarget.campaign_id == campaign_id))}
        added = 0
        for member_id in dict.fromkeys(member_ids):
            target = existing.get(member_id)
            if target is None:
                session.add(CampaignTarget(id=uuid.uuid4(), campaign_id=campaign_id,
                                           member_id=member_id))
                added += 1
            elif target.deleted_at is not None:
                target.deleted_at = None
                added += 1
        return added, uow.commit()


def remove_targets(ctx: ServiceContext, campaign_id: uuid.UUID,
                   target_ids: Sequence[uuid.UUID]) -> Changes:
    """Take members off the list. Members already called stay: their outcome is history."""
    with ctx.uow() as uow:
        targets = _targets(uow.session, campaign_id, target_ids)
        called = [t for t in targets if t.attempts or t.status != TargetStatus.OPEN.value]
        if called:
            names = ", ".join(sorted(get_plain(uow.session, Member, t.member_id).name for t in called)[:3])
            raise ServiceError(f"{len(called)} of them were already called ({names}…) and stay on "
                               "the list; take off only members not yet called.")
        for target in targets:
            target.deleted_at = ctx.now()
        return uow.commit()


def _targets(session, campaign_id: uuid.UUID, target_ids: Sequence[uuid.UUID]) -> list[CampaignTarget]:
    load_campaign(session, campaign_id)
    targets = list(session.scalars(select(CampaignTarget).where(
        CampaignTarget.campaign_id == campaign_id, CampaignTarget.id.in_(list(target_ids)),
        CampaignTarget.deleted_at.is_(None))))
    if len(targets) != len(set(target_ids)):
        raise NotFound("Some of those members are no longer on the campaign's list.")
    return targets


def assign_targets(ctx: ServiceContext, campaign_id: uuid.UUID,
                   target_ids: Sequence[uuid.UUID], staff: str) -> Changes:
    """Give the chosen members to one person to call ('' = nobody yet)."""
    staff = " ".join(staff.split())
    with ctx.uow() as uow:
        for target in _targets(uow.session, campaign_id, target_ids):
            if target.assigned_to != staff:
                target.assigned_to = staff
        return uow.commit()


def assign_round_robin(ctx: ServiceContext, campaign_id: uuid.UUID, staff: Sequence[str], *,
                       only_unassigned: bool = True) -> tuple[int, Changes]:
    """Spread the members not yet finished over the staff in turn, evenly."""
    people = list(dict.fromkeys(" ".join(p.split()) for p in staff if p.strip()))
    if not people:
        raise ValidationError({"staff": "Choose at least one person to share the calls."})
    with ctx.uow() as uow:
        session = uow.session
        load_campaign(session, campaign_id)
        rows = session.execute(
            select(CampaignTarget, Member.sort_name)
            .join(Member, Member.id == CampaignTarget.member_id)
            .where(CampaignTarget.campaign_id == campaign_id, CampaignTarget.deleted_at.is_(None),
                   Member.deleted_at.is_(None))
            .order_by(Member.sort_name)).all()
        open_targets = [t for t, _ in rows if not TargetStatus(t.status).is_final]
        pending = [t for t in open_targets if not (only_unassigned and t.assigned_to)]
        load: dict[str, int] = {}
        for t in open_targets:
            if t not in pending and t.assigned_to:
                load[t.assigned_to] = load.get(t.assigned_to, 0) + 1
        plan = round_robin([t.id for t in pending], people, load)
        for target in pending:
            target.assigned_to = plan[target.id]
        return len(pending), uow.commit()


RECENT_INTERACTIONS = 5000


def known_staff(ctx: ServiceContext) -> list[str]:
    """The people who logged the latest interactions or have campaign calls, and you."""
    with ctx.workspace.engine.connect() as conn:
        # The newest interactions through the date index: fast however long the history is.
        names = set(conn.execute(select(Interaction.staff).order_by(Interaction.occurred_on.desc())
                                 .limit(RECENT_INTERACTIONS)).scalars())
        names |= set(conn.execute(select(CampaignTarget.assigned_to).distinct()).scalars())
    names.add(ctx.actor)
    return sorted((n for n in names if n and n.strip()), key=sort_key)


def member_labels(ctx: ServiceContext) -> list[tuple[str, str]]:
    """(kind, name) of every sector and tag, to choose members by."""
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(select(Tag.kind, Tag.name).where(Tag.deleted_at.is_(None))).all()
    return sorted(((r.kind, r.name) for r in rows), key=lambda r: (r[0] != "sector", sort_key(r[1])))


def member_cities(ctx: ServiceContext) -> list[str]:
    """The cities members are in, to choose members by."""
    with ctx.workspace.engine.connect() as conn:
        cities = conn.execute(select(Member.city).where(Member.deleted_at.is_(None), Member.city != "")
                              .distinct()).scalars()
        return sorted(cities, key=sort_key)
