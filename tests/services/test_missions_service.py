"""Partners, activities, participants and checklists as the services see them: real dates
from templates, moving an activity moves open items only, template edits never reach existing
checklists, who and when on every tick."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from clusterdesk.domain.checklists import DueRule
from clusterdesk.domain.money import Money
from clusterdesk.services import activities, checklist_templates, checklists, participants, partners
from clusterdesk.services.activities import ActivityFilter, ActivityInput
from clusterdesk.services.errors import ConflictError, ValidationError
from clusterdesk.services.members import MemberInput, create_member
from clusterdesk.services.partners import PartnerContactInput, PartnerFilter, PartnerInput
from tests.conftest import FIXED_NOW

TODAY = FIXED_NOW.date()


def mission_template():
    return checklist_templates.get_template(None, "builtin:innovation-mission")


def make_mission(ctx, start=date(2027, 3, 16), **extra):
    data = ActivityInput(name="Mission to Hamburg", starts_on=start, ends_on=start + timedelta(days=2),
                         kind="company_mission", city="Hamburg", country="DE", **extra)
    detail, _ = activities.create_activity(ctx, data, mission_template())
    return detail


def test_partner_with_contacts_filters_and_conflicts(ctx):
    hamburg, changes = partners.create_partner(ctx, PartnerInput(
        name="  Wasser  Netzwerk Hamburg ", country="DE", ecei_label="gold", ecei_year=2024,
        trust_stage="established",
        contacts=(PartnerContactInput("Jürgen Weiß", "Manager", "j.weiss@example.org"),
                  PartnerContactInput(""))))  # the empty row left in the table is dropped
    assert changes.touches("partners", "partner_contacts")
    assert hamburg.data.name == "Wasser Netzwerk Hamburg"
    assert [c.name for c in hamburg.data.contacts] == ["Jürgen Weiß"]
    partners.create_partner(ctx, PartnerInput(name="Vattenklustret Skåne", country="SE",
                                              ecei_label="silver", trust_stage="small_project"))
    partners.create_partner(ctx, PartnerInput(name="Polski Klaster", country="PL"))

    def names(**f):
        return [r.name for r in partners.list_partners(ctx, PartnerFilter(**f))]

    assert names(country="DE") == ["Wasser Netzwerk Hamburg"]
    assert names(label="silver") == ["Vattenklustret Skåne"]
    assert names(stage="first_contact") == ["Polski Klaster"]
    assert names(text="weiss") == ["Wasser Netzwerk Hamburg"]  # a contact's name, folded
    assert names(text="skaane") == ["Vattenklustret Skåne"]
    assert partners.partner_countries(ctx) == ["DE", "PL", "SE"]

    # Contacts are kept by id: edit one, add one, remove none.
    contact = hamburg.data.contacts[0]
    edited, _ = partners.update_partner(ctx, hamburg.id, replace(
        hamburg.data, contacts=(replace(contact, role="Cluster manager"),
                                PartnerContactInput("Leonie Groß"))))
    assert [c.id for c in edited.data.contacts][0] == contact.id
    assert [c.role for c in edited.data.contacts] == ["Cluster manager", ""]
    with pytest.raises(ConflictError):  # the editor still holds the old version
        partners.update_partner(ctx, hamburg.id, replace(hamburg.data, city="Altona"))
    partners.delete_partner(ctx, hamburg.id)
    assert names(country="DE") == [] and names(deleted=True) == ["Wasser Netzwerk Hamburg"]


def test_partner_refusals_name_the_field_and_the_contact_row(ctx):
    with pytest.raises(ValidationError) as error:
        partners.create_partner(ctx, PartnerInput(
            name="", ecei_label="none", ecei_year=2024,
            contacts=(PartnerContactInput("Anna", email="anna@"), PartnerContactInput("", role="CEO"))))
    assert set(error.value.errors) == {"name", "ecei_year", "contacts"}
    assert "row 1: “anna@” is not an email address" in error.value.errors["contacts"]
    assert "row 2: a contact needs a name" in error.value.errors["contacts"]
    with pytest.raises(ValidationError, match="2031 is not a year"):
        partners.create_partner(ctx, PartnerInput(name="X", ecei_label="gold", ecei_year=2031))


def test_activity_from_a_template_gets_real_due_dates(ctx):
    detail = make_mission(ctx, budget=Money.of("185000", "DKK"), price=Money.of("6500.50", "DKK"))
    assert detail.template_name == "Innovation or company mission"
    assert detail.progress.total == 37 and detail.progress.done == 0
    assert detail.data.price == Money.of("6500.50", "DKK")
    checklist = checklists.get_checklist(ctx, detail.id)
    by_text = {i.text: i for i in checklist.items}
    first = next(i for t, i in by_text.items() if t.startswith("Look at the sectors"))
    survey = next(i for t, i in by_text.items() if t.startswith("About six months later"))
    assert first.due_on == date(2026, 9, 16) and first.rule == DueRule("start", months=-6)
    assert survey.due_on == date(2027, 9, 18)  # six months after the last day
    assert [s for s, _ in checklist.sections()][0] == "Before you start planning"


def test_moving_an_activity_moves_open_items_only(ctx):
    detail = make_mission(ctx)
    items = checklists.get_checklist(ctx, detail.id).items
    done_item, open_item = items[0], items[1]
    checklists.tick_item(ctx, done_item.id)
    fixed, _ = checklists.update_item(ctx, items[2].id, checklists.ItemInput(
        items[2].section, items[2].text, due_on=date(2026, 12, 1), moves_with_activity=False))
    moved, changes = activities.update_activity(ctx, detail.id, replace(
        detail.data, starts_on=date(2027, 4, 13), ends_on=date(2027, 4, 15)))
    assert changes.touches("checklist_items", "activities")
    assert moved.moved_items == 35  # 37 items, one done, one on a fixed date
    after = {i.id: i for i in checklists.get_checklist(ctx, detail.id).items}
    assert after[done_item.id].due_on == done_item.due_on  # done: kept
    assert after[open_item.id].due_on == date(2026, 10, 13)  # six months before the new start
    assert after[fixed.id].due_on == date(2026, 12, 1)  # a fixed date stays
    # Unticking puts an item back on the activity's (new) dates.
    row, _ = checklists.tick_item(ctx, done_item.id, False)
    assert row.due_on == date(2026, 10, 13) and row.done_by == ""


def test_editing_a_template_never_changes_existing_checklists(ctx):
    own, _ = checklist_templates.create_template(
        ctx, checklist_templates.template_input(mission_template()))
    assert not own.builtin and len(own.items) == 37
    detail, _ = activities.create_activity(ctx, ActivityInput(name="Trip", starts_on=date(2027, 5, 4)), own)
    before = checklists.get_checklist(ctx, detail.id)
    data = checklist_templates.template_input(own)
    rows = list(data.items)
    rows[0] = replace(rows[0], text="Something else entirely", due="2 weeks before start")
    del rows[5:]
    edited, _ = checklist_templates.update_template(
        ctx, own.ref, replace(data, name="Our mission", items=tuple(rows)))
    assert edited.name == "Our mission" and len(edited.items) == 5
    assert edited.items[0].rule == DueRule("start", days=-14)
    assert checklists.get_checklist(ctx, detail.id) == before
    with pytest.raises(ValidationError, match="Built-in templates cannot be changed"):
        checklist_templates.update_template(ctx, "builtin:innovation-mission", data)


def test_template_rows_are_refused_by_row_and_column(ctx):
    data = checklist_templates.TemplateInput(name="Fair", items=(
        checklist_templates.TemplateItemInput("Before", "Book the stand", "3 months before start"),
        checklist_templates.TemplateItemInput("", "Print flyers", "2 wks before"),
        checklist_templates.TemplateItemInput("", "", "1 week after end"),
    ))
    with pytest.raises(ValidationError) as error:
        checklist_templates.create_template(ctx, data)
    message = error.value.errors["items"]
    assert message.startswith("row 2, due: “2 wks before” is not a due rule")
    assert "row 3, text: the item needs a text" in message
    ok, _ = checklist_templates.create_template(ctx, replace(data, items=data.items[:1] + (
        checklist_templates.TemplateItemInput("", "Print flyers", "2 weeks before start"),)))
    assert [i.section for i in ok.items] == ["Before", "Before"]  # blank section continues
    assert checklist_templates.list_templates(ctx)[-1].name == "Fair"


def test_ticking_records_who_and_when_and_progress(ctx):
    detail = make_mission(ctx)
    items = checklists.get_checklist(ctx, detail.id).items
    row, changes = checklists.tick_item(ctx, items[0].id)
    assert changes.touches("checklist_items")
    assert (row.done_by, row.done_at) == ("Tester (TT)", FIXED_NOW)
    other = replace(ctx, actor="Someone Else (SE)")
    again, _ = checklists.tick_item(other, items[0].id)
    assert again.done_by == "Tester (TT)"  # the first ticker stays
    checklists.set_item_note(ctx, items[1].id, "  Asked the board on Monday ")
    checklist = checklists.get_checklist(ctx, detail.id)
    assert checklist.items[1].note == "Asked the board on Monday"
    assert str(checklist.progress) == "1 of 37 done"
    assert checklist.section_progress("Before you start planning").done == 1


def test_items_added_edited_removed_and_restored(ctx):
    detail = make_mission(ctx)
    items = checklists.get_checklist(ctx, detail.id).items
    added, _ = checklists.add_item(ctx, detail.id, checklists.ItemInput(
        items[0].section, "Ask the embassy for a briefing", owner="MK", due_on=date(2027, 2, 1)),
        after_item_id=items[0].id)
    after = checklists.get_checklist(ctx, detail.id).items
    assert after[1].id == added.id and after[2].id == items[1].id
    assert added.rule == DueRule("start", days=-43)  # moves with the activity
    edited, _ = checklists.update_item(ctx, added.id, checklists.ItemInput(
        "Cooperation partners", "Ask the embassy", owner="JB", due_on=added.due_on))
    assert edited.rule == added.rule and edited.section == "Cooperation partners"
    kept, _ = checklists.update_item(ctx, items[0].id, checklists.ItemInput(
        items[0].section, items[0].text, owner="SH", due_on=items[0].due_on))
    assert kept.rule == DueRule("start", months=-6)  # an untouched date keeps its months
    with pytest.raises(ValidationError, match="needs a text"):
        checklists.add_item(ctx, detail.id, checklists.ItemInput("X", "   "))
    checklists.remove_item(ctx, added.id)
    assert added.id not in {i.id for i in checklists.get_checklist(ctx, detail.id).items}
    checklists.restore_item(ctx, added.id)
    assert added.id in {i.id for i in checklists.get_checklist(ctx, detail.id).items}


def test_activity_refusals_and_filters(ctx):
    with pytest.raises(ValidationError) as error:
        activities.create_activity(ctx, ActivityInput(name=" ", starts_on=date(2027, 1, 5),
                                                      ends_on=date(2027, 1, 4),
                                                      budget=Money.of("-5", "DKK")))
    assert set(error.value.errors) == {"name", "ends_on", "budget"}
    with pytest.raises(ValidationError, match="first day"):
        activities.create_activity(ctx, ActivityInput(name="X", starts_on=None))
    make_mission(ctx)
    activities.create_activity(ctx, ActivityInput(name="Visit from Malmö", starts_on=TODAY - timedelta(days=30),
                                                  kind="visit_from_abroad", status="done"))
    upcoming = activities.list_activities(ctx, ActivityFilter(when="upcoming"))
    past = activities.list_activities(ctx, ActivityFilter(when="past"))
    assert [r.name for r in upcoming] == ["Mission to Hamburg"]
    assert [r.name for r in past] == ["Visit from Malmö"]
    assert [r.name for r in activities.list_activities(ctx, ActivityFilter(text="hamb"))] == ["Mission to Hamburg"]
    assert [r.name for r in activities.list_activities(ctx, ActivityFilter(kind="visit_from_abroad"))] == ["Visit from Malmö"]
    row = upcoming[0]
    assert row.progress.total == 37 and row.next_due == date(2026, 9, 16)
    assert row.overdue == 12  # the items due 6, 5 and 4 months before 16 March 2027


def test_participants_from_registered_to_attended_and_no_show(ctx):
    detail = make_mission(ctx)
    member, _ = create_member(ctx, MemberInput(name="Limfjord Membran ApS"))
    other, _ = create_member(ctx, MemberInput(name="Gudenå Sensor ApS"))
    choices = participants.member_choices(ctx)
    assert [c.name for c in choices] == ["Gudenå Sensor ApS", "Limfjord Membran ApS"]
    assert [c.name for c in participants.member_choices(ctx, "guden")] == ["Gudenå Sensor ApS"]
    assert [c.name for c in participants.member_choices(ctx, "aps", limit=1)] == ["Gudenå Sensor ApS"]
    first, _ = participants.add_participant(ctx, detail.id, member.id)
    second, _ = participants.add_participant(ctx, detail.id, other.id, status="confirmed")
    with pytest.raises(ValidationError, match="already on the list"):
        participants.add_participant(ctx, detail.id, member.id)
    participants.set_participant_status(ctx, [first.id], "attended")
    participants.set_participant_status(ctx, [second.id], "no_show")
    rows = participants.list_participants(ctx, detail.id)
    assert [(r.member_name, r.status) for r in rows] == [("Gudenå Sensor ApS", "no_show"),
                                                          ("Limfjord Membran ApS", "attended")]
    listed = activities.list_activities(ctx)[0]
    assert (listed.participants, listed.attended) == (1, 1)  # no-shows are not counted
    participants.remove_participants(ctx, [second.id])
    assert len(participants.list_participants(ctx, detail.id)) == 1


def test_deleting_an_activity_takes_its_items_off_today(ctx):
    from clusterdesk.services import today

    detail = make_mission(ctx, start=TODAY + timedelta(days=20))
    before = [i for i in today.agenda(ctx) if i.activity_id == detail.id]
    assert {i.kind for i in before} == {"checklist", "activity"}
    activities.delete_activity(ctx, detail.id)
    assert not [i for i in today.agenda(ctx) if i.activity_id == detail.id]
    activities.restore_activity(ctx, detail.id)
    assert len([i for i in today.agenda(ctx) if i.activity_id == detail.id]) == len(before)


def test_demo_has_the_missions_the_brief_asks_for(demo_ctx):
    rows = activities.list_activities(demo_ctx)
    today = demo_ctx.today()
    mission = next(r for r in rows if r.kind == "company_mission")
    next_month = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    assert (mission.starts_on.year, mission.starts_on.month) == (next_month.year, next_month.month)
    assert mission.progress.done == mission.progress.total // 3
    event = next(r for r in rows if r.kind == "matchmaking")
    assert event.starts_on > today + timedelta(days=90) and event.progress.total == 42
    past = next(r for r in rows if r.status == "done")
    statuses = [p.status for p in participants.list_participants(demo_ctx, past.id)]
    assert "attended" in statuses and "no_show" in statuses
    partner_rows = partners.list_partners(demo_ctx)
    assert 6 <= len(partner_rows) <= 10
    assert len({p.country for p in partner_rows}) >= 5
    assert {p.trust_stage for p in partner_rows} == {"first_contact", "small_project", "established"}
    assert {p.ecei_label for p in partner_rows} == {"none", "bronze", "silver", "gold"}


def test_a_note_changed_meanwhile_is_not_overwritten(ctx):
    detail = make_mission(ctx)
    item = checklists.get_checklist(ctx, detail.id).items[0]
    colleague = replace(ctx, actor="Jonas Bech (JB)")
    checklists.set_item_note(colleague, item.id, "Booked the bus", item.version)
    with pytest.raises(ConflictError) as conflict:
        checklists.set_item_note(ctx, item.id, "Bus still to book", item.version)
    assert conflict.value.by == "Jonas Bech (JB)"
    assert conflict.value.differences["note"] == ("Booked the bus", "Bus still to book")
    assert checklists.get_checklist(ctx, detail.id).items[0].note == "Booked the bus"


def test_a_partner_in_the_bin_keeps_its_link_to_activities(ctx):
    partner, _ = partners.create_partner(ctx, PartnerInput(name="Aqua Nederland", country="NL"))
    detail = make_mission(ctx, partner_ids=(partner.id,))
    partners.delete_partner(ctx, partner.id)
    assert activities.list_activities(ctx)[0].partners == ()  # not shown while in the bin
    partners.restore_partner(ctx, partner.id)
    assert activities.list_activities(ctx)[0].partners == ("Aqua Nederland",)
    assert activities.get_activity(ctx, detail.id).data.partner_ids == (partner.id,)


def test_revert_puts_an_item_back_unless_someone_changed_it_since(ctx):
    from clusterdesk.services.errors import ServiceError

    detail = make_mission(ctx)
    before = checklists.get_checklist(ctx, detail.id).items[0]
    ticked, _ = checklists.tick_item(ctx, before.id)
    noted, _ = checklists.set_item_note(ctx, before.id, "Booked")
    with pytest.raises(ServiceError, match="nothing was undone"):
        checklists.revert_item(ctx, before, ticked)  # the note came after the tick
    back, _ = checklists.revert_item(ctx, ticked, noted)
    assert back.note == "" and back.done
    back, _ = checklists.revert_item(ctx, before, back)
    assert not back.done and back.done_by == "" and back.due_on == before.due_on


def test_a_conflict_message_writes_dates_and_amounts_as_the_screens_do(ctx):
    detail = make_mission(ctx, budget=Money.of("185000", "DKK"))
    activities.update_activity(ctx, detail.id, replace(detail.data, starts_on=date(2027, 3, 17)))
    with pytest.raises(ConflictError) as conflict:
        activities.update_activity(ctx, detail.id, replace(
            detail.data, starts_on=date(2027, 3, 15), budget=None))
    text = str(conflict.value)
    assert "starts on: theirs “17 Mar 2027”, yours “15 Mar 2027”" in text
    assert "budget: theirs “185.000,00\xa0kr.”, yours “empty”" in text
    assert "2027-03" not in text


def test_lock_and_backup_times_read_like_every_other_date():
    from datetime import UTC, datetime
    from pathlib import Path

    from clusterdesk.domain.formatting import format_datetime
    from clusterdesk.store.backup import BackupInfo
    from clusterdesk.store.lock import LockHolder

    moment = datetime(2026, 11, 28, 0, 3, 21, tzinfo=UTC)
    assert LockHolder("laptop", "mette", 1, moment).describe() == \
        f"mette on laptop since {format_datetime(moment)}"
    label = BackupInfo(Path("x"), moment, "manual", 1).label
    assert label == f"{format_datetime(moment, seconds=True)} — manual" and "Nov 2026" in label
