"""Contact persons driven like a user: add by keyboard, refused email/phone/country shown at
the field with the typing kept, consents, bin and restore, personal data export and erasure."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from clusterdesk.services import contacts, members

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def page(qtbot, demo_window):
    view = demo_window.show_tab("members").organisations
    qtbot.keyClicks(view.filter_edit, "Limfjord Membran")
    qtbot.keyClick(view.filter_edit, Qt.Key.Key_Return)
    assert view.editor.name.text() == "Limfjord Membran ApS"
    return view


def _message_at(widget) -> str:
    label = widget._field_message
    return label.text() if label.isVisibleTo(widget.window()) else ""


def test_add_a_contact_by_keyboard(qtbot, page):
    ctx = page.controller.ctx
    member_id = page.panel.member_id
    before = len(contacts.list_contacts(ctx, member_id))
    qtbot.keyClick(page, Qt.Key.Key_C, CTRL_SHIFT)
    dialog = page.panel.contacts.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.name.hasFocus)  # the window manager activates the dialog
    assert page.panel.tabs.currentWidget() is page.panel.contacts
    qtbot.keyClicks(dialog.name, "Zaneta Lukasiewicz")  # QTest types ASCII only
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.role, "Export manager")
    qtbot.keyClick(dialog.role, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.email, "zaneta@limfjord-membran.dk")
    qtbot.keyClick(dialog.email, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.phone, "+48 512 345 678")
    assert "+48 512 345 678" in dialog.phone_hint.text()
    dialog.language.setEditText("polski")
    qtbot.keyClick(dialog.name, Qt.Key.Key_S, CTRL)
    assert page.panel.contacts.dialog is None
    rows = contacts.list_contacts(ctx, member_id)
    assert len(rows) == before + 1
    added = next(r for r in rows if r.name == "Zaneta Lukasiewicz")
    detail = contacts.get_contact(ctx, added.id)
    assert (detail.data.phone, detail.phone_e164, detail.data.language) == ("+48 512 345 678", "+48512345678", "pl")
    assert detail.updated_by == "Tina Tester (TT)"
    assert page.panel.contacts.current_contact().id == added.id  # selected after saving
    assert f"Contacts ({before + 1})" == page.panel.tabs.tabText(1)


def test_bad_email_and_phone_are_shown_at_the_field_and_kept(qtbot, page):
    ctx = page.controller.ctx
    page.panel.add_contact()
    dialog = page.panel.contacts.dialog
    qtbot.waitUntil(dialog.name.hasFocus)
    qtbot.keyClicks(dialog.name, "Ole Vestergaard")
    qtbot.keyClicks(dialog.email, "ole.vestergaard@")
    qtbot.keyClicks(dialog.phone, "12 34 56 78")  # Danish numbers never start with 1
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # Enter saves too
    assert dialog.isVisible(), "a refused save keeps the dialog open"
    assert dialog.email.text() == "ole.vestergaard@" and dialog.phone.text() == "12 34 56 78"
    assert dialog.email.property("invalid") and dialog.phone.property("invalid")
    assert "something after the @-sign" in _message_at(dialog.email)
    assert "Denmark" in _message_at(dialog.phone)
    assert not _message_at(dialog.name)
    assert "Email, Phone" in dialog.errors.text()
    assert dialog.email.hasFocus()
    assert not any(r.name == "Ole Vestergaard" for r in contacts.list_contacts(ctx, page.panel.member_id))
    dialog.email.setText("ole@limfjord-membran.dk")
    dialog.phone.setText("22 33 44 55")
    assert dialog.save()
    assert not dialog.email.property("invalid")
    saved = next(r for r in contacts.list_contacts(ctx, page.panel.member_id) if r.name == "Ole Vestergaard")
    assert saved.phone_e164 == "+4522334455" and saved.email == "ole@limfjord-membran.dk"


def test_bad_country_website_and_cvr_are_shown_at_the_field(qtbot, page):
    editor = page.editor
    original = members.get_member(page.controller.ctx, editor.member_id).data
    editor.country.setEditText("Narnia")
    editor.website.setText("limfjord membran")
    editor.vat_number.setText("DK 1234 567")
    assert not editor.save()
    assert editor.country.currentText() == "Narnia"
    assert editor.website.text() == "limfjord membran" and editor.vat_number.text() == "DK 1234 567"
    assert "Narnia" in _message_at(editor.country)
    assert "no spaces" in _message_at(editor.website)
    assert "8 digits" in _message_at(editor.vat_number)
    assert page.panel.state.text() == "● Unsaved changes"
    assert members.get_member(page.controller.ctx, editor.member_id).data == original
    editor.country.setEditText("Danmark")
    editor.website.setText("www.Limfjord-Membran.dk")
    editor.vat_number.setText("dk 01 23 45 67")
    assert editor.save()
    saved = members.get_member(page.controller.ctx, editor.member_id).data
    assert (saved.country, saved.website, saved.vat_number) == ("DK", "https://www.limfjord-membran.dk", "DK01234567")
    assert editor.vat_number.text() == "DK01234567" and not _message_at(editor.country)


def test_consents_are_edited_in_the_contact_dialog(qtbot, page):
    ctx = page.controller.ctx
    page.panel.show_section(1)
    section = page.panel.contacts
    section.view.selectRow(0)
    qtbot.keyClick(section.view, Qt.Key.Key_Return)
    dialog = section.dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    before = len(dialog.consent_rows)
    qtbot.keyClick(dialog, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # &Add consent
    qtbot.waitUntil(lambda: len(dialog.consent_rows) == before + 1)  # a mnemonic animates the click
    row = dialog.consent_rows[-1]
    assert row.purpose.hasFocus() and row.given_on.text() == "27-11-2026"
    row.purpose.setText("Photos at events")
    row.source.setText("phone")
    row.withdrawn_on.setText("31-02-2026")
    assert not dialog.save()
    assert row.withdrawn_on.property("invalid") and "real date" in row.message.text()
    row.withdrawn_on.setText("")
    assert dialog.save(), dialog.errors.text() + " / " + row.message.text()
    detail = contacts.get_contact(ctx, section.current_contact().id)
    assert "Photos at events" in [c.purpose for c in detail.data.consents]
    assert "Photos at events" in section.details.text()


def test_delete_a_contact_to_the_bin_and_restore_it(qtbot, page):
    ctx = page.controller.ctx
    section = page.panel.contacts
    page.panel.show_section(1)
    section.view.selectRow(0)
    name = section.current_contact().name
    count = section.model.rowCount()
    qtbot.keyClick(section.view, Qt.Key.Key_Delete)
    assert section.model.rowCount() == count - 1
    assert name not in [r.name for r in contacts.list_contacts(ctx, page.panel.member_id)]
    section.bin.setChecked(True)
    assert [r.name for r in section.model.rows()] == [name]
    section.view.selectRow(0)
    qtbot.keyClick(section.view, Qt.Key.Key_Delete)  # in the bin, Del restores
    assert name in [r.name for r in contacts.list_contacts(ctx, page.panel.member_id)]


def test_export_and_erase_personal_data(qtbot, page, tmp_path):
    ctx = page.controller.ctx
    section = page.panel.contacts
    section.view.selectRow(0)
    person = section.current_contact()
    target = tmp_path / "person.json"
    section.export_personal_data(target)
    assert json.loads(target.read_text(encoding="utf-8"))["contact"]["name"] == person.name
    assert section.erase_personal_data("request")
    remaining = [r.name for r in contacts.list_contacts(ctx, page.panel.member_id)]
    assert person.name not in remaining
    assert contacts.get_contact(ctx, person.id).erased


def test_the_contacts_model_passes_the_model_tester(qtmodeltester, page):
    qtmodeltester.check(page.panel.contacts.model)
    qtmodeltester.check(page.panel.interactions.model)
