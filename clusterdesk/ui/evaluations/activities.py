"""Evaluations ▸ Per activity: the activities that have taken place, most recent first, with
how many participants answered and when the evaluation and the long-term follow-up are due;
beside the list, the selected activity's evaluation (plan, participants, answers)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox

from ...domain.enums import ActivityKind
from ...domain.formatting import format_date
from ...services import evaluations as evaluation_service
from ..common.list_editor import ListEditorView
from ..common.table_model import Column
from ..common.theme import DONE, OVERDUE
from ..members.questionnaires.answer_sets import AnswerSetDialog
from .answer_import import AnswerImportDialog, save_answer_sheet
from .plan_editor import PlanEditor

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# For Excel: dates as dates, figures as numbers.
EXPORT_COLUMNS = (
    Column("name", "Activity", lambda r: r.name),
    Column("kind", "Kind", lambda r: ActivityKind(r.kind).label),
    Column("first", "First day", lambda r: r.starts_on),
    Column("last", "Last day", lambda r: r.last_day),
    Column("place", "Where", lambda r: r.place),
    Column("asked", "Participants asked", lambda r: r.counted),
    Column("answered", "Answered", lambda r: r.answered),
    Column("evaluation_due", "Evaluation due", lambda r: r.evaluation_due),
    Column("evaluation_closed", "Evaluation closed", lambda r: "Yes" if r.evaluation_closed else "No"),
    Column("follow_up_due", "Follow-up due", lambda r: r.follow_up_due),
    Column("followed_up", "Follow-up answered", lambda r: r.followed_up),
    Column("follow_up_closed", "Follow-up closed", lambda r: "Yes" if r.follow_up_closed else "No"),
    Column("outcomes", "Outcomes", lambda r: r.outcomes),
)


def _state(closed: bool, due, today) -> str:
    if closed:
        return "✓ closed"
    if due < today:
        return "overdue"
    return f"due {format_date(due, style='d MMM' if due.year == today.year else 'd MMM y')}"


def _tip(closed: bool, due) -> str:
    return f"Due {format_date(due)}" + (" — closed" if closed else "")


class ActivityEvaluationsView(ListEditorView):
    kinds = ("activities", "participants", "answer_sets", "answers", "activity_evaluations",
             "outcomes", "questionnaires", "members", "contacts")
    noun = "activity"
    plural = "activities"
    filter_hint = "Filter by name, place, kind…  (Ctrl+F)"
    list_share = 5, 6
    outcomes_requested = Signal(object)  # activity id

    @property
    def columns(self):
        today = self.controller.today
        return (
            Column("name", "Activity", lambda r: r.name, width=158, tooltip=lambda r: r.name),
            Column("ended", "Ended", lambda r: r.last_day, format_date, width=92),
            Column("answered", "Answered", lambda r: r.answered / r.counted if r.counted else -1, width=72,
                   align=RIGHT, text_of=lambda r: f"{r.answered} of {r.counted}" if r.counted else "—"),
            *(Column(which, title, lambda r, w=which: r.due_of(w), width=width,
                     text_of=lambda r, w=which: _state(r.closed_of(w), r.due_of(w), today()),
                     tooltip=lambda r, w=which: _tip(r.closed_of(w), r.due_of(w)))
              for which, title, width in (("evaluation", "Evaluation", 82), ("follow_up", "Follow-up", 118))),
            Column("outcomes", "Outcomes", lambda r: r.outcomes, width=60, align=RIGHT),
        )

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        for widget in (self.new_button, self.delete_button, self.bin_toggle):
            widget.hide()  # activities are added and binned in Missions ▸ Activities
        self.editor.answers_requested.connect(self.enter_answers)
        self.editor.outcomes_requested.connect(self.outcomes_requested)
        self.editor.import_button.clicked.connect(self.import_answers)
        self.editor.template_button.clicked.connect(self.answer_sheet)
        QShortcut(QKeySequence("Ctrl+I"), self, self.import_answers)
        self.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # the latest first

    def filter_widgets(self):
        self.when_filter = QComboBox()
        for label, value in (("Taken place", "ended"), ("Still open", "open"), ("All", "all")):
            self.when_filter.addItem(label, value)
        self.when_filter.setToolTip("Activities that have taken place; those whose evaluation or "
                                    "follow-up is still open; or every activity")
        return [self.when_filter]

    def make_editor(self) -> PlanEditor:
        return PlanEditor(self.controller)

    def default_sort_column(self) -> int:
        return 1

    def fetch_rows(self, text: str, deleted: bool):
        return evaluation_service.list_evaluations(self.ctx, evaluation_service.EvaluationFilter(
            text=text, when=self.when_filter.currentData() or "ended"))

    def fetch_detail(self, record_id):
        return evaluation_service.get_evaluation(self.ctx, record_id)

    def new_record(self) -> None:
        self.controller.status.emit("Activities are added in Missions ▸ Activities; they appear "
                                    "here once they have taken place.")

    def delete_or_restore(self) -> None:
        return None

    def decorate(self, row, role: int):
        if role != Qt.ItemDataRole.ForegroundRole or not row.counted:
            return None
        today = self.controller.today()
        late = any(not row.closed_of(w) and row.due_of(w) < today for w in ("evaluation", "follow_up"))
        if late:
            return QBrush(QColor(OVERDUE))
        if row.evaluation_closed and row.follow_up_closed:
            return QBrush(QColor(DONE))
        return None

    def select_activity(self, activity_id) -> bool:
        return self.select_record(activity_id)

    def list_export(self):
        export = super().list_export()
        return type(export)("Evaluations per activity", EXPORT_COLUMNS, export.rows)

    # --- answers ------------------------------------------------------------------------------

    def enter_answers(self, participant, which: str) -> None:
        editor = self.editor
        questionnaire = editor.questionnaire_for(which)
        if questionnaire is None:
            self.controller.status.emit("Choose the " + ("evaluation questionnaire" if which == "evaluation"
                                                         else "follow-up questionnaire") + " first.")
            (editor.questionnaire if which == "evaluation" else editor.follow_up).setFocus()
            return
        existing = participant.evaluation_id if which == "evaluation" else participant.follow_up_id
        if existing is not None:
            detail = editor.answers_of(existing)
            from ...services import surveys

            asked = surveys.get_questionnaire(self.ctx, detail.questionnaire_id)
            dialog = AnswerSetDialog(self.controller, asked, detail, parent=self)
        else:
            dialog = AnswerSetDialog(self.controller, questionnaire, parent=self, activity_id=editor.record_id,
                                     member=(participant.member_id, participant.member_name),
                                     contact_id=participant.contact_id)
        dialog.exec()

    def _answerable(self):
        editor = self.editor
        if editor.record_id is None or not editor.ensure_saved():
            return None
        questionnaire = editor.questionnaire_for("evaluation")
        if questionnaire is None:
            self.controller.status.emit("Choose the evaluation questionnaire first.")
            editor.questionnaire.setFocus()
        return questionnaire

    def import_answers(self) -> None:
        if self._answerable() is None:
            return
        editor = self.editor
        choices = [(q.id, q.data.name) for q in (editor.questionnaire_for("evaluation"),
                                                  editor.questionnaire_for("follow_up")) if q is not None]
        AnswerImportDialog(self.controller, editor.record_id, editor.detail.state.name, choices, self).exec()

    def answer_sheet(self) -> None:
        questionnaire = self._answerable()
        if questionnaire is not None:
            save_answer_sheet(self, self.controller, self.editor.detail, questionnaire)
