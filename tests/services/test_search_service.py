"""Finding members and contacts whichever way æ, ø and å are typed: "Rør", "Roer" and "Ror";
"Søren", "Soeren" and "Soren"; "Århus", "Aarhus" and "Arhus" (QA: "ror" found nothing where
"Rør" found 7, and Ctrl+K "soren" nothing where "søren" found 8)."""

from __future__ import annotations

import pytest

from clusterdesk.services import contacts, members, privacy, search
from clusterdesk.services.member_list import MemberFilter
from clusterdesk.services.members import MemberInput


@pytest.fixture
def named(ctx):
    for name, city in (("Roskilde Rør ApS", "Roskilde"), ("Ørsted Vand A/S", "Århus"),
                       ("Oersted Consult", "Aarhus"), ("Müller Wassertechnik GmbH", "Dresden"),
                       ("Vestkyst Pumper A/S", "Esbjerg")):
        detail, _ = members.create_member(ctx, MemberInput(name=name, city=city))
        contacts.create_contact(ctx, detail.id, contacts.ContactInput(
            name={"Roskilde Rør ApS": "Søren Ærø", "Ørsted Vand A/S": "Åse Bøgh"}.get(name, "Jens Hansen"),
            role="Direktør", email=f"mail@{name.split()[0].lower()}.dk"))
    return ctx


def names(ctx, text):
    return sorted(r.name for r in members.member_page(ctx, MemberFilter(text=text), limit=None))


@pytest.mark.parametrize(("typed", "found"), [
    ("Rør", ["Roskilde Rør ApS"]), ("roer", ["Roskilde Rør ApS"]), ("ror", ["Roskilde Rør ApS"]),
    ("Ørsted", ["Oersted Consult", "Ørsted Vand A/S"]), ("orsted", ["Ørsted Vand A/S"]),
    ("oersted", ["Oersted Consult", "Ørsted Vand A/S"]),
    ("Århus", ["Oersted Consult", "Ørsted Vand A/S"]), ("arhus", ["Oersted Consult", "Ørsted Vand A/S"]),
    ("muller", ["Müller Wassertechnik GmbH"]), ("mueller", ["Müller Wassertechnik GmbH"]),
    ("roskilde ror", ["Roskilde Rør ApS"]), ("ror esbjerg", []),
])
def test_the_member_list_finds_every_spelling(named, typed, found):
    assert names(named, typed) == found


def test_ctrl_k_finds_contacts_and_members_whichever_way_it_is_typed(named):
    for typed in ("søren", "soeren", "soren", "Soren Aero", "aro"):
        hits = search.search_everything(named, typed)
        assert [h.title for h in hits if h.kind == "contact"] == ["Søren Ærø"], typed
    assert [h.title for h in search.search_everything(named, "ase bogh") if h.kind == "contact"] == ["Åse Bøgh"]
    assert {h.title for h in search.search_everything(named, "ror") if h.kind == "member"} == {"Roskilde Rør ApS"}
    # A contact's role, email and phone are found as well.
    assert len([h for h in search.search_everything(named, "direktor") if h.kind == "contact"]) == 5
    assert [h.title for h in search.search_everything(named, "mail@roskilde") if h.kind == "contact"] == ["Søren Ærø"]


def test_edits_keep_the_contact_findable_and_erasure_empties_it(named):
    [hit] = [h for h in search.search_everything(named, "soren") if h.kind == "contact"]
    detail = contacts.get_contact(named, hit.id)
    contacts.update_contact(named, hit.id, contacts.ContactInput(
        name="Søren Ærø Jensen", phone="+45 40 40 40 40", version=detail.data.version))
    assert [h.title for h in search.search_everything(named, "4540404040")] == ["Søren Ærø Jensen"]
    privacy.erase_contact(named, hit.id, "request")
    assert search.search_everything(named, "soren") == []
    with named.workspace.engine.connect() as conn:
        assert conn.exec_driver_sql("select search_text from contacts where name = 'Erased contact'"
                                    ).scalar() == ""
