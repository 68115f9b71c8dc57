"""DESIGN §4.1, §4.9: one action = one transaction; who and when on every row; audit trail;
optimistic versions; tombstones."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from clusterdesk.services import members
from clusterdesk.services.errors import ConflictError, ValidationError
from clusterdesk.store.models import AuditEntry, Member


def test_failed_transaction_leaves_nothing(ctx):
    with pytest.raises(RuntimeError), ctx.uow() as uow:
        uow.session.add(Member(name="Half saved ApS", sort_name="half saved aps"))
        uow.session.flush()
        raise RuntimeError("power cut")
    assert members.count_members(ctx) == 0


def test_rows_carry_who_when_version(ctx):
    detail, changes = members.create_member(ctx, members.MemberInput(name="Vestkyst Pumper A/S"))
    assert changes.touches("members")
    with ctx.uow() as uow:
        row = uow.session.get(Member, detail.id)
        assert row.updated_by == "Tester (TT)"
        assert row.created_at.tzinfo is not None
        assert row.version == 1
    updated, _ = members.update_member(ctx, detail.id, members.MemberInput(
        name="Vestkyst Pumper A/S", city="Esbjerg", version=detail.data.version))
    assert updated.data.version == 2


def test_audit_trail_records_changes(ctx):
    detail, _ = members.create_member(ctx, members.MemberInput(name="Klar Filter ApS", city="Odense"))
    members.update_member(ctx, detail.id, members.MemberInput(
        name="Klar Filter ApS", city="Vejle", version=detail.data.version))
    members.delete_member(ctx, detail.id)
    members.restore_member(ctx, detail.id)
    with ctx.uow() as uow:
        entries = [(e.action, e.changes, e.actor) for e in uow.session.scalars(
            select(AuditEntry).where(AuditEntry.entity_id == detail.id).order_by(AuditEntry.at))]
    assert [action for action, _, _ in entries] == ["insert", "update", "delete", "restore"]
    assert entries[1][1] == {"city": ["Odense", "Vejle"]}
    assert all(actor == "Tester (TT)" for _, _, actor in entries)


def test_stale_edit_is_refused_with_both_values(ctx):
    detail, _ = members.create_member(ctx, members.MemberInput(name="Mols Miljø ApS", city="Ebeltoft"))
    mine = members.MemberInput(name="Mols Miljø ApS", city="Aarhus", version=detail.data.version)
    members.update_member(ctx, detail.id, members.MemberInput(
        name="Mols Miljø ApS", city="Grenaa", version=detail.data.version))
    with pytest.raises(ConflictError) as conflict:
        members.update_member(ctx, detail.id, mine)
    assert conflict.value.differences["city"] == ("Grenaa", "Aarhus")
    assert "Grenaa" in str(conflict.value) and "Aarhus" in str(conflict.value)
    assert members.get_member(ctx, detail.id).data.city == "Grenaa"


def test_delete_is_a_tombstone_and_restorable(ctx):
    detail, _ = members.create_member(ctx, members.MemberInput(name="Thy Energi A/S"))
    members.delete_member(ctx, detail.id)
    assert members.count_members(ctx) == 0
    assert members.count_members(ctx, members.MemberFilter(deleted=True)) == 1
    members.restore_member(ctx, detail.id)
    assert members.count_members(ctx) == 1


def test_validation_names_the_field(ctx):
    with pytest.raises(ValidationError) as bad:
        members.create_member(ctx, members.MemberInput(name="   ", kind="spaceship"))
    assert set(bad.value.errors) == {"name", "kind"}
