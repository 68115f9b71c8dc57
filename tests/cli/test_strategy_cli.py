"""`clusterdesk list action-plans|strategies` and `clusterdesk export action-plan|strategy`:
the files written and read back, refusals in one line."""

from __future__ import annotations

import pytest

from tests.cli.test_cli import run
from tests.cli.test_records_cli import demo_file  # noqa: F401 - the fixture
from tests.conftest import FIXED_NOW

YEAR = FIXED_NOW.year


def test_list_action_plans_and_strategies(demo_file, capsys):  # noqa: F811
    code, out, err = run(capsys, "--db", str(demo_file), "list", "action-plans")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 2
    assert any(f"Action plan {YEAR}: Germany and the Netherlands" in line and "4 of 10 done" in line
               for line in lines)
    code, out, _ = run(capsys, "--db", str(demo_file), "list", "strategies")
    assert code == 0 and len(out.splitlines()) == 3 and "Approved on 12 Mar 2025" in out


def test_export_an_action_plan_as_pdf_and_excel(demo_file, tmp_path, capsys):  # noqa: F811
    from openpyxl import load_workbook
    from pypdf import PdfReader

    pdf = tmp_path / "germany.pdf"
    code, out, err = run(capsys, "--db", str(demo_file), "export", "action-plan", "germany", "--pdf", str(pdf))
    assert (code, err) == (0, "") and "4 of 10 done" in out
    text = PdfReader(pdf).pages[0].extract_text()
    assert f"Action plan {YEAR}: Germany and the Netherlands" in text
    assert "Book 40 B2B meetings in Hamburg through Wasser" in text and "Mette Kjær (MK)" in text
    xlsx = tmp_path / "germany.xlsx"
    code, out, _ = run(capsys, "--db", str(demo_file), "export", "action-plan", "germany", "--xlsx", str(xlsx))
    assert code == 0 and "10 sub-activities" in out
    book = load_workbook(xlsx)
    assert book.sheetnames == ["Plan", "Targets", "Sub-activities", "Participants", "Activities", "Budgets"]
    subs = list(book["Sub-activities"].iter_rows(min_row=2, values_only=True))
    assert len(subs) == 10 and sum(1 for r in subs if r[4] == "Done") == 4
    budget = next(book["Budgets"].iter_rows(min_row=2, values_only=True))
    assert budget[:2] == ("Company mission to Hamburg", "Company mission to Hamburg – smart water networks")
    assert budget[2] > 0 and budget[5] == "DKK"  # an amount, as a number
    assert [r[0] for r in book["Activities"].iter_rows(min_row=2, values_only=True)] == [
        "Study trip to the Netherlands – delta technology", "Company mission to Hamburg – smart water networks"]


def test_export_the_strategy_document(demo_file, tmp_path, capsys):  # noqa: F811
    from pypdf import PdfReader

    pdf = tmp_path / "strategy.pdf"
    code, out, err = run(capsys, "--db", str(demo_file), "export", "strategy", f"{YEAR - 1}–{YEAR + 1}",
                         "--pdf", str(pdf))
    assert (code, err) == (0, "") and "6 KPIs, 2 action plans" in out
    pages = [p.extract_text() for p in PdfReader(pdf).pages]
    assert f"International strategy {YEAR - 1}–{YEAR + 1}" in pages[0] and "Approved on 12 Mar 2025" in pages[0]
    everything = "\n".join(pages)
    for text in ("Key performance indicators", "Off track", "At risk", "The strategy wheel",
                 "Partner clusters at the stage"):
        assert text in everything


@pytest.mark.parametrize(("args", "says"), [
    (("export", "strategy", "International", "--pdf"), "matches 3 strategies"),
    (("export", "strategy", "Atlantis", "--pdf"), "`clusterdesk list strategies`"),
    (("export", "strategy", f"{YEAR - 1}–{YEAR + 1}", "--xlsx"), "cannot be exported as xlsx"),
])
def test_refusals_are_one_line(demo_file, tmp_path, capsys, args, says):  # noqa: F811
    code, out, err = run(capsys, "--db", str(demo_file), *args, str(tmp_path / "x.out"))
    assert code == 1 and says in err and len(err.strip().splitlines()) == 1
