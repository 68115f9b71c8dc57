"""Strategy ▸ Versions and KPIs driven like a user: a draft typed and refused at the field,
approval that archives the version in force after saying so, the copy that starts the next
version, the strategy document from Ctrl+P, a KPI measured, reviewed and tied to the data."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt

from clusterdesk.services import kpis, strategy
from clusterdesk.services.kpis import KpiFilter
from clusterdesk.ui.common.table_model import ROW_ROLE
from tests.conftest import FIXED_NOW
from tests.ui.keys import ALT, CTRL, DialogSteps, focused, press, type_text

K = Qt.Key
TODAY = FIXED_NOW.date()
YEAR = TODAY.year


@pytest.fixture
def tab(qtbot, demo_window):
    press(qtbot, K.Key_4, CTRL)  # the Strategy tab
    return demo_window.current_page()


def test_the_tab_opens_on_the_versions_with_the_filter_focused(tab):
    assert type(tab).__name__ == "StrategyTab"
    versions = tab.current_view()
    assert versions is tab.versions and focused() is versions.filter_edit
    titles = [versions.proxy.index(r, 0).data() for r in range(versions.proxy.rowCount())]
    assert titles == [f"International strategy {YEAR + 1}–{YEAR + 3}", f"International strategy {YEAR - 1}–{YEAR + 1}",
                      f"International strategy {YEAR - 4}–{YEAR - 2}"]  # the newest period first


def test_a_draft_typed_by_keyboard_is_refused_at_the_field_and_kept(qtbot, tab):
    view = tab.versions
    ctx = view.controller.ctx
    press(qtbot, K.Key_N, CTRL)
    editor = view.editor
    assert focused() is editor.title_edit
    type_text(qtbot, "International strategy 2028")
    press(qtbot, K.Key_P, ALT)
    type_text(qtbot, "01-01-2028")
    editor.period_to.setText("31-12-2027")  # before the start
    editor.countries.setText("Tyskland, Atlantis")
    press(qtbot, K.Key_M, ALT)  # Mission and vision
    assert focused() is editor.texts["mission_vision"]
    type_text(qtbot, "Water technology for the Baltic Sea region")
    press(qtbot, K.Key_S, CTRL)
    assert editor.dirty and editor.record_id is None
    assert editor.period_to.property("invalid") and editor.countries.property("invalid")
    assert "Atlantis" in editor.errors.text() and "Period to" in editor.errors.text()
    assert editor.texts["mission_vision"].toPlainText() == "Water technology for the Baltic Sea region"
    editor.period_to.setText("31-12-2030")
    editor.countries.setText("Tyskland, Polen")
    press(qtbot, K.Key_S, CTRL)
    assert not editor.dirty and editor.record_id is not None
    detail = strategy.get_strategy(ctx, editor.record_id)
    assert detail.status == "draft" and detail.data.countries == ("DE", "PL")
    assert detail.data.period_to == date(2030, 12, 31) and detail.updated_by == "Tina Tester (TT)"
    qtbot.waitUntil(lambda: view.current_id() == detail.id)
    # The target markets from Members ▸ Markets are shown and added with one button.
    assert "Germany ✓, Norway" in editor.targets_hint.text()
    editor.add_targets.click()
    assert editor.countries.text() == "Germany, Poland, Norway" and editor.dirty


def test_approving_archives_the_version_in_force_after_saying_so(qtbot, tab):
    view = tab.versions
    ctx = view.controller.ctx
    old = strategy.approved_strategy(ctx)
    draft = next(r for r in strategy.list_strategies(ctx) if r.status == "draft")
    assert view.select_record(draft.id)
    seen = {}

    def approve(dialog):
        seen["warning"] = " ".join(label.text() for label in dialog.findChildren(type(view.count_label)))
        seen["button"] = dialog.buttons.buttons()[0].text()
        dialog.approved_on.setText("+1")  # tomorrow: refused, the dialog stays open
        press(qtbot, K.Key_S, CTRL)
        seen["refused"] = dialog.isVisible() and "future" in dialog.approved_on.toolTip()
        dialog.approved_on.setText("today")
        press(qtbot, K.Key_S, CTRL)
    steps = DialogSteps(approve)
    press(qtbot, K.Key_A, ALT)  # Approve…
    steps.check(qtbot)
    assert f"“{old.title}”" in seen["warning"] and "archives it" in seen["warning"]
    assert seen["button"] == "Approve and archive the other" and seen["refused"]
    assert strategy.get_strategy(ctx, draft.id).status == "approved"
    assert strategy.get_strategy(ctx, draft.id).approved_on == TODAY
    assert strategy.get_strategy(ctx, old.id).status == "archived"
    assert view.editor.status.text().startswith("Approved on 27 Nov 2026")
    assert not view.editor.approve_button.isEnabled() and view.editor.archive_button.isEnabled()


def test_copy_as_next_version_starts_a_draft_with_the_kpis(qtbot, tab):
    view = tab.versions
    ctx = view.controller.ctx
    current = strategy.approved_strategy(ctx)
    view.select_record(current.id)
    suggested = {}

    def copy(dialog):
        suggested["title"] = dialog.title_edit.text()
        suggested["from"] = dialog.period_from.text()
        dialog.title_edit.setText("International strategy 2028–2030 (revised)")
        press(qtbot, K.Key_Return)
    steps = DialogSteps(copy)
    press(qtbot, K.Key_Y, ALT)  # Copy as next version…
    steps.check(qtbot)
    assert suggested == {"title": f"International strategy {YEAR + 2}–{YEAR + 4}", "from": f"01-01-{YEAR + 2}"}
    copy_row = next(r for r in strategy.list_strategies(ctx) if r.title.endswith("(revised)"))
    assert copy_row.status == "draft" and copy_row.kpis == 6
    qtbot.waitUntil(lambda: view.current_id() == copy_row.id)
    assert "copied from" in view.editor.status.text()


def test_ctrl_p_prints_the_strategy_document(qtbot, tab, tmp_path, monkeypatch):
    from pypdf import PdfReader

    from clusterdesk.ui.strategy import common

    target = tmp_path / "strategy.pdf"
    monkeypatch.setattr(common, "ask_save_path", lambda *args: target)
    view = tab.versions
    view.select_record(strategy.approved_strategy(view.controller.ctx).id)
    view.view.setFocus()
    press(qtbot, K.Key_P, CTRL)
    text = "\n".join(p.extract_text() for p in PdfReader(target).pages)
    assert f"International strategy {YEAR - 1}–{YEAR + 1}" in text and "Key performance indicators" in text


# --- KPIs ----------------------------------------------------------------------------------------


def _select_kpi(tab, name):
    view = tab.show_section("KPIs")
    ctx = view.controller.ctx
    approved = strategy.approved_strategy(ctx).id
    row = next(r for r in kpis.list_kpis(ctx, KpiFilter(strategy_id=approved)) if r.name.startswith(name))
    assert view.select_record(row.id)
    return view, row


def test_the_kpi_list_shows_where_each_stands(tab):
    view = tab.show_section("KPIs")
    assert view.strategy_filter.currentText().endswith("✓ approved")
    texts = {view.proxy.index(r, 1).data(): view.proxy.index(r, 3).data() for r in range(view.proxy.rowCount())}
    assert len(texts) == 6
    assert texts["Export orders reported by members after cluster activities"] == "▲ At risk"
    assert texts["SMEs in EU-funded international projects with the cluster's help"] == "■ Off track"
    first = view.proxy.index(0, 0).data(ROW_ROLE)
    from clusterdesk.services import kpi_measures

    actual = kpi_measures.compute(tab.controller.ctx, "members_in_international_activities",
                                  first.period_from, tab.controller.ctx.today()).value
    assert first.position == 0 and view.proxy.index(0, 2).data() == f"{actual} / 13 members"


def test_a_measurement_typed_in_counts_as_the_review_and_moves_the_status(qtbot, tab):
    view, row = _select_kpi(tab, "Export orders")
    ctx = view.controller.ctx
    progress = view.editor.progress
    assert "At risk" in progress.headline.text() and "overdue" in progress.review.text()
    progress.value.setFocus()
    type_text(qtbot, "lots")
    press(qtbot, K.Key_Return)
    assert progress.value.property("invalid") and progress.value.text() == "lots"  # kept
    assert len(kpis.get_kpi(ctx, row.id).measurements) == 7
    progress.value.setText("")
    type_text(qtbot, "7,5")
    press(qtbot, K.Key_Tab)
    type_text(qtbot, "Q4 follow-up calls")
    press(qtbot, K.Key_Return)
    detail = kpis.get_kpi(ctx, row.id)
    latest = detail.measurements[-1]
    assert (latest.measured_on, latest.value, latest.note, latest.recorded_by) == \
        (TODAY, D("7.5"), "Q4 follow-up calls", "Tina Tester (TT)")
    assert detail.data.next_review_on == date(YEAR + 1, 1, 1)  # this was the review
    assert detail.row.status.value == "on_track"
    assert "On track" in view.editor.progress.headline.text()
    assert view.proxy.rowCount() == 6 and "On track" in view.proxy.index(view.view.currentIndex().row(), 3).data()


def test_ctrl_d_marks_a_kpi_reviewed(qtbot, tab):
    view, row = _select_kpi(tab, "SMEs in EU-funded")
    view.view.setFocus()
    press(qtbot, K.Key_D, CTRL)
    detail = kpis.get_kpi(view.controller.ctx, row.id)
    assert detail.data.next_review_on == date(YEAR + 1, 1, 1)  # a quarter after the one due on 6 Dec
    assert detail.last_reviewed_by == "Tina Tester (TT)"
    assert "last reviewed" in view.editor.progress.review.text()


def test_a_new_kpi_tied_to_the_data_reads_its_value(qtbot, tab):
    view = tab.show_section("KPIs")
    ctx = view.controller.ctx
    press(qtbot, K.Key_N, CTRL)
    editor = view.editor
    assert focused() is editor.name and editor.tabs.currentIndex() == 1
    type_text(qtbot, "International activities held this year")
    editor.measure.setCurrentIndex(editor.measure.findData("international_activities_held"))
    editor.baseline.setText("0")
    editor.target.setText("6")
    editor.period_from.setText(f"01-01-{YEAR}")
    editor.period_to.setText(f"31-12-{YEAR}")
    assert editor.period_from.text() and editor.strategy.currentText().endswith("✓ approved")
    press(qtbot, K.Key_S, CTRL)
    assert not editor.dirty, editor.errors.text()
    detail = kpis.get_kpi(ctx, editor.record_id)
    from clusterdesk.services import kpi_measures

    held = kpi_measures.compute(ctx, "international_activities_held", detail.row.period_from,
                                ctx.today()).value
    assert held > 0
    assert detail.data.unit == "activities" and detail.row.live and detail.row.actual == held
    assert (f"Tied to “International activities held this year”: {held} activities today"
            in editor.progress.live.text())
    editor.progress.keep_button.click()
    assert [m.value for m in kpis.get_kpi(ctx, detail.id).measurements] == [D(held)]
    assert len(kpis.list_kpis(ctx, KpiFilter(strategy_id=detail.data.strategy_id))) == 7


def test_a_kpi_without_numbers_is_refused_at_its_fields(qtbot, tab):
    view = tab.show_section("KPIs")
    press(qtbot, K.Key_N, CTRL)
    editor = view.editor
    type_text(qtbot, "Happy members")
    editor.baseline.setText("some")
    press(qtbot, K.Key_S, CTRL)
    assert editor.dirty and editor.name.text() == "Happy members"
    assert editor.baseline.property("invalid") and editor.target.property("invalid")
    assert "Baseline" in editor.errors.text() and "Target" in editor.errors.text()


def test_the_kpi_list_exports_with_numbers_and_dates(tab, tmp_path):
    from openpyxl import load_workbook

    from clusterdesk.ui.common.export import export_list_to

    view = tab.show_section("KPIs")
    target = tmp_path / "kpis.xlsx"
    export_list_to(view.controller, view.list_export(), target)
    sheet = load_workbook(target).active
    header = [c.value for c in sheet[1]]
    assert header[:5] == ["Strategy version", "KPI", "Unit", "Baseline", "Target"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    at_risk = next(r for r in rows if r[1].startswith("Export orders"))
    assert at_risk[7] == 4.6 and at_risk[header.index("Status")] == "At risk"
    assert at_risk[header.index("Next review")].date() == TODAY - timedelta(days=3)
