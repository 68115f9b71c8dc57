"""Finance ▸ Funding driven like a user: a call typed in from the keyboard with its deadline and
a document ticked, a refused save that keeps every keystroke, the list filtered, sorted and
exported, funding sources added and binned, and a deadline on Today or a Ctrl+K hit that
opens the call."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from clusterdesk.domain.money import Money
from clusterdesk.services import funding, funding_sources, today
from clusterdesk.ui.common.editable_rows import EditableRowsModel, EditColumn
from clusterdesk.ui.common.table_model import ROW_ROLE
from clusterdesk.ui.common.tables import select_row_with_id
from clusterdesk.ui.today.page import ITEM_ROLE
from tests.conftest import FIXED_NOW

CTRL = Qt.KeyboardModifier.ControlModifier
TODAY = FIXED_NOW.date()


@pytest.fixture
def finance(qtbot, demo_window):
    return demo_window.show_tab("finance")


@pytest.fixture
def calls(finance):
    return finance.show_section("Funding")


def titles(view) -> list[str]:
    return [view.proxy.index(r, 0).data(ROW_ROLE).title for r in range(view.proxy.rowCount())]


def test_a_new_call_typed_in_with_a_deadline_and_a_document_ready(qtbot, calls):
    ctx = calls.controller.ctx
    qtbot.keyClick(calls, Qt.Key.Key_N, CTRL)
    editor = calls.editor
    assert editor.record_id is None and editor.call_title.hasFocus()
    qtbot.keyClicks(editor.call_title, "Smart water in the Baltic Sea region")
    editor.source.setCurrentIndex(editor.source.findText("Interreg", Qt.MatchFlag.MatchStartsWith))
    assert len(editor.documents.rows()) == 4  # an EU programme: the PIC number too
    editor.status.setCurrentIndex(editor.status.findData("preparing"))
    qtbot.keyClicks(editor.financing, "60")
    qtbot.keyClicks(editor.success, "12,5")
    qtbot.keyClicks(editor.grant.amount, "400.000")
    assert editor.worth.text().startswith("Expected value 50.000 € (400.000 € × 12,5 %)")
    assert "own money to find 266.667 €" in editor.worth.text()
    editor.fit.setCurrentIndex(editor.fit.findData(4))
    editor.tabs.setCurrentIndex(1)
    row = editor.deadlines.add_row()
    model = editor.deadlines.model
    model.setData(model.index(row, 0), "Concept note")
    model.setData(model.index(row, 1), "+20")
    docs = editor.documents.model
    docs.setData(docs.index(1, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert "1 of 4 ready" in editor.documents_heading.text()
    qtbot.keyClick(editor.call_title, Qt.Key.Key_S, CTRL)
    assert not editor.dirty and editor.record_id is not None
    saved = funding.get_call(ctx, editor.record_id)
    assert saved.data.financing_rate == 60 and str(saved.data.success_rate) == "12.5"
    assert saved.data.grant == Money.of("400000", "EUR") and saved.data.preparing_on == TODAY
    assert [(d.stage, d.due_on) for d in saved.deadlines] == [("Concept note", TODAY + timedelta(days=20))]
    ready = [d for d in saved.documents if d.done]
    assert [(d.text, d.done_by) for d in ready] == [("Europass CVs of the key staff", "Tina Tester (TT)")]
    qtbot.waitUntil(lambda: calls.current_id() == saved.id)
    # Its deadline is on Today at once (inside the six-week warning window).
    assert any(i.title == "Deadline: Smart water in the Baltic Sea region — Concept note"
               for i in today.agenda(ctx))


def test_a_refused_call_keeps_the_typing_and_names_the_row(qtbot, calls):
    calls.new_record()
    editor = calls.editor
    editor.call_title.setText("Fair in Hannover")
    editor.financing.setText("lots")
    row = editor.deadlines.add_row()
    editor.deadlines.model.setData(editor.deadlines.model.index(row, 1), "soonish")
    assert not editor.save()
    assert editor.dirty and editor.call_title.text() == "Fair in Hannover" and editor.financing.text() == "lots"
    assert editor.financing.property("invalid")
    assert "row 1, date: “soonish” is not a date" in editor.errors.text()
    editor.financing.setText("100")
    editor.deadlines.model.setData(editor.deadlines.model.index(row, 1), "15-03-2027")
    editor.submitted_on.setText("+3")  # a submission in the future, while only watching
    editor.status.setCurrentIndex(editor.status.findData("submitted"))
    assert not editor.save()
    assert "cannot be dated in the future" in editor.errors.text() and editor.submitted_on.property("invalid")
    editor.submitted_on.setText("")
    assert editor.save()
    assert funding.get_call(calls.controller.ctx, editor.record_id).data.submitted_on == TODAY


def test_the_list_filters_sorts_by_deadline_or_worth_and_exports(qtbot, calls, tmp_path):
    from openpyxl import load_workbook

    from clusterdesk.ui.common.export import export_list_to

    assert titles(calls) == ["Green water solutions for the Kattegat region",  # the soonest deadline first
                             "Grand Solutions: water reuse in food production",
                             "Digital twins for resilient urban water systems"]
    calls.status_filter.setCurrentIndex(calls.status_filter.findData(None))
    assert len(titles(calls)) == 5
    calls.status_filter.setCurrentIndex(calls.status_filter.findData("rejected"))
    assert titles(calls) == ["Euroclusters for a water-resilient Europe"]
    calls.status_filter.setCurrentIndex(calls.status_filter.findData(None))
    calls.source_filter.setCurrentIndex(calls.source_filter.findText("Horizon", Qt.MatchFlag.MatchStartsWith))
    assert titles(calls) == ["Digital twins for resilient urban water systems"]
    calls.source_filter.setCurrentIndex(0)
    calls.view.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # expected value, largest first
    shown = [calls.proxy.index(r, 0).data(ROW_ROLE) for r in range(calls.proxy.rowCount())]
    assert [r.title for r in shown][:2] == ["Export push for water SMEs 2026–2027",  # 850.000 kr. granted
                                            "Grand Solutions: water reuse in food production"]
    assert shown[-1].status == "rejected"  # nothing to expect
    values = [r.figures.expected_value.amount for r in shown]
    target = tmp_path / "calls.xlsx"
    export_list_to(calls.controller, calls.list_export(), target)
    sheet = load_workbook(target).active
    headers = [c.value for c in sheet[1]]
    assert headers[:5] == ["Call", "Call id", "Programme", "Kind of source", "Status"] and sheet.max_row == 6
    expected = headers.index("Expected value")
    assert [r[expected] for r in sheet.iter_rows(min_row=2, values_only=True)] == [float(v) for v in values]
    assert calls.proxy.index(0, 3).data() == "decided 31 May 2026"  # 180 days ago


def test_sources_added_refused_binned_and_restored(qtbot, calls):
    from clusterdesk.ui.finance.sources import SourceDialog, SourcesDialog

    ctx = calls.controller.ctx
    dialog = SourceDialog(calls.controller, None, calls)
    qtbot.addWidget(dialog)
    dialog.website.setText("not a website")
    dialog.available.amount.setText("plenty")
    assert not dialog.save()
    assert dialog.name.property("invalid") and dialog.website.property("invalid")
    assert dialog.available.amount.property("invalid") and "not an amount" in dialog.errors.text()
    qtbot.keyClicks(dialog.name, "Nordic Innovation")
    dialog.kind.setCurrentIndex(dialog.kind.findData("national"))
    dialog.website.setText("www.nordicinnovation.org")
    dialog.available.amount.setText("150.000")
    assert dialog.save()
    created = next(s for s in funding_sources.list_sources(ctx) if s.name == "Nordic Innovation")
    assert created.data.available == Money.of("150000", "DKK") and created.data.website.startswith("https://")
    assert calls.source_filter.findText("Nordic Innovation") > 0  # the list's filter knows it at once

    sources = SourcesDialog(calls.controller, calls)
    qtbot.addWidget(sources)
    sources.show()
    qtbot.waitExposed(sources)
    sources.activateWindow()
    assert select_row_with_id(sources.view, created.id)
    sources.view.setFocus()
    qtbot.waitUntil(sources.view.hasFocus)
    qtbot.keyClick(sources.view, Qt.Key.Key_Delete)
    assert all(s.id != created.id for s in funding_sources.list_sources(ctx))
    sources.bin_toggle.setChecked(True)
    assert select_row_with_id(sources.view, created.id)
    sources.delete_or_restore()
    assert any(s.id == created.id for s in funding_sources.list_sources(ctx))


def test_a_deadline_on_today_opens_its_call(qtbot, demo_window):
    page = demo_window.show_tab("today")
    tree = page.tree
    row = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
               if tree.topLevelItem(i).data(0, ITEM_ROLE) is not None
               and tree.topLevelItem(i).data(0, ITEM_ROLE).kind == "funding-deadline")
    assert row.text(2) == "Deadline: Green water solutions for the Kattegat region — Concept note"
    tree.setCurrentItem(row)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    finance = demo_window.current_page()
    assert finance.current_view() is finance.view("Funding")
    assert finance.view("Funding").editor.call_title.text() == "Green water solutions for the Kattegat region"
    editor = finance.view("Funding").editor
    assert editor.tabs.currentIndex() == 1 and editor.tabs.tabText(1) == "Deadlines and documents (2/4)"


def test_a_decided_call_found_by_ctrl_k_is_shown_though_the_list_shows_open_calls(qtbot, demo_window, monkeypatch):
    from clusterdesk.ui import search_dialog

    def run_dialog(dialog):
        dialog.search_now("Euroclusters")
        qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
        return 1

    monkeypatch.setattr(search_dialog.SearchDialog, "exec", run_dialog)
    qtbot.keyClick(demo_window, Qt.Key.Key_K, CTRL)
    finance = demo_window.current_page()
    view = finance.view("Funding")
    assert finance.current_view() is view and view.status_filter.currentData() is None
    assert view.editor.call_title.text() == "Euroclusters for a water-resilient Europe"
    assert view.editor.status.currentData() == "rejected"


def test_rows_models_with_ticks_and_choices_pass_the_model_tester(qtmodeltester):
    model = EditableRowsModel((EditColumn("done", "✓", checkable=True),
                               EditColumn("kind", "Kind", choices=(("a", "Apple"), ("b", "Banana"))),
                               EditColumn("total", "Total", editable=False, numeric=True)))
    model.set_rows([{"done": True, "kind": "a", "total": "1,00"}, {"kind": "b"}])
    qtmodeltester.check(model)
    assert model.index(0, 1).data() == "Apple" and model.index(0, 1).data(Qt.ItemDataRole.EditRole) == "a"
    assert model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.setData(model.index(1, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.rows()[1]["done"] is True
    assert not model.setData(model.index(0, 2), "9")  # shown, never typed into
    assert not model.flags(model.index(0, 2)) & Qt.ItemFlag.ItemIsEditable
