"""The command line refuses every mistake with one clear line and exit 1 (2 for wrong usage):
never a traceback, never a password, never a temporary file's name (QA findings)."""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from clusterdesk.store.lock import WorkspaceLock
from tests.cli.test_cli import ROOT, run


def usage_error(capsys, *argv) -> str:
    from clusterdesk.__main__ import main

    with pytest.raises(SystemExit) as exit_:
        main(list(argv))
    assert exit_.value.code == 2
    return capsys.readouterr().err


@pytest.fixture
def small(tmp_path):
    from clusterdesk.__main__ import main

    path = tmp_path / "small.clusterdesk"
    assert main(["demo-data", str(path), "--members", "20"]) == 0
    return path


def members_in(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("select count(*) from members").fetchone()[0]
    finally:
        conn.close()


def one_line(err: str) -> str:
    assert "Traceback" not in err
    assert err.count("\n") == 1, err
    return err


# --- 1: demo-data --force --------------------------------------------------------------------


def test_demo_data_force_refuses_a_workspace_open_elsewhere(small, capsys):
    holder = WorkspaceLock(small)
    holder.acquire()
    try:
        code, _out, err = run(capsys, "demo-data", str(small), "--members", "5", "--force")
    finally:
        holder.release()
    assert code == 1 and "already open for editing" in one_line(err)
    assert members_in(small) == 20


def test_demo_data_force_never_replays_a_stale_wal_onto_the_new_file(small, capsys):
    # Leave committed pages in the WAL (a program killed before its checkpoint).
    conn = sqlite3.connect(small, isolation_level=None)
    conn.execute("pragma wal_autocheckpoint = 0")
    conn.execute("update members set name = name || ' old'")
    wal = Path(str(small) + "-wal")
    assert wal.stat().st_size > 0
    stale = wal.read_bytes()
    conn.close()
    wal.write_bytes(stale)  # closing checkpointed it; put the old pages back
    code, _out, err = run(capsys, "demo-data", str(small), "--members", "7", "--force")
    assert code == 0 and err == ""
    assert not wal.exists() or wal.stat().st_size == 0
    code, out, err = run(capsys, "check", str(small))
    assert code == 0 and out.startswith("OK:"), err
    assert members_in(small) == 7


# --- 2: servers ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_server_with_nothing_listening_is_one_line_without_password(capsys):
    pytest.importorskip("psycopg")
    url = f"postgresql+psycopg://clerk:s3cret-pw@127.0.0.1:{free_port()}/cluster"
    code, _out, err = run(capsys, "--db", url, "list", "members")
    assert code == 1
    line = one_line(err)
    assert "127.0.0.1" in line and "“cluster”" in line and "s3cret-pw" not in line


@pytest.mark.parametrize("url", ["mysql://x", "foo://somewhere/db"])
def test_unknown_database_kind_is_one_line(url, capsys):
    code, _out, err = run(capsys, "--db", url, "list", "members")
    assert code == 1 and "cannot use" in one_line(err)


@pytest.mark.parametrize("argv", [["check"], ["backup"], ["backups"]])
def test_file_commands_say_a_server_is_backed_up_by_its_administrator(argv, capsys):
    url = "postgresql+psycopg://clerk:s3cret-pw@db.example.org:5432/cluster"
    code, _out, err = run(capsys, "--db", url, *argv)
    assert code == 1
    line = one_line(err)
    assert "works on workspace files" in line and "administrator" in line
    assert "s3cret-pw" not in line and "db.example.org:5432" in line


def test_restore_of_a_server_is_refused(capsys):
    code, _out, err = run(capsys, "restore", "postgresql+psycopg://u:pw@h/db")
    assert code == 1 and "workspace files" in one_line(err) and ":pw@" not in err


# --- 3: another program holds the database ----------------------------------------------------


def test_import_into_a_file_another_program_locks_is_refused(small, tmp_path, capsys, monkeypatch):
    from clusterdesk.store import db

    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 50)
    source = tmp_path / "one.csv"
    source.write_text("Name;Country\nFjord Pumps ApS;DK\n", encoding="utf-8")
    other = sqlite3.connect(small, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        code, _out, err = run(capsys, "--db", str(small), "import", "members", str(source))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert code == 1
    assert "locked by another program" in one_line(err) and "Nothing was saved" in err
    assert members_in(small) == 20


# --- 4: check is always the full check ---------------------------------------------------------


def test_check_of_a_large_file_runs_the_full_integrity_check(small, capsys, monkeypatch):
    from clusterdesk.store import backup

    monkeypatch.setattr(backup, "THOROUGH_CHECK_LIMIT", 1)
    asked = []
    real = backup.database_problem
    monkeypatch.setattr(backup, "database_problem",
                        lambda path, *, thorough=None: asked.append(thorough) or real(path, thorough=thorough))
    code, out, _err = run(capsys, "check", str(small))
    assert code == 0 and asked == [True]
    assert "Checking every page" in out and "integrity and foreign keys checked" in out
    code, out, _err = run(capsys, "backup", str(small))
    assert code == 0 and "quick check" in out  # says truthfully what a large backup's check was


# --- 6: more mistakes ---------------------------------------------------------------------------


def test_backup_to_a_missing_or_read_only_place(small, tmp_path, capsys, monkeypatch):
    code, _out, err = run(capsys, "backup", str(small), "--to", "/nonexistent/dir/x.clusterdesk")
    assert code == 1 and "There is no folder /nonexistent/dir" in one_line(err)
    code, _out, err = run(capsys, "backup", str(small), "--to", str(tmp_path) + "/")
    assert code == 1 and "is a folder" in one_line(err)
    from clusterdesk.store import db

    monkeypatch.setattr(db, "can_write", lambda path: Path(path) != tmp_path / "ro")
    (tmp_path / "ro").mkdir()
    code, _out, err = run(capsys, "backup", str(small), "--to", str(tmp_path / "ro" / "x.clusterdesk"))
    assert code == 1 and "read-only" in one_line(err)


def test_data_dir_that_is_a_file_is_wrong_usage(tmp_path, capsys):
    afile = tmp_path / "afile"
    afile.write_text("x")
    code, _out, err = run(capsys, "--data-dir", str(afile), "list", "members")
    assert code == 2 and "cannot be used" in one_line(err) and "--data-dir" in err


def test_empty_db_is_wrong_usage_not_the_last_workspace(capsys):
    err = usage_error(capsys, "--db", "", "list", "members")
    assert "--db" in err and "is empty" in err


@pytest.mark.parametrize("option,value", [
    ("--contacts-per-member", "nan"), ("--contacts-per-member", "inf"),
    ("--contacts-per-member", "-1"), ("--interactions-per-member", "1e9"),
    ("--members", "1e9"), ("--members", "0"), ("--members", "2.5"),
])
def test_demo_data_sizes_are_bounded(option, value, tmp_path, capsys):
    target = tmp_path / "x.clusterdesk"
    err = usage_error(capsys, "demo-data", str(target), option, value)
    assert option in err and not target.exists()


def test_demo_data_caps_members_with_the_limit_named(tmp_path, capsys):
    err = usage_error(capsys, "demo-data", str(tmp_path / "x.clusterdesk"), "--members", "1e9")
    assert "10,000,000" in err


def test_demo_data_does_not_create_missing_folders(tmp_path, capsys):
    target = tmp_path / "missing" / "x.clusterdesk"
    code, _out, err = run(capsys, "demo-data", str(target), "--members", "3")
    assert code == 1 and "There is no folder" in one_line(err)
    assert not target.parent.exists()


@pytest.mark.parametrize("content,refused", [
    ('{"since":"yesterday"}', True), ('{"pid":"x"}', True),
    ('{"host": 5, "since": "2026-01-01T10:00:00"}', True),
    ("[1,2]", False), ("null", False),  # names nobody: a lock nobody holds is taken
])
def test_lock_file_with_bad_contents(small, tmp_path, content, refused, capsys):
    source = tmp_path / "one.csv"
    source.write_text("Name;Country\nFjord Pumps ApS;DK\n", encoding="utf-8")
    Path(str(small) + ".lock").write_text(content)
    code, _out, err = run(capsys, "--db", str(small), "import", "members", str(source))
    assert "Traceback" not in err
    if refused:  # a holder on an unknown computer: only --break-lock takes it over
        assert code == 1 and "someone on an unknown computer" in err and "--break-lock" in err
    else:
        assert code == 0 and members_in(small) == 21


# --- 8: export targets ------------------------------------------------------------------------


def test_export_refuses_a_folder_as_target(small, tmp_path, capsys):
    conn = sqlite3.connect(small)
    member_id = conn.execute("select id from members limit 1").fetchone()[0]
    conn.close()
    folder = tmp_path / "out"
    folder.mkdir()
    for target in (str(folder) + "/", str(folder)):
        code, _out, err = run(capsys, "--db", str(small), "export", "member", member_id[:8],
                              "--pdf", target)
        assert code == 1 and "is a folder" in one_line(err)
    (tmp_path / "x.pdf").mkdir()
    code, _out, err = run(capsys, "--db", str(small), "export", "member", member_id[:8],
                          "--pdf", str(tmp_path / "x.pdf"))
    assert code == 1 and "is a folder" in one_line(err) and ".partial" not in err
    assert not (tmp_path / "out.pdf").exists() and not Path(str(folder) + ".pdf").exists()


# --- 9, 10: backups and restore ----------------------------------------------------------------


def test_backups_of_something_that_is_not_a_workspace(tmp_path, capsys):
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    for target, says in ((tmp_path / "missing.clusterdesk", "There is no file"),
                         (tmp_path, "is a folder"), (text, "not a ClusterDesk workspace")):
        code, out, err = run(capsys, "backups", str(target))
        assert code == 1 and says in one_line(err) and "No backups" not in out


def test_restore_refuses_a_backup_of_another_workspace_unless_forced(small, tmp_path, capsys):
    from clusterdesk.__main__ import main

    other = tmp_path / "other.clusterdesk"
    assert main(["demo-data", str(other), "--members", "4"]) == 0
    code, _out, err = run(capsys, "restore", str(small), str(other))
    assert code == 1 and "backup of another workspace" in err and "--force" in err
    assert members_in(small) == 20
    code, out, err = run(capsys, "restore", str(small), str(other), "--force")
    assert code == 0 and "Restored" in out
    assert members_in(small) == 4


def test_restore_from_a_folder_or_a_text_file(small, tmp_path, capsys):
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    for source, says in ((tmp_path, "it is a folder"), (text, "it is not a database file")):
        code, _out, err = run(capsys, "restore", str(small), str(source))
        assert code == 1 and "is not a ClusterDesk backup" in one_line(err) and says in err
    assert members_in(small) == 20


# --- 12: an empty alembic_version ---------------------------------------------------------------


def test_workspace_without_a_schema_version_is_called_damaged(small, capsys):
    conn = sqlite3.connect(small)
    conn.execute("delete from alembic_version")
    conn.commit()
    conn.close()
    for argv in (["check", str(small)], ["--db", str(small), "list", "members"]):
        code, _out, err = run(capsys, *argv)
        assert code == 1 and "not a complete workspace" in one_line(err)
        assert "newer" not in err and "None" not in err


# --- 13: --break-lock ---------------------------------------------------------------------------


def test_break_lock_takes_over_a_lock_from_another_computer_only(small, tmp_path, capsys):
    source = tmp_path / "one.csv"
    source.write_text("Name;Country\nFjord Pumps ApS;DK\n", encoding="utf-8")
    lock = Path(str(small) + ".lock")
    lock.write_text(json.dumps({"host": "laptop-7", "user": "kim", "pid": 4242,
                                "since": "2026-11-20T08:00:00+00:00"}))
    code, _out, err = run(capsys, "--db", str(small), "import", "members", str(source))
    assert code == 1 and "kim on laptop-7" in err and "--break-lock" in err
    code, out, err = run(capsys, "--break-lock", "--db", str(small), "import", "members", str(source))
    assert code == 0, err
    assert members_in(small) == 21 and not lock.exists()
    holder = WorkspaceLock(small)  # a live holder here is never broken
    holder.acquire()
    try:
        code, _out, err = run(capsys, "--break-lock", "--db", str(small), "import", "members",
                              str(source))
    finally:
        holder.release()
    assert code == 1 and "already open for editing" in err and "--break-lock" not in err


# --- 14: a closed pipe ------------------------------------------------------------------------


def test_list_into_a_closed_pipe_exits_quietly(small, tmp_path):
    env = {"PYTHONPATH": str(ROOT), "CLUSTERDESK_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"}
    command = (f"{sys.executable} -m clusterdesk --db {small} list members | head -1")
    done = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True,
                          text=True, env=env, timeout=60)
    assert done.stdout.count("\n") == 1
    assert done.stderr == "" and done.returncode == 0


# --- 16: upgrades are announced ------------------------------------------------------------------


def test_list_says_it_upgraded_an_older_file_and_where_the_backup_is(tmp_path, capsys):
    import shutil

    old = tmp_path / "old.clusterdesk"
    shutil.copy(ROOT / "tests" / "store" / "fixtures" / "schema_0001_initial.clusterdesk", old)
    code, out, err = run(capsys, "--db", str(old), "list", "members")
    assert code == 0, err
    first = out.splitlines()[0]
    assert first.startswith("Upgraded old.clusterdesk from schema 0001_initial to ")
    backup = Path(first.rsplit(" ", 1)[1].rstrip("."))
    assert backup.exists() and "before-migration" in backup.name
    code, out, _err = run(capsys, "--db", str(old), "list", "members")
    assert code == 0 and "Upgraded" not in out


# --- 17: a display that is set but not there -----------------------------------------------------


def test_screen_problems_are_found_before_qt_starts(tmp_path):
    import socket as sockets

    from clusterdesk.screen import screen_problem

    x11 = tmp_path / "x11"
    x11.mkdir()
    runtime = tmp_path / "run"
    runtime.mkdir()
    check = lambda env: screen_problem(env, x11_sockets=x11)  # noqa: E731
    assert "DISPLAY is not set" in check({})
    assert "no X server answers at DISPLAY=:77" in check({"DISPLAY": ":77"})
    assert "DISPLAY is not set" in check({"QT_QPA_PLATFORM": "xcb"})
    assert "no Wayland compositor" in check({"WAYLAND_DISPLAY": "wayland-9",
                                             "XDG_RUNTIME_DIR": str(runtime)})
    assert check({"QT_QPA_PLATFORM": "offscreen"}) is None
    with sockets.socket(sockets.AF_UNIX) as server:
        server.bind(str(x11 / "X5"))
        assert check({"DISPLAY": ":5"}) is None and check({"DISPLAY": ":5.0"}) is None
        assert check({"DISPLAY": ":5", "QT_QPA_PLATFORM": "xcb"}) is None
    with sockets.socket(sockets.AF_UNIX) as compositor:
        compositor.bind(str(runtime / "wayland-1"))
        assert check({"WAYLAND_DISPLAY": "wayland-1", "XDG_RUNTIME_DIR": str(runtime)}) is None


def test_window_with_an_unusable_display_exits_2_with_our_message(tmp_path):
    env = {"PYTHONPATH": str(ROOT), "CLUSTERDESK_DATA_DIR": str(tmp_path / "data"),
           "PATH": "/usr/bin:/bin", "DISPLAY": ":7731"}
    done = subprocess.run([sys.executable, "-m", "clusterdesk", "--demo"], capture_output=True,
                          text=True, env=env, timeout=60)
    assert done.returncode == 2
    assert done.stderr.startswith("clusterdesk: no X server answers at DISPLAY=:7731.")
    assert "xcb-cursor" not in done.stderr and "Traceback" not in done.stderr


# --- 19: formulas without a saved value ------------------------------------------------------------


def test_import_names_formula_cells_whose_value_was_never_saved(small, tmp_path, capsys):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Name", "Country", "City"])
    sheet.append(["Fjord Pumps ApS", "DK", "Aarhus"])
    sheet.append(['=CONCAT("Bølge", " A/S")', "DK", "Odense"])  # openpyxl saves no values
    sheet.append(["Havn Filter ApS", "DK", '=UPPER("esbjerg")'])
    source = tmp_path / "formulas.xlsx"
    book.save(source)
    code, out, _err = run(capsys, "--db", str(small), "import", "members", str(source), "--dry-run")
    assert code == 1
    assert "row 3, column A (Name) — the cell holds a formula whose value was never saved" in out
    assert "row 4, column C (City) — the cell holds a formula whose value was never saved" in out
    assert "name is empty" not in out


def test_new_creates_an_empty_workspace_and_refuses_an_existing_file(tmp_path, capsys):
    from clusterdesk.__main__ import main

    target = tmp_path / "Vand_Klyngen"
    assert main(["--data-dir", str(tmp_path / "data"), "new", str(target)]) == 0
    created = tmp_path / "Vand_Klyngen.clusterdesk"
    assert "the empty workspace “Vand Klyngen”" in capsys.readouterr().out
    assert main(["--data-dir", str(tmp_path / "data"), "check", str(created)]) == 0
    assert main(["--data-dir", str(tmp_path / "data"), "--db", str(created), "list", "members"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path / "data"), "new", str(created)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["--data-dir", str(tmp_path / "data"), "new", str(tmp_path / "missing" / "x")]) == 1
