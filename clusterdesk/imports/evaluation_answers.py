"""Evaluation answers collected in Excel (an online form's export, or paper forms typed into a
sheet): one row per participant, one column per question. Read the sheet, find which column
is which question, and read every cell as an answer — listing each cell that cannot be read
with its row, column, value and reason. No Qt and no database here."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from ..domain.countries import resolve_country
from ..domain.dates import DateParseError, parse_date
from ..domain.questionnaires import (
    CONSIDERING,
    NO,
    YES,
    AnswerValue,
    QuestionDef,
    QuestionKind,
    QuestionRole,
    check_answer,
    parse_number,
)
from ..domain.text import search_fold

MEMBER_HEADERS = ("member", "participant", "company", "organisation", "organization", "medlem",
                  "virksomhed", "deltager", "firma")
CONTACT_HEADERS = ("contact", "person", "contact person", "respondent", "name", "kontakt",
                   "kontaktperson", "navn")
DATE_HEADERS = ("answered on", "date", "dato", "besvaret")
_YES = {"yes", "y", "ja", "j", "true", "1", "x"}
_NO = {"no", "n", "nej", "false", "0"}
_CONSIDERING = {"considering", "considering it", "maybe", "perhaps", "maaske", "overvejer", "not yet"}
_Q_PREFIX = re.compile(r"^q\s*(\d+)\b[\s.:)\-–]*", re.IGNORECASE)

Cell = str | int | float | Decimal | date | datetime | None


class WorkbookError(ValueError):
    """The file cannot be read as a workbook; the message says why."""


@dataclass(frozen=True)
class Problem:
    row: int  # as Excel numbers it (1 = the header row)
    column: str  # the header of the column
    value: str
    reason: str

    def __str__(self) -> str:
        if not self.value:
            return f"Row {self.row}, {self.column}: {self.reason}"
        # "“good” is not a number", but "“7” — a rating is a whole number from 1 to 5"
        joint = " " if self.reason.startswith(("is ", "fits ")) else " — "
        return f"Row {self.row}, {self.column}: “{self.value}”{joint}{self.reason}"


@dataclass(frozen=True)
class SheetRow:
    row: int
    member: str
    contact: str
    answered_on: date | None
    values: dict[str, AnswerValue] = field(default_factory=dict)


@dataclass(frozen=True)
class ParsedSheet:
    rows: tuple[SheetRow, ...]
    problems: tuple[Problem, ...]
    questions: tuple[tuple[str, QuestionDef], ...]  # (header, question) of the columns used
    ignored: tuple[str, ...]  # headers that are no question of the questionnaire
    blank_rows: int
    member_header: str = "Member"


def cell_text(value: Cell) -> str:
    """A cell as the user sees it, for messages and text answers."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_sheet(path: Path) -> tuple[list[str], list[tuple[int, list[Cell]]]]:
    """The headers (the first non-empty row) and the rows below with their Excel numbers."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise WorkbookError(f"{Path(path).name} cannot be read as an Excel workbook (.xlsx): {exc}") from None
    try:
        sheet = workbook.worksheets[0]
        headers: list[str] | None = None
        rows: list[tuple[int, list[Cell]]] = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = list(values)
            if headers is None:
                if any(cell_text(c) for c in cells):
                    headers = [cell_text(c) for c in cells]
                continue
            rows.append((number, cells))
    finally:
        workbook.close()
    if headers is None:
        raise WorkbookError(f"{Path(path).name} is empty: its first sheet has no header row.")
    return headers, rows


def _header_kind(header: str) -> str | None:
    folded = search_fold(header)
    for kind, names in (("member", MEMBER_HEADERS), ("contact", CONTACT_HEADERS), ("date", DATE_HEADERS)):
        if folded in names:
            return kind
    return None


def match_columns(headers: Sequence[str], questions: Sequence[QuestionDef]):
    """Which column is the member, the contact, the date, and which question each other column
    answers: "Q3 …" (the number in the questionnaire), the question's text, or its key."""
    by_text = {search_fold(q.text): q for q in questions}
    by_key = {q.key.casefold(): q for q in questions}
    fixed: dict[str, int] = {}
    columns: dict[int, QuestionDef] = {}
    ignored = []
    for index, header in enumerate(headers):
        if not header:
            continue
        kind = _header_kind(header)
        if kind and kind not in fixed:
            fixed[kind] = index
            continue
        prefix = _Q_PREFIX.match(header)
        question = None
        if prefix and 1 <= int(prefix[1]) <= len(questions):
            question = questions[int(prefix[1]) - 1]
        question = question or by_text.get(search_fold(header)) or by_key.get(header.strip().casefold())
        if question is None or question in columns.values():
            ignored.append(header)
        else:
            columns[index] = question
    return fixed, columns, tuple(ignored)


def _choice(question: QuestionDef, text: str) -> str | None:
    """The key of the choice `text` names: its label, its number in the list, or its key."""
    folded = search_fold(text)
    options = question.options()
    for choice in options:
        if folded in (search_fold(choice.label), choice.key.casefold()):
            return choice.key
    if folded.isdigit() and 1 <= int(folded) <= len(options):
        return options[int(folded) - 1].key
    if question.role == QuestionRole.MARKETS.value:
        code = resolve_country(text)
        if code and code in {c.key for c in options}:
            return code
    return None


def parse_cell(question: QuestionDef, value: Cell) -> AnswerValue:
    """One cell as an answer to `question`; raises ValueError saying what is wrong."""
    text = cell_text(value)
    if not text:
        return AnswerValue()
    kind = question.kind_enum
    if kind in (QuestionKind.RATING, QuestionKind.NUMBER):
        number = Decimal(str(value)) if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool) \
            else parse_number(text)
        answer = AnswerValue(number=number)
    elif kind is QuestionKind.YES_NO_CONSIDERING:
        folded = search_fold(text)
        key = YES if folded in _YES else NO if folded in _NO else CONSIDERING if folded in _CONSIDERING \
            else _choice(question, text)
        if key is None:
            raise ValueError("is not yes, no or considering")
        answer = AnswerValue(choices=(key,))
    elif kind is QuestionKind.FREE_TEXT:
        answer = AnswerValue(text=text)
    else:
        parts = [text] if kind is QuestionKind.SINGLE_CHOICE else _several(question, text)
        chosen, other = [], []
        for part in parts:
            key = _choice(question, part)
            (chosen.append(key) if key else other.append(part))
        if other and not question.allow_other:
            labels = ", ".join(c.label for c in question.options())
            raise ValueError(f"is not one of the choices ({labels})")
        answer = AnswerValue(choices=tuple(chosen), other="; ".join(other))
    return check_answer(question, answer)


def parse_sheet(headers: Sequence[str], rows: Sequence[tuple[int, Sequence[Cell]]],
                questions: Sequence[QuestionDef], today: date) -> ParsedSheet:
    """Every row read against the questionnaire; each unreadable cell is a Problem."""
    fixed, columns, ignored = match_columns(headers, questions)
    problems: list[Problem] = []
    if "member" not in fixed:
        problems.append(Problem(1, "header", "", "has no column for the member (call it “Member”)"))
    if not columns:
        problems.append(Problem(1, "header", "", "has no column that is a question of this "
                                                 "questionnaire (head them “Q1 …”, “Q2 …” or with the question)"))
    if problems:
        return ParsedSheet((), tuple(problems), (), ignored, 0)
    parsed, blank = [], 0

    def cell(cells, index):
        return cells[index] if index is not None and index < len(cells) else None

    for number, cells in rows:
        if not any(cell_text(c) for c in cells):
            blank += 1
            continue
        member = cell_text(cell(cells, fixed["member"]))
        if not member:
            problems.append(Problem(number, headers[fixed["member"]], "", "the member is missing"))
        answered_on = None
        raw_date = cell(cells, fixed.get("date"))
        if raw_date not in (None, ""):
            try:
                answered_on = raw_date.date() if isinstance(raw_date, datetime) else \
                    raw_date if isinstance(raw_date, date) else parse_date(cell_text(raw_date), today)
            except DateParseError as exc:
                problems.append(Problem(number, headers[fixed["date"]], cell_text(raw_date), str(exc)))
            else:
                if answered_on and answered_on > today:
                    problems.append(Problem(number, headers[fixed["date"]], cell_text(raw_date),
                                            "is after today"))
        values = {}
        for index, question in columns.items():
            raw = cell(cells, index)
            try:
                value = parse_cell(question, raw)
            except ValueError as exc:
                problems.append(Problem(number, headers[index], cell_text(raw), without_value(str(exc))))
                continue
            if not value.is_empty():
                values[question.key] = value
        parsed.append(SheetRow(number, member, cell_text(cell(cells, fixed.get("contact"))),
                               answered_on, values))
    return ParsedSheet(tuple(parsed), tuple(problems),
                       tuple((headers[i], q) for i, q in sorted(columns.items())), ignored, blank,
                       headers[fixed["member"]])


def _several(question: QuestionDef, text: str) -> list[str]:
    """The choices written in one cell: separated by ";" or new lines, or by commas when no
    choice of the question has a comma in it."""
    parts = [p.strip() for p in re.split(r"[;\n]", text) if p.strip()]
    if len(parts) == 1 and "," in text and not any("," in c.label for c in question.options()):
        parts = [p.strip() for p in text.split(",") if p.strip()]
    return parts


def without_value(message: str) -> str:
    """A message without the quoted value it starts with (a Problem shows the value already)."""
    return message.split("” ", 1)[1] if message.startswith("“") and "” " in message else message


def template_row(question: QuestionDef) -> str:
    """How to fill in a question's column, for the sheet that explains them."""
    kind = question.kind_enum
    if kind is QuestionKind.RATING:
        return "a whole number from 1 to 5"
    if kind is QuestionKind.NUMBER:
        return "a number, e.g. 12 or 2,5"
    if kind is QuestionKind.YES_NO_CONSIDERING:
        return "yes, no or considering"
    if kind is QuestionKind.FREE_TEXT:
        return "any text"
    choices = "; ".join(c.label for c in question.options())
    several = "one or more of, separated by ;" if kind is QuestionKind.MULTIPLE_CHOICE else "one of"
    other = " (or another answer in your own words)" if question.allow_other else ""
    return f"{several}: {choices}{other}"

