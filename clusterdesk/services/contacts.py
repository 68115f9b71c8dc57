"""Contact persons of a member and their consent records: list, load, save (with validated
email and phone), primary contact, delete to the bin and restore."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select

from ..domain.changes import Changes
from ..domain.languages import language_name, resolve_language
from ..domain.validation import InvalidValue, format_phone, normalise_email, parse_phone
from ..store.models import ConsentRecord, Contact, Member
from .context import ServiceContext
from .errors import ConflictError, ServiceError, ValidationError
from .records import load


@dataclass(frozen=True)
class ConsentInput:
    purpose: str
    given_on: date | None
    source: str = ""
    withdrawn_on: date | None = None
    id: uuid.UUID | None = None  # None: a new record

    @property
    def active(self) -> bool:
        return self.withdrawn_on is None


@dataclass(frozen=True)
class ContactInput:
    """What the contact dialog saves. `version` is the one loaded (0 for a new contact)."""

    name: str
    role: str = ""
    email: str = ""
    phone: str = ""  # as typed
    language: str = ""  # a code or a name as typed ('da', 'Danish', 'dansk')
    is_primary: bool = False
    notes: str = ""
    consents: tuple[ConsentInput, ...] = ()
    version: int = 0


@dataclass(frozen=True)
class ContactDetail:
    id: uuid.UUID
    member_id: uuid.UUID
    data: ContactInput
    phone_e164: str
    phone_display: str  # +45 22 33 44 55
    member_country: str | None
    updated_by: str
    deleted: bool
    erased: bool


@dataclass(frozen=True)
class ContactRow:
    id: uuid.UUID
    member_id: uuid.UUID
    name: str
    role: str
    email: str
    phone: str  # international format when the number could be read, else as typed
    phone_e164: str
    language: str  # code
    is_primary: bool
    consent: str  # e.g. "Newsletter (since 03-02-2025)"; "" when none
    deleted: bool
    erased: bool
    # The consents in force, (purpose, given on); () when none — or all withdrawn.
    consents_in_force: tuple[tuple[str, date], ...] = ()
    withdrawn: bool = False  # it had consents, and every one of them was withdrawn

    @property
    def language_name(self) -> str:
        return language_name(self.language)


# --- validation ----------------------------------------------------------------------------


def validate_contact(data: ContactInput, member_country: str | None) -> tuple[ContactInput, str]:
    """Normalise a contact as typed; returns it with the phone's E.164 form. Raises
    ValidationError naming each bad field ('consent 2' for the second consent row)."""
    errors: dict[str, str] = {}
    name = " ".join(data.name.split())
    if not name:
        errors["name"] = "A contact needs a name."
    email = phone_e164 = ""
    try:
        email = normalise_email(data.email)
    except InvalidValue as exc:
        errors["email"] = str(exc)
    try:
        phone = parse_phone(data.phone, member_country)
        phone_e164 = phone.e164 if phone else ""
    except InvalidValue as exc:
        errors["phone"] = str(exc)
    language = ""
    if data.language.strip():
        language = resolve_language(data.language) or ""
        if not language:
            errors["language"] = f"“{data.language.strip()}” is not a language we know; pick one from the list"
    consents = []
    for number, consent in enumerate(data.consents, start=1):
        purpose = " ".join(consent.purpose.split())
        problems = []
        if not purpose:
            problems.append("say what the consent is for")
        if consent.given_on is None:
            problems.append("give the date it was given")
        elif consent.withdrawn_on is not None and consent.withdrawn_on < consent.given_on:
            problems.append("it cannot be withdrawn before it was given")
        if problems:
            errors[f"consent {number}"] = "; ".join(problems)
        consents.append(replace(consent, purpose=purpose, source=" ".join(consent.source.split())))
    if errors:
        raise ValidationError(errors)
    clean = replace(data, name=name, role=" ".join(data.role.split()), email=email,
                    phone=data.phone.strip(), language=language, notes=data.notes.strip(),
                    consents=tuple(consents))
    return clean, phone_e164


# --- reading -------------------------------------------------------------------------------


def consent_summary(consents) -> str:
    """One line for a list: the consents in force, or that they were withdrawn."""
    from ..domain.formatting import format_date

    live = [c for c in consents if c.withdrawn_on is None]
    if live:
        return "; ".join(f"{c.purpose} (since {format_date(c.given_on)})" for c in live)
    if consents:
        return "Withdrawn"
    return ""


def _live_consents(contact: Contact) -> list[ConsentRecord]:
    return sorted((c for c in contact.consents if c.deleted_at is None),
                  key=lambda c: (c.given_on, c.purpose))


def _row(contact: Contact) -> ContactRow:
    consents = _live_consents(contact)
    in_force = tuple((c.purpose, c.given_on) for c in consents if c.withdrawn_on is None)
    return ContactRow(contact.id, contact.member_id, contact.name, contact.role, contact.email,
                      format_phone(contact.phone_e164, contact.phone), contact.phone_e164,
                      contact.language, contact.is_primary,
                      consent_summary(consents), contact.deleted_at is not None,
                      contact.erased_at is not None, in_force, bool(consents) and not in_force)


def _detail(contact: Contact, member_country: str | None) -> ContactDetail:
    consents = tuple(ConsentInput(c.purpose, c.given_on, c.source, c.withdrawn_on, c.id)
                     for c in _live_consents(contact))
    data = ContactInput(contact.name, contact.role, contact.email, contact.phone,
                        contact.language, contact.is_primary, contact.notes, consents,
                        contact.version)
    return ContactDetail(contact.id, contact.member_id, data, contact.phone_e164,
                         format_phone(contact.phone_e164, contact.phone), member_country,
                         contact.updated_by, contact.deleted_at is not None,
                         contact.erased_at is not None)


def list_contacts(ctx: ServiceContext, member_id: uuid.UUID, *, deleted: bool = False) -> list[ContactRow]:
    """A member's contacts, primary first; `deleted=True` lists the ones in the bin (not
    those whose personal data was erased: nothing of them is left to restore)."""
    with ctx.uow() as uow:
        query = select(Contact).where(Contact.member_id == member_id)
        if deleted:
            query = query.where(Contact.deleted_at.is_not(None), Contact.erased_at.is_(None))
        else:
            query = query.where(Contact.deleted_at.is_(None))
        contacts = uow.session.scalars(query).all()
        rows = [_row(c) for c in contacts]
    return sorted(rows, key=lambda r: (not r.is_primary, r.name.casefold()))


def get_contact(ctx: ServiceContext, contact_id: uuid.UUID) -> ContactDetail:
    with ctx.uow() as uow:
        contact = load(uow.session, Contact, contact_id, "That contact")
        member = uow.session.get(Member, contact.member_id)
        return _detail(contact, member.country if member else None)


# --- writing -------------------------------------------------------------------------------


def _member(session, member_id: uuid.UUID) -> Member:
    return load(session, Member, member_id, "That member", live=True)


def _siblings(session, contact: Contact) -> list[Contact]:
    return list(session.scalars(select(Contact).where(
        Contact.member_id == contact.member_id, Contact.id != contact.id,
        Contact.deleted_at.is_(None))))


def _apply(session, contact: Contact, data: ContactInput, phone_e164: str, now) -> None:
    for key in ("name", "role", "email", "phone", "language", "notes"):
        setattr(contact, key, getattr(data, key))
    contact.phone_e164 = phone_e164
    siblings = _siblings(session, contact)
    # A member always has one primary contact while it has any: the first one added, or
    # the one marked; marking another moves the mark.
    contact.is_primary = data.is_primary or not any(s.is_primary for s in siblings)
    if data.is_primary:
        for sibling in siblings:
            if sibling.is_primary:
                sibling.is_primary = False
    existing = {c.id: c for c in contact.consents if c.deleted_at is None}
    kept = set()
    for consent in data.consents:
        record = existing.get(consent.id) if consent.id else None
        if record is None:
            record = ConsentRecord(id=uuid.uuid4(), contact_id=contact.id)
            contact.consents.append(record)
        kept.add(record.id)
        record.purpose, record.given_on = consent.purpose, consent.given_on
        record.source, record.withdrawn_on = consent.source, consent.withdrawn_on
    for record_id, record in existing.items():
        if record_id not in kept:
            record.deleted_at = now


def create_contact(ctx: ServiceContext, member_id: uuid.UUID,
                   data: ContactInput) -> tuple[ContactDetail, Changes]:
    """Add a contact person to a member."""
    with ctx.uow() as uow:
        session = uow.session
        member = _member(session, member_id)
        data, phone_e164 = validate_contact(data, member.country)
        contact = Contact(id=uuid.uuid4(), member_id=member.id, name=data.name)
        with session.no_autoflush:
            contact.consents = []
            _apply(session, contact, data, phone_e164, ctx.now())
        session.add(contact)
        changes = uow.commit()
        return _detail(contact, member.country), changes


def update_contact(ctx: ServiceContext, contact_id: uuid.UUID,
                   data: ContactInput) -> tuple[ContactDetail, Changes]:
    """Save the contact dialog; refuses to overwrite a newer version saved by someone else."""
    with ctx.uow() as uow:
        session = uow.session
        contact = load(session, Contact, contact_id, "That contact")
        if contact.erased_at is not None:
            raise ValidationError({"name": "This contact's personal data was erased; add a new contact instead."})
        member = _member(session, contact.member_id)
        data, phone_e164 = validate_contact(data, member.country)
        if contact.version != data.version:
            theirs = _detail(contact, member.country).data
            diffs = {k: (getattr(theirs, k), getattr(data, k))
                     for k in ("name", "role", "email", "phone", "language", "is_primary", "notes")
                     if getattr(theirs, k) != getattr(data, k)}
            raise ConflictError(f"Contact “{contact.name}”", diffs, contact.updated_by)
        with session.no_autoflush:
            _apply(session, contact, data, phone_e164, ctx.now())
        changes = uow.commit()
        return _detail(contact, member.country), changes


def delete_contact(ctx: ServiceContext, contact_id: uuid.UUID) -> Changes:
    """Move a contact to the bin; if it was the primary contact, the next one takes over."""
    with ctx.uow() as uow:
        session = uow.session
        contact = load(session, Contact, contact_id, "That contact")
        contact.deleted_at = ctx.now()
        if contact.is_primary:
            contact.is_primary = False
            successor = sorted(_siblings(session, contact), key=lambda c: c.created_at)
            if successor:
                successor[0].is_primary = True
        return uow.commit()


def restore_contact(ctx: ServiceContext, contact_id: uuid.UUID) -> Changes:
    """Bring a contact back from the bin (primary again if the member has none)."""
    with ctx.uow() as uow:
        session = uow.session
        contact = load(session, Contact, contact_id, "That contact")
        if contact.erased_at is not None:
            raise ServiceError("This contact's personal data was erased; it cannot be restored.")
        _member(session, contact.member_id)
        contact.deleted_at = None
        if not any(s.is_primary for s in _siblings(session, contact)):
            contact.is_primary = True
        return uow.commit()
