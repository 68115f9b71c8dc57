"""The list on screen (MemberListing) gives exactly what the plain queries give, whichever
way it reads: from remembered row keys while typing narrows, or by page and count."""

from __future__ import annotations

import random

import pytest

from clusterdesk.services import members
from clusterdesk.services.member_list import MemberFilter, MemberListing
from clusterdesk.services.members import MemberInput

CITIES = ("Aarhus", "Aalborg", "Esbjerg", "Vejle", "Odense")
STEMS = ("Aqua", "Blå", "Vestkyst", "Grøn", "Klar")


@pytest.fixture
def many(ctx):
    rng = random.Random(7)
    with ctx.uow() as uow:  # one transaction: 260 commits would only slow the suite down
        for i in range(260):
            members.add_member(uow.session, members.validate_member(MemberInput(
                name=f"{rng.choice(STEMS)} {rng.choice(('Pumper', 'Filter', 'Miljø'))} {i % 37} ApS",
                city=rng.choice(CITIES), kind=rng.choice(("sme", "research")),
                international_orientation=rng.choice(("none", "latent", "active")))), ctx.today())
        uow.commit()
    return ctx


def _everything(listing: MemberListing, page: int = 60) -> list:
    rows, offset = [], 0
    while offset < listing.count():
        rows += listing.page(offset, page)
        offset += page
    return [r.id for r in rows]


@pytest.mark.parametrize(("sort", "descending"), [("name", False), ("name", True), ("city", False)])
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
