"""The dry run without a database: rows of one organisation grouped, problems by row and
column, duplicates within the file found."""

from __future__ import annotations

from datetime import date

from clusterdesk.imports.fields import suggest_mapping
from clusterdesk.imports.outcome import summarise
from clusterdesk.imports.plan import MERGE, NEW, SKIP, build_plan, resolve
from clusterdesk.imports.rows import RowOptions
from clusterdesk.imports.sources import read_source
from tests.imports.files import HEADER, ROWS, write_csv

OPTIONS = RowOptions(today=date(2026, 11, 27))


def plan_for(tmp_path, rows, header=HEADER):
    source = read_source(write_csv(tmp_path / "m.csv", [header, *rows]))
    return build_plan(source, suggest_mapping([("", h) for h in header]), [], OPTIONS)


def test_one_row_per_contact_becomes_one_member(tmp_path):
    plan = plan_for(tmp_path, ROWS)
    assert plan.clean
    assert [c.name for c in plan.candidates] == [
        "Vestkyst Pumper A/S", "Grøn Søfart ApS", "Müller Wassertechnik GmbH", "Nordic Filters Ltd"]
    vestkyst = plan.candidates[0]
    assert vestkyst.rows == [2, 3]
    assert [c.name for c in vestkyst.contacts] == ["Jens Ølgaard", "Åse Bøgh"]
    summary = summarise(plan, {})
    assert (summary.members_new, summary.contacts_new) == (4, 5)
    assert summary.text() == "create 4 members, add 5 contacts"
    assert summary.text(past=True) == "created 4 members, added 5 contacts"


def test_conflicting_values_of_one_organisation_are_remarked(tmp_path):
    rows = [ROWS[0], [*ROWS[1][:3], "Ribe", *ROWS[1][4:]]]
    plan = plan_for(tmp_path, rows)
    assert plan.clean and len(plan.candidates) == 1
    assert [r.line() for r in plan.remarks] == [
        "row 3, column City: “Ribe” — row 2 of the same organisation says “Esbjerg”; that value is kept"]


def test_every_problem_by_row_and_column(tmp_path):
    bad = ["Bad Row ApS", "1234", "", "Odense", "Narnia", "X", "x@@y.dk", "1", "31-02-2020", ""]
    nameless = ["", "", "", "Odense", "DK", "Y", "y@y.dk", "", "", ""]
    plan = plan_for(tmp_path, [ROWS[0], bad, nameless])
    assert plan.bad_rows == (3, 4)
    assert [(p.row, p.column) for p in plan.problems] == [
        (3, "B (CVR)"), (3, "E (Land)"), (3, "G (E-mail)"), (3, "H (Telefon)"),
        (3, "I (Medlem siden)"), (4, "A (Firma)")]
    assert plan.problems[1].value == "Narnia" and plan.problems[1].reason == "not a country we know"
    assert plan.problems[-1].reason == "the member's name is empty"
    assert [c.name for c in plan.candidates] == ["Vestkyst Pumper A/S"]  # only rows without problems


def test_a_missing_required_column_stops_the_whole_file(tmp_path):
    header = ["By", "E-mail"]
    plan = plan_for(tmp_path, [["Vejle", "a@b.dk"]], header=header)
    assert plan.file_problem and plan.candidates == ()
    assert plan.problems[0].line() == "file — no column is mapped to “Member name”, which every row needs"


def test_likely_duplicates_within_the_file_and_the_decisions(tmp_path):
    typo = ["Vestkyst Pumpr A/S", "", "6700", "Esbjerg", "DK", "Bo Berg", "bo@vestkyst-pumper.dk",
            "", "", ""]
    plan = plan_for(tmp_path, [*ROWS, typo])
    [duplicate] = plan.duplicates
    assert plan.candidates[duplicate.candidate].name == "Vestkyst Pumpr A/S"
    assert duplicate.target_candidate == 0 and not duplicate.against_existing
    assert duplicate.default == MERGE
    merged = resolve(plan)
    assert len(merged.new) == 4 and sorted(len(g) for g in merged.new) == [1, 1, 1, 2]
    assert len(resolve(plan, {duplicate.id: NEW}).new) == 5
    skipped = resolve(plan, {duplicate.id: SKIP})
    assert len(skipped.new) == 4 and skipped.skipped == [duplicate.candidate]


def test_a_header_without_rows_is_nothing_to_import(tmp_path):
    plan = plan_for(tmp_path, [])
    assert plan.file_problem
    assert plan.problems[0].line() == "file — there are no rows below the header (row 1)"


def test_the_same_digits_in_two_countries_stay_two_organisations(tmp_path):
    """QA: in one file, Hamburger Wassertechnik DE123456789 and London Water Analytics
    GB123456789 were folded into one member and a company disappeared."""
    rows = [
        ["Hamburger Wassertechnik GmbH", "DE123456789", "20457", "Hamburg", "Tyskland",
         "Jürgen Weiß", "jw@hwt.de", "+49 40 1234567", "15/11/2020", ""],
        ["London Water Analytics Ltd", "GB123456789", "EC4V 3AB", "London", "Storbritannien",
         "Jane Smith", "jane@lwa.co.uk", "+44 20 7946 0958", "05.05.2023", ""],
        # Written without its prefix: the row's country says whose number it is.
        ["Hamburger Wassertechnik", "123 456 789", "", "Hamburg", "Tyskland", "Anna Weiß",
         "anna@hwt.de", "", "", ""],
    ]
    plan = plan_for(tmp_path, rows)
    assert plan.clean
    assert [c.name for c in plan.candidates] == ["Hamburger Wassertechnik GmbH",
                                                 "London Water Analytics Ltd"]
    assert plan.candidates[0].rows == [2, 4] and plan.duplicates == ()
    assert summarise(plan, {}).members_new == 2


def test_a_cvr_number_that_lost_its_leading_zero_is_read_with_it(tmp_path):
    rows = [["Sønderjysk Biogas A/S", "2345678", "6200", "Aabenraa", "Danmark", "Hans Hansen",
             "hh@sjbiogas.dk", "+4574123456", "15.03.2018", ""]]
    plan = plan_for(tmp_path, rows)
    assert plan.clean and plan.candidates[0].values["vat_number"] == "DK02345678"


def test_a_phone_number_in_an_unused_range_is_kept_with_a_remark(tmp_path):
    """+45 2000 0000 has a Danish number's length but is not in a range in use: it must not
    block the whole import. It is kept as written, without an E.164 form."""
    unused = [*ROWS[2][:7], "+45 2000 0000", *ROWS[2][8:]]
    impossible = [*ROWS[3][:7], "12", *ROWS[3][8:]]
    plan = plan_for(tmp_path, [ROWS[0], unused])
    assert plan.clean
    contact = plan.candidates[1].contacts[0]
    assert (contact.phone, contact.phone_e164) == ("+45 2000 0000", "")
    [remark] = plan.remarks
    assert remark.row == 3 and remark.column == "H (Telefon)" and remark.value == "+45 2000 0000"
    assert remark.reason == "not in a number range in use in Denmark (+45); kept as written"
    still_bad = plan_for(tmp_path, [ROWS[0], impossible])
    assert [(p.row, p.column) for p in still_bad.problems] == [(3, "H (Telefon)")]
