"""An action plan as an Excel workbook: the plan's facts, its targets, the sub-activities
(with who ticked them off and when), the participants, the activities that carry it out and
their budgets in Finance — a sheet each, typed cells throughout (dates stay dates, numbers
stay numbers)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..domain.enums import ActivityKind, ActivityStatus
from ..domain.strategy import TargetTerm, period_text, target_share
from .excel import Sheet, write_workbook


def _status(sub, today: date) -> str:
    if sub.done:
        return "Done"
    if sub.due_on is not None and sub.due_on < today:
        return "Overdue"
    return "Open"


def _percent(target) -> int | None:
    share = target_share(target.target, target.achieved)
    return None if share is None else round(share * 100)


def action_plan_sheets(detail, today: date) -> list[Sheet]:
    data = detail.data
    progress = detail.progress
    facts = [
        ("Action plan", data.name),
        ("Strategy", detail.strategy_title),
        ("Period", period_text(data.starts_on, data.ends_on)),
        ("Starts", data.starts_on),
        ("Ends", data.ends_on),
        ("Responsible", data.responsible),
        ("Purpose", data.purpose),
        ("Institutions", data.institutions),
        ("Dissemination", data.dissemination),
        ("Budget (estimate)", data.budget),
        ("Budget currency", data.budget.currency if data.budget else ""),
        ("Budget note", data.budget_note),
        ("Sub-activities done", progress.done),
        ("Sub-activities", progress.total),
        ("As of", today),
    ]
    targets = [[TargetTerm(t.term).label, t.description, t.target, t.achieved, t.unit, _percent(t)]
               for t in data.targets]
    subs = [[n, s.text, s.owner, s.due_on, _status(s, today), s.done_by, s.done_at, s.note]
            for n, s in enumerate(detail.sub_activities, start=1)]
    members = [[m.name, m.city] for m in detail.members]
    activities = [[a.name, ActivityKind(a.kind).label, ActivityStatus(a.status).label, a.starts_on,
                   a.ends_on or a.starts_on, a.budget, a.budget.currency if a.budget else ""]
                  for a in detail.activities]
    budgets = [[b.name, b.activity_name, b.costs, b.funding, b.gap, b.costs.currency] for b in detail.budgets]
    return [
        Sheet("Plan", ("Field", "Value"), facts),
        Sheet("Targets", ("Term", "Target", "Aimed at", "Achieved", "Unit", "Achieved (%)"), targets),
        Sheet("Sub-activities", ("No.", "Sub-activity", "Owner", "Due", "Status", "Done by", "Done at",
                                 "Note"), subs),
        Sheet("Participants", ("Member", "City"), members),
        Sheet("Activities", ("Activity", "Kind", "Status", "First day", "Last day", "Budget", "Currency"),
              activities),
        Sheet("Budgets", ("Budget (Finance)", "Activity", "Costs", "Funding", "Gap", "Currency"), budgets),
    ]


def write_action_plan_xlsx(path: Path, detail, today: date) -> int:
    """Write the plan's workbook to `path`; returns the number of sub-activities written."""
    return write_workbook(Path(path), action_plan_sheets(detail, today))[2]
