"""Members ▸ Duplicates driven like a user: the look-alikes found, the side-by-side merge with
a value picked from the other record, and the merge undone from the recent merges."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt

from clusterdesk.services import members as member_service
from clusterdesk.ui.members.merge_dialog import OTHER, MergeDialog


@pytest.fixture(autouse=True)
def _destroy_dialogs(demo_window):
    yield
    import shiboken6

    for dialog in demo_window.findChildren(MergeDialog):
        if shiboken6.isValid(dialog):
            shiboken6.delete(dialog)


@pytest.fixture
def view(qtbot, demo_window):
    ctx = demo_window.controller.ctx
    # A second record of a demo member, as a careless earlier import would have left it.
    member_service.create_member(ctx, member_service.MemberInput(
        name="Vestkyst Pumper", city="Esbjerg", postcode="6700", address="Havnegade 12",
        sectors=("Pumps",)))
    return demo_window.show_tab("members").show_section("Duplicates")


def interactions_of(ctx, member_id) -> int:
    conn = sqlite3.connect(ctx.workspace.path)
    try:
        return conn.execute("select count(*) from interactions where member_id = ? and deleted_at is null",
                            (member_id.hex,)).fetchone()[0]
    finally:
        conn.close()


def test_find_merge_and_undo(qtbot, demo_window, view, monkeypatch):
    ctx = demo_window.controller.ctx
    organisations = demo_window.show_tab("members").organisations
    demo_window.show_tab("members").show_section("Duplicates")
    names = [(p.a.name, p.b.name) for p in view.pairs_model.rows()]
    assert ("Vestkyst Pumper A/S", "Vestkyst Pumper") in names or ("Vestkyst Pumper", "Vestkyst Pumper A/S") in names
    assert "likely duplicate" in view.count_label.text()
    pair = next(p for p in view.pairs_model.rows() if "Vestkyst" in p.a.name)
    demo_id = pair.a.id if pair.a.name.endswith("A/S") else pair.b.id
    before = member_service.get_member(ctx, demo_id)
    demo_interactions = interactions_of(ctx, demo_id)

    dialog = view.merge_dialog(pair)
    dialog.show()
    dialog.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: dialog.isActiveWindow())
    assert dialog.preview.keep.id == demo_id  # the record with contacts and history is kept
    fields = {f.key: f for f in dialog.preview.fields}
    assert fields["address"].result == "Havnegade 12"  # the blank is filled from the other
    assert "name" in dialog.choices and "city" not in dialog.choices  # equal values: no choice
    dialog.choose("name", OTHER)
    assert dialog.results["name"].text() == "Vestkyst Pumper"
    dialog.choose("name", 0)
    qtbot.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # swap …
    assert dialog.preview.keep.id != demo_id
    dialog.swap()  # … and back
    dialog.merge()
    assert dialog.result() == MergeDialog.DialogCode.Accepted

    merged = member_service.get_member(ctx, demo_id)
    assert merged.data.name == "Vestkyst Pumper A/S" and merged.data.address == "Havnegade 12"
    assert merged.contact_count == before.contact_count
    assert interactions_of(ctx, demo_id) == demo_interactions
    assert "Pumps" in merged.data.sectors
    assert member_service.count_members(ctx) == 80
    demo_window.show_tab("members").show_section("Organisations")
    assert organisations.model.rowCount() == 80  # the list follows the merge
    demo_window.show_tab("members").show_section("Duplicates")
    assert not any("Vestkyst" in p.a.name for p in view.pairs_model.rows())
    [recent] = view.merges_model.rows()
    assert recent.kept_name == "Vestkyst Pumper A/S" and recent.merged_name == "Vestkyst Pumper"

    from clusterdesk.ui.members import duplicates as module

    monkeypatch.setattr(module, "confirm", lambda *a, **k: True)
    assert view.undo_button.isEnabled()
    view.undo_button.click()
    assert member_service.count_members(ctx) == 81
    from dataclasses import replace

    assert replace(member_service.get_member(ctx, demo_id).data, version=0) == replace(before.data, version=0)
    assert view.merges_model.rows()[0].undone_at is not None
    assert any("Vestkyst" in p.a.name for p in view.pairs_model.rows())


def test_contacts_are_compared_too(qtbot, demo_window, view):
    ctx = demo_window.controller.ctx
    conn = sqlite3.connect(ctx.workspace.path)
    member_id, name, email = conn.execute(
        "select member_id, name, email from contacts order by name limit 1").fetchone()
    conn.close()
    import uuid

    from clusterdesk.store.models import Contact

    with ctx.uow() as uow:
        uow.session.add(Contact(member_id=uuid.UUID(member_id), name=name.upper(), email=""))
        uow.commit()
    view.kind_combo.setCurrentIndex(1)
    pairs = view.pairs_model.rows()
    assert all(p.entity == "contacts" for p in pairs)
    [pair] = [p for p in pairs if name.upper() in (p.a.name, p.b.name)]
    assert "same member" in pair.reason_text
    assert "email address" in view.hint.text()
    dialog = view.merge_dialog(pair)
    fields = {f.key: f for f in dialog.preview.fields}
    assert fields["email"].result == email
    dialog.merge()
    assert not any(name.upper() in (p.a.name, p.b.name) for p in view.pairs_model.rows())
    assert len(view.pairs_model.rows()) == len(pairs) - 1


def test_the_merge_offers_to_merge_a_person_who_is_a_contact_of_both(qtbot, demo_window, view):
    """QA: after merging two members the same person was there twice."""
    ctx = demo_window.controller.ctx
    from clusterdesk.services import contacts as contact_service

    pair = next(p for p in view.pairs_model.rows() if "Vestkyst" in p.a.name)
    demo_id = pair.a.id if pair.a.name.endswith("A/S") else pair.b.id
    copy_id = pair.b.id if demo_id == pair.a.id else pair.a.id
    contact_service.create_contact(ctx, demo_id, contact_service.ContactInput(
        name="Åse Bøgh", email="aase@vestkystpumper.dk"))
    people = contact_service.list_contacts(ctx, demo_id)
    for person in people:  # the careless import brought the same people along
        contact_service.create_contact(ctx, copy_id, contact_service.ContactInput(
            name=person.name, email=person.email.upper()))
    dialog = view.merge_dialog(pair)
    assert dialog.preview.keep.id == demo_id
    boxes = dialog.person_boxes
    assert len(people) == 2 and len(boxes) == len(people)
    assert {(p.keep.name, p.other.name, p.reason) for p, _box in boxes} == {
        (c.name, c.name, "same email") for c in people}
    assert all(box.isChecked() for _p, box in boxes)
    boxes[-1][1].setChecked(False)  # this one is kept apart
    said = []
    dialog.controller.status.connect(said.append)
    dialog.merge()
    assert said[-1].endswith(", and 1 person who was a contact of both.")
    kept = contact_service.list_contacts(ctx, demo_id)
    assert len(kept) == len(people) + 1
    assert sorted(c.name for c in kept).count(boxes[-1][0].keep.name) == 2
    assert sum(c.is_primary for c in kept) == 1
