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


# --- Phase 2: funding, budgets, stakeholders, SWOT, the secretariat (handbook §2.1–§2.3) ----


class FundingSourceKind(LabelledEnum):
    """Where money for international work comes from (§2.2): a patchwork spreads the risk."""

    BASIC_FUNDING = "basic_funding"
    REGIONAL_FUND = "regional_fund"
    HORIZON = "horizon"
    INTERREG = "interreg"
    COSME = "cosme"
    ERDF_ESF = "erdf_esf"
    NATIONAL = "national"
    PRIVATE = "private"
    PARTICIPANT_FEES = "participant_fees"
    OTHER = "other"

    @property
    def is_eu(self) -> bool:
        return self in (FundingSourceKind.HORIZON, FundingSourceKind.INTERREG,
                        FundingSourceKind.COSME, FundingSourceKind.ERDF_ESF)


class CallStatus(LabelledEnum):
    """A call's way from being watched to a decision (§2.2.1)."""

    WATCHING = "watching"
    PREPARING = "preparing"
    SUBMITTED = "submitted"
    GRANTED = "granted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"

    @property
    def is_open(self) -> bool:
        return self in (CallStatus.WATCHING, CallStatus.PREPARING, CallStatus.SUBMITTED)


class CostCategory(LabelledEnum):
    TRAVEL = "travel"
    ACCOMMODATION = "accommodation"
    SUBSISTENCE = "subsistence"
    VENUE = "venue"
    LOCAL_TRANSPORT = "local_transport"
    PROGRAMME = "programme"
    CATERING = "catering"
    MARKETING = "marketing"
    STAFF_TIME = "staff_time"
    STAFF_TRAVEL = "staff_travel"
    OTHER = "other"


class CostTier(LabelledEnum):
    """Who a cost belongs to in the co-funding models of §2.2.3."""

    PARTICIPANTS = "participants"
    ACTIVITY = "activity"
    SECRETARIAT = "secretariat"


class CoFundingModel(LabelledEnum):
    """How much of an activity its participants pay (§2.2.3), from nothing to everything."""

    NONE = "none"
    OWN_COSTS = "own_costs"
    PLUS_ACTIVITY = "plus_activity"
    PLUS_SECRETARIAT = "plus_secretariat"


class StakeholderKind(LabelledEnum):
    BUSINESS_ASSOCIATION = "business_association"
    FOREIGN_CLUSTER = "foreign_cluster"
    EEN_OFFICE = "een_office"
    MINISTRY = "ministry"
    KNOWLEDGE_INSTITUTION = "knowledge_institution"
    FUNDING_BODY = "funding_body"
    MUNICIPALITY_REGION = "municipality_region"
    OTHER = "other"


class StakeholderRelationship(LabelledEnum):
    NONE = "none"
    OCCASIONAL = "occasional"
    REGULAR = "regular"
    STRATEGIC = "strategic"


class SwotQuadrant(LabelledEnum):
    STRENGTHS = "strengths"
    WEAKNESSES = "weaknesses"
    OPPORTUNITIES = "opportunities"
    THREATS = "threats"


class LanguageLevel(LabelledEnum):
    BASIC = "basic"
    WORKING = "working"
    FLUENT = "fluent"
    NATIVE = "native"


_LABELS.update({
    ("FundingSourceKind", FundingSourceKind.BASIC_FUNDING.value): "Basic funding",
    ("FundingSourceKind", FundingSourceKind.REGIONAL_FUND.value): "Regional fund",
    ("FundingSourceKind", FundingSourceKind.HORIZON.value): "EU – Horizon Europe",
    ("FundingSourceKind", FundingSourceKind.INTERREG.value): "EU – Interreg",
    ("FundingSourceKind", FundingSourceKind.COSME.value): "EU – COSME / Single Market",
    ("FundingSourceKind", FundingSourceKind.ERDF_ESF.value): "EU – ERDF / ESF",
    ("FundingSourceKind", FundingSourceKind.NATIONAL.value): "National programme",
    ("FundingSourceKind", FundingSourceKind.PRIVATE.value): "Private co-funding",
    ("FundingSourceKind", FundingSourceKind.PARTICIPANT_FEES.value): "Participant fees",
    ("FundingSourceKind", FundingSourceKind.OTHER.value): "Other",
    ("CallStatus", CallStatus.WATCHING.value): "Watching",
    ("CallStatus", CallStatus.PREPARING.value): "Preparing",
    ("CallStatus", CallStatus.SUBMITTED.value): "Submitted",
    ("CallStatus", CallStatus.GRANTED.value): "Granted",
    ("CallStatus", CallStatus.REJECTED.value): "Rejected",
    ("CallStatus", CallStatus.WITHDRAWN.value): "Withdrawn",
    ("CostCategory", CostCategory.TRAVEL.value): "Participants' travel",
    ("CostCategory", CostCategory.ACCOMMODATION.value): "Participants' accommodation",
    ("CostCategory", CostCategory.SUBSISTENCE.value): "Participants' meals and spending",
    ("CostCategory", CostCategory.VENUE.value): "Venue and facilities",
    ("CostCategory", CostCategory.LOCAL_TRANSPORT.value): "Transport on site",
    ("CostCategory", CostCategory.PROGRAMME.value): "Programme, guides, interpreters",
    ("CostCategory", CostCategory.CATERING.value): "Joint meals and network dinner",
    ("CostCategory", CostCategory.MARKETING.value): "Marketing and invitations",
    ("CostCategory", CostCategory.STAFF_TIME.value): "Secretariat staff time",
    ("CostCategory", CostCategory.STAFF_TRAVEL.value): "Secretariat travel",
    ("CostCategory", CostCategory.OTHER.value): "Other activity costs",
    ("CostTier", CostTier.PARTICIPANTS.value): "Participants' own costs",
    ("CostTier", CostTier.ACTIVITY.value): "Activity costs",
    ("CostTier", CostTier.SECRETARIAT.value): "Secretariat costs",
    ("CoFundingModel", CoFundingModel.NONE.value): "Free for participants",
    ("CoFundingModel", CoFundingModel.OWN_COSTS.value): "Participants pay their own costs",
    ("CoFundingModel", CoFundingModel.PLUS_ACTIVITY.value): "… plus the activity costs",
    ("CoFundingModel", CoFundingModel.PLUS_SECRETARIAT.value): "… plus the secretariat's costs",
    ("StakeholderKind", StakeholderKind.BUSINESS_ASSOCIATION.value): "Business association",
    ("StakeholderKind", StakeholderKind.FOREIGN_CLUSTER.value): "Foreign cluster",
    ("StakeholderKind", StakeholderKind.EEN_OFFICE.value): "Enterprise Europe Network office",
    ("StakeholderKind", StakeholderKind.MINISTRY.value): "Ministry or embassy",
    ("StakeholderKind", StakeholderKind.KNOWLEDGE_INSTITUTION.value): "Knowledge institution",
    ("StakeholderKind", StakeholderKind.FUNDING_BODY.value): "Funding body",
    ("StakeholderKind", StakeholderKind.MUNICIPALITY_REGION.value): "Municipality or region",
    ("StakeholderKind", StakeholderKind.OTHER.value): "Other",
    ("StakeholderRelationship", StakeholderRelationship.NONE.value): "No contact yet",
    ("StakeholderRelationship", StakeholderRelationship.OCCASIONAL.value): "Occasional contact",
    ("StakeholderRelationship", StakeholderRelationship.REGULAR.value): "Regular cooperation",
    ("StakeholderRelationship", StakeholderRelationship.STRATEGIC.value): "Strategic partnership",
    ("LanguageLevel", LanguageLevel.WORKING.value): "Working knowledge",
})
