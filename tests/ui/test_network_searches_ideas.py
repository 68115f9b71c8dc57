"""Network ▸ Partner searches and Project ideas driven like a user on the demo: a request typed
in with the member looked up, the candidates ranked and one proposed with Enter; a refused
request; the request due on Today opening in its section; an idea moved along the stages with
Ctrl+Right in the list and Ctrl+Left on the board; a new idea with a member, and the call that
fits its keywords linked with Enter; both lists exported."""

from __future__ import annotations

from datetime import timedelta

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from clusterdesk.services import partner_requests, project_ideas
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


def idea_named(ctx, title):
    return next(r for r in project_ideas.list_ideas(ctx) if r.title == title)


def test_a_request_typed_in_ranked_and_a_candidate_proposed_with_enter(qtbot, network):
    view = network.show_section("Partner searches")
    ctx = view.controller.ctx
    qtbot.keyClick(view, Qt.Key.Key_N, CTRL)
    editor = view.editor
    assert editor.member.hasFocus()
    qtbot.keyClicks(editor.member, "Vestkyst")
    editor.partner_type.setCurrentIndex(editor.partner_type.findData("company"))
    qtbot.keyClicks(editor.countries, "Tyskland")
    qtbot.keyClicks(editor.field, "leak detection in water networks")
    qtbot.keyClicks(editor.deadline, "+20")
    editor.tabs.setCurrentIndex(1)
    candidates = editor.candidates
    first = candidates.proxy.index(0, 0).data(ROW_ROLE)
    assert first.name == "Wasser Netzwerk Hamburg e.V." and first.score >= 80
    assert candidates.heading.text().startswith(f"{candidates.proxy.rowCount()} candidates, the best first")
    candidates.view.setFocus()
    candidates.view.selectRow(0)
    qtbot.keyClick(candidates.view, Qt.Key.Key_Return)
    assert [r["name"] for r in candidates.proposals.rows()] == ["Wasser Netzwerk Hamburg e.V."]
    assert editor.tabs.tabText(1) == "Candidates (1 proposed)"
    qtbot.keyClick(candidates.view, Qt.Key.Key_Return)  # once is enough
    assert len(candidates.proposals.rows()) == 1
    qtbot.keyClick(editor.field, Qt.Key.Key_S, CTRL)
    assert not editor.dirty and editor.record_id is not None
    saved = partner_requests.get_request(ctx, editor.record_id)
    assert saved.member_name == "Vestkyst Pumper A/S" and saved.data.countries == ("DE",)
    assert saved.data.deadline == TODAY + timedelta(days=20)
    [proposal] = saved.data.proposals
    assert (proposal.person, proposal.proposed_on, proposal.sent_on) == ("Jürgen Weiß", TODAY, None)
    assert proposal.partner_id is not None and proposal.score == first.score


def test_a_refused_request_keeps_the_typing_and_marks_the_fields(qtbot, network):
    view = network.show_section("Partner searches")
    view.new_record()
    editor = view.editor
    editor.member.setText("Nobody Water ApS")
    editor.countries.setText("Germany, Atlantis")
    assert not editor.save()
    assert editor.dirty and editor.member.text() == "Nobody Water ApS"
    assert editor.member.property("invalid") and editor.countries.property("invalid")
    assert editor.field.property("invalid")
    assert "No member is called “Nobody Water ApS”" in editor.member.toolTip()
    assert editor.member.hasFocus()  # the first refused field, in form order


def test_the_request_due_on_today_opens_in_its_section(qtbot, demo_window):
    page = demo_window.show_tab("today")
    tree = page.tree
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    row = next(r for r in rows if r.data(0, ITEM_ROLE) is not None
               and r.data(0, ITEM_ROLE).kind == "partner-search")
    assert row.text(2) == "Partner search for Danish Institute for Water Research: water reuse in irrigation"
    tree.setCurrentItem(row)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    network = demo_window.current_page()
    view = network.current_view()
    assert view is network.view("Partner searches")
    assert view.editor.field.text() == "water reuse in irrigation"
    assert view.editor.title.text() == "Danish Institute for Water Research: water reuse in irrigation"


def test_ideas_move_along_the_stages_in_the_list_and_on_the_board(qtbot, network):
    view = network.show_section("Project ideas")
    ctx = view.controller.ctx
    fish = idea_named(ctx, "Membrane filtration for fish farms")
    assert select_row_with_id(view.view, fish.id)
    view.view.setFocus()
    qtbot.keyClick(view.view, Qt.Key.Key_Right, CTRL)
    assert idea_named(ctx, fish.title).maturity == "concept"
    assert view.current_id() == fish.id and view.editor.maturity.currentData() == "concept"

    qtbot.keyClick(view, Qt.Key.Key_B, CTRL)
    assert view.on_board and not view.editor.isVisible()
    board = view.board
    assert board.headers[board_stage("concept")].text() == "Concept (2)"
    assert board.current().id == fish.id and board.columns[board_stage("concept")].hasFocus()
    qtbot.keyClick(board.columns[board_stage("concept")], Qt.Key.Key_Left, CTRL)
    assert idea_named(ctx, fish.title).maturity == "idea"
    assert board.current().id == fish.id and board.columns[board_stage("idea")].hasFocus()
    assert board.headers[board_stage("idea")].text() == "Idea (2)"
    qtbot.keyClick(board.columns[board_stage("idea")], Qt.Key.Key_Left, CTRL)  # already the first stage
    assert idea_named(ctx, fish.title).maturity == "idea"
    qtbot.keyClick(board.columns[board_stage("idea")], Qt.Key.Key_Right)  # to the next column with cards
    assert board.columns[board_stage("concept")].hasFocus()
    qtbot.keyClick(board.columns[board_stage("concept")], Qt.Key.Key_Return)
    assert not view.on_board and view.editor.isVisible()
    assert view.editor.idea_title.text() == "Leak detection pilot with Hamburg utilities"


def board_stage(value):
    from clusterdesk.domain.network import Maturity

    return Maturity(value)


def test_a_new_idea_gets_a_member_and_the_call_that_fits_its_keywords(qtbot, network):
    view = network.show_section("Project ideas")
    ctx = view.controller.ctx
    qtbot.keyClick(view, Qt.Key.Key_N, CTRL)
    editor = view.editor
    qtbot.keyClicks(editor.idea_title, "Flood twin for Vejle")
    qtbot.keyClicks(editor.keywords, "digital twin, urban water, flooding")
    qtbot.keyClicks(editor.next_step, "Call the utility")
    qtbot.keyClicks(editor.next_step_on, "+7")
    editor.tabs.setCurrentIndex(1)
    qtbot.keyClicks(editor.members.lookup, "Fjordby")
    qtbot.keyClick(editor.members.lookup, Qt.Key.Key_Return)
    assert editor.members.count() == 1
    editor.tabs.setCurrentIndex(2)
    suggested = editor.suggestions.rows()
    assert [s.title for s in suggested] == ["Digital twins for resilient urban water systems"]
    editor.suggest_view.setFocus()
    qtbot.keyClick(editor.suggest_view, Qt.Key.Key_Return)
    assert [c.name for c in editor.linked.rows()] == ["Digital twins for resilient urban water systems"]
    assert editor.suggestions.rowCount() == 0
    qtbot.keyClick(editor.idea_title, Qt.Key.Key_S, CTRL)
    saved = project_ideas.get_idea(ctx, editor.record_id)
    assert [m.name for m in saved.members] == ["Fjordby Forsyning A/S"]
    assert [c.name for c in saved.calls] == ["Digital twins for resilient urban water systems"]
    assert saved.data.next_step_on == TODAY + timedelta(days=7)
    assert editor.tabs.tabText(2) == "Funding calls (1)"
    # Delete in the linked list unlinks it again (saved with Ctrl+S).
    editor.linked_view.setFocus()
    editor.linked_view.selectRow(0)
    qtbot.keyClick(editor.linked_view, Qt.Key.Key_Delete)
    assert editor.dirty and editor.linked.rowCount() == 0 and editor.suggestions.rowCount() == 1


@pytest.mark.parametrize("section, title, rows", [
    ("Partner searches", "Partner-search requests", 6),
    ("Project ideas", "Project ideas", 7),
])
def test_the_lists_export_to_excel(qtbot, network, tmp_path, section, title, rows):
    view = network.show_section(section)
    target = tmp_path / "list.xlsx"
    export_list_to(view.controller, view.list_export(), target)
    sheet = load_workbook(target).active
    assert sheet.title == title and sheet.max_row == rows + 1
    values = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
    if section == "Partner searches":
        found = next(v for v in values if v[0] == "Gudenå Sensor ApS")
        assert found[1:4] == ["leak detection sensors for water networks", "Company", "Germany"]
        assert found[6] == "Partner found" and found[8:11] == [2, 2, 1]
    else:
        twins = next(v for v in values if v[0] == "Digital twins for urban drainage")
        assert twins[1] == "Consortium" and twins[5] == "Digital twins for resilient urban water systems"
        assert twins[7].date() == TODAY + timedelta(days=6)


def test_the_candidates_model_passes_the_model_tester(qtmodeltester, network):
    view = network.show_section("Partner searches")
    view.view.selectRow(0)
    view.editor.tabs.setCurrentIndex(1)
    assert view.editor.candidates.model.rowCount() > 3
    qtmodeltester.check(view.editor.candidates.model)
    qtmodeltester.check(view.editor.candidates.proposals.model)
