"""Questionnaire rules without a database: definitions, answers, numbers, what answers mean
for the member, result counting and the built-in templates."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clusterdesk.domain.answer_effects import (
    countries_in,
    needs_text,
    suggested_orientation,
    unknown_countries,
)
from clusterdesk.domain.questionnaire_templates import TemplateError, parse_template
from clusterdesk.domain.questionnaires import (
    AnswerValue,
    Choice,
    DefinitionError,
    QuestionDef,
    answer_text,
    check_answer,
    check_answers,
    make_key,
    normalise_questions,
    parse_number,
    value_from_json,
    value_to_json,
)
from clusterdesk.domain.survey_results import summarise

TEMPLATES = Path(__file__).resolve().parents[2] / "resources" / "questionnaires"


def q(kind, text="Question?", key="", choices=(), **kw) -> QuestionDef:
    return QuestionDef(key=key, kind=kind, text=text,
                       choices=tuple(Choice("", c) if isinstance(c, str) else c for c in choices), **kw)


class TestDefinitions:
    def test_keys_are_readable_unique_and_cut_at_a_word(self):
        assert make_key("Which countries are on your radar?") == "which_countries_are_on_your"
        assert make_key("Matchmaking events", taken={"matchmaking_events"}) == "matchmaking_events_2"
        long = make_key("One-to-one introductions to possible partners abroad")
        assert len(long) <= 32 and not long.endswith("_") and long.startswith("one_to_one")
        assert make_key("Ønsker til året") == "oensker_til_aaret"

    def test_normalise_gives_keys_and_keeps_given_ones(self):
        questions = normalise_questions([
            q("single_choice", "  How   big? ", choices=["Small", "Large"]),
            q("rating", "Satisfied?", key="satisfaction"),
        ])
        assert questions[0].text == "How big?" and questions[0].key == "how_big"
        assert [c.key for c in questions[0].choices] == ["small", "large"]
        assert questions[1].key == "satisfaction"

    def test_markets_choices_become_country_codes(self):
        (question,) = normalise_questions([q("multiple_choice", "Where?", role="markets",
                                             choices=["Tyskland", "UK", "Sverige"])])
        assert [c.key for c in question.choices] == ["DE", "GB", "SE"]
        assert [c.label for c in question.choices] == ["Tyskland", "UK", "Sverige"]

    def test_every_problem_is_named_by_question_number(self):
        with pytest.raises(DefinitionError) as err:
            normalise_questions([
                q("free_text", "Fine"),
                q("single_choice", "", choices=["a"]),
                q("multiple_choice", "Where?", role="markets", choices=["Germany", "Narnia"]),
                q("number", "How many?", role="orientation"),
                q("single_choice", "Pick", choices=["A", "a "]),
                q("single_choice", "Nothing to pick"),
                q("telepathy", "?"),
            ])
        errors = err.value.errors
        assert set(errors) == {f"Question {n}" for n in range(2, 8)}
        assert "no text" in errors["Question 2"]
        assert "Narnia" in errors["Question 3"] and "not a country" in errors["Question 3"]
        assert "International orientation" in errors["Question 4"]
        assert "twice" in errors["Question 5"]
        assert "at least one choice" in errors["Question 6"]
        assert "telepathy" in errors["Question 7"]

    def test_fixed_options_of_yes_no_and_rating(self):
        assert [c.key for c in q("yes_no_considering").options()] == ["yes", "no", "considering"]
        assert [c.key for c in q("rating").options()] == ["1", "2", "3", "4", "5"]
        assert q("number").options() == ()


class TestNumbers:
    @pytest.mark.parametrize("typed, expected", [
        ("12", "12"), ("12,5", "12.5"), ("12.5", "12.5"), ("1.234,5", "1234.5"),
        ("1,234.5", "1234.5"), ("1 234", "1234"), ("1.200", "1200"), ("1.200.000", "1200000"),
        ("1,200,000", "1200000"), ("-3", "-3"), ("−3,5", "-3.5"), ("  7 ", "7"),
    ])
    def test_numbers_as_people_type_them(self, typed, expected):
        assert parse_number(typed) == Decimal(expected)

    def test_empty_is_none_and_nonsense_is_refused(self):
        assert parse_number("  ") is None
        for bad in ("twelve", "1.2.3", "NaN", "Infinity"):
            with pytest.raises(ValueError, match="not a number"):
                parse_number(bad)

    @given(st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=-10**9, max_value=10**9))
    def test_a_plain_decimal_round_trips(self, value):
        assert parse_number(format(value, "f")) == value


class TestAnswers:
    def test_choice_answers_are_checked_and_ordered(self):
        question = normalise_questions([q("multiple_choice", "Which?", choices=["A", "B", "C"],
                                          allow_other=True)])[0]
        checked = check_answer(question, AnswerValue(choices=("c", "a", "a"), other="  Also  D "))
        assert checked.choices == ("a", "c") and checked.other == "Also D"
        with pytest.raises(ValueError, match="not one of the choices"):
            check_answer(question, AnswerValue(choices=("z",)))

    def test_single_choice_takes_one(self):
        question = normalise_questions([q("single_choice", "One?", choices=["A", "B"], allow_other=True)])[0]
        with pytest.raises(ValueError, match="only one"):
            check_answer(question, AnswerValue(choices=("a", "b")))
        with pytest.raises(ValueError, match="not both"):
            check_answer(question, AnswerValue(choices=("a",), other="C"))
        assert check_answer(question, AnswerValue(other="C")).other == "C"

    def test_ratings_are_whole_numbers_one_to_five(self):
        rating = q("rating", key="r")
        assert check_answer(rating, AnswerValue(number=Decimal("4"))).number == 4
        assert check_answer(rating, AnswerValue(choices=("5",))).number == 5
        for bad in ("0", "6", "3.5"):
            with pytest.raises(ValueError, match="1 to 5"):
                check_answer(rating, AnswerValue(number=Decimal(bad)))

    def test_check_answers_names_the_question(self):
        questions = normalise_questions([q("free_text", "Notes"), q("rating", "How satisfied are you with us?")])
        with pytest.raises(DefinitionError) as err:
            check_answers(questions, {"how_satisfied_are_you_with_us": AnswerValue(number=Decimal(9)),
                                      "notes": AnswerValue(text="ok")})
        assert err.value.errors == {
            "how_satisfied_are_you_with_us": "Question 2 (How satisfied are you with us?): "
                                             "a rating is a whole number from 1 to 5"}
        assert check_answers(questions, {"notes": AnswerValue(text=" ok "), "x": AnswerValue(text="?")}) \
            == {"notes": AnswerValue(text="ok")}

    def test_answer_text_and_json_round_trip(self):
        question = normalise_questions([q("multiple_choice", "Which?", choices=["Alpha", "Beta"],
                                          allow_other=True)])[0]
        value = AnswerValue(choices=("alpha", "beta"), other="Gamma")
        assert answer_text(question, value) == "Alpha; Beta; Other: Gamma"
        number = AnswerValue(number=Decimal("12.50"))
        assert answer_text(q("number"), number) == "12.5"
        for v in (value, number, AnswerValue(text="hello")):
            assert value_from_json(value_to_json(v)) == v


class TestWhatAnswersMean:
    def test_markets_from_choices_and_typed_countries(self):
        question = normalise_questions([q("multiple_choice", "Where?", role="markets",
                                          choices=["Germany", "Sweden"], allow_other=True)])[0]
        value = AnswerValue(choices=("DE",), other="Japan, Tyskland og Narnia")
        assert countries_in(question, value) == ("DE", "JP")
        assert unknown_countries(question, value) == ("Narnia",)
        free = q("free_text", role="markets")
        assert countries_in(free, AnswerValue(text="Poland; USA")) == ("PL", "US")
        assert countries_in(q("free_text"), AnswerValue(text="Poland")) == ()

    def test_orientation_suggestion(self):
        yes_no = [q("yes_no_considering", key="focus", role="orientation")]
        answer = {"focus": AnswerValue(choices=("yes",))}
        assert suggested_orientation(yes_no, answer, "latent") == "defined"
        assert suggested_orientation(yes_no, answer, "active") is None  # yes fits active
        assert suggested_orientation(yes_no, answer, "defined") is None
        assert suggested_orientation(yes_no, {"focus": AnswerValue(choices=("considering",))}, "none") == "latent"
        scale = [q("single_choice", key="stage", role="orientation",
                   choices=[Choice("none", "No"), Choice("active", "Exporting")])]
        assert suggested_orientation(scale, {"stage": AnswerValue(choices=("active",))}, "latent") == "active"
        assert suggested_orientation(scale, {}, "latent") is None

    def test_needs_text_from_needs_questions_only(self):
        questions = normalise_questions([
            q("multiple_choice", "Help?", role="needs", choices=["Partners", "Funding"], allow_other=True),
            q("free_text", "Priorities?", role="needs"),
            q("free_text", "Other notes"),
        ])
        values = {"help": AnswerValue(choices=("funding",), other="Tests"),
                  "priorities": AnswerValue(text="Export to Poland"),
                  "other_notes": AnswerValue(text="not a need")}
        assert needs_text(questions, values) == "Funding; Other: Tests\nExport to Poland"


class TestResults:
    def test_counts_shares_average_and_texts(self):
        question = normalise_questions([q("multiple_choice", "Which?", choices=["A", "B"],
                                          allow_other=True)])[0]
        values = [AnswerValue(choices=("a", "b")), AnswerValue(choices=("a",), other="C"),
                  None, AnswerValue(choices=("gone",))]
        result = summarise(1, question, values, {"gone": "Old choice"})
        assert result.respondents == 4 and result.answered == 3
        counts = {c.key: (c.count, round(c.share, 2)) for c in result.counts}
        assert counts == {"a": (2, 0.67), "b": (1, 0.33), "gone": (1, 0.33)}
        assert result.counts[-1].label == "Old choice (former choice)"
        assert [o.text for o in result.others] == ["C"] and result.former_choices == ("gone",)

    def test_written_answers_say_who_and_identical_ones_are_counted_together(self):
        from datetime import date

        from clusterdesk.domain.survey_results import Respondent

        question = q("free_text", key="t")
        values = [AnswerValue(text="Hire an export manager"), AnswerValue(text="Growth in Germany"),
                  None, AnswerValue(text="hire an  export manager."), AnswerValue(text="Hire an export manager")]
        who = [Respondent("Aqua Klima ApS", "Frederik Rasmussen", date(2026, 11, 18)),
               Respondent("Blå Energi I/S", "", date(2026, 11, 25)),
               Respondent("Nobody", "", date(2026, 11, 1)),
               Respondent("Brønd Sensor ApS", "Bo Mikkelsen", date(2026, 11, 22)),
               Respondent("", "Jens Jensen", date(2026, 11, 20))]
        result = summarise(7, question, values, respondents=who)
        manager, germany = result.texts
        assert (manager.text, manager.count, germany.count) == ("Hire an export manager", 3, 1)
        assert [r.describe() for r in manager.respondents] == [
            "Brønd Sensor ApS (Bo Mikkelsen, 22 Nov 2026)", "Jens Jensen (20 Nov 2026)",
            "Aqua Klima ApS (Frederik Rasmussen, 18 Nov 2026)"]
        assert germany.respondents[0].describe() == "Blå Energi I/S (25 Nov 2026)"

    def test_rating_average_min_max(self):
        values = [AnswerValue(number=Decimal(n)) for n in (5, 4, 4)] + [AnswerValue()]
        result = summarise(2, q("rating", key="r"), values)
        assert result.average == Decimal("4.33") and (result.minimum, result.maximum) == (4, 5)
        assert [c.count for c in result.counts] == [0, 0, 0, 2, 1]
        assert result.response_rate == 0.75


class TestTemplates:
    def test_every_builtin_template_loads(self):
        files = sorted(TEMPLATES.glob("*.toml"))
        keys = {parse_template(p.read_text(encoding="utf-8"), p.name).key for p in files}
        assert keys == {"member-needs-survey", "phone-campaign", "activity-evaluation",
                        "innovation-express-outcomes", "long-term-follow-up"}

    def test_follow_up_reuses_the_outcome_keys_and_prefills(self):
        def load(name):
            return parse_template((TEMPLATES / name).read_text(encoding="utf-8"), name)

        outcomes, follow_up = load("innovation-express-outcomes.toml"), load("long-term-follow-up.toml")
        shared = {x.key for x in outcomes.questions} & {x.key for x in follow_up.questions}
        assert {"new_markets", "new_partners", "contracts", "contract_value", "markets"} <= shared
        assert follow_up.prefill and not outcomes.prefill

    def test_template_roles(self):
        survey = parse_template((TEMPLATES / "member-needs-survey.toml").read_text(encoding="utf-8"))
        roles = {x.key: x.role for x in survey.questions}
        assert roles["intl_focus"] == "orientation" and roles["markets"] == "markets"
        markets = next(x for x in survey.questions if x.key == "markets")
        assert [c.key for c in markets.choices][:3] == ["DE", "SE", "NO"]

    @pytest.mark.parametrize("text, message", [
        ("key = ", "not valid TOML"),
        ('name = "x"\n[[questions]]\nkind="free_text"\ntext="a"', "“key” is missing"),
        ('key = "k"\nname = "x"', "at least one"),
        ('key = "k"\nname = "x"\n[[questions]]\nkind = "dance"\ntext = "a"', "Question 1"),
        ('key = "k"\nname = "x"\n[[questions]]\nkind = "single_choice"\ntext = "a"\nchoices = [1]',
         "neither text"),
    ])
    def test_bad_templates_name_the_problem(self, text, message):
        with pytest.raises(TemplateError, match=message):
            parse_template(text, "mine.toml")
