"""`clusterdesk list` for the Network tab's records."""

from __future__ import annotations

import pytest

from tests.cli.test_cli import run
from tests.cli.test_records_cli import demo_file  # noqa: F401 - the fixture


@pytest.mark.parametrize("kind, count, shows", [
    ("partnerships", 2, "Global Water Technology Network  (Global network · 3 partners)"),
    ("services", 5, "Partner search abroad  (Partner search · Permanent)"),
    ("partner-searches", 6, "Gudenå Sensor ApS: leak detection sensors for water networks  (Partner found)"),
    ("ideas", 7, "Solar-powered desalination for Kenya  (Dropped)"),
])
def test_list_prints_the_network_records(demo_file, capsys, kind, count, shows):  # noqa: F811
    code, out, err = run(capsys, "--db", str(demo_file), "list", kind)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == count and any(line.endswith(shows) for line in lines)
