"""The member editor: the organisation's facts. A refused save keeps everything typed,
marks the fields that were refused, and stays unsaved."""

from __future__ import annotations

import uuid
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.countries import country_name
from ...domain.dates import DateParseError
from ...domain.enums import InternationalOrientation, MemberKind, MemberStatus, SizeBand
from ...services import members as member_service
from ...services.errors import ValidationError
from ..common.forms import (
    CountryField,
    CountryListField,
    DateField,
    error_label,
    lock_fields,
    mark_invalid,
    refuse_with_everything,
    show_field_errors,
    split_list,
    with_message,
)
from ..common.unsaved import UNSAVED_EDITORS


def _enum_combo(enum) -> QComboBox:
    combo = QComboBox()
    for value, label in enum.choices():
        combo.addItem(label, value)
    return combo


class MemberEditor(QWidget):
    saved = Signal(object)  # MemberDetail
    dirty_changed = Signal(bool)
    reverted_new = Signal()  # revert on an unsaved new member: nothing is selected any more

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.member_id: uuid.UUID | None = None
        self.version = 0
        self._dirty = False
        self._loading = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 6, 0, 0)
        self.errors = error_label()
        outer.addWidget(self.errors)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        form = QFormLayout(body)
        self.name = QLineEdit()
        self.kind = _enum_combo(MemberKind)
        self.size_band = _enum_combo(SizeBand)
        self.status = _enum_combo(MemberStatus)
        self.orientation = _enum_combo(InternationalOrientation)
        self.orientation.setToolTip("How far the member has come internationally: a latent or a "
                                    "defined need (handbook §1), or already active abroad")
        self.country = CountryField()
        self.city = QLineEdit()
        self.postcode = QLineEdit()
        self.address = QLineEdit()
        self.website = QLineEdit()
        self.website.setPlaceholderText("e.g. www.firma.dk")
        self.vat_number = QLineEdit()
        self.vat_number.setPlaceholderText("e.g. DK 12 34 56 78")
        self.vat_number.setProperty("normal_tooltip", "A Danish CVR number has 8 digits; other "
                                    "countries' VAT numbers start with their country code")
        self.vat_number.setToolTip(self.vat_number.property("normal_tooltip"))
        self.member_since = DateField(today=controller.today)
        self.sectors = QLineEdit()
        self.sectors.setPlaceholderText("e.g. Wastewater, Digital water")
        self.tags = QLineEdit()
        self.tags.setPlaceholderText("e.g. export-ready, board member")
        self.markets = CountryListField()
        self.answered_markets = QLabel()
        self.answered_markets.setProperty("role", "hint")
        self.answered_markets.setWordWrap(True)
        self.answered_markets.setToolTip("Countries named in this member's survey or campaign "
                                         "answers (Members ▸ Questionnaires / Campaigns)")
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(70)
        self.fields = {
            "name": self.name, "kind": self.kind, "size_band": self.size_band,
            "status": self.status, "international_orientation": self.orientation,
            "country": self.country, "city": self.city, "postcode": self.postcode,
            "address": self.address, "website": self.website, "vat_number": self.vat_number,
            "member_since": self.member_since, "sectors": self.sectors, "tags": self.tags,
            "markets": self.markets, "notes": self.notes,
        }
        labels = {
            "name": "&Name", "kind": "&Kind", "size_band": "Si&ze", "status": "Stat&us",
            "international_orientation": "&International orientation", "country": "Countr&y",
            "city": "&City", "postcode": "&Postcode", "address": "&Address", "website": "&Website",
            "vat_number": "VAT / CVR", "member_since": "Member since", "sectors": "Sec&tors",
            "tags": "Ta&gs", "markets": "&Markets of interest", "notes": "N&otes",
        }
        self.labels = {key: text.replace("&", "") for key, text in labels.items()}
        for key, widget in self.fields.items():
            form.addRow(labels[key] + ":", with_message(widget))
            if key == "markets":
                form.addRow("", self.answered_markets)
            signal = getattr(widget, "textChanged", None) or widget.currentIndexChanged
            if isinstance(widget, QComboBox) and widget.isEditable():
                widget.editTextChanged.connect(self._changed)
            signal.connect(self._changed)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.revert_button = QPushButton("&Revert")
        self.revert_button.setToolTip("Throw away unsaved changes")
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton("&Save")
        self.save_button.setToolTip("Save this member (Ctrl+S, from any section)")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        self._set_dirty(False)
        self.setEnabled(False)

    # --- state ---------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _changed(self, *_args) -> None:
        if not self._loading:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        UNSAVED_EDITORS.note(self, dirty)
        self.dirty_changed.emit(dirty)

    def _clear_errors(self) -> None:
        for widget in self.fields.values():
            mark_invalid(widget, None)
        self.errors.hide()

    def show_errors(self, errors: dict[str, str]) -> None:
        show_field_errors(self.fields, errors, self.errors, self.labels)

    # --- load and save -------------------------------------------------------------------

    def load(self, detail: member_service.MemberDetail | None) -> None:
        self._loading = True
        self._clear_errors()
        try:
            if detail is None:
                self.member_id, self.version = None, 0
                data = member_service.MemberInput(name="")
            else:
                self.member_id, self.version = detail.id, detail.data.version
                data = detail.data
            self.name.setText(data.name)
            for combo, value in ((self.kind, data.kind), (self.size_band, data.size_band),
                                 (self.status, data.status),
                                 (self.orientation, data.international_orientation)):
                combo.setCurrentIndex(max(0, combo.findData(value)))
            self.country.set_code(data.country)
            self.city.setText(data.city)
            self.postcode.setText(data.postcode)
            self.address.setText(data.address)
            self.website.setText(data.website)
            self.vat_number.setText(data.vat_number)
            self.member_since.set_date(data.member_since)
            self.sectors.setText(", ".join(data.sectors))
            self.tags.setText(", ".join(data.tags))
            self.markets.set_codes(data.markets)
            answered = detail.answered_markets if detail is not None else ()
            self.answered_markets.setText(
                "From answers: " + ", ".join(f"{country_name(code)} ({source})"
                                             for code, source in answered) if answered else "")
            self.answered_markets.setVisible(bool(answered))
            self.notes.setPlainText(data.notes)
        finally:
            self._loading = False
        self.setEnabled(True)
        lock_fields(self.fields.values(), self.controller.read_only)
        self._set_dirty(detail is None and not self.controller.read_only)

    def start_new(self) -> None:
        self.load(None)
        self.name.setFocus()

    def clear(self) -> None:
        """Nothing selected: an empty, disabled form with nothing to save."""
        self.load(None)
        self._set_dirty(False)
        self.setEnabled(False)

    def collect(self) -> member_service.MemberInput:
        """What is typed, as a MemberInput; raises ValidationError naming every bad field."""
        errors: dict[str, str] = {}
        try:
            country = self.country.code()
        except ValueError as exc:
            errors["country"], country = str(exc), None
        try:
            since = self.member_since.date()
        except DateParseError as exc:
            errors["member_since"], since = str(exc), None
        try:
            markets = self.markets.codes()
        except ValueError as exc:
            errors["markets"], markets = str(exc), ()
        data = member_service.MemberInput(
            name=self.name.text(), kind=self.kind.currentData(), size_band=self.size_band.currentData(),
            country=country, city=self.city.text(), postcode=self.postcode.text().strip(),
            address=self.address.text().strip(), website=self.website.text().strip(),
            vat_number=self.vat_number.text(), member_since=since, status=self.status.currentData(),
            international_orientation=self.orientation.currentData(),
            notes=self.notes.toPlainText(), sectors=split_list(self.sectors.text()),
            tags=split_list(self.tags.text()), markets=markets, version=self.version,
        )
        refuse_with_everything(errors, lambda: member_service.validate_member(data))
        return data

    def save(self) -> bool:
        """Save; on refusal keep the typing and say what is wrong. True when saved."""
        if not self._dirty:
            return True
        self._clear_errors()
        try:
            data = self.collect()
            if self.member_id is None:
                result = self.controller.run_op(self, "Save member", member_service.create_member, data)
            else:
                result = self.controller.run_op(self, "Save member", member_service.update_member,
                                                self.member_id, replace(data, version=self.version))
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return False
        if result is None:
            self._set_dirty(True)
            return False
        detail, _changes = result
        self.load(detail)
        self.saved.emit(detail)
        return True

    def revert(self) -> None:
        if self.member_id is None:
            self.clear()
            self.reverted_new.emit()
            return
        self.load(member_service.get_member(self.controller.ctx, self.member_id))
