"""Checklist templates: the built-in ones (TOML files in resources/checklists, read-only) and
the workspace's own (rows), which users edit and save. A checklist made from a template is a
copy: editing the template later never changes it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sqlalchemy import select

from ..domain.changes import Changes
from ..domain.checklists import (
    ChecklistTemplate,
    DueRule,
    DueRuleError,
    TemplateItem,
    parse_template_toml,
)
from ..domain.enums import ActivityKind
from ..paths import resources_dir
from ..store.models import ChecklistTemplateItem, ChecklistTemplateRecord
from .context import ServiceContext
from .dto import clean_text, differences
from .errors import ConflictError, NotFound, ValidationError
from .records import set_deleted

BUILTIN_PREFIX = "builtin:"
DEFAULT_SECTION = "General"


def templates_dir() -> Path:
    return resources_dir() / "checklists"


@cache
def builtin_templates() -> tuple[ChecklistTemplate, ...]:
    """The templates shipped with ClusterDesk, read once per run."""
    templates = []
    for path in sorted(templates_dir().glob("*.toml")):
        templates.append(parse_template_toml(path.read_text(encoding="utf-8"),
                                             BUILTIN_PREFIX + path.stem, builtin=True))
    return tuple(templates)


def _from_record(record: ChecklistTemplateRecord) -> ChecklistTemplate:
    items = tuple(
        TemplateItem(item.section, item.text,
                     DueRule(item.due_anchor, item.due_months, item.due_days) if item.due_anchor else None,
                     item.guidance, item.owner)
        for item in record.items if item.deleted_at is None)
    return ChecklistTemplate(ref=str(record.id), name=record.name, items=items,
                             description=record.description, source=record.source,
                             suits=tuple(s for s in record.suits.split(",") if s),
                             version=record.version)


def list_templates(ctx: ServiceContext) -> list[ChecklistTemplate]:
    """Built-in templates first, then the workspace's own by name."""
    with ctx.uow() as uow:
        own = uow.session.scalars(select(ChecklistTemplateRecord)
                                  .where(ChecklistTemplateRecord.deleted_at.is_(None))
                                  .order_by(ChecklistTemplateRecord.name)).all()
        return [*builtin_templates(), *(_from_record(r) for r in own)]


def get_template(ctx: ServiceContext, ref: str) -> ChecklistTemplate:
    if ref.startswith(BUILTIN_PREFIX):
        for template in builtin_templates():
            if template.ref == ref:
                return template
        raise NotFound(f"There is no built-in template “{ref.removeprefix(BUILTIN_PREFIX)}”.")
    with ctx.uow() as uow:
        record = _record(uow.session, ref)
        return _from_record(record)


def _record(session, ref: str) -> ChecklistTemplateRecord:
    try:
        record = session.get(ChecklistTemplateRecord, uuid.UUID(ref))
    except ValueError:
        record = None
    if record is None or record.deleted_at is not None:
        raise NotFound("That checklist template no longer exists.")
    return record


# --- saving the workspace's own templates ------------------------------------------------


@dataclass(frozen=True)
class TemplateItemInput:
    section: str
    text: str
    due: str = ""  # a due rule as typed, e.g. "3 weeks before start"
    guidance: str = ""
    owner: str = ""


@dataclass(frozen=True)
class TemplateInput:
    name: str
    items: tuple[TemplateItemInput, ...]
    description: str = ""
    source: str = ""
    suits: tuple[str, ...] = ()
    version: int = 0


def template_input(template: ChecklistTemplate) -> TemplateInput:
    """A template as the editor shows it (due rules as text)."""
    return TemplateInput(
        name=template.name, description=template.description, source=template.source,
        suits=template.suits, version=template.version,
        items=tuple(TemplateItemInput(i.section, i.text, i.rule.describe() if i.rule else "",
                                      i.guidance, i.owner) for i in template.items))


def validate_template(data: TemplateInput) -> tuple[TemplateInput, list[TemplateItem]]:
    """Check every row; errors name the row and the column. A blank section continues the
    one above, so a section title is typed once."""
    errors: dict[str, str] = {}
    name = clean_text(data.name)
    if not name:
        errors["name"] = "A template needs a name."
    bad_kinds = [k for k in data.suits if k not in {m.value for m in ActivityKind}]
    if bad_kinds:
        errors["suits"] = "not an activity kind: " + ", ".join(bad_kinds)
    items: list[TemplateItem] = []
    problems: list[str] = []
    section = DEFAULT_SECTION
    for number, row in enumerate(data.items, start=1):
        text = clean_text(row.text)
        if not text and not (row.due.strip() or row.guidance.strip() or row.owner.strip()):
            if clean_text(row.section):
                section = clean_text(row.section)
            continue  # an empty row, or a row that only names the next section
        section = clean_text(row.section) or section
        if not text:
            problems.append(f"row {number}, text: the item needs a text")
            continue
        try:
            rule = DueRule.parse(row.due)
        except DueRuleError as exc:
            problems.append(f"row {number}, due: {exc}")
            continue
        items.append(TemplateItem(section, text, rule, clean_text(row.guidance), clean_text(row.owner)))
    if problems:
        errors["items"] = "; ".join(problems)
    elif not items and "name" not in errors:
        errors["items"] = "A template needs at least one item."
    if errors:
        raise ValidationError(errors)
    return TemplateInput(name, data.items, data.description.strip(), data.source.strip(),
                         tuple(data.suits), data.version), items


def _write_items(record: ChecklistTemplateRecord, items: list[TemplateItem], now) -> None:
    """Rows are matched by position: changed ones updated, extra ones tombstoned."""
    live = [i for i in record.items if i.deleted_at is None]
    for position, item in enumerate(items):
        if position < len(live):
            row = live[position]
        else:
            row = ChecklistTemplateItem(id=uuid.uuid4(), text=item.text)
            record.items.append(row)
        row.position = position
        row.section, row.text, row.guidance, row.owner = item.section, item.text, item.guidance, item.owner
        row.due_anchor = item.rule.anchor if item.rule else None
        row.due_months = item.rule.months if item.rule else 0
        row.due_days = item.rule.days if item.rule else 0
    for row in live[len(items):]:
        row.deleted_at = now


def create_template(ctx: ServiceContext, data: TemplateInput) -> tuple[ChecklistTemplate, Changes]:
    """Save a new template in the workspace (also how a built-in one is copied and changed)."""
    data, items = validate_template(data)
    with ctx.uow() as uow:
        record = ChecklistTemplateRecord(id=uuid.uuid4(), name=data.name, items=[])
        _set_fields(record, data)
        with uow.session.no_autoflush:
            _write_items(record, items, ctx.now())
        uow.session.add(record)
        changes = uow.commit()
        return _from_record(record), changes


def update_template(ctx: ServiceContext, ref: str,
                    data: TemplateInput) -> tuple[ChecklistTemplate, Changes]:
    """Save an edited workspace template. Checklists made from it earlier stay as they are."""
    if ref.startswith(BUILTIN_PREFIX):
        raise ValidationError({"name": "Built-in templates cannot be changed; save a copy instead."})
    data, items = validate_template(data)
    with ctx.uow() as uow:
        record = _record(uow.session, ref)
        if record.version != data.version:
            theirs = template_input(_from_record(record))
            raise ConflictError(f"Template “{record.name}”",
                                differences(theirs, data, ("name", "description", "suits")),
                                record.updated_by)
        _set_fields(record, data)
        with uow.session.no_autoflush:
            _write_items(record, items, ctx.now())
        record.updated_at = ctx.now()  # a change to items alone still bumps the version
        changes = uow.commit()
        return _from_record(record), changes


def _set_fields(record: ChecklistTemplateRecord, data: TemplateInput) -> None:
    record.name = data.name
    record.description = data.description
    record.source = data.source
    record.suits = ",".join(data.suits)


def delete_template(ctx: ServiceContext, ref: str) -> Changes:
    """Remove a workspace template (a tombstone); checklists made from it are kept."""
    if ref.startswith(BUILTIN_PREFIX):
        raise ValidationError({"name": "Built-in templates cannot be deleted."})
    with ctx.uow() as uow:
        record = _record(uow.session, ref)
        record.deleted_at = ctx.now()
        return uow.commit()


def restore_template(ctx: ServiceContext, ref: str) -> Changes:
    """Bring a deleted workspace template back."""
    try:
        record_id = uuid.UUID(ref)
    except ValueError:
        raise NotFound("That checklist template no longer exists.") from None
    return set_deleted(ctx, ChecklistTemplateRecord, record_id, None,
                       "That checklist template no longer exists.")


def deleted_templates(ctx: ServiceContext) -> list[ChecklistTemplate]:
    """The workspace templates in the bin."""
    with ctx.uow() as uow:
        rows = uow.session.scalars(select(ChecklistTemplateRecord)
                                   .where(ChecklistTemplateRecord.deleted_at.is_not(None))
                                   .order_by(ChecklistTemplateRecord.name)).all()
        return [_from_record(r) for r in rows]


def import_template_toml(ctx: ServiceContext, text: str,
                         source_name: str = "the file") -> tuple[ChecklistTemplate, Changes]:
    """Save a template shared as TOML (the built-in format) as the workspace's own."""
    from ..domain.checklists import TemplateFormatError

    try:
        template = parse_template_toml(text, source_name)
    except TemplateFormatError as exc:
        raise ValidationError({"file": str(exc)}) from exc
    return create_template(ctx, template_input(template))
