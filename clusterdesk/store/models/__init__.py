"""All tables. Importing this package registers every model on Base.metadata."""

from .core import AuditEntry, WorkspaceInfo
from .members import ConsentRecord, Contact, Interaction, Member, MemberMarket, Tag, member_tags

__all__ = [
    "AuditEntry",
    "ConsentRecord",
    "Contact",
    "Interaction",
    "Member",
    "MemberMarket",
    "Tag",
    "WorkspaceInfo",
    "member_tags",
]
