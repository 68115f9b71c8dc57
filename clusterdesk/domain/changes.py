"""What a write changed, so that each screen refreshes only for the data it shows."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    kinds: frozenset[str] = field(default_factory=frozenset)  # table names, e.g. "members"
    ids: frozenset[uuid.UUID] = field(default_factory=frozenset)

    @classmethod
    def of(cls, *kinds: str, ids: tuple[uuid.UUID, ...] = ()) -> Changes:
        return cls(frozenset(kinds), frozenset(ids))

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.kinds | other.kinds, self.ids | other.ids)

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def touches(self, *kinds: str) -> bool:
        """True when any of the given kinds changed; everything counts after a full reload."""
        return "*" in self.kinds or bool(self.kinds.intersection(kinds))


EVERYTHING = Changes(frozenset({"*"}))
