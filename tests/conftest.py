"""Shared fixtures. Qt runs offscreen; nothing touches the real user's folders."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch) -> Path:
    data = tmp_path_factory.mktemp("clusterdesk-data")
    monkeypatch.setenv("CLUSTERDESK_DATA_DIR", str(data))
    return data


@pytest.fixture
def backup_root(tmp_path) -> Path:
    return tmp_path / "backups"


@pytest.fixture
def workspace(tmp_path, backup_root) -> Iterator:
    from clusterdesk.store.workspace import create_workspace

    ws = create_workspace(tmp_path / "test.clusterdesk", "Test cluster", backup_root=backup_root)
    yield ws
    ws.close()


FIXED_NOW = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="session")
def _demo_templates(tmp_path_factory):
    """The demo is built once per day/size/seed by the real builder; each test then gets a
    fresh copy of that file (building it through the services takes about a second)."""
    from clusterdesk.demo import showcase

    real_build = showcase.build_demo
    built: dict[tuple, Path] = {}

    def template(today, members: int, seed: int) -> Path:
        key = (today, members, seed)
        if key not in built:
            path = tmp_path_factory.mktemp("demo-template") / "demo.clusterdesk"
            real_build(path, today=today, members=members, seed=seed).close()
            built[key] = path
        return built[key]

    return template


@pytest.fixture(autouse=True)
def _demo_from_template(monkeypatch, _demo_templates):
    import shutil
    from datetime import date

    from clusterdesk.demo import showcase
    from clusterdesk.store.workspace import open_workspace

    def build_demo(path, *, today=None, backup_root=None, members=80, seed=2026):
        source = _demo_templates(today or date.today(), members, seed)
        for suffix in ("", "-wal"):
            if Path(str(source) + suffix).exists():
                shutil.copyfile(str(source) + suffix, str(path) + suffix)
        return open_workspace(path, backup_root=backup_root)

    monkeypatch.setattr(showcase, "build_demo", build_demo)


@pytest.fixture
def ctx(workspace):
    from clusterdesk.services.context import ServiceContext

    return ServiceContext(workspace, "Tester (TT)", clock=lambda: FIXED_NOW)


@pytest.fixture
def demo_ctx(tmp_path):
    from clusterdesk.demo.showcase import build_demo
    from clusterdesk.services.context import ServiceContext

    ws = build_demo(tmp_path / "demo.clusterdesk", today=FIXED_NOW.date(), backup_root=tmp_path / "b")
    yield ServiceContext(ws, "Tester (TT)", clock=lambda: FIXED_NOW)
    ws.close()
