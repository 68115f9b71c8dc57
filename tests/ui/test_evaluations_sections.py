"""Evaluations ▸ Baselines, Success stories and Report driven like a user: a round's value off
its scale refused at its cell and put right, a new round with the same members, a story
typed and refused and saved and printed on one page, the report as PDF and Excel, Ctrl+K."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from clusterdesk.services import baseline_values, baselines, evaluations, success_stories
from clusterdesk.ui.evaluations.grid import GridModel
from tests.ui.keys import ALT, CTRL, DialogSteps, focused, press, type_text

K = Qt.Key


@pytest.fixture
def tab(qtbot, demo_window):
    return demo_window.show_tab("evaluations")


def pdf_text(path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_a_value_off_the_scale_is_refused_at_its_cell_then_saved(qtbot, tab):
    view = tab.show_section("Baselines")
    ctx = view.controller.ctx
    assert view.detail.data.name == "International gearing" and view.current_round().name == "Mid-term"
    values = view.values
    grid, model = values.grid, values.model
    first_indicator = model.columns[1].key
    before = model.rows()[0][first_indicator]
    grid.setCurrentIndex(model.index(0, 1))
    grid.setFocus()
    type_text(qtbot, "7")  # the first key opens the cell's editor with the key typed
    press(qtbot, K.Key_S, CTRL)  # saving takes what is in the open cell
    assert model.errors() == {(0, first_indicator): "Presence at international events: 7 is outside the scale 1–5"}
    assert model.rows()[0][first_indicator] == "7" and "Row 1" in values.errors.text()
    assert values.dirty
    corrected = "3" if before != "3" else "4"
    grid.setFocus()
    type_text(qtbot, corrected)
    press(qtbot, K.Key_S, CTRL)
    assert not values.dirty and model.errors() == {}
    sheet = baseline_values.get_round_sheet(ctx, view.current_round().id)
    assert sheet.rows[0].values[sheet.indicators[0].id] == Decimal(corrected) != Decimal(before)
    assert view.comparison.indicators.rowCount() == 4  # the comparison followed the save


def test_a_new_round_with_the_members_of_the_one_before(qtbot, tab):
    view = tab.show_section("Baselines")
    ctx = view.controller.ctx

    def fill(dialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData("final"))
        assert dialog.name.text() == "Final 2026"
        dialog.measured_on.setText("today")
        press(qtbot, K.Key_S, CTRL)
    steps = DialogSteps(fill)
    view.rounds_view.setFocus()
    press(qtbot, K.Key_N, CTRL)
    steps.check(qtbot)
    assert view.current_round().name == "Final 2026" and view.values.model.rowCount() == 0
    view.values.same_button.click()
    assert view.values.model.rowCount() == 20 and view.values.dirty
    assert "20 members from the previous round added" in view.window().statusBar().currentMessage()
    view.values.grid.setFocus()
    type_text(qtbot, "4")
    press(qtbot, K.Key_S, CTRL)
    rounds = baselines.get_indicator_set(ctx, view.detail.id).rounds
    assert [r.name for r in rounds] == ["Baseline", "Mid-term", "Final 2026"] and rounds[-1].members == 1


def test_a_success_story_typed_refused_saved_and_printed(qtbot, tab, tmp_path, monkeypatch):
    from clusterdesk.ui.evaluations import stories as stories_view

    view = tab.show_section("Success stories")
    ctx = view.controller.ctx
    view.filter_edit.setFocus()
    press(qtbot, K.Key_N, CTRL)
    editor = view.editor
    assert focused() is editor.title_edit
    type_text(qtbot, "Gudenå Sensor finds a Polish distributor")
    editor.status.setCurrentIndex(editor.status.findData("published"))
    editor.member.setFocus()
    type_text(qtbot, "Gudenå Sensor ApS")
    assert editor.member.member_id is not None
    editor.country.setEditText("Polen")
    editor.value.amount.setText("240.000")
    press(qtbot, K.Key_S, CTRL)
    assert editor.dirty and editor.text.property("invalid")  # a published story needs its text
    assert editor.title_edit.text() == "Gudenå Sensor finds a Polish distributor"
    editor.text.setFocus()
    type_text(qtbot, "After the matchmaking in Gdansk, a distributor for Pomerania.")
    press(qtbot, K.Key_S, CTRL)
    assert not editor.dirty
    detail = success_stories.get_story(ctx, editor.record_id)
    assert detail.data.country == "PL" and str(detail.data.value.amount) == "240000.00"
    assert detail.data.published_on == ctx.today() and detail.member_name == "Gudenå Sensor ApS"
    qtbot.waitUntil(lambda: view.current_id() == detail.id)
    target = tmp_path / "story.pdf"
    monkeypatch.setattr(stories_view, "ask_save_path", lambda *args: target)
    press(qtbot, K.Key_P, CTRL)
    text = pdf_text(target)
    assert "Gudenå Sensor finds a Polish distributor" in text and "Poland" in text


def test_the_report_as_pdf_and_excel_and_for_a_period(qtbot, tab, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    from clusterdesk.ui.evaluations import report as report_view

    view = tab.show_section("Report")
    ctx = view.controller.ctx
    trip = next(s for s in evaluations.list_evaluations(ctx) if "Netherlands" in s.name)
    view.show_activity(trip.activity_id)
    assert view.heading.text() == f"Evaluation: {trip.name}"
    chart = view.ratings_chart.chart()
    assert chart.series()[0].barSets()[0].count() == 5  # one bar per rating question
    assert view.tabs.tabText(2) == "Outcomes (8)"
    paths = iter([tmp_path / "trip.pdf", tmp_path / "trip.xlsx"])
    monkeypatch.setattr(report_view, "ask_save_path", lambda *args: next(paths))
    view.activity.setFocus()
    press(qtbot, K.Key_P, CTRL)
    assert "Study trip to the Netherlands" in pdf_text(tmp_path / "trip.pdf")
    view.excel_button.click()
    assert load_workbook(tmp_path / "trip.xlsx")["Outcomes"].max_row == 9
    view.scope.setCurrentIndex(1)
    assert view.heading.text() == "Evaluation report" and len(view.report.activities) == 2
    view.start.setText("31-02-2026")
    view.show_report()
    assert view.start.property("invalid") and view.report.title == "Evaluation report"


def test_ctrl_k_opens_a_success_story(qtbot, demo_window):
    from clusterdesk.services.search import search_everything

    hit = next(h for h in search_everything(demo_window.controller.ctx, "polders")
               if h.kind == "success_story")
    demo_window.open_hit(hit)
    tab = demo_window.current_page()
    assert tab is demo_window.page("evaluations") and tab.stories.current_id() == hit.id
    assert tab.stories.editor.title_edit.text() == hit.title


def test_the_grid_model_passes_the_model_tester(qtmodeltester):
    from clusterdesk.ui.common.editable_rows import EditColumn

    model = GridModel((EditColumn("member", "Member"), EditColumn("value", "Value")),
                      read_only_keys=("member",), right_keys=("value",))
    model.set_rows([{"member": "Aqua Rørteknik A/S", "value": "3"}, {"member": "Klint Filter A/S"}])
    model.set_errors({(1, "value"): "not a number"})
    qtmodeltester.check(model)
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert model.data(model.index(1, 1), Qt.ItemDataRole.ToolTipRole) == "not a number"
    model.remove_row(0)
    assert model.errors() == {(0, "value"): "not a number"}  # the mark moved up with its row


def test_alt_keys_reach_every_section(qtbot, tab):
    tab.sections.setFocus()
    for number, title in enumerate(("Per activity", "Outcomes", "Baselines", "Success stories", "Report"),
                                   start=1):
        press(qtbot, getattr(K, f"Key_{number}"), ALT)
        assert tab.sections.tabText(tab.sections.currentIndex()) == title


def test_the_comparison_tables_pass_the_model_tester(qtbot, tab, qtmodeltester):
    view = tab.show_section("Baselines")
    view.tabs.setCurrentWidget(view.comparison)
    qtmodeltester.check(view.comparison.indicators)
    qtmodeltester.check(view.comparison.members)
    assert view.comparison.indicators.rowCount() == 4 and view.comparison.members.rowCount() == 21
