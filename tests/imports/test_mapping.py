"""The column mapping suggested from header names, Danish and English, tolerant of spelling."""

from __future__ import annotations

import pytest

from clusterdesk.imports.fields import IGNORE, missing_required, suggest_mapping


def suggest(*headers):
    return suggest_mapping([("", h) for h in headers])


@pytest.mark.parametrize(("header", "field"), [
    ("Firmanavn", "name"), ("Company name", "name"), ("Virksomhed", "name"),
    ("CVR-nr.", "vat_number"), ("VAT no", "vat_number"), ("Momsnummer", "vat_number"),
    ("Postnr.", "postcode"), ("Zip code", "postcode"), ("By", "city"), ("Town", "city"),
    ("Land", "country"), ("Hjemmeside", "website"), ("Medlem siden", "member_since"),
    ("Indmeldelsesdato", "member_since"), ("Branche", "sectors"), ("Markeder", "markets"),
    ("Antal ansatte", "size_band"), ("Kontaktperson", "contact_name"), ("E-mail", "contact_email"),
    ("Email address", "contact_email"), ("Tlf.", "contact_phone"), ("Mobilnummer", "contact_phone"),
    ("Stilling", "contact_role"), ("Sprog", "contact_language"), ("Bemærkninger", "notes"),
    ("Fornavn", "contact_first_name"), ("Efternavn", "contact_last_name"),
])
def test_known_names(header, field):
    assert suggest(header) == [field]


@pytest.mark.parametrize(("header", "field"), [
    ("Hjemmside", "website"), ("Emial", "contact_email"), ("Adrese", "address"),
    ("Telefonnumer", "contact_phone"), ("Kontakperson", "contact_name"), ("Medlem sidenn", "member_since"),
])
def test_misspelt_names(header, field):
    assert suggest(header) == [field]


def test_each_field_once_and_unknown_columns_ignored():
    assert suggest("Navn", "By", "Navn", "Farve", "E-mail", "Mail") == [
        "name", "city", "contact_name", IGNORE, "contact_email", IGNORE]


def test_the_member_name_is_required():
    assert [f.key for f in missing_required(suggest("By", "E-mail"))] == ["name"]
    assert missing_required(suggest("Firma", "By")) == []
