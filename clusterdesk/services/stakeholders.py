"""Stakeholders (§2.3): business associations, foreign clusters, EEN offices, ministries,
knowledge institutions, funding bodies, the region — their influence and interest (the
power–interest grid), the relationship, the targets agreed with them, and their people."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace

from sqlalchemy import select

from ..domain.changes import Changes
from ..domain.countries import country_name
from ..domain.enums import StakeholderKind, StakeholderRelationship
from ..domain.stakeholders import SCALE, Quadrant, quadrant
from ..domain.text import plural, search_fold, sort_key
from ..domain.validation import InvalidValue, normalise_email, normalise_website, parse_phone
from ..store.models import Stakeholder, StakeholderContact
from .context import ServiceContext
from .dto import NamedRecord, clean_text, differences, like_terms
from .errors import ConflictError, ValidationError
from .records import load, set_deleted, touch

MISSING = "That stakeholder"


@dataclass(frozen=True)
class StakeholderContactInput:
    name: str
    role: str = ""
    email: str = ""
    phone: str = ""
    id: uuid.UUID | None = None


@dataclass(frozen=True)
class StakeholderInput:
    name: str
    kind: str = StakeholderKind.OTHER.value
    country: str | None = None
    website: str = ""
    influence: int = 3
    interest: int = 3
    relation: str = StakeholderRelationship.NONE.value
    offers: str = ""
    targets: str = ""
    notes: str = ""
    contacts: tuple[StakeholderContactInput, ...] = ()
    version: int = 0

    @property
    def quadrant(self) -> Quadrant:
        return quadrant(self.influence, self.interest)


@dataclass(frozen=True)
class StakeholderDetail:
    id: uuid.UUID
    data: StakeholderInput
    updated_by: str
    deleted: bool


@dataclass(frozen=True)
class StakeholderRow:
    id: uuid.UUID
    name: str
    kind: str
    country: str | None
    influence: int
    interest: int
    relation: str
    has_targets: bool
    contacts: int

    @property
    def quadrant(self) -> Quadrant:
        return quadrant(self.influence, self.interest)


@dataclass(frozen=True)
class StakeholderFilter:
    text: str = ""
    kind: str | None = None
    quadrant: str | None = None
    deleted: bool = False


_FIELDS = ("name", "kind", "country", "website", "influence", "interest", "relation", "offers",
           "targets", "notes")


def _input(stakeholder: Stakeholder) -> StakeholderInput:
    contacts = tuple(StakeholderContactInput(c.name, c.role, c.email, c.phone, c.id)
                     for c in sorted(stakeholder.contacts, key=lambda c: c.position) if c.deleted_at is None)
    return StakeholderInput(**{key: getattr(stakeholder, key) for key in _FIELDS}, contacts=contacts,
                            version=stakeholder.version)


def _detail(stakeholder: Stakeholder) -> StakeholderDetail:
    return StakeholderDetail(stakeholder.id, _input(stakeholder), stakeholder.updated_by,
                             stakeholder.deleted_at is not None)


# --- the list ---------------------------------------------------------------------------------


def list_stakeholders(ctx: ServiceContext, f: StakeholderFilter = StakeholderFilter()) -> list[StakeholderRow]:
    """The stakeholders the filter matches, by name."""
    clauses = [Stakeholder.deleted_at.is_not(None) if f.deleted else Stakeholder.deleted_at.is_(None),
               *like_terms(Stakeholder.search_text, f.text)]
    if f.kind:
        clauses.append(Stakeholder.kind == f.kind)
    with ctx.uow() as uow:
        rows = [StakeholderRow(s.id, s.name, s.kind, s.country, s.influence, s.interest, s.relation,
                               bool(s.targets.strip()), sum(1 for c in s.contacts if c.deleted_at is None))
                for s in uow.session.scalars(select(Stakeholder).where(*clauses)
                                             .order_by(Stakeholder.sort_name))]
    if f.quadrant:
        rows = [r for r in rows if r.quadrant.value == f.quadrant]
    return rows


def named_stakeholders(ctx: ServiceContext) -> list[NamedRecord]:
    return [NamedRecord(r.id, r.name, f"{StakeholderKind(r.kind).label} · {r.quadrant.label}")
            for r in list_stakeholders(ctx)]


# --- one stakeholder -----------------------------------------------------------------------------


def _contacts(data: StakeholderInput, errors: dict[str, str]) -> tuple[StakeholderContactInput, ...]:
    contacts, problems = [], []
    for number, contact in enumerate(data.contacts, start=1):
        name = clean_text(contact.name)
        if not (name or contact.role.strip() or contact.email.strip() or contact.phone.strip()):
            continue  # an empty row left in the table
        if not name:
            problems.append(f"row {number}: a person needs a name")
        email = contact.email
        try:
            email = normalise_email(contact.email)
        except InvalidValue as exc:
            problems.append(f"row {number}, email: {exc}")
        try:
            parse_phone(contact.phone, data.country or "DK")
        except InvalidValue as exc:
            problems.append(f"row {number}, phone: {exc}")
        contacts.append(replace(contact, name=name, role=clean_text(contact.role), email=email,
                                phone=contact.phone.strip()))
    if problems:
        errors["contacts"] = "; ".join(problems)
    return tuple(contacts)


def validate_stakeholder(data: StakeholderInput) -> StakeholderInput:
    """Normalise what was typed; raise ValidationError naming each bad field (and row)."""
    errors: dict[str, str] = {}
    name = clean_text(data.name)
    if not name:
        errors["name"] = "A stakeholder needs a name."
    for key, enum in (("kind", StakeholderKind), ("relation", StakeholderRelationship)):
        if getattr(data, key) not in {m.value for m in enum}:
            errors[key] = f"“{getattr(data, key)}” is not one of the choices."
    for key, what in (("influence", "Influence"), ("interest", "Interest")):
        if getattr(data, key) not in SCALE:
            errors[key] = f"{what} is scored from 1 (low) to 5 (high)."
    website = data.website
    try:
        website = normalise_website(data.website)
    except InvalidValue as exc:
        errors["website"] = str(exc)
    contacts = _contacts(data, errors)
    if errors:
        raise ValidationError(errors)
    return replace(data, name=name, website=website, contacts=contacts, offers=data.offers.strip(),
                   targets=data.targets.strip(), notes=data.notes.strip())


def _apply(stakeholder: Stakeholder, data: StakeholderInput, now) -> None:
    for key in _FIELDS:
        setattr(stakeholder, key, getattr(data, key))
    stakeholder.sort_name = sort_key(data.name)
    touch(stakeholder, now)  # a change to the people alone still moves the version on
    parts = [data.name, StakeholderKind(data.kind).label, country_name(data.country), data.offers,
             *(c.name for c in data.contacts)]
    stakeholder.search_text = search_fold(" ".join(p for p in parts if p))
    existing = {c.id: c for c in stakeholder.contacts if c.deleted_at is None}
    kept = set()
    for position, contact in enumerate(data.contacts):
        row = existing.get(contact.id) if contact.id else None
        if row is None:
            row = StakeholderContact(id=uuid.uuid4(), name=contact.name)
            stakeholder.contacts.append(row)
        kept.add(row.id)
        phone = parse_phone(contact.phone, data.country or "DK")
        row.position, row.name, row.role, row.email = position, contact.name, contact.role, contact.email
        row.phone, row.phone_e164 = contact.phone, phone.e164 if phone else ""
    for contact_id, row in existing.items():
        if contact_id not in kept:
            row.deleted_at = now


def add_stakeholder(session, data: StakeholderInput, now) -> Stakeholder:
    """Add a validated stakeholder inside the caller's transaction (demo, create)."""
    stakeholder = Stakeholder(id=uuid.uuid4(), name=data.name, contacts=[])
    with session.no_autoflush:
        _apply(stakeholder, data, now)
    session.add(stakeholder)
    return stakeholder


def get_stakeholder(ctx: ServiceContext, stakeholder_id: uuid.UUID) -> StakeholderDetail:
    with ctx.uow() as uow:
        return _detail(load(uow.session, Stakeholder, stakeholder_id, MISSING))


def create_stakeholder(ctx: ServiceContext, data: StakeholderInput) -> tuple[StakeholderDetail, Changes]:
    """Add a stakeholder to the analysis."""
    data = validate_stakeholder(data)
    with ctx.uow() as uow:
        stakeholder = add_stakeholder(uow.session, data, ctx.now())
        changes = uow.commit()
        return _detail(stakeholder), changes


def update_stakeholder(ctx: ServiceContext, stakeholder_id: uuid.UUID,
                       data: StakeholderInput) -> tuple[StakeholderDetail, Changes]:
    """Save the stakeholder editor; refuses to overwrite a newer version saved by someone else."""
    data = validate_stakeholder(data)
    with ctx.uow() as uow:
        stakeholder = load(uow.session, Stakeholder, stakeholder_id, MISSING)
        if stakeholder.version != data.version:
            raise ConflictError(f"Stakeholder “{stakeholder.name}”",
                                differences(_input(stakeholder), data, _FIELDS), stakeholder.updated_by)
        with uow.session.no_autoflush:
            _apply(stakeholder, data, ctx.now())
        changes = uow.commit()
        return _detail(stakeholder), changes


def delete_stakeholder(ctx: ServiceContext, stakeholder_id: uuid.UUID) -> Changes:
    """Move a stakeholder to the bin; restore brings it back."""
    return set_deleted(ctx, Stakeholder, stakeholder_id, ctx.now(), f"{MISSING} no longer exists.")


def restore_stakeholder(ctx: ServiceContext, stakeholder_id: uuid.UUID) -> Changes:
    return set_deleted(ctx, Stakeholder, stakeholder_id, None, f"{MISSING} no longer exists.")


def stakeholder_summary(ctx: ServiceContext) -> str | None:
    """How the stakeholders are mapped: per quadrant, and how many have agreed targets."""
    rows = list_stakeholders(ctx)
    if not rows:
        return None
    counts = {q: sum(1 for r in rows if r.quadrant == q) for q in Quadrant}
    close = counts[Quadrant.MANAGE_CLOSELY]
    targets = sum(1 for r in rows if r.quadrant == Quadrant.MANAGE_CLOSELY and r.has_targets)
    return (f"{plural(len(rows), 'stakeholder')} mapped; {close} to manage closely, "
            f"{targets} of them with agreed targets.")
