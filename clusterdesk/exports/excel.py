"""Excel export of any list: a header row, typed cells (dates stay dates, amounts stay
numbers), frozen header, filters, sensible widths. Streams rows, so 100,000 rows fit in memory."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from ..domain.money import Money

MAX_WIDTH = 60


def excel_value(value):
    """A cell value openpyxl writes with the right type."""
    if value is None or type(value) is str:  # most cells: no further checks
        return value
    if isinstance(value, Money):
        return float(value.amount)  # Excel has no decimals; the amount is exact to the cent
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime):
        return value.astimezone().replace(tzinfo=None)
    if isinstance(value, (date, int, float, str, bool)):
        return value
    if isinstance(value, (tuple, list, set, frozenset)):
        return ", ".join(str(v) for v in value)
    return str(value)


@dataclass(frozen=True)
class Sheet:
    """One sheet of a workbook: a title, a header row and the data rows."""

    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence]


def write_table(path: Path, title: str, headers: Sequence[str], rows: Iterable[Sequence],
                *, sheet_name: str = "") -> int:
    """Write one sheet; returns the number of data rows. Writes to a temporary file first so a
    failed export never leaves a broken file under the chosen name."""
    return write_workbook(path, [Sheet(sheet_name or title, headers, rows)])[0]


def write_workbook(path: Path, sheets: Sequence[Sheet]) -> list[int]:
    """Write several sheets into one workbook (temporary file, then renamed); returns the
    number of data rows of each sheet."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    counts = [_write_sheet(workbook, sheet) for sheet in sheets]
    path = Path(path)
    tmp = path.with_name(f".{path.name}.partial")
    try:
        workbook.save(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return counts


def _write_sheet(workbook, spec: Sheet) -> int:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.filters import AutoFilter

    headers = list(spec.headers)
    sheet = workbook.create_sheet(_sheet_title(spec.title))
    widths = [min(MAX_WIDTH, max(10, len(h) + 2)) for h in headers]
    bold = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor="2F6F9F")
    sheet.freeze_panes = "A2"
    # Column widths must be declared before the first row in write-only mode, so estimate
    # them from the header and the first rows.
    buffered: list[list] = []
    iterator = iter(spec.rows)
    for row in iterator:
        buffered.append([excel_value(v) for v in row])
        if len(buffered) >= 200:
            break
    for values in buffered:
        for i, value in enumerate(values):
            if isinstance(value, datetime):  # shown as DD-MM-YYYY HH:MM: measure that, not less
                text = value.strftime("%d-%m-%Y %H:%M")
            elif isinstance(value, date):
                text = value.strftime("%d-%m-%Y")
            else:
                text = str(value or "")
            widths[i] = min(MAX_WIDTH, max(widths[i], len(text) + 2))
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    header_cells = []
    for h in headers:
        cell = WriteOnlyCell(sheet, value=h)
        cell.font = bold
        cell.fill = fill
        header_cells.append(cell)
    sheet.append(header_cells)
    count = 0
    date_format = "DD-MM-YYYY"

    def emit(values: list) -> None:
        cells = []
        for value in values:
            if isinstance(value, (date, datetime)):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = date_format if not isinstance(value, datetime) else "DD-MM-YYYY HH:MM"
                cells.append(cell)
            else:
                cells.append(value)
        sheet.append(cells)

    for values in buffered:
        emit(values)
        count += 1
    for row in iterator:
        emit([excel_value(v) for v in row])
        count += 1
    last = get_column_letter(max(1, len(headers)))
    sheet.auto_filter = AutoFilter(ref=f"A1:{last}{count + 1}")
    return count


def _sheet_title(title: str) -> str:
    cleaned = "".join("-" if ch in '[]:*?/\\' else ch for ch in title).strip() or "Sheet"
    return cleaned[:31]
