"""Questionnaires and answers on a real workspace file: templates, the builder's save (in
revisions once answered), answers on a member's behalf, prefill, results and raw answers."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from clusterdesk.domain.questionnaires import AnswerValue, Choice, QuestionDef
from clusterdesk.services import answers, members, survey_results, surveys
from clusterdesk.services.errors import ServiceError, ValidationError
from clusterdesk.store.models import MemberMarket


@pytest.fixture
def member(ctx):
    detail, _ = members.create_member(ctx, members.MemberInput(
        name="Limfjord Membran ApS", city="Aalborg", markets=("NO",),
        international_orientation="latent"))
    return detail.id


def builder_input(*questions, name="Needs 2026", version=0) -> surveys.QuestionnaireInput:
    return surveys.QuestionnaireInput(name=name, questions=tuple(questions), version=version)


def qd(kind, text, choices=(), **kw) -> QuestionDef:
    return QuestionDef(key=kw.pop("key", ""), kind=kind, text=text,
                       choices=tuple(Choice("", c) for c in choices), **kw)


def market_rows(ctx, member_id):
    with ctx.uow() as uow:
        return sorted((m.country, m.source) for m in uow.session.scalars(
            select(MemberMarket).where(MemberMarket.member_id == member_id,
                                       MemberMarket.deleted_at.is_(None))))


def test_templates_are_offered_and_copied_into_the_workspace(ctx):
    offered = {t.key: t for t in surveys.builtin_templates()}
    assert set(offered) == {"member-needs-survey", "phone-campaign", "activity-evaluation",
                            "innovation-express-outcomes", "long-term-follow-up"}
    detail, changes = surveys.install_template(ctx, "phone-campaign")
    assert changes.touches("questionnaires", "questions")
    assert detail.template_key == "phone-campaign" and detail.revision == 1
    assert len(detail.data.questions) == offered["phone-campaign"].questions
    again, _ = surveys.install_template(ctx, "phone-campaign")
    assert again.data.name == "Annual phone campaign (2)"
    rows = surveys.list_questionnaires(ctx)
    assert [r.name for r in rows] == ["Annual phone campaign", "Annual phone campaign (2)"]
    assert rows[0].questions == len(detail.data.questions) and rows[0].answers == 0


def test_builder_edits_in_place_while_nobody_answered(ctx):
    detail, _ = surveys.create_questionnaire(ctx, builder_input(
        qd("single_choice", "Size?", ["Small", "Large"]), qd("free_text", "Notes")))
    size, notes = detail.data.questions
    edited = (replace(notes, text="Notes and wishes"),
              replace(size, choices=(*size.choices, Choice("", "Huge"))),
              qd("rating", "Satisfied?"))
    saved, _ = surveys.save_questionnaire(ctx, detail.id, builder_input(*edited, version=detail.data.version))
    assert saved.id == detail.id and saved.revision == 1
    assert [q.key for q in saved.data.questions] == ["notes", "size", "satisfied"]
    assert [q.id for q in saved.data.questions[:2]] == [notes.id, size.id]  # same rows
    assert [c.key for c in saved.data.questions[1].choices] == ["small", "large", "huge"]
    removed, _ = surveys.save_questionnaire(ctx, detail.id, builder_input(
        saved.data.questions[2], qd("free_text", "Notes"), version=saved.data.version))
    assert [q.key for q in removed.data.questions] == ["satisfied", "notes"]
    assert removed.data.questions[1].id != notes.id  # a new question may reuse a deleted key


def test_builder_refuses_what_cannot_be_saved_naming_the_place(ctx):
    with pytest.raises(ValidationError) as err:
        surveys.create_questionnaire(ctx, builder_input(qd("single_choice", "Pick"), name=" "))
    assert set(err.value.errors) == {"name", "Question 1"}
    with pytest.raises(ValidationError) as err:
        surveys.create_questionnaire(ctx, builder_input())
    assert "at least one question" in err.value.errors["questions"]


def test_answered_questionnaire_is_saved_as_a_new_revision(ctx, member):
    detail, _ = surveys.create_questionnaire(ctx, builder_input(
        qd("single_choice", "Size?", ["Small", "Large"]), qd("rating", "Satisfied?")))
    first, _ = answers.save_answer_set(ctx, answers.AnswerSetInput(
        detail.id, member, answers={"size": AnswerValue(choices=("large",)),
                                    "satisfied": AnswerValue(number=Decimal(4))}))
    from clusterdesk.services import campaigns

    campaign, _ = campaigns.create_campaign(ctx, campaigns.CampaignInput("Calls", questionnaire_id=detail.id))
    size, satisfied = detail.data.questions
    changed = builder_input(replace(size, text="How big are you?", choices=(size.choices[0],)),
                            satisfied, qd("free_text", "Anything else?"),
                            version=detail.data.version)
    revision2, _ = surveys.save_questionnaire(ctx, detail.id, changed)
    assert revision2.id != detail.id and revision2.revision == 2
    assert revision2.family_id == detail.family_id
    assert [q.key for q in revision2.data.questions] == ["size", "satisfied", "anything_else"]
    old = surveys.get_questionnaire(ctx, detail.id)
    assert old.superseded and old.data.questions == detail.data.questions  # untouched
    kept = answers.get_answer_set(ctx, first.id)
    assert kept.questionnaire_id == detail.id
    assert kept.answers == {"size": AnswerValue(choices=("large",)),
                            "satisfied": AnswerValue(number=Decimal(4))}
    assert campaigns.get_campaign(ctx, campaign.id).data.questionnaire_id == revision2.id
    rows = surveys.list_questionnaires(ctx)
    assert [(r.id, r.revision, r.answers) for r in rows] == [(revision2.id, 2, 1)]
    with pytest.raises(ServiceError, match="newer revision"):
        surveys.save_questionnaire(ctx, detail.id, changed)
    # Only the name changed: same revision, even with answers.
    renamed, _ = surveys.save_questionnaire(ctx, revision2.id, replace(
        revision2.data, name="Needs survey"))
    assert renamed.id == revision2.id and renamed.data.name == "Needs survey"
    assert surveys.current_revision_id(ctx, detail.id) == revision2.id


def test_delete_is_refused_while_answers_exist_and_copies_keep_keys(ctx, member):
    detail, _ = surveys.install_template(ctx, "member-needs-survey")
    copy, _ = surveys.duplicate_questionnaire(ctx, detail.id)
    assert copy.data.name == "Copy of Member survey: international needs"
    assert [q.key for q in copy.data.questions] == [q.key for q in detail.data.questions]
    answers.save_answer_set(ctx, answers.AnswerSetInput(
        detail.id, member, answers={"intl_focus": AnswerValue(choices=("yes",))}))
    with pytest.raises(ServiceError, match="1 answer set"):
        surveys.delete_questionnaire(ctx, detail.id)
    surveys.delete_questionnaire(ctx, copy.id)
    assert [r.id for r in surveys.list_questionnaires(ctx)] == [detail.id]


def test_answers_on_behalf_feed_markets_and_orientation_only_when_confirmed(ctx, member):
    survey, _ = surveys.install_template(ctx, "member-needs-survey")
    values = {"intl_focus": AnswerValue(choices=("yes",)),
              "markets": AnswerValue(choices=("DE", "SE"), other="Japan"),
              "importance": AnswerValue(number=Decimal(5))}
    saved, changes = answers.save_answer_set(ctx, answers.AnswerSetInput(
        survey.id, member, answered_on=date(2026, 11, 20), source="email", answers=values))
    assert changes.touches("answer_sets", "answers", "member_markets")
    assert saved.answered_by == "Tester (TT)" and saved.source == "email"
    assert market_rows(ctx, member) == [("DE", "survey"), ("JP", "survey"), ("NO", "profile"),
                                        ("SE", "survey")]
    assert members.get_member(ctx, member).data.international_orientation == "latent"
    corrected, _ = answers.save_answer_set(ctx, replace(
        answers.AnswerSetInput(survey.id, member, answers={**values, "markets": AnswerValue(choices=("DE",))}),
        update_orientation=True, version=saved.version), saved.id)
    assert corrected.id == saved.id
    assert market_rows(ctx, member) == [("DE", "survey"), ("NO", "profile")]
    assert members.get_member(ctx, member).data.international_orientation == "defined"
    answers.delete_answer_set(ctx, saved.id)
    assert market_rows(ctx, member) == [("NO", "profile")]  # the profile's own stays
    answers.restore_answer_set(ctx, saved.id)
    assert market_rows(ctx, member) == [("DE", "survey"), ("NO", "profile")]


def test_refused_answers_name_the_field_and_question(ctx, member):
    survey, _ = surveys.install_template(ctx, "phone-campaign")
    with pytest.raises(ValidationError) as err:
        answers.save_answer_set(ctx, answers.AnswerSetInput(
            survey.id, None, answered_on=date(2027, 1, 1),
            answers={"satisfaction": AnswerValue(number=Decimal(7))}))
    errors = err.value.errors
    assert set(errors) == {"answered_on", "member", "answer:satisfaction"}
    assert errors["answer:satisfaction"].startswith("Question 1 (How satisfied")
    assert answers.list_answer_sets(ctx, survey.id) == []


def test_an_empty_answer_set_is_refused(ctx, member):
    survey, _ = surveys.install_template(ctx, "phone-campaign")
    with pytest.raises(ValidationError) as err:
        answers.save_answer_set(ctx, answers.AnswerSetInput(
            survey.id, member, answers={"priorities": AnswerValue(text="   ")}))
    assert set(err.value.errors) == {"answers"}
    assert "Nothing is answered yet" in err.value.errors["answers"]
    saved, _ = answers.save_answer_set(ctx, answers.AnswerSetInput(
        survey.id, member, answers={"priorities": AnswerValue(text="Hire an export manager")}))
    with pytest.raises(ValidationError, match="delete them"):  # a correction that empties it
        answers.save_answer_set(ctx, answers.AnswerSetInput(survey.id, member, version=saved.version),
                                saved.id)
    assert len(answers.list_answer_sets(ctx, survey.id)) == 1


def test_answers_belong_to_a_campaign_that_asks_the_questionnaire_once_per_member(ctx, member):
    from clusterdesk.services import call_card, calls, campaigns

    survey, _ = surveys.install_template(ctx, "phone-campaign")
    needs, _ = surveys.install_template(ctx, "member-needs-survey")
    campaign, _ = campaigns.create_campaign(ctx, campaigns.CampaignInput(
        "Calls", questionnaire_id=survey.id))
    said = {"priorities": AnswerValue(text="Hire an export manager")}
    with pytest.raises(ValidationError, match="asks another questionnaire"):
        answers.save_answer_set(ctx, answers.AnswerSetInput(
            needs.id, member, answers={"comments": AnswerValue(text="Fine")}, campaign_id=campaign.id))
    first, _ = answers.save_answer_set(ctx, answers.AnswerSetInput(
        survey.id, member, answers=said, campaign_id=campaign.id))
    assert first.campaign_id == campaign.id and first.campaign_name == "Calls"
    results = survey_results.questionnaire_results(ctx, survey.id, campaign.id)
    assert results.respondents == 1
    with pytest.raises(ValidationError, match="already answered in “Calls”"):
        answers.save_answer_set(ctx, answers.AnswerSetInput(
            survey.id, member, answers=said, campaign_id=campaign.id))
    # Answers saved by a campaign call stay with that campaign.
    other, _ = members.create_member(ctx, members.MemberInput(name="Other ApS"))
    campaigns.add_targets(ctx, campaign.id, [other.id])
    (target,) = [t for t in campaigns.campaign_targets(ctx, campaign.id)]
    card = call_card.call_card(ctx, target.id)
    result, _ = calls.record_call(ctx, calls.CallInput(target.id, card.target_version, "done",
                                                       answers=said))
    detail = answers.get_answer_set(ctx, result.answer_set_id)
    with pytest.raises(ValidationError, match="stay with that campaign"):
        answers.save_answer_set(ctx, answers.AnswerSetInput(
            survey.id, other.id, answers=said, version=detail.version), detail.id)
    # A campaign in the bin: its answers can still be corrected (and keep it).
    campaigns.delete_campaign(ctx, campaign.id)
    corrected, _ = answers.save_answer_set(ctx, answers.AnswerSetInput(
        survey.id, member, answers={"priorities": AnswerValue(text="Two export managers")},
        version=first.version, campaign_id=campaign.id), first.id)
    assert corrected.campaign_id == campaign.id
    with pytest.raises(ValidationError, match="no longer exists"):
        answers.save_answer_set(ctx, answers.AnswerSetInput(
            survey.id, other.id, answers=said, campaign_id=campaign.id))


def test_follow_up_is_prefilled_from_the_outcome_answers(ctx, member):
    outcomes, _ = surveys.install_template(ctx, "innovation-express-outcomes")
    follow_up, _ = surveys.install_template(ctx, "long-term-follow-up")
    assert follow_up.data.prefill
    assert answers.earlier_answers(ctx, follow_up.id, member) is None
    answers.save_answer_set(ctx, answers.AnswerSetInput(outcomes.id, member, answered_on=date(2026, 5, 2), answers={
        "new_partners": AnswerValue(choices=("considering",)),
        "markets": AnswerValue(choices=("DE",), other="Poland"),
        "contract_value": AnswerValue(number=Decimal("250000")),
        "main_outcome": AnswerValue(text="Two pilots in Hamburg")}))
    prefill = answers.earlier_answers(ctx, follow_up.id, member)
    assert prefill.answered_on == date(2026, 5, 2)
    assert prefill.values == {"new_partners": AnswerValue(choices=("considering",)),
                              "markets": AnswerValue(choices=("DE",), other="Poland"),
                              "contract_value": AnswerValue(number=Decimal("250000"))}
    assert prefill.describe() == ("3 answers from 2 May 2026 "
                                  "(Outcomes of an activity (Innovation Express style))")
    # A later survey that also asked about markets: per question, the newest answer wins.
    survey, _ = surveys.install_template(ctx, "member-needs-survey")
    answers.save_answer_set(ctx, answers.AnswerSetInput(survey.id, member, answered_on=date(2026, 9, 1),
                                                        answers={"markets": AnswerValue(choices=("SE",))}))
    prefill = answers.earlier_answers(ctx, follow_up.id, member)
    assert prefill.values["markets"] == AnswerValue(choices=("SE",))
    assert prefill.values["contract_value"] == AnswerValue(number=Decimal("250000"))
    assert prefill.describe().startswith("3 answers from 2 earlier questionnaires, the latest 1 Sept 2026")


def test_results_count_across_revisions_and_export_raw_answers(ctx, tmp_path):
    from openpyxl import load_workbook

    from clusterdesk.exports.surveys import write_raw_answers

    ids = [members.create_member(ctx, members.MemberInput(name=f"Firma {n} ApS"))[0].id for n in range(3)]
    detail, _ = surveys.create_questionnaire(ctx, builder_input(
        qd("multiple_choice", "Which help?", ["Partners", "Funding", "Fairs"], allow_other=True),
        qd("rating", "Satisfied?"), qd("number", "Employees?"), qd("free_text", "Notes")))
    given = [
        {"which_help": AnswerValue(choices=("partners", "fairs")), "satisfied": AnswerValue(number=Decimal(5)),
         "employees": AnswerValue(number=Decimal("12")), "notes": AnswerValue(text="Keen")},
        {"which_help": AnswerValue(choices=("partners",), other="Tests abroad"),
         "satisfied": AnswerValue(number=Decimal(3)), "employees": AnswerValue(number=Decimal("2.5"))},
    ]
    for member_id, values in zip(ids, given, strict=False):
        answers.save_answer_set(ctx, answers.AnswerSetInput(detail.id, member_id, answered_on=date(2026, 11, 2),
                                                            answers=values))
    help_q, *rest = detail.data.questions
    revision2, _ = surveys.save_questionnaire(ctx, detail.id, builder_input(
        replace(help_q, choices=help_q.choices[:2]), *rest, version=detail.data.version))
    answers.save_answer_set(ctx, answers.AnswerSetInput(
        revision2.id, ids[2], answered_on=date(2026, 11, 3),
        answers={"which_help": AnswerValue(choices=("funding",))}))

    results = survey_results.questionnaire_results(ctx, revision2.id)
    assert results.respondents == 3 and results.revision == 2
    which, satisfied, employees, notes = results.questions
    assert [(c.label, c.count) for c in which.counts] == [
        ("Partners", 2), ("Funding", 1), ("Fairs (former choice)", 1)]
    assert [(o.text, o.count) for o in which.others] == [("Tests abroad", 1)] and which.answered == 3
    assert which.others[0].respondents[0].describe() == "Firma 1 ApS (2 Nov 2026)"
    assert satisfied.average == Decimal("4.00") and satisfied.answered == 2
    assert employees.average == Decimal("7.25") and employees.maximum == 12
    assert [(t.text, [r.member for r in t.respondents]) for t in notes.texts] == [("Keen", ["Firma 0 ApS"])]

    raw = survey_results.raw_answers(ctx, detail.id)
    path = tmp_path / "raw.xlsx"
    assert write_raw_answers(path, raw) == 3
    book = load_workbook(path)
    sheet = book["Answers"]
    header = [c.value for c in sheet[1]]
    assert header == ["Answered on", "Member", "Contact", "Respondent", "Campaign", "Entered by", "How",
                      "Revision", "Q1 Which help?", "Q2 Satisfied?", "Q3 Employees?", "Q4 Notes"]
    first = [c.value for c in sheet[2]]
    assert first[0].date() == date(2026, 11, 2) and first[1] == "Firma 0 ApS"
    assert first[5:] == ["Tester (TT)", "By phone", 1, "Partners; Fairs", 5, 12, "Keen"]
    second = [c.value for c in sheet[3]]
    assert second[8:11] == ["Partners; Other: Tests abroad", 3, 2.5] and second[11] is None
    third = [c.value for c in sheet[4]]
    assert third[7:9] == [2, "Funding"] and third[9] is None
    assert sheet.cell(4, 10).value is None
    questions = [[c.value for c in row] for row in book["Questions"].iter_rows(min_row=2)]
    assert questions[0] == ["Q1", "which_help", "Which help?", "Multiple choice",
                            "Partners; Funding; Other (text)"]
    assert questions[1][3] == "Rating 1–5"
