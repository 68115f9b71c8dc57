"""Start to usable window, ClusterDesk on a 1,000-member workspace, against bare windows.

Each round starts three fresh processes and times spawn → a line the process prints:
  bare      a bare PySide6 QMainWindow with the same seven tabs, painted;
  bare+db   the same, plus importing SQLAlchemy's ORM and reading the workspace file
            (the floor under any PySide6 + SQLAlchemy program, as measured in NOTES.md);
  app       `clusterdesk --db FILE`: "window" when the main window is painted (before the
            database layer is even imported), "usable" when the workspace is open and the
            Today tab shows its data.
Prints medians and two ratios, each against the baseline that does the same work:
  window: app window / bare      (target ≤ 1.5)
  usable: app usable / bare+db   (target ≤ 1.5)

Usage: python bench/startup.py [--rounds 7] [--members 1000]
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

BARE = r"""
import sys, time
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget
WITH_DB = {with_db}
if WITH_DB:
    import sqlalchemy.orm
    from sqlalchemy import create_engine, text
    engine = create_engine("sqlite:///" + sys.argv[1])
    with engine.connect() as conn:
        conn.execute(text("select count(*) from members")).scalar()
app = QApplication(sys.argv[:1])
window = QMainWindow()
tabs = QTabWidget()
for name in ("Today", "Members", "Finance", "Strategy", "Missions", "Evaluations", "Network"):
    tabs.addTab(QWidget(), name)
window.setCentralWidget(tabs)
window.resize(1280, 760)
window.show()
app.processEvents()
print("shown", flush=True)
"""


def time_to_marks(cmd: list[str], env: dict) -> dict[str, float]:
    """Seconds from spawn to each 'window' / 'shown' line the process prints."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env, cwd=ROOT)
    marks: dict[str, float] = {}
    for line in proc.stdout:
        word = line.split(" ", 1)[0].strip()
        if word in ("window", "shown"):
            marks[word] = time.perf_counter() - started
        if word == "shown":
            break
    if "shown" not in marks:
        raise RuntimeError(f"{cmd[:3]} never showed a window: {proc.stderr.read()[-2000:]}")
    proc.wait(timeout=60)
    marks.setdefault("window", marks["shown"])
    return marks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--members", type=int, default=1000)
    args = parser.parse_args()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        workspace = Path(tmp) / "bench.clusterdesk"
        data_dir = Path(tmp) / "data"
        subprocess.run([sys.executable, "-m", "clusterdesk", "--data-dir", str(data_dir),
                        "demo-data", str(workspace), "--members", str(args.members)],
                       check=True, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
        runs = {
            "bare": [sys.executable, "-c", BARE.format(with_db=False)],
            "bare+db": [sys.executable, "-c", BARE.format(with_db=True), str(workspace)],
            "app": [sys.executable, "-m", "clusterdesk", "--data-dir", str(data_dir),
                    "--db", str(workspace), "--quit-when-shown"],
        }
        for cmd in runs.values():  # warm the file cache and .pyc files once
            time_to_marks(cmd, env)
        times: dict[str, list[float]] = {"bare": [], "bare+db": [], "app window": [], "app usable": []}
        for _ in range(args.rounds):
            times["bare"].append(time_to_marks(runs["bare"], env)["shown"])
            times["bare+db"].append(time_to_marks(runs["bare+db"], env)["shown"])
            marks = time_to_marks(runs["app"], env)
            times["app window"].append(marks["window"])
            times["app usable"].append(marks["shown"])
    median = {name: statistics.median(values) for name, values in times.items()}
    for name, value in median.items():
        spread = f"{min(times[name]):.3f}–{max(times[name]):.3f}"
        print(f"{name:11} median {value:.3f} s  (range {spread} s, {args.rounds} runs)")
    window = median["app window"] / median["bare"]
    usable = median["app usable"] / median["bare+db"]
    print(f"ratio window: app window / bare    = {window:.2f}  (target ≤ 1.5)")
    print(f"ratio usable: app usable / bare+db = {usable:.2f}  (target ≤ 1.5)")
    print(f"(for reference: app usable / bare = {median['app usable'] / median['bare']:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
