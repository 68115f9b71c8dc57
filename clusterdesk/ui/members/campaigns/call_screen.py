"""The call screen (handbook §1.1.2): my next member, whom to call and what they said last
time, the questionnaire inline, the outcome — and Ctrl+Enter saves and moves on.

Pause (Esc) keeps what was typed on the member; coming back continues with that member."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ....domain.campaigns import CampaignKind, TargetStatus
from ....domain.dates import DateParseError
from ....services import call_card, calls
from ....services.errors import ValidationError
from ...common.forms import DateField, error_label, mark_invalid
from ..questionnaires.answer_area import AnswerArea
from .member_card import MemberCard


class CallScreen(QWidget):
    closed = Signal()

    def __init__(self, controller, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.campaign_id = None
        self.card: call_card.CallCard | None = None
        self.state: calls.QueueState | None = None
        self._outcome_chosen = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)

        top = QHBoxLayout()
        self.pause_button = QPushButton("◀ &Pause")
        self.pause_button.setToolTip("Stop calling for now (Esc); what you typed waits on this member")
        self.pause_button.clicked.connect(self.pause)
        top.addWidget(self.pause_button)
        self.title = QLabel()
        self.title.setProperty("role", "subheading")
        top.addWidget(self.title)
        self.progress = QProgressBar()
        self.progress.setMinimumWidth(260)
        self.progress.setTextVisible(True)
        top.addWidget(self.progress, 1)
        self.scope = QComboBox()
        for key, label in calls.SCOPES.items():
            self.scope.addItem(label, key)
        self.scope.currentIndexChanged.connect(lambda _i: self.load_next())
        top.addWidget(QLabel("&Whose:", buddy=self.scope))
        top.addWidget(self.scope)
        outer.addLayout(top)
        self.breakdown = QLabel()
        self.breakdown.setProperty("role", "hint")
        outer.addWidget(self.breakdown)

        self.pages = QStackedWidget()
        outer.addWidget(self.pages, 1)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "subheading")
        self.pages.addWidget(self.empty)

        body = QSplitter(Qt.Orientation.Horizontal)
        self.member_card = MemberCard()
        self.member_card.copied.connect(self.controller.status.emit)
        left = QScrollArea()
        left.setWidgetResizable(True)
        left.setFrameShape(QFrame.Shape.NoFrame)
        left.setWidget(self.member_card)
        body.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        self.answer_area = AnswerArea()
        self.answer_area.changed.connect(self._answers_changed)
        self.form = self.answer_area.form
        right_layout.addWidget(self.answer_area, 1)
        notes_row = QHBoxLayout()
        self.notes = QLineEdit()
        self.notes.setPlaceholderText("What else was said — it goes into the logged call")
        notes_row.addWidget(QLabel("Call no&tes:", buddy=self.notes))
        notes_row.addWidget(self.notes, 1)
        right_layout.addLayout(notes_row)

        outcome = QHBoxLayout()
        self.outcomes = QButtonGroup(self)
        self.outcome_buttons: dict[str, QRadioButton] = {}
        for status, text in ((TargetStatus.DONE, "&Done"), (TargetStatus.NO_ANSWER, "&No answer"),
                             (TargetStatus.CALL_BACK, "Call &back on"),
                             (TargetStatus.DECLINED, "Dec&lined")):
            radio = QRadioButton(text)
            self.outcomes.addButton(radio)
            self.outcome_buttons[status.value] = radio
            outcome.addWidget(radio)
            if status is TargetStatus.CALL_BACK:
                self.call_back_on = DateField(today=controller.today)
                self.call_back_on.setMaximumWidth(130)
                outcome.addWidget(self.call_back_on)
        self.outcomes.buttonToggled.connect(self._outcome_toggled)
        self.call_back_on.textEdited.connect(
            lambda _t: self.outcome_buttons[TargetStatus.CALL_BACK.value].setChecked(True))
        outcome.addStretch(1)
        self.save_button = QPushButton("Save && next   Ctrl+Enter")
        self.save_button.setToolTip("Save the outcome and the answers, log the call and go to the "
                                    "next member (Ctrl+Enter)")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_and_next)
        outcome.addWidget(self.save_button)
        right_layout.addLayout(outcome)
        self.errors = error_label()
        right_layout.addWidget(self.errors)
        body.addWidget(right)
        body.setSizes([470, 830])
        self.pages.addWidget(body)
        self.body = body

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save_and_next).setContext(
                Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Esc"), self, self.pause).setContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+Shift+C"), self, self.member_card.copy_number).setContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # --- the queue -----------------------------------------------------------------------

    def open(self, campaign_id, target_id=None, scope: str | None = None) -> None:
        """Start (or resume) calling in a campaign; `target_id` opens one member directly."""
        self.campaign_id = campaign_id
        if scope is not None:
            self.scope.blockSignals(True)
            self.scope.setCurrentIndex(max(0, self.scope.findData(scope)))
            self.scope.blockSignals(False)
        self.load_next(target_id)

    def load_next(self, target_id=None) -> None:
        ctx = self.controller.ctx
        self.state = calls.queue_state(ctx, self.campaign_id, self.scope.currentData())
        self._show_progress()
        target_id = target_id or self.state.next_target_id
        if target_id is None:
            self.card = None
            self.pages.setCurrentWidget(self.empty)
            self.empty.setText(self._empty_text())
            self.scope.setFocus()
            return
        self.show_card(call_card.call_card(ctx, target_id))

    def _show_progress(self) -> None:
        s = self.state
        kind = CampaignKind(s.kind)
        self.title.setText(s.campaign_name)
        self.progress.setRange(0, max(1, s.progress.total))
        self.progress.setValue(s.progress.finished)
        self.progress.setFormat(s.progress.headline(kind))
        mine = f" · yours: {s.mine.headline(kind)}" if s.mine.total else ""
        self.breakdown.setText(f"{s.progress.breakdown()}{mine} · {s.waiting} waiting in "
                               f"“{calls.SCOPES[s.scope]}”")

    def _empty_text(self) -> str:
        s = self.state
        text = f"Nobody is waiting to be called in “{calls.SCOPES[s.scope]}”."
        if s.later_call_backs:
            text += f"\n{s.later_call_backs} call-back{'s are' if s.later_call_backs != 1 else ' is'} " \
                    "set for a later day; they come back here on their day."
        if s.scope != "everyone":
            text += "\nChoose another list under Whose (Alt+W), or Pause (Esc) to go back."
        return text

    def show_card(self, card: call_card.CallCard) -> None:
        self.card = card
        self.pages.setCurrentWidget(self.body)
        self._clear_errors()
        today = self.controller.today()
        self.member_card.show_card(card, today)
        self.answer_area.set_questions(card.questions, f"Questions of “{card.questionnaire_name}”"
                                       if card.questionnaire_name else "")
        self.answer_area.set_member(card.orientation, card.earlier)
        self.answer_area.set_values(card.answers)
        self.notes.setText(card.notes)
        self._set_outcome(TargetStatus.DONE.value if card.answers_from == "saved" else None)
        self.call_back_on.set_date(card.call_back_on if card.call_back_on and card.call_back_on > today
                                   else None)
        self._answers_changed()
        first = self.form.first_field()
        (first or self.notes).setFocus()

    # --- typing --------------------------------------------------------------------------

    def _set_outcome(self, status: str | None) -> None:
        self.outcomes.setExclusive(False)
        for key, radio in self.outcome_buttons.items():
            radio.setChecked(key == status)
        self.outcomes.setExclusive(True)
        self._outcome_chosen = status is not None

    def outcome(self) -> str | None:
        return next((k for k, r in self.outcome_buttons.items() if r.isChecked()), None)

    def _outcome_toggled(self, button, checked: bool) -> None:
        if not checked:
            return
        self._outcome_chosen = True
        if button is self.outcome_buttons[TargetStatus.CALL_BACK.value]:
            if not self.call_back_on.text().strip():
                self.call_back_on.set_date(self.controller.today() + timedelta(days=1))
            if not self.call_back_on.hasFocus():
                self.call_back_on.setFocus()
                self.call_back_on.selectAll()

    def _answers_changed(self) -> None:
        if self.card is not None and not self._outcome_chosen and self.form.has_answers():
            # The member is answering: the call is going well. Another outcome is one key away.
            self.outcomes.blockSignals(True)
            self.outcome_buttons[TargetStatus.DONE.value].setChecked(True)
            self.outcomes.blockSignals(False)

    # --- saving --------------------------------------------------------------------------

    def _clear_errors(self) -> None:
        self.errors.hide()
        self.form.clear_errors()
        mark_invalid(self.call_back_on, None)

    def save_and_next(self) -> None:
        if self.card is None:
            return
        self._clear_errors()
        errors: dict[str, str] = {}
        outcome = self.outcome()
        if outcome is None:
            errors["outcome"] = ("Choose how the call went: Alt+D done, Alt+N no answer, "
                                 "Alt+B call back, Alt+L declined.")
        call_back_on = None
        if outcome == TargetStatus.CALL_BACK.value:
            try:
                call_back_on = self.call_back_on.date()
            except DateParseError as exc:
                errors["call_back_on"] = str(exc)
        try:
            values = self.form.values()
        except ValidationError as exc:
            errors.update(exc.errors)
            values = {}
        card = self.card
        try:
            if errors:
                raise ValidationError(errors)
            data = calls.CallInput(card.target_id, card.target_version, outcome,
                                   self.member_card.contact_id(), values, self.notes.text(),
                                   call_back_on, self.answer_area.orientation_confirmed())
            result = self.controller.run_op(self, "Save the call", calls.record_call, data)
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        if result is None:
            return  # refused (someone else saved this member first): everything stays typed
        saved, _changes = result
        label = TargetStatus(saved.status).label.lower()
        self.controller.status.emit(f"Saved: {card.member_name} — {label}"
                                    + (" (answers corrected)" if saved.corrected else "") + ".")
        self.load_next()

    def show_errors(self, errors: dict[str, str]) -> None:
        first = self.form.show_errors(errors)
        if "call_back_on" in errors:
            mark_invalid(self.call_back_on, errors["call_back_on"])
            first = first or self.call_back_on
        if "outcome" in errors:
            first = first or self.outcome_buttons[TargetStatus.DONE.value]
        if first is not None:
            first.setFocus()
        self.errors.setText("Not saved — " + " ".join(errors.values()))
        self.errors.show()

    def pause(self) -> None:
        """Keep what was typed on this member and leave the call screen."""
        self.keep_typing()
        self.closed.emit()

    def keep_typing(self) -> None:
        card = self.card
        if card is None or card.answers_from == "saved":
            return
        values = self.form.values(strict=False)
        notes = self.notes.text()
        if values or notes.strip() or card.answers_from == "draft":
            self.controller.run_op(self, "Pause", calls.pause_call, card.target_id,
                                   self.member_card.contact_id(), values, notes)
