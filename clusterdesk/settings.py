"""Small typed preferences, stored as JSON (never pickled). Window geometry lives in QSettings."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

MAX_RECENT = 8


@dataclass
class Preferences:
    user_name: str = ""
    initials: str = ""
    language: str = "en"
    last_workspace: str = ""
    recent_workspaces: list[str] = field(default_factory=list)
    # Per list ("members"), the columns the user hid; a personal view choice, so it lives
    # here and not in the shared workspace.
    hidden_columns: dict[str, list[str]] = field(default_factory=dict)

    @property
    def actor(self) -> str:
        """How the person at the keyboard is recorded in `updated_by`, ticks and call logs."""
        if self.user_name and self.initials:
            return f"{self.user_name} ({self.initials})"
        return self.user_name or self.initials or _login_name()

    def remember_workspace(self, location: str) -> None:
        self.last_workspace = location
        recent = [location] + [r for r in self.recent_workspaces if r != location]
        self.recent_workspaces = recent[:MAX_RECENT]

    def forget_workspace(self, location: str) -> None:
        self.recent_workspaces = [r for r in self.recent_workspaces if r != location]
        if self.last_workspace == location:
            self.last_workspace = ""


def _login_name() -> str:
    try:
        import getpass

        return getpass.getuser()
    except Exception:  # noqa: BLE001
        return ""


def load_preferences(path: Path) -> Preferences:
    """Read preferences; unknown keys are ignored and a broken file gives the defaults."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Preferences()
    known = {f.name for f in fields(Preferences)}
    values = {k: v for k, v in raw.items() if k in known} if isinstance(raw, dict) else {}
    try:
        return Preferences(**values)
    except TypeError:
        return Preferences()


def save_preferences(path: Path, prefs: Preferences) -> None:
    """Write atomically so that a crash never leaves half a settings file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(prefs), indent=2, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)
