"""Unit of work: one user action = one transaction (DESIGN §4.1)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import event, update
from sqlalchemy.orm import Session

from ..domain.changes import Changes
from .errors import ReadOnlyWorkspace
from .models.core import WorkspaceInfo
from .types import utcnow

if TYPE_CHECKING:
    from .workspace import Workspace


class UnitOfWork:
    """`with ctx.uow() as uow: ...; uow.commit()` — anything not committed is rolled back.

    After commit, `uow.changes` says which kinds of rows were written.
    """

    def __init__(self, workspace: Workspace, actor: str) -> None:
        self._workspace = workspace
        self._actor = actor
        self.session: Session
        self.changes = Changes()
        self._after_commit: list[Callable[[], None]] = []

    def __enter__(self) -> UnitOfWork:
        self.session = self._workspace.session_factory()
        self.session.info["actor"] = self._actor
        if self._workspace.read_only:
            reason = self._workspace.read_only_reason

            def refuse(session, _context, _instances):
                if session.new or session.dirty or session.deleted:
                    raise ReadOnlyWorkspace(reason)

            event.listen(self.session, "before_flush", refuse)
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if self.session.in_transaction():
                self.session.rollback()
        finally:
            self.session.close()

    def commit(self) -> Changes:
        session = self.session
        session.flush()
        kinds = frozenset(session.info.pop("touched_kinds", set()))
        ids = frozenset(session.info.pop("touched_ids", set()))
        if kinds:
            session.execute(update(WorkspaceInfo).values(last_change_at=utcnow()))
        session.commit()
        self.changes = Changes(kinds, ids)
        for callback in self._after_commit:
            callback()
        return self.changes

    def after_commit(self, callback: Callable[[], None]) -> None:
        self._after_commit.append(callback)
