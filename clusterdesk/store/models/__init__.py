"""All tables. Importing this package registers every model on Base.metadata."""

from .core import AuditEntry, WorkspaceInfo
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

__all__ = [
    "Activity",
    "AuditEntry",
    "ChecklistItem",
    "ChecklistTemplateItem",
    "ChecklistTemplateRecord",
    "ConsentRecord",
    "Contact",
    "Interaction",
    "Member",
    "MemberMarket",
    "Participant",
    "Partner",
    "PartnerContact",
    "Tag",
    "WorkspaceInfo",
    "activity_partners",
    "member_tags",
]
