"""The selected member: a header with the actions used most (log an interaction, add a contact,
print the profile) and three sections — the profile form, contact persons, interactions."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ...domain.changes import Changes
from ...domain.countries import country_name
from ...domain.enums import MemberKind
from ...services import member_profile as profile_service
from ...services import members as member_service
from ...services.errors import NotFound
from ..common.export import ask_save_path, open_file
from ..common.messages import confirm, show_error
from .contacts import ADD_CONTACT_KEY, ContactsSection
from .editor import MemberEditor
from .interactions import LOG_KEY, InteractionsSection

PROFILE_PDF_KEY = "Ctrl+P"
PROFILE, CONTACTS, INTERACTIONS = range(3)


class MemberPanel(QWidget):
    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.detail: member_service.MemberDetail | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        self.title = QLabel("No member selected")
        self.title.setProperty("role", "heading")
        self.title.setWordWrap(True)
        header.addWidget(self.title, 1)
        self.state = QLabel()
        self.state.setProperty("role", "hint")
        header.addWidget(self.state)
        layout.addLayout(header)
        self.subtitle = QLabel()
        self.subtitle.setProperty("role", "hint")
        layout.addWidget(self.subtitle)

        actions = QHBoxLayout()
        self.log_button = QPushButton("Log interaction…")
        self.log_button.setToolTip(f"Log a visit, call, meeting, email or event ({LOG_KEY})")
        self.log_button.clicked.connect(self.log_interaction)
        self.contact_button = QPushButton("Add contact…")
        self.contact_button.setToolTip(f"Add a contact person ({ADD_CONTACT_KEY})")
        self.contact_button.clicked.connect(self.add_contact)
        self.pdf_button = QPushButton("Profile PDF…")
        self.pdf_button.setToolTip(f"A one-page profile to print or take along ({PROFILE_PDF_KEY})")
        self.pdf_button.clicked.connect(lambda: self.export_profile_pdf())
        for button in (self.log_button, self.contact_button, self.pdf_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)

        self.tabs = QTabWidget()
        self.editor = MemberEditor(controller)
        self.contacts = ContactsSection(controller)
        self.interactions = InteractionsSection(controller)
        self.tabs.addTab(self.editor, "Profile")
        self.tabs.addTab(self.contacts, "Contacts")
        self.tabs.addTab(self.interactions, "Interactions")
        for index in range(self.tabs.count()):
            self.tabs.setTabToolTip(index, f"{self.tabs.tabText(index)} (Ctrl+PgDown / Ctrl+PgUp "
                                           "turn the member's parts)")
        layout.addWidget(self.tabs, 1)
        self.editor.dirty_changed.connect(self._show_state)
        # Save works from every section, so a profile edit is never stranded behind a tab.
        QShortcut(QKeySequence.StandardKey.Save, self, self.editor.save)
        self.editor.reverted_new.connect(self.clear)
        self.contacts.count_changed.connect(lambda n: self._count(CONTACTS, "Contacts", n))
        self.interactions.count_changed.connect(lambda n: self._count(INTERACTIONS, "Interactions", n))
        self.clear()

    @property
    def member_id(self):
        return self.detail.id if self.detail else None

    # --- what is shown -------------------------------------------------------------------

    def load(self, detail: member_service.MemberDetail) -> None:
        self.detail = detail
        self.editor.load(detail)
        self._show_header()
        data = detail.data
        self.contacts.load(detail.id, data.name, data.country)
        self.interactions.load(detail.id, data.name)
        self._enable(True)

    def start_new(self) -> None:
        self.detail = None
        self.tabs.setCurrentIndex(PROFILE)
        self.editor.start_new()
        self.title.setText("New member")
        self.subtitle.setText("Save the member first; then add contacts and log interactions.")
        self.contacts.load(None)
        self.interactions.load(None)
        self._enable(False)

    def clear(self) -> None:
        self.detail = None
        self.editor.clear()
        self.title.setText("No member selected")
        self.subtitle.setText("")
        self.contacts.load(None)
        self.interactions.load(None)
        self._enable(False)
        self.tabs.setTabText(CONTACTS, "Contacts")
        self.tabs.setTabText(INTERACTIONS, "Interactions")

    def _enable(self, saved_member: bool) -> None:
        live = saved_member and self.detail is not None and not self.detail.deleted
        for button in (self.log_button, self.contact_button):
            button.setEnabled(live)
        self.pdf_button.setEnabled(saved_member)

    def _show_header(self) -> None:
        if self.detail is None:
            return
        data = self.detail.data
        self.title.setText(data.name + ("  (in the bin)" if self.detail.deleted else ""))
        kind = MemberKind(data.kind).label if data.kind in MemberKind._value2member_map_ else data.kind
        where = ", ".join(p for p in (data.city, country_name(data.country)) if p)
        self.subtitle.setText(" · ".join(p for p in (kind, where, data.vat_number) if p))
        self._show_state(self.editor.dirty)

    def _show_state(self, dirty: bool) -> None:
        self.state.setText("● Unsaved changes" if dirty else "Read-only" if self.controller.read_only
                           else "Saved" if self.detail else "")

    def _count(self, index: int, title: str, n: int) -> None:
        self.tabs.setTabText(index, f"{title} ({n})" if self.detail else title)

    def on_changed(self, changes: Changes) -> None:
        """Refresh the sections whose data a write touched."""
        if self.detail is None:
            return
        if changes.touches("members") and not self.editor.dirty and (
                "*" in changes.kinds or self.detail.id in changes.ids):
            try:
                self.detail = member_service.get_member(self.controller.ctx, self.detail.id)
            except NotFound:
                self.clear()
                return
            self.editor.load(self.detail)
            self._show_header()
            self._enable(True)
        if changes.touches("contacts", "consent_records"):
            self.contacts.refresh()
        if changes.touches("interactions", "contacts"):
            self.interactions.refresh()

    def step_section(self, step: int) -> None:
        self.show_section((self.tabs.currentIndex() + step) % self.tabs.count())

    def show_section(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        widget = self.tabs.currentWidget()
        view = getattr(widget, "view", None)
        (view or widget).setFocus()

    # --- actions -------------------------------------------------------------------------

    def _need_member(self, what: str) -> bool:
        if self.detail is None or self.detail.deleted:
            self.controller.status.emit(f"Select a member (or save the new one) to {what}.")
            return False
        return True

    def log_interaction(self) -> None:
        if self._need_member("log an interaction"):
            self.tabs.setCurrentIndex(INTERACTIONS)
            self.interactions.log_interaction()

    def add_contact(self) -> None:
        if self._need_member("add a contact"):
            self.tabs.setCurrentIndex(CONTACTS)
            self.contacts.add_contact()

    def export_profile_pdf(self, target: Path | None = None) -> None:
        """Write the one-page profile; asks where when no target is given."""
        if self.detail is None:
            self.controller.status.emit("Select a member to print its profile.")
            return
        asked = target is None
        if asked:
            target = ask_save_path(self, "Member profile PDF", f"Profile - {self.detail.data.name}",
                                   "PDF document", ".pdf")
            if target is None:
                return
        # Read on this thread (a few quick queries); only the typesetting runs in the background.
        profile = profile_service.member_profile(self.controller.ctx, self.detail.id)

        def work() -> Path:
            from ...exports.pdf.member_profile import write_member_profile

            return write_member_profile(target, profile)

        def done(path: Path) -> None:
            self.controller.status.emit(f"Profile of “{profile.member.data.name}” saved to {path}")
            if asked and confirm(self, "Member profile", f"Saved to {path}.\n\nOpen it now?", "Open"):
                open_file(path)

        def failed(exc: BaseException, _trace: str) -> None:
            show_error(self, "Member profile", f"The PDF could not be written: {exc}")

        self.controller.runner.run(work, done, failed)
