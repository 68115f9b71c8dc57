"""Members ▸ Markets driven like a user: the interest matrix and its chart, marking a target
market with Ctrl+T, a market analysis saved by keyboard (and refused at the field), the
Excel exports checked cell by cell, and the table models under Qt's model checks."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from clusterdesk.services import markets
from tests.ui.keys import ALT, CTRL, DialogSteps, focused, press, type_text

K = Qt.Key


@pytest.fixture
def view(qtbot, demo_window):
    return demo_window.show_tab("members").show_section("Markets")


def test_matrix_counts_chart_and_filters(qtbot, view, qtmodeltester):
    panel = view.matrix
    overview = panel.overview
    countries = [panel.country_model.row_at(i) for i in range(panel.country_model.rowCount())]
    assert [c.code for c in countries] == [c.code for c in overview.matrix.countries]
    assert {c.code for c in countries if c.is_target} == {"DE", "NO"}
    chart = panel.chart.chart()
    assert [s.label() for s in chart.series()[0].barSets()] == ["Member profile", "Survey answer",
                                                                "Campaign answer"]
    assert panel.matrix_model.rowCount() == overview.matrix.member_count > 0
    assert panel.matrix_model.columnCount() == 2 + len(overview.matrix.countries)
    qtmodeltester.check(panel.matrix_model)
    qtmodeltester.check(panel.country_model)
    first = panel.matrix_model.row_at(0)
    code = next(iter(first.cells))
    column = next(i for i, c in enumerate(panel.matrix_model.columns) if c.key == code)
    cell = panel.matrix_model.index(0, column)
    assert panel.matrix_model.data(cell) and panel.matrix_model.data(cell, Qt.ItemDataRole.BackgroundRole)
    panel.sources["profile"].setChecked(False)
    assert all("profile" not in c.by_source for c in panel.overview.matrix.countries)
    panel.text.setText("Limfjord Membran")
    panel.refresh()
    assert [r.name for r in panel.overview.matrix.rows] == ["Limfjord Membran ApS"]


def test_mark_a_target_market_with_ctrl_t(qtbot, view):
    ctx = view.controller.ctx
    panel = view.matrix
    row = next(i for i in range(panel.country_proxy.rowCount())
               if panel.country_proxy.data(panel.country_proxy.index(i, 0)) == "Sweden")
    panel.countries.setFocus()
    panel.countries.selectRow(row)

    def decide(dialog):
        assert dialog.country.code() == "SE" and focused() is dialog.note
        type_text(qtbot, "Many members ask for it; test beds in Gothenburg")
        press(qtbot, K.Key_B, ALT)
        type_text(qtbot, "Strategy day")
        press(qtbot, K.Key_S, CTRL)
    steps = DialogSteps(decide)
    press(qtbot, K.Key_T, CTRL)
    steps.check(qtbot)
    sweden = next(t for t in markets.list_target_markets(ctx) if t.country == "SE")
    assert (sweden.note, sweden.decided_by, sweden.decided_on) == (
        "Many members ask for it; test beds in Gothenburg", "Strategy day", date(2026, 11, 27))
    assert "★ Sweden" in [panel.country_proxy.data(panel.country_proxy.index(i, 0))
                          for i in range(panel.country_proxy.rowCount())]
    assert "SE" in {r.country for r in view.targets.model.rows()}


def test_analysis_by_keyboard_and_a_refused_link(qtbot, view):
    ctx = view.controller.ctx
    view.tabs.setCurrentWidget(view.analyses)
    panel = view.analyses
    panel.view.setFocus()
    press(qtbot, K.Key_N, CTRL)
    assert focused() is panel.title
    type_text(qtbot, "Polish wastewater upgrades")
    press(qtbot, K.Key_C, ALT)
    type_text(qtbot, "Polen")
    press(qtbot, K.Key_Tab)  # on, closing the completer's list of names
    press(qtbot, K.Key_R, ALT)  # Source
    type_text(qtbot, "C")  # Consultant
    press(qtbot, K.Key_A, ALT)
    type_text(qtbot, "5")
    press(qtbot, K.Key_U, ALT)
    type_text(qtbot, "see the shared drive")
    press(qtbot, K.Key_S, CTRL)
    assert panel.dirty and panel.document_link.property("invalid")
    assert panel.document_link.text() == "see the shared drive"
    assert "Document link" in panel.errors.text()
    assert [r.title for r in markets.list_analyses(ctx)].count("Polish wastewater upgrades") == 0
    panel.document_link.selectAll()
    type_text(qtbot, "https://www.example.org/pl.pdf")
    press(qtbot, K.Key_S, CTRL)
    assert not panel.dirty
    saved = next(r for r in markets.list_analyses(ctx) if r.title == "Polish wastewater upgrades")
    assert (saved.country, saved.source, saved.attractiveness) == ("PL", "consultant", 5)
    assert panel.view.currentIndex().isValid()


def test_matrix_and_analyses_to_excel(qtbot, view, tmp_path, demo_window):
    from openpyxl import load_workbook

    from clusterdesk.ui.common.export import export_list_to

    panel = view.matrix
    target = tmp_path / "matrix.xlsx"
    panel.export_to(target)
    book = load_workbook(target)
    countries = list(book["Countries"].iter_rows(values_only=True))
    overview = panel.overview
    assert len(countries) - 1 == len(overview.matrix.countries)
    germany = next(r for r in countries if r[1] == "DE")
    column = next(c for c in overview.matrix.countries if c.code == "DE")
    assert germany[2] == column.members and germany[7] == "Yes" and germany[10] == 1
    matrix = list(book["Members x countries"].iter_rows(values_only=True))
    assert matrix[0][:3] == ("Member", "International orientation", "Markets")
    assert len(matrix) - 1 == overview.matrix.member_count
    view.tabs.setCurrentWidget(view.analyses)
    export = demo_window.current_page().list_export()  # File ▸ Export list (Ctrl+E)
    assert export.title == "Market analyses"
    path = tmp_path / "analyses.xlsx"
    export_list_to(demo_window.controller, export, path)
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("Analysis", "Market", "Source", "Date")
    assert {r[1] for r in rows[1:]} == {"Germany", "Norway", "Smart water metering (Netherlands)"}
    assert all(r[3] is not None for r in rows[1:])
