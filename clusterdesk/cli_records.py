"""`clusterdesk list KIND` and `clusterdesk export KIND ID --pdf|--xlsx OUT`.

Both are registries: a part of ClusterDesk adds one `ListKind` (a function giving the
records' ids and names) or one `ExportKind` (the same, plus a writer per format). Functions
are "module:function" and imported only when that command runs. ID is a record's id (or
the first characters of it) or a unique part of its name.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .domain.text import search_fold
from .paths import AppPaths

CLI_ACTOR = "clusterdesk (command line)"


@dataclass(frozen=True)
class ListKind:
    name: str
    help: str
    records: str  # "module:function" (ctx) -> list[NamedRecord]


@dataclass(frozen=True)
class ExportKind:
    name: str
    help: str
    records: str  # which records the ID is looked up in
    writers: dict[str, str] = field(default_factory=dict)  # format → (ctx, id, path) -> str


LIST_KINDS: tuple[ListKind, ...] = (
    ListKind("members", "member organisations",
             "clusterdesk.services.members:named_members"),
    ListKind("activities", "missions, events, workshops and projects",
             "clusterdesk.services.activities:named_activities"),
    ListKind("partners", "clusters and organisations abroad",
             "clusterdesk.services.partners:named_partners"),
    ListKind("checklists", "activities that have a checklist, with their progress",
             "clusterdesk.services.checklists:named_checklists"),
    ListKind("calls", "funding calls, with their programme and status",
             "clusterdesk.services.funding:named_calls"),
    ListKind("budgets", "budgets of activities and projects", "clusterdesk.services.budgets:named_budgets"),
    ListKind("stakeholders", "stakeholders, with their type and approach",
             "clusterdesk.services.stakeholders:named_stakeholders"),
    ListKind("swots", "SWOT analyses, with their date", "clusterdesk.services.swot:named_analyses"),
    ListKind("action-plans", "action plans of the international strategy",
             "clusterdesk.services.action_plans:named_action_plans"),
    ListKind("strategies", "versions of the international strategy",
             "clusterdesk.services.strategy:named_strategies"),
    ListKind("partnerships", "meta-clusters and partnerships, with their kind and partners",
             "clusterdesk.services.partnerships:named_partnerships"),
    ListKind("services", "the catalogue of international services, with their status",
             "clusterdesk.services.service_catalogue:named_services"),
    ListKind("partner-searches", "members' partner-search requests, with their status",
             "clusterdesk.services.partner_requests:named_requests"),
    ListKind("ideas", "project ideas in the pipeline, with their stage",
             "clusterdesk.services.project_ideas:named_ideas"),
)

EXPORT_KINDS: tuple[ExportKind, ...] = (
    ExportKind("member", "a member's one-page profile",
               "clusterdesk.services.members:named_members",
               {"pdf": "clusterdesk.cli_records:member_pdf"}),
    ExportKind("checklist", "an activity's checklist",
               "clusterdesk.services.checklists:named_checklists",
               {"pdf": "clusterdesk.cli_records:checklist_pdf",
                "xlsx": "clusterdesk.cli_records:checklist_xlsx"}),
    ExportKind("budget", "a budget: costs, funding, gap and price per participant",
               "clusterdesk.services.budgets:named_budgets",
               {"pdf": "clusterdesk.cli_records:budget_pdf", "xlsx": "clusterdesk.cli_records:budget_xlsx"}),
    ExportKind("swot", "a SWOT analysis, the four quadrants on one page",
               "clusterdesk.services.swot:named_analyses", {"pdf": "clusterdesk.cli_records:swot_pdf"}),
    ExportKind("evaluation-report", "the evaluation report of an activity that has ended",
               "clusterdesk.services.evaluations:named_evaluations",
               {"pdf": "clusterdesk.cli_records:evaluation_report_pdf",
                "xlsx": "clusterdesk.cli_records:evaluation_report_xlsx"}),
    ExportKind("action-plan", "an action plan with its targets and sub-activities",
               "clusterdesk.services.action_plans:named_action_plans",
               {"pdf": "clusterdesk.cli_records:action_plan_pdf",
                "xlsx": "clusterdesk.cli_records:action_plan_xlsx"}),
    ExportKind("strategy", "a strategy version as its strategy document",
               "clusterdesk.services.strategy:named_strategies",
               {"pdf": "clusterdesk.cli_records:strategy_pdf"}),
)

FORMATS = ("pdf", "xlsx")


class RecordNotFound(Exception):
    """No record, or more than one, matches what was typed; the message says which."""


def _resolve(path: str) -> Callable:
    module, name = path.split(":")
    return getattr(importlib.import_module(module), name)


def find_record(records, text: str, noun: str):
    """The one record whose id, id prefix, name or part of its name is `text`."""
    wanted = text.strip()
    folded = search_fold(wanted)
    tests = (
        lambda r: str(r.id) == wanted.lower(),
        lambda r: len(wanted) >= 4 and str(r.id).replace("-", "").startswith(wanted.lower().replace("-", "")),
        lambda r: search_fold(r.name) == folded,
        lambda r: bool(folded) and folded in search_fold(r.name),
    )
    nouns = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    for test in tests:
        found = [r for r in records if test(r)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            names = ", ".join(f"“{r.name}”" for r in found[:5]) + (" …" if len(found) > 5 else "")
            raise RecordNotFound(f"“{text}” matches {len(found)} {nouns}: {names}. "
                                 "Give more of the name, or the id.")
    raise RecordNotFound(f"No {noun} matches “{text}”; `clusterdesk list {nouns}` shows them.")


# --- the writers ------------------------------------------------------------------------------


def member_pdf(ctx, record_id, path: Path) -> str:
    from .exports.pdf.member_profile import write_member_profile
    from .services.member_profile import member_profile

    profile = member_profile(ctx, record_id)
    write_member_profile(path, profile)
    return f"Wrote the profile of “{profile.member.data.name}” to {path}."


def checklist_pdf(ctx, record_id, path: Path) -> str:
    from .exports.pdf.checklist import write_checklist_pdf
    from .services.checklists import get_checklist

    checklist = get_checklist(ctx, record_id)
    write_checklist_pdf(path, checklist, ctx.workspace.name, ctx.today())
    return f"Wrote the checklist of “{checklist.activity_name}” ({checklist.progress}) to {path}."


def checklist_xlsx(ctx, record_id, path: Path) -> str:
    from .exports.checklists import write_checklist_xlsx
    from .services.checklists import get_checklist

    checklist = get_checklist(ctx, record_id)
    count = write_checklist_xlsx(path, checklist, ctx.today())
    return f"Wrote {count} items of “{checklist.activity_name}” to {path}."


def budget_pdf(ctx, record_id, path: Path) -> str:
    from .exports.pdf.budget import write_budget_pdf
    from .services.budgets import get_budget

    budget = get_budget(ctx, record_id)
    write_budget_pdf(path, budget, ctx.workspace.name)
    return f"Wrote the budget “{budget.data.name}” to {path}."


def budget_xlsx(ctx, record_id, path: Path) -> str:
    from .exports.budgets import write_budget_xlsx
    from .services.budgets import get_budget

    budget = get_budget(ctx, record_id)
    count = write_budget_xlsx(path, budget)
    return f"Wrote the budget “{budget.data.name}” ({count} lines) to {path}."


def swot_pdf(ctx, record_id, path: Path) -> str:
    from .exports.pdf.swot import write_swot_pdf
    from .services.swot import get_analysis

    analysis = get_analysis(ctx, record_id)
    write_swot_pdf(path, analysis, ctx.workspace.name)
    return f"Wrote the SWOT analysis “{analysis.data.title}” to {path}."


def evaluation_report_pdf(ctx, record_id, path: Path) -> str:
    from .exports.pdf.evaluation_report import write_report_pdf
    from .services.evaluation_report import activity_report

    report = activity_report(ctx, record_id)
    write_report_pdf(path, report, ctx.workspace.name, ctx.today())
    return (f"Wrote the evaluation report of “{report.activities[0].name}” ({report.answered} of "
            f"{report.participants} answered) to {path}.")


def evaluation_report_xlsx(ctx, record_id, path: Path) -> str:
    from .exports.evaluations import write_report_xlsx
    from .services.evaluation_report import activity_report

    report = activity_report(ctx, record_id)
    count = write_report_xlsx(path, report)
    return f"Wrote the evaluation report of “{report.activities[0].name}” ({count} outcomes) to {path}."


def action_plan_pdf(ctx, record_id, path: Path) -> str:
    from .exports.pdf.action_plan import write_action_plan_pdf
    from .services.action_plans import get_action_plan

    plan = get_action_plan(ctx, record_id)
    write_action_plan_pdf(path, plan, ctx.workspace.name, ctx.today())
    return f"Wrote the action plan “{plan.name}” ({plan.progress} sub-activities) to {path}."


def action_plan_xlsx(ctx, record_id, path: Path) -> str:
    from .exports.action_plans import write_action_plan_xlsx
    from .services.action_plans import get_action_plan

    plan = get_action_plan(ctx, record_id)
    count = write_action_plan_xlsx(path, plan, ctx.today())
    return f"Wrote “{plan.name}” with {count} sub-activities to {path}."


def strategy_pdf(ctx, record_id, path: Path) -> str:
    from .exports.pdf.strategy_document import write_strategy_pdf
    from .services.strategy_document import strategy_document

    document = strategy_document(ctx, record_id)
    write_strategy_pdf(path, document)
    return (f"Wrote the strategy document “{document.strategy.data.title}” ({len(document.kpis)} KPIs, "
            f"{len(document.plans)} action plans) to {path}.")


# --- the commands ----------------------------------------------------------------------------


def add_record_commands(sub: argparse._SubParsersAction) -> None:
    listing = sub.add_parser("list", help="print the ids and names of records of a kind")
    listing.add_argument("kind", choices=[k.name for k in LIST_KINDS],
                         help="; ".join(f"{k.name}: {k.help}" for k in LIST_KINDS))
    listing.set_defaults(handler=cmd_list)

    export = sub.add_parser("export", help="write one record as PDF or Excel")
    export.add_argument("kind", choices=[k.name for k in EXPORT_KINDS],
                        help="; ".join(f"{k.name}: {k.help}" for k in EXPORT_KINDS))
    export.add_argument("id", metavar="ID", help="the id (or its first characters) or a unique name")
    target = export.add_mutually_exclusive_group(required=True)
    for fmt in FORMATS:
        target.add_argument(f"--{fmt}", metavar="OUT", help=f"write a .{fmt} file")
    export.set_defaults(handler=cmd_export)


def _open(args, paths: AppPaths, out: Callable[[str], None]):
    """The workspace named by --db (or the last one opened), read-only when it can be."""
    from .cli import open_for_command
    from .services.context import ServiceContext

    return ServiceContext(open_for_command(args, paths, out, read_only=True), CLI_ACTOR)


def cmd_list(args, paths: AppPaths, out: Callable[[str], None]) -> int:
    kind = next(k for k in LIST_KINDS if k.name == args.kind)
    ctx = _open(args, paths, out)
    try:
        records = _resolve(kind.records)(ctx)
    finally:
        ctx.workspace.close()
    if not records:
        out(f"No {kind.name} in {ctx.workspace.name}.")
    for record in records:
        out(f"{record.id}  {record.name}" + (f"  ({record.detail})" if record.detail else ""))
    return 0


def cmd_export(args, paths: AppPaths, out: Callable[[str], None]) -> int:
    from .cli import CommandError, output_file

    kind = next(k for k in EXPORT_KINDS if k.name == args.kind)
    fmt = next(f for f in FORMATS if getattr(args, f) is not None)
    target = output_file(getattr(args, fmt), suffix=f".{fmt}")
    writer = kind.writers.get(fmt)
    if writer is None:
        raise CommandError(f"A {kind.name} cannot be exported as {fmt}.")
    ctx = _open(args, paths, out)
    try:
        try:
            record = find_record(_resolve(kind.records)(ctx), args.id, kind.name)
        except RecordNotFound as exc:
            raise CommandError(str(exc)) from exc
        out(_resolve(writer)(ctx, record.id, target))
    finally:
        ctx.workspace.close()
    return 0
