"""The member's contact persons: who they are, how to reach them, what they consented to;
add, edit, delete to the bin and restore; export or erase a person's personal data."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMenu, QPushButton

from ...domain.formatting import format_date
from ...exports.contact_data import write_contact_data
from ...services import contacts as contact_service
from ...services import privacy
from ..common.export import ask_save_path
from ..common.messages import confirm, show_error
from ..common.table_model import Column
from .section import MemberSection

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


class ContactsSection(MemberSection):
    noun = "contact"
    columns = COLUMNS
    export_columns = EXPORT_COLUMNS
    delete_fn = staticmethod(contact_service.delete_contact)
    restore_fn = staticmethod(contact_service.restore_contact)

    def extra_buttons(self):
        self.privacy_button = QPushButton("Personal data")
        self.privacy_button.setToolTip("Export everything held about the selected person, "
                                       "or erase their personal data (GDPR)")
        menu = QMenu(self.privacy_button)
        menu.addAction("Export everything about this person…", lambda: self.export_personal_data())
        menu.addSeparator()
        menu.addAction("Erase this person's personal data…", lambda: self.erase_personal_data())
        self.privacy_button.setMenu(menu)
        return [self.privacy_button]

    def update_buttons(self, row, in_bin: bool) -> None:
        self.privacy_button.setEnabled(row is not None)

    def decorate(self, row, role):
        if role == Qt.ItemDataRole.FontRole and row.is_primary:
            font = self.view.font()
            font.setBold(True)
            return font
        return None

    def fetch(self, deleted: bool):
        return contact_service.list_contacts(self.controller.ctx, self.member_id, deleted=deleted)

    def empty_hint(self) -> str:
        return f"<i>No contact persons yet — add one with {ADD_CONTACT_KEY}.</i>"

    def describe(self, row) -> str:
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
        return "<br>".join(lines)

    def make_dialog(self, row):
        from .contact_dialog import ContactDialog

        detail = contact_service.get_contact(self.controller.ctx, row.id) if row else None
        return ContactDialog(self.controller, self.member_id, self.member_name,
                             self.member_country, detail, self)

    def saved_message(self, saved) -> str:
        return f"Contact “{saved.data.name}” saved."

    # the names the member view and its tests use
    add_contact = MemberSection.add
    edit_contact = MemberSection.edit
    current_contact = MemberSection.current_row

    # --- personal data -----------------------------------------------------------------

    def export_personal_data(self, target: Path | None = None) -> None:
        """Everything held about the selected person, as a JSON file (an access request)."""
        row = self.current_row()
        if row is None:
            return
        target = target or ask_save_path(self, "Export personal data",
                                         f"Personal data - {row.name}", "JSON file", ".json")
        if target is None:
            return
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
        row = self.current_row()
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
