"""The strategy document, the action plan PDF and its workbook, read back: what the board
reads is what the workspace holds, and the charts are drawn, not pasted in as pictures."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal as D

from clusterdesk.domain.strategy import kpi_chart_data
from clusterdesk.exports.action_plans import write_action_plan_xlsx
from clusterdesk.exports.pdf.action_plan import write_action_plan_pdf
from clusterdesk.exports.pdf.kpi_chart import _ticks, kpi_chart
from clusterdesk.exports.pdf.strategy_document import write_strategy_pdf
from clusterdesk.services import action_plans, strategy
from clusterdesk.services.strategy_document import strategy_document
from tests.conftest import FIXED_NOW

TODAY = FIXED_NOW.date()


def test_chart_data_spans_the_period_and_every_value():
    data = kpi_chart_data(D(10), D(30), date(2025, 1, 1), date(2027, 12, 31),
                          [(date(2026, 6, 1), D(35)), (date(2025, 4, 1), D(12))])
    assert [p[0] for p in data.actual] == [date(2025, 4, 1), date(2026, 6, 1)]  # in order
    assert data.path == ((date(2025, 1, 1), D(10)), (date(2027, 12, 31), D(30)))
    assert data.low == 0 and data.high > 35
    late = kpi_chart_data(D(100), D(110), date(2025, 1, 1), date(2025, 12, 31), [(date(2026, 2, 1), D(95))])
    assert late.last_day == date(2026, 2, 1) and 90 < late.low < 95  # not squeezed down to 0
    assert _ticks(D(0), D(88)) == [D(0), D(25), D(50), D(75)]


def test_a_chart_draws_its_three_lines():
    from reportlab.graphics.shapes import Circle, Line, PolyLine

    data = kpi_chart_data(D(0), D(8), date(2026, 1, 1), date(2026, 12, 31),
                          [(date(2026, 4, 1), D(0)), (date(2026, 10, 1), D(7)), (TODAY, D(7))])
    drawing = kpi_chart(data, "members", 250, 140, "on_track")
    shapes = drawing.contents
    assert sum(isinstance(s, PolyLine) for s in shapes) == 1  # the measured line
    dashed = [s for s in shapes if isinstance(s, Line) and s.strokeDashArray]
    assert len(dashed) >= 2  # path and target (and the legend's samples)
    assert sum(isinstance(s, Circle) for s in shapes) == 4  # three points and the latest marked


def test_the_strategy_document_holds_the_version_kpis_plans_and_wheel(demo_ctx, tmp_path):
    from pypdf import PdfReader

    approved = strategy.approved_strategy(demo_ctx)
    document = strategy_document(demo_ctx, approved.id)
    assert len(document.kpis) == 6 and len(document.plans) == 2
    assert document.target_markets == ("Germany", "Norway") and document.wheel_year == TODAY.year
    path = write_strategy_pdf(tmp_path / "strategy.pdf", document)
    reader = PdfReader(path)
    pages = [p.extract_text() for p in reader.pages]
    assert 5 <= len(pages) <= 10  # "eight to ten pages is usually sufficient"
    assert "Contents" in pages[0] and "Approved on 12 Mar 2025" in pages[0]
    text = "\n".join(pages)
    for expected in ("1. Mission and vision for the international work", "3. Boundaries",
                     "Countries: Germany, Netherlands, Norway, Sweden",
                     "6. Key performance indicators", "Export orders reported by members",
                     "On track: 67 % of the way at 64 % of the period", "Off track",
                     f"Action plan {TODAY.year}: Germany and the Netherlands",
                     "Company mission to Hamburg", f"The strategy wheel {TODAY.year}", "Strategy proposal"):
        assert expected in text, expected
    assert all(not page.images for page in reader.pages)  # charts are vector drawings


def test_an_empty_draft_still_prints(ctx, tmp_path):
    from pypdf import PdfReader

    draft = strategy.create_strategy(ctx, strategy.StrategyInput("New strategy"))[0]
    path = write_strategy_pdf(tmp_path / "draft.pdf", strategy_document(ctx, draft.id))
    text = "\n".join(p.extract_text() for p in PdfReader(path).pages)
    assert "Draft — not yet approved" in text and "Not written yet." in text and "No KPIs yet." in text


def _long_plan(rows: int):
    from clusterdesk.services.action_plans import ActionPlanDetail, ActionPlanInput, SubActivityRow

    subs = tuple(SubActivityRow(uuid.uuid4(), n, f"Step {n}: book {n + 1} meetings in Łódź and Kraków",
                                "JB", TODAY + timedelta(days=n - 500),
                                datetime(2026, 5, 1, tzinfo=UTC) if n % 2 else None, "Jonas" if n % 2 else "", "")
                 for n in range(rows))
    return ActionPlanDetail(uuid.uuid4(), ActionPlanInput("Long plan"), "", subs, (), (), "t", False)


def test_the_action_plan_pdf_keeps_every_row_of_a_long_plan(tmp_path):
    from pypdf import PdfReader

    path = write_action_plan_pdf(tmp_path / "long.pdf", _long_plan(1000), "AquaNord", TODAY)
    pages = PdfReader(path).pages
    text = "\n".join(p.extract_text() for p in pages)
    assert len(pages) > 20 and "Step 0: book 1 meetings in Łódź" in text and "Step 999:" in text
    assert text.count("Sub-activity") >= len(pages) - 1  # the header on every page
    assert "Sub-activities: 500 of 1000 done (50 %)" in text


def test_the_action_plan_workbook_reads_back(demo_ctx, tmp_path):
    from openpyxl import load_workbook

    row = next(r for r in action_plans.list_action_plans(demo_ctx) if "Germany" in r.name)
    detail = action_plans.get_action_plan(demo_ctx, row.id)
    assert write_action_plan_xlsx(tmp_path / "plan.xlsx", detail, TODAY) == 10
    book = load_workbook(tmp_path / "plan.xlsx")
    facts = dict(book["Plan"].iter_rows(min_row=2, values_only=True))
    assert facts["Budget (estimate)"] == 335000 and facts["Budget currency"] == "DKK"
    assert facts["Sub-activities done"] == 4 and facts["Sub-activities"] == 10
    targets = list(book["Targets"].iter_rows(min_row=2, values_only=True))
    assert targets[0] == ("Short term (output)", "Member companies taking part in the missions", 15, 7,
                          "companies", 47)
    subs = list(book["Sub-activities"].iter_rows(min_row=2, values_only=True))
    overdue = [r for r in subs if r[4] == "Overdue"]
    assert [r[1] for r in overdue] == ["Sign up 12 companies for the Hamburg mission"]
    assert isinstance(subs[0][3], datetime) and subs[0][5] == "Mette Kjær (MK)"
