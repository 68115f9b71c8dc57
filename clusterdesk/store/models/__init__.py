"""All tables. Importing this package registers every model on Base.metadata."""

from .campaigns import Campaign, CampaignTarget
from .core import AuditEntry, WorkspaceInfo
from .evaluations import (
    ActivityEvaluation,
    Indicator,
    IndicatorSet,
    Measurement,
    MeasurementRound,
    Outcome,
    SuccessStory,
)
from .finance import (
    Budget,
    BudgetCost,
    BudgetFunding,
    CallDeadline,
    CallDocument,
    FundingCall,
    FundingSource,
    StaffLanguage,
    StaffMember,
    Stakeholder,
    StakeholderContact,
    SwotAnalysis,
    SwotItem,
)
from .imports import ImportBatch, ImportItem, ImportMapping, MergeRecord
from .lists import SavedFilter
from .markets import MarketAnalysis, TargetMarket
from .members import ConsentRecord, Contact, Interaction, Member, MemberMarket, Tag, member_tags
from .missions import (
    Activity,
    ChecklistItem,
    ChecklistTemplateItem,
    ChecklistTemplateRecord,
    Participant,
    Partner,
    PartnerContact,
    activity_partners,
)
from .privacy import ErasureEntry
from .surveys import Answer, AnswerSet, Question, Questionnaire

__all__ = [
    "Activity",
    "ActivityEvaluation",
    "Answer",
    "AnswerSet",
    "AuditEntry",
    "Budget",
    "BudgetCost",
    "BudgetFunding",
    "CallDeadline",
    "CallDocument",
    "Campaign",
    "CampaignTarget",
    "ChecklistItem",
    "ChecklistTemplateItem",
    "ChecklistTemplateRecord",
    "ConsentRecord",
    "Contact",
    "ErasureEntry",
    "FundingCall",
    "FundingSource",
    "ImportBatch",
    "ImportItem",
    "ImportMapping",
    "Indicator",
    "IndicatorSet",
    "Interaction",
    "MarketAnalysis",
    "Measurement",
    "MeasurementRound",
    "Member",
    "MemberMarket",
    "MergeRecord",
    "Outcome",
    "Participant",
    "Partner",
    "PartnerContact",
    "Question",
    "Questionnaire",
    "SavedFilter",
    "StaffLanguage",
    "StaffMember",
    "Stakeholder",
    "StakeholderContact",
    "SuccessStory",
    "SwotAnalysis",
    "SwotItem",
    "Tag",
    "TargetMarket",
    "WorkspaceInfo",
    "activity_partners",
    "member_tags",
]
