"""How the rows of a dry run become members and contacts inside the import's transaction,
recording each row written so that the whole import can be undone."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import select

from ..imports.outcome import contact_fill, fill_in, find_person
from ..imports.plan import ImportPlan, combined_values
from ..imports.rows import ContactData, RowOptions
from ..store.models import Contact, Member, Tag
from ..store.references import to_json
from .errors import ServiceError, ValidationError
from .members import (
    MemberInput,
    add_member,
    apply_member_input,
    index_member,
    member_detail,
    validate_member,
)


class TagCache:
    """Every tag, loaded once; new ones are shared with the members service's own lookup
    (`pending_tags`), so a tag is never created twice in one transaction."""

    def __init__(self, session) -> None:
        self.session = session
        self.pending = session.info.setdefault("pending_tags", {})
        self.known = {(t.kind, t.name.lower()): t for t in session.scalars(select(Tag))}

    def get(self, kind: str, names: Sequence[str]) -> list[Tag]:
        found = []
        for name in names:
            key = (kind, name.lower())
            tag = self.known.get(key) or self.pending.get(key)
            if tag is None:
                tag = Tag(id=uuid.uuid4(), kind=kind, name=name)
                self.session.add(tag)
                self.pending[key] = self.known[key] = tag
            found.append(tag)
        return found


@dataclass
class ImportWriter:
    session: object
    batch_id: uuid.UUID
    tags: TagCache
    items: list = field(default_factory=list)
    members_created: int = 0
    members_merged: int = 0
    contacts_created: int = 0
    contacts_updated: int = 0

    def _item(self, entity: str, entity_id: uuid.UUID, action: str, row: int | None, before=None) -> None:
        self.items.append({"id": uuid.uuid4(), "batch_id": self.batch_id, "entity": entity,
                           "entity_id": entity_id, "action": action, "source_row": row,
                           "before": before or {}})

    def create(self, plan: ImportPlan, group: list[int], options: RowOptions, today) -> None:
        values, contacts = combined_values(plan, group)
        values.setdefault("country", options.default_country)
        row = plan.candidates[group[0]].first_row
        try:
            data = validate_member(MemberInput(**values))
        except ValidationError as exc:
            raise ServiceError(f"Row {row}: {exc}") from None
        # Tags come from one lookup for the whole import instead of a query per member.
        member = add_member(self.session, replace(data, sectors=(), tags=()), today)
        member.tags = self.tags.get("sector", data.sectors) + self.tags.get("tag", data.tags)
        index_member(member, data)
        self._item("members", member.id, "created", row)
        self.members_created += 1
        for index, contact in enumerate(contacts):
            self._add_contact(member.id, contact, row, primary=index == 0)

    def _add_contact(self, member_id: uuid.UUID, contact: ContactData, row: int, primary: bool) -> None:
        record = Contact(id=uuid.uuid4(), member_id=member_id, name=contact.name, role=contact.role,
                         email=contact.email, phone=contact.phone, phone_e164=contact.phone_e164,
                         language=contact.language, is_primary=primary)
        self.session.add(record)
        self._item("contacts", record.id, "created", row)
        self.contacts_created += 1

    def fill(self, plan: ImportPlan, member_id: uuid.UUID, numbers: list[int], options: RowOptions,
             today) -> None:
        member = self.session.get(Member, member_id)
        row = plan.candidates[numbers[0]].first_row
        if member is None or member.deleted_at is not None:
            raise ServiceError(f"Row {row}: the member it was to be merged into was deleted or merged "
                               "since the dry run. Run the dry run again.")
        values, contacts = combined_values(plan, numbers)
        data = member_detail(member).data
        current = {k: getattr(data, k) for k in data.__dataclass_fields__}
        changes, added = fill_in(current, values)
        touched = False
        if changes:
            before = {"fields": {k: [to_json(current[k]), to_json(v)] for k, v in changes.items()
                                 if k not in added},
                      "added": {k: list(v) for k, v in added.items()}}
            apply_member_input(self.session, member, validate_member(replace(data, **changes)), today)
            self._item("members", member.id, "updated", row, before)
            touched = True
        known = [c for c in member.contacts if c.deleted_at is None]
        for contact in contacts:
            person = find_person(known, contact)
            if person is None:
                self._add_contact(member.id, contact, row, primary=not known)
                known.append(contact)
                touched = True
                continue
            fills = contact_fill(person, contact)
            if fills and isinstance(person, Contact):
                before = {"fields": {k: [getattr(person, k), v] for k, v in fills.items()}}
                for key, value in fills.items():
                    setattr(person, key, value)
                self._item("contacts", person.id, "updated", row, before)
                self.contacts_updated += 1
                touched = True
        self.members_merged += touched
