"""The annual strategy wheel (§3.1): member survey → strategy day → proposal → board →
general assembly, as dated milestones per year, each ticked with who and when — so the
strategy is renewed every year from what the members said."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from ..domain.changes import Changes
from ..domain.formatting import format_date
from ..domain.strategy import WHEEL_ORDER, WheelStep, default_wheel_dates
from ..store.models import StrategyMilestone
from .context import ServiceContext
from .errors import ConflictError, ValidationError
from .records import load
from .today import AgendaItem

MISSING = "That milestone"


@dataclass(frozen=True)
class MilestoneRow:
    id: uuid.UUID
    year: int
    step: str
    due_on: date
    done_at: datetime | None
    done_by: str
    note: str
    version: int

    @property
    def label(self) -> str:
        return WheelStep(self.step).label

    @property
    def name(self) -> str:
        return f"{self.label} {self.year}"

    @property
    def done(self) -> bool:
        return self.done_at is not None


@dataclass(frozen=True)
class MilestoneInput:
    due_on: date | None
    note: str = ""
    version: int = 0


def _row(m: StrategyMilestone) -> MilestoneRow:
    return MilestoneRow(m.id, m.year, m.step, m.due_on, m.done_at, m.done_by, m.note, m.version)


def _order(step: str) -> int:
    return next((i for i, s in enumerate(WHEEL_ORDER) if s.value == step), len(WHEEL_ORDER))


def wheel_years(ctx: ServiceContext) -> list[int]:
    """The years that have a wheel, newest first."""
    with ctx.workspace.engine.connect() as conn:
        years = conn.execute(select(StrategyMilestone.year).where(StrategyMilestone.deleted_at.is_(None))
                             .distinct()).scalars().all()
    return sorted(years, reverse=True)


def wheel(ctx: ServiceContext, year: int) -> list[MilestoneRow]:
    """A year's milestones in the order of the wheel."""
    with ctx.uow() as uow:
        rows = uow.session.scalars(select(StrategyMilestone).where(
            StrategyMilestone.year == year, StrategyMilestone.deleted_at.is_(None))).all()
        return sorted((_row(m) for m in rows), key=lambda r: (_order(r.step), r.due_on))


def start_wheel(ctx: ServiceContext, year: int) -> tuple[list[MilestoneRow], Changes]:
    """Give a year its milestones at the usual dates (each can be moved afterwards); a year
    that already has some only gets the missing steps."""
    if not 2000 <= year <= 2100:
        raise ValidationError({"year": f"{year} is not a year to plan."})
    with ctx.uow() as uow:
        have = {m.step for m in uow.session.scalars(select(StrategyMilestone).where(
            StrategyMilestone.year == year, StrategyMilestone.deleted_at.is_(None)))}
        for step, due in default_wheel_dates(year).items():
            if step.value not in have:
                uow.session.add(StrategyMilestone(id=uuid.uuid4(), year=year, step=step.value, due_on=due))
        changes = uow.commit()
    return wheel(ctx, year), changes


def update_milestone(ctx: ServiceContext, milestone_id: uuid.UUID,
                     data: MilestoneInput) -> tuple[MilestoneRow, Changes]:
    """Move a milestone or change its note."""
    if data.due_on is None:
        raise ValidationError({"due_on": "A milestone needs a date."})
    with ctx.uow() as uow:
        milestone = load(uow.session, StrategyMilestone, milestone_id, MISSING, live=True)
        if data.version and milestone.version != data.version:
            raise ConflictError(f"Milestone “{WheelStep(milestone.step).label}”",
                                {"due_on": (milestone.due_on, data.due_on), "note": (milestone.note, data.note)},
                                milestone.updated_by)
        milestone.due_on = data.due_on
        milestone.note = data.note.strip()
        changes = uow.commit()
        return _row(milestone), changes


def tick_milestone(ctx: ServiceContext, milestone_id: uuid.UUID, done: bool) -> tuple[MilestoneRow, Changes]:
    """Mark a milestone done (who and when recorded) or open again."""
    with ctx.uow() as uow:
        milestone = load(uow.session, StrategyMilestone, milestone_id, MISSING, live=True)
        if done and milestone.done_at is None:
            milestone.done_at, milestone.done_by = ctx.now(), ctx.actor
        elif not done:
            milestone.done_at, milestone.done_by = None, ""
        changes = uow.commit()
        return _row(milestone), changes


# --- Today and the handbook's questions ---------------------------------------------------------


def due_milestones(ctx: ServiceContext, until: date) -> list[AgendaItem]:
    """Open milestones of the wheel due by `until`, overdue ones included."""
    query = (select(StrategyMilestone).where(
        StrategyMilestone.deleted_at.is_(None), StrategyMilestone.done_at.is_(None),
        StrategyMilestone.due_on <= until).order_by(StrategyMilestone.due_on))
    with ctx.uow() as uow:
        rows = [_row(m) for m in uow.session.scalars(query)]
    return [AgendaItem("milestone", r.due_on, f"Strategy wheel: {r.label}", f"{r.year} · "
                       + WheelStep(r.step).purpose.split(";")[0].rstrip("."), "strategy_milestones", r.id)
            for r in rows]


def complete_milestone(ctx: ServiceContext, milestone_id: uuid.UUID) -> Changes:
    """Tick a wheel milestone off on Today."""
    return tick_milestone(ctx, milestone_id, True)[1]


def process_evidence(ctx: ServiceContext) -> str | None:
    """Is the strategy process systematic? This year's wheel: what is done, what comes next."""
    years = wheel_years(ctx)
    if not years:
        return None
    year = ctx.today().year if ctx.today().year in years else years[0]
    rows = wheel(ctx, year)
    done = [r for r in rows if r.done]
    upcoming = next((r for r in sorted(rows, key=lambda r: r.due_on) if not r.done), None)
    text = f"Strategy wheel {year}: {len(done)} of {len(rows)} milestones done"
    if upcoming is not None:
        late = " (overdue)" if upcoming.due_on < ctx.today() else ""
        text += f"; next: {upcoming.label.lower()} on {format_date(upcoming.due_on)}{late}"
    earlier = [y for y in years if y < year]
    if earlier:
        text += f"; wheels kept since {min(earlier)}"
    return text + "."


def involvement_evidence(ctx: ServiceContext) -> str | None:
    """Are the board, the steering committee and the secretariat involved? The strategy days
    and board meetings held, and who approved the strategy in force."""
    from .strategy import approved_strategy

    with ctx.workspace.engine.connect() as conn:
        held = conn.execute(select(StrategyMilestone.step, StrategyMilestone.done_at).where(
            StrategyMilestone.deleted_at.is_(None), StrategyMilestone.done_at.is_not(None),
            StrategyMilestone.step.in_((WheelStep.STRATEGY_DAY.value, WheelStep.BOARD.value)))).all()
    approved = approved_strategy(ctx)
    if not held and approved is None:
        return None
    days = sum(1 for step, _ in held if step == WheelStep.STRATEGY_DAY.value)
    boards = sum(1 for step, _ in held if step == WheelStep.BOARD.value)
    parts = [f"{days} strategy day{'s' if days != 1 else ''} and {boards} board "
             f"meeting{'s' if boards != 1 else ''} on the wheel held"]
    if approved is not None:
        parts.append(f"“{approved.title}” approved on {format_date(approved.approved_on)}"
                     + (f" ({approved.approved_by})" if approved.approved_by else ""))
    return "; ".join(parts) + "."
