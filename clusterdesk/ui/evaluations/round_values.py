"""A round's values typed like a spreadsheet: a row per member, a column per indicator with
its scale; members added by name or taken over from the round before; a value off its scale
is refused at its cell, with the typing kept."""

from __future__ import annotations

import uuid

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain.evaluations import RoundKind
from ...domain.formatting import format_date
from ...domain.questionnaires import format_number, parse_number
from ...domain.text import plural
from ...services import baseline_values
from ...services import baselines as baseline_service
from ...services.errors import ValidationError
from ..common.editable_rows import EditColumn
from ..common.forms import error_label
from ..common.messages import settle_unsaved
from ..common.save_bar import SaveBar
from ..common.tab import ListExport
from ..common.table_model import Column
from ..members.questionnaires.answer_sets import MemberPicker
from .grid import GridModel, GridView, wrap_headers


class RoundValuesPanel(QWidget):
    def __init__(self, controller, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.round = None
        self.sheet = None
        self.dirty = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        self.heading = QLabel()
        self.heading.setProperty("role", "subheading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        add = QHBoxLayout()
        self.member = MemberPicker(controller)
        self.member.returnPressed.connect(self.add_member)
        label = QLabel("Add &member:")
        label.setBuddy(self.member)
        self.add_button = QPushButton("Add")
        self.add_button.setToolTip("Add the member to the round (Enter)")
        self.add_button.clicked.connect(self.add_member)
        self.same_button = QPushButton("Same members as the &previous round")
        self.same_button.setToolTip("Measure the same members again, so the rounds compare like with like")
        self.same_button.clicked.connect(self.same_members)
        for widget in (label, self.member, self.add_button, self.same_button):
            add.addWidget(widget, 1 if widget is self.member else 0)
        layout.addLayout(add)
        self.model = GridModel((EditColumn("member", "Member"),), self)
        self.grid = GridView(self.model, remove=self.remove_member)
        self.grid.setToolTip("Type the values: Enter goes down, Tab goes right; Delete takes the member "
                             "out of the round")
        layout.addWidget(self.grid, 1)
        self.errors = error_label()
        layout.addWidget(self.errors)
        self.save_bar = SaveBar("values of the round", self.save, self.revert)
        layout.addWidget(self.save_bar)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self._set_dirty(False)

    # --- load -----------------------------------------------------------------------------------

    def show_round(self, round_id) -> None:
        self.errors.hide()
        self.sheet = baseline_values.get_round_sheet(self.controller.ctx, round_id) if round_id else None
        self.round = self.sheet.round if self.sheet else None
        if self.sheet is None:
            self.heading.setText("Choose a round on the left, or add one (Ctrl+N).")
            self._use_columns(())
            self.setEnabled(False)
            return
        self.setEnabled(True)
        data = self.round.data
        kind = RoundKind(data.kind).label
        name = data.name if data.name.startswith(kind) else f"{data.name} ({kind.lower()})"
        self.heading.setText(f"{name} · measured {format_date(data.measured_on)} · "
                             f"{plural(len(self.sheet.rows), 'member')}")
        self._use_columns(self.sheet.indicators)
        self.model.set_rows([{"member_id": r.member_id, "member": r.name,
                              **{str(i): format_number(v) for i, v in r.values.items()}} for r in self.sheet.rows])
        self._set_dirty(False)

    def _use_columns(self, indicators) -> None:
        columns = [EditColumn("member", "Member", 210)]
        columns += [EditColumn(str(i.id), f"{i.name} ({i.scale})", 170, i.description) for i in indicators]
        self.model = GridModel(columns, self, read_only_keys=("member",),
                               right_keys=[str(i.id) for i in indicators])
        self.model.changed.connect(lambda: self._set_dirty(True))
        self.grid.use(self.model)
        self.grid.horizontalHeader().setStretchLastSection(False)
        wrap_headers(self.grid)

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.save_bar.show_state(dirty, "Saved" if self.round else "")

    # --- editing ----------------------------------------------------------------------------------

    def _member_ids(self) -> set:
        return {r.get("member_id") for r in self.model.rows()}

    def add_member(self) -> None:
        member_id = self.member.member_id
        if member_id is None:
            self.controller.status.emit("Pick a member from the list that appears as you type.")
            return
        self._add(member_id, self.member.text())
        self.member.set_member(None, "")
        self.member.setFocus()

    def _add(self, member_id: uuid.UUID, name: str) -> int | None:
        if member_id in self._member_ids():
            self.controller.status.emit(f"{name} is already in this round.")
            return None
        row = self.model.insert_row(self.model.rowCount(), {"member_id": member_id, "member": name})
        if self.sheet and self.sheet.indicators:
            self.grid.setCurrentIndex(self.model.index(row, 1))
        return row

    def same_members(self) -> None:
        if self.round is None:
            return
        earlier = baseline_values.previous_round_members(self.controller.ctx, self.round.id)
        added = [name for member_id, name in earlier
                 if member_id not in self._member_ids() and self._add(member_id, name) is not None]
        self.controller.status.emit(f"{plural(len(added), 'member')} from the previous round added."
                                    if earlier else "There is no earlier round of this set.")
        if added:
            self.grid.go_to(self.model.rowCount() - len(added), self.model.columns[1].key)

    def remove_member(self) -> None:
        index = self.grid.currentIndex()
        if index.isValid():
            self.model.remove_row(index.row())

    # --- save ----------------------------------------------------------------------------------

    def collect(self) -> list[baseline_service.MemberValuesInput]:
        keys = [c.key for c in self.model.columns[1:]]
        return [baseline_service.MemberValuesInput(
            r["member_id"], {uuid.UUID(k): str(r.get(k, "") or "") for k in keys}) for r in self.model.rows()]

    def save(self) -> bool:
        self.grid.commit_editing()
        if not self.dirty or self.round is None:
            return True
        self.errors.hide()
        try:
            result = self.controller.run_op(self, "Save values", baseline_values.save_round_values,
                                            self.round.id, self.collect())
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return False
        if result is None:
            return False
        self.show_round(self.round.id)
        self.controller.status.emit(f"Saved: {plural(len(result[0].rows), 'member')} in “{self.round.name}”.")
        return True

    def show_errors(self, errors: dict[str, str]) -> None:
        marks = {}
        for key, message in errors.items():
            head, _sep, column = key.partition(":")
            if head.startswith("row "):
                marks[(int(head[4:]) - 1, column)] = message
        self.model.set_errors(marks)
        names = [r.get("member", "") for r in self.model.rows()]
        lines = [f"Row {row + 1} ({names[row] if row < len(names) else '?'}), {message}"
                 for (row, _column), message in sorted(marks.items())]
        self.errors.setText("Not saved — " + "; ".join(lines[:6]) + (" …" if len(lines) > 6 else ""))
        self.errors.show()
        if marks:
            row, column = min(marks)
            self.grid.go_to(row, column)

    def revert(self) -> None:
        self.show_round(self.round.id if self.round else None)

    def confirm_discard(self) -> bool:
        if not self.dirty:
            return True
        return settle_unsaved(self, "Save the values you typed first?", self.save, self.revert)

    def list_export(self) -> ListExport | None:
        if self.sheet is None:
            return None

        def value(key):
            def read(row):
                try:
                    return parse_number(str(row.get(key, "") or ""))
                except ValueError:
                    return row.get(key)
            return read

        columns = [Column("member", "Member", lambda r: r.get("member", ""))]
        columns += [Column(c.key, c.title, value(c.key)) for c in self.model.columns[1:]]
        return ListExport(f"{self.round.name} – values", columns, self.model.rows())
