"""Files as offices really have them: each encoding and separator detected, title and blank
rows above the header, merged header cells, dates real and written, leading zeros kept."""

from __future__ import annotations

from datetime import date

import pytest

from clusterdesk.imports.fields import suggest_mapping
from clusterdesk.imports.rows import RowOptions, parse_row
from clusterdesk.imports.sources import SourceError, list_sheets, read_source
from tests.imports.files import HEADER, ROWS, write_csv, write_xlsx


def parsed(source):
    mapping = suggest_mapping([(c.group, c.header) for c in source.columns])
    return [parse_row(n, cells, source.columns, mapping, RowOptions(today=date(2026, 11, 27)))
            for n, cells in source.data_rows()]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_csv_encodings_and_separators_are_detected(tmp_path, encoding, delimiter):
    path = write_csv(tmp_path / "members.csv", [HEADER, *ROWS], encoding=encoding, delimiter=delimiter)
    source = read_source(path)
    assert source.delimiter == delimiter
    assert source.encoding == encoding
    assert source.header_index == 0
    assert [c.header for c in source.columns] == HEADER
    assert source.rows[3][5] == "Søren Æbelø"  # Danish letters intact
    assert source.rows[4][5] == "Jürgen Müller"
    rows = parsed(source)
    assert all(r.ok for r in rows), [p.line() for r in rows for p in r.problems]
    assert rows[2].values["postcode"] == "0800"  # leading zeros kept
    assert rows[2].values["vat_number"] == "DK01234567"


def test_title_and_blank_rows_above_the_header(tmp_path):
    above = [["AquaNord – medlemsliste 2026"], ["Udskrevet 27-11-2026"], [], [""] * 3]
    path = write_csv(tmp_path / "m.csv", [HEADER, *ROWS], above=above)
    source = read_source(path)
    assert source.header_index == 4
    assert [n for n, _ in source.data_rows()] == [6, 7, 8, 9, 10]  # spreadsheet row numbers
    xlsx = write_xlsx(tmp_path / "m.xlsx", [HEADER, *ROWS], above=[["Medlemsliste"], [None], [None]])
    assert read_source(xlsx).header_index == 3


def test_merged_group_titles_over_the_header(tmp_path):
    header = ["Navn", "CVR", "By", "Navn", "E-mail", "Telefon"]
    data = [["Grøn Søfart ApS", "01234567", "Vejle", "Søren Æbelø", "soren@gs.dk", "22334455"]]
    path = write_xlsx(tmp_path / "grouped.xlsx", [header, *data],
                      above=[["Virksomhed", None, None, "Kontaktperson", None, None]],
                      merges=["A1:C1", "D1:F1"])
    source = read_source(path)
    assert source.header_index == 1
    assert [c.title for c in source.columns][:4] == [
        "Virksomhed ▸ Navn", "Virksomhed ▸ CVR", "Virksomhed ▸ By", "Kontaktperson ▸ Navn"]
    mapping = suggest_mapping([(c.group, c.header) for c in source.columns])
    assert mapping == ["name", "vat_number", "city", "contact_name", "contact_email", "contact_phone"]
    row = parsed(source)[0]
    assert row.values["name"] == "Grøn Søfart ApS" and row.contact.name == "Søren Æbelø"


def test_a_member_merged_over_its_contact_rows(tmp_path):
    rows = [HEADER,
            ["Vestkyst Pumper A/S", "12345678", "6700", "Esbjerg", "DK", "Jens", "jens@vp.dk", "", "", ""],
            [None, None, None, None, None, "Åse", "aase@vp.dk", "", "", ""]]
    path = write_xlsx(tmp_path / "merged.xlsx", rows, merges=["A2:A3", "B2:B3"])
    source = read_source(path)
    assert source.rows[2][0] == "Vestkyst Pumper A/S" and source.rows[2][1] == "12345678"


def test_excel_dates_numbers_and_leading_zeros(tmp_path):
    rows = [HEADER,
            ["Hav ApS", 12345678, 800, "Taastrup", "DK", "A", "a@hav.dk", 20304050,
             date(2020, 2, 1), ""],
            ["Fjord ApS", "01234567", "0800", "Taastrup", "DK", "B", "b@fjord.dk", "+45 21314151",
             "01-02-2020", ""],
            ["Strøm ApS", 1234567, 800, "Taastrup", "DK", "C", "c@stroem.dk", 4520304050,
             44000, ""]]
    path = write_xlsx(tmp_path / "typed.xlsx", rows, formats={"C2": "0000", "B4": "00000000"})
    first, second, third = parsed(read_source(path))
    assert first.ok and second.ok and third.ok, [p.line() for r in (first, second, third) for p in r.problems]
    assert first.values["member_since"] == second.values["member_since"] == date(2020, 2, 1)
    assert first.values["postcode"] == "0800"  # a number shown as 0800 stays 0800
    assert second.values["postcode"] == "0800" and second.values["vat_number"] == "DK01234567"
    assert third.values["vat_number"] == "DK01234567"
    assert third.values["member_since"] == date(2020, 6, 18)  # an Excel day number
    assert first.contact.phone_e164 == "+4520304050"
    assert third.contact.phone_e164 == "+4520304050"


def test_countries_phones_and_dates_as_written(tmp_path):
    path = write_csv(tmp_path / "m.csv", [HEADER, *ROWS])
    rows = parsed(read_source(path))
    assert [r.values["country"] for r in rows] == ["DK", "DK", "DK", "DE", "GB"]
    assert [r.contact.phone_e164 for r in rows] == [
        "+4520304050", "+4521314151", "+4522334455", "+49301234567", "+442079460958"]
    assert [r.values["member_since"] for r in rows] == [
        date(2020, 2, 1), date(2020, 2, 1), date(2019, 4, 3), date(2021, 6, 15), date(2022, 9, 15)]
    assert rows[0].values["sectors"] == ("Wastewater", "Pumps")


def test_empty_files_are_refused(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(SourceError, match="nothing to import: empty.csv is empty"):
        read_source(empty)
    blank = write_csv(tmp_path / "blank.csv", [[""], [" ", ""]])
    with pytest.raises(SourceError, match="nothing to import"):
        read_source(blank)
    sheet = write_xlsx(tmp_path / "empty.xlsx", [])
    with pytest.raises(SourceError, match="sheet “Medlemmer” of empty.xlsx is empty"):
        read_source(sheet)


def test_wrong_sheet_names_the_sheets_there_are(tmp_path):
    path = write_xlsx(tmp_path / "book.xlsx", [HEADER, *ROWS], extra_sheets=("Noter",))
    assert list_sheets(path) == ["Medlemmer", "Noter"]
    with pytest.raises(SourceError, match="no sheet “Members” \\(its sheets: Medlemmer, Noter\\)"):
        read_source(path, "Members")
    assert read_source(path, "Medlemmer").sheet == "Medlemmer"


def test_files_that_are_not_spreadsheets(tmp_path):
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a workbook")
    with pytest.raises(SourceError, match="cannot be read as an Excel workbook"):
        read_source(fake)
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(SourceError, match=r"old Excel format \(.xls\)"):
        read_source(old)
    with pytest.raises(SourceError, match="There is no file"):
        read_source(tmp_path / "missing.csv")
    with pytest.raises(SourceError, match="CSV file; it has no sheets"):
        read_source(write_csv(tmp_path / "m.csv", [HEADER]), "Ark1")


def _cover_and_list(path, merges=(), top_cells=("Kontaktperson", None, None)):
    """QA's workbook: a cover page first, then the list under a title and a two-row header
    ("Kontaktperson" over Navn / E-mail / Telefon, the other headings in the top row)."""
    from openpyxl import Workbook

    book = Workbook()
    cover = book.active
    cover.title = "Forside"
    cover["A1"], cover["A2"] = "AquaNord medlemsliste", "Udtrukket fra e-conomic 27.11.2026"
    sheet = book.create_sheet("Medlemmer")
    sheet.append(["Medlemmer pr. 27.11.2026"])
    sheet.append([])
    sheet.append(["Virksomhed", "CVR", "By", "Land", *top_cells, "Indmeldt"])
    sheet.append([None, None, None, None, "Navn", "E-mail", "Telefon", None])
    sheet.append(["Vestjysk Rens ApS", "01234567", "Holstebro", "Danmark", "Kirsten Bæk",
                  "kb@vjrens.dk", "97 12 34 56", date(2019, 3, 1)])
    sheet.append(["Sønderjysk Biogas A/S", 2345678, "Aabenraa", "Danmark", "Hans Hansen",
                  "hh@sjbiogas.dk", "+4574123456", "15.03.2018"])
    for cells in merges:
        sheet.merge_cells(cells)
    book.save(path)
    return path


@pytest.mark.parametrize(("layout", "merges", "top"), [
    ("not merged", (), ("Kontaktperson", None, None)),
    ("title repeated", (), ("Kontaktperson",) * 3),
    ("merged across", ("E3:G3",), ("Kontaktperson", None, None)),
    ("merged across and down", ("E3:G3", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "H3:H4"),
     ("Kontaktperson", None, None)),
])
def test_a_two_row_header_under_a_cover_page(tmp_path, layout, merges, top):
    source = read_source(_cover_and_list(tmp_path / "book.xlsx", merges, top))
    assert source.sheet == "Medlemmer" and source.sheets == ("Forside", "Medlemmer")
    assert source.header_index == 3 and source.header_label() == "rows 3–4", layout
    assert [c.title for c in source.columns] == [
        "Virksomhed", "CVR", "By", "Land", "Kontaktperson ▸ Navn", "Kontaktperson ▸ E-mail",
        "Kontaktperson ▸ Telefon", "Indmeldt"]
    assert suggest_mapping([(c.group, c.header) for c in source.columns]) == [
        "name", "vat_number", "city", "country", "contact_name", "contact_email", "contact_phone",
        "member_since"]
    first, second = parsed(source)
    assert [n for n, _ in source.data_rows()] == [5, 6]
    assert first.ok and second.ok, [p.line() for r in (first, second) for p in r.problems]
    assert first.contact.name == "Kirsten Bæk" and first.contact.phone_e164 == "+4597123456"
    assert second.values["vat_number"] == "DK02345678"  # the zero Excel dropped
    # Asked for by name, the cover page is read as it is (and has no member list).
    assert read_source(tmp_path / "book.xlsx", "Forside").sheet == "Forside"


def test_a_title_right_above_a_full_header_is_no_second_header_row(tmp_path):
    path = write_xlsx(tmp_path / "m.xlsx", [HEADER, *ROWS], above=[["Medlemsliste 2026"]])
    source = read_source(path)
    assert source.header_index == 1 and source.header_label() == "row 2"
    assert [c.title for c in source.columns] == HEADER
    # A data row with blanks under some headings is data, not a second header row.
    rows = [HEADER, ["Hav ApS", "", "", "", "", "Navn", "E-mail", "", "", ""], *ROWS]
    assert read_source(write_xlsx(tmp_path / "n.xlsx", rows)).header_index == 0
