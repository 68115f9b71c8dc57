"""Demo and synthetic workspaces (DESIGN §1): a believable invented Danish cluster for
`--demo`, and workspaces of any size for benchmarks (`demo-data`)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..paths import AppPaths
    from ..store.workspace import Workspace

KEEP_DEMO_FILES = 3


def build_demo_workspace(paths: AppPaths, today: date | None = None) -> Workspace:
    """A fresh copy of the demo in the data folder; older copies beyond a few are removed.
    The user's own workspaces are never touched."""
    from .showcase import build_demo

    folder = paths.demo_dir
    folder.mkdir(parents=True, exist_ok=True)
    from ..store.db import remove_database_file
    from ..store.errors import StoreError
    from ..store.lock import WorkspaceLock

    for old in sorted(folder.glob("demo-*.clusterdesk"))[:-KEEP_DEMO_FILES + 1 or None]:
        lock = WorkspaceLock(old)
        try:
            lock.acquire()
        except StoreError:
            continue  # still open in another ClusterDesk window
        try:
            remove_database_file(old)
        finally:
            lock.release()
    path = folder / f"demo-{datetime.now():%Y%m%d-%H%M%S-%f}.clusterdesk"
    return build_demo(path, today=today)
