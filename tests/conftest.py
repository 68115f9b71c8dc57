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
