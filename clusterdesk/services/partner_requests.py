"""Partner-search requests (§5.2.3): a member asks for partners abroad — a company, researchers,
a cluster, a public body, in some countries, in a field, for a purpose, by a date. The
secretariat proposes candidates (found by `partner_matching`), records which were sent on to
the member and what came of each, and closes the request: found, not found or withdrawn.
Open requests with a deadline are on Today."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import case, func, select

from ..domain.changes import Changes
from ..domain.countries import country_name
from ..domain.network import PartnerType, ProposalResponse, RequestStatus, join_codes, split_codes
from ..domain.text import search_fold
from ..store.models import Member, PartnerRequest, RequestProposal
from .context import ServiceContext
from .dto import NamedRecord, clean_text, differences, like_terms
from .errors import ConflictError, ValidationError
from .network_links import check_countries
from .records import load, set_deleted, sync_rows, touch
from .search import SearchHit, searcher
from .today import AgendaItem

MISSING = "That partner-search request"
POSITIVE = (ProposalResponse.INTERESTED.value, ProposalResponse.IN_TALKS.value, ProposalResponse.AGREED.value)


@dataclass(frozen=True)
class ProposalInput:
    """A candidate proposed for the request: a partner abroad or a stakeholder (or a name
    typed by hand), the person there, and what came of it."""

    name: str
    partner_id: uuid.UUID | None = None
    stakeholder_id: uuid.UUID | None = None
    person: str = ""
    score: int | None = None
    proposed_on: date | None = None
    sent_on: date | None = None
    response: str = ProposalResponse.WAITING.value
    note: str = ""
    id: uuid.UUID | None = None


@dataclass(frozen=True)
class RequestInput:
    member_id: uuid.UUID | None
    field: str
    partner_type: str = PartnerType.ANY.value
    countries: tuple[str, ...] = ()
    purpose: str = ""
    received_on: date | None = None  # today when not given
    deadline: date | None = None
    owner: str = ""
    status: str = RequestStatus.OPEN.value
    closed_on: date | None = None  # the day the status left "searching"; set when not given
    result_note: str = ""
    proposals: tuple[ProposalInput, ...] = ()
    version: int = 0


@dataclass(frozen=True)
class RequestDetail:
    id: uuid.UUID
    data: RequestInput
    updated_by: str
    deleted: bool
    member_name: str

    @property
    def name(self) -> str:
        return request_name(self.member_name, self.data.field)


@dataclass(frozen=True)
class RequestRow:
    id: uuid.UUID
    member_id: uuid.UUID
    member_name: str
    field: str
    partner_type: str
    countries: tuple[str, ...]
    received_on: date
    deadline: date | None
    owner: str
    status: str
    closed_on: date | None
    proposed: int = 0
    sent: int = 0
    positive: int = 0  # interested, in talks or agreed

    @property
    def name(self) -> str:
        return request_name(self.member_name, self.field)


@dataclass(frozen=True)
class RequestFilter:
    text: str = ""
    status: str | None = None  # OPEN_ONLY for the open ones, a status, or None for all
    deleted: bool = False


OPEN_ONLY = RequestStatus.OPEN.value
_FIELDS = ("member_id", "field", "partner_type", "purpose", "received_on", "deadline", "owner", "status",
           "closed_on", "result_note")


def request_name(member: str, field: str) -> str:
    return f"{member}: {field}"


def countries_text(codes: tuple[str, ...]) -> str:
    return ", ".join(country_name(c) for c in codes) or "any country"


# --- the list ---------------------------------------------------------------------------------


def list_requests(ctx: ServiceContext, f: RequestFilter = RequestFilter()) -> list[RequestRow]:
    """The requests the filter matches, the soonest deadline first, with what was proposed."""
    clauses = [PartnerRequest.deleted_at.is_not(None) if f.deleted else PartnerRequest.deleted_at.is_(None),
               Member.deleted_at.is_(None), *like_terms(PartnerRequest.search_text, f.text)]
    if f.status:
        clauses.append(PartnerRequest.status == f.status)
    live = RequestProposal.deleted_at.is_(None)
    counts = (select(RequestProposal.request_id, func.count().label("proposed"),
                     func.count(RequestProposal.sent_on).label("sent"),
                     func.sum(case((RequestProposal.response.in_(POSITIVE), 1), else_=0)).label("positive"))
              .where(live).group_by(RequestProposal.request_id).subquery())
    query = (select(PartnerRequest.id, PartnerRequest.member_id, Member.name, PartnerRequest.field,
                    PartnerRequest.partner_type, PartnerRequest.countries, PartnerRequest.received_on,
                    PartnerRequest.deadline, PartnerRequest.owner, PartnerRequest.status, PartnerRequest.closed_on,
                    func.coalesce(counts.c.proposed, 0), func.coalesce(counts.c.sent, 0),
                    func.coalesce(counts.c.positive, 0))
             .join(Member, Member.id == PartnerRequest.member_id)
             .outerjoin(counts, counts.c.request_id == PartnerRequest.id)
             .where(*clauses)
             .order_by(PartnerRequest.deadline.is_(None), PartnerRequest.deadline, PartnerRequest.received_on))
    with ctx.workspace.engine.connect() as conn:
        return [RequestRow(*row[:5], split_codes(row[5]), *row[6:]) for row in conn.execute(query)]


def named_requests(ctx: ServiceContext) -> list[NamedRecord]:
    return [NamedRecord(r.id, r.name, RequestStatus(r.status).label) for r in list_requests(ctx)]


@searcher
def search_requests(ctx: ServiceContext, text: str, limit: int) -> list[SearchHit]:
    """Ctrl+K: partner-search requests by member, field, country or purpose."""
    query = (select(PartnerRequest.id, PartnerRequest.field, PartnerRequest.status, Member.name)
             .join(Member, Member.id == PartnerRequest.member_id)
             .where(PartnerRequest.deleted_at.is_(None), Member.deleted_at.is_(None),
                    *like_terms(PartnerRequest.search_text, text))
             .order_by(PartnerRequest.received_on.desc()).limit(limit))
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(query).all()
    return [SearchHit("partner-request", r.id, request_name(r.name, r.field),
                      f"Partner search · {RequestStatus(r.status).label}", "network") for r in rows]


# --- one request ------------------------------------------------------------------------------


def _proposals(data: RequestInput, today: date, errors: dict[str, str]) -> tuple[ProposalInput, ...]:
    proposals, problems = [], []
    for number, proposal in enumerate(data.proposals, start=1):
        name = clean_text(proposal.name)
        if not (name or proposal.person.strip() or proposal.note.strip() or proposal.sent_on):
            continue  # an empty row left in the table
        if not name:
            problems.append(f"row {number}: say who was proposed")
        if proposal.response not in {r.value for r in ProposalResponse}:
            problems.append(f"row {number}: “{proposal.response}” is not a response")
        proposed_on = proposal.proposed_on or today
        if proposal.sent_on and proposal.sent_on < proposed_on:
            problems.append(f"row {number}: sent before it was proposed")
        proposals.append(replace(proposal, name=name, person=clean_text(proposal.person),
                                 note=proposal.note.strip(), proposed_on=proposed_on))
    if problems:
        errors["proposals"] = "; ".join(problems)
    return tuple(proposals)


def validate_request(data: RequestInput, today: date) -> RequestInput:
    """Normalise what was typed; raise ValidationError naming each bad field (and proposal row)."""
    errors: dict[str, str] = {}
    if data.member_id is None:
        errors["member_id"] = "Say which member asks (type part of the name and pick it)."
    field = clean_text(data.field)
    if not field:
        errors["field"] = "Say what the member looks for: a field, a technology, a kind of partner."
    for key, enum in (("partner_type", PartnerType), ("status", RequestStatus)):
        if getattr(data, key) not in {m.value for m in enum}:
            errors[key] = f"“{getattr(data, key)}” is not one of the choices."
    countries = check_countries(data.countries, "countries", errors)
    received_on = data.received_on or today
    if received_on > today:
        errors["received_on"] = "A request cannot have come in after today."
    if data.deadline is not None and data.deadline < received_on:
        errors["deadline"] = "The deadline cannot be before the request came in."
    proposals = _proposals(data, today, errors)
    closed_on = None
    if data.status in {s.value for s in RequestStatus} and not RequestStatus(data.status).is_open:
        closed_on = data.closed_on or today
        if closed_on < received_on:
            errors["closed_on"] = "A request cannot be closed before it came in."
    if errors:
        raise ValidationError(errors)
    return replace(data, field=field, countries=countries, received_on=received_on, closed_on=closed_on,
                   owner=clean_text(data.owner), purpose=data.purpose.strip(),
                   result_note=data.result_note.strip(), proposals=proposals)


def _input(request: PartnerRequest) -> RequestInput:
    proposals = tuple(ProposalInput(p.name, p.partner_id, p.stakeholder_id, p.person, p.score, p.proposed_on,
                                    p.sent_on, p.response, p.note, p.id)
                      for p in sorted(request.proposals, key=lambda p: p.position) if p.deleted_at is None)
    return RequestInput(**{key: getattr(request, key) for key in _FIELDS},
                        countries=split_codes(request.countries), proposals=proposals, version=request.version)


def _detail(session, request: PartnerRequest) -> RequestDetail:
    member = session.get(Member, request.member_id)
    return RequestDetail(request.id, _input(request), request.updated_by, request.deleted_at is not None,
                         member.name if member else "")


def _apply(session, request: PartnerRequest, data: RequestInput, now) -> None:
    member = session.get(Member, data.member_id)
    if member is None or member.deleted_at is not None:
        raise ValidationError({"member_id": "That member no longer exists (or is in the bin)."})
    for key in _FIELDS:
        setattr(request, key, getattr(data, key))
    request.countries = join_codes(data.countries)
    touch(request, now)

    def build(proposal: ProposalInput) -> RequestProposal:
        return RequestProposal(id=uuid.uuid4(), request=request, name=proposal.name,
                               proposed_on=proposal.proposed_on)

    def update(row: RequestProposal, proposal: ProposalInput) -> None:
        for key in ("name", "partner_id", "stakeholder_id", "person", "score", "proposed_on", "sent_on",
                    "response", "note"):
            setattr(row, key, getattr(proposal, key))

    sync_rows(session, [p for p in request.proposals if p.deleted_at is None], data.proposals, build, update, now)
    parts = [member.name, data.field, PartnerType(data.partner_type).label, data.purpose, data.owner,
             *(country_name(c) for c in data.countries), *(country_name(c, "da") for c in data.countries),
             *(p.name for p in data.proposals)]
    request.search_text = search_fold(" ".join(p for p in parts if p))


def add_request(session, data: RequestInput, now) -> PartnerRequest:
    """Add a validated request inside the caller's transaction (demo, create)."""
    request = PartnerRequest(id=uuid.uuid4(), member_id=data.member_id, field=data.field,
                             received_on=data.received_on, proposals=[])
    session.add(request)
    with session.no_autoflush:
        _apply(session, request, data, now)
    return request


def get_request(ctx: ServiceContext, request_id: uuid.UUID) -> RequestDetail:
    with ctx.uow() as uow:
        return _detail(uow.session, load(uow.session, PartnerRequest, request_id, MISSING))


def create_request(ctx: ServiceContext, data: RequestInput) -> tuple[RequestDetail, Changes]:
    """Record a member's request for partners abroad."""
    data = validate_request(data, ctx.today())
    with ctx.uow() as uow:
        request = add_request(uow.session, data, ctx.now())
        changes = uow.commit()
        return _detail(uow.session, request), changes


def update_request(ctx: ServiceContext, request_id: uuid.UUID, data: RequestInput) -> tuple[RequestDetail, Changes]:
    """Save the request editor; refuses to overwrite a newer version saved by someone else."""
    data = validate_request(data, ctx.today())
    with ctx.uow() as uow:
        request = load(uow.session, PartnerRequest, request_id, MISSING)
        if request.version != data.version:
            raise ConflictError("The partner-search request", differences(_input(request), data, _FIELDS),
                                request.updated_by)
        with uow.session.no_autoflush:
            _apply(uow.session, request, data, ctx.now())
        changes = uow.commit()
        return _detail(uow.session, request), changes


def delete_request(ctx: ServiceContext, request_id: uuid.UUID) -> Changes:
    """Move a request to the bin (it leaves Today); restore brings it back."""
    return set_deleted(ctx, PartnerRequest, request_id, ctx.now(), f"{MISSING} no longer exists.")


def restore_request(ctx: ServiceContext, request_id: uuid.UUID) -> Changes:
    return set_deleted(ctx, PartnerRequest, request_id, None, f"{MISSING} no longer exists.")


# --- Today ---------------------------------------------------------------------------------------


def requests_due(ctx: ServiceContext, until: date) -> list[AgendaItem]:
    """Open requests whose deadline falls by `until` (overdue ones included)."""
    rows = [r for r in list_requests(ctx, RequestFilter(status=OPEN_ONLY))
            if r.deadline is not None and r.deadline <= until]
    items = []
    for r in rows:
        progress = (f"{r.proposed} proposed, {r.sent} sent" if r.proposed else "nothing proposed yet")
        items.append(AgendaItem(
            "partner-search", r.deadline, f"Partner search for {r.member_name}: {r.field}",
            f"{PartnerType(r.partner_type).label} in {countries_text(r.countries)} · {progress}",
            "partner_requests", r.id, r.owner, r.member_id))
    return items

