"""Member organisations: the editor's load and save (validated), delete and restore."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import func, select

from ..domain import indexing
from ..domain.changes import Changes
from ..domain.countries import is_country_code
from ..domain.enums import InternationalOrientation, MemberKind, MemberStatus, SizeBand
from ..domain.text import sort_key
from ..domain.validation import (
    InvalidValue,
    normalise_vat_number,
    normalise_website,
)
from ..store.models import Member, MemberMarket, Tag
from .context import ServiceContext
from .errors import ConflictError, ValidationError

# The list (filters, rows, pages) lives in member_list; these names stay part of this
# module's interface for the rest of the program.
from .member_list import (  # noqa: F401
    SORTABLE,
    FilterChoices,
    MemberFilter,
    MemberRow,
    count_members,
    filter_choices,
    member_page,
)
from .records import load

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
    # Markets of interest that came from survey or campaign answers: (country, source).
    answered_markets: tuple[tuple[str, str], ...] = ()


_FIELDS = ("name", "kind", "size_band", "country", "city", "postcode", "address", "website",
           "vat_number", "member_since", "status", "international_orientation", "notes")


def index_member(member: Member, data: MemberInput) -> None:
    """Set the columns the list searches and sorts by from what the member holds."""
    member.sort_name = sort_key(data.name)
    member.search_text = indexing.member_search_text(
        data.name, data.city, data.postcode, data.vat_number, data.website, data.country,
        data.sectors, data.tags)
    member.sector_sort = indexing.first_label_key(data.sectors)
    member.tag_sort = indexing.first_label_key(data.tags)


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
    country = (data.country or "").strip().upper() or None
    if country and not is_country_code(country):
        errors["country"] = f"“{data.country}” is not a country code."
    markets = tuple(dict.fromkeys(m.strip().upper() for m in data.markets if m.strip()))
    unknown = [m for m in markets if not is_country_code(m)]
    if unknown:
        errors["markets"] = "not a country: " + ", ".join(f"“{m}”" for m in unknown)
    website = vat_number = ""
    try:
        website = normalise_website(data.website)
    except InvalidValue as exc:
        errors["website"] = str(exc)
    try:
        vat_number = normalise_vat_number(data.vat_number, country)
    except InvalidValue as exc:
        errors["vat_number"] = str(exc)
    if errors:
        raise ValidationError(errors)
    clean = lambda items: tuple(dict.fromkeys(" ".join(i.split()) for i in items if i.strip()))  # noqa: E731
    return replace(data, name=name, city=" ".join(data.city.split()), country=country,
                   postcode=data.postcode.strip(), address=data.address.strip(),
                   website=website, vat_number=vat_number,
                   sectors=clean(data.sectors), tags=clean(data.tags), markets=markets)


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


def apply_member_input(session, member: Member, data: MemberInput, today: date) -> None:
    """Write a validated MemberInput onto a member inside the caller's transaction."""
    with session.no_autoflush:
        _apply_fields(session, member, data, today)


def _apply_fields(session, member: Member, data: MemberInput, today: date) -> None:
    for key in _FIELDS:
        setattr(member, key, getattr(data, key))
    index_member(member, data)
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


def member_detail(member: Member) -> MemberDetail:
    """The editor's view of a loaded member."""
    data = MemberInput(
        **{key: getattr(member, key) for key in _FIELDS},
        sectors=tuple(t.name for t in member.tags if t.kind == "sector"),
        tags=tuple(t.name for t in member.tags if t.kind == "tag"),
        markets=tuple(sorted({m.country for m in member.markets if m.source == "profile"})),
        version=member.version,
    )
    live_contacts = [c for c in member.contacts if c.deleted_at is None]
    answered = tuple(sorted({(m.country, m.source) for m in member.markets
                             if m.source != "profile" and m.deleted_at is None}))
    return MemberDetail(member.id, data, member.updated_by, member.deleted_at is not None,
                        len(live_contacts), answered_markets=answered)


def get_member(ctx: ServiceContext, member_id: uuid.UUID) -> MemberDetail:
    with ctx.uow() as uow:
        member = load(uow.session, Member, member_id, "That member")
        return member_detail(member)


def create_member(ctx: ServiceContext, data: MemberInput) -> tuple[MemberDetail, Changes]:
    """Add a member organisation."""
    data = validate_member(data)
    with ctx.uow() as uow:
        member = add_member(uow.session, data, ctx.today())
        changes = uow.commit()
        return member_detail(member), changes


def add_member(session, data: MemberInput, today: date) -> Member:
    """Add a validated member inside the caller's transaction (imports, demo, create)."""
    member = Member(id=uuid.uuid4(), name=data.name)
    apply_member_input(session, member, data, today)
    session.add(member)
    return member


def update_member(ctx: ServiceContext, member_id: uuid.UUID,
                  data: MemberInput) -> tuple[MemberDetail, Changes]:
    """Save the editor; refuses to overwrite a newer version saved by someone else."""
    data = validate_member(data)
    with ctx.uow() as uow:
        member = load(uow.session, Member, member_id, "That member")
        if member.version != data.version:
            theirs = member_detail(member).data
            diffs = {k: (getattr(theirs, k), getattr(data, k)) for k in _FIELDS
                     if getattr(theirs, k) != getattr(data, k)}
            raise ConflictError(f"Member “{member.name}”", diffs, member.updated_by)
        apply_member_input(uow.session, member, data, ctx.today())
        changes = uow.commit()
        return member_detail(member), changes


def delete_member(ctx: ServiceContext, member_id: uuid.UUID) -> Changes:
    """Move a member to the bin (a tombstone; restore brings it back with everything)."""
    with ctx.uow() as uow:
        member = load(uow.session, Member, member_id, "That member")
        member.deleted_at = ctx.now()
        return uow.commit()


def restore_member(ctx: ServiceContext, member_id: uuid.UUID) -> Changes:
    """Bring a deleted member back."""
    with ctx.uow() as uow:
        member = load(uow.session, Member, member_id, "That member")
        member.deleted_at = None
        return uow.commit()


def named_members(ctx: ServiceContext) -> list:
    """Every member as the command line lists and finds it (id, name, city)."""
    from .dto import NamedRecord

    query = (select(Member.id, Member.name, Member.city).where(Member.deleted_at.is_(None))
             .order_by(Member.sort_name))
    with ctx.workspace.engine.connect() as conn:
        return [NamedRecord(r.id, r.name, r.city) for r in conn.execute(query)]
