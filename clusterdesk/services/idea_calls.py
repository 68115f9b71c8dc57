"""Funding calls for a project idea (§5.2.2: help in finding international funding): the calls
in Finance still open to an application — watched or being prepared, with a deadline ahead —
whose title, programme, call id or notes fit the idea's keywords (`domain.matching`)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ..domain.enums import CallStatus
from ..domain.matching import call_fit, idea_words
from ..store.models import FundingCall
from .context import ServiceContext
from .funding import CallFilter, list_calls

APPLICABLE = (CallStatus.WATCHING.value, CallStatus.PREPARING.value)


@dataclass(frozen=True)
class CallSuggestion:
    id: uuid.UUID
    title: str
    programme: str
    status: str
    deadline: date
    stage: str
    found: tuple[str, ...]
    missing: tuple[str, ...]

    @property
    def share(self) -> float:
        return len(self.found) / (len(self.found) + len(self.missing))


def suggest_calls(ctx: ServiceContext, title: str, keywords: str) -> list[CallSuggestion]:
    """Open calls with a deadline ahead that fit the idea, the best fit first (then the
    soonest deadline)."""
    wanted = idea_words(title, keywords)
    if not wanted:
        return []
    today = ctx.today()
    rows = [r for r in list_calls(ctx, CallFilter(status="open"))
            if r.status in APPLICABLE and r.next_deadline is not None and r.next_deadline.due_on >= today]
    if not rows:
        return []
    with ctx.workspace.engine.connect() as conn:
        notes = dict(conn.execute(select(FundingCall.id, FundingCall.notes + " " + FundingCall.fit_note)
                                  .where(FundingCall.id.in_([r.id for r in rows]))).all())
    suggestions = []
    for row in rows:
        fit = call_fit(wanted, " ".join((row.title, row.source_name, row.call_code, notes.get(row.id, ""))))
        if fit is not None:
            suggestions.append(CallSuggestion(row.id, row.title, row.source_name, row.status,
                                              row.next_deadline.due_on, row.next_deadline.stage,
                                              fit.found, fit.missing))
    return sorted(suggestions, key=lambda s: (-s.share, s.deadline, s.title))
