"""Members ▸ Questionnaires: the workspace's question sets on the left; on the right the
builder, the answers entered on members' behalf, and the results."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ....services import survey_results, surveys
from ....services.errors import ServiceError
from ...common.messages import ask_to_save, confirm
from ...common.tab import ListExport, TabPage
from ...common.table_model import Column, RowTableModel
from ...common.tables import RowChooser, row_at, sorted_table
from .answer_sets import AnswerSetsPanel
from .builder import QuestionnaireBuilder
from .results import ResultsPanel

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
COLUMNS = (
    Column("name", "Questionnaire", lambda r: r.name, width=200),
    Column("questions", "Qs", lambda r: r.questions, align=RIGHT, width=38),
    Column("answers", "Answers", lambda r: r.answers, align=RIGHT, width=62),
    Column("campaigns", "Campaigns", lambda r: r.campaigns, align=RIGHT, width=76),
    Column("revision", "Rev.", lambda r: r.revision, align=RIGHT, width=40),
)


class QuestionnairesView(TabPage):
    kinds = ("questionnaires", "questions", "answer_sets", "answers", "campaigns")

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.model = RowTableModel(COLUMNS, parent=self)
        self.view, self.proxy = sorted_table(self.model, COLUMNS, stretch=0, parent=self)
        self.chooser = RowChooser(self.view, self._choose, self.confirm_discard)
        left_layout.addWidget(self.view, 1)
        self.empty_hint = QLabel("No questionnaires yet. Start from one of the built-in templates "
                                 "(From template…) or make your own (New).")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setProperty("role", "hint")
        left_layout.addWidget(self.empty_hint)
        buttons = QHBoxLayout()
        self.new_button = QPushButton("Ne&w")
        self.new_button.setToolTip("A new, empty questionnaire (Ctrl+N)")
        self.new_button.clicked.connect(self.new_questionnaire)
        self.template_button = QPushButton("From te&mplate…")
        self.template_button.setToolTip("Copy one of the built-in questionnaires into this workspace")
        self.template_menu = QMenu(self)
        for template in surveys.builtin_templates():
            action = self.template_menu.addAction(f"{template.name}  ({template.handbook})")
            action.setToolTip(template.description)
            action.triggered.connect(lambda _=False, key=template.key: self.install_template(key))
        self.template_button.setMenu(self.template_menu)
        self.copy_button = QPushButton("Cop&y")
        self.copy_button.setToolTip("Make a copy of the selected questionnaire to change freely")
        self.copy_button.clicked.connect(self.duplicate)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setToolTip("Delete the selected questionnaire if nobody answered it (Delete)")
        self.delete_button.clicked.connect(self.delete)
        for button in (self.new_button, self.template_button, self.copy_button, self.delete_button):
            buttons.addWidget(button)
        left_layout.addLayout(buttons)
        splitter.addWidget(left)

        self.tabs = QTabWidget()
        self.builder = QuestionnaireBuilder(controller)
        self.builder.saved.connect(lambda detail: self._go_to(detail.id))
        self.answers = AnswerSetsPanel(controller)
        self.results = ResultsPanel(controller)
        self.tabs.addTab(self.builder, "Questions")
        self.tabs.addTab(self.answers, "Answers")
        self.tabs.addTab(self.results, "Results")
        self.tabs.currentChanged.connect(lambda _i: self._show_details())
        splitter.addWidget(self.tabs)
        splitter.setSizes([430, 900])

        QShortcut(QKeySequence.StandardKey.New, self, self.new_questionnaire).setContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.view, self.delete)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)

    # --- data ----------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.ctx is None:
            return
        current = self.builder.detail.id if self.builder.detail else self.current_id()
        self.model.set_rows(surveys.list_questionnaires(self.ctx))
        self.empty_hint.setVisible(self.model.rowCount() == 0)
        if current is not None:
            try:
                current = surveys.current_revision_id(self.ctx, current)
            except ServiceError:  # deleted meanwhile
                current = None
        if current is None and self.model.rowCount():
            current = row_at(self.view, self.proxy.index(0, 0)).id
        self._go_to(current)

    def current_id(self) -> uuid.UUID | None:
        return self.chooser.current_id()

    def _go_to(self, questionnaire_id: uuid.UUID | None) -> None:
        """Select the questionnaire in the list and show it — unless the builder holds
        unsaved changes, which are never thrown away by a refresh."""
        self.chooser.go_to(questionnaire_id)
        if not self.builder.dirty:
            self._load(questionnaire_id)

    def _choose(self, questionnaire_id: uuid.UUID) -> None:
        if self.builder.detail is None or self.builder.detail.id != questionnaire_id:
            self._load(questionnaire_id)

    def _load(self, questionnaire_id: uuid.UUID | None) -> None:
        detail = surveys.get_questionnaire(self.ctx, questionnaire_id) if questionnaire_id else None
        self.builder.load(detail)
        self.builder.setEnabled(detail is not None or self.builder.dirty)
        self._show_details()

    def _show_details(self) -> None:
        detail = self.builder.detail
        widget = self.tabs.currentWidget()
        if widget is self.answers:
            self.answers.show_questionnaire(detail)
        elif widget is self.results and detail is not None:
            self.results.show_questionnaire(detail, survey_results.campaigns_asking(self.ctx, detail.id))

    # --- actions -------------------------------------------------------------------------

    def confirm_discard(self) -> bool:
        if not self.builder.dirty:
            return True
        answer = ask_to_save(self, "Save the changes to this questionnaire first?")
        if answer == "save":
            return self.builder.save()
        if answer == "discard":
            self.builder.revert()
        return answer == "discard"

    def new_questionnaire(self) -> None:
        if not self.confirm_discard():
            return
        self.view.clearSelection()
        self.tabs.setCurrentWidget(self.builder)
        self.builder.setEnabled(True)
        self.builder.start_new()

    def install_template(self, key: str) -> None:
        if not self.confirm_discard():
            return
        result = self.controller.run_op(self, "Copy template", surveys.install_template, key)
        if result:
            self._go_to(result[0].id)
            self.controller.status.emit(f"“{result[0].data.name}” copied into this workspace — "
                                        "change it as you like.")

    def duplicate(self) -> None:
        questionnaire_id = self.current_id()
        if questionnaire_id is None or not self.confirm_discard():
            return
        result = self.controller.run_op(self, "Copy questionnaire", surveys.duplicate_questionnaire,
                                        questionnaire_id)
        if result:
            self._go_to(result[0].id)
            self.tabs.setCurrentWidget(self.builder)
            self.builder.name.setFocus()
            self.builder.name.selectAll()

    def delete(self) -> None:
        row = row_at(self.view)
        if row is None:
            return
        if confirm(self, "Delete questionnaire", f"Delete “{row.name}”?", "Delete"):
            self.controller.run_op(self, "Delete questionnaire", surveys.delete_questionnaire, row.id)

    def focus_primary(self) -> None:
        self.view.setFocus()

    def list_export(self) -> ListExport:
        return ListExport("Questionnaires", COLUMNS, self.model.rows())
