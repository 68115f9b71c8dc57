"""The list on screen (MemberListing) gives exactly what the plain queries give, whichever
way it reads: from remembered row keys while typing narrows, or by page and count."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from clusterdesk.services import members
from clusterdesk.services.member_list import MemberFilter, MemberListing, member_position
from clusterdesk.services.members import MemberInput
from clusterdesk.store.models import Interaction

CITIES = ("Aarhus", "Aalborg", "Esbjerg", "Vejle", "Odense")
STEMS = ("Aqua", "Blå", "Vestkyst", "Grøn", "Klar")


SECTORS = ("Wastewater", "Øresund water", "Aquaculture", "drinking water")


@pytest.fixture
def many(ctx):
    rng = random.Random(7)
    with ctx.uow() as uow:  # one transaction: 260 commits would only slow the suite down
        for i in range(260):
            member = members.add_member(uow.session, members.validate_member(MemberInput(
                name=f"{rng.choice(STEMS)} {rng.choice(('Pumper', 'Filter', 'Miljø'))} {i % 37} ApS",
                city=rng.choice(CITIES) if i % 9 else "", kind=rng.choice(("sme", "research")),
                international_orientation=rng.choice(("none", "latent", "active")),
                sectors=tuple(rng.sample(SECTORS, rng.choice((0, 1, 2)))),
                tags=("board member",) if i % 5 == 0 else ())), ctx.today())
            for _ in range(rng.choice((0, 0, 1, 3))):  # some never contacted
                uow.session.add(Interaction(member_id=member.id, kind="visit",
                                            occurred_on=date(2026, 1, 1) + timedelta(rng.randint(0, 300))))
        uow.commit()
    return ctx


def _everything(listing: MemberListing, page: int = 60) -> list:
    rows, offset = [], 0
    while offset < listing.count():
        rows += listing.page(offset, page)
        offset += page
    return [r.id for r in rows]


@pytest.mark.parametrize(("sort", "descending"), [
    ("name", False), ("name", True), ("city", False), ("last_interaction_on", False),
    ("last_interaction_on", True), ("sectors", False), ("tags", True)])
def test_typing_gives_the_same_list_as_the_plain_queries(many, sort, descending):
    previous = None
    used_keys = False
    for text in ("a", "aq", "aqu", "aqua", "aqua p", "aqua pu", "aqua", "v", "ve", "ves", "vest"):
        f = MemberFilter(text=text, kind="sme" if "p" in text else None)
        listing = MemberListing(many, f, sort=sort, descending=descending, previous=previous)
        used_keys |= listing.keys is not None
        plain = members.member_page(many, f, sort=sort, descending=descending, limit=None)
        assert listing.count() == members.count_members(many, f) == len(plain)
        assert _everything(listing) == [r.id for r in plain], text
        previous = listing
    assert used_keys, "narrowing a small list reuses the row keys"


def test_only_a_narrowing_filter_reuses_the_keys(many):
    small = MemberListing(many, MemberFilter(text="aqua"))
    small.count()
    assert MemberListing(many, MemberFilter(text="aqua pump"), previous=small).keys is not None
    assert MemberListing(many, MemberFilter(text="aqu"), previous=small).keys is None  # wider
    assert MemberListing(many, MemberFilter(text="aqua", deleted=True), previous=small).keys is None


def test_narrows():
    assert MemberFilter(text="aqua k").narrows(MemberFilter(text="aqua"))
    assert MemberFilter(text="aquak").narrows(MemberFilter(text="aqua"))
    assert MemberFilter(text="klima aqua").narrows(MemberFilter(text="aqua"))
    assert MemberFilter(text="aqua", status="active").narrows(MemberFilter(text="aqua"))
    assert not MemberFilter(text="aqu").narrows(MemberFilter(text="aqua"))
    assert not MemberFilter(text="aqua").narrows(MemberFilter(text="aqua", status="active"))
    assert not MemberFilter(text="aqua", status="paused").narrows(MemberFilter(status="active"))


def test_narrows_knows_both_spellings():
    assert MemberFilter(text="rø").narrows(MemberFilter(text="r"))
    assert MemberFilter(text="roe").narrows(MemberFilter(text="rø"))  # roe ⊂ roe or ro
    # "rø" also finds "Ror" (ø typed as o), which "roe" does not: not a narrowing.
    assert not MemberFilter(text="rø").narrows(MemberFilter(text="roe"))


@pytest.mark.parametrize(("sort", "descending"), [
    ("name", False), ("city", True), ("last_interaction_on", False), ("sectors", True)])
def test_a_members_position_in_the_filtered_sorted_list(many, sort, descending):
    for text in ("", "aqua", "vest p"):
        f = MemberFilter(text=text)
        rows = members.member_page(many, f, sort=sort, descending=descending, limit=None)
        listing = MemberListing(many, f, sort=sort, descending=descending)
        for n in (0, len(rows) // 2, len(rows) - 1):
            assert member_position(many, rows[n].id, f, sort=sort, descending=descending) == n
            assert listing.position(rows[n].id) == n
    outside = members.member_page(many, MemberFilter(text="klar"), limit=1)[0]
    assert member_position(many, outside.id, MemberFilter(text="aqua")) is None
    assert MemberListing(many, MemberFilter(text="aqua")).position(outside.id) is None


def test_sorted_by_last_contact_never_contacted_first(many):
    rows = members.member_page(many, sort="last_interaction_on", limit=None)
    dates = [r.last_interaction_on for r in rows]
    never = dates.count(None)
    assert 0 < never < len(rows) and dates[:never] == [None] * never
    assert dates[never:] == sorted(dates[never:])
    newest_first = members.member_page(many, sort="last_interaction_on", descending=True, limit=None)
    assert [r.last_interaction_on for r in newest_first][:len(rows) - never] == sorted(dates[never:], reverse=True)


def test_sorted_by_sectors_and_tags_by_their_first_label_blanks_last(many):
    from clusterdesk.domain.text import sort_key

    for key, descending in (("sectors", False), ("sectors", True), ("tags", False)):
        rows = members.member_page(many, sort=key, descending=descending, limit=None)
        firsts = [sort_key(getattr(r, key)[0]) if getattr(r, key) else None for r in rows]
        filled = [f for f in firsts if f is not None]
        assert firsts == filled + [None] * (len(firsts) - len(filled))  # blanks last either way
        assert filled == sorted(filled, reverse=descending)
    # "Øresund water" is shown (and sorted) as the Danish letters fold: before "Wastewater".
    row = next(r for r in members.member_page(many, limit=None) if set(r.sectors) == {"Øresund water", "Wastewater"})
    assert row.sectors == ("Øresund water", "Wastewater")
