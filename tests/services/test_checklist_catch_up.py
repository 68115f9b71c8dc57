"""A checklist made (or moved) when some handbook dates have already passed: the services
say how many, and either keep those dates or let them fall due from today — and Today and
the checklist show the result."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from clusterdesk.domain.catch_up import PastDates
from clusterdesk.services import activities, checklist_templates, checklists, today
from clusterdesk.services.activities import ActivityInput
from tests.conftest import FIXED_NOW

TODAY = FIXED_NOW.date()  # Friday 27 November 2026


def matchmaking_template():
    return checklist_templates.get_template(None, "builtin:matchmaking-event")


def event_in(days: int) -> ActivityInput:
    start = TODAY + timedelta(days=days)
    return ActivityInput(name="Nordic Water Matchmaking", kind="matchmaking", starts_on=start,
                         ends_on=start + timedelta(days=1), city="Aarhus", country="DK")


def overdue_on_today(ctx) -> int:
    return sum(1 for item in today.agenda(ctx) if item.is_overdue(TODAY))


def test_the_services_say_how_many_dates_have_passed_before_the_checklist_is_made(ctx):
    plan = checklists.template_past_due(ctx, matchmaking_template(), TODAY + timedelta(days=120),
                                        TODAY + timedelta(days=121))
    assert plan.past == 26 and plan.suggested is PastDates.CATCH_UP
    assert not checklists.template_past_due(ctx, matchmaking_template(), TODAY + timedelta(days=400))


def test_keeping_the_handbook_dates_leaves_them_overdue(ctx):
    detail, _ = activities.create_activity(ctx, event_in(120), matchmaking_template(), PastDates.KEEP)
    assert detail.caught_up == 0
    assert overdue_on_today(ctx) == 26


def test_catching_up_makes_them_due_from_today_in_their_order(ctx):
    detail, _ = activities.create_activity(ctx, event_in(120), matchmaking_template(),
                                           PastDates.CATCH_UP)
    assert detail.caught_up == 26
    assert overdue_on_today(ctx) == 0
    items = checklists.get_checklist(ctx, detail.id).items
    dues = [i.due_on for i in items if i.due_on is not None]
    assert min(dues) == TODAY
    caught = sorted({i.due_on for i in items if i.due_on and i.due_on <= date(2026, 12, 3)})
    assert caught == [TODAY, date(2026, 11, 30), date(2026, 12, 1), date(2026, 12, 2),
                      date(2026, 12, 3)]
    # The rule stays: the item still moves with the activity.
    decide = next(i for i in items if i.due_on == TODAY)
    assert decide.rule is not None and decide.rule.months == -9
    # Today lists them as due today and the coming days, none overdue.
    due_today = [i for i in today.agenda(ctx) if i.kind == "checklist" and i.due == TODAY]
    assert len(due_today) == sum(1 for i in items if i.due_on == TODAY) > 0


def test_a_move_into_the_past_asks_and_catches_up_only_what_moved_into_it(ctx):
    detail, _ = activities.create_activity(ctx, event_in(400), matchmaking_template())
    items = checklists.get_checklist(ctx, detail.id).items
    assert overdue_on_today(ctx) == 0
    fixed, _ = checklists.update_item(ctx, items[3].id, checklists.ItemInput(
        items[3].section, items[3].text, due_on=TODAY - timedelta(days=3), moves_with_activity=False))
    new_start = TODAY + timedelta(days=120)
    moved = replace(detail.data, starts_on=new_start, ends_on=new_start + timedelta(days=1))
    plan = checklists.move_past_due(ctx, detail.id, moved.starts_on, moved.ends_on)
    assert plan.past == 25  # 26 minus the item on a fixed date
    assert not checklists.move_past_due(ctx, detail.id, detail.data.starts_on, detail.data.ends_on)
    saved, _ = activities.update_activity(ctx, detail.id, moved, PastDates.CATCH_UP)
    assert saved.caught_up == 25
    after = {i.id: i for i in checklists.get_checklist(ctx, detail.id).items}
    assert after[fixed.id].due_on == TODAY - timedelta(days=3)  # a fixed date is the user's own
    assert overdue_on_today(ctx) == 1


def test_template_items_added_later_can_catch_up_too(ctx):
    detail, _ = activities.create_activity(ctx, event_in(120))
    caught, changes = checklists.add_template_items(ctx, detail.id, matchmaking_template(),
                                                    PastDates.CATCH_UP)
    assert caught == 26 and changes.touches("checklist_items")
    assert overdue_on_today(ctx) == 0


def test_reopening_a_caught_up_item_keeps_it_out_of_the_past(ctx):
    detail, _ = activities.create_activity(ctx, event_in(120), matchmaking_template(),
                                           PastDates.CATCH_UP)
    item = next(i for i in checklists.get_checklist(ctx, detail.id).items
                if i.due_on == date(2026, 11, 30))
    checklists.tick_item(ctx, item.id)
    row, _ = checklists.tick_item(ctx, item.id, False)
    assert row.due_on == date(2026, 11, 30)
