"""The headless commands: exit 0 on success, 1 with one clear line on a refused input,
2 on wrong usage; never a traceback for a user's mistake."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from clusterdesk.__main__ import main

ROOT = Path(__file__).resolve().parents[2]


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def small_workspace(tmp_path):
    path = tmp_path / "small.clusterdesk"
    assert main(["demo-data", str(path), "--members", "50"]) == 0
    return path


def test_demo_data_writes_a_checked_workspace(small_workspace, capsys):
    conn = sqlite3.connect(small_workspace)
    assert conn.execute("select count(*) from members").fetchone()[0] == 50
    assert conn.execute("select count(*) from contacts").fetchone()[0] == 125
    assert conn.execute("select count(*) from interactions").fetchone()[0] == 500
    assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"
    conn.close()
    code, out, err = run(capsys, "check", str(small_workspace))
    assert code == 0 and out.startswith("OK:") and "schema" in out and err == ""


def test_demo_data_refuses_to_overwrite(small_workspace, capsys):
    code, _out, err = run(capsys, "demo-data", str(small_workspace), "--members", "5")
    assert code == 1
    assert err.strip() == f"clusterdesk: {small_workspace} already exists (use --force to replace it)."


def test_check_refuses_garbage_with_one_line(tmp_path, capsys):
    junk = tmp_path / "junk.clusterdesk"
    junk.write_text("hello")
    code, out, err = run(capsys, "check", str(junk))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "not a ClusterDesk workspace" in err


def test_backup_and_list_and_restore(small_workspace, tmp_path, capsys):
    code, out, _ = run(capsys, "backup", str(small_workspace))
    assert code == 0 and "verified" in out
    target = tmp_path / "copy.clusterdesk"
    code, out, _ = run(capsys, "backup", str(small_workspace), "--to", str(target))
    assert code == 0 and target.exists()
    code, out, _ = run(capsys, "backups", str(small_workspace))
    assert code == 0 and "manual" in out
    conn = sqlite3.connect(small_workspace)
    conn.execute("delete from interactions")
    conn.commit()
    conn.close()
    code, out, _ = run(capsys, "restore", str(small_workspace))
    assert code == 0
    conn = sqlite3.connect(small_workspace)
    assert conn.execute("select count(*) from interactions").fetchone()[0] == 500
    conn.close()


def test_global_db_option_names_the_workspace(small_workspace, capsys):
    code, out, _ = run(capsys, "--db", str(small_workspace), "check")
    assert code == 0 and str(small_workspace) in out


@pytest.mark.parametrize("argv", [["demo-data"], ["demo-data", "x.clusterdesk", "--members", "many"],
                                  ["no-such-command"], ["check", "a", "b"]])
def test_wrong_usage_exits_2(argv, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_console_entry_point_runs_without_traceback(tmp_path):
    result = subprocess.run([sys.executable, "-m", "clusterdesk", "check", str(tmp_path / "none")],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "no file" in result.stderr


def test_window_start_does_not_build_the_command_parsers():
    from clusterdesk.__main__ import needs_commands

    assert not needs_commands([])
    assert not needs_commands(["--demo"])
    assert not needs_commands(["--db", "my workspace.clusterdesk", "--read-only"])
    assert not needs_commands(["--data-dir", "check"])  # a folder named like a command
    assert needs_commands(["check", "x"])
    assert needs_commands(["--db", "x.clusterdesk", "backup"])
    assert needs_commands(["--help"])
