"""What people type into organisation and contact fields, normalised or refused with a reason."""

from __future__ import annotations

import pytest

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
    ("1234567", "DK"), ("123456789", "DK"), ("DK 1234 567X", "DE"), ("12-34", "SE"), ("#!", "DE"),
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
