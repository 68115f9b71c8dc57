"""When two organisations or people are probably the same."""

from __future__ import annotations

from clusterdesk.domain.merge_rules import is_blank, merged_value
from clusterdesk.domain.similarity import (
    OrganisationProfile,
    candidate_pairs,
    compare_organisations,
    email_domain,
    organisation_key,
    person_key,
    website_domain,
)


def org(name, **kw):
    return OrganisationProfile(kw.pop("ref", name), name, **kw)


def test_legal_forms_are_left_out_of_the_name_key():
    assert organisation_key("Vestkyst Pumper A/S") == organisation_key("VESTKYST PUMPER APS") == "vestkyst pumper"
    assert organisation_key("Müller Wassertechnik GmbH & Co. KG") == "mueller wassertechnik"
    assert organisation_key("Nordic Filters Ltd.") == organisation_key("Nordic Filters") == "nordic filters"
    assert organisation_key("Aqua Oy") == "aqua"
    assert organisation_key("AS Tools ApS") == "as tools"  # only at the end
    assert organisation_key("A/S") == "a s"  # nothing left: the whole name is kept
    assert person_key("Hansen, Jens") == person_key("jens  hansen")


def test_same_vat_is_certain_and_different_vats_never_match():
    # A number written without its prefix belongs to the member's country.
    match = compare_organisations(org("Vestkyst Pumper A/S", vat="DK12345678"),
                                  org("VK Pumps", vat="12345678", country="DK"))
    assert match.certain and "same CVR/VAT number" in match.reasons
    assert compare_organisations(org("Nord A/S", vat="DK11111111"), org("Nord A/S", vat="DK22222222")) is None


def test_the_same_digits_in_two_countries_are_two_companies():
    """QA: Kiel Umwelt GmbH DE987654321 was offered as a duplicate of Bergen Akva AS
    NO987654321 — the country prefix was dropped before comparing."""
    assert compare_organisations(org("Kiel Umwelt GmbH", vat="DE987654321"),
                                 org("Bergen Akva AS", vat="NO987654321")) is None
    assert compare_organisations(org("Hamburger Wassertechnik GmbH", vat="DE123456789"),
                                 org("London Water Analytics Ltd", vat="123456789", country="GB")) is None
    same = compare_organisations(org("Kiel Umwelt GmbH", vat="DE987654321"),
                                 org("Kiel Umwelt", vat="987654321", country="DE"))
    assert same.certain and same.score == 100
    # Greece writes EL before its VAT numbers; its country code is GR.
    assert compare_organisations(org("Athens Aqua", vat="EL123456789"),
                                 org("Athens Aqua SA", vat="123456789", country="GR")).certain
    pairs = candidate_pairs([org("Kiel Umwelt GmbH", vat="DE987654321", ref=0),
                             org("Bergen Akva AS", vat="NO987654321", ref=1)])
    assert pairs == set()  # not even compared: the numbers are not the same


def test_names_typos_domains_and_phones():
    same = compare_organisations(org("Blå Vand ApS"), org("Blaa Vand A/S"))
    assert same.certain and same.reasons[0] == "same name"
    typo = compare_organisations(org("Vestkyst Pumper ApS"), org("Vestkyst Pumpr ApS"))
    assert typo and not typo.certain and typo.score >= 90
    assert compare_organisations(org("Aarhus Vand"), org("Odense Energi")) is None
    shared = compare_organisations(org("AquaNord", domains=frozenset({"aquanord.dk"})),
                                   org("Aqua Nord Cluster", domains=frozenset({"aquanord.dk"})))
    assert shared and any("aquanord.dk" in r for r in shared.reasons)
    phone = compare_organisations(org("Alpha", phones=frozenset({"+4520304050"})),
                                  org("Beta", phones=frozenset({"+4520304050"})))
    assert phone and not phone.certain and phone.score < 85


def test_free_mail_says_nothing_and_web_domains():
    assert email_domain("jens@gmail.com") == ""
    assert email_domain("Jens@Vestkyst.DK") == "vestkyst.dk"
    assert website_domain("https://www.vestkyst-pumper.dk/om-os") == "vestkyst-pumper.dk"


def test_blocking_finds_the_twin_without_comparing_everything():
    profiles = [org(f"Firma {i:04d} Consult", ref=i) for i in range(2000)]
    profiles.append(org("Firma 0042 Consullt", ref="typo"))
    pairs = candidate_pairs(profiles)
    assert (42, 2000) in pairs
    assert len(pairs) < 2000 * 1999 / 2 / 10


def test_merge_rules_never_blank_a_filled_value():
    assert merged_value("city", "Aarhus", "") == "Aarhus"
    assert merged_value("city", "", "Aarhus") == "Aarhus"
    assert merged_value("city", "Aarhus", "Århus", prefer_other=True) == "Århus"
    assert merged_value("size_band", "unknown", "small") == "small"
    assert merged_value("notes", "A", "B") == "A\n\nB"
    from datetime import date

    assert merged_value("member_since", date(2020, 1, 1), date(2018, 1, 1)) == date(2018, 1, 1)
    assert is_blank("tags", ()) and not is_blank("kind", "sme")
