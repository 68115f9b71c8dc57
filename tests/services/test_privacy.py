"""DESIGN §4.11: everything about a person can be exported; erasing a person removes their
personal fields everywhere (contact, texts naming them, audit payloads), keeps anonymous
counts, and the erasure log holds no personal data."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from clusterdesk.exports.contact_data import write_contact_data
from clusterdesk.services import contacts, interactions, members, privacy
from clusterdesk.services.contacts import ConsentInput, ContactInput
from clusterdesk.services.errors import ServiceError
from clusterdesk.services.interactions import InteractionInput
from clusterdesk.services.members import MemberInput

PERSONAL = ("Søren Østergaard", "soren@limfjord.dk", "22 33 44 55", "+4522334455")


@pytest.fixture
def person(ctx):
    member, _ = members.create_member(ctx, MemberInput(
        name="Limfjord Membran ApS", notes="Søren Østergaard founded the company."))
    other, _ = contacts.create_contact(ctx, member.id, ContactInput(name="Anne Holm"))
    detail, _ = contacts.create_contact(ctx, member.id, ContactInput(
        name="Søren Østergaard", role="CEO", email="soren@limfjord.dk", phone="22 33 44 55",
        language="da", is_primary=True, notes="Prefers calls after 14.",
        consents=(ConsentInput("Newsletter", date(2025, 1, 10), "membership form"),)))
    # Edited once, so that the audit trail holds old values too.
    contacts.update_contact(ctx, detail.id, replace(contacts.get_contact(ctx, detail.id).data, role="Founder"))
    interactions.log_interaction(ctx, member.id, InteractionInput(
        kind="visit", occurred_on=date(2026, 10, 1), staff="Tester (TT)", contact_id=detail.id,
        attendees="Søren Østergaard, Anne Holm", summary="SØREN ØSTERGAARD showed the plant.",
        needs="Partners in Poland", next_step="Mail soren@limfjord.dk the list"))
    # Only an upper-case spelling here: SQL's LIKE does not fold Ø, the erasure must still find it.
    interactions.log_interaction(ctx, member.id, InteractionInput(
        kind="phone_call", occurred_on=date(2026, 8, 1), staff="Tester (TT)",
        summary="Call with SØREN ØSTERGAARD about Poland."))
    third, _ = members.create_member(ctx, MemberInput(name="Bornholm Vand ApS"))
    interactions.log_interaction(ctx, third.id, InteractionInput(
        kind="event", occurred_on=date(2026, 9, 1), staff="Tester (TT)",
        attendees="Søren Østergaard, Bo Holm", summary="Met at the Bornholm water day."))
    return member.id, detail.id, other.id


def _database_text(ctx) -> str:
    """Every value in every table, as one text: where personal data could hide."""
    conn = sqlite3.connect(ctx.workspace.path)
    try:
        parts = []
        for (table,) in conn.execute("select name from sqlite_master where type='table'"):
            for row in conn.execute(f'select * from "{table}"'):
                parts.append(" ".join(str(v) for v in row))
        return "\n".join(parts)
    finally:
        conn.close()


def test_export_holds_everything_about_the_person(ctx, person, tmp_path):
    _member_id, contact_id, _ = person
    data = privacy.contact_data(ctx, contact_id)
    assert data["contact"]["name"] == "Søren Østergaard" and data["contact"]["member"] == "Limfjord Membran ApS"
    assert data["consents"][0]["purpose"] == "Newsletter"
    assert {i["as"] for i in data["interactions"]} == {"contact", "attendee"}
    assert any(h["action"] == "update" and "role" in h["changes"] for h in data["history"])
    path = write_contact_data(tmp_path / "søren.json", data)
    assert json.loads(path.read_text(encoding="utf-8"))["contact"]["email"] == "soren@limfjord.dk"
    assert "Søren" in path.read_text(encoding="utf-8")  # readable, not \u escapes


def test_erasure_removes_the_person_everywhere_and_keeps_counts(ctx, person):
    member_id, contact_id, other_id = person
    assert all(p in _database_text(ctx) for p in PERSONAL[:2])
    before = interactions.list_interactions(ctx, member_id)
    report, changes = privacy.erase_contact(ctx, contact_id, "request")
    assert changes.touches("contacts", "interactions", "audit_log")
    text = _database_text(ctx)
    for value in PERSONAL:
        assert value not in text, f"{value} survived the erasure"
    for escaped in ("s\\u00f8ren", "\\u00d8stergaard"):  # nor in JSON-escaped audit payloads
        assert escaped not in text.lower()
    assert "ØSTERGAARD" not in text
    assert "Bornholm" in text and "Bo Holm" in text  # other people and words untouched
    after = interactions.list_interactions(ctx, member_id)
    assert len(after) == len(before)  # the visit still counts
    assert after[0].attendees == "[erased], Anne Holm"
    assert after[0].summary == "[erased] showed the plant."
    assert after[0].next_step == "Mail [erased] the list"
    assert after[0].contact_name == privacy.ERASED_NAME
    assert after[1].summary == "Call with [erased] about Poland."
    assert members.get_member(ctx, member_id).data.notes == "[erased] founded the company."
    assert [c.name for c in contacts.list_contacts(ctx, member_id)] == ["Anne Holm"]
    assert contacts.list_contacts(ctx, member_id, deleted=True) == []  # nothing left to restore
    assert contacts.get_contact(ctx, other_id).data.is_primary  # the primary role moved on
    assert report.records_touched >= 4 and report.audit_entries_scrubbed >= 3


def test_the_erasure_log_holds_no_personal_data(ctx, person):
    _member_id, contact_id, _ = person
    privacy.erase_contact(ctx, contact_id, "retention")
    conn = sqlite3.connect(ctx.workspace.path)
    rows = conn.execute("select * from erasure_log").fetchall()
    columns = [c[1] for c in conn.execute("pragma table_info(erasure_log)")]
    conn.close()
    assert len(rows) == 1
    entry = dict(zip(columns, rows[0], strict=True))
    assert entry["reason"] == "retention" and entry["subject_kind"] == "contact"
    assert entry["actor"] == "Tester (TT)"
    assert str(contact_id).replace("-", "") not in " ".join(str(v) for v in rows[0])
    assert not any(p in " ".join(str(v) for v in rows[0]) for p in PERSONAL)


def test_an_erased_contact_cannot_come_back_or_be_erased_twice(ctx, person):
    _member_id, contact_id, _ = person
    privacy.erase_contact(ctx, contact_id, "left")
    with pytest.raises(ServiceError):
        contacts.restore_contact(ctx, contact_id)
    with pytest.raises(ServiceError, match="already"):
        privacy.erase_contact(ctx, contact_id, "left")
    with pytest.raises(ServiceError, match="reason"):
        privacy.erase_contact(ctx, contact_id, "because")


def test_erasure_reaches_questionnaire_answers(ctx, person):
    from clusterdesk.domain.questionnaires import AnswerValue
    from clusterdesk.services import answers, surveys

    member_id, contact_id, _ = person
    questionnaire, _ = surveys.install_template(ctx, "phone-campaign")
    answers.save_answer_set(ctx, answers.AnswerSetInput(
        questionnaire_id=questionnaire.id, member_id=member_id, contact_id=contact_id,
        answered_on=date(2026, 11, 2), answers={
            "priorities": AnswerValue(text="Søren Østergaard wants partners in Poland"),
            "notes": AnswerValue(text="Call SØREN ØSTERGAARD on 22 33 44 55 after 14"),
        }))
    privacy.erase_contact(ctx, contact_id, "request")
    text = _database_text(ctx)
    for value in PERSONAL[:3]:
        assert value not in text, f"{value} survived in the answers"
    assert "ØSTERGAARD" not in text
    assert "[erased] wants partners in Poland" in text  # the answer itself still counts
