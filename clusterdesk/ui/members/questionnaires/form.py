"""Filling in a questionnaire on someone's behalf, fast by keyboard: Tab from question to
question, the digits 1–9 pick a choice, Delete clears an answer, numbers are typed the way
people say them. Used inline on the call screen and in the answer dialog."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from decimal import Decimal

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ....domain.questionnaires import (
    AnswerValue,
    QuestionDef,
    QuestionKind,
    format_number,
    parse_number,
)
from ....services.errors import ValidationError
from ...common.forms import mark_invalid

ROW_KINDS = (QuestionKind.YES_NO_CONSIDERING, QuestionKind.RATING)


class _Question(QWidget):
    """One question: its label, hint and input."""

    changed = Signal()

    def __init__(self, number: int, question: QuestionDef, parent=None) -> None:
        super().__init__(parent)
        self.question = question
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 6)
        layout.setSpacing(3)
        self.title = QLabel(f"{number}. {question.text}")
        self.title.setWordWrap(True)
        self.title.setProperty("role", "question")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        if question.help:
            hint = QLabel(question.help)
            hint.setWordWrap(True)
            hint.setProperty("role", "hint")
            layout.addWidget(hint)
        self.body = QWidget()
        layout.addWidget(self.body)

    def focus_target(self) -> QWidget:
        return self.body

    def value(self) -> AnswerValue:
        raise NotImplementedError

    def set_value(self, value: AnswerValue | None) -> None:
        raise NotImplementedError

    def mark(self, message: str | None) -> None:
        mark_invalid(self.focus_target(), message)
        self.title.setStyleSheet("color: #c0392b;" if message else "")
        self.title.setToolTip(message or "")


class _ChoiceQuestion(_Question):
    """Radio buttons (one answer) or check boxes (several), with an optional 'other' text."""

    def __init__(self, number: int, question: QuestionDef, parent=None) -> None:
        super().__init__(number, question, parent)
        kind = question.kind_enum
        self.multiple = kind is QuestionKind.MULTIPLE_CHOICE
        options = question.options()
        grid = QGridLayout(self.body)
        grid.setContentsMargins(12, 0, 0, 0)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(2)
        in_a_row = kind in ROW_KINDS
        columns = len(options) if in_a_row else (1 if len(options) <= 4 else 2)
        self.buttons: list[tuple[str, QAbstractButton]] = []
        for index, choice in enumerate(options):
            prefix = "" if kind is QuestionKind.RATING else f"{index + 1} · " if index < 9 else ""
            button: QAbstractButton = QCheckBox(prefix + choice.label) if self.multiple \
                else QRadioButton(prefix + choice.label)
            button.setToolTip("Press 1–9 to choose, Delete to clear the answer")
            button.toggled.connect(self._toggled)
            button.installEventFilter(self)
            self.buttons.append((choice.key, button))
            if in_a_row:
                grid.addWidget(button, 0, index)
            else:
                rows = (len(options) + columns - 1) // columns
                grid.addWidget(button, index % rows, index // rows)
        if in_a_row:
            grid.setColumnStretch(len(options), 1)
        self.other: QLineEdit | None = None
        if question.allow_other:
            self.other = QLineEdit()
            self.other.setPlaceholderText("Other — type it here")
            self.other.textEdited.connect(self._other_typed)
            row = grid.rowCount()
            grid.addWidget(self.other, row, 0, 1, max(1, columns))

    def focus_target(self) -> QWidget:
        checked = next((b for _k, b in self.buttons if b.isChecked()), None)
        return checked or (self.buttons[0][1] if self.buttons else self.other)

    def _toggled(self, checked: bool) -> None:
        if checked and not self.multiple and self.other is not None and self.other.text():
            self.other.clear()
        self.changed.emit()

    def _other_typed(self, text: str) -> None:
        if text and not self.multiple:
            self._set_checked(set())
        self.changed.emit()

    def _set_checked(self, keys: set[str]) -> None:
        for key, button in self.buttons:
            if button.isChecked() != (key in keys):
                button.setAutoExclusive(False)  # an exclusive radio cannot be unchecked directly
                button.setChecked(key in keys)
                button.setAutoExclusive(not self.multiple)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            key = event.key()
            if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
                index = key - Qt.Key.Key_1
                if index < len(self.buttons):
                    button = self.buttons[index][1]
                    button.setChecked(not button.isChecked() if self.multiple else True)
                    button.setFocus()
                    return True
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.set_value(None)
                self.changed.emit()
                return True
            if key == Qt.Key.Key_Tab and self.multiple:
                # One Tab leaves the check boxes, as it leaves a group of radio buttons.
                target = self.other or _next_focusable(self.buttons[-1][1])
                if target is not None:
                    target.setFocus(Qt.FocusReason.TabFocusReason)
                    return True
        return super().eventFilter(watched, event)

    def value(self) -> AnswerValue:
        chosen = tuple(k for k, b in self.buttons if b.isChecked())
        other = self.other.text().strip() if self.other is not None else ""
        if self.question.kind == QuestionKind.RATING.value:
            return AnswerValue(number=Decimal(chosen[0])) if chosen else AnswerValue()
        return AnswerValue(choices=chosen, other=other)

    def set_value(self, value: AnswerValue | None) -> None:
        value = value or AnswerValue()
        if self.question.kind == QuestionKind.RATING.value:
            keys = {str(int(value.number))} if value.number is not None else set()
        else:
            keys = set(value.choices)
        self._set_checked(keys)
        if self.other is not None:
            self.other.setText(value.other)


class _NumberQuestion(_Question):
    def __init__(self, number: int, question: QuestionDef, parent=None) -> None:
        super().__init__(number, question, parent)
        layout = QHBoxLayout(self.body)
        layout.setContentsMargins(12, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("a number, e.g. 12 or 2,5")
        self.edit.setMinimumWidth(180)
        self.edit.setMaximumWidth(240)
        self.edit.textEdited.connect(lambda _t: self.changed.emit())
        layout.addWidget(self.edit)
        layout.addStretch(1)

    def focus_target(self) -> QWidget:
        return self.edit

    def value(self) -> AnswerValue:
        number = parse_number(self.edit.text())  # ValueError names what was typed
        return AnswerValue(number=number)

    def set_value(self, value: AnswerValue | None) -> None:
        self.edit.setText(format_number(value.number) if value and value.number is not None else "")


class _TextQuestion(_Question):
    def __init__(self, number: int, question: QuestionDef, parent=None) -> None:
        super().__init__(number, question, parent)
        layout = QHBoxLayout(self.body)
        layout.setContentsMargins(12, 0, 0, 0)
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * 3 + 12)
        self.edit.textChanged.connect(self.changed.emit)
        layout.addWidget(self.edit)

    def focus_target(self) -> QWidget:
        return self.edit

    def value(self) -> AnswerValue:
        return AnswerValue(text=self.edit.toPlainText().strip())

    def set_value(self, value: AnswerValue | None) -> None:
        self.edit.setPlainText(value.text if value else "")


def _make(number: int, question: QuestionDef) -> _Question:
    kind = question.kind_enum
    if kind is QuestionKind.NUMBER:
        return _NumberQuestion(number, question)
    if kind is QuestionKind.FREE_TEXT:
        return _TextQuestion(number, question)
    return _ChoiceQuestion(number, question)


class QuestionnaireForm(QWidget):
    """All questions of a questionnaire, one under the other."""

    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 8, 0)
        self._layout.setSpacing(2)
        self.questions: list[_Question] = []
        self._loading = False
        self._empty = QLabel("This campaign has no questionnaire: record the outcome and notes.")
        self._empty.setProperty("role", "hint")
        self._empty.setWordWrap(True)
        self._layout.addWidget(self._empty)
        self._layout.addStretch(1)

    def set_questions(self, questions: Sequence[QuestionDef]) -> None:
        if [q.question for q in self.questions] == list(questions):
            self.clear()
            return
        for widget in self.questions:
            self._layout.removeWidget(widget)
            widget.deleteLater()
        self.questions = []
        for number, question in enumerate(questions, start=1):
            widget = _make(number, question)
            widget.changed.connect(self._changed)
            self._layout.insertWidget(self._layout.count() - 1, widget)
            self.questions.append(widget)
        self._empty.setVisible(not self.questions)
        prev: QWidget | None = None
        for widget in self.questions:  # keep Tab in question order
            for child in _focusables(widget):
                if prev is not None:
                    QWidget.setTabOrder(prev, child)
                prev = child

    def _changed(self) -> None:
        if not self._loading:
            self.changed.emit()

    def widget_for(self, key: str) -> _Question | None:
        return next((w for w in self.questions if w.question.key == key), None)

    def first_field(self) -> QWidget | None:
        return self.questions[0].focus_target() if self.questions else None

    def clear(self) -> None:
        self.set_values({})

    def set_values(self, values: Mapping[str, AnswerValue]) -> None:
        self._loading = True
        try:
            for widget in self.questions:
                widget.set_value(values.get(widget.question.key))
        finally:
            self._loading = False
        self.clear_errors()

    def values(self, *, strict: bool = True) -> dict[str, AnswerValue]:
        """The answers given, keyed by question key. With `strict`, a number that is not a
        number raises ValidationError naming the question ("answer:<key>"); otherwise it
        is left out."""
        out: dict[str, AnswerValue] = {}
        errors: dict[str, str] = {}
        for number, widget in enumerate(self.questions, start=1):
            try:
                value = widget.value()
            except ValueError as exc:
                errors[f"answer:{widget.question.key}"] = f"Question {number}: {exc}"
                continue
            if not value.is_empty():
                out[widget.question.key] = value
        if errors and strict:
            raise ValidationError(errors)
        return out

    def has_answers(self) -> bool:
        return bool(self.values(strict=False))

    def show_errors(self, errors: Mapping[str, str]) -> QWidget | None:
        """Mark the refused questions; returns the first one's input for the focus."""
        first = None
        for widget in self.questions:
            message = errors.get(f"answer:{widget.question.key}")
            widget.mark(message)
            if message and first is None:
                first = widget.focus_target()
        return first

    def clear_errors(self) -> None:
        for widget in self.questions:
            widget.mark(None)


def _focusables(widget: QWidget) -> list[QWidget]:
    if isinstance(widget, _ChoiceQuestion):
        return [b for _k, b in widget.buttons] + ([widget.other] if widget.other else [])
    return [widget.focus_target()]


def _next_focusable(widget: QWidget) -> QWidget | None:
    """The widget Tab would reach after `widget`."""
    candidate = widget.nextInFocusChain()
    while candidate is not None and candidate is not widget:
        if (candidate.focusPolicy() & Qt.FocusPolicy.TabFocus) and candidate.isVisible() \
                and candidate.isEnabled():
            return candidate
        candidate = candidate.nextInFocusChain()
    return None


def keep_focus_visible(scroll: QScrollArea) -> None:
    """Scroll so that the field the keyboard moves to is always in view."""

    def follow(_old, new) -> None:
        inner = scroll.widget()
        if new is not None and inner is not None and inner.isAncestorOf(new):
            scroll.ensureWidgetVisible(new, 20, 40)

    QApplication.instance().focusChanged.connect(follow)
    scroll.destroyed.connect(lambda *_: _disconnect(follow))


def _disconnect(slot) -> None:
    with contextlib.suppress(RuntimeError, TypeError):  # already gone with the application
        QApplication.instance().focusChanged.disconnect(slot)
