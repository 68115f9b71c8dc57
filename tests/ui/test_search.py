"""Ctrl+K finds members and contacts and opens them in their tab."""

from __future__ import annotations

from PySide6.QtCore import Qt

from clusterdesk.services.search import search_everything


def test_search_service_finds_members_and_contacts(demo_ctx):
    hits = search_everything(demo_ctx, "limfjord")
    assert hits[0].kind == "member" and hits[0].title == "Limfjord Membran ApS"
    assert search_everything(demo_ctx, "l") == []  # one letter is not a search
    contact_hits = [h for h in search_everything(demo_ctx, "export manager") if h.kind == "contact"]
    assert contact_hits and all("Export manager" in h.detail for h in contact_hits)


def test_ctrl_k_opens_the_member(qtbot, demo_window, monkeypatch):
    from clusterdesk.ui import search_dialog

    opened = {}

    def run_dialog(dialog):
        dialog.search_now("Vestkyst Pumper")
        qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
        opened["ok"] = True
        return 1

    monkeypatch.setattr(search_dialog.SearchDialog, "exec", run_dialog)
    qtbot.keyClick(demo_window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert opened
    page = demo_window.current_page()
    assert page.organisations.editor.name.text() == "Vestkyst Pumper A/S"


def test_contacts_found_with_danish_letters_typed_either_way(ctx):
    from clusterdesk.services import members
    from clusterdesk.store.models import Contact

    detail, _ = members.create_member(ctx, members.MemberInput(name="Mols Miljø ApS"))
    with ctx.uow() as uow:
        uow.session.add(Contact(member_id=detail.id, name="Søren Østergaard", email="so@mols.dk"))
        uow.commit()
    for typed in ("søren", "Søren Øster", "so@mols"):
        assert [h.title for h in search_everything(ctx, typed) if h.kind == "contact"] == ["Søren Østergaard"], typed


def test_partners_and_activities_are_found_and_opened(qtbot, demo_window, monkeypatch):
    from clusterdesk.ui import search_dialog

    ctx = demo_window.controller.ctx
    hits = search_everything(ctx, "hamburg")
    kinds = {(h.kind, h.title) for h in hits}
    assert ("partner", "Wasser Netzwerk Hamburg e.V.") in kinds
    assert ("activity", "Company mission to Hamburg – smart water networks") in kinds
    assert [h.title for h in search_everything(ctx, "weiss") if h.kind == "partner"] == [
        "Wasser Netzwerk Hamburg e.V."]  # a person at the partner, typed without ß

    def run_dialog(dialog):
        dialog.search_now("nordic water")
        qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
        return 1

    monkeypatch.setattr(search_dialog.SearchDialog, "exec", run_dialog)
    qtbot.keyClick(demo_window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    missions = demo_window.current_page()
    assert missions.current_view() is missions.activities
    assert missions.activities.editor.name.text() == "Nordic Water Matchmaking Days 2027"
