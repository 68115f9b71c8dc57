"""Evaluation answers imported from Excel: the dry run lists every bad row and column with the
value and the reason and writes nothing; a clean file is imported whole; importing it again
corrects the answers instead of adding them twice; the sheet to fill in reads back."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from clusterdesk.services import answers, evaluation_import, evaluations
from clusterdesk.services.errors import ValidationError

from .evaluation_setup import NAMES, make_trip, plan


def write_xlsx(path, rows):
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


HEADERS = ("Member", "Contact", "Answered on", "Q2 How would you rate the talks?", "overall_rating",
           "Would you take part in a similar activity again?", "Q1", "Learned", "Shoe size")


@pytest.fixture
def trip(ctx):
    trip = make_trip(ctx)
    return trip, plan(ctx, trip)


def sets_of(ctx, detail):
    return answers.list_answer_sets(ctx, detail.questionnaire_id)


def test_the_dry_run_lists_every_bad_row_and_column_and_writes_nothing(ctx, trip, tmp_path):
    trip, detail = trip
    path = write_xlsx(tmp_path / "answers.xlsx", [
        HEADERS,
        (NAMES[0], "", datetime(2026, 11, 10), 4, 5, "ja", "Meet possible customers", "Pilots", 44),
        ("Gudenå", "", "12-11-2026", "good", 7, "perhaps not", "Buy cheese", "", ""),
        (),
        ("Nobody ApS", "", "", 3, 3, "yes", "", "", ""),
        ("limfjord membran aps", "", "", 2, 2, "no", "", "", ""),
        (NAMES[2], "", "01-01-2027", 5, 5, "yes", "2", "", ""),
    ])
    check = evaluation_import.check_answer_file(ctx, trip.id, detail.questionnaire_id, path)
    found = [(p.row, p.column, p.value, p.reason) for p in check.problems]
    assert found == [
        (3, "Q2 How would you rate the talks?", "good", "is not a number"),
        (3, "overall_rating", "7", "a rating is a whole number from 1 to 5"),
        (3, "Would you take part in a similar activity again?", "perhaps not", "is not yes, no or considering"),
        (5, "Member", "Nobody ApS", "is not one of the participants"),
        (6, "Member", "limfjord membran aps", "is answered twice (also in row 2)"),
        (7, "Answered on", "01-01-2027", "is after today"),
    ]
    assert check.ignored == ("Shoe size",) and not check.ok
    assert str(check.problems[0]) == "Row 3, Q2 How would you rate the talks?: “good” is not a number"
    assert str(check.problems[1]) == "Row 3, overall_rating: “7” — a rating is a whole number from 1 to 5"
    with pytest.raises(evaluation_import.ImportRefused) as refused:
        evaluation_import.import_answer_file(ctx, trip.id, detail.questionnaire_id, path)
    assert "6 problems" in str(refused.value) and "Row 5, Member" in str(refused.value)
    assert sets_of(ctx, detail) == []  # all or nothing


def test_a_clean_file_is_imported_whole_and_a_second_import_corrects_it(ctx, trip, tmp_path):
    trip, detail = trip
    rows = [HEADERS,
            (NAMES[0], "", datetime(2026, 11, 10), 4, 5, "ja", "Meet possible customers", "Pilots first", ""),
            ("Gudenå", "", "12-11-2026", "", 3, "considering", "3", "", ""),
            (NAMES[2], "", "", "", "", "", "", "", ""),  # came, but answered nothing
            ("", "", "", "", "", "", "", "", "")]
    path = write_xlsx(tmp_path / "answers.xlsx", rows)
    check = evaluation_import.check_answer_file(ctx, trip.id, detail.questionnaire_id, path)
    assert check.ok and (check.new, check.updates, check.unanswered) == (2, 0, 1)
    assert check.summary() == "Ready to import: 2 new sets of answers, 2 rows without answers skipped."
    imported, changes = evaluation_import.import_answer_file(ctx, trip.id, detail.questionnaire_id, path,
                                                             source="email")
    assert changes.touches("answer_sets", "answers") and imported.new == 2
    sets = {s.member_name: s for s in sets_of(ctx, detail)}
    assert set(sets) == {NAMES[0], NAMES[1]} and sets[NAMES[0]].source == "email"
    first = answers.get_answer_set(ctx, sets[NAMES[0]].id)
    assert first.activity_id == trip.id and first.answered_on == date(2026, 11, 10)
    assert first.contact_id == trip.contacts[NAMES[0]]  # the participant's person
    assert first.answers["overall_rating"].number == Decimal(5)
    assert first.answers["again"].choices == ("yes",) and first.answers["learned"].text == "Pilots first"
    assert first.answers["purpose"].choices == ("meet_possible_customers",)
    second = answers.get_answer_set(ctx, sets[NAMES[1]].id)
    assert second.answers["purpose"].choices == ("learn_about_the_market",)  # choice number 3
    assert second.answered_on == date(2026, 11, 12)
    state = evaluations.get_evaluation(ctx, trip.id).state
    assert (state.counted, state.answered) == (3, 2)
    # The same file corrected and imported again: corrections, no duplicates.
    rows[1] = (NAMES[0], "", datetime(2026, 11, 10), 4, 2, "no", "", "", "")
    write_xlsx(path, rows)
    again = evaluation_import.check_answer_file(ctx, trip.id, detail.questionnaire_id, path)
    assert (again.new, again.updates) == (0, 2)
    evaluation_import.import_answer_file(ctx, trip.id, detail.questionnaire_id, path)
    assert len(sets_of(ctx, detail)) == 2
    corrected = answers.get_answer_set(ctx, sets[NAMES[0]].id)
    assert corrected.answers["overall_rating"].number == Decimal(2) and "learned" not in corrected.answers


def test_the_sheet_to_fill_in_reads_back(ctx, trip, tmp_path):
    from clusterdesk.exports.evaluations import write_answer_template
    from clusterdesk.services.surveys import get_questionnaire

    trip, detail = trip
    questionnaire = get_questionnaire(ctx, detail.questionnaire_id)
    people = [(p.member_name, p.contact_name) for p in detail.participants if p.counted]
    path = tmp_path / "to fill in.xlsx"
    assert write_answer_template(path, questionnaire.data.questions, people) == 3
    book = load_workbook(path)
    sheet = book["Answers"]
    headers = [c.value for c in sheet[1]]
    assert headers[:4] == ["Member", "Contact", "Answered on", "Q1 What was your main reason for taking part?"]
    assert [sheet.cell(r, 1).value for r in range(2, 5)] == sorted(NAMES[:3])
    guide = [tuple(c.value for c in row) for row in book["How to fill in"].iter_rows(min_row=2)]
    assert guide[1][2] == "a whole number from 1 to 5" and "Meet possible customers" in guide[0][2]
    overall = headers.index("Q7 All things considered, how would you rate the activity?") + 1
    for row in range(2, 5):
        sheet.cell(row, overall).value = row + 1
    book.save(path)
    check = evaluation_import.check_answer_file(ctx, trip.id, detail.questionnaire_id, path)
    assert check.ok and check.new == 3 and check.ignored == ()
    evaluation_import.import_answer_file(ctx, trip.id, detail.questionnaire_id, path)
    assert evaluations.get_evaluation(ctx, trip.id).state.evaluation_closed  # all three answered


def test_a_file_that_is_not_a_workbook_is_named(ctx, trip, tmp_path):
    trip, detail = trip
    path = tmp_path / "answers.xlsx"
    path.write_text("Member;Q1\nLimfjord;4\n", encoding="utf-8")
    with pytest.raises(ValidationError) as refused:
        evaluation_import.check_answer_file(ctx, trip.id, detail.questionnaire_id, path)
    assert "cannot be read as an Excel workbook" in refused.value.errors["file"]
    headless = write_xlsx(tmp_path / "odd.xlsx", [("Company name", "Colour"), ("Limfjord", "blue")])
    check = evaluation_import.check_answer_file(ctx, trip.id, detail.questionnaire_id, headless)
    assert [p.reason for p in check.problems][0].startswith("has no column for the member")


def test_cells_read_as_answers_to_each_kind_of_question():
    from clusterdesk.domain.questionnaires import Choice, QuestionDef
    from clusterdesk.imports.evaluation_answers import parse_cell

    fields = QuestionDef("fields", "multiple_choice", "Fields?", choices=(
        Choice("water", "Drinking water"), Choice("waste", "Wastewater"), Choice("sea", "Sea, harbours")))
    assert parse_cell(fields, "Wastewater; drinking water").choices == ("water", "waste")
    assert parse_cell(fields, "1\nSea, harbours").choices == ("water", "sea")
    with pytest.raises(ValueError, match="not one of the choices"):
        parse_cell(fields, "Fish")  # no "other" allowed for this question
    markets = QuestionDef("markets", "multiple_choice", "Markets?", role="markets", allow_other=True,
                          choices=(Choice("DE", "Germany"), Choice("SE", "Sweden")))
    assert parse_cell(markets, "Tyskland, Sverige, Japan") == parse_cell(markets, "DE; SE; Japan")
    assert parse_cell(markets, "Tyskland, Japan").other == "Japan"
    number = QuestionDef("n", "number", "How many?")
    assert parse_cell(number, 12.0).number == Decimal(12) and parse_cell(number, "1.200").number == Decimal(1200)
    rating = QuestionDef("r", "rating", "Rate it")
    with pytest.raises(ValueError, match="whole number from 1 to 5"):
        parse_cell(rating, 4.5)
    assert parse_cell(QuestionDef("y", "yes_no_considering", "Again?"), "Nej").choices == ("no",)
    assert parse_cell(rating, None).is_empty()
