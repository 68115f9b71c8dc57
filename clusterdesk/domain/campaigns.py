"""Visit and phone campaigns (handbook §1.1.1, §1.1.2) as plain rules: outcomes, who is
called next, progress, and spreading members over the staff."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from .enums import LabelledEnum
from .formatting import format_date


class CampaignKind(LabelledEnum):
    PHONE = "phone"
    VISIT = "visit"

    @property
    def label(self) -> str:
        return {"phone": "Phone campaign", "visit": "Member visits"}[self.value]

    @property
    def verb(self) -> str:
        return {"phone": "called", "visit": "visited"}[self.value]


class TargetStatus(LabelledEnum):
    """Where a member of a campaign stands; the last four are also the outcomes of a call."""

    OPEN = "open"
    DONE = "done"
    NO_ANSWER = "no_answer"
    CALL_BACK = "call_back"
    DECLINED = "declined"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self.value]

    @property
    def is_final(self) -> bool:
        return self in (TargetStatus.DONE, TargetStatus.DECLINED)


_STATUS_LABELS = {
    "open": "Not yet called",
    "done": "Done",
    "no_answer": "No answer",
    "call_back": "Call back",
    "declined": "Declined",
}
OUTCOMES = (TargetStatus.DONE, TargetStatus.NO_ANSWER, TargetStatus.CALL_BACK,
            TargetStatus.DECLINED)


@dataclass(frozen=True)
class QueueEntry:
    target_id: uuid.UUID
    status: str
    sort_name: str
    call_back_on: date | None = None
    last_attempt_on: date | None = None
    attempts: int = 0
    paused_here: bool = False  # the caller paused on this member with answers half typed


def call_queue(entries: Iterable[QueueEntry], today: date) -> list[QueueEntry]:
    """Who to call, in order: the member you paused on, call-backs that are due (oldest
    date first), members not yet called (by name), then those who did not answer (longest
    ago first). Finished members and call-backs for a later day are left out."""

    def rank(entry: QueueEntry):
        if entry.paused_here:
            return (0, date.min, entry.sort_name)
        if entry.status == TargetStatus.CALL_BACK.value:
            return (1, entry.call_back_on or date.min, entry.sort_name)
        if entry.status == TargetStatus.OPEN.value:
            return (2, date.min, entry.sort_name)
        return (3, entry.last_attempt_on or date.min, entry.sort_name)

    waiting = [e for e in entries if is_waiting(e, today)]
    return sorted(waiting, key=rank)


def is_waiting(entry: QueueEntry, today: date) -> bool:
    """True when the member is to be called now (not finished, no call-back for later)."""
    if TargetStatus(entry.status).is_final:
        return False
    if entry.status == TargetStatus.CALL_BACK.value and not entry.paused_here:
        return entry.call_back_on is None or entry.call_back_on <= today
    return True


@dataclass(frozen=True)
class Progress:
    total: int = 0
    done: int = 0
    declined: int = 0
    call_backs_due: int = 0
    call_backs_later: int = 0
    no_answer: int = 0
    open: int = 0

    @property
    def finished(self) -> int:
        """Members reached with a final outcome: answered or declined."""
        return self.done + self.declined

    @property
    def fraction(self) -> float:
        return self.finished / self.total if self.total else 0.0

    def headline(self, kind: CampaignKind = CampaignKind.PHONE) -> str:
        return f"{self.finished} of {self.total} {kind.verb}"

    def breakdown(self) -> str:
        parts = [f"{self.done} done", f"{self.declined} declined"]
        callbacks = self.call_backs_due + self.call_backs_later
        if callbacks:
            parts.append(f"{callbacks} call-backs ({self.call_backs_due} due)")
        parts.append(f"{self.no_answer} no answer")
        parts.append(f"{self.open} not yet tried")
        return " · ".join(parts)


def progress_of(statuses: Iterable[tuple[str, date | None]], today: date) -> Progress:
    """Count (status, call_back_on) pairs into a Progress."""
    counts = dict.fromkeys(("done", "declined", "due", "later", "no_answer", "open"), 0)
    total = 0
    for status, call_back_on in statuses:
        total += 1
        if status == TargetStatus.CALL_BACK.value:
            due = call_back_on is None or call_back_on <= today
            counts["due" if due else "later"] += 1
        else:
            counts[status] = counts.get(status, 0) + 1
    return Progress(total, counts["done"], counts["declined"], counts["due"], counts["later"],
                    counts["no_answer"], counts["open"])


def round_robin(target_ids: Sequence[uuid.UUID], staff: Sequence[str],
                already: dict[str, int] | None = None) -> dict[uuid.UUID, str]:
    """Spread members over the staff in turn, starting with whoever has the fewest already,
    so a second round-robin keeps the load even."""
    if not staff:
        return {}
    load = {person: (already or {}).get(person, 0) for person in staff}
    result: dict[uuid.UUID, str] = {}
    for target_id in target_ids:
        person = min(staff, key=lambda p: (load[p], staff.index(p)))
        result[target_id] = person
        load[person] += 1
    return result


def call_summary(kind: CampaignKind, campaign: str, outcome: TargetStatus,
                 call_back_on: date | None, notes: str = "", answered: int = 0) -> str:
    """The summary of the interaction a campaign call or visit logs."""
    what = "Visit" if kind is CampaignKind.VISIT and outcome is TargetStatus.DONE else "Call"
    head = {
        TargetStatus.DONE: f"{what} in “{campaign}”: "
                           + (f"answered {answered} question{'s' if answered != 1 else ''}."
                              if answered else "done, no questions answered."),
        TargetStatus.NO_ANSWER: f"Call in “{campaign}”: no answer.",
        TargetStatus.CALL_BACK: f"Call in “{campaign}”: asked to be called back"
                                + (f" on {format_date(call_back_on)}." if call_back_on else "."),
        TargetStatus.DECLINED: f"Call in “{campaign}”: declined to take part.",
    }[outcome]
    return head + (f"\n{notes.strip()}" if notes.strip() else "")
