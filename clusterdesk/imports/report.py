"""The dry run as plain text: one line per problem (row, column, value, reason), one line per
duplicate with what will happen to it, and the sum of it all."""

from __future__ import annotations

from ..domain.text import plural
from .fields import FIELD_BY_KEY, IGNORE
from .outcome import ImportSummary
from .plan import DECISIONS, Duplicate, ImportPlan


def duplicate_line(plan: ImportPlan, duplicate: Duplicate, decision: str) -> str:
    candidate = plan.candidates[duplicate.candidate]
    rows = ", ".join(str(r) for r in candidate.rows[:5]) + (" …" if len(candidate.rows) > 5 else "")
    where = "existing member" if duplicate.against_existing else \
        f"row {plan.candidates[duplicate.target_candidate].first_row} of the file"
    return (f"row {rows} “{candidate.name}” looks like {where} “{duplicate.target_name}” "
            f"({'; '.join(duplicate.match.reasons)}) → {DECISIONS[decision].lower()}")


def mapping_lines(plan: ImportPlan) -> list[str]:
    return [f"  {column.display} → {FIELD_BY_KEY[key].label if key != IGNORE else '(not imported)'}"
            for column, key in zip(plan.columns, plan.mapping, strict=False)
            if column.header or key != IGNORE]


def report_lines(plan: ImportPlan, summary: ImportSummary,
                 decisions: dict[int, str] | None = None) -> list[str]:
    decisions = decisions or {}
    lines = [f"Read {plural(plan.rows_read, 'row')} from {plan.source_name} "
             f"({plan.source_description}); the header is "
             f"{plan.header_label or f'row {plan.header_row}'}.",
             "Columns:", *mapping_lines(plan)]
    for earlier in plan.earlier_imports:
        lines.append(f"This file was imported before ({earlier}); rows already here are merged, "
                     "not added twice.")
    if plan.problems:
        if plan.file_problem:
            lines.append("The file cannot be imported:")
        else:
            lines.append(f"{plural(len(plan.bad_rows), 'row')} "
                         f"{'has' if len(plan.bad_rows) == 1 else 'have'} problems:")
        lines += [problem.line() for problem in plan.problems]
    else:
        lines.append("No problems found.")
    if plan.remarks:
        lines.append("Remarks (not stopping the import):")
        lines += [remark.line() for remark in plan.remarks]
    if plan.duplicates:
        lines.append(f"{plural(len(plan.duplicates), 'likely duplicate')}:")
        lines += [duplicate_line(plan, d, decisions.get(d.id, d.default)) for d in plan.duplicates]
    if not plan.file_problem:
        lines.append("The import will " + summary.text() + ".")
    return lines
