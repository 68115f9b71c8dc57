"""What people type into organisation and contact fields, normalised or refused with a reason."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from clusterdesk.domain import validation as v
from clusterdesk.domain.languages import language_choices, language_name, resolve_language
from clusterdesk.domain.validation import (
    InvalidValue,
    format_phone,
    normalise_email,
    normalise_vat_number,
    normalise_website,
    parse_phone,
)


@pytest.mark.parametrize(("typed", "clean"), [
    ("www.Firma.DK", "https://www.firma.dk"),
    ("firma.dk/om-os", "https://firma.dk/om-os"),
    ("http://firma.dk/", "http://firma.dk"),
    ("  https://grøn-vand.dk ", "https://grøn-vand.dk"),
    ("www.firma.dk:8080/a?b=1#c", "https://www.firma.dk:8080/a?b=1#c"),
    ("", ""),
])
def test_websites_become_urls(typed, clean):
    assert normalise_website(typed) == clean


@pytest.mark.parametrize(("typed", "reason"), [
    ("info@firma.dk", "email address"),
    ("firma", "not a web address"),
    ("http://localhost", "not a web address"),
    ("ftp://firma.dk", "http"),
    ("www.firma .dk", "no spaces"),
    ("www.-firma.dk", "not a web address"),
])
def test_bad_websites_are_refused_with_a_reason(typed, reason):
    with pytest.raises(InvalidValue, match=reason):
        normalise_website(typed)


@pytest.mark.parametrize(("typed", "country", "clean"), [
    ("DK 12 34 56 78", "DK", "DK12345678"),
    ("12345678", "DK", "DK12345678"),
    ("01234567", "DK", "DK01234567"),  # leading zero kept
    ("2345678", "DK", "DK02345678"),  # the leading zero Excel dropped, put back
    ("CVR 2345678", "DE", "DK02345678"),
    ("dk-01.23.45.67", None, "DK01234567"),
    ("CVR-nr. 12345678", "DK", "DK12345678"),
    ("DE 123 456 789", "DK", "DE123456789"),
    ("123456789", "DE", "123456789"),
    ("CHE-123.456.789 MWST", "CH", "CHE123456789MWST"),
    ("", "DK", ""),
])
def test_vat_and_cvr_numbers(typed, country, clean):
    assert normalise_vat_number(typed, country) == clean


@pytest.mark.parametrize(("typed", "country"), [
    ("123456", "DK"), ("DK1234567", None), ("123456789", "DK"), ("DK 1234 567X", "DE"),
    ("12-34", "SE"), ("#!", "DE"),
])
def test_bad_vat_numbers_are_refused(typed, country):
    with pytest.raises(InvalidValue, match="CVR|VAT"):
        normalise_vat_number(typed, country)


def test_email_is_checked_offline_and_normalised():
    assert normalise_email(" Jens.Hansen@Firma.DK ") == "Jens.Hansen@firma.dk"
    assert normalise_email("søren@grøn.dk") == "søren@grøn.dk"
    assert normalise_email("") == ""
    for bad in ("jens", "jens@", "jens@firma", "jens hansen@firma.dk"):
        with pytest.raises(InvalidValue):
            normalise_email(bad)


def test_phone_numbers_use_the_members_country_and_keep_what_was_typed():
    phone = parse_phone("22 33 44 55", "DK")
    assert (phone.typed, phone.e164, phone.international) == ("22 33 44 55", "+4522334455", "+45 22 33 44 55")
    assert parse_phone("030 1234567", "DE").e164 == "+49301234567"
    assert parse_phone("+48 512 345 678", "DK").e164 == "+48512345678"  # a + overrides the country
    assert parse_phone("0049 30 1234567", "DK").e164 == "+49301234567"
    assert parse_phone("  ", "DK") is None
    assert format_phone("+4522334455") == "+45 22 33 44 55"
    assert format_phone("", "as typed") == "as typed"


def test_bad_phone_numbers_say_why():
    with pytest.raises(InvalidValue, match="Denmark"):
        parse_phone("12 34 56 78", "DK")  # Danish numbers never start with 1
    with pytest.raises(InvalidValue, match="country code"):
        parse_phone("22334455", None)
    with pytest.raises(InvalidValue, match="not a phone number"):
        parse_phone("ring ham", "DK")


def test_languages_in_any_common_spelling():
    for typed in ("da", "dan", "Danish", "dansk", "DANSK"):
        assert resolve_language(typed) == "da"
    assert resolve_language("Deutsch") == resolve_language("tysk") == "de"
    assert resolve_language("polski") == "pl" and resolve_language("lietuvių") == "lt"
    assert resolve_language("Klingon-ish") is None
    assert language_name("de") == "German" and language_name("") == ""
    assert [code for code, _ in language_choices()[:3]] == ["da", "en", "de"]


# --- the same normalisers as imported files meet them ---------------------------------

@pytest.mark.parametrize(("typed", "expected"), [
    ("Jens.Hansen@Firma.DK", "Jens.Hansen@firma.dk"),
    ("  <anne@blaavand.dk> ", "anne@blaavand.dk"),
    ("mailto:info@aquanord.dk", "info@aquanord.dk"),
    ("", ""),
])
def test_email_normalised(typed, expected):
    assert v.normalise_email(typed) == expected


@pytest.mark.parametrize("typed", ["jens@@firma.dk", "jens@firma", "jens hansen@firma.dk", "firma.dk"])
def test_bad_email_names_the_value(typed):
    with pytest.raises(ValueError, match="is not an email address") as info:
        v.normalise_email(typed)
    assert typed.strip() in str(info.value)


@pytest.mark.parametrize(("typed", "region", "e164"), [
    ("20 30 40 50", "DK", "+4520304050"),
    ("+45 20 30 40 50", "DK", "+4520304050"),
    ("0045 20304050", "DK", "+4520304050"),
    ("4520304050", "DK", "+4520304050"),
    ("(030) 1234567", "DE", "+49301234567"),
    ("+46 8 123 456 78", "DK", "+46812345678"),
    ("tel: 2030-4050", "DK", "+4520304050"),
])
def test_phone_in_any_notation(typed, region, e164):
    assert v.normalise_phone(typed, region) == (" ".join(typed.split()), e164)


def test_bad_phone_names_the_country_it_was_read_in():
    with pytest.raises(ValueError, match="“1234” is not a (valid )?phone number.*Denmark"):
        v.normalise_phone("1234", "DK")
    assert v.normalise_phone("  ", "DK") == ("", "")


@pytest.mark.parametrize(("typed", "code"), [
    ("Danmark", "DK"), ("Tyskland", "DE"), ("Germany", "DE"), ("de", "DE"), ("UK", "GB"),
    ("Sverige", "SE"), ("NLD", "NL"), ("  ", None),
])
def test_country(typed, code):
    assert v.normalise_country(typed) == code


def test_unknown_country_and_lists():
    with pytest.raises(ValueError, match="Narnia"):
        v.normalise_country("Narnia")
    assert v.normalise_countries("Tyskland; UK, Sverige\nTyskland") == ("DE", "GB", "SE")
    with pytest.raises(ValueError, match="“Atlantis”"):
        v.normalise_countries("Norge, Atlantis")


@pytest.mark.parametrize(("typed", "country", "stored"), [
    ("12345678", "DK", "DK12345678"),
    ("12 34 56 78", "DK", "DK12345678"),
    ("CVR-nr. 12345678", None, "DK12345678"),
    ("DK 01234567", "DK", "DK01234567"),  # a leading zero is kept
    ("01234567", "DK", "DK01234567"),
    ("SE556677889901", "DK", "SE556677889901"),  # the Swedish prefix, not "SE-nr."
    ("556677-8899", "SE", "5566778899"),
    ("", "DK", ""),
])
def test_vat(typed, country, stored):
    assert v.normalise_vat_number(typed, country) == stored


def test_bad_vat_and_the_key_vat_numbers_compare_by():
    with pytest.raises(ValueError, match="8 digits"):
        v.normalise_vat_number("123456", "DK")
    with pytest.raises(ValueError, match="is not a (Danish CVR|VAT) number"):
        v.normalise_vat_number("n/a", "DK")
    # Compared with their country: a bare number takes the member's (or row's) country.
    assert v.vat_key("DK12345678") == v.vat_key("12 34 56 78", "DK") == "DK12345678"
    assert v.vat_key("2345678", "DK") == v.vat_key("DK02345678") == "DK02345678"
    assert v.vat_key("DE123456789") != v.vat_key("GB123456789")
    assert v.vat_key("123456789", "NO") == v.vat_key("NO 123 456 789") == "NO123456789"
    assert v.vat_key("CVR-nr. 12345678", "SE") == "DK12345678"
    assert v.vat_key("12 34 56 78") == "12345678"  # no country known: the bare number


@pytest.mark.parametrize(("value", "expected"), [
    ("27-11-2026", date(2026, 11, 27)),
    ("27.11.2026", date(2026, 11, 27)),
    ("3/4/2019", date(2019, 4, 3)),  # day first
    ("2026-11-27", date(2026, 11, 27)),
    (datetime(2020, 2, 1, 0, 0), date(2020, 2, 1)),  # a real Excel date
    (date(2020, 2, 1), date(2020, 2, 1)),
    (46353, date(2026, 11, 27)),  # an Excel day number
    ("2020-02-01 00:00:00", date(2020, 2, 1)),  # a date-time written out by another program
    ("01-02-2020 00:00", date(2020, 2, 1)),
    (None, None),
])
def test_dates(value, expected):
    assert v.normalise_date(value) == expected


def test_bad_dates():
    with pytest.raises(ValueError, match="not a real date"):
        v.normalise_date("31-02-2020")
    with pytest.raises(ValueError, match="not a date"):
        v.normalise_date(-5)


def test_website_and_lists():
    assert v.normalise_website("www.aquanord.dk") == "https://www.aquanord.dk"
    assert v.normalise_website("http://x.dk/a") == "http://x.dk/a"
    with pytest.raises(ValueError):
        v.normalise_website("not a site")
    assert v.split_values("Wastewater; Digital water,Wastewater\n Sensors ") == (
        "Wastewater", "Digital water", "Sensors")
