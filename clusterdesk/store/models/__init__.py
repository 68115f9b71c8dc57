"""All tables. Importing this package registers every model on Base.metadata."""

from .campaigns import Campaign, CampaignTarget
from .core import AuditEntry, WorkspaceInfo
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
    "Answer",
    "AnswerSet",
    "AuditEntry",
    "Campaign",
    "CampaignTarget",
    "ChecklistItem",
    "ChecklistTemplateItem",
    "ChecklistTemplateRecord",
    "ConsentRecord",
    "Contact",
    "ErasureEntry",
    "ImportBatch",
    "ImportItem",
    "ImportMapping",
    "Interaction",
    "MarketAnalysis",
    "Member",
    "MemberMarket",
    "MergeRecord",
    "Participant",
    "Partner",
    "PartnerContact",
    "Question",
    "Questionnaire",
    "SavedFilter",
    "Tag",
    "TargetMarket",
    "WorkspaceInfo",
    "activity_partners",
    "member_tags",
]
