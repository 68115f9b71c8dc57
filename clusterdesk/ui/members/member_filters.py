"""The filter bar over the member list: text filtered as you type, menus for status, kind,
international orientation, country and sector/tag, the bin, and named saved filters shared
through the workspace."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.countries import country_name
from ...domain.enums import InternationalOrientation, MemberKind, MemberStatus
from ...services import members as member_service
from ...services import saved_filters as saved_service
from ...services.errors import ValidationError
from ..common.messages import confirm, show_error

LIST_NAME = "members"
SAVE_SHORTCUT = "Ctrl+Shift+S"


def _combo(first: str, choices, tip: str) -> QComboBox:
    combo = QComboBox()
    combo.addItem(first, None)
    for value, label in choices:
        combo.addItem(label, value)
    combo.setToolTip(tip)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    return combo


def describe(f: member_service.MemberFilter) -> str:
    """The filter in words, e.g. 'text “aqua” · Active · SME'."""
    parts = []
    if f.text.strip():
        parts.append(f"text “{f.text.strip()}”")
    for value, enum in ((f.status, MemberStatus), (f.kind, MemberKind),
                        (f.orientation, InternationalOrientation)):
        if value:
            parts.append(enum(value).label if value in enum._value2member_map_ else value)
    if f.country:
        parts.append(country_name(f.country))
    if f.tag:
        parts.append(f"“{f.tag}”")
    return " · ".join(parts) or "all members"


class MemberFilterBar(QWidget):
    changed = Signal()

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.active_saved: saved_service.SavedFilterInfo | None = None
        self._quiet = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        top = QHBoxLayout()
        self.text = QLineEdit()
        self.text.setPlaceholderText("Filter: name, city, sector, tag, CVR…  (Ctrl+F)")
        self.text.setClearButtonEnabled(True)
        self.clear_button = QToolButton()
        self.clear_button.setText("Clear")
        self.clear_button.setToolTip("Show all members again (Esc in the filter box clears the text)")
        self.clear_button.clicked.connect(self.clear)
        self.bin = QCheckBox("&Bin")
        self.bin.setToolTip("Show deleted members, to restore them")
        self.saved_button = QPushButton("Saved filters")
        self.saved_button.setToolTip("Apply a saved filter, or save this one for everyone "
                                     f"in the workspace ({SAVE_SHORTCUT})")
        self.saved_menu = QMenu(self.saved_button)
        self.saved_menu.aboutToShow.connect(self._fill_saved_menu)
        self.saved_button.setMenu(self.saved_menu)
        self.columns_button = QPushButton("Columns")
        self.columns_button.setToolTip("Choose the columns shown (also: right-click the header)")
        top.addWidget(self.text, 1)
        for widget in (self.clear_button, self.bin, self.saved_button, self.columns_button):
            top.addWidget(widget)
        layout.addLayout(top)

        # The menus get a row of their own, so that their choices stay readable.
        row = QHBoxLayout()
        self.status = _combo("Any status", MemberStatus.choices(), "Only members with this status")
        self.kind = _combo("Any kind", MemberKind.choices(), "Only this kind of organisation")
        self.orientation = _combo("Any orientation", InternationalOrientation.choices(),
                                  "Only members this far internationally")
        self.country = _combo("Any country", (), "Only members in this country")
        self.tag = _combo("Any sector/tag", (), "Only members with this sector or tag")
        for widget in (self.status, self.kind, self.orientation, self.country, self.tag):
            row.addWidget(widget, 1)
            widget.currentIndexChanged.connect(self._edited)
        layout.addLayout(row)
        self.text.textChanged.connect(self._edited)
        self.bin.toggled.connect(self._edited)

    # --- the filter ----------------------------------------------------------------------

    def current(self) -> member_service.MemberFilter:
        return member_service.MemberFilter(
            text=self.text.text(), status=self.status.currentData(), kind=self.kind.currentData(),
            country=self.country.currentData(), orientation=self.orientation.currentData(),
            tag=self.tag.currentData(), deleted=self.bin.isChecked())

    def is_filtered(self) -> bool:
        return bool(self.current().criteria()) or self.bin.isChecked()

    def apply(self, f: member_service.MemberFilter) -> None:
        """Show a filter in the widgets and announce it once."""
        self._quiet = True
        try:
            self.text.setText(f.text)
            for combo, value in ((self.status, f.status), (self.kind, f.kind),
                                 (self.orientation, f.orientation), (self.country, f.country),
                                 (self.tag, f.tag)):
                _choose_value(combo, value, country_name(value) if combo is self.country else value)
            self.bin.setChecked(f.deleted)
        finally:
            self._quiet = False
        self._edited()

    def clear(self) -> None:
        self.active_saved = None
        self.apply(member_service.MemberFilter())

    def _edited(self, *_args) -> None:
        if self._quiet:
            return
        if self.active_saved is not None and self.current().criteria() != self.active_saved.criteria:
            self.active_saved = None
        self.saved_button.setText(f"Saved: {self.active_saved.name}" if self.active_saved
                                  else "Saved filters")
        self.clear_button.setEnabled(self.is_filtered())
        self.changed.emit()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self.text.hasFocus() and self.text.text():
            self.text.clear()
            return
        super().keyPressEvent(event)

    # --- choices -------------------------------------------------------------------------

    def reload_choices(self) -> None:
        """Offer the countries, sectors and tags members have now; keep what is chosen."""
        if self.controller.ctx is None:
            return
        choices = member_service.filter_choices(self.controller.ctx)
        self._quiet = True
        try:
            _refill(self.country, "Any country",
                    [(code, country_name(code)) for code in choices.countries])
            items = [(name, name) for name in choices.sectors]
            _refill(self.tag, "Any sector/tag", items + [(None, None)] +
                    [(name, name) for name in choices.tags if name not in choices.sectors])
        finally:
            self._quiet = False

    # --- saved filters -------------------------------------------------------------------

    def _fill_saved_menu(self) -> None:
        menu = self.saved_menu
        menu.clear()
        saved = saved_service.list_saved_filters(self.controller.ctx, LIST_NAME)
        if not saved:
            menu.addAction("No saved filters yet").setEnabled(False)
        for info in saved:
            action = menu.addAction(info.name)
            action.setCheckable(True)
            action.setChecked(self.active_saved is not None and self.active_saved.id == info.id)
            action.setToolTip(describe(member_service.MemberFilter.from_criteria(info.criteria))
                              + (f" — saved by {info.updated_by}" if info.updated_by else ""))
            action.triggered.connect(lambda _=False, i=info: self.apply_saved(i))
        menu.setToolTipsVisible(True)
        menu.addSeparator()
        save = menu.addAction("Save current filter as…", lambda: self.save_current())
        save.setShortcut(QKeySequence(SAVE_SHORTCUT))
        save.setEnabled(bool(self.current().criteria()))
        if self.active_saved is not None:
            name = self.active_saved.name
            menu.addAction(f"Delete saved filter “{name}”", self.delete_active)

    def apply_saved(self, info: saved_service.SavedFilterInfo) -> None:
        self.active_saved = info
        self.apply(member_service.MemberFilter.from_criteria(info.criteria))
        self.controller.status.emit(f"Saved filter “{info.name}”: {describe(self.current())}")

    def save_current(self, name: str | None = None) -> bool:
        """Save the filter under a name for everyone in the workspace; asks for the name."""
        criteria = self.current().criteria()
        if not criteria:
            show_error(self, "Save filter", "Set a filter first: there is nothing to save.")
            return False
        if name is None:
            suggestion = self.active_saved.name if self.active_saved else describe(self.current())
            name, ok = QInputDialog.getText(
                self, "Save filter", "Name of the filter (everyone in this workspace sees it):",
                QLineEdit.EchoMode.Normal, suggestion[:80])
            if not ok:
                return False
        existing = {f.name.casefold(): f for f in
                    saved_service.list_saved_filters(self.controller.ctx, LIST_NAME)}
        clash = existing.get(" ".join(name.split()).casefold())
        if clash and (self.active_saved is None or clash.id != self.active_saved.id) and not confirm(
                self, "Save filter", f"A saved filter “{clash.name}” exists. Replace it?", "Replace"):
            return False
        try:
            result = self.controller.run_op(self, "Save filter", saved_service.save_filter,
                                            LIST_NAME, name, criteria)
        except ValidationError as exc:
            show_error(self, "Save filter", "\n".join(exc.errors.values()))
            return False
        if result is None:
            return False
        self.active_saved = result[0]
        self._edited()
        self.controller.status.emit(f"Filter saved as “{result[0].name}”.")
        return True

    def delete_active(self) -> None:
        info = self.active_saved
        if info is None:
            return
        if self.controller.run_op(self, "Delete saved filter", saved_service.delete_saved_filter,
                                  info.id) is not None:
            self.active_saved = None
            self._edited()
            self.controller.status.emit(f"Saved filter “{info.name}” deleted.")


def _choose_value(combo: QComboBox, value, label) -> None:
    index = combo.findData(value) if value else 0
    if value and index < 0:  # a saved value no member has at the moment: still offer it
        combo.addItem(label or value, value)
        index = combo.count() - 1
    combo.setCurrentIndex(max(0, index))


def _refill(combo: QComboBox, first: str, items) -> None:
    chosen = combo.currentData()
    chosen_label = combo.currentText()
    combo.clear()
    combo.addItem(first, None)
    for value, label in items:
        if value is None:
            if combo.count() > 1:
                combo.insertSeparator(combo.count())
            continue
        combo.addItem(label, value)
    _choose_value(combo, chosen, chosen_label)
