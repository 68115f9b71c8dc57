"""Funding calls (§2.2.1): programme, call id, dated stages, financing and success rates, the
typical grant and what the call is worth, the status with its dates, how well it fits the
strategy, and the documents to prepare (appendix 3) ticked with who and when."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import select

from ..domain.changes import Changes
from ..domain.checklists import Progress
from ..domain.enums import CallStatus, FundingSourceKind
from ..domain.funding import (
    STATUS_ORDER,
    StatusDateError,
    StatusDates,
    basis_points_to_percent,
    default_documents,
    next_deadline,
    percent_to_basis_points,
    settle_status_dates,
)
from ..domain.money import Money
from ..domain.text import search_fold, sort_key
from ..domain.validation import InvalidValue, normalise_website
from ..store.models import CallDeadline, CallDocument, FundingCall, FundingSource
from .context import ServiceContext
from .dto import NamedRecord, clean_text, differences, like_terms
from .errors import ConflictError, ValidationError
from .funding_types import (  # noqa: F401 - the funding service's vocabulary, used from here
    CallDetail,
    CallFigures,
    CallFilter,
    CallInput,
    CallRow,
    Deadline,
    DeadlineInput,
    Document,
    DocumentInput,
)
from .records import load, set_deleted, touch

MISSING = "That funding call"
OPEN = "open"  # the status filter for calls still in play (watching, preparing, submitted)


_FIELDS = ("title", "source_id", "call_code", "status", "preparing_on", "submitted_on",
           "decided_on", "fit_rating", "fit_note", "responsible", "link", "warn_days", "notes")


def _money(minor: int | None, currency: str) -> Money | None:
    return Money.from_minor(minor, currency) if minor is not None else None


def _deadlines(call: FundingCall) -> tuple[Deadline, ...]:
    return tuple(Deadline(d.id, d.stage, d.due_on, d.done_at, d.done_by)
                 for d in sorted(call.deadlines, key=lambda d: d.due_on) if d.deleted_at is None)


def _documents(call: FundingCall) -> tuple[Document, ...]:
    return tuple(Document(d.id, d.text, d.done_at, d.done_by)
                 for d in sorted(call.documents, key=lambda d: d.position) if d.deleted_at is None)


def _input(call: FundingCall) -> CallInput:
    return CallInput(
        **{key: getattr(call, key) for key in _FIELDS},
        financing_rate=basis_points_to_percent(call.financing_rate_bp),
        success_rate=basis_points_to_percent(call.success_rate_bp),
        grant=_money(call.grant_minor, call.grant_currency),
        granted=_money(call.granted_minor, call.grant_currency),
        deadlines=tuple(DeadlineInput(d.due_on, d.stage, d.done, d.id) for d in _deadlines(call)),
        documents=tuple(DocumentInput(d.text, d.done, d.id) for d in _documents(call)),
        version=call.version)


def _source(call: FundingCall) -> tuple[str, str | None]:
    return (call.source.name, call.source.kind) if call.source is not None else ("", None)


def _detail(call: FundingCall) -> CallDetail:
    name, kind = _source(call)
    return CallDetail(call.id, _input(call), call.updated_by, call.deleted_at is not None, name, kind,
                      _deadlines(call), _documents(call))


def _row(call: FundingCall, today: date) -> CallRow:
    name, kind = _source(call)
    documents = _documents(call)
    return CallRow(
        call.id, call.title, call.call_code, call.source_id, name, kind, call.status, call.decided_on,
        CallFigures(_money(call.grant_minor, call.grant_currency),
                    basis_points_to_percent(call.success_rate_bp),
                    basis_points_to_percent(call.financing_rate_bp)),
        _money(call.granted_minor, call.grant_currency), call.fit_rating, call.responsible,
        next_deadline(_deadlines(call), today) if CallStatus(call.status).is_open else None,
        Progress(sum(1 for d in documents if d.done), len(documents)))


# --- the list ---------------------------------------------------------------------------------


def _where(f: CallFilter) -> list:
    clauses = [FundingCall.deleted_at.is_not(None) if f.deleted else FundingCall.deleted_at.is_(None)]
    clauses += like_terms(FundingCall.search_text, f.text)
    if f.status == OPEN:
        clauses.append(FundingCall.status.in_([s.value for s in CallStatus if s.is_open]))
    elif f.status:
        clauses.append(FundingCall.status == f.status)
    if f.source_id:
        clauses.append(FundingCall.source_id == f.source_id)
    return clauses


def list_calls(ctx: ServiceContext, f: CallFilter = CallFilter()) -> list[CallRow]:
    """The calls the filter matches, with their next deadline and what they are worth."""
    today = ctx.today()
    with ctx.uow() as uow:
        calls = uow.session.scalars(select(FundingCall).where(*_where(f))
                                    .order_by(FundingCall.sort_title)).all()
        return [_row(call, today) for call in calls]


def named_calls(ctx: ServiceContext) -> list[NamedRecord]:
    return [NamedRecord(r.id, r.title, " · ".join(p for p in (r.source_name, CallStatus(r.status).label) if p))
            for r in list_calls(ctx)]


# --- one call ---------------------------------------------------------------------------------


def _validate_rows(data: CallInput, errors: dict[str, str]) -> tuple[tuple, tuple | None]:
    deadlines, problems = [], []
    for number, row in enumerate(data.deadlines, start=1):
        stage = clean_text(row.stage)
        if row.due_on is None and not stage:
            continue  # an empty row left in the table
        if row.due_on is None:
            problems.append(f"row {number}: a deadline needs a date")
        deadlines.append(replace(row, stage=stage))
    if problems:
        errors["deadlines"] = "; ".join(problems)
    documents = None
    if data.documents is not None:
        documents = tuple(replace(d, text=clean_text(d.text)) for d in data.documents if clean_text(d.text))
    return tuple(deadlines), documents


def validate_call(data: CallInput, today: date) -> CallInput:
    """Normalise what was typed; raise ValidationError naming each bad field (and row)."""
    errors: dict[str, str] = {}
    title = clean_text(data.title)
    if not title:
        errors["title"] = "A call needs a title."
    try:
        status = CallStatus(data.status)
    except ValueError:
        errors["status"] = f"“{data.status}” is not one of the choices."
        status = None
    dates = StatusDates(data.preparing_on, data.submitted_on, data.decided_on)
    if status is not None:
        try:
            dates = settle_status_dates(status, dates, today)
        except StatusDateError as exc:
            errors[exc.field] = str(exc)
    if data.financing_rate is not None and data.financing_rate <= 0:
        errors["financing_rate"] = "A financing rate above 0 %: the share of the costs the call pays."
    for key in ("grant", "granted"):
        money = getattr(data, key)
        if money is not None and money.amount < 0:
            errors[key] = "An amount cannot be negative."
    granted = data.granted if status == CallStatus.GRANTED else None
    if granted is not None and data.grant is not None and granted.currency != data.grant.currency:
        errors["granted"] = (f"The typical grant is in {data.grant.currency}; give the granted "
                             f"amount in {data.grant.currency} too.")
    if data.fit_rating is not None and not 1 <= data.fit_rating <= 5:
        errors["fit_rating"] = "Rate the fit from 1 (poor) to 5 (excellent)."
    if not 0 <= data.warn_days <= 365:
        errors["warn_days"] = "Warn between 0 and 365 days before a deadline."
    link = data.link
    try:
        link = normalise_website(data.link)
    except InvalidValue as exc:
        errors["link"] = str(exc)
    deadlines, documents = _validate_rows(data, errors)
    if errors:
        raise ValidationError(errors)
    return replace(data, title=title, call_code=clean_text(data.call_code), link=link,
                   responsible=clean_text(data.responsible), granted=granted,
                   preparing_on=dates.preparing_on, submitted_on=dates.submitted_on,
                   decided_on=dates.decided_on, deadlines=deadlines, documents=documents)


def call_search_text(data: CallInput, source_name: str) -> str:
    parts = [data.title, data.call_code, source_name, data.responsible,
             *(d.stage for d in data.deadlines)]
    return search_fold(" ".join(p for p in parts if p))


def _tick(row, done: bool, ctx: ServiceContext) -> None:
    if done and row.done_at is None:
        row.done_at, row.done_by = ctx.now(), ctx.actor
    elif not done:
        row.done_at, row.done_by = None, ""


def _apply_deadlines(call: FundingCall, data: CallInput, ctx: ServiceContext, now: datetime) -> None:
    existing = {d.id: d for d in call.deadlines if d.deleted_at is None}
    kept = set()
    for row in data.deadlines:
        deadline = existing.get(row.id) if row.id else None
        if deadline is None:
            deadline = CallDeadline(id=uuid.uuid4(), due_on=row.due_on)
            call.deadlines.append(deadline)
        kept.add(deadline.id)
        deadline.stage, deadline.due_on = row.stage, row.due_on
        _tick(deadline, row.done, ctx)
    for deadline_id, deadline in existing.items():
        if deadline_id not in kept:
            deadline.deleted_at = now


def _apply_documents(call: FundingCall, documents: tuple[DocumentInput, ...], ctx: ServiceContext,
                     now: datetime) -> None:
    existing = {d.id: d for d in call.documents if d.deleted_at is None}
    kept = set()
    for position, row in enumerate(documents):
        document = existing.get(row.id) if row.id else None
        if document is None:
            document = CallDocument(id=uuid.uuid4(), text=row.text)
            call.documents.append(document)
        kept.add(document.id)
        document.position, document.text = position, row.text
        _tick(document, row.done, ctx)
    for document_id, document in existing.items():
        if document_id not in kept:
            document.deleted_at = now


def _mark_submitted_stage(call: FundingCall, ctx: ServiceContext) -> None:
    """On submission, the first open stage due on or after that day is the one it met."""
    stages = sorted((d for d in call.deadlines if d.deleted_at is None and d.done_at is None
                     and d.due_on >= call.submitted_on), key=lambda d: d.due_on)
    if stages:
        _tick(stages[0], True, ctx)


def _apply(session, call: FundingCall, data: CallInput, ctx: ServiceContext) -> None:
    was = STATUS_ORDER[CallStatus(call.status)] if call.status else 0
    source = None
    if data.source_id is not None:
        source = session.get(FundingSource, data.source_id)
        if source is None:
            raise ValidationError({"source_id": "That funding source no longer exists."})
    for key in _FIELDS:
        setattr(call, key, getattr(data, key))
    call.source = source
    call.financing_rate_bp = percent_to_basis_points(data.financing_rate)
    call.success_rate_bp = percent_to_basis_points(data.success_rate)
    money = data.grant or data.granted
    call.grant_currency = money.currency if money else call.grant_currency or "EUR"
    call.grant_minor = data.grant.minor if data.grant else None
    call.granted_minor = data.granted.minor if data.granted else None
    call.sort_title = sort_key(data.title)
    call.search_text = call_search_text(data, source.name if source else "")
    now = ctx.now()
    touch(call, now)  # a change to the stages or documents alone still moves the version on
    _apply_deadlines(call, data, ctx, now)
    documents = data.documents
    if documents is None:
        documents = tuple(DocumentInput(text) for text in default_documents(source.kind if source else None))
    _apply_documents(call, documents, ctx, now)
    if call.submitted_on is not None and was < 2 <= STATUS_ORDER[CallStatus(call.status)]:
        _mark_submitted_stage(call, ctx)


def add_call(session, data: CallInput, ctx: ServiceContext) -> FundingCall:
    """Add a validated call inside the caller's transaction (demo, create)."""
    call = FundingCall(id=uuid.uuid4(), title=data.title, status="", deadlines=[], documents=[])
    with session.no_autoflush:
        _apply(session, call, data, ctx)
    session.add(call)
    return call


def get_call(ctx: ServiceContext, call_id: uuid.UUID) -> CallDetail:
    with ctx.uow() as uow:
        return _detail(load(uow.session, FundingCall, call_id, MISSING))


def create_call(ctx: ServiceContext, data: CallInput) -> tuple[CallDetail, Changes]:
    """Add a call; without documents of its own it gets the ones worth preparing (appendix 3)."""
    data = validate_call(data, ctx.today())
    with ctx.uow() as uow:
        call = add_call(uow.session, data, ctx)
        changes = uow.commit()
        return _detail(call), changes


def update_call(ctx: ServiceContext, call_id: uuid.UUID, data: CallInput) -> tuple[CallDetail, Changes]:
    """Save the call editor; refuses to overwrite a newer version saved by someone else."""
    data = validate_call(data, ctx.today())
    with ctx.uow() as uow:
        call = load(uow.session, FundingCall, call_id, MISSING)
        if call.version != data.version:
            theirs = _input(call)
            raise ConflictError(f"Call “{call.title}”",
                                differences(theirs, data, (*_FIELDS, "grant", "success_rate",
                                                           "financing_rate", "granted")),
                                call.updated_by)
        with uow.session.no_autoflush:
            _apply(uow.session, call, data, ctx)
        changes = uow.commit()
        return _detail(call), changes


def delete_call(ctx: ServiceContext, call_id: uuid.UUID) -> Changes:
    """Move a call to the bin (its deadlines leave Today); restore brings it back."""
    return set_deleted(ctx, FundingCall, call_id, ctx.now(), f"{MISSING} no longer exists.")


def restore_call(ctx: ServiceContext, call_id: uuid.UUID) -> Changes:
    return set_deleted(ctx, FundingCall, call_id, None, f"{MISSING} no longer exists.")


def call_of_deadline(ctx: ServiceContext, deadline_id: uuid.UUID) -> uuid.UUID:
    """The call a deadline belongs to (Today opens the call from its deadline)."""
    with ctx.uow() as uow:
        return load(uow.session, CallDeadline, deadline_id, "That deadline").call_id


def source_kind_documents(kind: str | None) -> tuple[str, ...]:
    """The documents a new call from a source of this kind starts with."""
    return default_documents(kind if kind in {k.value for k in FundingSourceKind} else None)
