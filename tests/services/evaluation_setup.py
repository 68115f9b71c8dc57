"""A small workspace for the evaluation tests: members with a contact each, and a trip that
ended with four participants (three came, one did not)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from clusterdesk.domain.questionnaires import AnswerValue
from clusterdesk.services import activities, answers, evaluations, participants
from clusterdesk.services.contacts import ContactInput, create_contact
from clusterdesk.services.members import MemberInput, create_member

NAMES = ("Limfjord Membran ApS", "Gudenå Sensor ApS", "Vestkyst Pumper A/S", "Fjordby Forsyning A/S")


@dataclass
class Trip:
    id: object
    members: dict  # name → member id
    contacts: dict  # name → contact id
    last_day: date


def make_trip(ctx, *, ended_days_ago: int = 20, name: str = "Study trip to Delft") -> Trip:
    members, contacts = {}, {}
    for member_name in NAMES:
        detail, _ = create_member(ctx, MemberInput(name=member_name, country="DK"))
        members[member_name] = detail.id
        contact, _ = create_contact(ctx, detail.id, ContactInput(name=f"Person of {member_name.split()[0]}"))
        contacts[member_name] = contact.id
    last = ctx.today() - timedelta(days=ended_days_ago)
    trip, _ = activities.create_activity(ctx, activities.ActivityInput(
        name=name, starts_on=last - timedelta(days=2), ends_on=last, kind="study_trip", status="done",
        city="Delft", country="NL", responsible="Tester (TT)"))
    for member_name in NAMES:
        row, _ = participants.add_participant(ctx, trip.id, members[member_name], contacts[member_name])
        participants.set_participant_status(ctx, [row.id],
                                            "no_show" if member_name == NAMES[-1] else "attended")
    return Trip(trip.id, members, contacts, last)


def plan(ctx, trip: Trip, months: int = 6):
    """The default plan (built-in evaluation and follow-up questionnaires) saved."""
    default = evaluations.get_evaluation(ctx, trip.id).plan
    detail, _ = evaluations.save_plan(ctx, trip.id, evaluations.PlanInput(
        default.questionnaire, default.follow_up, months))
    return detail


def answer(ctx, detail, trip: Trip, member_name: str, *, overall: int = 4, questionnaire=None,
           values=None, answered_on=None):
    data = answers.AnswerSetInput(
        questionnaire or detail.questionnaire_id, trip.members[member_name], trip.contacts[member_name],
        answered_on=answered_on or trip.last_day + timedelta(days=3),
        answers=values or {"overall_rating": AnswerValue(number=Decimal(overall)),
                           "again": AnswerValue(choices=("yes",))},
        activity_id=trip.id)
    return answers.save_answer_set(ctx, data)[0]
