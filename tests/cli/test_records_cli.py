"""`clusterdesk list KIND` and `clusterdesk export KIND ID --pdf|--xlsx OUT`: exit 0 with the
file written, 1 with one clear line for an unknown or ambiguous ID, 2 for wrong usage."""

from __future__ import annotations

import pytest

from clusterdesk.__main__ import main
from clusterdesk.cli_records import RecordNotFound, find_record
from clusterdesk.services.dto import NamedRecord
from tests.cli.test_cli import run
from tests.conftest import FIXED_NOW


@pytest.fixture
def demo_file(tmp_path):
    from clusterdesk.demo.showcase import build_demo

    path = tmp_path / "demo.clusterdesk"
    build_demo(path, today=FIXED_NOW.date()).close()
    return path


def test_list_prints_ids_and_names(demo_file, capsys):
    code, out, err = run(capsys, "--db", str(demo_file), "list", "checklists")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert len(lines) == 3  # the mission, the matchmaking event, the study trip
    assert any("Company mission to Hamburg" in line and "12 of 37 done" in line for line in lines)
    code, out, _ = run(capsys, "--db", str(demo_file), "list", "partners")
    assert code == 0 and len(out.splitlines()) == 9 and "Vattenklustret Skåne" in out
    code, out, _ = run(capsys, "--db", str(demo_file), "list", "activities")
    assert code == 0 and len(out.splitlines()) == 6


def test_export_checklist_by_name_and_by_id(demo_file, tmp_path, capsys):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    pdf = tmp_path / "mission.pdf"
    code, out, err = run(capsys, "--db", str(demo_file), "export", "checklist", "hamburg", "--pdf", str(pdf))
    assert (code, err) == (0, "") and "12 of 37 done" in out
    assert "Company mission to Hamburg" in PdfReader(pdf).pages[0].extract_text()
    _, listing, _ = run(capsys, "--db", str(demo_file), "list", "checklists")
    trip_id = next(line.split()[0] for line in listing.splitlines() if "Study trip" in line)
    xlsx = tmp_path / "trip"  # the suffix is added
    code, out, _ = run(capsys, "--db", str(demo_file), "export", "checklist", trip_id[:8], "--xlsx", str(xlsx))
    assert code == 0 and "37 items" in out
    sheet = load_workbook(tmp_path / "trip.xlsx").active
    assert sheet.max_row == 38


@pytest.mark.parametrize("name, says", [
    ("Narnia", "No checklist matches “Narnia”"),
    ("e", "matches 3 checklists"),
])
def test_export_refuses_unknown_or_ambiguous_ids_with_one_line(demo_file, tmp_path, capsys, name, says):
    code, out, err = run(capsys, "--db", str(demo_file), "export", "checklist", name, "--pdf",
                         str(tmp_path / "x.pdf"))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and says in err
    assert not (tmp_path / "x.pdf").exists()


def test_export_into_a_missing_folder_is_refused(demo_file, tmp_path, capsys):
    code, _out, err = run(capsys, "--db", str(demo_file), "export", "checklist", "hamburg",
                          "--pdf", str(tmp_path / "nowhere" / "x.pdf"))
    assert code == 1 and "no folder" in err


@pytest.mark.parametrize("argv", [["list"], ["list", "unicorns"], ["export", "checklist", "x"],
                                  ["export", "checklist", "x", "--pdf", "a.pdf", "--xlsx", "b.xlsx"],
                                  ["export", "partner", "x", "--pdf", "a.pdf"]])
def test_wrong_usage_exits_2(argv, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_find_record_tries_id_then_name_then_part_of_the_name():
    import uuid

    a = NamedRecord(uuid.UUID("11111111-2222-3333-4444-555555555555"), "Mission to Hamburg")
    b = NamedRecord(uuid.UUID("11119999-2222-3333-4444-555555555555"), "Mission to Hamburg 2")
    records = [a, b]
    assert find_record(records, str(b.id), "checklist") is b
    assert find_record(records, "11111111", "checklist") is a
    assert find_record(records, "mission to hamburg", "checklist") is a  # exact name wins
    assert find_record(records, "hamburg 2", "checklist") is b
    with pytest.raises(RecordNotFound, match="matches 2 checklists"):
        find_record(records, "1111", "checklist")
    with pytest.raises(RecordNotFound, match="No checklist matches"):
        find_record(records, "Oslo", "checklist")


def test_list_members_and_export_a_profile(tmp_path, capsys):
    from pypdf import PdfReader

    from clusterdesk.__main__ import main
    from clusterdesk.demo.showcase import build_demo

    path = tmp_path / "demo.clusterdesk"
    build_demo(path).close()
    assert main(["--db", str(path), "list", "members"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) == 80 and any("Vestkyst Pumper A/S" in line for line in listed)
    out = tmp_path / "vestkyst.pdf"
    assert main(["--db", str(path), "export", "member", "Vestkyst Pumper", "--pdf", str(out)]) == 0
    text = PdfReader(out).pages[0].extract_text()
    assert "Vestkyst Pumper A/S" in text
    assert main(["--db", str(path), "export", "member", "Vestkyst", "--xlsx", str(tmp_path / "x.xlsx")]) == 1
    assert "cannot be exported as xlsx" in capsys.readouterr().err
