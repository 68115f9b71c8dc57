from datetime import date

from clusterdesk.services import members, today
from clusterdesk.services.members import MemberFilter, MemberInput


def test_filter_matches_every_word_across_fields(ctx):
    members.create_member(ctx, MemberInput(name="Vestkyst Pumper A/S", city="Esbjerg",
                                           sectors=("Wastewater",), tags=("export-ready",)))
    members.create_member(ctx, MemberInput(name="Limfjord Membran ApS", city="Aalborg",
                                           sectors=("Drinking water",)))
    members.create_member(ctx, MemberInput(name="Søndergaard Rør I/S", city="Århus"))

    def names(text):
        return [r.name for r in members.member_page(ctx, MemberFilter(text=text))]

    assert names("esbj") == ["Vestkyst Pumper A/S"]
    assert names("water") == ["Limfjord Membran ApS", "Vestkyst Pumper A/S"]
    assert names("pump export") == ["Vestkyst Pumper A/S"]
    assert names("soender") == ["Søndergaard Rør I/S"]  # ø folds to oe
    assert names("aarhus") == ["Søndergaard Rør I/S"]
    assert names("denmark") == names("danmark") != []
    assert names("100%") == []  # % is literal, not a wildcard


def test_paging_sorting_and_counting(ctx):
    for i in range(250):
        members.create_member(ctx, MemberInput(name=f"Firma {i:03d} ApS", city="Odense" if i % 2 else "Vejle"))
    f = MemberFilter(text="vejle")
    assert members.count_members(ctx, f) == 125
    first = members.member_page(ctx, f, offset=0, limit=100)
    rest = members.member_page(ctx, f, offset=100, limit=100)
    assert len(first) == 100 and len(rest) == 25
    assert first[0].name == "Firma 000 ApS" and rest[-1].name == "Firma 248 ApS"
    desc = members.member_page(ctx, f, descending=True, limit=1)
    assert desc[0].name == "Firma 248 ApS"


def test_rows_carry_tags_sectors_and_last_contact(demo_ctx):
    rows = members.member_page(demo_ctx, MemberFilter(text="Danish Institute for Water Research"))
    assert rows and rows[0].sectors == ("Drinking water", "Wastewater")
    assert "test facility" in rows[0].tags


def test_markets_are_saved_from_the_profile(ctx):
    detail, _ = members.create_member(ctx, MemberInput(name="Klar Sensor ApS", markets=("de", "SE")))
    assert detail.data.markets == ("DE", "SE")
    updated, _ = members.update_member(ctx, detail.id, MemberInput(
        name="Klar Sensor ApS", markets=("SE", "NO"), version=detail.data.version))
    assert updated.data.markets == ("NO", "SE")


def test_follow_ups_become_agenda_items_and_can_be_done(demo_ctx):
    items = today.agenda(demo_ctx)
    assert items, "the demo has open follow-ups"
    assert items == sorted(items, key=lambda i: i.due)
    overdue = [i for i in items if i.is_overdue(demo_ctx.today())]
    assert overdue, "the demo shows some overdue follow-ups"
    follow_up = next(i for i in items if i.kind == "follow-up")
    changes = today.complete_follow_up(demo_ctx, follow_up.record_id)
    assert changes.touches("interactions")
    assert follow_up.record_id not in {i.record_id for i in today.agenda(demo_ctx)}


def test_demo_is_believable(demo_ctx):
    rows = members.member_page(demo_ctx, limit=None)
    assert len(rows) == 80
    assert {r.city for r in rows} >= {"Aarhus", "Esbjerg", "Aalborg"}
    assert any(r.kind == "research" for r in rows) and any(r.kind == "public_body" for r in rows)
    assert all(r.member_since is None or r.member_since <= date(2026, 11, 27) for r in rows)
