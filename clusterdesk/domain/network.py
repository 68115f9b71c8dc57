"""Phase 5 as plain vocabularies and rules (handbook §5.1–§5.3): meta-clusters and their joint
agenda, the catalogue of permanent services, partner-search requests from members, and the
pipeline that matures project ideas into funded projects.

When could a service become permanent?
--------------------------------------
The handbook's advice (§5.2) is to turn the ad-hoc projects that work into permanent
services. A service *could become permanent* when it is not permanent yet (nor paused) and
at least `REPEATED` of the activities linked to it have been held — started by today and
not cancelled: it was run more than once, so there is something to build on.
"""

from __future__ import annotations

from datetime import date

from .enums import LabelledEnum

REPEATED = 2  # held activities that make an ad-hoc service a candidate for a permanent one


class PartnershipKind(LabelledEnum):
    """A formalised collaboration between clusters (§5.1.1, §5.3)."""

    ESCP_4I = "escp_4i"
    ALLIANCE = "alliance"
    GLOBAL_NETWORK = "global_network"
    INFORMAL = "informal"

    @property
    def label(self) -> str:
        return {"escp_4i": "Strategic cluster partnership (ESCP-4i)", "alliance": "Formal alliance",
                "global_network": "Global network", "informal": "Informal network"}[self.value]


class OurRole(LabelledEnum):
    LEAD = "lead"
    PARTNER = "partner"
    OBSERVER = "observer"

    @property
    def label(self) -> str:
        return {"lead": "Lead / coordinator", "partner": "Partner", "observer": "Observer"}[self.value]


class AgendaKind(LabelledEnum):
    """What stands on a meta-cluster's joint agenda."""

    JOINT_ACTION = "joint_action"
    APPLICATION = "application"
    EVENT = "event"
    MEETING = "meeting"

    @property
    def label(self) -> str:
        return {"joint_action": "Joint action", "application": "Joint application",
                "event": "Event", "meeting": "Partner meeting"}[self.value]


class AgendaStatus(LabelledEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"

    @property
    def is_open(self) -> bool:
        return self in (AgendaStatus.PLANNED, AgendaStatus.IN_PROGRESS)


class ServiceCategory(LabelledEnum):
    """The kinds of permanent international services the handbook describes (§5.2)."""

    MATCHMAKING = "matchmaking"
    PROJECT_HELP = "project_help"
    PARTNER_SEARCH = "partner_search"
    HIGH_PROFILE_EVENTS = "high_profile_events"
    MISSIONS = "missions"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {"matchmaking": "International matchmaking", "project_help": "Project development help",
                "partner_search": "Partner search", "high_profile_events": "High-profile events",
                "missions": "Missions and study trips", "other": "Other"}[self.value]


class ServiceStatus(LabelledEnum):
    IDEA = "idea"
    AD_HOC = "ad_hoc"
    PERMANENT = "permanent"
    PAUSED = "paused"

    @property
    def label(self) -> str:
        return {"idea": "Idea", "ad_hoc": "Ad hoc so far", "permanent": "Permanent",
                "paused": "Paused"}[self.value]


class PriceModel(LabelledEnum):
    """How members pay for a service (§5.2.2: a free basic part and a priced extended part)."""

    FREE = "free"
    BASIC_EXTENDED = "basic_extended"
    PER_PARTICIPANT = "per_participant"
    FIXED_FEE = "fixed_fee"

    @property
    def label(self) -> str:
        return {"free": "Free for members", "basic_extended": "Basic free, extended priced",
                "per_participant": "Price per participant", "fixed_fee": "Fixed fee"}[self.value]


class PartnerType(LabelledEnum):
    """The kind of partner a member looks for (§5.2.3: companies and knowledge institutions)."""

    COMPANY = "company"
    RESEARCH = "research"
    CLUSTER = "cluster"
    PUBLIC_BODY = "public_body"
    ANY = "any"

    @property
    def label(self) -> str:
        return {"company": "Company", "research": "Research / knowledge institution",
                "cluster": "Cluster", "public_body": "Public body", "any": "Any kind"}[self.value]


class RequestStatus(LabelledEnum):
    OPEN = "open"
    FOUND = "found"
    NOT_FOUND = "not_found"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return {"open": "Searching", "found": "Partner found", "not_found": "Not found",
                "withdrawn": "Withdrawn"}[self.value]

    @property
    def is_open(self) -> bool:
        return self is RequestStatus.OPEN


class ProposalResponse(LabelledEnum):
    """What came of a candidate proposed to the member."""

    WAITING = "waiting"
    INTERESTED = "interested"
    IN_TALKS = "in_talks"
    AGREED = "agreed"
    DECLINED = "declined"
    NO_ANSWER = "no_answer"

    @property
    def label(self) -> str:
        return {"waiting": "Waiting", "interested": "Interested", "in_talks": "Met / in talks",
                "agreed": "Cooperation agreed", "declined": "Declined",
                "no_answer": "No answer"}[self.value]


class Maturity(LabelledEnum):
    """A project idea's way to a funded project (§5.2.2), in the order of the board."""

    IDEA = "idea"
    CONCEPT = "concept"
    CONSORTIUM = "consortium"
    APPLICATION = "application"
    FUNDED = "funded"
    DROPPED = "dropped"

    @property
    def is_active(self) -> bool:
        return self not in (Maturity.FUNDED, Maturity.DROPPED)


def move_stage(maturity: str, step: int) -> Maturity:
    """The stage `step` columns to the right (or left, negative) on the board, stopping at
    either end."""
    stages = list(Maturity)
    index = stages.index(Maturity(maturity)) + step
    return stages[max(0, min(len(stages) - 1, index))]


def could_become_permanent(status: str, held_activities: int) -> bool:
    """A service run ad hoc (or still an idea) that was held at least `REPEATED` times."""
    return (ServiceStatus(status) in (ServiceStatus.IDEA, ServiceStatus.AD_HOC)
            and held_activities >= REPEATED)


def was_held(status: str, starts_on: date, today: date) -> bool:
    """An activity counts as held once it has started and was not cancelled or a mere idea."""
    return status not in ("cancelled", "idea") and starts_on <= today


def join_codes(codes) -> str:
    """Countries kept in one column: 'DE,NL' (ISO codes, in the order given, no repeats)."""
    return ",".join(dict.fromkeys(c.upper() for c in codes if c))


def split_codes(text: str | None) -> tuple[str, ...]:
    return tuple(c for c in (text or "").split(",") if c)
