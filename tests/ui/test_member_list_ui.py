"""The member list: filter menus, saved filters shared through the workspace, chosen columns
remembered, the profile PDF from the member view, and Excel export of every list."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog

from clusterdesk.domain.formatting import format_date
from clusterdesk.domain.text import sort_key
from clusterdesk.services import contacts, members, saved_filters
from clusterdesk.services.members import MemberFilter
from clusterdesk.settings import load_preferences
from clusterdesk.ui.common.export import export_list_to

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def page(qtbot, demo_window):
    return demo_window.show_tab("members").organisations


def _choose(combo, label):
    index = combo.findText(label)
    assert index >= 0, f"{label} is not offered"
    combo.setCurrentIndex(index)


def test_filter_menus_narrow_the_list_in_sql(qtbot, page):
    ctx = page.controller.ctx
    _choose(page.filters.kind, "Research / knowledge institution")
    rows = [page.model.row_at(i) for i in range(page.model.rowCount())]
    assert rows and all(r.kind == "research" for r in rows)
    assert page.model.rowCount() == members.count_members(ctx, MemberFilter(kind="research"))
    page.filters.clear()
    _choose(page.filters.orientation, "Active internationally")
    _choose(page.filters.tag, "export-ready")
    expected = members.count_members(ctx, MemberFilter(orientation="active", tag="export-ready"))
    assert 0 < page.model.rowCount() == expected < 80
    assert f"{expected} member" in page.count_label.text()
    assert page.filters.country.findData("DK") > 0  # the countries members have
    qtbot.keyClicks(page.filter_edit, "vestkyst")
    assert [page.model.row_at(i).name for i in range(page.model.rowCount())] == ["Vestkyst Pumper A/S"]
    page.filters.clear_button.click()
    assert page.model.rowCount() == 80 and page.filter_edit.text() == ""


def test_save_a_filter_for_everyone_and_apply_it_again(qtbot, page, monkeypatch):
    ctx = page.controller.ctx
    _choose(page.filters.orientation, "Latent need")
    _choose(page.filters.kind, "SME")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Phone campaign 2027", True))
    qtbot.keyClick(page.view, Qt.Key.Key_S, CTRL_SHIFT)
    everyone = {f.name: f for f in saved_filters.list_saved_filters(ctx, "members")}
    assert "Board members" in everyone  # the demo's own, saved by a colleague
    saved = everyone["Phone campaign 2027"]
    assert saved.criteria == {"orientation": "latent", "kind": "sme"}
    assert saved.updated_by == "Tina Tester (TT)"
    assert page.filters.saved_button.text() == "Saved: Phone campaign 2027"
    count = page.model.rowCount()
    page.filters.clear()
    assert page.model.rowCount() == 80 and page.filters.saved_button.text() == "Saved filters"
    page.filters._fill_saved_menu()
    action = next(a for a in page.filters.saved_menu.actions() if a.text() == "Phone campaign 2027")
    action.trigger()
    assert page.model.rowCount() == count
    assert page.filters.orientation.currentData() == "latent" and page.filters.kind.currentData() == "sme"
    qtbot.keyClicks(page.filter_edit, "a")  # changing it leaves the saved filter
    assert page.filters.saved_button.text() == "Saved filters"


def test_choose_columns_and_they_are_remembered(qtbot, page, demo_window):
    controller = page.controller
    chooser = page.columns
    header_titles = [c.title for c in chooser.columns]
    phone = header_titles.index("Phone")
    assert page.view.isColumnHidden(phone)  # not shown until chosen
    menu = chooser.menu(page)
    next(a for a in menu.actions() if a.text() == "Phone").trigger()
    next(a for a in menu.actions() if a.text() == "Tags").trigger()
    assert not page.view.isColumnHidden(phone)
    assert page.view.isColumnHidden(header_titles.index("Tags"))
    assert not next(a for a in menu.actions() if a.text() == "Name").isEnabled()
    stored = load_preferences(controller.paths.settings_file).hidden_columns["members"]
    assert "tags" in stored and "primary_phone" not in stored
    # A new list (as after a restart) shows the same columns.
    from clusterdesk.ui.members.organisations import OrganisationsView

    again = OrganisationsView(controller)
    assert not again.view.isColumnHidden(phone) and again.view.isColumnHidden(header_titles.index("Tags"))
    # Export follows what is on screen.
    export = page.list_export()
    assert "Phone" in [c.title for c in export.columns] and "Tags" not in [c.title for c in export.columns]
    again.deleteLater()


def test_sorting_by_a_column_sql_cannot_order_keeps_the_name_order(qtbot, page):
    header = page.view.horizontalHeader()
    header.setSortIndicator([c.key for c in page.columns.columns].index("primary_contact"),
                            Qt.SortOrder.AscendingOrder)
    assert header.sortIndicatorSection() == 0 and page.model.sort_key == "name"
    names = [page.model.row_at(i).name for i in range(10)]
    assert names == sorted(names, key=str.casefold)
    header.setSortIndicator([c.key for c in page.columns.columns].index("city"), Qt.SortOrder.DescendingOrder)
    cities = [page.model.row_at(i).city for i in range(page.model.rowCount())]
    assert cities == sorted(cities, reverse=True)


def test_sorted_by_last_contact_sectors_and_tags_as_in_a_spreadsheet(qtbot, page):
    """QA: "who haven't we called the longest" needs the list sorted by Last contact."""
    keys = [c.key for c in page.columns.columns]
    header = page.view.horizontalHeader()
    header.setSortIndicator(keys.index("last_interaction_on"), Qt.SortOrder.AscendingOrder)
    assert header.sortIndicatorSection() == keys.index("last_interaction_on")
    rows = [page.model.row_at(i) for i in range(page.model.rowCount())]
    dates = [r.last_interaction_on for r in rows]
    never = dates.count(None)
    assert never > 0 and dates[:never] == [None] * never  # never contacted: the longest ago
    assert dates[never:] == sorted(dates[never:]) and len(rows) == 80
    column = keys.index("last_interaction_on")
    assert page.model.data(page.model.index(never, column)) == format_date(dates[never])
    header.setSortIndicator(keys.index("sectors"), Qt.SortOrder.DescendingOrder)
    firsts = [page.model.row_at(i).sectors[0] for i in range(page.model.rowCount())
              if page.model.row_at(i).sectors]
    assert firsts == sorted(firsts, key=sort_key, reverse=True)
    header.setSortIndicator(keys.index("tags"), Qt.SortOrder.AscendingOrder)
    tags = [page.model.row_at(i).tags for i in range(page.model.rowCount())]
    tagged = [t for t in tags if t]
    assert tags == tagged + [()] * (len(tags) - len(tagged))  # the untagged last
    assert [t[0] for t in tagged] == sorted((t[0] for t in tagged), key=sort_key)


def test_profile_pdf_from_the_member_view(qtbot, page, tmp_path, monkeypatch):
    qtbot.keyClicks(page.filter_edit, "Danish Institute for Water")
    qtbot.keyClick(page.filter_edit, Qt.Key.Key_Return)
    target = tmp_path / "profile.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.keyClick(page.view, Qt.Key.Key_P, CTRL)
    text = " ".join(PdfReader(target).pages[0].extract_text().split())
    assert "Danish Institute for Water Research" in text
    for person in contacts.list_contacts(page.controller.ctx, page.panel.member_id):
        assert person.name in text
    for market in ("Germany", "Netherlands", "United States"):
        assert market in text
    assert len(PdfReader(target).pages) == 1


def test_contacts_and_interactions_lists_export_to_excel(qtbot, page, tmp_path):
    qtbot.keyClicks(page.filter_edit, "Danish Institute for Water")
    qtbot.keyClick(page.filter_edit, Qt.Key.Key_Return)
    page.panel.show_section(1)
    export = page.list_export()
    assert export.title == "Contacts — Danish Institute for Water Research"
    export_list_to(page.controller, export, tmp_path / "contacts.xlsx")
    sheet = load_workbook(tmp_path / "contacts.xlsx").active
    assert [c.value for c in sheet[1]][:5] == ["Primary", "Name", "Role", "Phone", "Phone (E.164)"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == page.panel.contacts.model.rowCount() > 0
    assert all(str(r[4]).startswith("+45") for r in rows)
    page.panel.show_section(2)
    export = page.list_export()
    assert export.title.startswith("Interactions — ")
    export_list_to(page.controller, export, tmp_path / "interactions.xlsx")
    sheet = load_workbook(tmp_path / "interactions.xlsx").active
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["Date", "Kind", "With", "Staff"] and "Needs recorded" in header
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == page.panel.interactions.model.rowCount()
    assert all(r[0] is not None and hasattr(r[0], "year") for r in rows)  # real dates in Excel
    page.filter_edit.setFocus()
    assert page.list_export().title == "Members"


def test_personal_data_json_names_the_person(qtbot, page, tmp_path):
    page.view.selectRow(0)
    section = page.panel.contacts
    section.view.selectRow(0)
    person = section.current_contact()
    section.export_personal_data(tmp_path / "p.json")
    data = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    assert data["contact"]["name"] == person.name and data["exported_by"] == "Tina Tester (TT)"


def test_a_change_keeps_the_filter_selection_and_scroll_position(qtbot, page):
    from clusterdesk.services.contacts import ContactInput

    qtbot.keyClicks(page.filter_edit, "a")
    count = page.model.rowCount()
    row = count - 1  # the last member: beyond the first page the model loads
    assert row >= page.model.PAGE
    page.view.selectRow(row)
    member_id = page.current_member_id()
    page.controller.run_op(page, "Add contact", contacts.create_contact, member_id,
                           ContactInput(name="Kasper Winther"))
    assert page.filter_edit.text() == "a" and page.model.rowCount() == count
    assert page.current_member_id() == member_id and page.view.currentIndex().row() == row
    assert "Kasper Winther" in [c.name for c in page.panel.contacts.model.rows()]


def test_excel_gets_the_labels_the_screen_shows_and_typed_dates(qtbot, page, tmp_path):
    """QA: the export wrote "sme", "active", "defined" where the screen says SME, Active,
    Defined need. Every column: text as shown; dates stay dates."""
    from datetime import date

    for action in page.columns.menu(page).actions():  # every column shown, so every one exported
        if action.isCheckable() and not action.isChecked():
            action.trigger()
    export = page.list_export()
    assert [c.key for c in export.columns] == [c.key for c in page.columns.columns]
    export_list_to(page.controller, export, tmp_path / "members.xlsx")
    sheet = load_workbook(tmp_path / "members.xlsx").active
    header = [c.value for c in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 80
    by_name = {r[header.index("Name")]: r for r in rows}
    for i in range(page.model.rowCount()):
        member = page.model.row_at(i)
        cells = by_name[member.name]
        for column_number, column in enumerate(page.model.columns):
            shown = page.model.data(page.model.index(i, column_number)) or None
            cell = cells[header.index(column.title)]
            if isinstance(column.value(member), date):
                assert cell.date() == column.value(member), column.key  # a real date cell
            else:
                assert cell == shown, (column.key, cell, shown)
    kinds = {r[header.index("Kind")] for r in rows}
    assert {"SME", "Research / knowledge institution"} <= kinds and "sme" not in kinds
    assert {r[header.index("Status")] for r in rows} >= {"Active"}


def test_today_exports_the_kind_of_each_item_in_words(qtbot, demo_window, tmp_path):
    today = demo_window.show_tab("today")
    export_list_to(demo_window.controller, today.list_export(), tmp_path / "today.xlsx")
    sheet = load_workbook(tmp_path / "today.xlsx").active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert {r[1] for r in rows} >= {"Follow-up", "Checklist item"}
    assert all(hasattr(r[0], "year") for r in rows)  # due dates as dates
