"""Strategy ▸ Action plans and the strategy wheel driven like a user, and the ways in from
elsewhere: Today's items, Ctrl+K, an activity's link to its plan."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from clusterdesk.domain.formatting import format_date
from clusterdesk.services import action_plans, activities, strategy_wheel, sub_activities
from clusterdesk.ui.common.table_model import ROW_ROLE
from clusterdesk.ui.today.page import ITEM_ROLE
from tests.conftest import FIXED_NOW
from tests.ui.keys import ALT, CTRL, focused, press, type_text

K = Qt.Key
TODAY = FIXED_NOW.date()
YEAR = TODAY.year


@pytest.fixture
def plans(qtbot, demo_window):
    tab = demo_window.show_tab("strategy")
    press(qtbot, K.Key_3, ALT)  # Action plans
    return tab.current_view()


def _plan_row(ctx, word):
    return next(r for r in action_plans.list_action_plans(ctx) if word in r.name)


def test_a_vague_sub_activity_is_refused_by_row_and_the_typing_stays(qtbot, plans):
    ctx = plans.controller.ctx
    press(qtbot, K.Key_N, CTRL)
    editor = plans.editor
    assert focused() is editor.name and editor.title.text() == "New action plan"
    type_text(qtbot, "Action plan 2027: Poland")
    assert editor.strategy.currentText().endswith("✓ approved")  # the version the list shows
    editor.tabs.setCurrentIndex(2)
    editor.sub_view.setFocus()
    press(qtbot, K.Key_Insert)  # a row, its description open for typing
    type_text(qtbot, "Talk to the partners in Gdansk")
    press(qtbot, K.Key_Return)
    subs = editor.subs
    # Qt commits the cell a moment after Enter.
    qtbot.waitUntil(lambda: subs.rows()[0].get("text") == "Talk to the partners in Gdansk")
    text_index = subs.index(0, 1)
    assert subs.data(text_index, Qt.ItemDataRole.ToolTipRole).startswith("Say how much")  # red while typing
    editor.tabs.setCurrentIndex(0)
    press(qtbot, K.Key_S, CTRL)
    assert editor.dirty and editor.record_id is None
    assert editor.tabs.currentIndex() == 2  # the refused rows are shown
    assert "row 1: Say how much" in editor.errors.text()
    assert subs.rows()[0]["text"] == "Talk to the partners in Gdansk"
    subs.setData(text_index, "Hold 2 partner meetings in Gdansk by 1 May")
    subs.setData(subs.index(0, 3), "31-04-2027")  # no such day
    press(qtbot, K.Key_S, CTRL)
    assert "row 1, Due" in editor.errors.text() and editor.record_id is None
    subs.setData(subs.index(0, 3), "30-04-2027")
    press(qtbot, K.Key_S, CTRL)
    assert not editor.dirty and editor.record_id is not None
    detail = action_plans.get_action_plan(ctx, editor.record_id)
    assert [(s.text, s.due_on) for s in detail.sub_activities] == [
        ("Hold 2 partner meetings in Gdansk by 1 May", date(2027, 4, 30))]
    assert detail.data.strategy_id is not None


def test_targets_are_typed_with_their_term_and_numbers(qtbot, plans):
    ctx = plans.controller.ctx
    row = _plan_row(ctx, "matchmaking")
    plans.select_record(row.id)
    editor = plans.editor
    targets = editor.targets
    editor.tabs.setCurrentIndex(1)
    editor.target_view.setFocus()
    editor.target_view.setCurrentIndex(targets.index(targets.rowCount() - 1, 0))
    press(qtbot, K.Key_Insert)
    type_text(qtbot, "Follow-up projects started")  # Ctrl+S below saves the cell still open
    new = targets.rowCount() - 1
    press(qtbot, K.Key_S, CTRL)
    assert editor.dirty and "row 5: give the number aimed at" in editor.errors.text()  # the open cell was kept
    assert targets.rows()[new]["description"] == "Follow-up projects started"
    targets.setData(targets.index(new, 0), "effect")
    targets.setData(targets.index(new, 2), "1.200")  # Danish thousands
    targets.setData(targets.index(new, 4), "projects")
    assert targets.index(new, 0).data() == "Long term (effect)"
    press(qtbot, K.Key_S, CTRL)
    assert not editor.dirty, editor.errors.text()
    saved = action_plans.get_action_plan(ctx, row.id).data.targets[-1]
    assert (saved.description, saved.term, saved.target, saved.unit) == (
        "Follow-up projects started", "effect", 1200, "projects")
    assert editor.tabs.tabText(1) == "Targets (5)"


def test_ticking_a_sub_activity_off_records_who_and_when(qtbot, plans):
    ctx = plans.controller.ctx
    row = _plan_row(ctx, "Germany")
    plans.select_record(row.id)
    editor = plans.editor
    editor.tabs.setCurrentIndex(2)
    subs = editor.subs
    open_row = next(i for i, r in enumerate(subs.rows()) if not r["done"])
    editor.sub_view.setFocus()
    editor.sub_view.setCurrentIndex(subs.index(open_row, 2))
    press(qtbot, K.Key_D, CTRL)
    assert subs.rows()[open_row]["done"] and editor.dirty
    assert subs.index(open_row, 0).data() == "TT on save"
    press(qtbot, K.Key_S, CTRL)
    sub = action_plans.get_action_plan(ctx, row.id).sub_activities[open_row]
    assert sub.done_by == "Tina Tester (TT)" and sub.done_at == FIXED_NOW
    assert editor.subs.index(open_row, 0).data() == f"TT {format_date(TODAY)}"
    assert editor.tabs.tabText(2) == "Sub-activities (5/10)"
    list_row = next(plans.proxy.index(r, 0).data(ROW_ROLE) for r in range(plans.proxy.rowCount())
                    if plans.proxy.index(r, 0).data(ROW_ROLE).id == row.id)
    assert list_row.progress.done == 5


def test_members_are_added_by_typing_their_name(qtbot, plans):
    ctx = plans.controller.ctx
    row = _plan_row(ctx, "matchmaking")
    plans.select_record(row.id)
    editor = plans.editor
    editor.tabs.setCurrentIndex(3)
    lookup = editor.members.lookup
    lookup.setFocus()
    type_text(qtbot, "Vestkyst Pum")
    press(qtbot, K.Key_Return)
    assert "Vestkyst Pumper A/S" in [m.name for m in editor.members.model.rows()]
    type_text(qtbot, "Vestkyst Pumper A/S")  # twice is refused at the field
    press(qtbot, K.Key_Return)
    assert "already on the plan" in lookup.toolTip()
    press(qtbot, K.Key_S, CTRL)
    detail = action_plans.get_action_plan(ctx, row.id)
    assert sorted(m.name for m in detail.members) == ["Fjordby Forsyning A/S", "University College Vest – Water Technology",
                                                     "Vestkyst Pumper A/S"]


def test_the_plan_saves_as_pdf_and_excel(qtbot, plans, tmp_path, monkeypatch):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    from clusterdesk.ui.strategy import common

    row = _plan_row(plans.controller.ctx, "Germany")
    plans.select_record(row.id)
    monkeypatch.setattr(common, "ask_save_path", lambda _p, _t, name, _k, suffix: tmp_path / f"plan{suffix}")
    plans.view.setFocus()
    press(qtbot, K.Key_P, CTRL)
    assert "Sign up 12 companies for the Hamburg mission" in PdfReader(tmp_path / "plan.pdf").pages[0].extract_text()
    plans.editor.xlsx_button.click()
    assert load_workbook(tmp_path / "plan.xlsx")["Sub-activities"].max_row == 11


def test_the_activity_editor_links_an_activity_to_its_plan(qtbot, demo_window):
    ctx = demo_window.controller.ctx
    missions = demo_window.show_tab("missions")
    view = missions.show_section("Activities")
    workshop = next(r for r in activities.list_activities(ctx) if r.kind == "workshop")
    view.select_activity(workshop.id)
    combo = view.editor.plan_combo
    assert combo.currentText() == "(none)"
    combo.setCurrentIndex(combo.findText(f"Action plan {YEAR}: Germany and the Netherlands"))
    assert view.editor.save()
    plan = _plan_row(ctx, "Germany")
    assert activities.get_activity(ctx, workshop.id).data.action_plan_id == plan.id
    detail = action_plans.get_action_plan(ctx, plan.id)
    assert workshop.name in [a.name for a in detail.activities]
    # The plan's editor links back to the activity.
    plans = demo_window.show_tab("strategy").open_action_plan(plan.id)
    assert plans
    editor = demo_window.page("strategy").plans.editor
    assert workshop.name in editor.activities.text()
    editor.activity_clicked.emit(str(workshop.id))
    assert demo_window.current_page() is missions and missions.activities.current_id() == workshop.id


# --- the wheel ------------------------------------------------------------------------------------


def test_the_wheel_ticks_moves_and_starts_the_next_year(qtbot, demo_window):
    ctx = demo_window.controller.ctx
    tab = demo_window.show_tab("strategy")
    press(qtbot, K.Key_4, ALT)
    wheel = tab.current_view()
    assert focused() is wheel.table and wheel.year.currentData() == YEAR
    proposal = next(m for m in strategy_wheel.wheel(ctx, YEAR) if m.step == "proposal")
    assert wheel.current().id == proposal.id  # the next open one is chosen
    assert "overdue" in wheel.summary.text()
    press(qtbot, K.Key_Space)
    assert next(m for m in strategy_wheel.wheel(ctx, YEAR) if m.id == proposal.id).done_by == "Tina Tester (TT)"
    assert wheel.current().id == proposal.id and wheel.tick_button.text() == "Open &again"

    def move(dialog):
        dialog.due_on.setText("15-12-2026")
        dialog.note.setText("Extra board meeting")
        press(qtbot, K.Key_Return)
    from tests.ui.keys import DialogSteps

    board = next(m for m in strategy_wheel.wheel(ctx, YEAR) if m.step == "board")
    wheel.select_milestone(board.id)
    steps = DialogSteps(move)
    press(qtbot, K.Key_Return)
    steps.check(qtbot)
    moved = next(m for m in strategy_wheel.wheel(ctx, YEAR) if m.id == board.id)
    assert (moved.due_on, moved.note) == (date(2026, 12, 15), "Extra board meeting")
    # A click on a segment chooses that milestone.
    wheel.wheel.milestone_clicked.emit(moved.id)
    assert wheel.current().id == moved.id
    assert wheel.start_button.text() == f"&Start the {YEAR + 1} wheel"
    wheel.start_button.click()
    assert wheel.year.currentData() == YEAR + 1 and len(wheel.rows) == 5
    assert strategy_wheel.wheel_years(ctx) == [YEAR + 1, YEAR, YEAR - 1]


def test_the_wheel_widget_finds_the_segment_under_the_mouse(qtbot, demo_window):
    from PySide6.QtCore import QPointF

    tab = demo_window.show_tab("strategy")
    wheel = tab.show_section("Strategy wheel").wheel
    centre, outer, inner = wheel._geometry()
    radius = (outer + inner) / 2
    top_right = wheel.milestone_at(QPointF(centre.x() + radius * 0.5, centre.y() - radius * 0.85))
    assert top_right.step == "member_survey"
    bottom = wheel.milestone_at(QPointF(centre.x(), centre.y() + radius))
    assert bottom.step == "proposal"  # the middle of five, straight down
    assert wheel.milestone_at(centre) is None  # the hub is no segment


# --- in from Today and Ctrl+K ---------------------------------------------------------------------


def _today_row(page, kind):
    tree = page.tree
    return next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                if tree.topLevelItem(i).data(0, ITEM_ROLE) is not None
                and tree.topLevelItem(i).data(0, ITEM_ROLE).kind == kind)


@pytest.mark.parametrize("kind", ["sub-activity", "kpi-review", "milestone"])
def test_today_opens_strategy_items_where_they_live(qtbot, demo_window, kind):
    page = demo_window.show_tab("today")
    row = _today_row(page, kind)
    item = row.data(0, ITEM_ROLE)
    page.tree.setCurrentItem(row)
    qtbot.keyClick(page.tree, K.Key_Return)
    tab = demo_window.current_page()
    assert type(tab).__name__ == "StrategyTab"
    view = tab.current_view()
    if kind == "sub-activity":
        assert view is tab.plans
        qtbot.waitUntil(lambda: view.editor.tabs.currentIndex() == 2)
        current = view.editor.sub_view.currentIndex().row()
        assert view.editor.subs.rows()[current]["id"] == item.record_id
    elif kind == "kpi-review":
        assert view is tab.kpis and view.current_id() == item.record_id
    else:
        assert view is tab.wheel and view.current().id == item.record_id


def test_ticking_a_sub_activity_on_today(qtbot, demo_window):
    page = demo_window.show_tab("today")
    row = _today_row(page, "sub-activity")
    item = row.data(0, ITEM_ROLE)
    page.tree.setCurrentItem(row)
    page.tree.setFocus()
    press(qtbot, K.Key_D, CTRL)
    plan = sub_activities.plan_of_sub_activity(demo_window.controller.ctx, item.record_id)
    sub = next(s for s in action_plans.get_action_plan(demo_window.controller.ctx, plan).sub_activities
               if s.id == item.record_id)
    assert sub.done and sub.done_by == "Tina Tester (TT)"


def test_ctrl_k_finds_a_kpi_and_opens_it(qtbot, demo_window):
    from clusterdesk.services.search import search_everything

    hit = next(h for h in search_everything(demo_window.controller.ctx, "market analyses") if h.kind == "kpi")
    demo_window.open_hit(hit)
    tab = demo_window.current_page()
    assert tab.current_view() is tab.kpis and tab.kpis.current_id() == hit.id


def test_the_row_models_pass_the_model_tester(qtmodeltester):
    from clusterdesk.ui.strategy.plan_rows import (
        TARGET_COLUMNS,
        SubActivityRowsModel,
        TargetRowsModel,
    )

    subs = SubActivityRowsModel(lambda: "Tina Tester (TT)", lambda: TODAY)
    subs.set_rows([{"done": True, "done_by": "Tina Tester (TT)", "done_at": FIXED_NOW, "text": "Book 4 rooms",
                    "due": "01-12-2026"}, {"text": "Talk", "due": "nonsense"},
                   {"text": "Call 3 utilities", "due": (TODAY - timedelta(days=1)).strftime("%d-%m-%Y")}])
    qtmodeltester.check(subs)
    targets = TargetRowsModel(TARGET_COLUMNS)
    targets.set_rows([{"term": "effect", "description": "Jobs", "target": "6"}, {}])
    qtmodeltester.check(targets)
    assert targets.index(1, 0).data() == "Short term (output)"


def test_space_on_a_text_cell_ticks_the_row_and_keeps_its_text(qtbot, plans):
    row = _plan_row(plans.controller.ctx, "Germany")
    plans.select_record(row.id)
    editor = plans.editor
    editor.tabs.setCurrentIndex(2)
    subs = editor.subs
    open_row = next(i for i, r in enumerate(subs.rows()) if not r["done"])
    text_column = 1
    before = subs.index(open_row, text_column).data()
    editor.sub_view.setFocus()
    editor.sub_view.setCurrentIndex(subs.index(open_row, text_column))
    press(qtbot, K.Key_Space)
    assert subs.rows()[open_row]["done"]
    assert subs.index(open_row, text_column).data() == before
    press(qtbot, K.Key_Space)  # and back
    assert not subs.rows()[open_row]["done"]
