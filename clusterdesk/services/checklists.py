"""An activity's checklist: made from a template with real dates, ticked while travelling
(who and when recorded), notes, items added, edited and removed, and open items moved when
the activity moves."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from ..domain.catch_up import PastDates, PastDue, catch_up, past_due
from ..domain.changes import Changes
from ..domain.checklists import ChecklistTemplate, DueRule, Progress, group_by_section, progress_of
from ..domain.formatting import format_date
from ..store.models import Activity, ChecklistItem
from .context import ServiceContext
from .dto import NamedRecord, clean_text
from .errors import ConflictError, NotFound, ServiceError, ValidationError
from .records import set_deleted
from .today import AgendaItem


@dataclass(frozen=True)
class ChecklistItemRow:
    id: uuid.UUID
    activity_id: uuid.UUID
    position: int
    section: str
    text: str
    guidance: str
    owner: str
    due_on: date | None
    rule: DueRule | None  # None: a fixed date (or none) that stays when the activity moves
    done_at: datetime | None
    done_by: str
    note: str
    version: int

    @property
    def done(self) -> bool:
        return self.done_at is not None


@dataclass(frozen=True)
class Checklist:
    activity_id: uuid.UUID
    activity_name: str
    activity_kind: str
    activity_status: str
    starts_on: date
    ends_on: date | None
    city: str
    country: str | None
    template_name: str
    items: tuple[ChecklistItemRow, ...]

    @property
    def progress(self) -> Progress:
        return progress_of([i.done for i in self.items])

    def sections(self) -> list[tuple[str, list[ChecklistItemRow]]]:
        return group_by_section(self.items, lambda item: item.section)

    def section_progress(self, section: str) -> Progress:
        return progress_of([i.done for i in self.items if i.section == section])


def _row(item: ChecklistItem) -> ChecklistItemRow:
    rule = DueRule(item.due_anchor, item.due_months, item.due_days) if item.due_anchor else None
    return ChecklistItemRow(item.id, item.activity_id, item.position, item.section, item.text,
                            item.guidance, item.owner, item.due_on, rule, item.done_at,
                            item.done_by, item.note, item.version)


def _live_items(session, activity_id: uuid.UUID) -> list[ChecklistItem]:
    return list(session.scalars(
        select(ChecklistItem).where(ChecklistItem.activity_id == activity_id,
                                    ChecklistItem.deleted_at.is_(None))
        .order_by(ChecklistItem.position, ChecklistItem.created_at)))


def _activity(session, activity_id: uuid.UUID) -> Activity:
    activity = session.get(Activity, activity_id)
    if activity is None or activity.deleted_at is not None:
        raise NotFound("That activity no longer exists.")
    return activity


def _item(session, item_id: uuid.UUID) -> ChecklistItem:
    item = session.get(ChecklistItem, item_id)
    if item is None or item.deleted_at is not None:
        raise NotFound("That checklist item no longer exists.")
    return item


def get_checklist(ctx: ServiceContext, activity_id: uuid.UUID) -> Checklist:
    """An activity's checklist, items in order, grouped by section on demand."""
    with ctx.uow() as uow:
        activity = _activity(uow.session, activity_id)
        items = tuple(_row(i) for i in _live_items(uow.session, activity_id))
        return Checklist(activity.id, activity.name, activity.kind, activity.status,
                         activity.starts_on, activity.ends_on, activity.city, activity.country,
                         activity.checklist_template, items)


# --- made from a template, moved with the activity ---------------------------------------


def add_items_from_template(session, activity: Activity, template: ChecklistTemplate,
                            after_position: int = -1) -> list[ChecklistItem]:
    """Copy a template's items onto an activity with real due dates; returns the new items."""
    position = after_position
    added = []
    for entry in template.items:
        position += 1
        rule = entry.rule
        item = ChecklistItem(
            id=uuid.uuid4(), activity_id=activity.id, activity=activity, position=position,
            section=entry.section, text=entry.text, guidance=entry.guidance, owner=entry.owner,
            due_on=rule.due_on(activity.starts_on, activity.ends_on) if rule else None,
            due_anchor=rule.anchor if rule else None, due_months=rule.months if rule else 0,
            due_days=rule.days if rule else 0)
        session.add(item)
        added.append(item)
    return added


def move_open_items(session, activity: Activity) -> int:
    """Give the open items their due dates for the activity's (new) dates; done items and
    fixed dates stay. Returns how many due dates changed."""
    moved = 0
    for item in _live_items(session, activity.id):
        if item.done_at is not None or item.due_anchor is None:
            continue
        due = DueRule(item.due_anchor, item.due_months, item.due_days).due_on(
            activity.starts_on, activity.ends_on)
        if due != item.due_on:
            item.due_on = due
            moved += 1
    return moved


def catch_up_items(items: list[ChecklistItem], today: date) -> int:
    """Open items that follow the activity and whose date has passed fall due from today
    (domain/catch_up.py); fixed dates and done items stay. Returns how many moved."""
    open_items = [i for i in items if i.done_at is None and i.due_anchor is not None
                  and i.due_on is not None]
    caught = 0
    for item, due in zip(open_items, catch_up([i.due_on for i in open_items], today), strict=True):
        if due != item.due_on:
            item.due_on = due
            caught += 1
    return caught


def template_past_due(ctx: ServiceContext, template: ChecklistTemplate, starts_on: date,
                      ends_on: date | None = None) -> PastDue:
    """Which of the template's items would already be overdue on an activity with these
    dates (ask the user before making the checklist)."""
    dues = [entry.rule.due_on(starts_on, ends_on) if entry.rule else None for entry in template.items]
    return past_due(dues, ctx.today(), starts_on)


def move_past_due(ctx: ServiceContext, activity_id: uuid.UUID, starts_on: date,
                  ends_on: date | None = None) -> PastDue:
    """Which open items of the activity's checklist would be overdue once it moves to these
    dates (nothing when the dates stay)."""
    with ctx.uow() as uow:
        activity = _activity(uow.session, activity_id)
        if (activity.starts_on, activity.ends_on) == (starts_on, ends_on):
            return past_due([], ctx.today(), starts_on)
        dues = [DueRule(i.due_anchor, i.due_months, i.due_days).due_on(starts_on, ends_on)
                for i in _live_items(uow.session, activity_id)
                if i.done_at is None and i.due_anchor is not None]
    return past_due(dues, ctx.today(), starts_on)


def add_template_items(ctx: ServiceContext, activity_id: uuid.UUID, template: ChecklistTemplate,
                       past_dates: PastDates = PastDates.KEEP) -> tuple[int, Changes]:
    """Add a template's items to an activity's checklist (after the items it has); with
    CATCH_UP, those whose date has passed fall due from today. Returns how many caught up."""
    with ctx.uow() as uow:
        activity = _activity(uow.session, activity_id)
        last = uow.session.scalar(select(func.max(ChecklistItem.position))
                                  .where(ChecklistItem.activity_id == activity_id))
        added = add_items_from_template(uow.session, activity, template,
                                        last if last is not None else -1)
        caught = catch_up_items(added, ctx.today()) if past_dates is PastDates.CATCH_UP else 0
        if not activity.checklist_template:
            activity.checklist_template = template.name
        return caught, uow.commit()


# --- ticking and notes ---------------------------------------------------------------------


def tick_item(ctx: ServiceContext, item_id: uuid.UUID,
              done: bool = True) -> tuple[ChecklistItemRow, Changes]:
    """Tick (or untick) an item, recording who and when. Ticking an item someone already
    ticked keeps their name and time. An unticked item goes back on the activity's dates
    (it may have moved meanwhile) — unless that date has passed and the item's own is later
    (it was caught up): reopening never throws it back into the past."""
    with ctx.uow() as uow:
        item = _item(uow.session, item_id)
        if done and item.done_at is None:
            item.done_at, item.done_by = ctx.now(), ctx.actor
        elif not done and item.done_at is not None:
            item.done_at, item.done_by = None, ""
            activity = uow.session.get(Activity, item.activity_id)
            if item.due_anchor is not None:
                due = DueRule(item.due_anchor, item.due_months, item.due_days).due_on(
                    activity.starts_on, activity.ends_on)
                caught_up = due < ctx.today() and item.due_on is not None and item.due_on > due
                if not caught_up:
                    item.due_on = due
        changes = uow.commit()
        return _row(item), changes


def _check_version(item: ChecklistItem, version: int | None, field: str, yours: object) -> None:
    if version is not None and item.version != version:
        raise ConflictError(f"The checklist item “{item.text[:60]}”",
                            {field: (getattr(item, field), yours)}, item.updated_by)


def set_item_note(ctx: ServiceContext, item_id: uuid.UUID, note: str,
                  version: int | None = None) -> tuple[ChecklistItemRow, Changes]:
    """Write the note of an item (empty clears it). With the `version` the writer saw, a note
    someone else changed in the meantime is not overwritten."""
    with ctx.uow() as uow:
        item = _item(uow.session, item_id)
        _check_version(item, version, "note", note.strip())
        item.note = note.strip()
        changes = uow.commit()
        return _row(item), changes


# --- adding, editing, removing items ---------------------------------------------------------


@dataclass(frozen=True)
class ItemInput:
    section: str
    text: str
    owner: str = ""
    due_on: date | None = None
    moves_with_activity: bool = True  # False: a fixed date, e.g. a partner's own deadline
    guidance: str = ""


def _validate_item(data: ItemInput) -> ItemInput:
    text = clean_text(data.text)
    if not text:
        raise ValidationError({"text": "An item needs a text."})
    return ItemInput(clean_text(data.section) or "General", text, clean_text(data.owner),
                     data.due_on, data.moves_with_activity, data.guidance.strip())


def _set_due(item: ChecklistItem, activity: Activity, due_on: date | None, moves: bool) -> None:
    if due_on is None or not moves:
        item.due_on, item.due_anchor, item.due_months, item.due_days = due_on, None, 0, 0
        return
    rule = DueRule.for_date(due_on, item.due_anchor or "start", activity.starts_on, activity.ends_on)
    item.due_on, item.due_anchor, item.due_months, item.due_days = due_on, rule.anchor, 0, rule.days


def add_item(ctx: ServiceContext, activity_id: uuid.UUID, data: ItemInput,
             after_item_id: uuid.UUID | None = None) -> tuple[ChecklistItemRow, Changes]:
    """Add an item to an activity's checklist, after the given item (or at the end)."""
    data = _validate_item(data)
    with ctx.uow() as uow:
        activity = _activity(uow.session, activity_id)
        items = _live_items(uow.session, activity_id)
        index = next((n + 1 for n, i in enumerate(items) if i.id == after_item_id), len(items))
        for position, existing in enumerate(items):
            wanted = position if position < index else position + 1
            if existing.position != wanted:
                existing.position = wanted
        item = ChecklistItem(id=uuid.uuid4(), activity_id=activity.id, activity=activity,
                             position=index, section=data.section, text=data.text,
                             owner=data.owner, guidance=data.guidance)
        _set_due(item, activity, data.due_on, data.moves_with_activity)
        uow.session.add(item)
        changes = uow.commit()
        return _row(item), changes


def update_item(ctx: ServiceContext, item_id: uuid.UUID, data: ItemInput,
                version: int | None = None) -> tuple[ChecklistItemRow, Changes]:
    """Change an item's text, section, owner or due date. A due date left as it was keeps
    its rule (e.g. calendar months); a new one counts in days from the same anchor."""
    data = _validate_item(data)
    with ctx.uow() as uow:
        item = _item(uow.session, item_id)
        _check_version(item, version, "text", data.text)
        activity = _activity(uow.session, item.activity_id)
        item.section, item.text, item.owner = data.section, data.text, data.owner
        if data.guidance != item.guidance:
            item.guidance = data.guidance
        was_moving = item.due_anchor is not None
        if data.due_on != item.due_on or data.moves_with_activity != was_moving:
            _set_due(item, activity, data.due_on, data.moves_with_activity)
        changes = uow.commit()
        return _row(item), changes


_CONTENT = ("section", "text", "guidance", "owner", "due_on", "rule", "done_at", "done_by", "note")


def revert_item(ctx: ServiceContext, before: ChecklistItemRow,
                after: ChecklistItemRow) -> tuple[ChecklistItemRow, Changes]:
    """Undo a change to an item: put it back as it was (`before`: ticked or not, by whom and
    when, its note, text and due date). `after` is how the change left it; if the item no
    longer looks like that (someone changed it since), nothing is undone."""
    with ctx.uow() as uow:
        item = _item(uow.session, before.id)
        now = _row(item)
        if any(getattr(now, key) != getattr(after, key) for key in _CONTENT):
            raise ServiceError(f"“{item.text[:60]}” was changed by {item.updated_by or 'someone else'} "
                               "since; nothing was undone.")
        item.section, item.text, item.guidance, item.owner = (before.section, before.text,
                                                              before.guidance, before.owner)
        rule = before.rule
        item.due_on = before.due_on
        item.due_anchor = rule.anchor if rule else None
        item.due_months, item.due_days = (rule.months, rule.days) if rule else (0, 0)
        item.done_at, item.done_by, item.note = before.done_at, before.done_by, before.note
        changes = uow.commit()
        return _row(item), changes


def remove_item(ctx: ServiceContext, item_id: uuid.UUID) -> Changes:
    """Take an item off the checklist (a tombstone: `restore_item` brings it back)."""
    return set_deleted(ctx, ChecklistItem, item_id, ctx.now(), "That checklist item no longer exists.")


def restore_item(ctx: ServiceContext, item_id: uuid.UUID) -> Changes:
    return set_deleted(ctx, ChecklistItem, item_id, None, "That checklist item no longer exists.")


# --- for the Today page and the command line -----------------------------------------------


def due_items(ctx: ServiceContext, until: date) -> list[AgendaItem]:
    """Open checklist items due by `until` (overdue ones included) of live activities."""
    query = (select(ChecklistItem.id, ChecklistItem.due_on, ChecklistItem.text,
                    ChecklistItem.section, ChecklistItem.owner, Activity.id, Activity.name)
             .join(Activity, Activity.id == ChecklistItem.activity_id)
             .where(ChecklistItem.due_on.is_not(None), ChecklistItem.due_on <= until,
                    ChecklistItem.done_at.is_(None), ChecklistItem.deleted_at.is_(None),
                    Activity.deleted_at.is_(None), Activity.status != "cancelled")
             .order_by(ChecklistItem.due_on, ChecklistItem.position))
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(query).all()
    return [AgendaItem("checklist", due, text, f"{activity} · {section}", "checklist_items",
                       item_id, owner, activity_id=activity_id, context=activity)
            for item_id, due, text, section, owner, activity_id, activity in rows]


def complete_agenda_item(ctx: ServiceContext, item_id: uuid.UUID) -> Changes:
    """Tick a checklist item from the Today page."""
    return tick_item(ctx, item_id, True)[1]


def named_checklists(ctx: ServiceContext) -> list[NamedRecord]:
    """Activities that have a checklist, soonest first, with their progress."""
    query = (select(Activity.id, Activity.name, Activity.starts_on,
                    func.count(ChecklistItem.id), func.count(ChecklistItem.done_at))
             .join(ChecklistItem, ChecklistItem.activity_id == Activity.id)
             .where(Activity.deleted_at.is_(None), ChecklistItem.deleted_at.is_(None))
             .group_by(Activity.id, Activity.name, Activity.starts_on)
             .order_by(Activity.starts_on, Activity.name))
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(query).all()
    return [NamedRecord(aid, name, f"{done} of {total} done · starts {format_date(starts)}")
            for aid, name, starts, total, done in rows]
