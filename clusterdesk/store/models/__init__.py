"""All tables. Importing this package registers every model on Base.metadata."""

from .core import AuditEntry, WorkspaceInfo
from .imports import ImportBatch, ImportItem, ImportMapping, MergeRecord
from .members import ConsentRecord, Contact, Interaction, Member, MemberMarket, Tag, member_tags

__all__ = [
    "AuditEntry",
    "ConsentRecord",
    "Contact",
    "ImportBatch",
    "ImportItem",
    "ImportMapping",
    "Interaction",
    "Member",
    "MemberMarket",
    "MergeRecord",
    "Tag",
    "WorkspaceInfo",
    "member_tags",
]
