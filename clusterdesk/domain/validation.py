"""Normalising what people type or paste into organisation and contact fields — web
addresses, VAT / CVR numbers, email addresses, phone numbers, countries, dates — in forms
and in imported files alike. Each function returns the clean form or raises InvalidValue (a
ValueError) with a sentence the user can act on."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

from .countries import resolve_country
from .dates import parse_date


class InvalidValue(ValueError):
    """A typed value that cannot be accepted; the message is shown at the field."""


class UnassignedNumber(InvalidValue):
    """A phone number of the right length for its country, in a range the numbering plan
    does not give out (yet) — likely a typo, possibly a new range the phone library does
    not know. Forms refuse it; an import keeps it as written, with a remark."""

    def __init__(self, typed: str, where: str) -> None:
        super().__init__(f"“{typed}” is not in a number range in use in {where}; check the digits")
        self.where = where  # "Denmark (+45)"


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

# "CVR", "CVR-nr.", "cvr nummer:", "VAT no", "moms nr", "SE-nr." before the number.
_VAT_LABEL = re.compile(r"^(?:(?:cvr|vat|moms)(?:[\s\-.:]*(?:nr|no|nummer|number))?|se[\s\-.]*(?:nr|nummer))"
                        r"[\s.:]*", re.IGNORECASE)
_VAT_NOISE = re.compile(r"[\s.\-/]")


def _vat_parts(text: str, country: str | None) -> tuple[str, str]:
    """(country prefix, number) of a VAT or company number as written: the prefix it is
    written with, else 'DK' for a CVR/SE/moms number, else `country`; the number compact."""
    raw = (text or "").strip()
    label = _VAT_LABEL.match(raw)
    if label and label.group(0).strip().lower()[:2] in ("cv", "se", "mo"):
        country = "DK"  # CVR, SE and moms numbers are Danish whatever the member's country
    compact = _VAT_NOISE.sub("", _VAT_LABEL.sub("", raw)).upper()
    if compact[:2].isalpha():
        return compact[:2], compact[2:]
    return (country or "").upper(), compact


def normalise_vat_number(text: str, country: str | None) -> str:
    """A VAT or company number in one compact form.

    Danish CVR numbers (a 'DK' prefix, or a member in Denmark) must have exactly 8 digits and
    are stored as 'DK12345678' with their leading zeros; 'DK 12 34 56 78', '12-34-56-78' and
    'CVR-nr. 12345678' are all accepted, and a number of 7 digits is one whose leading zero a
    spreadsheet dropped (01234567 kept as the number 1234567). Other countries: an optional
    2-letter prefix and 5–14 letters and digits.
    """
    raw = text.strip()
    if not raw:
        return ""
    prefix, body = _vat_parts(raw, country)
    written_prefix = _VAT_NOISE.sub("", _VAT_LABEL.sub("", raw)).upper()[:2].isalpha()
    if prefix == "DK":
        if not written_prefix and re.fullmatch(r"\d{7}", body):
            body = "0" + body
        if not re.fullmatch(r"\d{8}", body):
            raise InvalidValue(f"“{raw}” is not a Danish CVR number; it has 8 digits, "
                               "e.g. DK 12 34 56 78")
        return "DK" + body
    if not re.fullmatch(r"[0-9A-Z]{5,14}", body) or not any(ch.isdigit() for ch in body):
        raise InvalidValue(f"“{raw}” is not a VAT number; it has 5 to 14 letters and digits "
                           "after the country code, e.g. DE123456789")
    return (prefix + body) if written_prefix else body


# VAT prefixes that are not the country's ISO code.
_VAT_PREFIX_COUNTRY = {"EL": "GR"}


def vat_key(vat: str, country: str | None = None) -> str:
    """What two VAT numbers are compared by: the country and the compact number, so that
    DE123456789 and GB123456789 are two companies. A number written without a country
    prefix belongs to `country` (the member's or the row's); without either it stays bare."""
    prefix, body = _vat_parts(vat, country)
    if not body:
        return ""
    if prefix == "DK" and re.fullmatch(r"\d{7}", body):
        body = "0" + body
    return _VAT_PREFIX_COUNTRY.get(prefix, prefix) + body


# --- email -------------------------------------------------------------------------------------

def normalise_email(text: str) -> str:
    """Check an email address's form (offline: no DNS lookup); '' stays ''. Pasted forms
    such as '<ole@firma.dk>' and 'mailto:ole@firma.dk' are accepted."""
    raw = (text or "").strip().strip("<>").strip()
    if raw.lower().startswith("mailto:"):
        raw = raw[7:]
    if not raw:
        return ""
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(raw, check_deliverability=False).normalized
    except EmailNotValidError as exc:
        # The validator's own sentence says exactly what is wrong ("An email address must
        # have an @-sign."); it is shown at the field, beside what was typed.
        raise InvalidValue(f"“{raw}” is not an email address: {exc}") from None


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
    digits = re.sub(r"\D", "", raw)
    if (not phonenumbers.is_valid_number(number) and not raw.startswith(("+", "00"))
            and len(digits) > 8):
        # 4520304050, as spreadsheets keep it: a country code that lost its plus.
        try:
            with_plus = phonenumbers.parse("+" + digits, None)
        except phonenumbers.NumberParseException:
            with_plus = None
        if with_plus is not None and phonenumbers.is_valid_number(with_plus):
            number = with_plus
    if not phonenumbers.is_valid_number(number):
        where = phonenumbers.region_code_for_country_code(number.country_code)
        possible = phonenumbers.is_possible_number_with_reason(number)
        if possible == phonenumbers.ValidationResult.IS_POSSIBLE:  # a whole number's length
            raise UnassignedNumber(raw, f"{_region_label(where)} (+{number.country_code})")
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


# --- countries, dates and lists (imports) -------------------------------------------------

# Excel counts days from 1899-12-30 (its 1900 leap-year bug included).
_EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_SERIALS = range(1, 73_051)  # up to 2099-12-31
_TRAILING_TIME = re.compile(r"(?<=\d)[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?$")


def normalise_phone(text: str, region: str | None = "DK") -> tuple[str, str]:
    """(as typed, E.164) for a phone number in any notation; ('', '') for blank."""
    phone = parse_phone(" ".join(str(text or "").split()), region)
    return (phone.typed, phone.e164) if phone else ("", "")


def normalise_country(text: str) -> str | None:
    """The ISO code for a country written as a code or in Danish or English; None for blank."""
    if not (text or "").strip():
        return None
    code = resolve_country(text)
    if code is None:
        raise InvalidValue(f"“{text.strip()}” is not a country we know")
    return code


def normalise_countries(text: str) -> tuple[str, ...]:
    """Several countries separated by commas, semicolons or line breaks."""
    codes: list[str] = []
    bad: list[str] = []
    for part in split_values(text):
        code = resolve_country(part)
        if code is None:
            bad.append(part)
        elif code not in codes:
            codes.append(code)
    if bad:
        raise InvalidValue("not a country we know: " + ", ".join(f"“{b}”" for b in bad))
    return tuple(codes)


def normalise_date(value: object, today: date | None = None) -> date | None:
    """A date from a real spreadsheet date, an Excel day number, or text written day first."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if int(value) in _EXCEL_SERIALS:
            return _EXCEL_EPOCH + timedelta(days=int(value))
        raise InvalidValue(f"“{value}” is not a date")
    text = _TRAILING_TIME.sub("", str(value).strip())  # "01-02-2020 00:00:00" from other programs
    return parse_date(text, today)


def split_values(text: str) -> tuple[str, ...]:
    """The items of a list written in one cell: 'Wastewater; Digital water, Sensors'."""
    parts = re.split(r"[;,\n\r]", str(text or ""))
    return tuple(dict.fromkeys(" ".join(p.split()) for p in parts if p.strip()))
