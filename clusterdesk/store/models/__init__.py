"""All tables. Importing this package registers every model on Base.metadata."""

from .campaigns import Campaign, CampaignTarget
from .core import AuditEntry, WorkspaceInfo
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
from .strategy import (
    ActionPlan,
    ActionPlanParticipant,
    ActionPlanTarget,
    Kpi,
    KpiMeasurement,
    StrategyMilestone,
    StrategyVersion,
    SubActivity,
)
from .surveys import Answer, AnswerSet, Question, Questionnaire

__all__ = [
    "ActionPlan",
    "ActionPlanParticipant",
    "ActionPlanTarget",
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
    "Interaction",
    "Kpi",
    "KpiMeasurement",
    "MarketAnalysis",
    "Member",
    "MemberMarket",
    "Participant",
    "Partner",
    "PartnerContact",
    "Question",
    "Questionnaire",
    "SavedFilter",
    "StrategyMilestone",
    "StrategyVersion",
    "SubActivity",
    "Tag",
    "TargetMarket",
    "WorkspaceInfo",
    "activity_partners",
    "member_tags",
]
