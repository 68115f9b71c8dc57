"""Choosing a campaign's members with the member filters, and sharing the calls out."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from ....domain.enums import InternationalOrientation, MemberKind, MemberStatus
from ....services import campaigns as campaign_service
from ....services.errors import ValidationError
from ...common.forms import error_label, mark_invalid

PREVIEW = 400


def _combo(any_label: str, choices) -> QComboBox:
    combo = QComboBox()
    combo.addItem(any_label, None)
    for value, label in choices:
        combo.addItem(label, value)
    return combo


class AddMembersDialog(QDialog):
    """Filters as on the member list; the matches show as you change them."""

    def __init__(self, controller, campaign_id, already: set, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.campaign_id = campaign_id
        self.already = already
        self.matches = None
        self.added = 0
        self.setWindowTitle("Add members to the campaign")
        self.resize(620, 560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        ctx = controller.ctx
        self.status = _combo("Any status", MemberStatus.choices())
        self.status.setCurrentIndex(self.status.findData(MemberStatus.ACTIVE.value))
        self.orientation = _combo("Any orientation", InternationalOrientation.choices())
        self.kind = _combo("Any kind", MemberKind.choices())
        self.label = QComboBox()
        self.label.addItem("Any sector or tag", None)
        for kind, name in campaign_service.member_labels(ctx):
            self.label.addItem(f"{name}  ({'sector' if kind == 'sector' else 'tag'})", name)
        self.city = QComboBox()
        self.city.setEditable(True)
        self.city.addItem("")
        self.city.addItems(campaign_service.member_cities(ctx))
        self.city.lineEdit().setPlaceholderText("Any city")
        self.text = QLineEdit()
        self.text.setPlaceholderText("Words in the name, CVR, postcode…")
        form.addRow("&Status:", self.status)
        form.addRow("&International orientation:", self.orientation)
        form.addRow("&Kind:", self.kind)
        form.addRow("Sector or &tag:", self.label)
        form.addRow("&City:", self.city)
        form.addRow("&Words:", self.text)
        layout.addLayout(form)
        self.summary = QLabel()
        self.summary.setProperty("role", "subheading")
        layout.addWidget(self.summary)
        self.preview = QListWidget()
        self.preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.preview, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.addButton("&Add", QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setDefault(True)
        self.buttons.accepted.connect(self.add)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self, singleShot=True, interval=150, timeout=self.update_preview)
        for combo in (self.status, self.orientation, self.kind, self.label):
            combo.currentIndexChanged.connect(lambda _i: self._timer.start())
        self.city.editTextChanged.connect(lambda _t: self._timer.start())
        self.text.textChanged.connect(lambda _t: self._timer.start())
        self.update_preview()

    def selection(self) -> campaign_service.TargetSelection:
        return campaign_service.TargetSelection(
            status=self.status.currentData(), orientation=self.orientation.currentData(),
            kind=self.kind.currentData(), tag=self.label.currentData(),
            city=self.city.currentText(), text=self.text.text())

    def update_preview(self) -> None:
        if self.controller.ctx is None:
            return
        self.matches = campaign_service.matching_members(self.controller.ctx, self.selection(),
                                                         limit=PREVIEW)
        shown = self.matches.rows
        on_list = sum(1 for m in shown if m.id in self.already)
        count = self.matches.count
        self.summary.setText(f"{count} member{'s' if count != 1 else ''} match"
                             + (f"; {on_list} of {'them' if count <= PREVIEW else 'those shown'} "
                                "are on the list already" if on_list else ""))
        self.preview.clear()
        for member in shown:
            item = QListWidgetItem(f"{member.name} — {member.city}"
                                   + ("   (on the list)" if member.id in self.already else ""))
            if member.id in self.already:
                item.setForeground(self.palette().placeholderText())
            self.preview.addItem(item)
        if count > PREVIEW:
            self.preview.addItem(f"… and {count - PREVIEW} more")
        new = count - on_list if count <= PREVIEW else count
        self.add_button.setText(f"&Add {new} member{'s' if new != 1 else ''}" if count <= PREVIEW
                                else f"&Add the {count} members")
        self.add_button.setEnabled(new > 0)

    def add(self) -> None:
        self._timer.stop()
        result = self.controller.run_op(self, "Add members", campaign_service.add_matching,
                                        self.campaign_id, self.selection())
        if result is not None:
            self.added = result[0]
            self.accept()


class AssignDialog(QDialog):
    """Give the selected members to one person, or share members out in turn."""

    def __init__(self, controller, campaign_id, target_ids, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.campaign_id = campaign_id
        self.target_ids = list(target_ids)
        self.setWindowTitle("Who calls whom")
        self.resize(460, 440)
        layout = QVBoxLayout(self)
        staff = campaign_service.known_staff(controller.ctx)
        one = QHBoxLayout()
        self.person = QComboBox()
        self.person.setEditable(True)
        self.person.addItems(staff)
        self.person.setCurrentText(controller.ctx.actor)
        self.assign_button = QPushButton(f"&Give the {len(self.target_ids)} selected to")
        self.assign_button.setEnabled(bool(self.target_ids))
        self.assign_button.clicked.connect(self.assign)
        one.addWidget(self.assign_button)
        one.addWidget(self.person, 1)
        layout.addLayout(one)
        layout.addWidget(QLabel("— or share the members not yet finished out in turn among:"))
        self.people = QListWidget()
        for name in staff:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.people.addItem(item)
        layout.addWidget(self.people, 1)
        add_row = QHBoxLayout()
        self.new_person = QLineEdit()
        self.new_person.setPlaceholderText("Someone else, e.g. Sara Holm (SH)")
        self.new_person.returnPressed.connect(self._add_person)
        add_row.addWidget(self.new_person, 1)
        add_person = QPushButton("Add &person")
        add_person.clicked.connect(self._add_person)
        add_row.addWidget(add_person)
        layout.addLayout(add_row)
        self.only_unassigned = QCheckBox("Only members nobody has &yet")
        self.only_unassigned.setChecked(True)
        layout.addWidget(self.only_unassigned)
        self.errors = error_label()
        layout.addWidget(self.errors)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.share_button = buttons.addButton("&Share out", QDialogButtonBox.ButtonRole.ActionRole)
        self.share_button.clicked.connect(self.share)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _add_person(self) -> None:
        name = " ".join(self.new_person.text().split())
        if name:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.people.addItem(item)
            self.new_person.clear()

    def chosen_people(self) -> list[str]:
        return [self.people.item(i).text() for i in range(self.people.count())
                if self.people.item(i).checkState() == Qt.CheckState.Checked]

    def assign(self) -> None:
        if self.controller.run_op(self, "Assign", campaign_service.assign_targets, self.campaign_id,
                                  self.target_ids, self.person.currentText()) is not None:
            self.accept()

    def share(self) -> None:
        mark_invalid(self.people, None)
        try:
            result = self.controller.run_op(self, "Share out", campaign_service.assign_round_robin,
                                            self.campaign_id, self.chosen_people(),
                                            only_unassigned=self.only_unassigned.isChecked())
        except ValidationError as exc:
            mark_invalid(self.people, exc.errors.get("staff"))
            self.errors.setText(exc.errors.get("staff", str(exc)))
            self.errors.show()
            return
        if result is not None:
            self.controller.status.emit(f"Shared {result[0]} members out among "
                                        f"{len(self.chosen_people())} people.")
            self.accept()
