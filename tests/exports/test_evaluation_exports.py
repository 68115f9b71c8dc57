"""The evaluation report as PDF (with its charts) and Excel, the success story on one page,
and `clusterdesk export evaluation-report`, each read back as the reader's program would."""

from __future__ import annotations

import pytest

from clusterdesk.exports.evaluations import write_report_xlsx
from clusterdesk.exports.pdf.evaluation_report import write_report_pdf
from clusterdesk.exports.pdf.success_story import write_story_pdf
from clusterdesk.services import evaluation_report, evaluations, success_stories
from tests.cli.test_cli import run


def pdf_text(path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def squash(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def trip_report(demo_ctx):
    trip = next(s for s in evaluations.list_evaluations(demo_ctx) if "Netherlands" in s.name)
    return evaluation_report.activity_report(demo_ctx, trip.activity_id)


def test_the_report_pdf_has_the_figures_the_charts_and_the_stories(demo_ctx, trip_report, tmp_path):
    target = tmp_path / "report.pdf"
    write_report_pdf(target, trip_report, demo_ctx.workspace.name, demo_ctx.today())
    text = squash(pdf_text(target))
    assert squash("Evaluation: Study trip to the Netherlands – delta technology") in text
    assert squash("Answered the evaluation") in text and squash("6 (86 %)") in text
    assert squash("Average rating, 1 = poor, 5 = excellent") in text  # the ratings chart's title
    overall = next(r for r in trip_report.ratings if r.key == "overall_rating")
    assert squash(overall.text) in text and squash(f"{overall.average}") in text
    assert squash("850.000,00 kr.") in text and squash("42.500,00 €") in text
    assert squash("Hoogheemraadschap van Delfland") in text
    for story in trip_report.stories:
        assert squash(story.title) in text
    assert squash("What participants wrote") in text
    assert not list(tmp_path.glob(".*partial"))


def test_the_report_workbook_reads_back_with_numbers_as_numbers(demo_ctx, trip_report, tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "report.xlsx"
    assert write_report_xlsx(target, trip_report) == len(trip_report.outcomes) == 8
    book = load_workbook(target)
    assert book.sheetnames == ["Summary", "Activities", "Ratings", "Yes or no", "Outcomes",
                               "Value by currency", "Success stories", "Comments"]
    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(min_row=2, values_only=True)}
    assert summary["Participants asked"] == "7" and summary["Response rate (%)"] == 85.7
    ratings = list(book["Ratings"].iter_rows(min_row=2, values_only=True))
    overall = next(r for r in ratings if r[0].startswith("All things considered"))
    assert overall[1] == 6 and overall[2] == pytest.approx(4.17) and sum(overall[3:]) == 6
    money = dict(book["Value by currency"].iter_rows(min_row=2, values_only=True))
    assert money == {"DKK": 850000, "EUR": 42500}
    outcome_rows = list(book["Outcomes"].iter_rows(min_row=2, values_only=True))
    contract = next(r for r in outcome_rows if r[2] == "Contract or agreement")
    assert contract[6] == 850000 and contract[7] == "DKK" and contract[8].year == 2026


def test_the_success_story_fits_one_page_and_prints_every_name(demo_ctx, tmp_path):
    from pypdf import PdfReader

    published = next(r for r in success_stories.list_stories(demo_ctx) if r.status == "published")
    detail = success_stories.get_story(demo_ctx, published.id)
    target = tmp_path / "story.pdf"
    write_story_pdf(target, detail, demo_ctx.workspace.name)
    reader = PdfReader(target)
    assert len(reader.pages) == 1
    text = squash(reader.pages[0].extract_text())
    for part in (detail.data.title, detail.member_name, "Hoogheemraadschap van Delfland", "850.000,00 kr.",
                 detail.activity_name, detail.data.quote_by, "SUCCESS STORY"):
        assert squash(part) in text, part
    draft = next(r for r in success_stories.list_stories(demo_ctx) if r.status == "draft")
    write_story_pdf(tmp_path / "draft.pdf", success_stories.get_story(demo_ctx, draft.id), "Łódź Klaster Wód")
    draft_text = pdf_text(tmp_path / "draft.pdf")
    assert "not for publication" in draft_text and "Łódź Klaster Wód" in draft_text


def test_cli_exports_the_report_of_an_activity(tmp_path, capsys):
    from openpyxl import load_workbook

    from clusterdesk.demo.showcase import build_demo
    from tests.conftest import FIXED_NOW

    demo = tmp_path / "demo.clusterdesk"
    build_demo(demo, today=FIXED_NOW.date()).close()
    pdf = tmp_path / "delta.pdf"
    code, out, err = run(capsys, "--db", str(demo), "export", "evaluation-report", "netherlands", "--pdf", str(pdf))
    assert (code, err) == (0, "") and "(6 of 7 answered)" in out
    assert "Study trip to the Netherlands" in pdf_text(pdf)
    code, out, _ = run(capsys, "--db", str(demo), "export", "evaluation-report", "malmö", "--xlsx",
                       str(tmp_path / "malmo"))
    assert code == 0 and "2 outcomes" in out
    assert load_workbook(tmp_path / "malmo.xlsx")["Activities"]["G2"].value == 4
    code, out, err = run(capsys, "--db", str(demo), "export", "evaluation-report", "hamburg", "--pdf", str(pdf))
    assert code == 1 and "No evaluation-report matches “hamburg”" in err  # it has not taken place yet
