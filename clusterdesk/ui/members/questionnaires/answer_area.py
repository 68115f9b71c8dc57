"""The questionnaire as it is filled in on someone's behalf, with what goes around it: the
member's earlier answers one key away (Alt+U), and the offer to update the member's
international orientation when the answers point elsewhere (Alt+O). Used by the call
screen and the answer dialog."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ....domain.answer_effects import suggested_orientation, unknown_countries
from ....domain.enums import InternationalOrientation
from ....domain.questionnaires import AnswerValue, QuestionDef
from .form import QuestionnaireForm, keep_focus_visible


class AnswerArea(QWidget):
    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.questions: tuple[QuestionDef, ...] = ()
        self.earlier = None  # services.answers.Prefill
        self.orientation = ""  # the member's, as the profile has it now
        self.intro = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.prefill_hint = QLabel()
        self.prefill_hint.setProperty("role", "hint")
        self.prefill_hint.setWordWrap(True)
        self.prefill_button = QPushButton("&Use earlier answers")
        self.prefill_button.setToolTip("Fill in what the member answered last time to the same questions")
        self.prefill_button.clicked.connect(self.use_earlier)
        row.addWidget(self.prefill_hint, 1)
        row.addWidget(self.prefill_button)
        layout.addLayout(row)
        self.form = QuestionnaireForm()
        self.form.changed.connect(self._changed)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        keep_focus_visible(scroll)
        layout.addWidget(scroll, 1)
        self.not_countries = QLabel()
        self.not_countries.setProperty("role", "hint")
        self.not_countries.setWordWrap(True)
        self.not_countries.hide()
        layout.addWidget(self.not_countries)
        self.update_orientation = QCheckBox()
        self.update_orientation.hide()
        layout.addWidget(self.update_orientation)

    def set_questions(self, questions: Sequence[QuestionDef], intro: str = "") -> None:
        self.questions = tuple(questions)
        self.intro = intro
        self.form.set_questions(questions)

    def set_member(self, orientation: str, earlier) -> None:
        """Whose answers these are: their current orientation and earlier answers."""
        self.orientation = orientation
        self.earlier = earlier
        self.prefill_button.setVisible(earlier is not None)
        self.prefill_hint.setText(f"Earlier: {earlier.describe()}" if earlier else self.intro)
        self.refresh_orientation()

    def set_values(self, values: Mapping[str, AnswerValue]) -> None:
        self.form.set_values(values)
        self.refresh_orientation()

    def use_earlier(self) -> None:
        """Fill in the earlier answers; what was typed already is kept."""
        if self.earlier is None:
            return
        self.form.set_values({**self.earlier.values, **self.form.values(strict=False)})
        self.prefill_hint.setText(f"Filled in from {self.earlier.describe()} — check each "
                                  "answer with the member.")
        self._changed()

    def _changed(self) -> None:
        self.refresh_orientation()
        values = self.form.values(strict=False)
        unknown = [part for q in self.questions for part in unknown_countries(q, values.get(q.key))]
        self.not_countries.setText("Not recognised as countries, so kept as text only: "
                                   + ", ".join(f"“{u}”" for u in unknown))
        self.not_countries.setVisible(bool(unknown))
        self.changed.emit()

    def refresh_orientation(self) -> None:
        wanted = suggested_orientation(self.questions, self.form.values(strict=False),
                                       self.orientation) if self.orientation else None
        if wanted is None:
            self.update_orientation.hide()
            self.update_orientation.setChecked(False)
            return
        self.update_orientation.setText(
            "Also update the member's international &orientation: "
            f"{InternationalOrientation(self.orientation).label} → {InternationalOrientation(wanted).label}")
        self.update_orientation.show()

    def orientation_confirmed(self) -> bool:
        return not self.update_orientation.isHidden() and self.update_orientation.isChecked()
