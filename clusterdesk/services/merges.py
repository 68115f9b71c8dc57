"""Merging two members (or two contacts) into one, and taking a merge back.

A merge keeps every row that points at either record (contacts, interactions, consents,
survey answers, participations — found from the foreign keys, see `store.references`),
never overwrites a filled field with a blank, unions tags, sectors and markets, leaves the
merged-away record as a tombstone, and logs what it did so that it can be undone."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import desc, select

from ..domain.changes import Changes
from ..domain.countries import country_name
from ..domain.enums import InternationalOrientation, MemberKind, MemberStatus, SizeBand
from ..domain.formatting import format_date, format_datetime
from ..domain.merge_rules import JOINED, is_blank, merged_value
from ..domain.similarity import why_same_person
from ..store.derived import refresh_last_contact
from ..store.models import Contact, Member, MemberMarket, MergeRecord
from ..store.references import ReferenceMerger, count_references, to_json, undo_references
from .context import ServiceContext
from .duplicates import CONTACTS, MEMBERS, RecordBrief, member_brief
from .errors import ConflictError, NotFound, ServiceError
from .members import apply_member_input, index_member, member_detail
from .safety import backup_before

_ENUM_LABEL = {"kind": MemberKind, "size_band": SizeBand, "status": MemberStatus,
               "international_orientation": InternationalOrientation}
MEMBER_FIELDS = (
    ("name", "Name"), ("kind", "Kind"), ("size_band", "Size"), ("status", "Status"),
    ("international_orientation", "International orientation"), ("country", "Country"),
    ("city", "City"), ("postcode", "Postcode"), ("address", "Address"), ("website", "Website"),
    ("vat_number", "CVR / VAT"), ("member_since", "Member since"), ("notes", "Notes"),
)
CONTACT_FIELDS = (
    ("name", "Name"), ("role", "Role"), ("email", "Email"), ("phone", "Phone"),
    ("language", "Language"), ("notes", "Notes"),
)
def _shown(key: str, value) -> str:
    if value in (None, ""):
        return ""
    if key in _ENUM_LABEL:
        try:
            return _ENUM_LABEL[key](value).label
        except ValueError:
            return str(value)
    if key == "country":
        return country_name(value)
    if isinstance(value, date):
        return format_date(value)
    return str(value)


@dataclass(frozen=True)
class FieldComparison:
    key: str
    label: str
    keep: str
    other: str
    result: str
    choosable: bool  # both filled and different: the user may pick the other's value


@dataclass(frozen=True)
class SamePerson:
    """A contact of the kept member and a contact of the other that are one person."""

    keep: RecordBrief
    other: RecordBrief
    reason: str  # "same email" or "same name"

    @property
    def ids(self) -> tuple[uuid.UUID, uuid.UUID]:
        return self.keep.id, self.other.id


@dataclass(frozen=True)
class MergePreview:
    entity: str
    keep: RecordBrief
    other: RecordBrief
    fields: tuple[FieldComparison, ...]
    related: tuple[tuple[str, int, int], ...]  # (what, rows of keep, rows of other)
    lists: tuple[tuple[str, str, str, str], ...]  # (what, keep's, other's, both together)
    keep_version: int
    other_version: int
    # Members: people who are contacts of both, offered to be merged into one contact.
    same_people: tuple[SamePerson, ...] = ()


def _label(table: str) -> str:
    return {"contacts": "Contacts", "interactions": "Interactions", "member_tags": "Tags and sectors",
            "member_markets": "Markets", "consent_records": "Consent records"}.get(
        table, table.replace("_", " ").capitalize())


def _load(session, entity: str, record_id: uuid.UUID):
    model = Member if entity == MEMBERS else Contact
    record = session.get(model, record_id)
    if record is None or record.deleted_at is not None:
        what = "member" if entity == MEMBERS else "contact"
        raise NotFound(f"That {what} no longer exists (it was deleted or merged).")
    return record


def _fields(entity: str):
    return MEMBER_FIELDS if entity == MEMBERS else CONTACT_FIELDS


def _brief(entity: str, record) -> RecordBrief:
    if entity == MEMBERS:
        return member_brief(record.name, record.city, record.country, record.vat_number, record.id)
    return RecordBrief(record.id, record.name,
                       " · ".join(p for p in (record.member.name, record.email) if p))


def _live_contacts(session, member_id: uuid.UUID) -> list[Contact]:
    return list(session.scalars(select(Contact).where(
        Contact.member_id == member_id, Contact.deleted_at.is_(None), Contact.erased_at.is_(None))
        .order_by(Contact.created_at)))


def _same_people(session, keep_id: uuid.UUID, other_id: uuid.UUID) -> list[tuple[Contact, Contact, str]]:
    """(kept member's contact, other member's contact, why) for each person who is a contact
    of both: the same email first, then the same name; each contact in one pair at most."""
    kept, others = _live_contacts(session, keep_id), _live_contacts(session, other_id)
    pairs: list[tuple[Contact, Contact, str]] = []
    used: set[uuid.UUID] = set()
    for wanted in ("same email", "same name"):
        for other in others:
            if other.id in used:
                continue
            for mine in kept:
                if mine.id not in used and why_same_person(
                        mine.name, mine.email, other.name, other.email) == wanted:
                    pairs.append((mine, other, wanted))
                    used.update((mine.id, other.id))
                    break
    return pairs


def _person(contact: Contact) -> RecordBrief:
    return RecordBrief(contact.id, contact.name, contact.email or contact.role)


def _merged_values(entity: str, keep, other, prefer_other: frozenset[str]) -> dict:
    values = {key: merged_value(key, getattr(keep, key), getattr(other, key), key in prefer_other)
              for key, _label_text in _fields(entity)}
    if entity == CONTACTS:
        if values["phone"] == other.phone and other.phone:
            values["phone_e164"] = other.phone_e164
        values["is_primary"] = keep.is_primary or other.is_primary
    return values


def merge_preview(ctx: ServiceContext, entity: str, keep_id: uuid.UUID,
                  other_id: uuid.UUID) -> MergePreview:
    """Both records side by side, field by field, with what the merge would keep."""
    with ctx.uow() as uow:
        keep, other = _load(uow.session, entity, keep_id), _load(uow.session, entity, other_id)
        comparisons = []
        for key, label in _fields(entity):
            a, b = getattr(keep, key), getattr(other, key)
            comparisons.append(FieldComparison(
                key, label, _shown(key, a), _shown(key, b), _shown(key, merged_value(key, a, b, False)),
                not is_blank(key, a) and not is_blank(key, b) and a != b and key not in JOINED))
        counts_keep = count_references(uow.session, entity, keep_id)
        counts_other = count_references(uow.session, entity, other_id)
        related = tuple((_label(t), counts_keep.get(t, 0), counts_other.get(t, 0))
                        for t in sorted(set(counts_keep) | set(counts_other), key=_label))
        lists: tuple = ()
        if entity == MEMBERS:
            dk, do = member_detail(keep).data, member_detail(other).data
            for what, key, shown in (("Sectors", "sectors", str), ("Tags", "tags", str),
                                     ("Markets", "markets", country_name)):
                a, b = getattr(dk, key), getattr(do, key)
                both = list(dict.fromkeys((*a, *b)))
                lists += ((what, ", ".join(map(shown, a)), ", ".join(map(shown, b)),
                           ", ".join(map(shown, both))),)
        same = ()
        if entity == MEMBERS:
            same = tuple(SamePerson(_person(mine), _person(theirs), why)
                         for mine, theirs, why in _same_people(uow.session, keep_id, other_id))
        return MergePreview(entity, _brief(entity, keep), _brief(entity, other), tuple(comparisons),
                            related, lists, keep.version, other.version, same)


@dataclass(frozen=True)
class MergeOutcome:
    merge_id: uuid.UUID
    kept: RecordBrief
    moved: int  # rows re-pointed to the kept record
    fields_filled: tuple[str, ...]
    contacts_merged: int = 0  # people who were contacts of both members, now one contact


def merge_records(ctx: ServiceContext, entity: str, keep_id: uuid.UUID, other_id: uuid.UUID, *,
                  prefer_other: frozenset[str] = frozenset(),
                  versions: tuple[int, int] | None = None,
                  same_people: Sequence[tuple[uuid.UUID, uuid.UUID]] | None = None,
                  ) -> tuple[MergeOutcome, Changes]:
    """Merge `other` into `keep` (a verified backup first). `prefer_other`: fields where the
    user chose the other record's (filled) value. Members: `same_people` are the (kept
    member's, other member's) contacts that are one person and become one contact too —
    by default every pair the preview offers; () merges none."""
    if keep_id == other_id:
        raise ServiceError("A record cannot be merged with itself.")
    backup_before(ctx, "before-merge")
    now = ctx.now()
    with ctx.uow() as uow:
        session = uow.session
        keep, other = _load(session, entity, keep_id), _load(session, entity, other_id)
        if versions is not None and (keep.version, other.version) != tuple(versions):
            changed = keep if keep.version != versions[0] else other
            raise ConflictError(f"“{changed.name}”", {}, changed.updated_by)
        kept_name, merged_name = keep.name, other.name
        values = _merged_values(entity, keep, other, prefer_other)
        people = _chosen_people(session, entity, keep_id, other_id, same_people)
        primary = next((c.id for c in _live_contacts(session, keep_id) if c.is_primary), None)
        before = {key: to_json(getattr(keep, key)) for key in values}
        session.flush()
        merger = ReferenceMerger(session, ctx.actor, now)
        merger.merge(entity, keep_id, other_id)
        if entity == MEMBERS:
            _drop_repeated_markets(merger, keep_id)
            for (mine, theirs), _values in people.items():
                merger.merge(CONTACTS, mine, theirs)
        session.expire_all()
        keep, other = _load(session, entity, keep_id), _load(session, entity, other_id)
        _set_values(session, entity, keep, values, ctx.today())
        changed = {key: [before[key], to_json(getattr(keep, key))] for key in values
                   if to_json(getattr(keep, key)) != before[key]}
        other.deleted_at = now
        details = {"fields": changed, "ops": merger.ops, "merged_deleted_at": to_json(now)}
        if entity == MEMBERS:
            details.update(_merge_people(session, keep_id, people, primary, now, ctx.today()))
            refresh_last_contact(session.connection(), (keep_id, other_id))
        record = MergeRecord(id=uuid.uuid4(), entity=entity, kept_id=keep_id, merged_id=other_id,
                             kept_name=kept_name, merged_name=merged_name, merged_by=ctx.actor,
                             details=details)
        session.add(record)
        session.info.setdefault("touched_kinds", set()).update(merger.touched)
        moved = sum(len(op["rows"]) for op in merger.ops if op["op"] == "repoint")
        outcome = MergeOutcome(record.id, _brief(entity, keep), moved,
                               tuple(label for key, label in _fields(entity) if key in changed),
                               len(people))
        return outcome, uow.commit()


def _chosen_people(session, entity: str, keep_id: uuid.UUID, other_id: uuid.UUID,
                   chosen: Sequence[tuple[uuid.UUID, uuid.UUID]] | None) -> dict:
    """(kept contact id, other contact id) → the merged contact's values, for the people the
    user chose to merge (refused when they are no longer contacts of both)."""
    if entity != MEMBERS:
        return {}
    found = {(mine.id, theirs.id): (mine, theirs) for mine, theirs, _why in
             _same_people(session, keep_id, other_id)}
    wanted = list(found) if chosen is None else [tuple(pair) for pair in chosen]
    if any(pair not in found for pair in wanted):
        raise ServiceError("The contacts to merge have changed since the merge was shown "
                           "(edited, moved or deleted); look at the merge again.")
    return {pair: _merged_values(CONTACTS, *found[pair], frozenset()) for pair in wanted}


def _merge_people(session, member_id: uuid.UUID, people: dict, primary: uuid.UUID | None,
                  now: datetime, today: date) -> dict:
    """After the references moved: the kept contact of each pair gets the merged values, the
    other goes to the bin, and the member is left with one primary contact. Returns what
    the merge record keeps to undo it."""
    log = []
    for (mine, theirs), values in people.items():
        kept, merged = session.get(Contact, mine), session.get(Contact, theirs)
        before = {key: to_json(getattr(kept, key)) for key in values}
        _set_values(session, CONTACTS, kept, values, today)
        merged.deleted_at = now
        log.append({"kept": str(mine), "merged": str(theirs), "before": before})
    live = _live_contacts(session, member_id)
    primaries = [c for c in live if c.is_primary]
    keeper = next((c for c in primaries if c.id == primary), primaries[0] if primaries else None)
    cleared = []
    for contact in primaries:
        if contact is not keeper:
            contact.is_primary = False
            cleared.append(str(contact.id))
    for entry in log:
        kept = session.get(Contact, uuid.UUID(entry["kept"]))
        entry["fields"] = {key: [old, to_json(getattr(kept, key))]
                           for key, old in entry.pop("before").items()
                           if to_json(getattr(kept, key)) != old}
    return {"contacts": log, "primary_cleared": [c for c in cleared
                                                 if c not in {e["kept"] for e in log}]}


def _drop_repeated_markets(merger: ReferenceMerger, keep_id: uuid.UUID) -> None:
    """Markets both members had are now there twice: drop the moved copy."""
    moved = {uuid.UUID(key["id"]) for op in merger.ops
             if op["op"] == "repoint" and op["table"] == "member_markets" for key in op["rows"]}
    if not moved:
        return
    table = MemberMarket.__table__
    rows = merger.session.execute(select(table.c.id, table.c.country, table.c.source)
                                  .where(table.c.member_id == keep_id)).all()
    seen = {(r.country, r.source) for r in rows if r.id not in moved}
    repeated = []
    for r in rows:
        if r.id in moved:
            if (r.country, r.source) in seen:
                repeated.append(r.id)
            seen.add((r.country, r.source))
    if repeated:
        merger.drop_rows(table, table.c.id.in_(repeated))


def _set_values(session, entity: str, record, values: dict, today: date) -> None:
    if entity == MEMBERS:
        from dataclasses import replace

        data = member_detail(record).data
        data = replace(data, **{k: v for k, v in values.items() if hasattr(data, k)})
        apply_member_input(session, record, data, today)
    else:
        for key, value in values.items():
            setattr(record, key, value)


@dataclass(frozen=True)
class UndoOutcome:
    restored: RecordBrief
    kept_later_edits: tuple[str, ...]  # fields edited after the merge, left as they are now
    not_restored: int  # rows that changed since the merge and stay where they are


def undo_merge(ctx: ServiceContext, merge_id: uuid.UUID) -> tuple[UndoOutcome, Changes]:
    """Take a merge back: the merged-away record returns with every row that pointed at it,
    and the kept record's fields go back to what they were (unless edited since)."""
    backup_before(ctx, "before-merge")
    now = ctx.now()
    with ctx.uow() as uow:
        session = uow.session
        record = session.get(MergeRecord, merge_id)
        if record is None:
            raise NotFound("That merge is not in the history.")
        if record.undone_at is not None:
            raise ServiceError(f"The merge of “{record.merged_name}” into “{record.kept_name}” "
                               f"was already undone on {format_datetime(record.undone_at)}.")
        model = Member if record.entity == MEMBERS else Contact
        keep, other = session.get(model, record.kept_id), session.get(model, record.merged_id)
        if keep is None or other is None:
            raise NotFound("One of the merged records no longer exists.")
        session.flush()
        touched, missed = undo_references(session, record.details.get("ops", []), ctx.actor, now)
        session.expire_all()
        keep, other = session.get(model, record.kept_id), session.get(model, record.merged_id)
        record = session.get(MergeRecord, merge_id)
        values, kept_edits = {}, []
        for key, (before, after) in record.details.get("fields", {}).items():
            if to_json(getattr(keep, key)) == after:
                values[key] = _from_json_field(key, before)
            else:
                kept_edits.append(dict(_fields(record.entity)).get(key, key))
        if values:
            _set_values(session, record.entity, keep, values, ctx.today())
        if record.entity == MEMBERS:
            kept_edits += _undo_people(session, record.details)
            for member in (keep, other):  # their tags and interactions are back where they were
                index_member(member, member_detail(member).data)
            refresh_last_contact(session.connection(), (keep.id, other.id))
        other.deleted_at = None
        record.undone_at = now
        record.undone_by = ctx.actor
        session.info.setdefault("touched_kinds", set()).update(touched)
        outcome = UndoOutcome(_brief(record.entity, other), tuple(kept_edits), missed)
        return outcome, uow.commit()


def _undo_people(session, details: dict) -> list[str]:
    """Put merged contacts back: the other one out of the bin, the kept one's fields as they
    were (unless edited since: those are named in the result)."""
    kept_edits = []
    labels = dict(CONTACT_FIELDS)
    for entry in reversed(details.get("contacts", [])):
        kept = session.get(Contact, uuid.UUID(entry["kept"]))
        merged = session.get(Contact, uuid.UUID(entry["merged"]))
        if kept is not None:
            for key, (before, after) in entry.get("fields", {}).items():
                if to_json(getattr(kept, key)) == after:
                    setattr(kept, key, before)
                else:
                    kept_edits.append(f"{kept.name}: {labels.get(key, key)}")
        if merged is not None:
            merged.deleted_at = None
    for contact_id in details.get("primary_cleared", []):
        contact = session.get(Contact, uuid.UUID(contact_id))
        if contact is not None and contact.deleted_at is None:
            contact.is_primary = True
    return kept_edits


def _from_json_field(key: str, value):
    if key == "member_since" and value:
        return date.fromisoformat(value)
    return value


@dataclass(frozen=True)
class MergeRow:
    id: uuid.UUID
    entity: str
    at: datetime
    by: str
    kept_name: str
    merged_name: str
    undone_at: datetime | None
    undone_by: str


def recent_merges(ctx: ServiceContext, limit: int = 100) -> list[MergeRow]:
    """The merge history, newest first."""
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(
            select(MergeRecord.id, MergeRecord.entity, MergeRecord.created_at, MergeRecord.merged_by,
                   MergeRecord.kept_name, MergeRecord.merged_name, MergeRecord.undone_at,
                   MergeRecord.undone_by)
            .where(MergeRecord.deleted_at.is_(None))
            .order_by(desc(MergeRecord.created_at)).limit(limit)).all()
    return [MergeRow(*row) for row in rows]
