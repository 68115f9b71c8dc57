"""All tables. Importing this package registers every model on Base.metadata."""

from .campaigns import Campaign, CampaignTarget
from .core import AuditEntry, WorkspaceInfo
from .markets import MarketAnalysis, TargetMarket
from .members import ConsentRecord, Contact, Interaction, Member, MemberMarket, Tag, member_tags
from .surveys import Answer, AnswerSet, Question, Questionnaire

__all__ = [
    "Answer",
    "AnswerSet",
    "AuditEntry",
    "Campaign",
    "CampaignTarget",
    "ConsentRecord",
    "Contact",
    "Interaction",
    "MarketAnalysis",
    "Member",
    "MemberMarket",
    "Question",
    "Questionnaire",
    "Tag",
    "TargetMarket",
    "WorkspaceInfo",
    "member_tags",
]
