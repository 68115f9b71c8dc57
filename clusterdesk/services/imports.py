"""Importing members and contacts: saved column mappings, the dry run, the import itself (one
transaction, after a verified backup, all or nothing), the import history and undo."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import lazyload

from ..domain.changes import Changes
from ..domain.formatting import format_datetime
from ..domain.text import plural
from ..imports.fields import IGNORE, compact
from ..imports.outcome import ExistingDetail, ImportSummary, summarise
from ..imports.plan import ImportPlan, build_plan, resolve
from ..imports.progress import CancelToken, Progress, ProgressFn
from ..imports.rows import ContactData, RowOptions
from ..imports.sources import SourceColumn, SourceTable
from ..store.models import Contact, ImportBatch, ImportItem, ImportMapping, Member
from ..store.references import to_json
from .context import ServiceContext
from .duplicates import existing_members
from .errors import NotFound, ServiceError, ValidationError
from .import_writer import ImportWriter, TagCache
from .members import apply_member_input, member_detail
from .safety import backup_before

CHUNK = 500

# --- saved mappings ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SavedMapping:
    name: str
    columns: tuple[tuple[str, str, str], ...]  # (group title, header, field key)
    default_country: str | None = "DK"

    def apply(self, columns: Sequence[SourceColumn]) -> list[str]:
        """The field of each column of a file, by its header (and group title)."""
        exact = {(compact(g), compact(h)): f for g, h, f in self.columns}
        by_header = {compact(h): f for _g, h, f in self.columns}
        mapping = []
        for column in columns:
            key = exact.get((compact(column.group), compact(column.header)))
            if key is None and not column.group:
                key = by_header.get(compact(column.header))
            mapping.append(key if key and key not in mapping else IGNORE)
        return mapping


def saved_mappings(ctx: ServiceContext) -> list[SavedMapping]:
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(select(ImportMapping.name, ImportMapping.columns, ImportMapping.default_country)
                            .where(ImportMapping.deleted_at.is_(None)).order_by(ImportMapping.name)).all()
    return [SavedMapping(name, tuple((c.get("group", ""), c["header"], c["field"]) for c in columns),
                         country) for name, columns, country in rows]


def get_mapping(ctx: ServiceContext, name: str) -> SavedMapping:
    for mapping in saved_mappings(ctx):
        if mapping.name.casefold() == name.strip().casefold():
            return mapping
    known = ", ".join(m.name for m in saved_mappings(ctx)) or "none saved yet"
    raise NotFound(f"There is no saved mapping “{name}” (saved mappings: {known}).")


def save_mapping(ctx: ServiceContext, name: str, columns: Sequence[SourceColumn],
                 mapping: Sequence[str], default_country: str | None = "DK") -> tuple[SavedMapping, Changes]:
    """Save (or replace) a named mapping of column headers to fields."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": "Give the mapping a name."})
    entries = [{"group": c.group, "header": c.header, "field": key}
               for c, key in zip(columns, mapping, strict=False) if key != IGNORE and c.header]
    if not entries:
        raise ValidationError({"mapping": "No column is mapped to a field; there is nothing to save."})
    with ctx.uow() as uow:
        existing = uow.session.scalars(select(ImportMapping)).all()
        record = next((m for m in existing if m.name.casefold() == name.casefold()), None)
        if record is None:
            record = ImportMapping(id=uuid.uuid4(), name=name)
            uow.session.add(record)
        record.name, record.columns, record.default_country = name, entries, default_country
        record.deleted_at = None
        changes = uow.commit()
    return SavedMapping(name, tuple((e["group"], e["header"], e["field"]) for e in entries),
                        default_country), changes


def delete_mapping(ctx: ServiceContext, name: str) -> Changes:
    with ctx.uow() as uow:
        for record in uow.session.scalars(select(ImportMapping)).all():
            if record.name.casefold() == name.casefold():
                uow.session.delete(record)
        return uow.commit()


# --- the dry run ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DryRun:
    plan: ImportPlan
    existing: dict[uuid.UUID, ExistingDetail]  # the members duplicates point at
    options: RowOptions
    mapping_name: str = ""

    def summary(self, decisions: dict[int, str] | None = None, *, skip_invalid: bool = False) -> ImportSummary:
        return summarise(self.plan, self.existing, decisions, skip_invalid=skip_invalid)


def dry_run(ctx: ServiceContext, source: SourceTable, mapping: Sequence[str], *,
            default_country: str | None = "DK", mapping_name: str = "",
            progress: ProgressFn | None = None, cancel: CancelToken | None = None) -> DryRun:
    """Check every row and find the duplicates, against the workspace and within the file.
    Writes nothing."""
    step = Progress(progress, cancel)
    step("Reading the members already here", 0, 1, force=True)
    options = RowOptions(default_country=default_country, today=ctx.today())
    with ctx.workspace.engine.connect() as conn:
        existing = existing_members(conn)
        earlier = [f"{format_datetime(at)} by {by or 'someone'}" for at, by in conn.execute(
            select(ImportBatch.created_at, ImportBatch.imported_by)
            .where(ImportBatch.file_digest == source.digest, ImportBatch.undone_at.is_(None),
                   ImportBatch.deleted_at.is_(None)).order_by(ImportBatch.created_at))]
    plan = build_plan(source, mapping, existing, options, step, earlier)
    targets = sorted({d.target_member for d in plan.duplicates if d.target_member is not None})
    details = _existing_details(ctx, targets)
    return DryRun(plan, details, options, mapping_name)


def _existing_details(ctx: ServiceContext, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, ExistingDetail]:
    details: dict[uuid.UUID, ExistingDetail] = {}
    with ctx.uow() as uow:
        for start in range(0, len(ids), CHUNK):
            for member in uow.session.scalars(select(Member).where(Member.id.in_(ids[start:start + CHUNK]))):
                data = member_detail(member).data
                values = {k: getattr(data, k) for k in data.__dataclass_fields__ if k != "version"}
                contacts = tuple(ContactData(c.name, c.role, c.email, c.phone, c.phone_e164, c.language)
                                 for c in member.contacts if c.deleted_at is None)
                details[member.id] = ExistingDetail(member.id, values, contacts)
    return details


# --- the import -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    batch_id: uuid.UUID
    summary: ImportSummary
    backup: Path | None = None


def run_import(ctx: ServiceContext, dry: DryRun, decisions: dict[int, str] | None = None, *,
               skip_invalid: bool = False, progress: ProgressFn | None = None,
               cancel: CancelToken | None = None) -> tuple[ImportResult, Changes]:
    """Import what the dry run found, all or nothing, after a verified backup. Refused while
    any row has a problem, unless the user chose to leave those rows out."""
    plan = dry.plan
    if plan.file_problem:
        raise ServiceError("Nothing was imported: " + "; ".join(p.reason for p in plan.problems if p.row is None))
    if plan.problems and not skip_invalid:
        rows = plan.bad_rows
        raise ServiceError(f"Nothing was imported: {plural(len(rows), 'row')} "
                           "have problems. Fix them in the file and import it again, or choose to "
                           "leave those rows out.")
    step = Progress(progress, cancel, step=100)
    step("Backing up the workspace", 0, 1, force=True)
    backup = backup_before(ctx, "before-import")
    resolution = resolve(plan, decisions)
    summary = dry.summary(decisions, skip_invalid=skip_invalid)
    today = ctx.today()
    with ctx.uow() as uow:
        writer = ImportWriter(uow.session, uuid.uuid4(), TagCache(uow.session))
        total = len(resolution.new) + len(resolution.into_existing)
        for done, group in enumerate(resolution.new, start=1):
            writer.create(plan, group, dry.options, today)
            step("Importing", done, total)
        targets = list(resolution.into_existing)
        loaded = []  # held, so the session's identity map keeps them for `fill`
        with uow.session.no_autoflush:
            # One query per few hundred members instead of several per member.
            for start in range(0, len(targets), CHUNK):
                loaded += uow.session.scalars(
                    select(Member).where(Member.id.in_(targets[start:start + CHUNK]))).all()
            for done, (member_id, numbers) in enumerate(resolution.into_existing.items(),
                                                        start=len(resolution.new) + 1):
                writer.fill(plan, member_id, numbers, dry.options, today)
                step("Importing", done, total)
        step("Saving", total, total, force=True)
        uow.session.add(ImportBatch(
            id=writer.batch_id, file_name=plan.source_name, file_digest=plan.digest,
            sheet=plan.sheet, mapping_name=dry.mapping_name, rows_read=plan.rows_read,
            rows_skipped=len(plan.bad_rows) + sum(len(plan.candidates[n].rows) for n in resolution.skipped),
            members_created=writer.members_created, members_merged=writer.members_merged,
            contacts_created=writer.contacts_created, contacts_updated=writer.contacts_updated,
            backup_file=str(backup or ""), imported_by=ctx.actor))
        uow.session.flush()
        if writer.items:  # plain rows, no audit of their own: one multi-row insert
            uow.session.execute(insert(ImportItem), writer.items)
        step.check()
        changes = uow.commit()
    return ImportResult(writer.batch_id, summary, backup), changes


# --- history and undo -------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportRow:
    id: uuid.UUID
    at: datetime
    by: str
    file_name: str
    sheet: str
    rows_read: int
    members_created: int
    members_merged: int
    contacts_created: int
    contacts_updated: int
    rows_skipped: int
    undone_at: datetime | None
    undone_by: str


def import_history(ctx: ServiceContext) -> list[ImportRow]:
    """Every import, newest first."""
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(
            select(ImportBatch.id, ImportBatch.created_at, ImportBatch.imported_by,
                   ImportBatch.file_name, ImportBatch.sheet, ImportBatch.rows_read,
                   ImportBatch.members_created, ImportBatch.members_merged,
                   ImportBatch.contacts_created, ImportBatch.contacts_updated,
                   ImportBatch.rows_skipped, ImportBatch.undone_at, ImportBatch.undone_by)
            .where(ImportBatch.deleted_at.is_(None)).order_by(ImportBatch.created_at.desc())).all()
    return [ImportRow(*row) for row in rows]


@dataclass(frozen=True)
class UndoImportResult:
    members_removed: int
    contacts_removed: int
    members_restored: int  # existing members the import had filled in, put back
    changed_since: int  # removed records that had been edited after the import
    kept_later_edits: int  # filled-in fields edited since, left as they are


def undo_import(ctx: ServiceContext, batch_id: uuid.UUID) -> tuple[UndoImportResult, Changes]:
    """Take a whole import back: what it created goes to the bin, what it filled in is put
    back as it was (unless edited since). A verified backup is taken first."""
    backup_before(ctx, "before-import")
    now = ctx.now()
    with ctx.uow() as uow:
        session = uow.session
        batch = session.get(ImportBatch, batch_id)
        if batch is None:
            raise NotFound("That import is not in the history.")
        if batch.undone_at is not None:
            raise ServiceError(f"The import of {batch.file_name} was already undone on "
                               f"{format_datetime(batch.undone_at)} by {batch.undone_by or 'someone'}.")
        items = session.scalars(select(ImportItem).where(ImportItem.batch_id == batch_id)).all()
        removed = {"members": 0, "contacts": 0}
        changed_since = 0
        for entity, model in (("members", Member), ("contacts", Contact)):
            ids = [i.entity_id for i in items if i.entity == entity and i.action == "created"]
            for start in range(0, len(ids), CHUNK):
                for record in session.scalars(select(model).where(model.id.in_(ids[start:start + CHUNK]))
                                              .options(lazyload("*"))):
                    if record.deleted_at is None:
                        record.deleted_at = now
                        removed[entity] += 1
                        changed_since += record.version > 1
        restored, kept = 0, 0
        for item in items:
            if item.action != "updated":
                continue
            kept += _restore(session, item, ctx.today())
            restored += item.entity == "members"
        batch.undone_at, batch.undone_by = now, ctx.actor
        result = UndoImportResult(removed["members"], removed["contacts"], restored, changed_since, kept)
        return result, uow.commit()


def _restore(session, item: ImportItem, today) -> int:
    """Put back what an import filled in; returns how many fields were edited since (kept)."""
    kept = 0
    if item.entity == "contacts":
        contact = session.get(Contact, item.entity_id)
        if contact is None:
            return 0
        for key, (before, after) in item.before.get("fields", {}).items():
            if getattr(contact, key) == after:
                setattr(contact, key, before)
            else:
                kept += 1
        return kept
    member = session.get(Member, item.entity_id)
    if member is None:
        return 0
    data = member_detail(member).data
    values = {}
    for key, (before, after) in item.before.get("fields", {}).items():
        if to_json(getattr(data, key)) == after:
            values[key] = None if before is None else (
                datetime.fromisoformat(before).date() if key == "member_since" else before)
        else:
            kept += 1
    for key, names in item.before.get("added", {}).items():
        gone = {n.casefold() for n in names}
        values[key] = tuple(v for v in getattr(data, key) if v.casefold() not in gone)
    if values:
        apply_member_input(session, member, replace(data, **values), today)
    return kept
