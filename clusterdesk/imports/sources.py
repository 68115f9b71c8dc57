"""A file to import, read into rows of cells, with its header row found and its columns named
(title rows and blank rows above the header skipped; a group title above it joined in, merged
or not — "Kontaktperson" over Navn, E-mail, Telefon). A workbook is read from the sheet that
looks most like a member list, so a cover page in front is passed over."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .csv_reader import CsvFormatError, read_csv
from .fields import MATCH_THRESHOLD, field_scores, header_hits
from .xlsx_reader import Cell, WorkbookError, read_sheet, sheet_heads, sheet_names

EXCEL_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt", ".tsv")
HEADER_SEARCH_ROWS = 30


class SourceError(ValueError):
    """The file cannot be imported at all; the message names the file and the reason."""


@dataclass(frozen=True)
class SourceColumn:
    index: int  # 0-based
    letter: str  # as the spreadsheet shows it: A, B, … AA
    header: str
    group: str = ""  # a merged title above the header ("Kontaktperson"), if any

    @property
    def title(self) -> str:
        if self.group and self.group != self.header:
            return f"{self.group} ▸ {self.header}" if self.header else self.group
        return self.header or f"Column {self.letter}"

    @property
    def display(self) -> str:
        return f"{self.letter} ({self.title})"


@dataclass(frozen=True)
class SourceTable:
    path: Path
    kind: str  # "xlsx" or "csv"
    rows: list[tuple[Cell, ...]]  # every row of the sheet; row i is spreadsheet row i + 1
    header_index: int  # 0-based row of the header
    columns: tuple[SourceColumn, ...]
    sheet: str = ""
    sheets: tuple[str, ...] = ()
    encoding: str = ""
    delimiter: str = ""
    digest: str = ""  # SHA-256 of the file: tells a re-import of the same file
    merged: tuple[tuple[int, int, int, int], ...] = field(default=(), repr=False)

    @property
    def name(self) -> str:
        return self.path.name

    def data_rows(self) -> list[tuple[int, tuple[Cell, ...]]]:
        """(spreadsheet row number, cells) below the header, blank rows left out."""
        return [(i + 1, row) for i, row in enumerate(self.rows[self.header_index + 1:],
                                                     start=self.header_index + 1)
                if any(v is not None and str(v).strip() for v in row)]

    @property
    def header_first(self) -> int:
        """0-based row where the header starts: the row above `header_index` when that row
        holds group titles (merged, or a two-row header's top row)."""
        h = self.header_index
        if h and (is_sub_header(self.rows[h - 1], self.rows[h])
                  or _group_titles(self.rows, h, self.merged)):
            return h - 1
        return h

    def header_label(self) -> str:
        """'row 3', or 'rows 3–4' for a two-row header (spreadsheet numbers)."""
        first, last = self.header_first + 1, self.header_index + 1
        return f"row {last}" if first == last else f"rows {first}–{last}"

    def with_header_row(self, header_index: int) -> SourceTable:
        """The same file read with another row as its header (the user corrected it)."""
        from dataclasses import replace

        if not 0 <= header_index < len(self.rows):
            raise SourceError(f"Row {header_index + 1} is not in {self.name}.")
        return replace(self, header_index=header_index,
                       columns=_columns(self.rows, header_index, self.merged))

    def describe(self) -> str:
        if self.kind == "csv":
            separator = {";": "semicolons", ",": "commas", "\t": "tabs", "|": "bars"}.get(
                self.delimiter, repr(self.delimiter))
            return f"CSV, {_encoding_label(self.encoding)}, separated by {separator}"
        return f"Excel, sheet “{self.sheet}”"


def _encoding_label(encoding: str) -> str:
    return {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 with BOM", "utf-16": "UTF-16",
            "cp1252": "Windows-1252"}.get(encoding, encoding)


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def list_sheets(path: Path) -> list[str]:
    """The sheet names of a workbook; [] for a CSV file."""
    if path.suffix.lower() in EXCEL_SUFFIXES:
        try:
            return sheet_names(path)
        except WorkbookError as exc:
            raise SourceError(str(exc)) from None
    return []


def read_source(path: Path, sheet: str | None = None, *,
                tick: Callable[[int], None] | None = None) -> SourceTable:
    """Read a .xlsx or .csv file and find its header row. Raises SourceError for a file that
    cannot be imported: missing, empty, not a spreadsheet, or without the named sheet."""
    path = Path(path)
    if not path.exists():
        raise SourceError(f"There is no file at {path}.")
    if path.is_dir():
        raise SourceError(f"{path} is a folder, not a file.")
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    suffix = path.suffix.lower()
    merged: list[tuple[int, int, int, int]] = []
    if suffix in EXCEL_SUFFIXES:
        if not data:
            raise SourceError(f"{path.name} is empty.")
        try:
            if sheet is None:
                sheet = best_sheet(sheet_heads(path, HEADER_SEARCH_ROWS))
            rows, sheet_title, sheets, merged = read_sheet(path, sheet, tick)
        except WorkbookError as exc:
            raise SourceError(str(exc)) from None
        kind, encoding, delimiter = "xlsx", "", ""
    elif suffix in CSV_SUFFIXES or not suffix:
        if sheet:
            raise SourceError(f"{path.name} is a CSV file; it has no sheets (leave out the sheet).")
        try:
            rows, encoding, delimiter = read_csv(data)
        except CsvFormatError as exc:
            raise SourceError(f"{path.name} cannot be read: {exc}.") from None
        kind, sheet_title, sheets = "csv", "", []
    elif suffix == ".xls":
        raise SourceError(f"{path.name} is in the old Excel format (.xls). Open it in Excel and "
                          "save it as an Excel workbook (.xlsx) or as CSV, then import that.")
    else:
        raise SourceError(f"{path.name} is not a spreadsheet: import .xlsx or .csv files.")
    if not any(any(v is not None for v in row) for row in rows):
        where = f"the sheet “{sheet_title}” of {path.name}" if kind == "xlsx" else path.name
        raise SourceError(f"There is nothing to import: {where} is empty.")
    header_index = find_header_row(rows)
    return SourceTable(path, kind, rows, header_index, _columns(rows, header_index, merged),
                       sheet_title, tuple(sheets), encoding, delimiter, digest, tuple(merged))


def _text(value: Cell) -> str:
    return "" if value is None else " ".join(str(value).split())


def best_sheet(heads: dict[str, list[tuple[Cell, ...]]]) -> str | None:
    """The sheet whose header row names the most known fields (the first sheet on a tie, or
    when none does): the member list, not the cover page in front of it."""
    best, best_hits = None, 0
    for name, rows in heads.items():
        hits = max((_header_score(row)[0] for row in rows), default=0)
        if hits > best_hits:
            best, best_hits = name, hits
    return best


def _header_score(row: tuple[Cell, ...]) -> tuple[int, int]:
    """(fields named, text cells) of a row: how header-like it is."""
    texts = [_text(v) for v in row if isinstance(v, str) and _text(v)]
    return (header_hits(texts) if len(texts) >= 2 else 0), len(texts)


def find_header_row(rows: list[tuple[Cell, ...]]) -> int:
    """The row that names the columns: among the first rows, the one naming the most known
    fields (its second row, for a header of two rows); failing that, the first row with as
    many filled text cells as any row near it."""
    best_index, best_score = None, (0, 0)
    widths = []
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        widths.append(sum(1 for v in row if v is not None))
        score = _header_score(row)
        if score[1] >= 2 and score > best_score:
            best_index, best_score = index, score
    if best_index is not None and best_score[0] >= 2:
        below = best_index + 1
        if below < len(rows) and is_sub_header(rows[best_index], rows[below]):
            return below
        return best_index
    widest = max(widths, default=0)
    for index, width in enumerate(widths):
        if width >= max(2, widest * 0.6):
            return index
    return 0


def _cell(row: tuple[Cell, ...], index: int) -> str:
    return _text(row[index]) if index < len(row) else ""


def _spread_titles(top: tuple[Cell, ...], below: tuple[Cell, ...]) -> dict[int, str]:
    """Per column with a heading in `below`: the title above it, or — when that cell is
    empty and not merged — the title to its left that the group starts with."""
    titles: dict[int, str] = {}
    current = ""
    for i in range(max(len(top), len(below))):
        above, under = _cell(top, i), _cell(below, i)
        if not under:
            current = ""
            continue
        current = above or current
        if current:
            titles[i] = current
    return titles


def is_sub_header(top: tuple[Cell, ...], below: tuple[Cell, ...]) -> bool:
    """True when `below` is the second row of a two-row header under `top`: only text, each
    heading under a group title of `top` and naming a field within that group, while some
    of top's headings stand alone (nothing below them)."""
    filled = [i for i in range(len(below)) if _cell(below, i)]
    if not filled or any(not isinstance(below[i], str) for i in filled):
        return False
    titles = _spread_titles(top, below)
    if any(i not in titles for i in filled):
        return False
    if not any(_cell(top, i) and not _cell(below, i) for i in range(len(top))):
        return False
    return all(max(field_scores(_cell(below, i), titles[i]).values(), default=0) >= MATCH_THRESHOLD
               for i in filled)


def _columns(rows, header_index: int, merged) -> tuple[SourceColumn, ...]:
    header = rows[header_index] if rows else ()
    width = max((len(r) for r in rows[max(0, header_index - 1):header_index + 200]), default=0)
    groups = _group_titles(rows, header_index, merged)
    top: tuple[Cell, ...] = ()
    if header_index and is_sub_header(rows[header_index - 1], header):
        top = rows[header_index - 1]
        groups = {**_spread_titles(top, header), **groups}
    columns = []
    for i in range(width):
        # A heading of a two-row header that stands alone is in the top row.
        text = _cell(header, i) or _cell(top, i)
        group = groups.get(i, "")
        columns.append(SourceColumn(i, column_letter(i), text, group if group != text else ""))
    return tuple(columns)


def _group_titles(rows, header_index: int, merged) -> dict[int, str]:
    """Titles merged across several columns in the row above the header ("Kontaktperson"
    over Navn, E-mail, Telefon), per column they cover."""
    if header_index == 0:
        return {}
    above = header_index - 1
    titles: dict[int, str] = {}
    for r1, c1, r2, c2 in merged:
        if r1 <= above <= r2 < header_index and c2 > c1:
            title = _text(rows[above][c1]) if c1 < len(rows[above]) else ""
            if title:
                for column in range(c1, c2 + 1):
                    titles[column] = title
    return titles
