"""What every service function gets: the open workspace, the person at the keyboard, a clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from ..store.uow import UnitOfWork
from ..store.workspace import Workspace


def _system_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class ServiceContext:
    workspace: Workspace
    actor: str = ""
    clock: Callable[[], datetime] = field(default=_system_now)

    def uow(self) -> UnitOfWork:
        return self.workspace.uow(self.actor)

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        return self.clock().astimezone().date()
