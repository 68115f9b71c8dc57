"""Duplicates among existing records, and merges: every pointing row kept (in any table, also
ones this code has never heard of), no filled field blanked, lists unioned, undoable."""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import Column, ForeignKey, Integer, String, Table, UniqueConstraint

from clusterdesk.services import members as member_service
from clusterdesk.services.duplicates import (
    CONTACTS,
    MEMBERS,
    find_contact_duplicates,
    find_member_duplicates,
)
from clusterdesk.services.errors import ConflictError, ServiceError
from clusterdesk.services.merges import merge_preview, merge_records, recent_merges, undo_merge
from clusterdesk.store.base import Base
from clusterdesk.store.models import Contact, Interaction


def add_member(ctx, name, **kw):
    detail, _ = member_service.create_member(ctx, member_service.MemberInput(name=name, **kw))
    return detail.id


def add_contact(ctx, member_id, name, email="", phone_e164="", **kw):
    with ctx.uow() as uow:
        contact = Contact(id=uuid.uuid4(), member_id=member_id, name=name, email=email,
                          phone_e164=phone_e164, **kw)
        uow.session.add(contact)
        uow.commit()
        return contact.id


def add_interaction(ctx, member_id, contact_id=None, summary="Call"):
    with ctx.uow() as uow:
        uow.session.add(Interaction(member_id=member_id, contact_id=contact_id, kind="phone_call",
                                    occurred_on=date(2026, 5, 1), summary=summary))
        uow.commit()


def rows_of(ctx, sql, *args):
    conn = sqlite3.connect(ctx.workspace.path)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def hexid(value: uuid.UUID) -> str:
    return value.hex  # how SQLAlchemy's Uuid stores it in SQLite


@pytest.fixture
def twins(ctx):
    """Two records of one organisation, with contacts, interactions, tags and markets."""
    keep = add_member(ctx, "Vestkyst Pumper A/S", city="Esbjerg", vat_number="DK12345678",
                      sectors=("Pumps", "Wastewater"), tags=("export-ready",), markets=("DE", "SE"),
                      notes="Founding member.", member_since=date(2015, 3, 1))
    other = add_member(ctx, "Vestkyst Pumper", city="", postcode="6700", website="https://vp.dk",
                       size_band="medium", sectors=("Wastewater", "Digital water"),
                       markets=("DE", "US"), notes="Met at the fair.", member_since=date(2012, 1, 1))
    c1 = add_contact(ctx, keep, "Jens Ølgaard", "jens@vp.dk")
    c2 = add_contact(ctx, other, "Åse Bøgh", "aase@vp.dk")
    c3 = add_contact(ctx, other, "Bo Berg", "bo@vp.dk")
    add_interaction(ctx, keep, c1, "Visit")
    add_interaction(ctx, other, c2, "Call 1")
    add_interaction(ctx, other, c3, "Call 2")
    return keep, other


def test_finds_likely_duplicate_members(ctx, twins):
    keep, other = twins
    add_member(ctx, "Odense Energi A/S")
    add_member(ctx, "Nord Filter ApS", vat_number="DK11111111")
    add_member(ctx, "Nord Filter ApS", vat_number="DK22222222")  # two legal entities
    [pair] = find_member_duplicates(ctx)
    assert {pair.a.id, pair.b.id} == {keep, other}
    assert pair.certain and pair.reasons[0] == "same name"
    assert "Esbjerg" in pair.a.detail or "Esbjerg" in pair.b.detail


def test_preview_shows_both_side_by_side(ctx, twins):
    keep, other = twins
    preview = merge_preview(ctx, MEMBERS, keep, other)
    fields = {f.key: f for f in preview.fields}
    assert fields["city"].result == "Esbjerg" and not fields["city"].choosable
    assert fields["postcode"].keep == "" and fields["postcode"].result == "6700"
    assert fields["size_band"].result == "Medium (50–249)"  # "unknown" counts as blank
    assert fields["name"].choosable and fields["name"].result == "Vestkyst Pumper A/S"
    related = {label: (a, b) for label, a, b in preview.related}
    assert related["Contacts"] == (1, 2) and related["Interactions"] == (1, 2)


def test_merge_keeps_every_row_and_never_blanks_a_field(ctx, twins):
    keep, other = twins
    outcome, changes = merge_records(ctx, MEMBERS, keep, other, prefer_other=frozenset({"name"}))
    assert changes.touches("members", "contacts", "interactions")
    assert [b.reason for b in ctx.workspace.backups.list()] == ["before-merge"]
    merged = member_service.get_member(ctx, keep)
    data = merged.data
    assert data.name == "Vestkyst Pumper"  # the user picked the other's name
    assert (data.city, data.postcode, data.website) == ("Esbjerg", "6700", "https://vp.dk")
    assert data.vat_number == "DK12345678" and data.size_band == "medium"
    assert data.member_since == date(2012, 1, 1)
    assert data.notes == "Founding member.\n\nMet at the fair."
    assert set(data.sectors) == {"Pumps", "Wastewater", "Digital water"}
    assert data.tags == ("export-ready",) and data.markets == ("DE", "SE", "US")
    assert merged.contact_count == 3
    assert rows_of(ctx, "select count(*) from interactions where member_id = ?", hexid(keep)) == [(3,)]
    assert rows_of(ctx, "select count(*) from member_markets where member_id = ?", hexid(keep)) == [(3,)]
    assert member_service.get_member(ctx, other).deleted  # a tombstone
    assert outcome.moved >= 5 and "Postcode" in outcome.fields_filled
    assert find_member_duplicates(ctx) == []
    [history] = recent_merges(ctx)
    assert (history.kept_name, history.merged_name, history.by) == (
        "Vestkyst Pumper A/S", "Vestkyst Pumper", "Tester (TT)")


def test_undo_a_merge_brings_everything_back(ctx, twins):
    keep, other = twins
    before = {m: member_service.get_member(ctx, m) for m in (keep, other)}
    outcome, _ = merge_records(ctx, MEMBERS, keep, other)
    undone, changes = undo_merge(ctx, outcome.merge_id)
    assert changes.touches("members", "contacts", "interactions")
    assert undone.not_restored == 0 and undone.kept_later_edits == ()
    for member_id, detail in before.items():
        after = member_service.get_member(ctx, member_id)
        assert not after.deleted and after.contact_count == detail.contact_count
        assert replace(after.data, version=0, sectors=tuple(sorted(after.data.sectors))) == \
            replace(detail.data, version=0, sectors=tuple(sorted(detail.data.sectors)))
    assert rows_of(ctx, "select count(*) from interactions where member_id = ?", hexid(other)) == [(2,)]
    assert recent_merges(ctx)[0].undone_at is not None
    with pytest.raises(ServiceError, match="already undone"):
        undo_merge(ctx, outcome.merge_id)


def test_undo_keeps_an_edit_made_after_the_merge(ctx, twins):
    keep, other = twins
    outcome, _ = merge_records(ctx, MEMBERS, keep, other)
    data = member_service.get_member(ctx, keep).data
    member_service.update_member(ctx, keep, replace(data, postcode="6705"))
    undone, _ = undo_merge(ctx, outcome.merge_id)
    assert undone.kept_later_edits == ("Postcode",)
    assert member_service.get_member(ctx, keep).data.postcode == "6705"


def test_a_stale_preview_is_refused(ctx, twins):
    keep, other = twins
    preview = merge_preview(ctx, MEMBERS, keep, other)
    data = member_service.get_member(ctx, other).data
    member_service.update_member(ctx, other, replace(data, city="Ribe"))
    with pytest.raises(ConflictError):
        merge_records(ctx, MEMBERS, keep, other, versions=(preview.keep_version, preview.other_version))
    with pytest.raises(ServiceError, match="itself"):
        merge_records(ctx, MEMBERS, keep, keep)


def scratch_table(workspace, name: str, *columns):
    """A table this code has never heard of, as another part of the program might add."""
    table = Table(name, Base.metadata, Column("id", Integer, primary_key=True), *columns)
    table.create(workspace.engine)
    return table


@pytest.fixture
def foreign_table(workspace):
    """Participations with a unique (activity, member)."""
    table = scratch_table(workspace, "test_participations", Column("activity", String(40)),
                          Column("member_id", ForeignKey("members.id")), Column("note", String(100)),
                          UniqueConstraint("activity", "member_id", name="uq_test_participations"))
    yield table
    Base.metadata.remove(table)


def test_merge_reaches_tables_it_does_not_know(ctx, twins, foreign_table):
    keep, other = twins
    with ctx.workspace.engine.begin() as conn:
        conn.execute(foreign_table.insert(), [
            {"id": 1, "activity": "Hamburg mission", "member_id": keep, "note": "keep"},
            {"id": 2, "activity": "Hamburg mission", "member_id": other, "note": "other, same trip"},
            {"id": 3, "activity": "Water fair", "member_id": other, "note": "other only"}])
    outcome, changes = merge_records(ctx, MEMBERS, keep, other)
    assert "test_participations" in changes.kinds
    assert rows_of(ctx, "select id, member_id from test_participations order by id") == [
        (1, hexid(keep)), (3, hexid(keep))]  # both trips kept, the shared one once
    undo_merge(ctx, outcome.merge_id)
    assert rows_of(ctx, "select id, member_id, note from test_participations order by id") == [
        (1, hexid(keep), "keep"), (2, hexid(other), "other, same trip"), (3, hexid(other), "other only")]


def test_contact_duplicates_and_their_merge(ctx, twins):
    keep, other = twins
    twin = add_contact(ctx, keep, "Jens Olgaard", "", role="CEO", phone="20 30 40 50",
                       phone_e164="+4520304050")
    [jens] = [c for c in rows_of(ctx, "select id from contacts where email = 'jens@vp.dk'")]
    jens_id = uuid.UUID(jens[0])
    add_interaction(ctx, keep, twin, "Called Jens")
    pairs = find_contact_duplicates(ctx)
    assert [(p.entity, {p.a.id, p.b.id}) for p in pairs] == [(CONTACTS, {jens_id, twin})]
    assert "same member" in pairs[0].reasons[0]
    outcome, _ = merge_records(ctx, CONTACTS, jens_id, twin)
    [(role, phone, email)] = rows_of(ctx, "select role, phone_e164, email from contacts where id = ?",
                                     hexid(jens_id))
    assert (role, phone, email) == ("CEO", "+4520304050", "jens@vp.dk")
    assert rows_of(ctx, "select count(*) from interactions where contact_id = ?", hexid(jens_id)) == [(2,)]
    undo_merge(ctx, outcome.merge_id)
    assert rows_of(ctx, "select count(*) from interactions where contact_id = ?", hexid(twin)) == [(1,)]
    assert rows_of(ctx, "select role from contacts where id = ?", hexid(jens_id)) == [("",)]


def test_merge_keeps_answers_participations_and_campaign_calls(demo_ctx):
    """On the demo, with the tables of the campaigns and missions: every answer set and
    participation moves; a campaign both members were called in keeps one call row."""
    tables = ("contacts", "interactions", "participants", "answer_sets", "campaign_targets")

    def counts(member_id: str) -> dict[str, int]:
        return {t: rows_of(demo_ctx, f"select count(*) from {t} where member_id = ?", member_id)[0][0]
                for t in tables}

    by_campaign: dict[str, list[str]] = {}
    for campaign, member in rows_of(demo_ctx, "select campaign_id, member_id from campaign_targets"):
        by_campaign.setdefault(campaign, []).append(member)
    # The merged-away member: one of a shared campaign with answers and participations.
    def richness(member_id: str) -> int:
        found = counts(member_id)
        return min(found["answer_sets"], found["participants"])

    rich = {m: richness(m) for members in by_campaign.values() for m in members}
    keep, other = max(((a, b) for members in by_campaign.values() for a in members for b in members
                       if a != b), key=lambda pair: rich[pair[1]])
    before_keep, before_other = counts(keep), counts(other)
    assert before_other["answer_sets"] and before_other["participants"]
    outcome, changes = merge_records(demo_ctx, MEMBERS, uuid.UUID(keep), uuid.UUID(other))
    assert {"answer_sets", "participants", "campaign_targets"} <= changes.kinds
    after = counts(keep)
    for table in tables:
        shared = 1 if table == "campaign_targets" else 0  # the campaign both were called in
        assert after[table] == before_keep[table] + before_other[table] - shared, table
    assert counts(other) == dict.fromkeys(tables, 0)
    undo_merge(demo_ctx, outcome.merge_id)
    assert (counts(keep), counts(other)) == (before_keep, before_other)
    assert rows_of(demo_ctx, "pragma foreign_key_check") == []


@pytest.fixture
def contact_links(workspace):
    """Sign-ups of contact persons, unique per (event, person)."""
    table = scratch_table(workspace, "test_signups", Column("event", String(40)),
                          Column("contact_id", ForeignKey("contacts.id")),
                          UniqueConstraint("event", "contact_id", name="uq_test_signups"))
    yield table
    Base.metadata.remove(table)


def live_contacts(ctx, member_id):
    return rows_of(ctx, "select name, email, is_primary from contacts where member_id = ? and "
                        "deleted_at is null order by name", hexid(member_id))


def test_people_who_are_contacts_of_both_become_one_contact(ctx, twins, contact_links):
    """QA: after a merge the same person was there twice. The merge offers the contacts of
    both members that are one person (same email, or same name) and merges them too,
    keeping every interaction, consent and sign-up of both."""
    keep, other = twins
    [(jens_id,)] = rows_of(ctx, "select id from contacts where email = 'jens@vp.dk'")
    jens = uuid.UUID(jens_id)
    jens_there = add_contact(ctx, other, "Jens Olgaard", "JENS@vp.dk", role="CEO",
                             phone="20 30 40 50", phone_e164="+4520304050", is_primary=True)
    aase_here = add_contact(ctx, keep, "Bøgh, Åse", "", role="Engineer")
    [(aase_id,)] = rows_of(ctx, "select id from contacts where email = 'aase@vp.dk'")
    aase_there = uuid.UUID(aase_id)
    add_interaction(ctx, other, jens_there, "Call with Jens at the other")
    with ctx.uow() as uow:
        from clusterdesk.store.models import ConsentRecord

        uow.session.add(ConsentRecord(contact_id=jens_there, purpose="Newsletter",
                                      given_on=date(2025, 1, 2)))
        uow.commit()
    with ctx.workspace.engine.begin() as conn:
        conn.execute(contact_links.insert(), [
            {"id": 1, "event": "Hamburg mission", "contact_id": jens},
            {"id": 2, "event": "Hamburg mission", "contact_id": jens_there},
            {"id": 3, "event": "Water fair", "contact_id": jens_there}])
    before = {m: live_contacts(ctx, m) for m in (keep, other)}
    assert len(before[keep]) == 2 and len(before[other]) == 3

    preview = merge_preview(ctx, MEMBERS, keep, other)
    assert [(p.keep.id, p.other.id, p.reason) for p in preview.same_people] == [
        (jens, jens_there, "same email"), (aase_here, aase_there, "same name")]
    outcome, changes = merge_records(ctx, MEMBERS, keep, other)
    assert outcome.contacts_merged == 2 and changes.touches("contacts", "consent_records")
    assert live_contacts(ctx, keep) == [("Bo Berg", "bo@vp.dk", 0),
                                        ("Bøgh, Åse", "aase@vp.dk", 0),
                                        ("Jens Ølgaard", "jens@vp.dk", 1)]  # one primary
    assert rows_of(ctx, "select role, phone_e164 from contacts where id = ?", hexid(jens)) == [
        ("CEO", "+4520304050")]  # blanks filled from the other record
    assert rows_of(ctx, "select count(*) from interactions where contact_id = ?", hexid(jens)) == [(2,)]
    assert rows_of(ctx, "select count(*) from consent_records where contact_id = ?", hexid(jens)) == [(1,)]
    assert rows_of(ctx, "select id, contact_id from test_signups order by id") == [
        (1, hexid(jens)), (3, hexid(jens))]  # the shared trip once, the fair kept

    undone, _ = undo_merge(ctx, outcome.merge_id)
    assert undone.not_restored == 0
    assert {m: live_contacts(ctx, m) for m in (keep, other)} == before
    assert rows_of(ctx, "select count(*) from interactions where contact_id = ?", hexid(jens_there)) == [(1,)]
    assert rows_of(ctx, "select id, contact_id from test_signups order by id") == [
        (1, hexid(jens)), (2, hexid(jens_there)), (3, hexid(jens_there))]
    assert rows_of(ctx, "select role, phone, phone_e164 from contacts where id = ?", hexid(jens)) == [
        ("", "", "")]

    # The user may keep them apart: then both stay, as before this change.
    merge_records(ctx, MEMBERS, keep, other, same_people=[(aase_here, aase_there)])
    names = [n for n, _e, _p in live_contacts(ctx, keep)]
    assert names.count("Bøgh, Åse") == 1 and names.count("Jens Ølgaard") == 1
    assert "Jens Olgaard" in names and len(names) == 4


def test_a_pair_that_changed_since_the_preview_is_refused(ctx, twins):
    keep, other = twins
    [(jens_id,)] = rows_of(ctx, "select id from contacts where email = 'jens@vp.dk'")
    with pytest.raises(ServiceError, match="look at the merge again"):
        merge_records(ctx, MEMBERS, keep, other, same_people=[(uuid.UUID(jens_id), uuid.uuid4())])
    assert not member_service.get_member(ctx, other).deleted


def test_members_with_the_same_digits_in_two_countries_are_no_duplicates(ctx):
    """QA: Members ▸ Duplicates paired Kiel Umwelt GmbH DE987654321 with Bergen Akva AS
    NO987654321. A number typed without its prefix belongs to the member's country."""
    add_member(ctx, "Kiel Umwelt GmbH", country="DE", vat_number="DE987654321")
    add_member(ctx, "Bergen Akva AS", country="NO", vat_number="NO987654321")
    assert find_member_duplicates(ctx) == []
    add_member(ctx, "Umwelttechnik Kiel", country="DE", vat_number="987654321")
    [pair] = find_member_duplicates(ctx)
    assert {pair.a.name, pair.b.name} == {"Kiel Umwelt GmbH", "Umwelttechnik Kiel"}
    assert pair.certain and pair.reasons == ("same CVR/VAT number",)
