"""Memory with a 100,000-member workspace open (target: under 400 MB).

Builds the large synthetic workspace (100,000 members, 250,000 contacts, 1,000,000
interactions; about a minute) unless --workspace names one, then in fresh processes:
  baseline  a bare PySide6 window with seven tabs, plus SQLAlchemy reading the same file;
  app       ClusterDesk's main window on the workspace, every tab visited, the member list
            scrolled from top to bottom and filtered.
Prints the resident memory (VmRSS) of each and their ratio.

Usage: python bench/memory.py [--workspace FILE] [--members 100000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

RSS = '''
def rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
'''

BASELINE = RSS + '''
import sys
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget
from sqlalchemy import create_engine, text
app = QApplication(sys.argv[:1])
window = QMainWindow(); tabs = QTabWidget()
for name in ("Today", "Members", "Finance", "Strategy", "Missions", "Evaluations", "Network"):
    tabs.addTab(QWidget(), name)
window.setCentralWidget(tabs); window.resize(1366, 768); window.show(); app.processEvents()
engine = create_engine("sqlite:///" + sys.argv[1])
with engine.connect() as conn:
    conn.execute(text("select count(*) from members")).scalar()
print(f"rss {rss_mb():.1f}")
'''

APP = RSS + '''
import sys
from clusterdesk.paths import app_paths
from clusterdesk.ui.app import make_application
paths = app_paths(sys.argv[2]).ensure()
app = make_application(paths)
from clusterdesk.settings import Preferences
from clusterdesk.ui.common.background import SynchronousRunner
from clusterdesk.ui.controller import WorkspaceController
from clusterdesk.ui.main_window import TABS, MainWindow
controller = WorkspaceController(paths, Preferences(user_name="Bench"), SynchronousRunner())
window = MainWindow(controller); window.resize(1366, 768); window.show(); app.processEvents()
controller.open(sys.argv[1], read_only=True)
for spec in TABS:
    window.show_tab(spec.key); app.processEvents()
members = window.show_tab("members").organisations
view = members.view
bar = view.verticalScrollBar()
for value in range(0, bar.maximum() + 1, max(1, bar.maximum() // 400)):
    bar.setValue(value); app.processEvents()
for text in ("o", "od", "ode", "oden", "odense"):
    members.filter_edit.setText(text); app.processEvents()
print(f"rss {rss_mb():.1f}")
'''


def measure(code: str, *args: str) -> float:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                            cwd=ROOT, env=env, check=True)
    line = next(out for out in result.stdout.splitlines() if out.startswith("rss "))
    return float(line.split()[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workspace", type=Path)
    parser.add_argument("--members", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workspace = args.workspace
        if workspace is None:
            workspace = Path(tmp) / "large.clusterdesk"
            subprocess.run([sys.executable, "-m", "clusterdesk", "--data-dir", tmp, "demo-data",
                            str(workspace), "--members", str(args.members)], check=True, cwd=ROOT)
        baseline = measure(BASELINE, str(workspace))
        app = measure(APP, str(workspace), str(Path(tmp) / "data"))
    print(f"baseline (bare window + SQLAlchemy)  {baseline:7.1f} MB")
    print(f"ClusterDesk, 100,000-member list     {app:7.1f} MB  (target < 400 MB)")
    print(f"ratio app/baseline = {app / baseline:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
