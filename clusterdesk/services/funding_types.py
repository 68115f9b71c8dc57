"""What the funding services take and give: a call as typed (with its stages and documents),
a call as saved, a row of the list, and what a call is worth."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from ..domain.checklists import Progress
from ..domain.enums import CallStatus
from ..domain.funding import DEFAULT_WARN_DAYS, expected_value, own_contribution
from ..domain.money import Money


@dataclass(frozen=True)
class DeadlineInput:
    due_on: date | None
    stage: str = ""
    done: bool = False
    id: uuid.UUID | None = None


@dataclass(frozen=True)
class DocumentInput:
    text: str
    done: bool = False
    id: uuid.UUID | None = None


@dataclass(frozen=True)
class CallInput:
    title: str
    source_id: uuid.UUID | None = None
    call_code: str = ""
    status: str = CallStatus.WATCHING.value
    preparing_on: date | None = None
    submitted_on: date | None = None
    decided_on: date | None = None
    financing_rate: Decimal | None = None  # percent
    success_rate: Decimal | None = None  # percent
    grant: Money | None = None  # the typical grant size
    granted: Money | None = None  # what was granted (a granted call)
    fit_rating: int | None = None  # 1–5
    fit_note: str = ""
    responsible: str = ""
    link: str = ""
    warn_days: int = DEFAULT_WARN_DAYS
    notes: str = ""
    deadlines: tuple[DeadlineInput, ...] = ()
    documents: tuple[DocumentInput, ...] | None = None  # None: the standard ones (new call)
    version: int = 0


class _Ticked:
    done_at: datetime | None

    @property
    def done(self) -> bool:
        return self.done_at is not None


@dataclass(frozen=True)
class Deadline(_Ticked):
    id: uuid.UUID
    stage: str
    due_on: date
    done_at: datetime | None
    done_by: str


@dataclass(frozen=True)
class Document(_Ticked):
    id: uuid.UUID
    text: str
    done_at: datetime | None
    done_by: str


@dataclass(frozen=True)
class CallFigures:
    """What a call is worth; shared by the list row and the editor."""

    grant: Money | None
    success_rate: Decimal | None
    financing_rate: Decimal | None

    @property
    def expected_value(self) -> Money | None:
        return expected_value(self.grant, self.success_rate)

    @property
    def own_contribution(self) -> Money | None:
        return own_contribution(self.grant, self.financing_rate)


@dataclass(frozen=True)
class CallDetail:
    id: uuid.UUID
    data: CallInput
    updated_by: str
    deleted: bool
    source_name: str
    source_kind: str | None
    deadlines: tuple[Deadline, ...]
    documents: tuple[Document, ...]

    @property
    def figures(self) -> CallFigures:
        return CallFigures(self.data.grant, self.data.success_rate, self.data.financing_rate)


@dataclass(frozen=True)
class CallRow:
    id: uuid.UUID
    title: str
    call_code: str
    source_id: uuid.UUID | None
    source_name: str
    source_kind: str | None
    status: str
    decided_on: date | None
    figures: CallFigures
    granted: Money | None
    fit_rating: int | None
    responsible: str
    next_deadline: Deadline | None
    documents: Progress

    @property
    def name(self) -> str:
        return self.title


@dataclass(frozen=True)
class CallFilter:
    text: str = ""
    status: str | None = None  # a CallStatus value, OPEN, or None for every call
    source_id: uuid.UUID | None = None
    deleted: bool = False
