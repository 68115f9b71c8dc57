"""What an import will do with the user's decisions: which members it creates, which existing
ones it fills in (blanks only, lists unioned), which contacts it adds or completes."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from ..domain.merge_rules import is_blank
from ..domain.similarity import person_key
from ..domain.text import plural
from .fields import FIELD_BY_KEY
from .plan import Duplicate, ImportPlan, combined_values, resolve
from .rows import LIST_KEYS, MEMBER_KEYS, ContactData


@dataclass(frozen=True)
class ExistingDetail:
    """A member a duplicate points at: its field values and its live contacts."""

    id: uuid.UUID
    values: dict
    contacts: tuple[ContactData, ...] = ()


def fill_in(existing: dict, incoming: dict) -> tuple[dict, dict]:
    """(new values, names added per list) for filling an existing member from the file:
    blanks are filled, filled values are kept, lists gain what they lack."""
    changes: dict = {}
    added: dict = {}
    for key in MEMBER_KEYS:
        value = incoming.get(key)
        if is_blank(key, value):
            continue
        have = existing.get(key)
        if key in LIST_KEYS:
            known = {str(v).casefold() for v in have or ()}
            new = [v for v in value if str(v).casefold() not in known]
            if new:
                changes[key] = (*(have or ()), *new)
                added[key] = new
        elif is_blank(key, have):
            changes[key] = value
    return changes, added


CONTACT_FILLS = ("role", "email", "language")


def find_person(contacts: Sequence, contact: ContactData):
    """The known contact that is this person (same email, or the same name), or None."""
    for known in contacts:
        if contact.email and known.email and known.email.lower() == contact.email.lower():
            return known
    key = person_key(contact.name)
    for known in contacts:
        if person_key(known.name) == key and not (contact.email and known.email):
            return known
    return None


def contact_fill(known, contact: ContactData) -> dict:
    """Fields of a known contact the file fills in (blanks only)."""
    changes = {k: getattr(contact, k) for k in CONTACT_FILLS
               if not getattr(known, k) and getattr(contact, k)}
    if not known.phone and contact.phone:
        changes.update(phone=contact.phone, phone_e164=contact.phone_e164)
    return changes


@dataclass(frozen=True)
class ImportSummary:
    members_new: int = 0
    members_merged: int = 0  # existing members the file adds to
    contacts_new: int = 0
    contacts_updated: int = 0
    organisations_skipped: int = 0
    rows_left_out: int = 0  # rows with problems, when the user chose to leave them out

    def text(self, *, past: bool = False) -> str:
        """'create 3 members, add 5 contacts, …' (or 'created …' once done)."""
        verbs = {"create": "created", "add": "added", "complete": "completed", "add to": "added to",
                 "skip": "skipped", "leave out": "left out"}
        parts = [("create", plural(self.members_new, "member"))]
        parts.append(("add", plural(self.contacts_new, "contact")))
        if self.contacts_updated:
            parts.append(("complete", plural(self.contacts_updated, "known contact")))
        if self.members_merged:
            parts.append(("add to", plural(self.members_merged, "existing member")))
        if self.organisations_skipped:
            parts.append(("skip", plural(self.organisations_skipped, "duplicate")))
        if self.rows_left_out:
            parts.append(("leave out", plural(self.rows_left_out, "row") + " with problems"))
        return ", ".join(f"{verbs[verb] if past else verb} {what}" for verb, what in parts)


@dataclass
class _Count:
    contacts_new: int = 0
    contacts_updated: int = 0


def summarise(plan: ImportPlan, existing: dict[uuid.UUID, ExistingDetail],
              decisions: dict[int, str] | None = None, *, skip_invalid: bool = False) -> ImportSummary:
    """What the import will do, counted without writing anything."""
    resolution = resolve(plan, decisions)
    count = _Count()
    for group in resolution.new:
        _values, contacts = combined_values(plan, group)
        count.contacts_new += len(contacts)
    merged = 0
    for member_id, numbers in resolution.into_existing.items():
        detail = existing.get(member_id)
        values, contacts = combined_values(plan, numbers)
        known = list(detail.contacts) if detail else []
        changed_member = bool(fill_in(detail.values if detail else {}, values)[0])
        changed_contacts = False
        for contact in contacts:
            person = find_person(known, contact)
            if person is None:
                count.contacts_new += 1
                known.append(contact)
                changed_contacts = True
            elif contact_fill(person, contact):
                count.contacts_updated += 1
                changed_contacts = True
        merged += changed_member or changed_contacts
    return ImportSummary(len(resolution.new), merged, count.contacts_new, count.contacts_updated,
                         len(resolution.skipped), len(plan.bad_rows) if skip_invalid else 0)


@dataclass(frozen=True)
class FieldDifference:
    label: str
    in_file: str
    in_workspace: str
    outcome: str  # "fills the blank" / "kept as it is" / "adds …"


def differences(plan: ImportPlan, duplicate: Duplicate,
                existing: dict[uuid.UUID, ExistingDetail]) -> list[FieldDifference]:
    """Field by field, what merging this file organisation into its match would change."""
    candidate = plan.candidates[duplicate.candidate]
    if duplicate.target_member is not None:
        detail = existing.get(duplicate.target_member)
        theirs = detail.values if detail else {}
    else:
        theirs = plan.candidates[duplicate.target_candidate].values
    changes, added = fill_in(theirs, candidate.values)
    result = []
    for key in MEMBER_KEYS:
        mine = candidate.values.get(key)
        if is_blank(key, mine):
            continue
        label = FIELD_BY_KEY[key].label
        shown_mine = ", ".join(mine) if key in LIST_KEYS else str(mine)
        have = theirs.get(key)
        shown_theirs = ", ".join(have or ()) if key in LIST_KEYS else ("" if have is None else str(have))
        if key in added:
            result.append(FieldDifference(label, shown_mine, shown_theirs, "adds " + ", ".join(added[key])))
        elif key in changes:
            result.append(FieldDifference(label, shown_mine, shown_theirs, "fills the blank"))
        elif key not in LIST_KEYS and str(have) != str(mine):
            result.append(FieldDifference(label, shown_mine, shown_theirs, "kept as it is"))
    if duplicate.target_member is not None:
        known: list = list(detail.contacts) if detail else []
    else:
        known = list(plan.candidates[duplicate.target_candidate].contacts)
    for contact in candidate.contacts:
        person = find_person(known, contact)
        mine = " · ".join(dict.fromkeys(p for p in (contact.name, contact.email) if p))
        if person is None:
            result.append(FieldDifference("Contact", mine, "", "adds this contact"))
        else:
            fills = contact_fill(person, contact)
            theirs_text = " · ".join(dict.fromkeys(p for p in (person.name, person.email) if p))
            filled = [k for k in fills if k != "phone_e164"]
            outcome = "completes " + ", ".join(filled) if filled else "already there"
            result.append(FieldDifference("Contact", mine, theirs_text, outcome))
    return result
