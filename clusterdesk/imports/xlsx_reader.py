"""Excel workbooks (.xlsx, .xlsm): values as Excel shows them, real dates kept as dates,
numbers written with leading zeros ("0000" formats) kept as text, merged cells filled."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path

_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')
_ZERO_PADDED = re.compile(r'^(?:"[^"]*")?(0+)$')  # "0000", "00000000", "\"DK\"00000000"



class UnsavedFormula:
    """A formula cell whose value was never saved (the file was written by a program that
    does not calculate): there is nothing to import from it, and the user must be told why."""

    def __str__(self) -> str:
        return ""

    def __repr__(self) -> str:
        return "UNSAVED_FORMULA"


UNSAVED_FORMULA = UnsavedFormula()
_CELL = re.compile(rb'<(?:\w+:)?c\s+r="([A-Z]+)(\d+)"[^>]*?(?:/>|>(.*?)</(?:\w+:)?c>)', re.DOTALL)
_VALUE = re.compile(rb'<(?:\w+:)?v>[^<]')

Cell = str | int | float | date | datetime | UnsavedFormula | None


class WorkbookError(ValueError):
    pass


def _column_number(letters: bytes) -> int:
    number = 0
    for ch in letters.decode():
        number = number * 26 + (ord(ch) - 64)
    return number


def open_workbook(path: Path):
    from openpyxl import load_workbook

    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise WorkbookError(f"{path.name} cannot be read as an Excel workbook ({exc})") from None


def sheet_names(path: Path) -> list[str]:
    workbook = open_workbook(path)
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def sheet_heads(path: Path, rows: int) -> dict[str, list[tuple[Cell, ...]]]:
    """The first `rows` rows of every sheet with rows (charts left out), for choosing the
    sheet to import from before reading one in full."""
    workbook = open_workbook(path)
    try:
        heads = {}
        for worksheet in workbook.worksheets:
            if not hasattr(worksheet, "iter_rows"):
                continue
            worksheet.reset_dimensions()
            heads[worksheet.title] = [
                tuple(cell_value(c.value, getattr(c, "number_format", None)) for c in row)
                for row in worksheet.iter_rows(max_row=rows)]
        return heads
    finally:
        workbook.close()


def _merged_ranges(path: Path, worksheet) -> list[tuple[int, int, int, int]]:
    """(first row, first column, last row, last column), 0-based, of the sheet's merged cells.
    Read from the sheet's XML: openpyxl's fast reader does not keep them."""
    part = getattr(worksheet, "_worksheet_path", None)
    if not part:
        return []
    with zipfile.ZipFile(path) as archive:
        xml = archive.read(part.lstrip("/"))
    start = xml.rfind(b"<mergeCells")
    if start < 0:
        start = xml.rfind(b":mergeCells")
    if start < 0:
        return []
    return [(int(r1) - 1, _column_number(c1) - 1, int(r2) - 1, _column_number(c2) - 1)
            for c1, r1, c2, r2 in _MERGE.findall(xml, start)]


def _unsaved_formulas(path: Path, worksheet) -> list[tuple[int, int]]:
    """(row, column), 0-based, of the formula cells that have no saved value. openpyxl reads
    those as empty, so they are looked up in the sheet's XML."""
    part = getattr(worksheet, "_worksheet_path", None)
    if not part:
        return []
    with zipfile.ZipFile(path) as archive:
        xml = archive.read(part.lstrip("/"))
    if b"<f" not in xml and b":f>" not in xml:
        return []
    found = []
    for letters, row, inner in _CELL.findall(xml):
        if inner and re.search(rb"<(?:\w+:)?f[\s>/]", inner) and not _VALUE.search(inner):
            found.append((int(row) - 1, _column_number(letters) - 1))
    return found


def _mark_unsaved(rows: list[tuple[Cell, ...]], cells: list[tuple[int, int]]) -> None:
    for r, c in cells:
        if r >= len(rows):
            continue
        line = list(rows[r])
        if len(line) <= c:
            line.extend([None] * (c + 1 - len(line)))
        if line[c] is None:
            line[c] = UNSAVED_FORMULA
            rows[r] = tuple(line)


def cell_value(value, number_format: str | None) -> Cell:
    """What the user sees in the cell, typed: text, whole numbers, dates."""
    if value is None:
        return None
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        return value.date() if value.time() == time(0) else value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and number_format:
        padded = _ZERO_PADDED.match(number_format)
        if padded:
            return str(value).zfill(len(padded.group(1)))
    return value


def read_sheet(path: Path, sheet: str | None,
               tick: Callable[[int], None] | None = None) -> tuple[list[tuple[Cell, ...]], str, list[str],
                                                                  list[tuple[int, int, int, int]]]:
    """(rows, sheet name, all sheet names, merged ranges). Merged ranges are filled with
    their top-left value, so a merged header or a member spanning three contact rows reads
    as what it means."""
    workbook = open_workbook(path)
    try:
        names = list(workbook.sheetnames)
        if sheet is None:
            worksheet = workbook.worksheets[0]
        elif sheet in names:
            worksheet = workbook[sheet]
        else:
            raise WorkbookError(f"{path.name} has no sheet “{sheet}” (its sheets: {', '.join(names)})")
        if not hasattr(worksheet, "iter_rows"):
            raise WorkbookError(f"“{worksheet.title}” is a chart, not a sheet with rows")
        worksheet.reset_dimensions()  # some programs write a wrong size; read what is there
        rows: list[tuple[Cell, ...]] = []
        for number, row in enumerate(worksheet.iter_rows(), start=1):
            rows.append(tuple(cell_value(c.value, getattr(c, "number_format", None)) for c in row))
            if tick is not None and number % 250 == 0:
                tick(number)
        merged = _merged_ranges(path, worksheet)
        _mark_unsaved(rows, _unsaved_formulas(path, worksheet))
        title = worksheet.title
    finally:
        workbook.close()
    while rows and not any(v is not None and v is not UNSAVED_FORMULA for v in rows[-1]):
        rows.pop()
    return _fill_merged(rows, merged), title, names, merged


def _fill_merged(rows: list[tuple[Cell, ...]], merged) -> list[tuple[Cell, ...]]:
    if not merged:
        return rows
    grid = {i: list(rows[i]) for r1, _c1, r2, _c2 in merged for i in range(r1, min(r2 + 1, len(rows)))}
    for r1, c1, r2, c2 in merged:
        if r1 >= len(rows):
            continue
        top = rows[r1][c1] if c1 < len(rows[r1]) else None
        for i in range(r1, min(r2 + 1, len(rows))):
            line = grid[i]
            if len(line) <= c2:
                line.extend([None] * (c2 + 1 - len(line)))
            for j in range(c1, c2 + 1):
                line[j] = top
    return [tuple(grid[i]) if i in grid else row for i, row in enumerate(rows)]
