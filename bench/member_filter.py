"""One keystroke in the member filter at 100,000 members: typed text to an updated list.

Builds a synthetic workspace with `clusterdesk demo-data` (100,000 members with 250,000
contacts and 1,000,000 interactions by default; --members-only for members alone), then
types a series of words letter by letter. Each keystroke is timed along the real path of the
Members list, on the real widgets (offscreen): text set in the filter box → filter bar →
MemberListing → PagedTableModel.reload() (first page with each row's tags, primary contact
and last contact; the count when needed) → the text of the first 30 rows in every shown
column, as the view paints them.

Baseline, in the same run on the same file: a raw sqlite3 `SELECT count(*) FROM members
WHERE search_text LIKE '%word%'` — the cheapest query that could answer a keystroke at all.
Prints the medians, the ratio against the baseline and the absolute time (target < 50 ms).

With --sort KEY the list is sorted by that column first (e.g. last_interaction_on, sectors,
city), as a user who clicked its header; the same target applies.

Usage: python bench/member_filter.py [--members 100000] [--members-only] [--keep FILE]
                                     [--sort KEY [--descending]]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WORDS = ("aqua klima", "esbjerg", "dk1000", "vestkyst pumper 4", "wastewater", "zzq")
VISIBLE_ROWS = 30
TARGET_MS = 50.0


def build(path: Path, members: int, members_only: bool) -> None:
    extra = ["--contacts-per-member", "0", "--interactions-per-member", "0"] if members_only else []
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "clusterdesk", "demo-data", str(path),
                    "--members", str(members), "--force", *extra],
                   check=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                   stdout=subprocess.DEVNULL)
    print(f"built {path.name} in {time.perf_counter() - started:.1f} s")


def keystrokes(words) -> list[str]:
    """Every prefix a person typing the words produces, one per keystroke."""
    return [word[:n] for word in words for n in range(1, len(word) + 1)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--members-only", action="store_true",
                        help="no contacts or interactions (faster to build)")
    parser.add_argument("--keep", type=Path, help="reuse (or create and keep) this workspace file")
    parser.add_argument("--rounds", type=int, default=3, help="times the words are typed")
    parser.add_argument("--verbose", action="store_true", help="the median of every keystroke")
    parser.add_argument("--sort", default="name", help="the column the list is sorted by")
    parser.add_argument("--descending", action="store_true")
    args = parser.parse_args()

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from clusterdesk.paths import app_paths
    from clusterdesk.settings import Preferences
    from clusterdesk.ui.common.background import SynchronousRunner
    from clusterdesk.ui.controller import WorkspaceController
    from clusterdesk.ui.members.organisations import OrganisationsView

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "bench.clusterdesk"
        if not path.exists():
            build(path, args.members, args.members_only)
        controller = WorkspaceController(app_paths(Path(tmp) / "data").ensure(), Preferences(),
                                         SynchronousRunner())
        controller.open(str(path))
        view = OrganisationsView(controller)  # the real Members list, filter bar and model
        view.resize(1366, 700)
        view.refresh()
        model = view.model
        keys = [c.key for c in model.columns]
        if args.sort not in keys:
            parser.error(f"--sort: one of {', '.join(keys)}")
        view.view.horizontalHeader().setSortIndicator(
            keys.index(args.sort), Qt.SortOrder.DescendingOrder if args.descending
            else Qt.SortOrder.AscendingOrder)
        if model.sort_key != args.sort:
            parser.error(f"--sort: the list cannot be sorted by {args.sort}")
        shown = [i for i in range(model.columnCount()) if not view.view.isColumnHidden(i)]
        raw = sqlite3.connect(path)
        total = raw.execute("select count(*) from members").fetchone()[0]
        print(f"{total:,} members, {raw.execute('select count(*) from contacts').fetchone()[0]:,} "
              f"contacts, {raw.execute('select count(*) from interactions').fetchone()[0]:,} interactions")

        def keystroke(text: str) -> float:
            started = time.perf_counter()
            view.filter_edit.setText(text)  # → filter bar → listing → model.reload()
            for row in range(min(VISIBLE_ROWS, model.rowCount())):
                for column in shown:
                    model.data(model.index(row, column))
            return (time.perf_counter() - started) * 1000

        def baseline(text: str) -> float:
            word = text.split()[-1] if text.split() else ""
            started = time.perf_counter()
            raw.execute("select count(*) from members where search_text like ?", (f"%{word}%",)).fetchone()
            return (time.perf_counter() - started) * 1000

        typed = keystrokes(WORDS)
        ours, base, worst = [], [], (0.0, "")
        per_prefix: dict[str, list[float]] = {}
        for round_ in range(args.rounds + 1):  # the first round warms caches and is not counted
            for word in WORDS:
                view.filter_edit.setText("")
                for n in range(1, len(word) + 1):
                    text = word[:n]
                    took, raw_took = keystroke(text), baseline(text)
                    if round_:
                        per_prefix.setdefault(text, []).append(took)
                        ours.append(took)
                        base.append(raw_took)
                        worst = max(worst, (took, text))
        if args.verbose:
            for text, times in per_prefix.items():
                print(f"  {text!r:22} {statistics.median(times):6.1f} ms")
        view.deleteLater()
        controller.close()
        raw.close()

    median_ours, median_base = statistics.median(ours), statistics.median(base)
    p90 = sorted(ours)[int(0.9 * (len(ours) - 1))]
    order = f"sorted by {args.sort}{' descending' if args.descending else ''}"
    print(f"{len(typed)} keystrokes typing {', '.join(repr(w) for w in WORDS)}, {args.rounds} rounds, "
          f"{order}")
    print(f"keystroke to updated list (count + first page + {VISIBLE_ROWS} rows painted): "
          f"median {median_ours:.1f} ms, 90th percentile {p90:.1f} ms, "
          f"slowest {worst[0]:.1f} ms at {worst[1]!r}")
    print(f"baseline raw LIKE count:                 median {median_base:.1f} ms")
    print(f"ratio (ours / raw LIKE):                 {median_ours / median_base:.2f}")
    def met(value: float) -> str:
        return "met" if value < TARGET_MS else "MISSED"

    print(f"target < {TARGET_MS:.0f} ms per keystroke: median {met(median_ours)}, "
          f"90th percentile {met(p90)}")
    print(f"(load average during the run: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; "
          "the ratio is the figure to compare between machines)")
    return 0 if median_ours < TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
