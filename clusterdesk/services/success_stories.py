"""Success stories (§4.6): a member's international success — with whom, where, worth how
much, which activity it came from — told in a few lines, from idea through draft and the
member's approval to published; a one-page PDF of each."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select

from ..domain.changes import Changes
from ..domain.countries import country_name
from ..domain.evaluations import StoryStatus
from ..domain.money import Money
from ..domain.text import search_fold, sort_key
from ..store.models import Activity, Member, SuccessStory
from .context import ServiceContext
from .dto import NamedRecord, clean_text, differences, like_terms
from .errors import ConflictError, ValidationError
from .records import load, set_deleted
from .search import SearchHit, searcher


@dataclass(frozen=True)
class StoryFilter:
    text: str = ""
    status: str | None = None
    deleted: bool = False


@dataclass(frozen=True)
class StoryInput:
    title: str
    member_id: uuid.UUID | None = None
    status: str = StoryStatus.IDEA.value
    partner: str = ""
    country: str | None = None
    value: Money | None = None
    activity_id: uuid.UUID | None = None
    happened_on: date | None = None
    published_on: date | None = None
    published_where: str = ""
    text: str = ""
    quote: str = ""
    quote_by: str = ""
    version: int = 0


@dataclass(frozen=True)
class StoryRow:
    id: uuid.UUID
    title: str
    status: str
    member_name: str
    partner: str
    country: str | None
    value: Money | None
    activity_name: str
    happened_on: date | None
    published_on: date | None

    @property
    def name(self) -> str:
        return self.title


@dataclass(frozen=True)
class StoryDetail:
    id: uuid.UUID
    data: StoryInput
    member_name: str
    activity_name: str
    updated_by: str
    deleted: bool


_FIELDS = ("title", "member_id", "status", "partner", "country", "activity_id", "happened_on",
           "published_on", "published_where", "text", "quote", "quote_by")


def _value(record: SuccessStory) -> Money | None:
    return Money.from_minor(record.value_minor, record.currency) if record.value_minor is not None else None


def _names(session, member_id, activity_id) -> tuple[str, str]:
    member = session.get(Member, member_id) if member_id else None
    activity = session.get(Activity, activity_id) if activity_id else None
    return member.name if member else "", activity.name if activity else ""


def story_row(record: SuccessStory, member: str | None, activity: str | None) -> StoryRow:
    return StoryRow(record.id, record.title, record.status, member or "", record.partner, record.country,
                    _value(record), activity or "", record.happened_on, record.published_on)


def story_query(*clauses):
    """Live (or, with a clause, binned) stories with their member's and activity's names."""
    return (select(SuccessStory, Member.name, Activity.name)
            .outerjoin(Member, Member.id == SuccessStory.member_id)
            .outerjoin(Activity, Activity.id == SuccessStory.activity_id)
            .where(*clauses).order_by(SuccessStory.sort_name))


def _query(f: StoryFilter):
    return story_query(
        SuccessStory.deleted_at.is_not(None) if f.deleted else SuccessStory.deleted_at.is_(None),
        *like_terms(SuccessStory.search_text, f.text),
        *([SuccessStory.status == f.status] if f.status else []))


def list_stories(ctx: ServiceContext, f: StoryFilter = StoryFilter()) -> list[StoryRow]:
    """Success stories matching the filter, by title."""
    with ctx.uow() as uow:
        rows = uow.session.execute(_query(f)).all()
        return [story_row(s, member, activity) for s, member, activity in rows]


def named_stories(ctx: ServiceContext) -> list[NamedRecord]:
    return [NamedRecord(r.id, r.title, f"{StoryStatus(r.status).label} · {r.member_name}")
            for r in list_stories(ctx)]


@searcher
def search_stories(ctx: ServiceContext, text: str, limit: int) -> list[SearchHit]:
    """Ctrl+K: success stories by title, member, partner, country or text."""
    with ctx.uow() as uow:
        rows = uow.session.execute(_query(StoryFilter(text)).limit(limit)).all()
        return [SearchHit("success_story", s.id, s.title,
                          " · ".join(p for p in ("Success story", member, StoryStatus(s.status).label) if p),
                          "evaluations") for s, member, _activity in rows]


def _detail(session, record: SuccessStory) -> StoryDetail:
    data = StoryInput(**{key: getattr(record, key) for key in _FIELDS}, value=_value(record),
                      version=record.version)
    member, activity = _names(session, record.member_id, record.activity_id)
    return StoryDetail(record.id, data, member, activity, record.updated_by, record.deleted_at is not None)


def get_story(ctx: ServiceContext, story_id: uuid.UUID) -> StoryDetail:
    with ctx.uow() as uow:
        return _detail(uow.session, load(uow.session, SuccessStory, story_id, "That success story"))


def validate_story(data: StoryInput, today: date) -> StoryInput:
    """Normalise what was typed; raise ValidationError naming each bad field."""
    errors: dict[str, str] = {}
    title = clean_text(data.title)
    if not title:
        errors["title"] = "A story needs a title, e.g. “Limfjord Membran wins its first Swedish utility”."
    if data.status not in {s.value for s in StoryStatus}:
        errors["status"] = f"“{data.status}” is not one of the choices."
    if data.value is not None and data.value.amount < 0:
        errors["value"] = "A value cannot be negative."
    if data.happened_on is not None and data.happened_on > today:
        errors["happened_on"] = "A success cannot have happened after today."
    published = data.status == StoryStatus.PUBLISHED.value
    if published and data.member_id is None:
        errors["member_id"] = "A published story is about a member; choose which."
    if published and not data.text.strip():
        errors["text"] = "A published story needs its text."
    if data.published_on is not None and not published:
        errors["published_on"] = "Only a published story has a publication date; set the status to Published."
    if data.published_on is not None and data.published_on > today:
        errors["published_on"] = "The publication date cannot be after today."
    if errors:
        raise ValidationError(errors)
    return replace(data, title=title, partner=clean_text(data.partner),
                   published_where=clean_text(data.published_where), text=data.text.strip(),
                   quote=data.quote.strip(), quote_by=clean_text(data.quote_by),
                   published_on=data.published_on or (today if published else None))


def _apply(session, record: SuccessStory, data: StoryInput) -> None:
    for key in _FIELDS:
        setattr(record, key, getattr(data, key))
    record.value_minor = data.value.minor if data.value else None
    record.currency = data.value.currency if data.value else record.currency or "DKK"
    member, activity = _names(session, data.member_id, data.activity_id)
    if data.member_id and not member:
        raise ValidationError({"member_id": "That member no longer exists."})
    if data.activity_id and not activity:
        raise ValidationError({"activity_id": "That activity no longer exists."})
    record.sort_name = sort_key(data.title)
    record.search_text = search_fold(" ".join(p for p in (
        data.title, member, data.partner, country_name(data.country), country_name(data.country, "da"),
        activity, StoryStatus(data.status).label, data.text, data.quote_by) if p))


def create_story(ctx: ServiceContext, data: StoryInput) -> tuple[StoryDetail, Changes]:
    data = validate_story(data, ctx.today())
    with ctx.uow() as uow:
        record = SuccessStory(id=uuid.uuid4(), title=data.title)
        uow.session.add(record)
        with uow.session.no_autoflush:
            _apply(uow.session, record, data)
        changes = uow.commit()
        return _detail(uow.session, record), changes


def update_story(ctx: ServiceContext, story_id: uuid.UUID, data: StoryInput) -> tuple[StoryDetail, Changes]:
    """Save the story editor; refused when someone else saved it meanwhile."""
    data = validate_story(data, ctx.today())
    with ctx.uow() as uow:
        record = load(uow.session, SuccessStory, story_id, "That success story", live=True)
        if record.version != data.version:
            theirs = _detail(uow.session, record).data
            raise ConflictError(f"Success story “{record.title}”",
                                differences(theirs, data, (*_FIELDS, "value")), record.updated_by)
        with uow.session.no_autoflush:
            _apply(uow.session, record, data)
        changes = uow.commit()
        return _detail(uow.session, record), changes


def delete_story(ctx: ServiceContext, story_id: uuid.UUID) -> Changes:
    return set_deleted(ctx, SuccessStory, story_id, ctx.now(), "That success story no longer exists.")


def restore_story(ctx: ServiceContext, story_id: uuid.UUID) -> Changes:
    return set_deleted(ctx, SuccessStory, story_id, None, "That success story no longer exists.")
