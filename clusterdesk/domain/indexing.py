"""What the search and sort columns of members and contacts hold, computed from the record's
own fields — by the services on every write, and by migrations and bulk loaders for rows
written without them."""

from __future__ import annotations

from collections.abc import Iterable

from .countries import country_name
from .text import search_index, sort_key


def member_search_text(name: str, city: str = "", postcode: str = "", vat_number: str = "",
                       website: str = "", country: str | None = None,
                       sectors: Iterable[str] = (), tags: Iterable[str] = ()) -> str:
    """Name, place, country (in English and Danish), CVR/VAT, website, sectors and tags."""
    parts = [name, city, postcode, vat_number, website, country_name(country),
             country_name(country, "da"), *sectors, *tags]
    return search_index(" ".join(p for p in parts if p))


def contact_search_text(name: str, role: str = "", email: str = "", phone_e164: str = "") -> str:
    """Name, role, email address and phone number (E.164 digits) of a contact person."""
    return search_index(" ".join(p for p in (name, role, email, phone_e164) if p))


def first_label_key(labels: Iterable[str]) -> str:
    """The sort key of the label a list shows first ("" for none): what a column of sectors
    or tags is sorted by."""
    keys = sorted(sort_key(label) for label in labels if label)
    return keys[0] if keys else ""
