"""Contact persons: validation at the service, primary contact, consents, bin and conflicts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from clusterdesk.services import contacts, members
from clusterdesk.services.contacts import ConsentInput, ContactInput
from clusterdesk.services.errors import ConflictError, ServiceError, ValidationError
from clusterdesk.services.members import MemberInput


@pytest.fixture
def member_id(ctx):
    detail, _ = members.create_member(ctx, MemberInput(name="Limfjord Membran ApS", country="DK"))
    return detail.id


def test_contact_is_validated_and_stored_with_e164(ctx, member_id):
    detail, changes = contacts.create_contact(ctx, member_id, ContactInput(
        name="  Søren   Østergaard ", role="Export manager", email="Soren@Limfjord.DK",
        phone="22 33 44 55", language="dansk"))
    assert changes.touches("contacts")
    assert detail.data.name == "Søren Østergaard"
    assert detail.data.email == "Soren@limfjord.dk"
    assert detail.data.phone == "22 33 44 55"  # what was typed stays
    assert detail.phone_e164 == "+4522334455"
    assert detail.phone_display == "+45 22 33 44 55"
    assert detail.data.language == "da"
    assert detail.updated_by == "Tester (TT)"
    row = contacts.list_contacts(ctx, member_id)[0]
    assert (row.phone, row.language_name, row.is_primary) == ("+45 22 33 44 55", "Danish", True)


def test_phone_uses_the_members_country(ctx):
    german, _ = members.create_member(ctx, MemberInput(name="Wasser GmbH", country="DE"))
    detail, _ = contacts.create_contact(ctx, german.id, ContactInput(name="Jörg Weiß", phone="030 1234567"))
    assert detail.phone_e164 == "+49301234567"


def test_every_bad_field_is_named(ctx, member_id):
    with pytest.raises(ValidationError) as refused:
        contacts.create_contact(ctx, member_id, ContactInput(
            name=" ", email="jens@", phone="12 34 56 78", language="Klingon",
            consents=(ConsentInput("", None), ConsentInput("Newsletter", date(2026, 5, 1),
                                                             withdrawn_on=date(2026, 4, 1)))))
    errors = refused.value.errors
    assert set(errors) == {"name", "email", "phone", "language", "consent 1", "consent 2"}
    assert "Denmark" in errors["phone"]
    assert "Klingon" in errors["language"]
    assert "before it was given" in errors["consent 2"]
    assert contacts.list_contacts(ctx, member_id) == []  # nothing half-saved
    # A number in a range not in use is kept by an import (with a remark), but the person
    # at the keyboard is asked to fix it.
    with pytest.raises(ValidationError) as refused:
        contacts.create_contact(ctx, member_id, ContactInput(name="Jens", phone="+45 2000 0000"))
    assert "not in a number range in use in Denmark (+45)" in refused.value.errors["phone"]


def test_one_primary_contact_per_member(ctx, member_id):
    first, _ = contacts.create_contact(ctx, member_id, ContactInput(name="Anne Holm"))
    second, _ = contacts.create_contact(ctx, member_id, ContactInput(name="Bo Dahl"))
    assert [r.name for r in contacts.list_contacts(ctx, member_id) if r.is_primary] == ["Anne Holm"]
    contacts.update_contact(ctx, second.id, replace(second.data, is_primary=True))
    assert [r.name for r in contacts.list_contacts(ctx, member_id) if r.is_primary] == ["Bo Dahl"]
    contacts.delete_contact(ctx, second.id)  # the primary goes to the bin: another takes over
    assert [r.name for r in contacts.list_contacts(ctx, member_id) if r.is_primary] == ["Anne Holm"]
    assert contacts.get_contact(ctx, first.id).data.is_primary


def test_consents_are_added_withdrawn_and_removed(ctx, member_id):
    detail, _ = contacts.create_contact(ctx, member_id, ContactInput(
        name="Ida Skov", consents=(ConsentInput("Newsletter", date(2025, 3, 1), "membership form"),
                                   ConsentInput("Photos at events", date(2025, 6, 1)))))
    assert [c.purpose for c in detail.data.consents] == ["Newsletter", "Photos at events"]
    newsletter, photos = detail.data.consents
    updated, changes = contacts.update_contact(ctx, detail.id, replace(
        detail.data, consents=(replace(newsletter, withdrawn_on=date(2026, 11, 1)),)))
    assert changes.touches("consent_records")
    assert len(updated.data.consents) == 1
    assert updated.data.consents[0].withdrawn_on == date(2026, 11, 1)
    assert updated.data.consents[0].id == newsletter.id  # the same record, not a new one
    assert contacts.list_contacts(ctx, member_id)[0].consent == "Withdrawn"


def test_delete_to_the_bin_and_restore(ctx, member_id):
    detail, _ = contacts.create_contact(ctx, member_id, ContactInput(name="Mads Lund"))
    contacts.delete_contact(ctx, detail.id)
    assert contacts.list_contacts(ctx, member_id) == []
    assert [r.name for r in contacts.list_contacts(ctx, member_id, deleted=True)] == ["Mads Lund"]
    contacts.restore_contact(ctx, detail.id)
    assert [r.name for r in contacts.list_contacts(ctx, member_id)] == ["Mads Lund"]
    assert members.get_member(ctx, member_id).contact_count == 1


def test_a_stale_save_is_refused_with_both_values(ctx, member_id):
    detail, _ = contacts.create_contact(ctx, member_id, ContactInput(name="Line Bach", role="CEO"))
    contacts.update_contact(ctx, detail.id, replace(detail.data, role="Chair"))
    with pytest.raises(ConflictError) as conflict:
        contacts.update_contact(ctx, detail.id, replace(detail.data, role="Founder"))
    assert conflict.value.differences["role"] == ("Chair", "Founder")
    assert contacts.get_contact(ctx, detail.id).data.role == "Chair"


def test_no_contacts_for_a_member_in_the_bin(ctx, member_id):
    members.delete_member(ctx, member_id)
    with pytest.raises(ServiceError):
        contacts.create_contact(ctx, member_id, ContactInput(name="Late Comer"))


def test_every_demo_contact_and_member_passes_validation(demo_ctx):
    """Editing any demo record must not be refused for data the demo itself made up."""
    for row in members.member_page(demo_ctx, limit=None):
        member = members.get_member(demo_ctx, row.id)
        members.validate_member(member.data)
        for contact in contacts.list_contacts(demo_ctx, row.id):
            detail = contacts.get_contact(demo_ctx, contact.id)
            contacts.validate_contact(detail.data, member.data.country)
