"""The one-page member profile, parsed back with pypdf: the member's name, contacts, markets,
needs and interactions are there, in every European spelling, on exactly one page."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from clusterdesk.exports.pdf.member_profile import write_member_profile
from clusterdesk.services import contacts, interactions, members
from clusterdesk.services.contacts import ConsentInput, ContactInput
from clusterdesk.services.interactions import InteractionInput
from clusterdesk.services.member_profile import member_profile
from clusterdesk.services.members import MemberInput

TODAY = date(2026, 11, 27)
LONG_NAME = ("Østjysk Vandteknologi og Klimatilpasning – Forsknings- og Innovationscenter for "
             "Spildevand, Drikkevand og Grundvandsbeskyttelse ApS")


@pytest.fixture
def rich_member(ctx):
    detail, _ = members.create_member(ctx, MemberInput(
        name=LONG_NAME, kind="research", size_band="medium", country="DK", city="Århus",
        postcode="8000", address="Åboulevarden 12", website="www.østjysk-vand.dk",
        vat_number="DK 01 23 45 67", member_since=date(2019, 3, 1),
        international_orientation="defined", sectors=("Wastewater", "Drinking water"),
        tags=("EU projects",), markets=("PL", "LT", "DE"), notes="Strong in membranes. " * 80))
    people = [("Søren Ærøskøbing-Østergaard", "CEO", "22 33 44 55"),
              ("Łukasz Wiśniewski-Żółkiewski", "Export manager", "+48 512 345 678"),
              ("Žydrūnė Šimkūnaitė", "Head of R&D", "+370 612 34567")]
    for number, (name, role, phone) in enumerate(people):
        contacts.create_contact(ctx, detail.id, ContactInput(
            name=name, role=role, phone=phone, email=f"person{number}@example.dk",
            language=("da", "pl", "lt")[number], is_primary=number == 0,
            consents=(ConsentInput("Newsletter", date(2025, 1, 1), "phone"),)))
    for days in range(12):
        interactions.log_interaction(ctx, detail.id, InteractionInput(
            kind=("visit", "phone_call", "meeting")[days % 3], occurred_on=TODAY - timedelta(days=10 * days),
            staff="Mette Kjær (MK)", summary=f"Talk number {days} about Gdańsk and Vilnius. " * 6,
            needs=f"Need {days % 4}: partners in Łódź", next_step="Send the Kaunas contact list",
            follow_up_on=TODAY + timedelta(days=days) if days < 2 else None))
    return detail.id


def test_profile_gathers_facts_contacts_needs_and_markets(ctx, rich_member):
    profile = member_profile(ctx, rich_member)
    assert profile.member.data.name == LONG_NAME
    assert [c.name for c in profile.contacts][0] == "Søren Ærøskøbing-Østergaard"  # primary first
    assert [m.country for m in profile.markets] == ["DE", "LT", "PL"]
    assert profile.interaction_count == 12 and len(profile.interactions) == 5
    assert profile.interactions[0].occurred_on == TODAY
    assert [n.text for n in profile.needs] == [f"Need {i}: partners in Łódź" for i in (0, 1, 2, 3)]
    assert len(profile.open_follow_ups) == 2


def test_pdf_is_one_page_with_every_name_spelled_right(ctx, rich_member, tmp_path):
    path = write_member_profile(tmp_path / "profile.pdf", member_profile(ctx, rich_member))
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    # Table cells wrap long names; compare without the line breaks.
    text = "".join(reader.pages[0].extract_text().split())
    for expected in ("Østjysk Vandteknologi", "Søren Ærøskøbing-Østergaard",
                     "Łukasz Wiśniewski-Żółkiewski", "Žydrūnė Šimkūnaitė", "+48 512 345 678",
                     "Poland", "Lithuania", "Germany", "partners in Łódź", "Århus",
                     "DK01234567", "Latest interactions", "Open follow-ups"):
        assert "".join(expected.split()) in text, expected
    assert reader.metadata.title == f"Member profile — {LONG_NAME}"


def test_pdf_of_a_member_with_nothing_recorded(ctx, tmp_path):
    detail, _ = members.create_member(ctx, MemberInput(name="Tom ApS"))
    path = write_member_profile(tmp_path / "empty.pdf", member_profile(ctx, detail.id))
    text = PdfReader(path).pages[0].extract_text()
    assert "Tom ApS" in text and "No contact persons recorded." in text
    assert "No interactions logged yet." in text


def test_contacts_table_wraps_only_where_a_reader_would(ctx, tmp_path):
    """QA: email addresses broke mid-word and the consent took four lines. An address too wide
    breaks after its @; a consent is its purpose (two lines at most) and its date."""
    detail, _ = members.create_member(ctx, MemberInput(name="Bornholm Rørteknik A/S"))
    contacts.create_contact(ctx, detail.id, ContactInput(
        name="Peter Sørensen", role="CEO", email="peter.soerensen@bornholmroerteknik.dk",
        phone="35 44 11 79", consents=(ConsentInput(
            "Newsletter and invitations to cluster activities and the annual member survey",
            date(2023, 12, 9), "membership form"),)))
    contacts.create_contact(ctx, detail.id, ContactInput(
        name="Ida Søgaard", email="ida@brt.dk", consents=(ConsentInput(
            "Newsletter", date(2024, 1, 2), withdrawn_on=date(2025, 3, 1)),)))
    path = write_member_profile(tmp_path / "p.pdf", member_profile(ctx, detail.id))
    lines = [" ".join(line.split()) for line in PdfReader(path).pages[0].extract_text().splitlines()]
    joined = "\n".join(lines)
    assert "peter.soerensen@" in joined and "bornholmroerteknik.dk" in joined  # whole parts
    assert not any(line.endswith(("bornholm", "roerte")) for line in lines)
    assert "given 9 Dec 2023" in joined and "Withdrawn" in joined
    purpose_lines = [line for line in lines if "Newsletter" in line or "invitations" in line
                     or "activities" in line or "annual member" in line]
    assert len(purpose_lines) <= 2 and "…" in joined  # cut after a whole word
