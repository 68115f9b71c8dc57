"""All tables. Importing this package registers every model on Base.metadata."""

from .core import AuditEntry, WorkspaceInfo
from .lists import SavedFilter
from .members import ConsentRecord, Contact, Interaction, Member, MemberMarket, Tag, member_tags
from .privacy import ErasureEntry

__all__ = [
    "AuditEntry",
    "ConsentRecord",
    "Contact",
    "ErasureEntry",
    "Interaction",
    "Member",
    "MemberMarket",
    "SavedFilter",
    "Tag",
    "WorkspaceInfo",
    "member_tags",
]
