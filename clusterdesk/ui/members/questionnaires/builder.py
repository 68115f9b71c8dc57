"""The questionnaire builder: the list of questions beside the selected question's editor.
Add (Alt+Insert), delete (Alt+Delete), move (Alt+Up/Down), save (Ctrl+S). A questionnaire
that already has answers is saved as its next revision, so those answers keep their
questions."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ....domain.questionnaires import (
    ORIENTATION_CHOICES,
    QuestionDef,
    QuestionKind,
    QuestionRole,
    roles_for,
)
from ....services import surveys
from ....services.errors import ValidationError
from ...common.forms import error_label, mark_invalid
from ...common.save_bar import SaveBar
from .choices import ChoiceListEditor

NEW_QUESTION = QuestionDef(key="", kind=QuestionKind.SINGLE_CHOICE.value, text="")


class QuestionnaireBuilder(QWidget):
    saved = Signal(object)  # QuestionnaireDetail

    def __init__(self, controller, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.detail: surveys.QuestionnaireDetail | None = None
        self.drafts: list[QuestionDef] = []
        self._dirty = False
        self._loading = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 6, 0, 0)

        head = QFormLayout()
        self.name = QLineEdit()
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.description.fontMetrics().lineSpacing() * 2 + 14)
        self.prefill = QCheckBox("Start each answer from the member's earlier answers (for follow-ups)")
        head.addRow("&Name:", self.name)
        head.addRow("Description:", self.description)
        head.addRow("", self.prefill)
        outer.addLayout(head)
        self.errors = error_label()
        outer.addWidget(self.errors)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.list_model = QStandardItemModel(self)
        self.question_list = QListView()
        self.question_list.setModel(self.list_model)
        self.question_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.question_list.setWordWrap(True)
        self.question_list.setAlternatingRowColors(True)
        self.question_list.selectionModel().currentRowChanged.connect(self._question_chosen)
        left_layout.addWidget(QLabel("&Questions:", buddy=self.question_list))
        left_layout.addWidget(self.question_list, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton("&Add question")
        self.add_button.setToolTip("Add a question after the selected one (Alt+Insert)")
        self.add_button.clicked.connect(self.add_question)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setToolTip("Delete the selected question (Alt+Delete)")
        self.delete_button.clicked.connect(self.delete_question)
        self.up_button = QPushButton("▲")
        self.up_button.setToolTip("Move the question up (Alt+Up)")
        self.up_button.clicked.connect(lambda: self.move_question(-1))
        self.down_button = QPushButton("▼")
        self.down_button.setToolTip("Move the question down (Alt+Down)")
        self.down_button.clicked.connect(lambda: self.move_question(1))
        for button in (self.add_button, self.delete_button, self.up_button, self.down_button):
            row.addWidget(button)
        left_layout.addLayout(row)
        splitter.addWidget(left)

        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(8, 0, 0, 0)
        form = QFormLayout()
        editor_layout.addLayout(form)
        editor_layout.addStretch(1)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * 2 + 14)
        self.kind = QComboBox()
        for value, label in QuestionKind.choices():
            self.kind.addItem(label, value)
        self.role = QComboBox()
        for value, label in QuestionRole.choices():
            self.role.addItem(label, value)
        self.help = QLineEdit()
        self.help.setPlaceholderText("Optional hint shown under the question, e.g. 1 = poor, 5 = excellent")
        self.choices = ChoiceListEditor()
        self.allow_other = QCheckBox("Also allow an “other” answer as text")
        self.orientation_button = QPushButton("Use the four orientation steps as choices")
        self.orientation_button.clicked.connect(
            lambda: self.choices.set_choices(ORIENTATION_CHOICES) or self._edited())
        form.addRow("Question &text:", self.text)
        form.addRow("Ty&pe:", self.kind)
        form.addRow("Answer fee&ds:", self.role)
        form.addRow("H&int:", self.help)
        self.choices_label = QLabel("&Choices:", buddy=self.choices.view)
        form.addRow(self.choices_label, self.choices)
        form.addRow("", self.allow_other)
        form.addRow("", self.orientation_button)
        self.editor = editor
        splitter.addWidget(editor)
        splitter.setSizes([330, 520])
        outer.addWidget(splitter, 1)

        self.save_bar = SaveBar("questionnaire", self.save, self.revert)
        self.info = self.save_bar.state
        outer.addWidget(self.save_bar)

        self.name.textEdited.connect(lambda _t: self._set_dirty(True))
        self.description.textChanged.connect(lambda: self._set_dirty(True) if not self._loading else None)
        self.prefill.toggled.connect(lambda _c: self._set_dirty(True) if not self._loading else None)
        self.text.textChanged.connect(self._edited)
        self.kind.currentIndexChanged.connect(self._edited)
        self.role.currentIndexChanged.connect(self._edited)
        self.help.textEdited.connect(self._edited)
        self.choices.changed.connect(self._edited)
        self.allow_other.toggled.connect(self._edited)
        for keys, slot in (("Alt+Insert", self.add_question), ("Alt+Delete", self.delete_question),
                           ("Alt+Up", lambda: self.move_question(-1)),
                           ("Alt+Down", lambda: self.move_question(1)),
                           (QKeySequence.StandardKey.Save, self.save)):
            shortcut = QShortcut(QKeySequence(keys), self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.load(None)

    # --- state ---------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        d = self.detail
        if d is None:
            text = "A new questionnaire — add questions (Alt+Insert), then save (Ctrl+S)."
        else:
            text = f"Revision {d.revision}"
            if d.answers:
                text += (f" · {d.answers} answer set{'s' if d.answers != 1 else ''}. Saving changes "
                         f"to the questions makes revision {d.revision + 1}; the answers keep theirs.")
        self.save_bar.show_state(dirty, text)
        if dirty:
            self.info.setText(f"{self.info.text()} · {text}")

    def current_row(self) -> int:
        index = self.question_list.currentIndex()
        return index.row() if index.isValid() else -1

    # --- loading -------------------------------------------------------------------------

    def load(self, detail: surveys.QuestionnaireDetail | None) -> None:
        self._loading = True
        self.detail = detail
        try:
            data = detail.data if detail else surveys.QuestionnaireInput(name="")
            self.name.setText(data.name)
            self.description.setPlainText(data.description)
            self.prefill.setChecked(data.prefill)
            self.drafts = list(data.questions)
            self._clear_errors()
            self._refresh_list(0 if self.drafts else -1)
        finally:
            self._loading = False
        self._show_question(self.current_row())
        self._set_dirty(False)

    def start_new(self) -> None:
        self.load(None)
        self.name.setFocus()

    def _refresh_list(self, select: int) -> None:
        self.list_model.clear()
        for row in range(len(self.drafts)):
            self.list_model.appendRow(QStandardItem())
            self._refresh_item(row)
        if 0 <= select < len(self.drafts):
            self.question_list.setCurrentIndex(self.list_model.index(select, 0))

    def _question_chosen(self, current, _previous) -> None:
        self._show_question(current.row() if current.isValid() else -1)

    def _show_question(self, row: int) -> None:
        self._loading = True
        try:
            question = self.drafts[row] if 0 <= row < len(self.drafts) else None
            self.editor.setEnabled(question is not None)
            question = question or NEW_QUESTION
            self.text.setPlainText(question.text)
            self.kind.setCurrentIndex(max(0, self.kind.findData(question.kind)))
            self._limit_roles(question.kind)
            self.role.setCurrentIndex(max(0, self.role.findData(question.role)))
            self.help.setText(question.help)
            self.choices.set_choices(question.choices)
            self.allow_other.setChecked(question.allow_other)
            self._show_choice_fields(question)
        finally:
            self._loading = False

    def _limit_roles(self, kind: str) -> None:
        allowed = {r.value for r in roles_for(kind)}
        model = self.role.model()
        for i in range(self.role.count()):
            model.item(i).setEnabled(self.role.itemData(i) in allowed)
        if self.role.currentData() not in allowed:
            self.role.setCurrentIndex(0)

    def _show_choice_fields(self, question: QuestionDef) -> None:
        own = QuestionKind(question.kind).has_own_choices
        for widget in (self.choices, self.choices_label, self.allow_other):
            widget.setVisible(own)
        self.orientation_button.setVisible(
            question.kind == QuestionKind.SINGLE_CHOICE.value
            and question.role == QuestionRole.ORIENTATION.value)

    # --- editing -------------------------------------------------------------------------

    def _edited(self, *_args) -> None:
        if self._loading:
            return
        row = self.current_row()
        if not 0 <= row < len(self.drafts):
            return
        self._limit_roles(self.kind.currentData())
        question = replace(self.drafts[row], text=self.text.toPlainText(), kind=self.kind.currentData(),
                           role=self.role.currentData(), help=self.help.text(),
                           choices=self.choices.choices(), allow_other=self.allow_other.isChecked())
        self.drafts[row] = question
        self._show_choice_fields(question)
        item = self.list_model.item(row)
        if item is not None:
            self._loading = True
            self._refresh_item(row)
            self._loading = False
        self._set_dirty(True)

    def _refresh_item(self, row: int) -> None:
        question = self.drafts[row]
        item = self.list_model.item(row)
        item.setText(f"{row + 1}. {question.text or '(new question)'}\n      "
                     f"{QuestionKind(question.kind).label}"
                     + ("" if question.role == QuestionRole.NONE.value
                        else f" · {QuestionRole(question.role).label.split(' →')[0]}"))
        item.setToolTip(question.text)
        item.setEditable(False)

    def add_question(self) -> None:
        row = self.current_row() + 1 if self.drafts else 0
        self.drafts.insert(row, NEW_QUESTION)
        self._refresh_list(row)
        self._set_dirty(True)
        self.text.setFocus()

    def delete_question(self) -> None:
        row = self.current_row()
        if not 0 <= row < len(self.drafts):
            return
        del self.drafts[row]
        self._refresh_list(min(row, len(self.drafts) - 1))
        self._show_question(self.current_row())
        self._set_dirty(True)
        self.question_list.setFocus()

    def move_question(self, step: int) -> None:
        row = self.current_row()
        target = row + step
        if not (0 <= row < len(self.drafts) and 0 <= target < len(self.drafts)):
            return
        had_focus = QApplication.focusWidget()
        self.drafts[row], self.drafts[target] = self.drafts[target], self.drafts[row]
        self._refresh_list(target)
        self._set_dirty(True)
        # Reloading the question's fields can drop the keyboard focus; keep it where it was.
        if had_focus is not None and had_focus.isVisible() and had_focus.isEnabled():
            had_focus.setFocus()
        else:
            self.question_list.setFocus()

    # --- saving --------------------------------------------------------------------------

    def _clear_errors(self) -> None:
        mark_invalid(self.name, None)
        self.errors.hide()
        for row in range(self.list_model.rowCount()):
            self.list_model.item(row).setForeground(self.palette().text())

    def data(self) -> surveys.QuestionnaireInput:
        return surveys.QuestionnaireInput(
            name=self.name.text(), description=self.description.toPlainText(),
            prefill=self.prefill.isChecked(), questions=tuple(self.drafts),
            version=self.detail.data.version if self.detail else 0)

    def save(self) -> bool:
        if not self._dirty:
            return True
        self._clear_errors()
        try:
            if self.detail is None:
                result = self.controller.run_op(self, "Save questionnaire", surveys.create_questionnaire,
                                                self.data())
            else:
                result = self.controller.run_op(self, "Save questionnaire", surveys.save_questionnaire,
                                                self.detail.id, self.data())
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return False
        if result is None:
            return False
        detail, _changes = result
        previous = self.detail
        self.load(detail)
        if previous is not None and detail.id != previous.id:
            self.controller.status.emit(
                f"Saved as revision {detail.revision}; the {previous.answers} earlier answer sets "
                f"keep revision {previous.revision}.")
        self.saved.emit(detail)
        return True

    def show_errors(self, errors: dict[str, str]) -> None:
        from PySide6.QtGui import QBrush, QColor

        first_row = None
        for key in errors:
            if key.startswith("Question "):
                row = int(key.split()[1]) - 1
                if 0 <= row < self.list_model.rowCount():
                    self.list_model.item(row).setForeground(QBrush(QColor("#c0392b")))
                    first_row = row if first_row is None else first_row
        if "name" in errors:
            mark_invalid(self.name, errors["name"])
            self.name.setFocus()
        elif first_row is not None:
            self.question_list.setCurrentIndex(self.list_model.index(first_row, 0))
            self.text.setFocus()
        self.errors.setText("Not saved — " + "; ".join(
            f"{k.capitalize()}: {v}" if not k.startswith("Question") else f"{k}: {v}"
            for k, v in errors.items()))
        self.errors.show()

    def revert(self) -> None:
        if self.detail is None:
            self.load(None)
            return
        self.load(surveys.get_questionnaire(self.controller.ctx, self.detail.id))
