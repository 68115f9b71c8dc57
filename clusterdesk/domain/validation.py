"""Normalising what people type into organisation and contact fields: web addresses,
VAT / CVR numbers, email addresses and phone numbers. Each function returns the clean form
or raises InvalidValue with a sentence the user can act on."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit


class InvalidValue(ValueError):
    """A typed value that cannot be accepted; the message is shown at the field."""


# --- web addresses -------------------------------------------------------------------------

_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")


def normalise_website(text: str) -> str:
    """'www.Firma.dk' → 'https://www.firma.dk'; '' stays ''."""
    raw = text.strip()
    if not raw:
        return ""
    if any(ch.isspace() for ch in raw):
        raise InvalidValue("A web address has no spaces, e.g. www.firma.dk")
    if "@" in raw and "://" not in raw:
        raise InvalidValue(f"“{raw}” looks like an email address; a web address is e.g. www.firma.dk")
    if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", raw):
        raw = "https://" + raw.lstrip("/")
    parts = urlsplit(raw)
    if parts.scheme.lower() not in ("http", "https"):
        raise InvalidValue(f"“{text.strip()}” is not a web address (it must start with http:// or https://)")
    host = (parts.hostname or "").rstrip(".")
    try:
        ascii_host = host.encode("idna").decode("ascii") if host else ""
    except UnicodeError:
        ascii_host = ""
    labels = ascii_host.split(".")
    if (len(labels) < 2 or not all(_LABEL.fullmatch(label) for label in labels)
            or not (labels[-1].isalpha() or labels[-1].startswith("xn--"))):
        raise InvalidValue(f"“{text.strip()}” is not a web address; write it like www.firma.dk")
    try:
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        raise InvalidValue(f"“{text.strip()}” has an invalid port number") from None
    path = "" if parts.path == "/" else parts.path
    query = f"?{parts.query}" if parts.query else ""
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    return f"{parts.scheme.lower()}://{host.lower()}{port}{path}{query}{fragment}"


# --- VAT and CVR numbers ---------------------------------------------------------------------

_VAT_LABEL = re.compile(r"^(?:CVR|SE|VAT|MOMS)(?:-?NR)?\.?:?", re.IGNORECASE)


def normalise_vat_number(text: str, country: str | None) -> str:
    """A VAT or company number in one compact form.

    Danish CVR numbers (a 'DK' prefix, or a member in Denmark) must have exactly 8 digits and
    are stored as 'DK12345678' with their leading zeros; 'DK 12 34 56 78', '12-34-56-78' and
    'CVR-nr. 12345678' are all accepted. Other countries: an optional 2-letter prefix and
    5–14 letters and digits.
    """
    raw = text.strip()
    if not raw:
        return ""
    compact = re.sub(r"[\s.\-/]", "", _VAT_LABEL.sub("", raw)).upper()
    prefix = compact[:2] if compact[:2].isalpha() else ""
    if prefix == "DK" or (not prefix and (country or "").upper() == "DK"):
        digits = compact[2:] if prefix else compact
        if not re.fullmatch(r"\d{8}", digits):
            raise InvalidValue(f"“{raw}” is not a Danish CVR number; it has 8 digits, "
                               "e.g. DK 12 34 56 78")
        return "DK" + digits
    body = compact[len(prefix):]
    if not re.fullmatch(r"[0-9A-Z]{5,14}", body) or not any(ch.isdigit() for ch in body):
        raise InvalidValue(f"“{raw}” is not a VAT number; it has 5 to 14 letters and digits "
                           "after the country code, e.g. DE123456789")
    return compact


# --- email -------------------------------------------------------------------------------------

def normalise_email(text: str) -> str:
    """Check an email address's form (offline: no DNS lookup); '' stays ''."""
    raw = text.strip()
    if not raw:
        return ""
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(raw, check_deliverability=False).normalized
    except EmailNotValidError as exc:
        # The validator's own sentence says exactly what is wrong ("An email address must
        # have an @-sign."); it is shown at the field, beside what was typed.
        raise InvalidValue(str(exc)) from None


# --- phone numbers -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Phone:
    typed: str
    e164: str  # +4512345678
    international: str  # +45 12 34 56 78


def parse_phone(text: str, default_region: str | None) -> Phone | None:
    """Read a phone number as typed; a number without +country uses `default_region`
    (the member's country). None for an empty field."""
    raw = text.strip()
    if not raw:
        return None
    import phonenumbers

    region = (default_region or "").upper() or None
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException as exc:
        if exc.error_type == phonenumbers.NumberParseException.INVALID_COUNTRY_CODE:
            raise InvalidValue(f"“{raw}”: add the country code, e.g. +45 12 34 56 78") from None
        raise InvalidValue(f"“{raw}” is not a phone number") from None
    if not phonenumbers.is_valid_number(number):
        where = phonenumbers.region_code_for_country_code(number.country_code)
        raise InvalidValue(f"“{raw}” is not a valid phone number for {_region_label(where)} "
                           f"(+{number.country_code}); check the digits or add the country code")
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    international = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return Phone(raw, e164, international)


def format_phone(e164: str, fallback: str = "") -> str:
    """'+4512345678' → '+45 12 34 56 78'; the fallback (what was typed) if it cannot be read."""
    if not e164:
        return fallback
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return fallback or e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def _region_label(region: str | None) -> str:
    from .countries import country_name

    if not region or region == "ZZ":
        return "that country"
    return country_name(region)
