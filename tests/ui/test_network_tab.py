"""Network ▸ Meta-clusters and Services driven like a user on the demo: a partnership typed in
from the keyboard with its partners ticked and an agenda point, a refused save that keeps every
keystroke and names the row, an agenda point on Today that opens its partnership, Ctrl+K, a
service fed by one more activity, and both lists exported to Excel and read back."""

from __future__ import annotations

from datetime import timedelta

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from clusterdesk.services import partnerships, service_catalogue
from clusterdesk.services import today as today_service
from clusterdesk.ui.common.export import export_list_to
from clusterdesk.ui.common.table_model import ROW_ROLE
from clusterdesk.ui.common.tables import select_row_with_id
from clusterdesk.ui.today.page import ITEM_ROLE
from tests.conftest import FIXED_NOW

CTRL = Qt.KeyboardModifier.ControlModifier
TODAY = FIXED_NOW.date()


@pytest.fixture
def network(qtbot, demo_window):
    return demo_window.show_tab("network")


def names(view) -> list[str]:
    return [view.proxy.index(r, 0).data(ROW_ROLE).name for r in range(view.proxy.rowCount())]


def test_a_partnership_typed_in_from_the_keyboard(qtbot, network):
    view = network.show_section("Meta-clusters")
    ctx = view.controller.ctx
    qtbot.keyClick(view, Qt.Key.Key_N, CTRL)
    editor = view.editor
    assert editor.record_id is None and editor.name.hasFocus()
    qtbot.keyClicks(editor.name, "Baltic Sea Water Alliance")
    editor.kind.setCurrentIndex(editor.kind.findData("alliance"))
    qtbot.keyClicks(editor.starts_on, "01-01-2027")
    for typed in ("Hamburg", "Polski"):  # filter the partners, Enter into the list, Space ticks
        editor.partners.filter.clear()
        qtbot.keyClicks(editor.partners.filter, typed[:5])
        qtbot.keyClick(editor.partners.filter, Qt.Key.Key_Return)
        assert editor.partners.view.hasFocus()
        qtbot.keyClick(editor.partners.view, Qt.Key.Key_Space)
    assert editor.partners.summary.text() == "2 in it"
    editor.tabs.setCurrentIndex(1)
    row = editor.agenda.add_row()
    model = editor.agenda.model
    model.setData(model.index(row, 0), "+14")
    model.setData(model.index(row, 1), "Founding meeting in Gdańsk")
    model.setData(model.index(row, 3), "Mette Kjær (MK)")
    assert editor.tabs.tabText(1) == "Joint agenda (1 open)"
    qtbot.keyClick(editor.name, Qt.Key.Key_S, CTRL)
    assert not editor.dirty and editor.record_id is not None
    saved = partnerships.get_partnership(ctx, editor.record_id)
    assert saved.data.kind == "alliance" and saved.data.starts_on.isoformat() == "2027-01-01"
    assert [p.name for p in saved.partners] == ["Polski Klaster Technologii Wodnych", "Wasser Netzwerk Hamburg e.V."]
    assert [(p.text, p.due_on, p.owner) for p in saved.agenda] == [
        ("Founding meeting in Gdańsk", TODAY + timedelta(days=14), "Mette Kjær (MK)")]
    qtbot.waitUntil(lambda: view.current_id() == saved.id)
    assert "Baltic Sea Water Alliance" in names(view)


def test_a_refused_partnership_keeps_the_typing_and_names_the_row(qtbot, network):
    view = network.show_section("Meta-clusters")
    view.new_record()
    editor = view.editor
    editor.website.setText("www.baltic water.eu")
    row = editor.agenda.add_row()
    editor.agenda.model.setData(editor.agenda.model.index(row, 0), "soonish")
    editor.agenda.model.setData(editor.agenda.model.index(row, 1), "Summit")
    assert not editor.save()
    assert editor.dirty and editor.website.text() == "www.baltic water.eu"
    assert editor.name.property("invalid") and editor.website.property("invalid")
    assert "row 1, date: “soonish” is not a date" in editor.errors.text()
    assert editor.tabs.currentIndex() == 0  # the first refused field is on the first tab
    editor.name.setText("Baltic Sea Water Alliance")
    editor.website.setText("www.balticwater.eu")
    editor.agenda.model.setData(editor.agenda.model.index(row, 0), "15-03-2027")
    assert editor.save()
    assert partnerships.get_partnership(view.controller.ctx, editor.record_id).agenda[0].text == "Summit"


def test_an_agenda_point_on_today_opens_its_partnership_and_is_ticked_there(qtbot, demo_window):
    page = demo_window.show_tab("today")
    tree = page.tree
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    row = next(r for r in rows if r.data(0, ITEM_ROLE) is not None and r.data(0, ITEM_ROLE).kind == "joint-agenda")
    assert "Partner meeting in Gdańsk" in row.text(2)
    tree.setCurrentItem(row)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    network = demo_window.current_page()
    view = network.current_view()
    assert view is network.view("Meta-clusters")
    assert view.editor.name.text() == "Nordic-Baltic Water Partnership – Going International"
    agenda = view.editor.agenda
    assert view.editor.tabs.currentIndex() == 1 and agenda.view.hasFocus()
    current = agenda.rows()[agenda.view.currentIndex().row()]
    assert current["text"] == "Partner meeting in Gdańsk: decide the East Africa pilot"
    # Ticked off on Today: the open editor (nothing typed) shows it done at once.
    demo_window.show_tab("today")
    item = row.data(0, ITEM_ROLE)
    page.controller.run_op(page, "Done", today_service.complete_item, item)
    demo_window.show_tab("network")
    point = next(r for r in view.editor.agenda.rows() if r["text"].startswith("Partner meeting"))
    assert point["status"] == "done" and point["done"].startswith("TT, ")


def test_ctrl_k_finds_a_meta_cluster_by_a_point_of_its_agenda(qtbot, demo_window, monkeypatch):
    from clusterdesk.ui import search_dialog

    def run_dialog(dialog):
        dialog.search_now("passport")
        qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
        return 1

    monkeypatch.setattr(search_dialog.SearchDialog, "exec", run_dialog)
    qtbot.keyClick(demo_window, Qt.Key.Key_K, CTRL)
    network = demo_window.current_page()
    assert network.current_view() is network.view("Meta-clusters")
    assert network.view("Meta-clusters").editor.name.text() == "Global Water Technology Network"


def test_a_service_fed_by_one_more_activity_becomes_a_candidate(qtbot, network):
    view = network.show_section("Services")
    ctx = view.controller.ctx
    help_ = next(r for r in service_catalogue.list_services(ctx) if r.name == "International project help")
    assert select_row_with_id(view.view, help_.id) and not help_.could_become_permanent
    editor = view.editor
    assert "candidate to make permanent" in editor.verdict.text()
    editor.tabs.setCurrentIndex(1)
    qtbot.keyClicks(editor.activities.filter, "Malm")
    qtbot.keyClick(editor.activities.filter, Qt.Key.Key_Return)
    qtbot.keyClick(editor.activities.view, Qt.Key.Key_Space)
    assert editor.activities.summary.text() == "3 linked"
    qtbot.keyClick(editor.name, Qt.Key.Key_S, CTRL)
    saved = service_catalogue.get_service(ctx, help_.id)
    assert saved.held == 2 and saved.could_become_permanent
    assert editor.verdict.text() == "Held 2 times as an ad-hoc activity — it could become a permanent service."
    assert [y.year for y in editor.years.rows()] == [2026, 2027]  # the workshop is in January
    assert editor.activity_rows.rowCount() == 3
    index = next(view.proxy.index(r, 2) for r in range(view.proxy.rowCount())
                 if view.proxy.index(r, 0).data(ROW_ROLE).id == help_.id)
    assert index.data() == "Ad hoc so far ★"


@pytest.mark.parametrize("section, title, first_header, rows", [
    ("Meta-clusters", "Meta-clusters and partnerships", "Name", 2),
    ("Services", "International services", "Service", 5),
])
def test_the_lists_export_to_excel(qtbot, network, tmp_path, section, title, first_header, rows):
    view = network.show_section(section)
    target = tmp_path / "list.xlsx"
    export_list_to(view.controller, view.list_export(), target)
    sheet = load_workbook(target).active
    assert sheet.title == title[:31] and sheet.cell(1, 1).value == first_header
    assert sheet.max_row == rows + 1
    values = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
    if section == "Meta-clusters":
        row = next(v for v in values if v[0] == "Nordic-Baltic Water Partnership – Going International")
        assert row[1:3] == ["Strategic cluster partnership (ESCP-4i)", "Partner"]
        assert row[3].date() == TODAY - timedelta(days=660) and row[4].date() == TODAY + timedelta(days=400)
        assert row[5] == 4 and "Vattenklustret Skåne" in row[6] and row[9] == 1
    else:
        trips = next(v for v in values if v[0] == "Study trips and company missions")
        assert trips[2:4] == ["Ad hoc so far", "yes"] and trips[7:9] == [2, 22]
