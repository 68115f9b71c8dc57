"""Personal data of contact persons (DESIGN §3, §4.11): everything held about one person, for
an access request; and erasure — the personal fields gone everywhere (the contact, texts
that name them, the audit trail's payloads) while anonymous counts stay, and an erasure log
that records that it happened but not whose data it was."""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import String, cast, or_, select

from ..domain.changes import Changes
from ..store.models import (
    ActionPlan,
    ActionPlanParticipant,
    Answer,
    AnswerSet,
    AuditEntry,
    Budget,
    Campaign,
    Contact,
    ErasureEntry,
    FundingCall,
    Interaction,
    KpiMeasurement,
    Member,
    Outcome,
    Stakeholder,
    StrategyMilestone,
    SubActivity,
    SuccessStory,
    SwotAnalysis,
)
from .context import ServiceContext
from .errors import ServiceError
from .records import load

ERASED_NAME = "Erased contact"
ERASED_TEXT = "[erased]"
PERSONAL_FIELDS = ("name", "role", "email", "phone", "phone_e164", "language", "notes")
ERASURE_REASONS = {
    "request": "The person asked to be erased",
    "retention": "Kept longer than needed (retention period ended)",
    "left": "Left the member organisation; no longer needed",
}
# Free-text columns that may name a person, and the column that ties a row to a member
# (that member's rows are all read, so a spelling SQL's LIKE would miss is still found;
# None: only rows whose text mentions the person are read). Other areas add theirs here, so
# that one erasure reaches every text in the workspace.
TEXTS_THAT_NAME_PEOPLE: list[tuple[type, tuple[str, ...], str | None]] = [
    (Interaction, ("attendees", "summary", "needs", "next_step"), "member_id"),
    (Member, ("notes",), "id"),
    (AnswerSet, ("respondent",), "member_id"),
    (Answer, ("other", "text"), None),
    (Campaign, ("notes",), None),
    (Stakeholder, ("offers", "targets", "notes"), None),
    (FundingCall, ("fit_note", "notes"), None),
    (Budget, ("notes",), None),
    (SwotAnalysis, ("notes",), None),
    (SuccessStory, ("text", "quote", "quote_by"), "member_id"),
    (Outcome, ("partner", "note"), "member_id"),
    (ActionPlan, ("purpose", "institutions", "dissemination", "budget_note"), None),
    (ActionPlanParticipant, ("note",), "member_id"),
    (SubActivity, ("text", "owner", "note"), None),
    (KpiMeasurement, ("note",), "id"),
    (StrategyMilestone, ("note",), "id"),
]


@dataclass(frozen=True)
class ErasureReport:
    records_touched: int
    audit_entries_scrubbed: int


# --- access: everything about one person ------------------------------------------------------


def _plain(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def _columns(obj, names) -> dict:
    return {name: _plain(getattr(obj, name)) for name in names}


def _identifiers(contact: Contact) -> list[str]:
    """The strings that identify the person in free text (the whole name, email, phone)."""
    found = [contact.name, contact.email, contact.phone, contact.phone_e164]
    return [s for s in dict.fromkeys(x.strip() for x in found) if len(s) >= 3]


def _pattern(identifiers: list[str]) -> re.Pattern:
    # Whole words only: erasing "Bo Holm" must not touch "Bornholm".
    return re.compile("|".join(rf"(?<!\w){re.escape(s)}(?!\w)" for s in identifiers), re.IGNORECASE)


def _contains(column, text: str):
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.ilike(f"%{escaped}%", escape="\\")


def _mentions(column, identifiers: list[str]):
    return or_(*(_contains(column, s) for s in identifiers))


def contact_data(ctx: ServiceContext, contact_id: uuid.UUID) -> dict:
    """Everything the workspace holds about one contact person, as JSON-ready data."""
    with ctx.uow() as uow:
        session = uow.session
        contact = load(session, Contact, contact_id, "That contact")
        member = session.get(Member, contact.member_id)
        identifiers = _identifiers(contact)
        interactions = session.scalars(
            select(Interaction).where(or_(
                Interaction.contact_id == contact.id,
                *([_mentions(Interaction.attendees, identifiers)] if identifiers else [])))
            .order_by(Interaction.occurred_on)).all()
        consent_ids = [c.id for c in contact.consents]
        audit = session.scalars(
            select(AuditEntry).where(AuditEntry.entity_id.in_([contact.id, *consent_ids]))
            .order_by(AuditEntry.at)).all()
        return {
            "exported_at": ctx.now().isoformat(),
            "exported_by": ctx.actor,
            "workspace": ctx.workspace.name,
            "contact": {
                "id": str(contact.id),
                **_columns(contact, (*PERSONAL_FIELDS, "is_primary", "created_at", "updated_at",
                                     "updated_by", "deleted_at", "erased_at")),
                "member": member.name if member else "",
            },
            "consents": [_columns(c, ("purpose", "given_on", "source", "withdrawn_on",
                                      "created_at", "updated_by", "deleted_at"))
                         for c in contact.consents],
            "interactions": [
                {"as": "contact" if i.contact_id == contact.id else "attendee",
                 **_columns(i, ("kind", "occurred_on", "staff", "attendees", "summary", "needs",
                                "next_step", "follow_up_on", "follow_up_done_at", "deleted_at"))}
                for i in interactions],
            "history": [{"at": _plain(a.at), "by": a.actor, "action": a.action,
                         "table": a.entity, "changes": a.changes} for a in audit],
        }


# --- erasure -------------------------------------------------------------------------------


def _scrub(value, pattern: re.Pattern):
    if isinstance(value, str):
        return pattern.sub(ERASED_TEXT, value)
    if isinstance(value, list):
        return [_scrub(v, pattern) for v in value]
    if isinstance(value, dict):
        return {k: _scrub(v, pattern) for k, v in value.items()}
    return value


def _audit_mentions(identifiers: list[str]):
    # JSON may store "Søren" as "S\u00f8ren": look for both spellings.
    spellings = {s for ident in identifiers for s in (ident, json.dumps(ident)[1:-1])}
    text = cast(AuditEntry.changes, String)
    return or_(*(_contains(text, s) for s in spellings))


def erase_contact(ctx: ServiceContext, contact_id: uuid.UUID,
                  reason: str) -> tuple[ErasureReport, Changes]:
    """Erase a contact's personal data everywhere; cannot be undone (backups aside)."""
    if reason not in ERASURE_REASONS:
        raise ServiceError(f"“{reason}” is not one of the erasure reasons.")
    with ctx.uow() as uow:
        session = uow.session
        contact = load(session, Contact, contact_id, "That contact")
        if contact.erased_at is not None:
            raise ServiceError("This contact's personal data has already been erased.")
        identifiers = _identifiers(contact)
        pattern = _pattern(identifiers) if identifiers else None
        touched = 1
        read_ids = {contact.id}  # rows whose audit entries are searched in full
        now = ctx.now()
        if contact.is_primary:
            successor = session.scalars(select(Contact).where(
                Contact.member_id == contact.member_id, Contact.id != contact.id,
                Contact.deleted_at.is_(None)).order_by(Contact.created_at)).first()
            if successor is not None:
                successor.is_primary = True
        for key in PERSONAL_FIELDS:
            setattr(contact, key, "")
        contact.name = ERASED_NAME
        contact.is_primary = False
        contact.erased_at = now  # its search text is emptied with it (store.derived)
        contact.deleted_at = contact.deleted_at or now
        for consent in contact.consents:
            if consent.withdrawn_on is None:
                consent.withdrawn_on = ctx.today()
                touched += 1
        if pattern is not None:
            for model, columns, member_column in TEXTS_THAT_NAME_PEOPLE:
                same_member = ([getattr(model, member_column) == contact.member_id]
                               if member_column else [])
                rows = session.scalars(select(model).where(or_(
                    *same_member,
                    *(_mentions(getattr(model, c), identifiers) for c in columns)))).all()
                for row in rows:
                    read_ids.add(row.id)
                    changed = False
                    for column in columns:
                        new = _scrub(getattr(row, column), pattern)
                        if new != getattr(row, column):
                            setattr(row, column, new)
                            changed = True
                    touched += changed
        session.flush()  # the audit hook has now written its entries for the changes above
        scrubbed = 0
        audit_filter = [AuditEntry.entity_id.in_(read_ids)]
        if identifiers:
            audit_filter.append(_audit_mentions(identifiers))
        for entry in session.scalars(select(AuditEntry).where(or_(*audit_filter))):
            changes = dict(entry.changes or {})
            if entry.entity_id == contact.id:
                for key in PERSONAL_FIELDS:
                    if key in changes:
                        changes[key] = [None if v in (None, "") else ERASED_TEXT
                                        for v in changes[key]]
            if pattern is not None:
                changes = _scrub(changes, pattern)
            if changes != entry.changes:
                entry.changes = changes
                scrubbed += 1
        session.add(ErasureEntry(actor=ctx.actor, subject_kind="contact", reason=reason,
                                 records_touched=touched, audit_entries_scrubbed=scrubbed))
        changes = uow.commit()
        return ErasureReport(touched, scrubbed), changes | Changes.of("audit_log", "erasure_log")
