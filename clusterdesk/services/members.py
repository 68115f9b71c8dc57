"""Member organisations: the filtered list, the editor's load and save, delete and restore."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import func, select

from ..domain.changes import Changes
from ..domain.countries import country_name
from ..domain.enums import InternationalOrientation, MemberKind, MemberStatus, SizeBand
from ..domain.text import search_fold, sort_key
from ..store.models import Interaction, Member, MemberMarket, Tag, member_tags
from .context import ServiceContext
from .dto import like_terms
from .errors import ConflictError, NotFound, ValidationError

# --- the list ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberFilter:
    text: str = ""
    status: str | None = None
    kind: str | None = None
    country: str | None = None
    orientation: str | None = None
    tag: str | None = None  # a tag or sector name
    deleted: bool = False  # True: show only the deleted ones (the bin)


@dataclass(frozen=True)
class MemberRow:
    id: uuid.UUID
    name: str
    kind: str
    city: str
    country: str | None
    status: str
    orientation: str
    member_since: date | None
    vat_number: str
    sectors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    last_interaction_on: date | None = None


SORTABLE = {
    "name": Member.sort_name,
    "kind": Member.kind,
    "city": Member.city,
    "country": Member.country,
    "status": Member.status,
    "orientation": Member.international_orientation,
    "member_since": Member.member_since,
    "vat_number": Member.vat_number,
}


def _where(f: MemberFilter):
    clauses = [Member.deleted_at.is_not(None) if f.deleted else Member.deleted_at.is_(None)]
    clauses += like_terms(Member.search_text, f.text)
    if f.status:
        clauses.append(Member.status == f.status)
    if f.kind:
        clauses.append(Member.kind == f.kind)
    if f.country:
        clauses.append(Member.country == f.country)
    if f.orientation:
        clauses.append(Member.international_orientation == f.orientation)
    if f.tag:
        tagged = (select(member_tags.c.member_id).join(Tag, Tag.id == member_tags.c.tag_id)
                  .where(Tag.name == f.tag))
        clauses.append(Member.id.in_(tagged))
    return clauses


def count_members(ctx: ServiceContext, f: MemberFilter = MemberFilter()) -> int:
    """How many members the filter matches."""
    with ctx.workspace.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(Member).where(*_where(f))).scalar_one()


def member_page(ctx: ServiceContext, f: MemberFilter = MemberFilter(), *, sort: str = "name",
                descending: bool = False, offset: int = 0, limit: int | None = 200) -> list[MemberRow]:
    """One page of the filtered, sorted member list (the list never loads all rows)."""
    column = SORTABLE.get(sort, Member.sort_name)
    order = [column.desc() if descending else column.asc(), Member.sort_name, Member.id]
    query = (select(Member.id, Member.name, Member.kind, Member.city, Member.country,
                    Member.status, Member.international_orientation, Member.member_since,
                    Member.vat_number)
             .where(*_where(f)).order_by(*order).offset(offset).limit(limit))
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(query).all()
        all_ids = [r.id for r in rows]
        labels: dict[uuid.UUID, dict[str, list[str]]] = {}
        last: dict[uuid.UUID, date] = {}
        for start in range(0, len(all_ids), 5000):  # keep IN lists within every driver's limit
            ids = all_ids[start:start + 5000]
            for member_id, kind, name in conn.execute(
                select(member_tags.c.member_id, Tag.kind, Tag.name)
                .join(Tag, Tag.id == member_tags.c.tag_id)
                .where(member_tags.c.member_id.in_(ids)).order_by(Tag.name)
            ):
                labels.setdefault(member_id, {}).setdefault(kind, []).append(name)
            last.update(conn.execute(
                select(Interaction.member_id, func.max(Interaction.occurred_on))
                .where(Interaction.member_id.in_(ids), Interaction.deleted_at.is_(None))
                .group_by(Interaction.member_id)
            ).all())
    return [
        MemberRow(r.id, r.name, r.kind, r.city, r.country, r.status,
                  r.international_orientation, r.member_since, r.vat_number,
                  tuple(labels.get(r.id, {}).get("sector", ())),
                  tuple(labels.get(r.id, {}).get("tag", ())), last.get(r.id))
        for r in rows
    ]


# --- one member ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberInput:
    """What the member editor saves. `version` is the one loaded (0 for a new member)."""

    name: str
    kind: str = MemberKind.SME.value
    size_band: str = SizeBand.UNKNOWN.value
    country: str | None = "DK"
    city: str = ""
    postcode: str = ""
    address: str = ""
    website: str = ""
    vat_number: str = ""
    member_since: date | None = None
    status: str = MemberStatus.ACTIVE.value
    international_orientation: str = InternationalOrientation.NONE.value
    notes: str = ""
    sectors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    markets: tuple[str, ...] = ()  # country codes of interest
    version: int = 0


@dataclass(frozen=True)
class MemberDetail:
    id: uuid.UUID
    data: MemberInput
    updated_by: str
    deleted: bool
    contact_count: int = 0
    extra: dict = field(default_factory=dict)


_FIELDS = ("name", "kind", "size_band", "country", "city", "postcode", "address", "website",
           "vat_number", "member_since", "status", "international_orientation", "notes")


def member_search_text(data: MemberInput) -> str:
    parts = [data.name, data.city, data.postcode, data.vat_number, data.website,
             country_name(data.country), country_name(data.country, "da"),
             *data.sectors, *data.tags]
    return search_fold(" ".join(p for p in parts if p))


def validate_member(data: MemberInput) -> MemberInput:
    """Normalise what was typed; raise ValidationError naming each bad field."""
    errors: dict[str, str] = {}
    name = " ".join(data.name.split())
    if not name:
        errors["name"] = "A member needs a name."
    for key, enum in (("kind", MemberKind), ("size_band", SizeBand), ("status", MemberStatus),
                      ("international_orientation", InternationalOrientation)):
        if getattr(data, key) not in {m.value for m in enum}:
            errors[key] = f"“{getattr(data, key)}” is not one of the choices."
    if errors:
        raise ValidationError(errors)
    clean = lambda items: tuple(dict.fromkeys(" ".join(i.split()) for i in items if i.strip()))  # noqa: E731
    return replace(data, name=name, city=data.city.strip(), vat_number=data.vat_number.strip(),
                   sectors=clean(data.sectors), tags=clean(data.tags),
                   markets=tuple(dict.fromkeys(m.upper() for m in data.markets if m)))


def _tags(session, kind: str, names: tuple[str, ...]) -> list[Tag]:
    if not names:
        return []
    # Tags made earlier in this transaction are not flushed yet; remember them per session.
    pending: dict[tuple[str, str], Tag] = session.info.setdefault("pending_tags", {})
    existing = {t.name.lower(): t for t in session.scalars(
        select(Tag).where(Tag.kind == kind, func.lower(Tag.name).in_([n.lower() for n in names])))}
    result = []
    for name in names:
        tag = existing.get(name.lower()) or pending.get((kind, name.lower()))
        if tag is None:
            tag = Tag(id=uuid.uuid4(), kind=kind, name=name)
            session.add(tag)
            pending[(kind, name.lower())] = tag
        result.append(tag)
    return result


def _apply(session, member: Member, data: MemberInput, today: date) -> None:
    with session.no_autoflush:
        _apply_fields(session, member, data, today)


def _apply_fields(session, member: Member, data: MemberInput, today: date) -> None:
    for key in _FIELDS:
        setattr(member, key, getattr(data, key))
    member.sort_name = sort_key(data.name)
    member.search_text = member_search_text(data)
    member.tags = _tags(session, "sector", data.sectors) + _tags(session, "tag", data.tags)
    wanted = set(data.markets)
    for market in list(member.markets):
        if market.source == "profile" and market.country not in wanted:
            member.markets.remove(market)
            session.delete(market)
    have = {m.country for m in member.markets if m.source == "profile"}
    for code in data.markets:
        if code not in have:
            member.markets.append(MemberMarket(country=code, source="profile", noted_on=today))


def _detail(member: Member) -> MemberDetail:
    data = MemberInput(
        **{key: getattr(member, key) for key in _FIELDS},
        sectors=tuple(t.name for t in member.tags if t.kind == "sector"),
        tags=tuple(t.name for t in member.tags if t.kind == "tag"),
        markets=tuple(sorted({m.country for m in member.markets if m.source == "profile"})),
        version=member.version,
    )
    live_contacts = [c for c in member.contacts if c.deleted_at is None]
    return MemberDetail(member.id, data, member.updated_by, member.deleted_at is not None,
                        len(live_contacts))


def get_member(ctx: ServiceContext, member_id: uuid.UUID) -> MemberDetail:
    with ctx.uow() as uow:
        member = uow.session.get(Member, member_id)
        if member is None:
            raise NotFound("That member no longer exists.")
        return _detail(member)


def create_member(ctx: ServiceContext, data: MemberInput) -> tuple[MemberDetail, Changes]:
    """Add a member organisation."""
    data = validate_member(data)
    with ctx.uow() as uow:
        member = add_member(uow.session, data, ctx.today())
        changes = uow.commit()
        return _detail(member), changes


def add_member(session, data: MemberInput, today: date) -> Member:
    """Add a validated member inside the caller's transaction (imports, demo, create)."""
    member = Member(id=uuid.uuid4(), name=data.name)
    _apply(session, member, data, today)
    session.add(member)
    return member


def update_member(ctx: ServiceContext, member_id: uuid.UUID,
                  data: MemberInput) -> tuple[MemberDetail, Changes]:
    """Save the editor; refuses to overwrite a newer version saved by someone else."""
    data = validate_member(data)
    with ctx.uow() as uow:
        member = uow.session.get(Member, member_id)
        if member is None:
            raise NotFound("That member no longer exists.")
        if member.version != data.version:
            theirs = _detail(member).data
            diffs = {k: (getattr(theirs, k), getattr(data, k)) for k in _FIELDS
                     if getattr(theirs, k) != getattr(data, k)}
            raise ConflictError(f"Member “{member.name}”", diffs, member.updated_by)
        _apply(uow.session, member, data, ctx.today())
        changes = uow.commit()
        return _detail(member), changes


def delete_member(ctx: ServiceContext, member_id: uuid.UUID) -> Changes:
    """Move a member to the bin (a tombstone; restore brings it back with everything)."""
    with ctx.uow() as uow:
        member = uow.session.get(Member, member_id)
        if member is None:
            raise NotFound("That member no longer exists.")
        member.deleted_at = ctx.now()
        return uow.commit()


def restore_member(ctx: ServiceContext, member_id: uuid.UUID) -> Changes:
    """Bring a deleted member back."""
    with ctx.uow() as uow:
        member = uow.session.get(Member, member_id)
        if member is None:
            raise NotFound("That member no longer exists.")
        member.deleted_at = None
        return uow.commit()
