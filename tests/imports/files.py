"""Spreadsheets as offices really have them, generated for the tests: CSV in each encoding
and separator, workbooks with title rows, merged headers, real and text dates."""

from __future__ import annotations

import csv
import io
from pathlib import Path

HEADER = ["Firma", "CVR", "Postnr", "By", "Land", "Kontaktperson", "E-mail", "Telefon",
          "Medlem siden", "Branche"]
ROWS = [
    ["Vestkyst Pumper A/S", "12345678", "6700", "Esbjerg", "Danmark", "Jens Ølgaard",
     "jens@vestkyst-pumper.dk", "+45 20 30 40 50", "01-02-2020", "Wastewater; Pumps"],
    ["Vestkyst Pumper A/S", "12345678", "6700", "Esbjerg", "Danmark", "Åse Bøgh",
     "aase@vestkyst-pumper.dk", "0045 21314151", "01-02-2020", ""],
    ["Grøn Søfart ApS", "01234567", "0800", "Høje Taastrup", "DK", "Søren Æbelø",
     "soren@groensoefart.dk", "22 33 44 55", "3.4.2019", "Water & energy"],
    ["Müller Wassertechnik GmbH", "", "01067", "Dresden", "Tyskland", "Jürgen Müller",
     "j.mueller@mueller-wasser.de", "(030) 1234567", "2021-06-15", "Drinking water"],
    ["Nordic Filters Ltd", "", "", "Leeds", "UK", "Emma Brown", "emma@nordicfilters.co.uk",
     "+44 20 7946 0958", "15/09/2022", ""],
]


def write_csv(path: Path, rows: list[list[str]], *, encoding: str = "utf-8",
              delimiter: str = ";", above: list[list[str]] = ()) -> Path:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows([*above, *rows])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list], *, above: list[list] = (), sheet: str = "Medlemmer",
               merges: list[str] = (), formats: dict[str, str] | None = None,
               extra_sheets: tuple[str, ...] = ()) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    for row in [*above, *rows]:
        worksheet.append(row)
    for cells in merges:
        worksheet.merge_cells(cells)
    for cell, number_format in (formats or {}).items():
        worksheet[cell].number_format = number_format
    for name in extra_sheets:
        workbook.create_sheet(name).append(["Ignore me"])
    workbook.save(path)
    return path


def member_rows(count: int, *, start: int = 0) -> list[list[str]]:
    """`count` distinct, valid member rows in the HEADER layout."""
    towns = ["Aarhus", "Odense", "Aalborg", "Esbjerg", "Vejle", "Kolding", "Horsens", "Randers"]
    words = ["Blå", "Grøn", "Klar", "Nord", "Syd", "Vest", "Øst", "Fjord", "Hav", "Strøm"]
    trades = ["Pumper", "Filter", "Sensor", "Rådgivning", "Miljø", "Membran", "Ventiler"]
    rows = []
    for i in range(start, start + count):
        name = f"{words[i % 10]} {trades[(i // 10) % 7]} {i:05d} ApS"
        rows.append([name, f"{30_000_000 + i}", f"{8000 + i % 900}", towns[i % 8], "Danmark",
                     f"Kontakt Person{i}", f"kontakt{i}@firma{i}.dk", f"26{i:06d}",
                     f"{1 + i % 28:02d}-{1 + i % 12:02d}-20{10 + i % 15}", "Wastewater"])
    return rows
