"""The participants of an activity: sign members (and the person going) up by typing a name,
then mark them confirmed, attended or no-show — several at once, with one key (1–5)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import ParticipantStatus
from ...domain.formatting import format_date
from ...services import participants as participant_service
from ...services.errors import ValidationError
from ..common.forms import mark_invalid
from ..common.member_lookup import MemberLookup
from ..common.table_model import ROW_ROLE, Column
from ..common.table_view import sorted_table
from ..common.theme import DONE, OVERDUE

COLUMNS = (
    Column("member", "Member", lambda r: r.member_name, width=175, tooltip=lambda r: r.member_name),
    Column("person", "Person", lambda r: r.contact_name, width=120,
           tooltip=lambda r: r.contact_email),
    Column("status", "Status", lambda r: ParticipantStatus(r.status).label, width=80),
    Column("registered", "Signed up", lambda r: r.registered_on, format_date, width=88),
    Column("note", "Note", lambda r: r.note),
)
STATUS_KEYS = tuple(ParticipantStatus)  # 1 = registered … 5 = withdrew
STATUS_COLOURS = {"attended": DONE, "no_show": OVERDUE, "withdrawn": "#8a96a3"}


def _status_colour(row, role: int):
    colour = STATUS_COLOURS.get(row.status)
    if role == Qt.ItemDataRole.ForegroundRole and colour:
        return QBrush(QColor(colour))
    return None


class ParticipantsPanel(QWidget):
    counts_changed = Signal(str)

    def __init__(self, controller, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.activity_id = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)

        add = QHBoxLayout()
        label = QLabel("Si&gn up:")
        self.member_edit = MemberLookup(controller)
        label.setBuddy(self.member_edit)
        self.member_edit.choice_changed.connect(self._member_chosen)
        self.member_edit.returnPressed.connect(self.add)
        self.contact_combo = QComboBox()
        self.contact_combo.setToolTip("The person going for the member")
        self.contact_combo.setMinimumWidth(150)
        self.add_button = QPushButton("Add")
        self.add_button.setToolTip("Sign the member up (Enter)")
        self.add_button.clicked.connect(self.add)
        add.addWidget(label)
        add.addWidget(self.member_edit, 2)
        add.addWidget(self.contact_combo, 1)
        add.addWidget(self.add_button)
        layout.addLayout(add)

        self.view, self.model, self.proxy = sorted_table(COLUMNS, self, multi_select=True)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.model.decorate = _status_colour
        layout.addWidget(self.view, 1)

        marks = QHBoxLayout()
        marks.addWidget(QLabel("Mark:"))
        self.status_buttons = []
        for number, status in enumerate(STATUS_KEYS, start=1):
            button = QPushButton(status.label)
            button.setToolTip(f"Mark the selected participants as “{status.label}” (key {number} in the list)")
            button.clicked.connect(lambda _=False, s=status.value: self.mark(s))
            marks.addWidget(button)
            self.status_buttons.append(button)
            shortcut = QShortcut(QKeySequence(str(number)), self.view, lambda s=status.value: self.mark(s))
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        marks.addStretch(1)
        layout.addLayout(marks)
        bottom = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setProperty("role", "hint")
        self.summary.setWordWrap(True)
        bottom.addWidget(self.summary, 1)
        self.remove_button = QPushButton("Remove")
        self.remove_button.setToolTip("Take the selected participants off the list (Delete)")
        self.remove_button.clicked.connect(self.remove)
        bottom.addWidget(self.remove_button)
        remove = QShortcut(QKeySequence.StandardKey.Delete, self.view, self.remove)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        layout.addLayout(bottom)

    # --- loading -------------------------------------------------------------------------------

    def set_activity(self, activity_id) -> None:
        self.activity_id = activity_id
        self.reload()

    def reload(self) -> None:
        ctx = self.controller.ctx
        if ctx is None or self.activity_id is None:
            self.model.set_rows([])
            self.summary.clear()
            self.counts_changed.emit("")
            return
        rows = participant_service.list_participants(ctx, self.activity_id)
        self.model.set_rows(rows)
        counts = Counter(r.status for r in rows)
        parts = [f"{counts[s.value]} {s.label.lower()}" for s in ParticipantStatus if counts[s.value]]
        self.summary.setText(" · ".join(parts) or "Nobody signed up yet.")
        going = sum(counts[s] for s in ("registered", "confirmed", "attended"))
        self.counts_changed.emit(str(going))

    def _member_chosen(self, choice) -> None:
        """Offer the people who could go for the member typed."""
        self.contact_combo.clear()
        if choice is None:
            return
        self.contact_combo.addItem("(nobody named)", None)
        for contact in choice.contacts:
            self.contact_combo.addItem(f"{contact.name}" + (f" – {contact.role}" if contact.role else ""),
                                       contact.id)
        self.contact_combo.setCurrentIndex(1 if choice.contacts else 0)

    # --- actions --------------------------------------------------------------------------------

    def selected_ids(self) -> list:
        rows = {i.row() for i in self.view.selectionModel().selectedRows()}
        if not rows and self.view.currentIndex().isValid():
            rows = {self.view.currentIndex().row()}
        return [self.proxy.index(r, 0).data(ROW_ROLE).id for r in sorted(rows)]

    def add(self) -> None:
        if self.activity_id is None:
            return
        choice = self.member_edit.choice()
        if choice is None:
            self.member_edit.refuse()
            return
        try:
            result = self.controller.run_op(self, "Sign up", participant_service.add_participant,
                                            self.activity_id, choice.id, self.contact_combo.currentData())
        except ValidationError as exc:
            mark_invalid(self.member_edit, "; ".join(exc.errors.values()))
            self.controller.status.emit("; ".join(exc.errors.values()))
            return
        if result is not None:
            self.member_edit.clear()
            self.reload()
            self.member_edit.setFocus()

    def mark(self, status: str) -> None:
        ids = self.selected_ids()
        if ids and self.controller.run_op(self, "Mark participants", participant_service.set_participant_status,
                                          ids, status) is not None:
            self.reload()
            self._keep_selected(ids)

    def _keep_selected(self, ids) -> None:
        """Keep the marked rows selected, so the next mark (or a correction) is one key."""
        from PySide6.QtCore import QItemSelectionModel

        model = self.view.selectionModel()
        model.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ROW_ROLE).id in ids:
                model.setCurrentIndex(self.proxy.index(row, 0), flags)

    def remove(self) -> None:
        ids = self.selected_ids()
        if ids and self.controller.run_op(self, "Remove participants",
                                          participant_service.remove_participants, ids) is not None:
            self.reload()
