"""Choosing a member by typing part of its name: the members that match are looked up in the
database as you type (so a workspace of any size answers at once) and offered in a list;
Enter takes the one chosen. Used where members are signed up or named (Missions ▸
participants, an action plan's participants)."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit

from ...services import participants as participant_service
from .forms import mark_invalid

MAX_CHOICES = 30  # members offered while typing a name


class MemberLookup(QLineEdit):
    """A line that finds members; `choice()` is the member meant, or None."""

    choice_changed = Signal(object)  # MemberChoice | None

    def __init__(self, controller, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.choices: list[participant_service.MemberChoice] = []
        self.setPlaceholderText("type a member's name, Enter adds")
        self.names = QStringListModel(self)
        completer = QCompleter(self.names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        self.textChanged.connect(self._typed)
        completer.activated.connect(lambda _text: self._typed())

    def _typed(self, *_args) -> None:
        mark_invalid(self, None)
        ctx = self.controller.ctx
        text = self.text().strip()
        self.choices = (participant_service.member_choices(ctx, text, limit=MAX_CHOICES)
                        if ctx is not None and len(text) >= 2 else [])
        names = [c.name for c in self.choices]
        if names != self.names.stringList():
            self.names.setStringList(names)
        self.choice_changed.emit(self.choice())

    def choice(self) -> participant_service.MemberChoice | None:
        """The member whose name was typed, or the only one whose name contains it."""
        text = self.text().strip().casefold()
        exact = [c for c in self.choices if c.name.casefold() == text]
        if exact:
            return exact[0]
        partial = [c for c in self.choices if text and text in c.name.casefold()]
        return partial[0] if len(partial) == 1 else None

    def refuse(self, message: str = "Pick a member from the list (type part of the name)") -> None:
        mark_invalid(self, message)
        self.setFocus()
