"""The member's contact persons: a list with the selected person's details underneath; add,
edit, delete to the bin and restore; copy a phone number or email with Ctrl+C."""

from __future__ import annotations

import uuid
from html import escape
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.formatting import format_date
from ...exports.contact_data import write_contact_data
from ...services import contacts as contact_service
from ...services import privacy
from ..common.export import default_export_folder
from ..common.messages import confirm, show_error
from ..common.table_model import ROW_ROLE, SORT_ROLE, Column, RowTableModel

ADD_CONTACT_KEY = "Ctrl+Shift+C"

COLUMNS = (
    Column("name", "Name", lambda r: r.name, width=150,
           tooltip=lambda r: "Primary contact" if r.is_primary else ""),
    Column("role", "Role", lambda r: r.role, width=105),
    Column("phone", "Phone", lambda r: r.phone, width=125),
    Column("email", "Email", lambda r: r.email, width=175, tooltip=lambda r: r.email),
    Column("language", "Language", lambda r: r.language_name, width=75),
    Column("consent", "Consent", lambda r: r.consent, width=160, tooltip=lambda r: r.consent),
)
EXPORT_COLUMNS = (
    Column("primary", "Primary", lambda r: "yes" if r.is_primary else ""),
    *COLUMNS[:3],
    Column("phone_e164", "Phone (E.164)", lambda r: r.phone_e164),
    *COLUMNS[3:],
)


def table_view(model, proxy: QSortFilterProxyModel) -> QTableView:
    """The look every small list in the member view shares."""
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView()
    view.setModel(proxy)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setStretchLastSection(True)
    view.setTabKeyNavigation(False)
    for i, column in enumerate(model.columns):
        if column.width:
            view.setColumnWidth(i, column.width)
    return view


def _file_name(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in text).strip() or "contact"


def copy_current_cell(view: QTableView) -> None:
    index = view.currentIndex()
    if index.isValid():
        QGuiApplication.clipboard().setText(str(index.data() or ""))


class ContactsSection(QWidget):
    count_changed = Signal(int)

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.member_id: uuid.UUID | None = None
        self.member_name = ""
        self.member_country: str | None = None
        self.dialog = None  # the open ContactDialog, if any

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        bar = QHBoxLayout()
        self.edit_button = QPushButton("Edit…")
        self.edit_button.setToolTip("Edit the selected contact (Enter or F2)")
        self.edit_button.clicked.connect(self.edit_contact)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setToolTip("Move the selected contact to the bin (Del); it can be restored")
        self.delete_button.clicked.connect(self.delete_or_restore)
        self.bin = QCheckBox("Bin")
        self.bin.setToolTip("Show this member's deleted contacts, to restore them")
        self.bin.toggled.connect(self.refresh)
        self.privacy_button = QPushButton("Personal data")
        self.privacy_button.setToolTip("Export everything held about the selected person, "
                                       "or erase their personal data (GDPR)")
        privacy_menu = QMenu(self.privacy_button)
        privacy_menu.addAction("Export everything about this person…", lambda: self.export_personal_data())
        privacy_menu.addSeparator()
        privacy_menu.addAction("Erase this person's personal data…", lambda: self.erase_personal_data())
        self.privacy_button.setMenu(privacy_menu)
        for widget in (self.edit_button, self.delete_button, self.privacy_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.bin)
        layout.addLayout(bar)

        self.model = RowTableModel(COLUMNS, parent=self)
        self.model.decorate = self._decorate
        self.proxy = QSortFilterProxyModel(self)
        self.view = table_view(self.model, self.proxy)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_details())
        self.view.doubleClicked.connect(lambda _index: self.edit_contact())
        layout.addWidget(self.view, 3)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setMinimumHeight(60)
        layout.addWidget(self.details, 2)

        for key, slot in ((Qt.Key.Key_Return, self.edit_contact), (Qt.Key.Key_Enter, self.edit_contact),
                          (Qt.Key.Key_F2, self.edit_contact),
                          (QKeySequence.StandardKey.Delete, self.delete_or_restore),
                          (QKeySequence.StandardKey.Copy, lambda: copy_current_cell(self.view))):
            shortcut = QShortcut(QKeySequence(key), self.view, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

    def _decorate(self, row, role):
        if role == Qt.ItemDataRole.FontRole and row.is_primary:
            font = self.view.font()
            font.setBold(True)
            return font
        return None

    # --- loading -------------------------------------------------------------------------

    def load(self, member_id: uuid.UUID | None, name: str = "", country: str | None = None) -> None:
        changed = member_id != self.member_id
        self.member_id, self.member_name, self.member_country = member_id, name, country
        if changed and self.bin.isChecked():
            self.bin.blockSignals(True)
            self.bin.setChecked(False)
            self.bin.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        current = self.current_contact()
        rows = (contact_service.list_contacts(self.controller.ctx, self.member_id,
                                              deleted=self.bin.isChecked())
                if self.member_id and self.controller.ctx else [])
        self.model.set_rows(rows)
        self.setEnabled(self.member_id is not None)
        in_bin = self.bin.isChecked()
        self.delete_button.setText("Restore" if in_bin else "Delete")
        self.delete_button.setToolTip("Bring the selected contact back (Del)" if in_bin else
                                      "Move the selected contact to the bin (Del); it can be restored")
        self.edit_button.setEnabled(not in_bin and bool(rows))
        self.delete_button.setEnabled(bool(rows))
        self.privacy_button.setEnabled(bool(rows))
        if rows:
            wanted = next((i for i, r in enumerate(rows) if current and r.id == current.id), 0)
            self.view.selectRow(self.proxy.mapFromSource(self.model.index(wanted, 0)).row())
        self._show_details()
        if not in_bin:
            self.count_changed.emit(len(rows))

    def current_contact(self) -> contact_service.ContactRow | None:
        index = self.view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _show_details(self) -> None:
        row = self.current_contact()
        if row is None:
            self.details.setText("<i>No contact persons yet — add one with "
                                 f"{ADD_CONTACT_KEY}.</i>" if self.member_id and not self.bin.isChecked() else "")
            return
        detail = contact_service.get_contact(self.controller.ctx, row.id)
        lines = [f"<b>{escape(row.name)}</b>" + (" — primary contact" if row.is_primary else "")]
        reach = [escape(x) for x in (row.role, row.email, row.phone, row.language_name) if x]
        if reach:
            lines.append(" · ".join(reach))
        for consent in detail.data.consents:
            state = (f"withdrawn {format_date(consent.withdrawn_on)}" if consent.withdrawn_on
                     else "in force")
            lines.append(f"Consent: {escape(consent.purpose)} — given {format_date(consent.given_on)}"
                         + (f" ({escape(consent.source)})" if consent.source else "") + f", {state}")
        if not detail.data.consents:
            lines.append("No consent recorded.")
        if detail.data.notes:
            lines.append(escape(detail.data.notes).replace("\n", "<br>"))
        self.details.setText("<br>".join(lines))

    # --- actions -------------------------------------------------------------------------

    def _open(self, detail) -> None:
        from .contact_dialog import ContactDialog

        self.dialog = ContactDialog(self.controller, self.member_id, self.member_name,
                                    self.member_country, detail, self)
        self.dialog.saved.connect(self._saved)
        self.dialog.finished.connect(lambda _result: self._closed())
        self.dialog.open()
        self.dialog.activateWindow()

    def _closed(self) -> None:
        self.dialog = None
        self.window().activateWindow()  # back to the list, ready for the next key
        self.view.setFocus()

    def add_contact(self) -> None:
        if self.member_id is None or self.bin.isChecked():
            return
        self._open(None)

    def edit_contact(self) -> None:
        row = self.current_contact()
        if row is None or self.bin.isChecked():
            return
        self._open(contact_service.get_contact(self.controller.ctx, row.id))

    def _saved(self, detail) -> None:
        self.refresh()
        source = next((i for i, r in enumerate(self.model.rows()) if r.id == detail.id), -1)
        if source >= 0:
            self.view.selectRow(self.proxy.mapFromSource(self.model.index(source, 0)).row())
        self.controller.status.emit(f"Contact “{detail.data.name}” saved.")

    def delete_or_restore(self) -> None:
        row = self.current_contact()
        if row is None:
            return
        if self.bin.isChecked():
            if self.controller.run_op(self, "Restore contact", contact_service.restore_contact,
                                      row.id) is not None:
                self.controller.status.emit(f"“{row.name}” restored.")
            return
        if self.controller.run_op(self, "Delete contact", contact_service.delete_contact,
                                  row.id) is not None:
            self.controller.status.emit(f"“{row.name}” moved to the bin — tick Bin to restore it.")

    # --- personal data -----------------------------------------------------------------

    def export_personal_data(self, target: Path | None = None) -> None:
        """Everything held about the selected person, as a JSON file (an access request)."""
        row = self.current_contact()
        if row is None:
            return
        if target is None:
            suggested = default_export_folder() / f"Personal data - {_file_name(row.name)}.json"
            path, _ = QFileDialog.getSaveFileName(self, "Export personal data", str(suggested),
                                                  "JSON file (*.json)")
            if not path:
                return
            target = Path(path if path.lower().endswith(".json") else path + ".json")
        data = privacy.contact_data(self.controller.ctx, row.id)

        def failed(exc: BaseException, _trace: str) -> None:
            show_error(self, "Export personal data", f"The file could not be written: {exc}")

        self.controller.runner.run(
            lambda: write_contact_data(target, data),
            lambda path: self.controller.status.emit(f"Everything about “{row.name}” saved to {path}"),
            failed)

    def erase_personal_data(self, reason: str | None = None) -> bool:
        """Erase the selected person's personal data everywhere; asks why and confirms
        unless a reason is given. True when erased."""
        row = self.current_contact()
        if row is None or row.erased:
            return False
        if reason is None:
            labels = list(privacy.ERASURE_REASONS.values())
            label, ok = QInputDialog.getItem(self, "Erase personal data", "Why is it erased?",
                                             labels, 0, False)
            if not ok:
                return False
            reason = next(k for k, v in privacy.ERASURE_REASONS.items() if v == label)
            if not confirm(self, "Erase personal data",
                           f"Erase “{row.name}” everywhere in this workspace?\n\nName, email, "
                           "phone and notes are removed from the contact, from interactions that "
                           "name them and from the change history. Counts stay. This cannot be "
                           "undone (older backups still hold the data until they are thinned).",
                           "Erase"):
                return False
        result = self.controller.run_op(self, "Erase personal data", privacy.erase_contact,
                                        row.id, reason)
        if result is None:
            return False
        report, _changes = result
        self.controller.status.emit(
            f"Personal data erased: {report.records_touched} records and "
            f"{report.audit_entries_scrubbed} history entries cleaned.")
        return True

    def export_rows(self):
        return EXPORT_COLUMNS, self.model.rows()
