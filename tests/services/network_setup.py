"""A small world for the Network services: members, partners abroad (with people), stakeholders,
activities with participants and funding calls, typed in through their own services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from clusterdesk.services import (
    activities,
    funding,
    funding_sources,
    members,
    participants,
    partners,
    stakeholders,
)
from clusterdesk.services.activities import ActivityInput
from clusterdesk.services.funding import CallInput, DeadlineInput
from clusterdesk.services.members import MemberInput
from clusterdesk.services.partners import PartnerContactInput, PartnerInput
from clusterdesk.services.stakeholders import StakeholderContactInput, StakeholderInput
from tests.conftest import FIXED_NOW

TODAY = FIXED_NOW.date()


@dataclass
class World:
    sensor: object  # members
    membrane: object
    hamburg: object  # partners abroad
    delft: object
    bergen: object
    een: object  # a stakeholder
    trips: list  # activities
    horizon: object  # calls
    rejected: object


def build_world(ctx) -> World:
    sensor, _ = members.create_member(ctx, MemberInput(name="Gudenå Sensor ApS", city="Silkeborg",
                                                       markets=("DE", "US")))
    membrane, _ = members.create_member(ctx, MemberInput(name="Limfjord Membran ApS", city="Aalborg",
                                                         markets=("VN",)))
    hamburg, _ = partners.create_partner(ctx, PartnerInput(
        "Wasser Netzwerk Hamburg", kind="cluster", country="DE", driven_by="companies",
        trust_stage="established", focus="Smart water networks, leak detection",
        contacts=(PartnerContactInput("Leonie Groß", "International projects"),)))
    delft, _ = partners.create_partner(ctx, PartnerInput(
        "Aqua Delft", kind="cluster", country="NL", driven_by="research", focus="Delta technology, sensors"))
    bergen, _ = partners.create_partner(ctx, PartnerInput(
        "Bergen Vann", kind="cluster", country="NO", driven_by="companies", focus="Aquaculture, desalination"))
    een, _ = stakeholders.create_stakeholder(ctx, StakeholderInput(
        "EEN Kiel", kind="een_office", country="DE", relation="strategic",
        offers="Partner searches for companies, leak detection contacts",
        contacts=(StakeholderContactInput("Hauke Petersen", "Business adviser"),)))
    trips = []
    for days_ago, name in ((400, "Study trip to Delft"), (120, "Study trip to Hamburg"), (-30, "Mission to Oslo")):
        detail, _ = activities.create_activity(ctx, ActivityInput(
            name, TODAY - timedelta(days=days_ago), kind="study_trip",
            status="done" if days_ago > 0 else "planned"))
        trips.append(detail)
    for member in (sensor, membrane):
        row, _ = participants.add_participant(ctx, trips[1].id, member.id)
        participants.set_participant_status(ctx, [row.id], "attended")
    participants.add_participant(ctx, trips[2].id, sensor.id)
    source, _ = funding_sources.create_source(ctx, funding_sources.SourceInput("Horizon Europe", "horizon"))
    horizon, _ = funding.create_call(ctx, CallInput(
        "Digital twins for resilient urban water systems", source_id=source.id, status="watching",
        deadlines=(DeadlineInput(TODAY + timedelta(days=90), "Proposal"),)))
    rejected, _ = funding.create_call(ctx, CallInput(
        "Digital twins for drinking water", source_id=source.id, status="rejected",
        deadlines=(DeadlineInput(TODAY - timedelta(days=90), "Proposal", done=True),),
        decided_on=TODAY - timedelta(days=10), submitted_on=TODAY - timedelta(days=90),
        preparing_on=TODAY - timedelta(days=120)))
    return World(sensor, membrane, hamburg, delft, bergen, een, trips, horizon, rejected)


def a_day(days: int) -> date:
    return TODAY + timedelta(days=days)
