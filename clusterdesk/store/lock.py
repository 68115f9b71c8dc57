"""One writer per workspace file.

A lock file beside the workspace holds who has it open (host, user, pid, since) and an OS
file lock. The OS lock dies with its process, so a crash on this computer never leaves the
file locked. A lock written on another computer cannot be checked from here (file locks are
unreliable on network shares), so it is only broken when the user says so.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .errors import StoreError, WorkspaceError

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


@dataclass(frozen=True)
class LockHolder:
    host: str
    user: str
    pid: int
    since: datetime | None
    person: str = ""  # the name the holder works under in ClusterDesk (a login may be shared)

    def describe(self) -> str:
        from ..domain.formatting import format_datetime

        when = format_datetime(self.since) if self.since else "an unknown time"
        who = self.person or self.user or "someone"
        if self.person and self.user:
            who += f" (login {self.user})"
        return f"{who} on {self.host or 'an unknown computer'} since {when}"


class LockHeld(StoreError):
    """The workspace is open for writing elsewhere."""

    def __init__(self, path: Path, holder: LockHolder, *, breakable: bool) -> None:
        self.path = path
        self.holder = holder
        # True when the holder is on another computer and may have crashed: the user can
        # break the lock on purpose. False when a live process here holds it.
        self.breakable = breakable
        super().__init__(
            f"{path.name} is already open for editing by {holder.describe()}."
            + (" If you are sure ClusterDesk is no longer running there, break the lock."
               if breakable else " Open it read-only, or close it there first.")
        )


def lock_path_for(workspace: Path) -> Path:
    return workspace.with_name(workspace.name + ".lock")


def this_holder(person: str = "") -> LockHolder:
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name is not a reason to refuse
        user = ""
    return LockHolder(socket.gethostname(), user, os.getpid(), datetime.now(UTC), person)


def read_holder(lock_file: Path) -> LockHolder | None:
    """Who the lock file names; what it cannot tell (a field another program or an editor
    garbled) stays unknown rather than failing."""
    try:
        data = json.loads(lock_file.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return None
    if not data or not isinstance(data, dict):
        return None

    def text(key: str) -> str:
        value = data.get(key)
        return value if isinstance(value, str) else ""

    pid = data.get("pid")
    try:
        since = datetime.fromisoformat(text("since")) if text("since") else None
    except ValueError:
        since = None
    if since is not None and since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    return LockHolder(text("host"), text("user"), pid if isinstance(pid, int) else 0, since,
                      text("person"))


class WorkspaceLock:
    def __init__(self, workspace: Path, person: str = "") -> None:
        self.workspace = workspace
        self.person = person
        self.path = lock_path_for(workspace)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, *, break_lock: bool = False) -> None:
        """Take the lock or raise LockHeld naming the holder."""
        me = this_holder(self.person)
        for _attempt in range(5):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as exc:
                raise WorkspaceError(
                    f"{self.workspace.name} cannot be opened for editing: its lock file "
                    f"{self.path} cannot be written ({exc.strerror or exc})."
                ) from exc
            if not _try_lock(fd):
                os.close(fd)
                holder = read_holder(self.path) or LockHolder("", "", 0, None)
                raise LockHeld(self.workspace, holder, breakable=False)
            # The file may have been unlinked by a releasing holder between open and lock.
            try:
                same_file = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                same_file = False
            if not same_file:
                _unlock(fd)
                os.close(fd)
                continue
            previous = read_holder(self.path)
            if previous and previous.host != me.host and not break_lock:
                _unlock(fd)
                os.close(fd)
                raise LockHeld(self.workspace, previous, breakable=True)
            payload = json.dumps({"host": me.host, "user": me.user, "person": me.person, "pid": me.pid,
                                  "since": me.since.isoformat(), "app": "ClusterDesk"})
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, payload.encode("utf-8"))
            os.fsync(fd)
            self._fd = fd
            return
        raise WorkspaceError(f"{self.workspace.name} cannot be opened for editing: its lock file "
                             "keeps being replaced by another program.")

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            self.path.unlink(missing_ok=True)
        finally:
            _unlock(fd)
            os.close(fd)
