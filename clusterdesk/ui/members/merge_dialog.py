"""Two records side by side, field by field: which one survives, which value wins where both
are filled, and what comes along (contacts, interactions, …). A blank never wins."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.text import plural
from ...services import merges as merge_service
from ...services.duplicates import MEMBERS
from ...services.errors import ServiceError
from ..common.theme import ACCENT

KEEP, OTHER = 0, 1


def _cell(text: str, *, hint: bool = False) -> QLabel:
    label = QLabel(text or "—")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if hint or not text:
        label.setProperty("role", "hint")
    return label


class MergeDialog(QDialog):
    def __init__(self, controller, entity: str, first_id, second_id, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.entity = entity
        self.ids = [first_id, second_id]
        self.outcome = None
        what = "members" if entity == MEMBERS else "contacts"
        self.setWindowTitle(f"Merge two {what}")
        self.resize(980, 640)
        layout = QVBoxLayout(self)
        intro = QLabel("The kept record stays; the other goes to the bin after everything that "
                       "points at it is moved over. Where both have a value, pick the one to keep. "
                       "The merge can be undone in Members ▸ Duplicates.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        swap_row = QHBoxLayout()
        self.swap_button = QPushButton("&Swap which one is kept")
        self.swap_button.setToolTip("Keep the other record instead (Ctrl+R)")
        self.swap_button.clicked.connect(self.swap)
        QShortcut(QKeySequence("Ctrl+R"), self, self.swap)
        swap_row.addStretch(1)
        swap_row.addWidget(self.swap_button)
        layout.addLayout(swap_row)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        layout.addWidget(self.scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = buttons.addButton("&Merge", QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setDefault(True)
        self.merge_button.setToolTip("Merge the two records (Ctrl+Return)")
        QShortcut(QKeySequence("Ctrl+Return"), self, self.merge)
        buttons.accepted.connect(self.merge)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.choices: dict[str, QButtonGroup] = {}
        self.preview = None
        self.load()
        # Keep by default the record more hangs on (contacts, interactions, answers …).
        if sum(n for _w, _k, n in self.preview.related) > sum(n for _w, n, _o in self.preview.related):
            self.swap()

    def load(self) -> None:
        self.preview = merge_service.merge_preview(self.controller.ctx, self.entity, *self.ids)
        body = QWidget()
        grid = QGridLayout(body)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(3, 1)
        p = self.preview
        for col, text in enumerate(("", "Kept", "Merged away", "Result")):
            label = QLabel(text)
            label.setProperty("role", "subheading")
            grid.addWidget(label, 0, col)
        grid.addWidget(_cell(p.keep.name), 1, 1)
        grid.addWidget(_cell(p.other.name), 1, 2)
        grid.addWidget(_cell(p.keep.detail, hint=True), 2, 1)
        grid.addWidget(_cell(p.other.detail, hint=True), 2, 2)
        row = 3
        self.choices.clear()
        self.results: dict[str, QLabel] = {}
        for field in p.fields:
            grid.addWidget(QLabel(field.label + ":"), row, 0)
            if field.choosable:
                group = QButtonGroup(self)
                for col, (value, which) in enumerate(((field.keep, KEEP), (field.other, OTHER)), start=1):
                    radio = QRadioButton(value)
                    radio.setToolTip(f"Keep this {field.label.lower()}")
                    radio.setChecked(which == KEEP)
                    group.addButton(radio, which)
                    grid.addWidget(radio, row, col)
                group.idToggled.connect(lambda _id, _on, key=field.key: self._choice_changed(key))
                self.choices[field.key] = group
            else:
                grid.addWidget(_cell(field.keep), row, 1)
                grid.addWidget(_cell(field.other), row, 2)
            result = self._result_cell(field.result, field.keep)
            self.results[field.key] = result
            grid.addWidget(result, row, 3)
            row += 1
        for what, keep_text, other_text, both in p.lists:
            grid.addWidget(QLabel(what + ":"), row, 0)
            grid.addWidget(_cell(keep_text), row, 1)
            grid.addWidget(_cell(other_text), row, 2)
            grid.addWidget(self._result_cell(both, keep_text), row, 3)
            row += 1
        moved = QLabel("Comes along")
        moved.setProperty("role", "subheading")
        grid.addWidget(moved, row, 0, 1, 4)
        row += 1
        if not p.related:
            grid.addWidget(_cell("Nothing else points at either record.", hint=True), row, 0, 1, 4)
            row += 1
        self.contacts_result: tuple[QLabel, int] | None = None
        for what, keep_count, other_count in p.related:
            grid.addWidget(QLabel(what + ":"), row, 0)
            grid.addWidget(_cell(f"{keep_count:,}"), row, 1)
            grid.addWidget(_cell(f"{other_count:,}"), row, 2)
            result = _cell(f"{keep_count + other_count:,} on the kept record")
            grid.addWidget(result, row, 3)
            if what == "Contacts" and self.entity == MEMBERS:
                self.contacts_result = (result, keep_count + other_count)
            row += 1
        row = self._same_people(grid, row)
        self._count_contacts()
        grid.setRowStretch(row, 1)
        self.scroll.setWidget(body)

    def _same_people(self, grid: QGridLayout, row: int) -> int:
        """People who are contacts of both members: offered to become one contact as well."""
        self.person_boxes: list[tuple[object, QCheckBox]] = []
        people = self.preview.same_people
        if not people:
            return row
        title = QLabel("The same person at both")
        title.setProperty("role", "subheading")
        grid.addWidget(title, row, 0, 1, 4)
        row += 1
        hint = _cell(f"{plural(len(people), 'person is a contact', 'people are contacts')} of both "
                     "members. Ticked, each becomes one contact on the kept member, with the "
                     "interactions, consents, answers and sign-ups of both; untick to keep them "
                     "apart.", hint=True)
        grid.addWidget(hint, row, 0, 1, 4)
        row += 1
        for person in people:
            same_name = person.keep.name == person.other.name
            box = QCheckBox(person.keep.name if same_name else
                            f"{person.keep.name} and {person.other.name}")
            box.setChecked(True)
            box.setToolTip(f"Merge {person.other.name} into {person.keep.name}")
            box.toggled.connect(self._count_contacts)
            grid.addWidget(box, row, 0, 1, 1)
            grid.addWidget(_cell(person.keep.detail), row, 1)
            grid.addWidget(_cell(person.other.detail), row, 2)
            grid.addWidget(_cell(f"{person.reason}: one contact", hint=True), row, 3)
            self.person_boxes.append((person, box))
            row += 1
        return row

    def _count_contacts(self, *_args) -> None:
        """The kept member's contacts after the merge: the ticked people count once."""
        if self.contacts_result is None:
            return
        label, together = self.contacts_result
        merged = len(self.same_people())
        label.setText(f"{together - merged:,} on the kept record" +
                      (f" ({plural(merged, 'person', 'people')} at both counted once)" if merged else ""))

    def same_people(self) -> list:
        """The (kept, other) contact pairs ticked to become one contact."""
        return [person.ids for person, box in self.person_boxes if box.isChecked()]

    @staticmethod
    def _result_cell(text: str, kept: str) -> QLabel:
        """The result; in the accent colour where it is not simply the kept record's value."""
        label = _cell(text)
        if text != kept:
            label.setStyleSheet(f"color: {ACCENT}; font-weight: 600;")
        return label

    def _choice_changed(self, key: str) -> None:
        field = next(f for f in self.preview.fields if f.key == key)
        other = self.choices[key].checkedId() == OTHER
        label = self.results[key]
        label.setText(field.other if other else field.keep)
        label.setStyleSheet(f"color: {ACCENT}; font-weight: 600;" if other else "")

    def prefer_other(self) -> frozenset[str]:
        return frozenset(key for key, group in self.choices.items() if group.checkedId() == OTHER)

    def choose(self, key: str, which: int) -> None:
        """Pick the kept (KEEP) or the other (OTHER) record's value of a field."""
        self.choices[key].button(which).setChecked(True)

    def swap(self) -> None:
        self.ids.reverse()
        self.load()

    def merge(self) -> None:
        p = self.preview
        result = self.controller.run_op(self, "Merge", merge_service.merge_records, self.entity,
                                        p.keep.id, p.other.id, prefer_other=self.prefer_other(),
                                        versions=(p.keep_version, p.other_version),
                                        same_people=self.same_people())
        if result is None:  # refused (someone changed a record): show them as they are now
            try:
                self.load()
            except ServiceError:
                self.reject()
            return
        self.outcome, _changes = result
        people = self.outcome.contacts_merged
        also = (f", and {plural(people, 'person', 'people')} who "
                f"{'was a contact' if people == 1 else 'were contacts'} of both") if people else ""
        self.controller.status.emit(f"Merged “{p.other.name}” into “{self.outcome.kept.name}”{also}.")
        self.accept()
