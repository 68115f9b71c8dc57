"""The member list: filters (typed text, status, kind, orientation, country, sector or tag,
the bin), its rows and its pages — read in SQL, so a list of 100,000 members never loads."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sqlalchemy import case, func, literal_column, or_, select

from ..domain.countries import country_name
from ..domain.enums import SizeBand
from ..domain.text import sort_key, terms_narrow
from ..domain.validation import format_phone
from ..store.models import Contact, Member, Tag, member_tags
from .context import ServiceContext
from .dto import like_terms

_CHUNK = 5000

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

    CRITERIA = ("text", "status", "kind", "country", "orientation", "tag")

    def criteria(self) -> dict[str, str]:
        """What a saved filter stores: the criteria that are set (never the bin)."""
        return {key: getattr(self, key) for key in self.CRITERIA if getattr(self, key)}

    def narrows(self, other: MemberFilter) -> bool:
        """True when every member this filter matches is matched by `other` too — as when
        a letter is typed, or a menu set, on top of `other`."""
        if self.deleted != other.deleted:
            return False
        for key in ("status", "kind", "country", "orientation", "tag"):
            theirs = getattr(other, key)
            if theirs and getattr(self, key) != theirs:
                return False
        return terms_narrow(self.text, other.text)

    @classmethod
    def from_criteria(cls, criteria: dict) -> MemberFilter:
        """A filter from saved criteria; keys a newer version may have added are ignored."""
        return cls(**{key: str(criteria[key]) for key in cls.CRITERIA if criteria.get(key)})


@dataclass(frozen=True)
class FilterChoices:
    """The values the list's filter menus offer: only those some member has."""

    countries: tuple[str, ...]
    sectors: tuple[str, ...]
    tags: tuple[str, ...]


def filter_choices(ctx: ServiceContext) -> FilterChoices:
    """Countries, sectors and tags in use by members that are not in the bin."""
    with ctx.workspace.engine.connect() as conn:
        countries = conn.execute(
            select(Member.country).where(Member.deleted_at.is_(None), Member.country.is_not(None))
            .distinct()).scalars().all()
        labels = conn.execute(
            select(Tag.kind, Tag.name).where(Tag.id.in_(select(member_tags.c.tag_id)))
            .order_by(Tag.name)).all()
    return FilterChoices(
        tuple(sorted(countries, key=country_name)),
        tuple(name for kind, name in labels if kind == "sector"),
        tuple(name for kind, name in labels if kind == "tag"))


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
    size_band: str = SizeBand.UNKNOWN.value
    postcode: str = ""
    website: str = ""
    primary_contact: str = ""
    primary_phone: str = ""  # international format, e.g. +45 22 33 44 55
    primary_email: str = ""


SORTABLE = {
    "name": Member.sort_name,
    "kind": Member.kind,
    "city": Member.city,
    "postcode": Member.postcode,
    "country": Member.country,
    "status": Member.status,
    "orientation": Member.international_orientation,
    "size_band": Member.size_band,
    "member_since": Member.member_since,
    "vat_number": Member.vat_number,
    "website": Member.website,
    "last_interaction_on": Member.last_contact_on,
    "sectors": Member.sector_sort,
    "tags": Member.tag_sort,
}
# Sorted with the empty ones last either way (as a spreadsheet does); a missing last
# contact is the oldest one instead: "who haven't we talked to the longest" starts with
# those never contacted.
_BLANK_LAST = {"city", "postcode", "website", "vat_number", "sectors", "tags", "member_since"}


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


def _row_key(ctx: ServiceContext):
    """The cheapest stable key of a member row: SQLite's rowid, which every index carries
    (so ordering and listing keys never touch the table); the id elsewhere."""
    if ctx.workspace.engine.dialect.name == "sqlite":
        return literal_column("members.rowid")
    return Member.id


def _order(ctx: ServiceContext, sort: str, descending: bool) -> list:
    """The list order, ties broken the same way every time.

    By name on SQLite, the order is a prefix of ix_members_list_scan, so the list streams
    from the index without sorting; the index's own order (its other columns, then the
    rowid every SQLite index entry ends with) breaks the remaining ties. Any other order
    sorts anyway and ends with the row key.
    """
    column = SORTABLE.get(sort, Member.sort_name)
    if column is Member.sort_name and ctx.workspace.engine.dialect.name == "sqlite":
        terms = [Member.sort_name, Member.deleted_at]
    else:
        terms = [*([] if column is Member.sort_name else [column]), Member.sort_name, _row_key(ctx)]
    ordered = [t.desc() if descending else t.asc() for t in terms]
    if column is Member.last_contact_on:
        ordered[0] = ordered[0].nulls_last() if descending else ordered[0].nulls_first()
    elif sort in _BLANK_LAST:
        blank = or_(column.is_(None), column == "") if column.type.python_type is str else column.is_(None)
        ordered.insert(0, case((blank, 1), else_=0).asc())
    return ordered


_PAGE_COLUMNS = (Member.id, Member.name, Member.sort_name, Member.kind, Member.city,
                 Member.country, Member.status, Member.international_orientation,
                 Member.member_since, Member.vat_number, Member.size_band, Member.postcode,
                 Member.website, Member.last_contact_on)
_UNIT, _RECORD = "\x1f", "\x1e"  # separators that never occur in typed names


def _read_rows(ctx: ServiceContext, chosen) -> list:
    """The members `chosen` selects (a subquery), each with its tags and primary contact
    looked up by an index — only for these rows, in the same query."""
    labels = (select(func.aggregate_strings(Tag.kind + _UNIT + Tag.name, _RECORD))
              .select_from(member_tags).join(Tag, Tag.id == member_tags.c.tag_id)
              .where(member_tags.c.member_id == chosen.c.id).scalar_subquery())
    primary = (select(Contact.name + _UNIT + Contact.phone + _UNIT + Contact.phone_e164
                      + _UNIT + Contact.email)
               .where(Contact.member_id == chosen.c.id, Contact.is_primary,
                      Contact.deleted_at.is_(None))
               .order_by(Contact.created_at).limit(1).scalar_subquery())
    query = select(chosen, labels.label("labels"), primary.label("primary"))
    with ctx.workspace.engine.connect() as conn:
        return conn.execute(query).all()


def member_page(ctx: ServiceContext, f: MemberFilter = MemberFilter(), *, sort: str = "name",
                descending: bool = False, offset: int = 0, limit: int | None = 200) -> list[MemberRow]:
    """One page of the filtered, sorted member list (the list never loads all rows)."""
    return list(_rows_in_chunks(ctx, _list_keys(ctx, f, sort, descending, offset, limit)))


def iter_member_rows(ctx: ServiceContext, f: MemberFilter = MemberFilter(), *, sort: str = "name",
                     descending: bool = False) -> Iterator[MemberRow]:
    """Every row of the filtered, sorted list for an export, read a chunk at a time while the
    caller writes them (a chunk read ahead in a thread measured slower: the reading is mostly
    Python, which a second thread only contends with)."""
    return _rows_in_chunks(ctx, _list_keys(ctx, f, sort, descending, 0, None))


def _list_keys(ctx: ServiceContext, f: MemberFilter, sort: str, descending: bool, offset: int,
               limit: int | None) -> list:
    with ctx.workspace.engine.connect() as conn:
        return list(conn.execute(
            select(_row_key(ctx)).where(*_where(f)).order_by(*_order(ctx, sort, descending))
            .offset(offset).limit(limit)).scalars())


def _rows_in_chunks(ctx: ServiceContext, keys: list) -> Iterator[MemberRow]:
    for start in range(0, len(keys), _CHUNK):  # keep IN lists within every driver's limit
        yield from _rows_by_key(ctx, keys[start:start + _CHUNK])


def member_position(ctx: ServiceContext, member_id: uuid.UUID, f: MemberFilter = MemberFilter(), *,
                    sort: str = "name", descending: bool = False) -> int | None:
    """Where a member stands in the filtered, sorted list (0 = first row), or None when the
    filter leaves it out — so a list can show a member without changing its filter."""
    return _position(ctx, member_id, f, sort, descending, None)


def _position(ctx: ServiceContext, member_id: uuid.UUID, f: MemberFilter, sort: str,
              descending: bool, keys: list | None) -> int | None:
    key = _row_key(ctx)
    with ctx.workspace.engine.connect() as conn:
        target = conn.execute(select(key).where(Member.id == member_id, *_where(f))).scalar()
        if target is None:
            return None
        if keys is None:  # read in list order until it comes (keys only, from the index)
            keys = conn.execute(select(key).where(*_where(f))
                                .order_by(*_order(ctx, sort, descending))).scalars()
        for position, found in enumerate(keys):
            if found == target:
                return position
    return None


def _rows_by_key(ctx: ServiceContext, keys: list) -> list[MemberRow]:
    """The rows of these members, in the order of `keys`."""
    chosen = (select(*_PAGE_COLUMNS, _row_key(ctx).label("row_key"))
              .where(_row_key(ctx).in_(keys))).subquery("page")
    position = {key: n for n, key in enumerate(keys)}
    found = sorted(_read_rows(ctx, chosen), key=lambda r: position[r.row_key])
    return [_member_row(r) for r in found]


@lru_cache(maxsize=8192)
def _label_key(label: str) -> str:
    return sort_key(label)  # a workspace has few distinct labels shared by many members


def _member_row(r) -> MemberRow:
    sectors, tags = [], []
    for label in (r.labels or "").split(_RECORD):
        kind, _, name = label.partition(_UNIT)
        if name:
            (sectors if kind == "sector" else tags).append(name)
    name, phone, e164, email = (r.primary.split(_UNIT) if r.primary else ("", "", "", ""))
    return MemberRow(r.id, r.name, r.kind, r.city, r.country, r.status,
                     r.international_orientation, r.member_since, r.vat_number,
                     tuple(sorted(sectors, key=_label_key)), tuple(sorted(tags, key=_label_key)),
                     r.last_contact_on, r.size_band, r.postcode, r.website, name,
                     format_phone(e164, phone), email)


# --- the list on screen: one scan of the index per keystroke ----------------------------------


class MemberListing:
    """The member list for one filter and order, as the screen reads it: its length, then
    pages. Each keystroke costs at most one scan of the list index, usually much less:

    - a filter that narrows the previous one (typing on) when that list was short: only the
      previous rows are tested again (no scan at all), and they keep their order;
    - narrowing a list known to be small: one scan keeps the matching row keys, and the
      length and every page come from them;
    - otherwise the first page is read in index order (found early when matches are many)
      and the length is counted only when that page is full.
    """

    SMALL = 20_000  # keys of this many rows cost less to fetch than a second scan
    CANDIDATES = 2_000  # rows this few are quicker to test one by one than to scan for

    def __init__(self, ctx: ServiceContext, f: MemberFilter, *, sort: str = "name",
                 descending: bool = False, previous: MemberListing | None = None) -> None:
        self.ctx, self.filter, self.sort, self.descending = ctx, f, sort, descending
        self.keys: list | None = None
        self._count: int | None = None
        if (previous is None or previous._count is None or previous._count > self.SMALL
                or (previous.sort, previous.descending) != (sort, descending)
                or not f.narrows(previous.filter)):
            return
        key = _row_key(ctx)
        with ctx.workspace.engine.connect() as conn:
            if previous.keys is not None and len(previous.keys) <= self.CANDIDATES:
                matching = set(conn.execute(
                    select(key).where(key.in_(previous.keys), *_where(f))).scalars())
                self.keys = [k for k in previous.keys if k in matching]
            else:
                self.keys = list(conn.execute(
                    select(key).where(*_where(f)).order_by(*_order(ctx, sort, descending))).scalars())
        self._count = len(self.keys)

    def page(self, offset: int, limit: int) -> list[MemberRow]:
        if self.keys is not None:
            keys = self.keys[offset:offset + limit]
            return _rows_by_key(self.ctx, keys) if keys else []
        rows = member_page(self.ctx, self.filter, sort=self.sort, descending=self.descending,
                           offset=offset, limit=limit)
        if offset == 0 and len(rows) < limit:
            self._count = len(rows)
        return rows

    def count(self) -> int:
        if self._count is None:
            self._count = count_members(self.ctx, self.filter)
        return self._count

    def position(self, member_id: uuid.UUID) -> int | None:
        """The member's row in this list, or None when the filter leaves it out."""
        return _position(self.ctx, member_id, self.filter, self.sort, self.descending, self.keys)
