"""Normalisers for what people type or paste: one function per kind of value, each returning
the normalised value or raising ValueError with a message meant for the user."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from .countries import country_name, resolve_country
from .dates import parse_date

# Excel counts days from 1899-12-30 (its 1900 leap-year bug included).
_EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_SERIALS = range(1, 73_051)  # up to 2099-12-31


def normalise_email(text: str) -> str:
    """'' for blank; otherwise the address with its domain lower-cased."""
    raw = (text or "").strip().strip("<>").strip()
    if raw.lower().startswith("mailto:"):
        raw = raw[7:]
    if not raw:
        return ""
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(raw, check_deliverability=False).normalized
    except EmailNotValidError as exc:
        reason = str(exc).rstrip(".")
        raise ValueError(f"“{raw}” is not an email address ({reason[:1].lower()}{reason[1:]})") from None


def normalise_phone(text: str, region: str | None = "DK") -> tuple[str, str]:
    """(as typed, E.164) for a phone number in any notation; ('', '') for blank.

    A number without a country prefix is read in `region` (the member's country)."""
    typed = " ".join(str(text or "").split())
    if not typed:
        return "", ""
    import phonenumbers

    region = (region or "DK").upper()
    candidates = [typed]
    digits = re.sub(r"\D", "", typed)
    if not typed.startswith(("+", "00")) and len(digits) > 8:
        candidates.append("+" + digits)  # 4520304050: a country code that lost its plus
    for candidate in candidates:
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_possible_number(number):
            return typed, phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    where = country_name(region) or region
    raise ValueError(f"“{typed}” is not a phone number (read as a number in {where})")


def normalise_country(text: str) -> str | None:
    """The ISO code for a country written as a code or in Danish or English; None for blank."""
    if not (text or "").strip():
        return None
    code = resolve_country(text)
    if code is None:
        raise ValueError(f"“{text.strip()}” is not a country we know")
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
        raise ValueError("not a country we know: " + ", ".join(f"“{b}”" for b in bad))
    return tuple(codes)


_VAT_NOISE = re.compile(r"[\s.\-/]")
# "CVR-nr.", "VAT no:", "Momsnr", "SE-nr." written before the number (not the Swedish "SE" prefix).
_VAT_LABEL = re.compile(r"^(?:(?:cvr|vat|moms)(?:[\s\-.:]*(?:nr|no|nummer|number))?|se[\s\-.]*(?:nr|nummer))"
                        r"[\s.:]*", re.IGNORECASE)


def normalise_vat(text: str, country: str | None = "DK") -> str:
    """A CVR or VAT number in its compact form, leading zeros kept: '12 34 56 78' in Denmark
    becomes 'DK12345678'; '' for blank."""
    raw = _VAT_LABEL.sub("", str(text or "").strip())
    compact = _VAT_NOISE.sub("", raw).upper()
    if not compact:
        return ""
    prefix = compact[:2] if compact[:2].isalpha() else ""
    number = compact[2:] if prefix else compact
    if not number.isalnum() or not any(ch.isdigit() for ch in number):
        raise ValueError(f"“{text}” is not a CVR or VAT number")
    danish = prefix == "DK" or (not prefix and (country or "DK").upper() == "DK")
    if danish:
        if not (number.isdigit() and len(number) == 8):
            raise ValueError(f"“{text}” is not a CVR number (a Danish CVR number has 8 digits)")
        return "DK" + number
    if not 4 <= len(number) <= 14:
        raise ValueError(f"“{text}” is not a VAT number (it has {len(number)} characters)")
    return prefix + number


def vat_key(vat: str) -> str:
    """What two VAT numbers are compared by: the compact number without its country prefix."""
    compact = _VAT_NOISE.sub("", _VAT_LABEL.sub("", vat or "")).upper()
    return compact[2:] if compact[:2].isalpha() and len(compact) > 2 else compact


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
        raise ValueError(f"“{value}” is not a date")
    text = _TRAILING_TIME.sub("", str(value).strip())  # "01-02-2020 00:00:00" from other programs
    return parse_date(text, today)


_TRAILING_TIME = re.compile(r"(?<=\d)[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?$")


def normalise_website(text: str) -> str:
    """A web address with its scheme; '' for blank."""
    raw = (text or "").strip()
    if not raw:
        return ""
    if " " in raw or "." not in raw:
        raise ValueError(f"“{raw}” is not a web address")
    if not re.match(r"^[a-z][a-z0-9+.-]*://", raw, re.IGNORECASE):
        raw = "https://" + raw
    return raw


def split_values(text: str) -> tuple[str, ...]:
    """The items of a list written in one cell: 'Wastewater; Digital water, Sensors'."""
    parts = re.split(r"[;,\n\r]", str(text or ""))
    return tuple(dict.fromkeys(" ".join(p.split()) for p in parts if p.strip()))
