"""One activity's evaluation: the questionnaire right after it and the long-term follow-up
(and after how many months), when each is due and closing them, and every participant with
whether they have answered — answers entered from paper or by phone, or imported from Excel."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import ActivityKind, ParticipantStatus
from ...domain.evaluations import FOLLOW_UP_MONTHS
from ...domain.formatting import format_date, format_date_range, format_datetime
from ...domain.text import plural
from ...services import answers as answer_service
from ...services import evaluations as evaluation_service
from ...services import surveys
from ..common.form_editor import FormEditor
from ..common.forms import add_row, find_data, with_message
from ..common.table_model import Column
from ..common.table_view import sorted_table
from ..common.tables import row_at
from ..common.theme import DONE, OVERDUE
from .grid import stretch_first

MUTED = "#8a96a3"


def _answered(on) -> str:
    return f"✓ {format_date(on, style='d MMM')}" if on else "not yet"


PEOPLE = (
    Column("member", "Member", lambda r: r.member_name, width=190, tooltip=lambda r: r.member_name),
    Column("person", "Person", lambda r: r.contact_name, width=125),
    Column("status", "Status", lambda r: ParticipantStatus(r.status).label, width=72),
    Column("evaluation", "Evaluation", lambda r: r.evaluation_on, _answered, width=100),
    Column("follow_up", "Follow-up", lambda r: r.follow_up_on, _answered, width=100),
    Column("outcomes", "Outcomes", lambda r: r.outcomes, width=65,
           align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
)


def _people_colour(row, role: int):
    if role != Qt.ItemDataRole.ForegroundRole:
        return None
    if not row.counted:
        return QBrush(QColor(MUTED))
    return QBrush(QColor(DONE)) if row.evaluation_id else None


class PlanEditor(FormEditor):
    noun = "evaluation plan"
    answers_requested = Signal(object, str)  # participant row, "evaluation" | "follow_up"
    outcomes_requested = Signal(object)  # activity id

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        self.detail = None
        self.subtitle = QLabel()
        self.subtitle.setProperty("role", "hint")
        self.subtitle.setWordWrap(True)
        self.outer.insertWidget(1, self.subtitle)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        layout.addLayout(form)
        self.questionnaire = self.watch("questionnaire", QComboBox(), "Evaluation questionnaire")
        self.questionnaire.setToolTip("Asked right after the activity (handbook §4.5.2); a built-in "
                                      "one is copied into the workspace when the plan is saved")
        self.follow_up = self.watch("follow_up", QComboBox(), "Long-term follow-up")
        self.follow_up.setToolTip("Asked again some months later, starting from the earlier "
                                  "answers (§4.5.4)")
        self.months = self.watch("follow_up_months", QComboBox(), "Months after")
        for months in FOLLOW_UP_MONTHS:
            self.months.addItem(f"{months} months after", months)
        self.months.setMaximumWidth(150)
        add_row(form, "Evaluation &questionnaire:", with_message(self.questionnaire))
        add_row(form, "&Long-term follow-up:", with_message(self.follow_up), "&after:", self.months)

        status = QGridLayout()
        status.setColumnStretch(1, 1)
        self.evaluation_state = QLabel()
        self.follow_up_state = QLabel()
        self.close_evaluation = QPushButton()
        self.close_evaluation.setToolTip("No more answers are waited for (Ctrl+D); or open it again")
        self.close_evaluation.clicked.connect(lambda: self._toggle("evaluation"))
        self.close_follow_up = QPushButton()
        self.close_follow_up.setToolTip("No more follow-up answers are waited for; or open it again")
        self.close_follow_up.clicked.connect(lambda: self._toggle("follow_up"))
        for row, (title, label, button) in enumerate((
                ("Evaluation:", self.evaluation_state, self.close_evaluation),
                ("Follow-up:", self.follow_up_state, self.close_follow_up))):
            heading = QLabel(title)
            heading.setProperty("role", "subheading")
            status.addWidget(heading, row, 0)
            label.setWordWrap(True)
            status.addWidget(label, row, 1)
            status.addWidget(button, row, 2)
        layout.addLayout(status)

        self.view, self.model, self.proxy = sorted_table(PEOPLE, self)
        stretch_first(self.view)
        self.model.decorate = _people_colour
        self.view.setToolTip("Enter: the evaluation answers of the selected participant; "
                             "greyed: not waited for (did not come)")
        self.view.activated.connect(lambda _i: self.enter_answers("evaluation"))
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.answers_button = QPushButton("Enter a&nswers…")
        self.answers_button.setToolTip("Fill in (or correct) the selected participant's evaluation, "
                                       "from paper or by phone (Enter in the list)")
        self.answers_button.clicked.connect(lambda: self.enter_answers("evaluation"))
        self.follow_up_button = QPushButton("Follo&w-up answers…")
        self.follow_up_button.setToolTip("Fill in the selected participant's long-term follow-up; it "
                                         "starts from the earlier answers")
        self.follow_up_button.clicked.connect(lambda: self.enter_answers("follow_up"))
        self.import_button = QPushButton("&Import from Excel…")
        self.import_button.setToolTip("Answers from a sheet with a row per participant and a column per "
                                      "question: checked first, then all or nothing (Ctrl+I)")
        self.template_button = QPushButton("E&xcel sheet to fill in…")
        self.template_button.setToolTip("A sheet with the participants and the questions, to send out "
                                        "or type paper forms into; the import reads it back")
        self.outcomes_button = QPushButton("Ou&tcomes…")
        self.outcomes_button.setToolTip("Contracts, partners, markets the participants reported")
        self.outcomes_button.clicked.connect(lambda: self.outcomes_requested.emit(self.record_id))
        for button in (self.answers_button, self.follow_up_button, self.import_button,
                       self.template_button, self.outcomes_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.people_summary = QLabel()
        self.people_summary.setProperty("role", "hint")
        self.people_summary.setWordWrap(True)
        layout.addWidget(self.people_summary)
        self.finish_layout(body)
        QShortcut(QKeySequence("Ctrl+D"), self, lambda: self._toggle("evaluation"))

    # --- load --------------------------------------------------------------------------------

    def _fill_choices(self) -> None:
        choices = evaluation_service.questionnaire_choices(self.controller.ctx)
        for combo in (self.questionnaire, self.follow_up):
            combo.clear()
            combo.addItem("(none)", "")
            for choice in choices:
                combo.addItem(choice.name, choice.ref)

    def fill(self, detail) -> None:
        self.detail = detail
        self._fill_choices()
        if detail is None:
            self.subtitle.clear()
            self.model.set_rows([])
            self.evaluation_state.clear()
            self.follow_up_state.clear()
            return
        state = detail.state
        self.title.setText(state.name)
        self.subtitle.setText(" · ".join(p for p in (
            ActivityKind(state.kind).label, format_date_range(state.starts_on, state.ends_on), state.place,
            f"responsible: {state.responsible}" if state.responsible else "") if p))
        for combo, ref in ((self.questionnaire, detail.plan.questionnaire), (self.follow_up, detail.plan.follow_up)):
            combo.setCurrentIndex(max(0, find_data(combo, ref)))
        self.months.setCurrentIndex(max(0, find_data(self.months, detail.plan.follow_up_months)))
        self.model.set_rows(detail.participants)
        self._show_state()

    def _show_state(self) -> None:
        state, today = self.detail.state, self.controller.today()
        for which, label, button in (("evaluation", self.evaluation_state, self.close_evaluation),
                                     ("follow_up", self.follow_up_state, self.close_follow_up)):
            due, answered, closed = state.due_of(which), state.answered_of(which), state.closed_of(which)
            done_at = getattr(state, f"{which}_done_at")
            when = ("a week after the activity" if which == "evaluation"
                    else f"{state.follow_up_months} months after")
            text = f"{answered} of {plural(state.counted, 'participant')} answered · due {format_date(due)} ({when})"
            colour = ""
            if done_at is not None:
                text += f" · closed by {getattr(state, f'{which}_done_by') or 'someone'}, {format_datetime(done_at)}"
                colour = DONE
            elif closed:
                text += " · everyone has answered"
                colour = DONE
            elif due < today:
                text += " · overdue"
                colour = OVERDUE
            label.setText(text)
            label.setStyleSheet(f"color: {colour};" if colour else "")
            button.setText("Reopen" if done_at is not None else "Close")
            button.setEnabled(state.counted > 0 or done_at is not None)
        counted = [p for p in self.detail.participants if p.counted]
        missing = [p.member_name for p in counted if not p.evaluation_id]
        text = (f"Still to answer: {', '.join(missing)}." if missing and len(missing) <= 6
                else f"{len(missing)} still to answer." if missing else
                "Everyone waited for has answered." if counted else
                "Nobody signed up: add participants in Missions ▸ Activities.")
        if self.detail.other_answers:
            text += f" {plural(self.detail.other_answers, 'more set')} of answers from people not on the list."
        self.people_summary.setText(text)
        for button in (self.answers_button, self.follow_up_button):
            button.setEnabled(bool(self.detail.participants))

    # --- actions -------------------------------------------------------------------------------

    def selected_participant(self):
        return row_at(self.view)

    def enter_answers(self, which: str) -> None:
        row = self.selected_participant()
        if row is None and self.model.rowCount():
            self.view.selectRow(0)
            row = self.selected_participant()
        if row is not None and self.ensure_saved():
            self.answers_requested.emit(row, which)

    def ensure_saved(self) -> bool:
        """Answers need a saved plan (a built-in questionnaire chosen is copied in on saving)."""
        if self.dirty or (self.detail is not None and self.detail.questionnaire_id is None
                          and self.questionnaire.currentData()):
            self._set_dirty(True)
            return self.save()
        return True

    def _toggle(self, which: str) -> None:
        if self.detail is None:
            return
        closed = getattr(self.detail.state, f"{which}_done_at") is None
        if self.controller.run_op(self, "Close" if closed else "Reopen", evaluation_service.set_closed,
                                  self.record_id, which, closed) is not None:
            self.controller.status.emit(("Closed: " if closed else "Open again: ")
                                        + ("the evaluation" if which == "evaluation" else "the follow-up")
                                        + f" of “{self.detail.state.name}”")

    # --- save ----------------------------------------------------------------------------------

    def collect(self) -> evaluation_service.PlanInput:
        return evaluation_service.PlanInput(self.questionnaire.currentData() or "",
                                            self.follow_up.currentData() or "", self.months.currentData(),
                                            version=self.version)

    def write(self, data):
        return self.controller.run_op(self, "Save evaluation plan", evaluation_service.save_plan,
                                      self.record_id, data)

    def reload(self):
        return evaluation_service.get_evaluation(self.controller.ctx, self.record_id)

    def questionnaire_for(self, which: str):
        """The questionnaire revision to answer now, as the answer dialog wants it."""
        qid = self.detail.questionnaire_id if which == "evaluation" else self.detail.follow_up_id
        if qid is None:
            return None
        ctx = self.controller.ctx
        return surveys.get_questionnaire(ctx, surveys.current_revision_id(ctx, qid))

    def answers_of(self, answer_set_id):
        return answer_service.get_answer_set(self.controller.ctx, answer_set_id)
