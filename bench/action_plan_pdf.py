"""The action plan PDF with 1,000 sub-activities (DESIGN §5: under 1 s).

Times `write_action_plan_pdf` — the house style, tick boxes, overdue dates in red, the
plan's purpose, targets, participants and budget — on a plan of N sub-activities, and as the
baseline, in the same run, a bare ReportLab document with one plain table of the same rows
(text, owner, due date, done): the least any PDF of those rows costs. Prints the medians,
the ratio and the absolute time against the target.

Usage: python bench/action_plan_pdf.py [--rows 1000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_S = 1.0
TODAY = date(2026, 11, 27)


def make_plan(rows: int):
    from clusterdesk.domain.money import Money
    from clusterdesk.services.action_plans import (
        ActionPlanDetail,
        ActionPlanInput,
        LinkedActivity,
        PlanMember,
        SubActivityRow,
        TargetInput,
    )

    subs = tuple(SubActivityRow(
        uuid.uuid4(), n,
        f"Book {n % 40 + 2} B2B meetings with utilities in Hamburg for the members signed up"
        + (" and send each of them the briefing on German tenders within 2 weeks" if n % 3 else ""),
        ("MK", "JB", "SH", "AR")[n % 4], TODAY + timedelta(days=n - rows // 2),
        datetime(2026, 5, 1, 10, tzinfo=UTC) if n % 3 == 0 else None,
        "Jonas Bech (JB)" if n % 3 == 0 else "", "") for n in range(rows))
    data = ActionPlanInput(
        "Action plan 2026: Germany and the Netherlands", purpose="A first foothold in Germany. " * 8,
        responsible="Jonas Bech (JB)", starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31),
        budget=Money.of("335000", "DKK"), institutions="TU Hamburg; Deltares",
        dissemination="Results breakfast and newsletter cases. " * 3,
        targets=tuple(TargetInput(f"Target {n}", Decimal(10 + n), "output", "companies", Decimal(n))
                      for n in range(5)))
    members = tuple(PlanMember(uuid.uuid4(), f"Member {n} A/S", "Esbjerg") for n in range(8))
    activities = (LinkedActivity(uuid.uuid4(), "Company mission to Hamburg", "company_mission",
                                 "registration", date(2026, 12, 15), date(2026, 12, 17),
                                 Money.of("185000", "DKK")),)
    return ActionPlanDetail(uuid.uuid4(), data, "International strategy 2025–2027", subs, members,
                            activities, "bench", False)


def plain_table(path: Path, plan) -> None:
    """The baseline: the same rows as one plain ReportLab table, default style."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table

    from clusterdesk.exports.pdf.base import FONT, register_fonts

    register_fonts()
    rows = [["Sub-activity", "Owner", "Due", "Done"]]
    rows += [[s.text[:70], s.owner, s.due_on.isoformat(), s.done_by] for s in plan.sub_activities]
    table = Table(rows, repeatRows=1)
    table.setStyle([("FONT", (0, 0), (-1, -1), FONT, 7)])
    SimpleDocTemplate(str(path), pagesize=A4).build([table])


def timed(fn, rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    from clusterdesk.exports.pdf.action_plan import write_action_plan_pdf

    plan = make_plan(args.rows)
    folder = Path(tempfile.mkdtemp(prefix="bench-plan-"))
    house_path, plain_path = folder / "plan.pdf", folder / "plain.pdf"
    first = timed(lambda: write_action_plan_pdf(house_path, plan, "AquaNord", TODAY), 1)[0]
    plain_table(plain_path, plan)  # warm up the baseline too
    house = timed(lambda: write_action_plan_pdf(house_path, plan, "AquaNord", TODAY), args.rounds)
    plain = timed(lambda: plain_table(plain_path, plan), args.rounds)
    from pypdf import PdfReader

    pages = len(PdfReader(house_path).pages)
    house_s, plain_s = statistics.median(house), statistics.median(plain)
    print(f"action plan PDF, {args.rows:,} sub-activities, {pages} pages")
    print(f"  first (fonts loaded):  {first:.3f} s")
    print(f"  house style (median):  {house_s:.3f} s")
    print(f"  plain table (median):  {plain_s:.3f} s   baseline, same rows")
    print(f"  ratio house / plain:   {house_s / plain_s:.2f}")
    verdict = "OK" if house_s < TARGET_S else "TOO SLOW"
    print(f"  target < {TARGET_S:.1f} s:        {verdict}")
    return 0 if house_s < TARGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
