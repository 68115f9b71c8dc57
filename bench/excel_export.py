"""The member list exported to Excel at 100,000 members, along the path File ▸ Export list takes.

Builds a synthetic workspace with `clusterdesk demo-data` (100,000 members with 250,000
contacts and 1,000,000 interactions by default; --members-only for members alone), then
exports the whole member list as the Members tab does: the rows read through the members
service (`iter_member_rows`, sorted by name) and written by `exports.excel.write_table`
with the list's own columns turned into typed cells (`Column.export_value`): the columns the
list shows until the user picks others (--all-columns for every one of them).

Baseline, in the same run: the same number of rows, already in memory as plain Python values,
written by openpyxl in write-only mode with nothing else (no styles, no types, no widths) —
the cheapest way a workbook of that size can be written at all.
Prints the medians, the ratio against the baseline and the absolute time (target < 10 s).

Usage: python bench/excel_export.py [--members 100000] [--members-only] [--rounds 3] [--keep FILE]
                                    [--all-columns]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
TARGET_S = 10.0


def build(path: Path, members: int, members_only: bool) -> None:
    command = [sys.executable, "-m", "clusterdesk", "demo-data", str(path), "--members", str(members)]
    if members_only:
        command += ["--contacts-per-member", "0", "--interactions-per-member", "0"]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def baseline(path: Path, rows: list[list]) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Members")
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--members-only", action="store_true", help="no contacts or interactions")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--all-columns", action="store_true")
    parser.add_argument("--keep", type=Path, help="reuse (or create and keep) this workspace")
    args = parser.parse_args()

    from openpyxl import load_workbook

    from clusterdesk.exports.excel import write_table
    from clusterdesk.services import members as member_service
    from clusterdesk.services.context import ServiceContext
    from clusterdesk.store.workspace import open_workspace
    from clusterdesk.ui.members.organisations import COLUMNS, DEFAULT_HIDDEN

    with tempfile.TemporaryDirectory(prefix="clusterdesk-bench-excel-") as folder:
        folder = Path(folder)
        source = args.keep or folder / "bench.clusterdesk"
        if not source.exists():
            print(f"Building a workspace of {args.members:,} members …", flush=True)
            build(source, args.members, args.members_only)
        workspace = open_workspace(source, backup_root=folder / "backups")
        ctx = ServiceContext(workspace, "Bench")
        columns = [c for c in COLUMNS if args.all_columns or c.key not in DEFAULT_HIDDEN]
        headers = [c.title for c in columns]

        def export(target: Path) -> int:
            rows = member_service.iter_member_rows(ctx, member_service.MemberFilter(), sort="name")
            return write_table(target, "Members", headers,
                               ([c.export_value(row) for c in columns] for row in rows))

        exports, baselines = [], []
        count = 0
        for round_number in range(args.rounds):
            target = folder / f"members{round_number}.xlsx"
            started = time.perf_counter()
            count = export(target)
            exports.append(time.perf_counter() - started)
            plain = [[c.text(row) for c in columns] for row in
                     member_service.member_page(ctx, member_service.MemberFilter(), limit=None)]
            started = time.perf_counter()
            baseline(folder / f"plain{round_number}.xlsx", plain)
            baselines.append(time.perf_counter() - started)
            del plain
        workspace.close()
        sheet = load_workbook(target, read_only=True).worksheets[0]
        written = sum(1 for _ in sheet.iter_rows(values_only=True)) - 1
        assert written == count, (written, count)
        size = target.stat().st_size / 1e6

    export_time, base_time = statistics.median(exports), statistics.median(baselines)
    print(f"{count:,} member rows × {len(columns)} columns, {size:.1f} MB "
          f"({args.rounds} rounds, medians)")
    print(f"  plain openpyxl write-only (baseline)  {base_time:6.2f} s")
    print(f"  Export list (read + typed cells)      {export_time:6.2f} s   "
          f"ratio {export_time / base_time:4.2f} × baseline   "
          f"{'OK' if export_time < TARGET_S else 'OVER'} (target < {TARGET_S:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
