"""The normalisers every import row and form goes through: the value made right, or a
message for the user naming the value."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from clusterdesk.domain import validation as v


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
    with pytest.raises(ValueError, match="“1234” is not a phone number.*Denmark"):
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
    assert v.normalise_vat(typed, country) == stored


def test_bad_vat_and_the_key_vat_numbers_compare_by():
    with pytest.raises(ValueError, match="8 digits"):
        v.normalise_vat("1234567", "DK")
    with pytest.raises(ValueError, match="not a CVR or VAT number"):
        v.normalise_vat("n/a", "DK")
    assert v.vat_key("DK12345678") == v.vat_key("12 34 56 78") == "12345678"


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
