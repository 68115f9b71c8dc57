"""The budget as PDF and Excel, the SWOT on one landscape page (and a very long one still
printable), and both from the command line."""

from __future__ import annotations

from dataclasses import replace

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from clusterdesk.exports.budgets import write_budget_xlsx
from clusterdesk.exports.pdf.budget import write_budget_pdf
from clusterdesk.exports.pdf.swot import write_swot_pdf
from clusterdesk.services import budgets, swot
from tests.cli.test_cli import run
from tests.conftest import FIXED_NOW


def hamburg(ctx):
    row = next(b for b in budgets.list_budgets(ctx) if b.activity_name.startswith("Company mission to Hamburg"))
    return budgets.get_budget(ctx, row.id)


def text_of(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_budget_pdf_shows_costs_funding_gap_and_prices(demo_ctx, tmp_path):
    path = write_budget_pdf(tmp_path / "budget.pdf", hamburg(demo_ctx), demo_ctx.workspace.name)
    text = text_of(path)
    for expected in ("Company mission to Hamburg", "Total costs", "162.650 kr.", "Unfunded gap",
                     "30.800 kr. (18,9 % of the costs)", "Participants' own costs", "41.850 kr.",
                     "Secretariat costs", "61.800 kr.", "Business Promotion Board",
                     "secured", "expected", "4.650 kr.", "11.205,56 kr.", "◀ chosen", "1.450 kr. × 9"):
        assert expected in text, expected
    assert len(PdfReader(path).pages) <= 2


def test_budget_excel_has_typed_cells_in_three_sheets(demo_ctx, tmp_path):
    detail = hamburg(demo_ctx)
    assert write_budget_xlsx(tmp_path / "budget.xlsx", detail) == 13
    book = load_workbook(tmp_path / "budget.xlsx")
    assert book.sheetnames == ["Summary", "Costs", "Funding"]
    summary = {row[0].value: row[1].value for row in book["Summary"].iter_rows(min_row=2)}
    assert summary["Total costs"] == 162650 and summary["Unfunded gap"] == 30800
    assert summary["Gap, % of the costs"] == pytest.approx(18.9)
    assert summary["Price per participant (the chosen model)"] == 4650
    costs = book["Costs"]
    assert [c.value for c in costs[1]][:4] == ["Category", "Paid by (§2.2.3)", "Description", "Amount"]
    assert costs["A2"].value == "Participants' travel" and costs["G2"].value == 13050 and costs["H2"].value == "DKK"
    funding = book["Funding"]
    assert funding["D2"].value == "Yes" and funding["E4"].value == pytest.approx(25.7)


def test_swot_on_one_landscape_page(demo_ctx, tmp_path):
    detail = swot.get_analysis(demo_ctx, swot.list_analyses(demo_ctx)[0].id)
    path = write_swot_pdf(tmp_path / "swot.pdf", detail, demo_ctx.workspace.name)
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert box.width > box.height  # landscape
    text = text_of(path)
    for expected in ("Does the cluster need an international strategy?", "STRENGTHS", "WEAKNESSES",
                     "OPPORTUNITIES", "THREATS", "It puts us ahead when funding calls open.",
                     "Foreign markets can be hard to see through."):
        assert expected in text, expected
    assert text.index("STRENGTHS") < text.index("OPPORTUNITIES")


def test_a_very_long_swot_still_prints(demo_ctx, tmp_path):
    detail = swot.get_analysis(demo_ctx, swot.list_analyses(demo_ctx)[0].id)
    many = tuple(swot.SwotPoint(f"Point {n}: " + "a rather long sentence about the cluster " * 3)
                 for n in range(40))
    long_one = replace(detail, data=replace(detail.data, points={**detail.data.points, "strengths": many}))
    path = write_swot_pdf(tmp_path / "long.pdf", long_one, demo_ctx.workspace.name)
    text = text_of(path)
    assert "Point 39" in text and "THREATS" in text and len(PdfReader(path).pages) > 1
    slightly = tuple(swot.SwotPoint(f"Point {n}") for n in range(14))
    fits = replace(detail, data=replace(detail.data, points={**detail.data.points, "weaknesses": slightly}))
    assert len(PdfReader(write_swot_pdf(tmp_path / "fits.pdf", fits, "x")).pages) == 1


@pytest.fixture
def demo_file(tmp_path):
    from clusterdesk.demo.showcase import build_demo

    path = tmp_path / "demo.clusterdesk"
    build_demo(path, today=FIXED_NOW.date()).close()
    return path


def test_budgets_and_swots_from_the_command_line(demo_file, tmp_path, capsys):
    code, out, _ = run(capsys, "--db", str(demo_file), "list", "budgets")
    assert code == 0 and len(out.splitlines()) == 2 and "Company mission to Hamburg" in out
    code, out, _ = run(capsys, "--db", str(demo_file), "list", "calls")
    assert code == 0 and len(out.splitlines()) == 5 and "(Interreg Öresund–Kattegat–Skagerrak · Preparing)" in out
    code, out, _ = run(capsys, "--db", str(demo_file), "list", "stakeholders")
    assert code == 0 and len(out.splitlines()) == 14
    code, out, err = run(capsys, "--db", str(demo_file), "export", "budget", "hamburg", "--xlsx", str(tmp_path / "b"))
    assert (code, err) == (0, "") and "(13 lines)" in out
    assert load_workbook(tmp_path / "b.xlsx").sheetnames == ["Summary", "Costs", "Funding"]
    code, out, _ = run(capsys, "--db", str(demo_file), "export", "swot", "strategy", "--pdf", str(tmp_path / "s.pdf"))
    assert code == 0 and "STRENGTHS" in text_of(tmp_path / "s.pdf")
    code, _, err = run(capsys, "--db", str(demo_file), "export", "swot", "strategy", "--xlsx", str(tmp_path / "s"))
    assert code == 1 and "cannot be exported as xlsx" in err
