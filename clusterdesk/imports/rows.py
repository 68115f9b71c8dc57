"""One spreadsheet row → the member and contact it describes, or the problems that stop it,
each naming the row, the column, the value and the reason."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from ..domain import validation
from ..domain.enums import InternationalOrientation, MemberKind, MemberStatus, SizeBand
from ..domain.formatting import format_date
from .choices import parse_choice, parse_language
from .fields import FIELD_BY_KEY, IGNORE
from .sources import SourceColumn
from .xlsx_reader import UNSAVED_FORMULA, Cell

# Longest values the database columns hold (a server database refuses longer ones).
MAX_LENGTH = {"name": 200, "city": 120, "postcode": 20, "address": 200, "website": 200,
              "vat_number": 40, "contact_name": 200, "contact_role": 120, "contact_email": 254,
              "contact_phone": 60}
MAX_TAG_LENGTH = 80
MEMBER_KEYS = ("name", "kind", "size_band", "status", "international_orientation", "country",
               "city", "postcode", "address", "website", "vat_number", "member_since", "sectors",
               "tags", "markets", "notes")
LIST_KEYS = ("sectors", "tags", "markets")
UNSAVED_REASON = ("the cell holds a formula whose value was never saved: open the file in Excel "
                  "and save it, or paste the values over the formulas, then import again")


@dataclass(frozen=True)
class Problem:
    """Why a value cannot be imported. `row` None: the file as a whole."""

    row: int | None
    column: str  # "E (E-mail)", or "" for the whole row or file
    value: str
    reason: str
    column_index: int = -1  # for putting a row's problems in column order

    def line(self) -> str:
        where = "file" if self.row is None else f"row {self.row}"
        if self.column:
            where += f", column {self.column}"
        value = f": “{self.value}”" if self.value else ""
        return f"{where}{value} — {self.reason}"


@dataclass(frozen=True)
class ContactData:
    name: str
    role: str = ""
    email: str = ""
    phone: str = ""
    phone_e164: str = ""
    language: str = ""


@dataclass(frozen=True)
class ParsedRow:
    row: int
    values: dict = field(default_factory=dict)  # member field → value, only those the row fills
    contact: ContactData | None = None
    problems: tuple[Problem, ...] = ()
    remarks: tuple[Problem, ...] = ()  # worth knowing, not stopping: a value kept as written

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def name(self) -> str:
        return self.values.get("name", "")


@dataclass(frozen=True)
class RowOptions:
    default_country: str | None = "DK"
    today: date | None = None


def text_of(value: Cell) -> str:
    """A cell as the text the user sees."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return f"{format_date(value.date())} {value:%H:%M}"
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, float):
        return f"{value:g}"
    return " ".join(str(value).split())


def _choice(enum) -> Callable[[Cell], str]:
    return lambda value: parse_choice(text_of(value), enum)


_SIMPLE_PARSERS: dict[str, Callable[[Cell], object]] = {
    "kind": _choice(MemberKind),
    "size_band": _choice(SizeBand),
    "status": _choice(MemberStatus),
    "international_orientation": _choice(InternationalOrientation),
    "website": lambda v: validation.normalise_website(text_of(v)),
    "markets": lambda v: validation.normalise_countries(text_of(v)),
    "contact_email": lambda v: validation.normalise_email(text_of(v)),
    "contact_language": lambda v: parse_language(text_of(v)),
}


def _list(value: Cell) -> tuple[str, ...]:
    items = validation.split_values(text_of(value))
    long = [i for i in items if len(i) > MAX_TAG_LENGTH]
    if long:
        raise ValueError(f"“{long[0][:30]}…” is longer than {MAX_TAG_LENGTH} characters")
    return items


def parse_row(row_number: int, cells: Sequence[Cell], columns: Sequence[SourceColumn],
              mapping: Sequence[str], options: RowOptions) -> ParsedRow:
    """Read one row by the mapping; every bad value becomes a Problem naming its cell."""
    raw: dict[str, tuple[SourceColumn, Cell]] = {}
    unsaved: list[Problem] = []
    for column, key in zip(columns, mapping, strict=False):
        if key == IGNORE:
            continue
        value = cells[column.index] if column.index < len(cells) else None
        if value is UNSAVED_FORMULA:
            unsaved.append(Problem(row_number, column.display, "", UNSAVED_REASON, column.index))
        elif value is not None and text_of(value):
            raw[key] = (column, value)
    problems: list[Problem] = list(unsaved)
    values: dict[str, object] = {}

    def bad(key: str, reason: str) -> None:
        column, value = raw[key]
        text = text_of(value)
        problems.append(Problem(row_number, column.display, text, _reason(text, reason), column.index))

    def take(key: str, parse: Callable[[Cell], object]) -> object | None:
        if key not in raw:
            return None
        try:
            result = parse(raw[key][1])
        except ValueError as exc:
            bad(key, str(exc))
            return None
        limit = MAX_LENGTH.get(key)
        if limit and isinstance(result, str) and len(result) > limit:
            bad(key, f"longer than {limit} characters")
            return None
        return result

    country = take("country", lambda v: validation.normalise_country(text_of(v)))
    if country:
        values["country"] = country
    region = country or options.default_country
    for key in ("name", "city", "postcode", "address", "notes"):
        result = take(key, text_of)
        if result:
            values[key] = result
    for key, parse in _SIMPLE_PARSERS.items():
        if not key.startswith("contact_"):
            result = take(key, parse)
            if result:
                values[key] = result
    vat = take("vat_number", lambda v: validation.normalise_vat_number(text_of(v), region))
    if vat:
        values["vat_number"] = vat
    since = take("member_since", lambda v: validation.normalise_date(v, options.today))
    if since:
        values["member_since"] = since
    for key in ("sectors", "tags"):
        items = take(key, _list)
        if items:
            values[key] = items

    remarks: list[Problem] = []

    def phone(value: Cell) -> tuple[str, str]:
        try:
            return validation.normalise_phone(text_of(value), region)
        except validation.UnassignedNumber as exc:
            # Kept as written (no E.164 form): a new number range, or a typo someone can fix
            # in the contact later — not a reason to stop a whole import.
            column, _value = raw["contact_phone"]
            text = text_of(value)
            remarks.append(Problem(row_number, column.display, text,
                                   f"not in a number range in use in {exc.where}; kept as written",
                                   column.index))
            return text, ""

    contact = _contact(raw, take, phone)
    if "name" not in raw and not any(p.reason == UNSAVED_REASON for p in unsaved
                                     if p.column == _name_column(columns, mapping)):
        problems.append(Problem(row_number, _name_column(columns, mapping), "",
                                "the member's name is empty"))
    return ParsedRow(row_number, values, contact,
                     tuple(sorted(problems, key=lambda p: p.column_index)), tuple(remarks))


def _reason(text: str, message: str) -> str:
    """'“x@@y” is not an email address (…)' → 'not an email address (…)': the value has a
    column of its own."""
    for prefix in (f"“{text}” is ", f"“{text}” "):
        if message.startswith(prefix):
            return message[len(prefix):]
    return message


def _contact(raw, take, phone_parser) -> ContactData | None:
    if not any(key.startswith("contact_") for key in raw):
        return None
    name = take("contact_name", text_of) or " ".join(
        part for part in (take("contact_first_name", text_of), take("contact_last_name", text_of))
        if part)
    email = take("contact_email", _SIMPLE_PARSERS["contact_email"]) or ""
    phone = take("contact_phone", phone_parser)
    typed, e164 = phone or ("", "")
    role = take("contact_role", text_of) or ""
    language = take("contact_language", _SIMPLE_PARSERS["contact_language"]) or ""
    # A row with only a general address ("info@…") still gives a contact, named by it.
    name = name or email or typed
    if not name:
        return None
    return ContactData(name=name, role=role, email=email, phone=typed, phone_e164=e164,
                       language=language)


def _name_column(columns: Sequence[SourceColumn], mapping: Sequence[str]) -> str:
    for column, key in zip(columns, mapping, strict=False):
        if key == "name":
            return column.display
    return FIELD_BY_KEY["name"].label
