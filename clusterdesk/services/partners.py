"""Partners abroad (§4.1): clusters and organisations, their label, the trust built so far,
the joint history and the people there."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from ..domain.changes import Changes
from ..domain.countries import country_name
from ..domain.enums import EceiLabel, PartnerDriver, PartnerKind, TrustStage
from ..domain.text import plural, search_fold, sort_key
from ..store.models import Activity, Partner, PartnerContact, activity_partners
from .context import ServiceContext
from .dto import NamedRecord, clean_text, differences, like_terms
from .errors import ConflictError, NotFound, ValidationError
from .records import set_deleted
from .search import SearchHit, searcher

FIRST_ECEI_YEAR = 2009  # the initiative started handing out labels then


@dataclass(frozen=True)
class PartnerFilter:
    text: str = ""
    country: str | None = None
    label: str | None = None
    stage: str | None = None
    deleted: bool = False


@dataclass(frozen=True)
class PartnerRow:
    id: uuid.UUID
    name: str
    kind: str
    country: str | None
    city: str
    driven_by: str
    ecei_label: str
    ecei_year: int | None
    trust_stage: str
    focus: str
    contacts: int = 0
    activities: int = 0
    last_activity_on: date | None = None


@dataclass(frozen=True)
class PartnerContactInput:
    name: str
    role: str = ""
    email: str = ""
    phone: str = ""
    notes: str = ""
    id: uuid.UUID | None = None


@dataclass(frozen=True)
class PartnerInput:
    name: str
    kind: str = PartnerKind.CLUSTER.value
    country: str | None = None
    city: str = ""
    website: str = ""
    driven_by: str = PartnerDriver.UNKNOWN.value
    ecei_label: str = EceiLabel.NONE.value
    ecei_year: int | None = None
    trust_stage: str = TrustStage.FIRST_CONTACT.value
    focus: str = ""
    joint_history: str = ""
    notes: str = ""
    contacts: tuple[PartnerContactInput, ...] = ()
    version: int = 0


@dataclass(frozen=True)
class JointActivity:
    id: uuid.UUID
    name: str
    kind: str
    status: str
    starts_on: date


@dataclass(frozen=True)
class PartnerDetail:
    id: uuid.UUID
    data: PartnerInput
    updated_by: str
    deleted: bool
    activities: tuple[JointActivity, ...] = ()


_FIELDS = ("name", "kind", "country", "city", "website", "driven_by", "ecei_label", "ecei_year",
           "trust_stage", "focus", "joint_history", "notes")


# --- the list ----------------------------------------------------------------------------


def _where(f: PartnerFilter) -> list:
    clauses = [Partner.deleted_at.is_not(None) if f.deleted else Partner.deleted_at.is_(None)]
    clauses += like_terms(Partner.search_text, f.text)
    if f.country:
        clauses.append(Partner.country == f.country)
    if f.label:
        clauses.append(Partner.ecei_label == f.label)
    if f.stage:
        clauses.append(Partner.trust_stage == f.stage)
    return clauses


def list_partners(ctx: ServiceContext, f: PartnerFilter = PartnerFilter()) -> list[PartnerRow]:
    """The partners the filter matches, by name, with how much was done together."""
    live_activity = (select(activity_partners.c.partner_id,
                            func.count().label("n"), func.max(Activity.starts_on).label("last"))
                     .join(Activity, Activity.id == activity_partners.c.activity_id)
                     .where(Activity.deleted_at.is_(None), Activity.status != "cancelled")
                     .group_by(activity_partners.c.partner_id).subquery())
    contacts = (select(PartnerContact.partner_id, func.count().label("n"))
                .where(PartnerContact.deleted_at.is_(None))
                .group_by(PartnerContact.partner_id).subquery())
    query = (select(Partner.id, Partner.name, Partner.kind, Partner.country, Partner.city,
                    Partner.driven_by, Partner.ecei_label, Partner.ecei_year, Partner.trust_stage,
                    Partner.focus, func.coalesce(contacts.c.n, 0),
                    func.coalesce(live_activity.c.n, 0), live_activity.c.last)
             .outerjoin(contacts, contacts.c.partner_id == Partner.id)
             .outerjoin(live_activity, live_activity.c.partner_id == Partner.id)
             .where(*_where(f)).order_by(Partner.sort_name, Partner.id))
    with ctx.workspace.engine.connect() as conn:
        return [PartnerRow(*row) for row in conn.execute(query)]


def partner_countries(ctx: ServiceContext) -> list[str]:
    """The countries partners are in, for the filter."""
    query = (select(Partner.country).where(Partner.deleted_at.is_(None), Partner.country.is_not(None))
             .distinct())
    with ctx.workspace.engine.connect() as conn:
        codes = [c for (c,) in conn.execute(query)]
    return sorted(codes, key=country_name)


@searcher
def search_partners(ctx: ServiceContext, text: str, limit: int) -> list[SearchHit]:
    """Ctrl+K: partners by name, city, country, focus or a person there."""
    query = (select(Partner.id, Partner.name, Partner.city, Partner.country, Partner.trust_stage)
             .where(Partner.deleted_at.is_(None), *like_terms(Partner.search_text, text))
             .order_by(Partner.sort_name).limit(limit))
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(query).all()
    return [SearchHit("partner", r.id, r.name,
                      " · ".join(filter(None, (r.city, country_name(r.country),
                                               TrustStage(r.trust_stage).label))), "missions")
            for r in rows]


def named_partners(ctx: ServiceContext) -> list[NamedRecord]:
    return [NamedRecord(r.id, r.name, f"{country_name(r.country)} · {TrustStage(r.trust_stage).label}")
            for r in list_partners(ctx)]


# --- one partner -------------------------------------------------------------------------


def validate_partner(data: PartnerInput, today: date) -> PartnerInput:
    """Normalise what was typed; raise ValidationError naming each bad field (and contact row)."""
    errors: dict[str, str] = {}
    name = clean_text(data.name)
    if not name:
        errors["name"] = "A partner needs a name."
    for key, enum in (("kind", PartnerKind), ("driven_by", PartnerDriver),
                      ("ecei_label", EceiLabel), ("trust_stage", TrustStage)):
        if getattr(data, key) not in {m.value for m in enum}:
            errors[key] = f"“{getattr(data, key)}” is not one of the choices."
    if data.ecei_year is not None:
        if data.ecei_label == EceiLabel.NONE.value:
            errors["ecei_year"] = "A label year needs a label (bronze, silver or gold)."
        elif not FIRST_ECEI_YEAR <= data.ecei_year <= today.year + 1:
            errors["ecei_year"] = f"{data.ecei_year} is not a year a label can be from."
    contacts = []
    problems = []
    for number, contact in enumerate(data.contacts, start=1):
        cname = clean_text(contact.name)
        if not cname and not (contact.email.strip() or contact.phone.strip() or contact.role.strip()):
            continue  # an empty row left in the table
        if not cname:
            problems.append(f"row {number}: a contact needs a name")
        email = contact.email.strip()
        if email:
            from email_validator import EmailNotValidError, validate_email

            try:
                email = validate_email(email, check_deliverability=False).normalized
            except EmailNotValidError:
                problems.append(f"row {number}: “{email}” is not an email address")
        contacts.append(replace(contact, name=cname, role=clean_text(contact.role), email=email,
                                phone=contact.phone.strip()))
    if problems:
        errors["contacts"] = "; ".join(problems)
    if errors:
        raise ValidationError(errors)
    return replace(data, name=name, city=clean_text(data.city), website=data.website.strip(),
                   contacts=tuple(contacts))


def partner_search_text(data: PartnerInput) -> str:
    parts = [data.name, data.city, country_name(data.country), country_name(data.country, "da"),
             data.focus, *(c.name for c in data.contacts)]
    return search_fold(" ".join(p for p in parts if p))


def _apply(partner: Partner, data: PartnerInput, now: datetime) -> None:
    for key in _FIELDS:
        setattr(partner, key, getattr(data, key))
    partner.sort_name = sort_key(data.name)
    partner.search_text = partner_search_text(data)
    existing = {c.id: c for c in partner.contacts if c.deleted_at is None}
    kept: set[uuid.UUID] = set()
    for position, contact in enumerate(data.contacts):
        row = existing.get(contact.id) if contact.id else None
        if row is None:
            row = PartnerContact(id=uuid.uuid4(), name=contact.name)
            partner.contacts.append(row)
        kept.add(row.id)
        row.position = position
        for key in ("name", "role", "email", "phone", "notes"):
            setattr(row, key, getattr(contact, key))
    for contact_id, row in existing.items():
        if contact_id not in kept:
            row.deleted_at = now


def _detail(session, partner: Partner) -> PartnerDetail:
    contacts = tuple(PartnerContactInput(c.name, c.role, c.email, c.phone, c.notes, c.id)
                     for c in partner.contacts if c.deleted_at is None)
    data = PartnerInput(**{key: getattr(partner, key) for key in _FIELDS}, contacts=contacts,
                        version=partner.version)
    joint = session.execute(
        select(Activity.id, Activity.name, Activity.kind, Activity.status, Activity.starts_on)
        .join(activity_partners, activity_partners.c.activity_id == Activity.id)
        .where(activity_partners.c.partner_id == partner.id, Activity.deleted_at.is_(None))
        .order_by(Activity.starts_on.desc())).all()
    return PartnerDetail(partner.id, data, partner.updated_by, partner.deleted_at is not None,
                         tuple(JointActivity(*row) for row in joint))


def get_partner(ctx: ServiceContext, partner_id: uuid.UUID) -> PartnerDetail:
    with ctx.uow() as uow:
        partner = uow.session.get(Partner, partner_id)
        if partner is None:
            raise NotFound("That partner no longer exists.")
        return _detail(uow.session, partner)


def add_partner(session, data: PartnerInput, now: datetime) -> Partner:
    """Add a validated partner inside the caller's transaction (demo, imports, create)."""
    partner = Partner(id=uuid.uuid4(), name=data.name, contacts=[])
    with session.no_autoflush:
        _apply(partner, data, now)
    session.add(partner)
    return partner


def create_partner(ctx: ServiceContext, data: PartnerInput) -> tuple[PartnerDetail, Changes]:
    """Add a partner abroad."""
    data = validate_partner(data, ctx.today())
    with ctx.uow() as uow:
        partner = add_partner(uow.session, data, ctx.now())
        changes = uow.commit()
        return _detail(uow.session, partner), changes


def update_partner(ctx: ServiceContext, partner_id: uuid.UUID,
                   data: PartnerInput) -> tuple[PartnerDetail, Changes]:
    """Save the partner editor; refuses to overwrite a newer version saved by someone else."""
    data = validate_partner(data, ctx.today())
    with ctx.uow() as uow:
        partner = uow.session.get(Partner, partner_id)
        if partner is None:
            raise NotFound("That partner no longer exists.")
        if partner.version != data.version:
            theirs = _detail(uow.session, partner).data
            raise ConflictError(f"Partner “{partner.name}”", differences(theirs, data, _FIELDS),
                                partner.updated_by)
        with uow.session.no_autoflush:
            _apply(partner, data, ctx.now())
        changes = uow.commit()
        return _detail(uow.session, partner), changes


def delete_partner(ctx: ServiceContext, partner_id: uuid.UUID) -> Changes:
    """Move a partner to the bin; restore brings it back."""
    return set_deleted(ctx, Partner, partner_id, ctx.now(), "That partner no longer exists.")


def restore_partner(ctx: ServiceContext, partner_id: uuid.UUID) -> Changes:
    return set_deleted(ctx, Partner, partner_id, None, "That partner no longer exists.")


# --- evidence for the Today page -----------------------------------------------------------


def _stage_counts(ctx: ServiceContext) -> dict[str, int]:
    query = (select(Partner.trust_stage, func.count()).where(Partner.deleted_at.is_(None))
             .group_by(Partner.trust_stage))
    with ctx.workspace.engine.connect() as conn:
        return dict(conn.execute(query).all())


def cooperation_evidence(ctx: ServiceContext) -> str | None:
    """How far the trust with partners abroad has come (Phase 4: cooperation with partners)."""
    counts = _stage_counts(ctx)
    if not counts:
        return None
    wording = {TrustStage.ESTABLISHED: "established", TrustStage.SMALL_PROJECT: "in a small joint project",
               TrustStage.FIRST_CONTACT: "at first contact"}
    parts = [f"{counts[stage.value]} {wording[stage]}" for stage in wording if counts.get(stage.value)]
    return "Partners abroad: " + ", ".join(parts) + "."


def partners_in_place_evidence(ctx: ServiceContext) -> str | None:
    """How many partners abroad, in how many countries, with which labels (Phase 2)."""
    rows = list_partners(ctx)
    if not rows:
        return None
    countries = {r.country for r in rows if r.country}
    labelled = sum(1 for r in rows if r.ecei_label != EceiLabel.NONE.value)
    return (f"{plural(len(rows), 'partner')} abroad in {plural(len(countries), 'country', 'countries')}; "
            f"{labelled} with a cluster excellence label.")


def network_evidence(ctx: ServiceContext) -> str | None:
    """Partners with a joint activity in the last twelve months (Phase 5: nurture the network)."""
    rows = list_partners(ctx)
    if not rows:
        return None
    since = ctx.today() - timedelta(days=365)
    active = sum(1 for r in rows if r.last_activity_on is not None and r.last_activity_on >= since)
    return (f"{active} of {plural(len(rows), 'partner')} abroad had a joint activity in the last "
            "12 months or have one planned.")
