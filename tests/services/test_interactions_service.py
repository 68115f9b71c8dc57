"""Interactions: logging, history newest first, follow-ups as Today tasks, bin, conflicts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from clusterdesk.services import contacts, interactions, members, today
from clusterdesk.services.contacts import ContactInput
from clusterdesk.services.errors import ConflictError, ValidationError
from clusterdesk.services.interactions import InteractionInput
from clusterdesk.services.members import MemberInput

TODAY = date(2026, 11, 27)  # conftest's FIXED_NOW


@pytest.fixture
def member(ctx):
    detail, _ = members.create_member(ctx, MemberInput(name="Gudenå Sensor ApS"))
    contact, _ = contacts.create_contact(ctx, detail.id, ContactInput(name="Karen Iversen"))
    return detail.id, contact.id


def test_log_a_call_with_a_follow_up_that_becomes_a_task(ctx, member):
    member_id, contact_id = member
    row, changes = interactions.log_interaction(ctx, member_id, InteractionInput(
        kind="phone_call", occurred_on=TODAY, staff="Tester (TT)", contact_id=contact_id,
        attendees="Karen Iversen; Ole Bisgaard", summary=" Curious about Poland. ",
        needs="Partner search in Poland", next_step="Send the Polish partner list",
        follow_up_on=TODAY + timedelta(days=14)))
    assert changes.touches("interactions")
    assert row.summary == "Curious about Poland." and row.attendees == "Karen Iversen, Ole Bisgaard"
    assert row.contact_name == "Karen Iversen" and row.people == "Karen Iversen, Ole Bisgaard"
    task = next(i for i in today.agenda(ctx) if i.record_id == row.id)
    assert task.due == TODAY + timedelta(days=14)
    assert task.title == "Gudenå Sensor ApS: Send the Polish partner list"
    assert task.owner == "Tester (TT)"


def test_history_is_newest_first(ctx, member):
    member_id, _ = member
    for days_ago, kind in ((30, "visit"), (2, "email"), (100, "meeting")):
        interactions.log_interaction(ctx, member_id, InteractionInput(
            kind=kind, occurred_on=TODAY - timedelta(days=days_ago), staff="Tester (TT)"))
    assert [r.kind for r in interactions.list_interactions(ctx, member_id)] == ["email", "visit", "meeting"]
    assert len(interactions.list_interactions(ctx, member_id, limit=2)) == 2
    rows = members.member_page(ctx, members.MemberFilter(text="gudenå"))
    assert rows[0].last_interaction_on == TODAY - timedelta(days=2)


def test_bad_input_names_the_fields(ctx, member):
    member_id, _ = member
    with pytest.raises(ValidationError) as refused:
        interactions.log_interaction(ctx, member_id, InteractionInput(
            kind="telepathy", occurred_on=TODAY, staff=" ", follow_up_on=TODAY - timedelta(days=1)))
    assert set(refused.value.errors) == {"kind", "staff", "follow_up_on"}
    with pytest.raises(ValidationError) as refused:
        interactions.log_interaction(ctx, member_id, InteractionInput(
            kind="visit", occurred_on=None, staff="Tester (TT)"))
    assert set(refused.value.errors) == {"occurred_on"}
    with pytest.raises(ValidationError, match="more than a year"):
        interactions.log_interaction(ctx, member_id, InteractionInput(
            kind="visit", occurred_on=date(2072, 1, 1), staff="Tester (TT)"))


def test_a_contact_of_another_member_is_refused(ctx, member):
    member_id, _ = member
    other, _ = members.create_member(ctx, MemberInput(name="Other ApS"))
    stranger, _ = contacts.create_contact(ctx, other.id, ContactInput(name="Stranger"))
    with pytest.raises(ValidationError) as refused:
        interactions.log_interaction(ctx, member_id, InteractionInput(
            kind="visit", occurred_on=TODAY, staff="Tester (TT)", contact_id=stranger.id))
    assert "contact_id" in refused.value.errors


def test_edit_marks_the_follow_up_done_and_open_again(ctx, member):
    member_id, _ = member
    row, _ = interactions.log_interaction(ctx, member_id, InteractionInput(
        kind="meeting", occurred_on=TODAY, staff="Tester (TT)", next_step="Call back",
        follow_up_on=TODAY + timedelta(days=3)))
    done, _ = interactions.update_interaction(ctx, row.id, replace(row.as_input(), follow_up_done=True))
    assert done.follow_up_done_at is not None and done.follow_up_done_by == "Tester (TT)"
    assert row.id not in {i.record_id for i in today.agenda(ctx)}
    reopened, _ = interactions.update_interaction(ctx, row.id, replace(done.as_input(), follow_up_done=False))
    assert reopened.follow_up_done_at is None
    assert row.id in {i.record_id for i in today.agenda(ctx)}


def test_stale_edit_is_refused(ctx, member):
    member_id, _ = member
    row, _ = interactions.log_interaction(ctx, member_id, InteractionInput(
        kind="visit", occurred_on=TODAY, staff="Tester (TT)", summary="First"))
    interactions.update_interaction(ctx, row.id, replace(row.as_input(), summary="Theirs"))
    with pytest.raises(ConflictError) as conflict:
        interactions.update_interaction(ctx, row.id, replace(row.as_input(), summary="Mine"))
    assert conflict.value.differences["summary"] == ("Theirs", "Mine")


def test_delete_takes_the_task_off_today_and_restore_brings_it_back(ctx, member):
    member_id, _ = member
    row, _ = interactions.log_interaction(ctx, member_id, InteractionInput(
        kind="visit", occurred_on=TODAY, staff="Tester (TT)", follow_up_on=TODAY))
    interactions.delete_interaction(ctx, row.id)
    assert interactions.list_interactions(ctx, member_id) == []
    assert [r.id for r in interactions.list_interactions(ctx, member_id, deleted=True)] == [row.id]
    assert row.id not in {i.record_id for i in today.agenda(ctx)}
    interactions.restore_interaction(ctx, row.id)
    assert row.id in {i.record_id for i in today.agenda(ctx)}


def test_known_staff_most_active_first(ctx, member):
    member_id, _ = member
    for staff in ("Jonas Bech (JB)", "Sara Holm (SH)", "Sara Holm (SH)"):
        interactions.log_interaction(ctx, member_id, InteractionInput(
            kind="email", occurred_on=TODAY, staff=staff))
    assert interactions.known_staff(ctx) == ["Sara Holm (SH)", "Jonas Bech (JB)"]
