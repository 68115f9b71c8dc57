"""File ▸ Import members… (Ctrl+I): file and sheet → columns → dry run and duplicates →
the import, in one transaction after a verified backup → what happened, and how to undo it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget, QWizard, QWizardPage

from ...domain.changes import Changes
from .check_page import CheckPage
from .file_page import FilePage
from .mapping_page import MappingPage

FILE, MAPPING, CHECK, DONE = range(4)


class ResultPage(QWizardPage):
    def __init__(self, wizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle("Imported")
        layout = QVBoxLayout(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        self.figures = QGridLayout()
        self.figures.setHorizontalSpacing(32)
        layout.addLayout(self.figures)
        self.backup = QLabel()
        self.backup.setWordWrap(True)
        self.backup.setProperty("role", "hint")
        self.backup.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.backup)
        hint = QLabel("Members ▸ Imports lists every import; from there a whole import can be "
                      "undone. Members ▸ Duplicates finds look-alikes among all members and merges them.")
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802
        result = self.wiz.result
        if result is None:
            return
        summary = result.summary
        self.text.setText(f"{self.wiz.source.name} is imported: {summary.text(past=True)}.")
        figures = [(summary.members_new, "new member", "new members"),
                   (summary.contacts_new, "new contact", "new contacts"),
                   (summary.members_merged, "existing member added to",
                    "existing members added to"),
                   (summary.contacts_updated, "known contact completed", "known contacts completed"),
                   (summary.organisations_skipped, "duplicate skipped", "duplicates skipped"),
                   (summary.rows_left_out, "row with problems left out", "rows with problems left out")]
        for column, (count, one, many) in enumerate(figures):
            what = one if count == 1 else many
            number = QLabel(f"{count:,}")
            number.setProperty("role", "heading")
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label = QLabel(what)
            label.setProperty("role", "hint")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.figures.addWidget(number, 0, column)
            self.figures.addWidget(label, 1, column)
        self.backup.setText(f"A verified backup was taken just before the import: {result.backup}"
                            if result.backup else "")


class ImportWizard(QWizard):
    def __init__(self, controller, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle("Import members and contacts")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(1120, 700)
        self.source = None
        self.mapping: list[str] = []
        self.mapping_name = ""
        self.default_country: str | None = "DK"
        self.decisions: dict[int, str] = {}
        self.result = None
        self.closed = False
        self._busy = False
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.check_page = CheckPage(self)
        self.result_page = ResultPage(self)
        for number, page in ((FILE, self.file_page), (MAPPING, self.mapping_page),
                             (CHECK, self.check_page), (DONE, self.result_page)):
            self.setPage(number, page)
        for page in (self.file_page, self.check_page):
            page.job.on_idle = self.dispose_if_idle
        self.currentIdChanged.connect(self._page_changed)
        self._page_changed(self.currentId())
        if path is not None:
            self.file_page.load(Path(path))

    # --- shared state -------------------------------------------------------------------------

    def set_source(self, source) -> None:
        self.source = source

    def set_mapping(self, mapping: list[str], country: str | None, name: str) -> None:
        self.mapping, self.default_country, self.mapping_name = list(mapping), country, name

    def imported(self, result, changes: Changes) -> None:
        """The import is committed: every screen showing members refreshes, even if this
        window was closed meanwhile."""
        self.result = result
        self.controller.changed.emit(changes)
        self.controller.status.emit(f"Import done: {result.summary.text(past=True)}.")

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton):
            button = self.button(which)
            if button is not None:
                button.setEnabled(not busy)

    def _page_changed(self, page_id: int) -> None:
        self.setButtonText(QWizard.WizardButton.NextButton, "&Import" if page_id == CHECK else "&Next >")
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Done")

    # --- closing ------------------------------------------------------------------------------

    def reject(self) -> None:
        if self._busy:  # the import is running: stop it first (it rolls back)
            self.check_page.job.cancel()
            return
        for page in (self.file_page, self.check_page):
            page.job.cancel()
        self.closed = True
        super().reject()

    def done(self, result: int) -> None:
        self.closed = True
        super().done(result)
        self.dispose_if_idle()

    def dispose_if_idle(self) -> None:
        """Free the closed wizard once no background job can call back into it."""
        if self.closed and not (self.file_page.job.alive or self.check_page.job.alive):
            self.deleteLater()


def open_import_wizard(parent: QWidget, controller, path: Path | None = None) -> ImportWizard | None:
    """Show the wizard, window-modal; returns it (tests drive it)."""
    if controller.ctx is None or controller.workspace is None:
        return None
    if controller.workspace.read_only:
        from ..common.messages import show_error

        show_error(parent, "Import members", "This workspace is open read-only; nothing can be imported.")
        return None
    wizard = ImportWizard(controller, parent, path)
    wizard.open()
    return wizard
