"""`clusterdesk import members FILE`: the per-row report, exit 0 when imported (or clean on a
dry run), 1 otherwise, never a traceback."""

from __future__ import annotations

import sqlite3

import pytest

from clusterdesk.__main__ import main
from tests.imports.files import HEADER, ROWS, member_rows, write_csv, write_xlsx


@pytest.fixture
def workspace_file(tmp_path):
    from clusterdesk.store.workspace import create_workspace

    path = tmp_path / "cluster.clusterdesk"
    create_workspace(path, "Cluster").close()
    return path


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def members(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("select count(*) from members where deleted_at is null").fetchone()[0]
    finally:
        conn.close()


def test_dry_run_of_a_clean_file(workspace_file, tmp_path, capsys):
    source = write_csv(tmp_path / "m.csv", [HEADER, *ROWS], encoding="utf-8-sig")
    code, out, err = run(capsys, "--db", str(workspace_file), "import", "members", str(source), "--dry-run")
    assert code == 0 and err == ""
    assert "Read 5 rows from m.csv (CSV, UTF-8 with BOM, separated by semicolons)" in out
    assert "  G (E-mail) → Contact email" in out
    assert "No problems found." in out and "create 4 members" in out
    assert out.rstrip().endswith("Dry run: nothing was imported.")
    assert members(workspace_file) == 0


def test_problems_one_line_each_and_exit_1(workspace_file, tmp_path, capsys):
    rows = member_rows(10)
    rows[3][6] = "kontakt3@@firma.dk"
    rows[7][4] = "Narnia"
    source = write_xlsx(tmp_path / "m.xlsx", [HEADER, *rows])
    for extra in (["--dry-run"], []):
        code, out, _ = run(capsys, "--db", str(workspace_file), "import", "members", str(source), *extra)
        assert code == 1
        assert "2 rows have problems:" in out
        assert "row 5, column G (E-mail): “kontakt3@@firma.dk” — not an email address" in out
        assert "row 9, column E (Land): “Narnia” — not a country we know" in out
    assert members(workspace_file) == 0


def test_import_and_reimport(workspace_file, tmp_path, capsys):
    source = write_xlsx(tmp_path / "m.xlsx", [HEADER, *ROWS], sheet="Ark1", extra_sheets=("Noter",))
    argv = ["--data-dir", str(tmp_path / "data"), "--db", str(workspace_file), "import", "members",
            str(source), "--sheet", "Ark1"]
    code, out, _ = run(capsys, *argv)
    assert code == 0 and "Imported: created 4 members, added 5 contacts." in out and "verified backup" in out
    assert members(workspace_file) == 4
    code, out, _ = run(capsys, *argv)
    assert code == 0 and "This file was imported before" in out
    assert "looks like existing member “Vestkyst Pumper A/S” (same CVR/VAT number) → merge" in out
    assert members(workspace_file) == 4


def test_refusals(workspace_file, tmp_path, capsys):
    source = write_xlsx(tmp_path / "m.xlsx", [HEADER, *ROWS])
    code, out, err = run(capsys, "--db", str(workspace_file), "import", "members", str(source),
                         "--sheet", "Members")
    assert code == 1 and "no sheet “Members”" in err and err.count("\n") == 1
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    code, _, err = run(capsys, "--db", str(workspace_file), "import", "members", str(empty))
    assert code == 1 and "nothing to import" in err
    code, _, err = run(capsys, "--db", str(workspace_file), "import", "members", str(source),
                       "--mapping", "Nope")
    assert code == 1 and "no saved mapping “Nope”" in err
    nameless = write_csv(tmp_path / "n.csv", [["By", "E-mail"], ["Vejle", "a@b.dk"]])
    code, out, _ = run(capsys, "--db", str(workspace_file), "import", "members", str(nameless))
    assert code == 1 and "file — no column is mapped to “Member name”" in out
    with pytest.raises(SystemExit) as usage:
        main(["import", "members"])
    assert usage.value.code == 2


def test_a_saved_mapping_by_name(workspace_file, tmp_path, capsys):
    from clusterdesk.imports.sources import read_source
    from clusterdesk.services import imports as service
    from clusterdesk.services.context import ServiceContext
    from clusterdesk.store.workspace import open_workspace

    source = write_csv(tmp_path / "odd.csv", [["Organisation", "Hjemby", "Kolonne X"],
                                             ["Havørn ApS", "Vejle", "x"]])
    workspace = open_workspace(workspace_file)
    try:
        service.save_mapping(ServiceContext(workspace, "Tester"), "Odd list",
                             read_source(source).columns, ["name", "city", ""], "SE")
    finally:
        workspace.close()
    code, out, _ = run(capsys, "--db", str(workspace_file), "import", "members", str(source),
                       "--mapping", "odd list")
    assert code == 0
    assert "  B (Hjemby) → City" in out and "  C (Kolonne X) → (not imported)" in out
    conn = sqlite3.connect(workspace_file)
    assert conn.execute("select name, city, country from members").fetchall() == [("Havørn ApS", "Vejle", "SE")]
    conn.close()


def test_a_workbook_without_a_member_list_names_its_sheets(workspace_file, tmp_path, capsys):
    """QA: 'no column is mapped to Member name' on a workbook said nothing of its sheets."""
    source = write_xlsx(tmp_path / "book.xlsx", [["By", "E-mail"], ["Vejle", "a@b.dk"]],
                        sheet="Forside", extra_sheets=("Noter", "Adresser"))
    code, out, _ = run(capsys, "--db", str(workspace_file), "import", "members", str(source),
                       "--dry-run")
    assert code == 1 and "file — no column is mapped to “Member name”" in out
    assert ("This is the sheet “Forside”; the workbook also has “Noter”, “Adresser”. Choose the "
            "sheet with the member list with --sheet NAME.") in out
    # A workbook whose list is behind a cover page is read from the list.
    book = write_xlsx(tmp_path / "cover.xlsx", [["AquaNord medlemsliste"], ["Udtrukket 27.11.2026"]],
                      sheet="Forside")
    from openpyxl import load_workbook

    workbook = load_workbook(book)
    sheet = workbook.create_sheet("Medlemmer")
    for row in [HEADER, *ROWS]:
        sheet.append(row)
    workbook.save(book)
    code, out, _ = run(capsys, "--db", str(workspace_file), "import", "members", str(book), "--dry-run")
    assert code == 0 and "(Excel, sheet “Medlemmer”); the header is row 1." in out
