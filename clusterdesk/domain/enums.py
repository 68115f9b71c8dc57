"""Closed vocabularies of the data model, with the labels users see."""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A string enum whose members carry a human label."""

    @property
    def label(self) -> str:
        # Keyed by class too: equal values in different enums ("active") have different labels.
        return _LABELS.get((type(self).__name__, self.value), self.value.replace("_", " ").capitalize())

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(m.value, m.label) for m in cls]


class MemberKind(LabelledEnum):
    SME = "sme"
    LARGE_COMPANY = "large_company"
    RESEARCH = "research"
    PUBLIC_BODY = "public_body"
    OTHER = "other"


class SizeBand(LabelledEnum):
    MICRO = "micro"
    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"
    UNKNOWN = "unknown"


class MemberStatus(LabelledEnum):
    ACTIVE = "active"
    PROSPECT = "prospect"
    PAUSED = "paused"
    FORMER = "former"


class InternationalOrientation(LabelledEnum):
    """How far a member has come internationally (handbook §1: a latent or defined need)."""

    NONE = "none"
    LATENT = "latent"
    DEFINED = "defined"
    ACTIVE = "active"


class InteractionKind(LabelledEnum):
    VISIT = "visit"
    PHONE_CALL = "phone_call"
    MEETING = "meeting"
    EMAIL = "email"
    EVENT = "event"


_LABELS: dict[tuple[str, str], str] = {
    ("MemberKind", MemberKind.SME.value): "SME",
    ("MemberKind", MemberKind.LARGE_COMPANY.value): "Large company",
    ("MemberKind", MemberKind.RESEARCH.value): "Research / knowledge institution",
    ("MemberKind", MemberKind.PUBLIC_BODY.value): "Public body",
    ("MemberKind", MemberKind.OTHER.value): "Other",
    ("SizeBand", SizeBand.MICRO.value): "Micro (1–9)",
    ("SizeBand", SizeBand.SMALL.value): "Small (10–49)",
    ("SizeBand", SizeBand.MEDIUM.value): "Medium (50–249)",
    ("SizeBand", SizeBand.LARGE.value): "Large (250+)",
    ("SizeBand", SizeBand.UNKNOWN.value): "Unknown",
    ("InternationalOrientation", InternationalOrientation.NONE.value): "No international need yet",
    ("InternationalOrientation", InternationalOrientation.LATENT.value): "Latent need",
    ("InternationalOrientation", InternationalOrientation.DEFINED.value): "Defined need",
    ("InternationalOrientation", InternationalOrientation.ACTIVE.value): "Active internationally",
    ("InteractionKind", InteractionKind.PHONE_CALL.value): "Phone call",
    ("InteractionKind", InteractionKind.EVENT.value): "Event attendance",
}


# --- Phase 4: partners abroad, activities, participants (handbook §4.1–§4.3) -------------


class PartnerKind(LabelledEnum):
    CLUSTER = "cluster"
    ORGANISATION = "organisation"


class PartnerDriver(LabelledEnum):
    """Who drives a foreign cluster: companies (e.g. Catalonia) or research (e.g. France), §4.1."""

    COMPANIES = "companies"
    RESEARCH = "research"
    MIXED = "mixed"
    UNKNOWN = "unknown"


class EceiLabel(LabelledEnum):
    """The European Cluster Excellence Initiative label (§4.1.1)."""

    NONE = "none"
    BRONZE = "bronze"
    SILVER = "silver"
    GOLD = "gold"


class TrustStage(LabelledEnum):
    """How far the trust has come: test on a small scale before the big projects (§4.1)."""

    FIRST_CONTACT = "first_contact"
    SMALL_PROJECT = "small_project"
    ESTABLISHED = "established"


class ActivityKind(LabelledEnum):
    STUDY_TRIP = "study_trip"
    COMPANY_MISSION = "company_mission"
    MATCHMAKING = "matchmaking"
    WORKSHOP = "workshop"
    INNOVATION_PROJECT = "innovation_project"
    VISIT_FROM_ABROAD = "visit_from_abroad"
    FAIR_AT_HOME = "fair_at_home"
    ONLINE_MATCHMAKING = "online_matchmaking"
    HIGH_PROFILE_EVENT = "high_profile_event"


class ActivityStatus(LabelledEnum):
    IDEA = "idea"
    PLANNED = "planned"
    REGISTRATION = "registration"
    UNDER_WAY = "under_way"
    DONE = "done"
    CANCELLED = "cancelled"


class ParticipantStatus(LabelledEnum):
    REGISTERED = "registered"
    CONFIRMED = "confirmed"
    ATTENDED = "attended"
    NO_SHOW = "no_show"
    WITHDRAWN = "withdrawn"


_LABELS.update({
    ("PartnerKind", PartnerKind.CLUSTER.value): "Cluster",
    ("PartnerKind", PartnerKind.ORGANISATION.value): "Other organisation",
    ("PartnerDriver", PartnerDriver.COMPANIES.value): "Companies",
    ("PartnerDriver", PartnerDriver.RESEARCH.value): "Research",
    ("PartnerDriver", PartnerDriver.MIXED.value): "Companies and research",
    ("PartnerDriver", PartnerDriver.UNKNOWN.value): "Not known",
    ("EceiLabel", EceiLabel.NONE.value): "No label",
    ("EceiLabel", EceiLabel.BRONZE.value): "Bronze",
    ("EceiLabel", EceiLabel.SILVER.value): "Silver",
    ("EceiLabel", EceiLabel.GOLD.value): "Gold",
    ("TrustStage", TrustStage.FIRST_CONTACT.value): "First contact",
    ("TrustStage", TrustStage.SMALL_PROJECT.value): "Small joint project",
    ("TrustStage", TrustStage.ESTABLISHED.value): "Established",
    ("ActivityKind", ActivityKind.STUDY_TRIP.value): "Study / innovation trip",
    ("ActivityKind", ActivityKind.COMPANY_MISSION.value): "Company mission",
    ("ActivityKind", ActivityKind.MATCHMAKING.value): "Matchmaking event",
    ("ActivityKind", ActivityKind.WORKSHOP.value): "International workshop",
    ("ActivityKind", ActivityKind.INNOVATION_PROJECT.value): "International innovation project",
    ("ActivityKind", ActivityKind.VISIT_FROM_ABROAD.value): "Visit from abroad",
    ("ActivityKind", ActivityKind.FAIR_AT_HOME.value): "Fair / conference at home",
    ("ActivityKind", ActivityKind.ONLINE_MATCHMAKING.value): "Online matchmaking",
    ("ActivityKind", ActivityKind.HIGH_PROFILE_EVENT.value): "High-profile event",
    ("ActivityStatus", ActivityStatus.IDEA.value): "Idea",
    ("ActivityStatus", ActivityStatus.PLANNED.value): "Planned",
    ("ActivityStatus", ActivityStatus.REGISTRATION.value): "Registration open",
    ("ActivityStatus", ActivityStatus.UNDER_WAY.value): "Under way",
    ("ActivityStatus", ActivityStatus.DONE.value): "Carried out",
    ("ActivityStatus", ActivityStatus.CANCELLED.value): "Cancelled",
    ("ParticipantStatus", ParticipantStatus.NO_SHOW.value): "No-show",
    ("ParticipantStatus", ParticipantStatus.WITHDRAWN.value): "Withdrew",
})
