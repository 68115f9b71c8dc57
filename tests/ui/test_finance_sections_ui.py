"""Finance ▸ Budgets, Stakeholders, SWOT and Secretariat driven like a user: a cost line in the
wrong currency refused at its row, the gap and the price following the typing, the budget as
PDF and copied to its activity; a point on the power–interest grid clicked; SWOT points added,
moved and removed by keyboard and printed on one page; a person's languages typed in Danish."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from clusterdesk.domain.money import Money
from clusterdesk.services import activities, budgets, secretariat, stakeholders, swot
from clusterdesk.ui.common.table_model import ROW_ROLE
from tests.ui.keys import ALT, CTRL, press, type_text


@pytest.fixture
def finance(qtbot, demo_window):
    return demo_window.show_tab("finance")


def dkk(amount: str) -> Money:
    return Money.of(amount, "DKK")


def select(view, name_start: str):
    row = next(r for r in range(view.proxy.rowCount())
               if view.proxy.index(r, 0).data(ROW_ROLE).name.startswith(name_start))
    view.view.selectRow(row)
    return view.proxy.index(row, 0).data(ROW_ROLE)


def test_a_cost_in_another_currency_is_refused_at_its_row_and_the_gap_follows(qtbot, finance, tmp_path, monkeypatch):
    view = finance.show_section("Budgets")
    ctx = view.controller.ctx
    row = select(view, "Company mission to Hamburg")
    editor = view.editor
    assert "Unfunded gap 30.800 kr. (18,9 %)" in editor.summary.text()
    assert "<b>own costs: 4.650 kr.</b>" in editor.summary.text()
    costs = editor.costs
    new = costs.model.rowCount()
    costs.view.setCurrentIndex(costs.model.index(new - 1, 0))
    costs.add_row({"category": "programme"})
    costs.model.setData(costs.model.index(new, 1), "Guided harbour tour")
    costs.model.setData(costs.model.index(new, 2), "250 EUR")
    assert "Not counted yet (no amount, or another currency): cost row 11" in editor.summary.text()
    assert not editor.save()
    assert "row 11: EUR in a DKK budget" in editor.errors.text() and editor.dirty
    assert costs.model.index(new, 2).data() == "250 EUR"  # the typing stays
    costs.model.setData(costs.model.index(new, 2), "1.850")
    assert "Unfunded gap 32.650 kr. (19,8 %)" in editor.summary.text()
    assert costs.model.index(new, 4).data() == "1.850,00"
    editor.participants.setValue(10)  # one more participant: per-person costs grow, the price stays
    assert "<b>own costs: 4.650 kr.</b>" in editor.summary.text()
    qtbot.keyClick(editor.name, Qt.Key.Key_S, CTRL)
    saved = budgets.get_budget(ctx, row.id)
    assert saved.figures.costs == dkk("169150") and saved.data.participants == 10
    assert saved.data.costs[-1].description == "Guided harbour tour"

    # Ctrl+P: the PDF of what was saved.
    target = tmp_path / "hamburg.pdf"
    monkeypatch.setattr("clusterdesk.ui.finance.budget_export.ask_save_path", lambda *a, **k: target)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_P, CTRL)
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Guided harbour tour" in text and "169.150 kr." in text

    # Copy to the activity: Missions shows the same total and price.
    editor.copy_button.click()
    activity = activities.get_activity(ctx, saved.activity.id).data
    assert (activity.budget, activity.price) == (dkk("169150"), dkk("4650"))
    assert "budget 169.150 kr., price 4.650 kr.; 9 signed up" in editor.summary.text()


def test_a_new_project_budget_from_the_keyboard(qtbot, finance):
    view = finance.show_section("Budgets")
    qtbot.keyClick(view, Qt.Key.Key_N, CTRL)
    editor = view.editor
    assert editor.name.hasFocus()
    type_text(qtbot, "Study trip to Gdansk")
    editor.currency.setCurrentText("EUR")
    editor.model.setCurrentIndex(editor.model.findData("plus_secretariat"))
    editor.participants.setValue(8)
    editor.costs.add_row({"category": "travel", "description": "Flights", "amount": "350", "per_participant": True})
    editor.costs.add_row({"category": "staff_time", "description": "Planning", "amount": "4.000"})
    editor.tabs.setCurrentIndex(1)
    editor.funding.add_row({"description": "Members' co-funding", "amount": "2.000"})
    assert "Unfunded gap 4.800 €" in editor.summary.text() and "+ secretariat: 850 €" in editor.summary.text()
    assert editor.save()
    saved = budgets.get_budget(view.controller.ctx, editor.record_id)
    assert saved.activity is None and saved.figures.price("plus_secretariat") == Money.of("850", "EUR")


def test_a_click_on_the_grid_selects_the_stakeholder_and_a_new_score_moves_it(qtbot, finance):
    view = finance.show_section("Stakeholders")
    ctx = view.controller.ctx
    grid = view.grid
    assert grid.series.count() == view.proxy.rowCount() == 14
    target = next(r for r in stakeholders.list_stakeholders(ctx) if r.name.startswith("Port of Esbjerg"))
    index = [r.id for r in grid._rows].index(target.id)
    grid.series.clicked.emit(grid.series.at(index))
    assert view.current_id() == target.id and view.editor.name.text() == "Port of Esbjerg"
    assert view.editor.approach.text().startswith("<b>Monitor</b>")
    assert grid.series.pointConfiguration(index)  # drawn as the selected one
    editor = view.editor
    editor.influence.setCurrentIndex(editor.influence.findData(5))
    editor.interest.setCurrentIndex(editor.interest.findData(4))
    assert editor.approach.text().startswith("<b>Manage closely</b>")
    editor.contacts.add_row({"name": "Hans Jensen", "email": "hans@", "phone": "75 12 00 00"})
    assert not editor.save()
    assert "row 1, email:" in editor.errors.text()
    editor.contacts.model.setData(editor.contacts.model.index(0, 2), "hans.jensen@port.example")
    assert editor.save()
    assert stakeholders.get_stakeholder(ctx, target.id).data.quadrant.value == "manage_closely"
    moved = grid._points[[r.id for r in grid._rows].index(target.id)]
    assert moved == (4, 5)
    view.quadrant_filter.setCurrentIndex(view.quadrant_filter.findData("monitor"))
    assert grid.series.count() == view.proxy.rowCount() == 1


def test_swot_points_added_moved_and_removed_by_keyboard_then_printed(qtbot, finance, tmp_path, monkeypatch):
    view = finance.show_section("SWOT")
    ctx = view.controller.ctx
    view.view.selectRow(0)
    editor = view.editor
    strengths = editor.quadrants["strengths"]
    strengths.list.setFocus()
    strengths.list.setCurrentRow(3)
    press(qtbot, Qt.Key.Key_Insert)
    type_text(qtbot, "Members trust the secretariat")
    press(qtbot, Qt.Key.Key_Return)  # the list commits the typing a moment later
    qtbot.waitUntil(lambda: strengths.points()[4][0] == "Members trust the secretariat")
    assert editor.dirty
    press(qtbot, Qt.Key.Key_Up, ALT)
    press(qtbot, Qt.Key.Key_Up, ALT)
    assert [text for text, _id in strengths.points()][2] == "Members trust the secretariat"
    strengths.list.setCurrentRow(0)
    press(qtbot, Qt.Key.Key_Delete)
    assert strengths.count.text() == "4 points"
    press(qtbot, Qt.Key.Key_S, CTRL)
    saved = swot.get_analysis(ctx, editor.record_id).data.quadrant("strengths")
    assert [p.text for p in saved] == ["It helps us choose among the many international offers the cluster receives.",
                                       "Members trust the secretariat",
                                       "It gets the board and the cluster behind one common approach.",
                                       "It puts us ahead when funding calls open."]
    target = tmp_path / "swot.pdf"
    monkeypatch.setattr("clusterdesk.ui.finance.budget_export.ask_save_path", lambda *a, **k: target)
    editor.pdf_button.click()
    reader = PdfReader(target)
    assert len(reader.pages) == 1 and "Members trust the secretariat" in reader.pages[0].extract_text()


def test_an_empty_new_point_goes_again_and_a_new_swot_needs_a_title(qtbot, finance):
    view = finance.show_section("SWOT")
    view.new_record()
    editor = view.editor
    threats = editor.quadrants["threats"]
    threats.add_point()
    threats.list.closePersistentEditor(threats.list.item(0))
    threats.list.itemDelegate().closeEditor.emit(None)
    assert threats.list.count() == 0
    threats.set_points([swot.SwotPoint("Competition from big clusters")])
    editor._changed()
    assert not editor.save()
    assert editor.swot_title.property("invalid")
    editor.swot_title.setText("Should we open an office in Hamburg?")
    assert editor.save()
    assert swot.get_analysis(view.controller.ctx, editor.record_id).data.quadrant("threats")[0].text == \
        "Competition from big clusters"


def test_a_person_with_languages_typed_in_danish_updates_the_overview(qtbot, finance):
    view = finance.show_section("Secretariat")
    ctx = view.controller.ctx
    assert "2.0 full-time posts" in view.overview.readiness.text()
    qtbot.keyClick(view, Qt.Key.Key_N, CTRL)
    editor = view.editor
    type_text(qtbot, "Piotr Nowak")
    editor.share.setValue(60)
    languages = editor.languages
    languages.add_row({"language": "polsk", "level": "native"})
    languages.add_row({"language": "klingon"})
    assert not editor.save()
    assert "row 2: “klingon” is not a language we know" in editor.errors.text()
    languages.model.setData(languages.model.index(1, 0), "engelsk")
    assert editor.save()
    saved = secretariat.get_staff(ctx, editor.record_id).data
    assert [(lang.language, lang.level) for lang in saved.languages] == [("pl", "native"), ("en", "working")]
    assert "5 people, <b>2.6 full-time posts</b>" in view.overview.readiness.text()
    assert languages.model.index(0, 0).data() == "Polish"


@pytest.mark.parametrize("section", ["Funding", "Budgets", "Stakeholders", "SWOT", "Secretariat"])
def test_every_alt_key_on_a_section_reaches_one_place(qtbot, finance, demo_window, section):
    """Two labels or buttons with the same Alt key on screen make the key cycle instead of
    jump; one that the menu bar uses (File, Edit, View, Help) would open the menu."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar

    view = finance.show_section(section)
    view.view.selectRow(0)
    qtbot.waitUntil(lambda: view.editor.isEnabled())
    keys: dict[str, list[str]] = {}
    texts = [w.text() for kind in (QLabel, QAbstractButton) for w in view.findChildren(kind) if w.isVisible()]
    for bar in view.findChildren(QTabBar):
        if bar.isVisible():
            texts += [bar.tabText(i) for i in range(bar.count())]
    for text in texts:
        match = re.search(r"&([^&\s])", text)
        if match:
            keys.setdefault(match.group(1).lower(), []).append(text)
    menus = {re.search(r"&(.)", m.text()).group(1).lower() for m in demo_window.menuBar().actions()}
    assert {k: v for k, v in keys.items() if len(v) > 1} == {}
    assert not menus & set(keys), {k: keys[k] for k in menus & set(keys)}


@pytest.mark.parametrize("section, title, rows, header", [
    ("Budgets", "Budgets", 2, "Price per participant"), ("Stakeholders", "Stakeholders", 14, "Approach"),
    ("SWOT", "SWOT analyses", 1, "Threats"), ("Secretariat", "Secretariat", 4, "Languages")])
def test_ctrl_e_writes_each_list_to_excel(qtbot, finance, demo_window, tmp_path, monkeypatch, section, title,
                                          rows, header):
    from openpyxl import load_workbook

    finance.show_section(section)
    target = tmp_path / f"{section}.xlsx"
    monkeypatch.setattr("clusterdesk.ui.common.export.ask_save_path", lambda *a, **k: target)
    qtbot.keyClick(demo_window, Qt.Key.Key_E, CTRL)
    book = load_workbook(target)
    sheet = book.active
    assert sheet.title == title and sheet.max_row == rows + 1
    assert header in [c.value for c in sheet[1]]
