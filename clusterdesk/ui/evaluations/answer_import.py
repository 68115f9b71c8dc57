"""Answers from Excel for one activity: choose the file, see the dry run — every row and column
that cannot be taken, with the value and the reason, and what would be added or corrected —
then import all of it, or nothing. And the sheet to collect answers in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from ...domain.formatting import format_date
from ...domain.questionnaires import AnswerSource
from ...domain.text import plural
from ...services import evaluation_import
from ...services.errors import ValidationError
from ..common.export import ask_save_path, default_export_folder
from ..common.forms import mark_invalid
from ..common.messages import show_info
from ..common.table_model import Column
from ..common.table_view import sorted_table

PROBLEM_COLUMNS = (
    Column("row", "Row", lambda p: p.row, width=45,
           align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
    Column("column", "Column", lambda p: p.column, width=170, tooltip=lambda p: p.column),
    Column("value", "Value", lambda p: p.value, width=120, tooltip=lambda p: p.value),
    Column("reason", "Why it cannot be taken", lambda p: p.reason, tooltip=lambda p: p.reason),
)
PLAN_COLUMNS = (
    Column("row", "Row", lambda p: p.row, width=45,
           align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
    Column("member", "Member", lambda p: p.member_name, width=200),
    Column("contact", "Person", lambda p: p.contact_name, width=120),
    Column("answers", "Answers", lambda p: len(p.values), width=60,
           align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
    Column("date", "Answered on", lambda p: p.answered_on, format_date, width=90),
    Column("what", "What happens", lambda p: "corrects the earlier answers" if p.replaces else "new answers"),
)


class AnswerImportDialog(QDialog):
    def __init__(self, controller, activity_id, activity_name: str, questionnaires, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.activity_id = activity_id
        self.check = None
        self.imported = None
        self.setWindowTitle(f"Import answers from Excel — {activity_name}")
        self.resize(860, 560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setPlaceholderText("an .xlsx file: a row per participant, a column per question")
        self.path.editingFinished.connect(self.run_check)
        browse = QPushButton("&Choose…")
        browse.clicked.connect(self.choose_file)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.questionnaire = QComboBox()
        for qid, name in questionnaires:
            self.questionnaire.addItem(name, qid)
        self.questionnaire.currentIndexChanged.connect(lambda _i: self.run_check())
        self.source = QComboBox()
        for value, label in AnswerSource.choices():
            self.source.addItem(label, value)
        self.source.setCurrentIndex(self.source.findData(AnswerSource.PAPER.value))
        file_label = QLabel("&File:")
        file_label.setBuddy(self.path)
        form.addRow(file_label, row)
        form.addRow("&Questionnaire:", self.questionnaire)
        form.addRow("&How they answered:", self.source)
        layout.addLayout(form)
        self.summary = QLabel("Choose the file; it is checked before anything is imported.")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.problems_view, self.problems, _proxy = sorted_table(PROBLEM_COLUMNS, self)
        self.plan_view, self.plan, _plan_proxy = sorted_table(PLAN_COLUMNS, self)
        layout.addWidget(self.problems_view, 1)
        layout.addWidget(self.plan_view, 1)
        self.problems_view.hide()
        self.plan_view.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.check_button = buttons.addButton("Check &again", QDialogButtonBox.ButtonRole.ActionRole)
        self.check_button.setToolTip("Read the file again (after correcting it in Excel)")
        self.check_button.clicked.connect(self.run_check)
        self.import_button = buttons.addButton("&Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setToolTip("Import every row (Ctrl+Enter); possible only when the check "
                                      "found no problem")
        self.import_button.setEnabled(False)
        buttons.accepted.connect(self.do_import)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.do_import)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Answers in Excel", str(default_export_folder()),
                                              "Excel workbooks (*.xlsx *.xlsm)")
        if path:
            self.path.setText(path)
            self.run_check()

    def run_check(self) -> None:
        """The dry run: nothing is written."""
        mark_invalid(self.path, None)
        self.check = None
        self.import_button.setEnabled(False)
        text = self.path.text().strip()
        if not text or self.questionnaire.currentData() is None:
            return
        try:
            check = evaluation_import.check_answer_file(self.controller.ctx, self.activity_id,
                                                        self.questionnaire.currentData(), Path(text))
        except ValidationError as exc:
            mark_invalid(self.path, exc.errors.get("file", str(exc)))
            self.summary.setText(exc.errors.get("file", str(exc)))
            self.problems_view.hide()
            self.plan_view.hide()
            return
        self.show_check(check)

    def show_check(self, check) -> None:
        self.check = check
        extra = ""
        if check.ignored:
            extra = " Columns that are no question of it, and so not read: " + ", ".join(
                f"“{h}”" for h in check.ignored) + "."
        self.summary.setText(check.summary() + extra)
        self.summary.setStyleSheet("color: #c0392b;" if check.problems else "")
        self.problems.set_rows(list(check.problems))
        self.plan.set_rows(list(check.planned))
        self.problems_view.setVisible(bool(check.problems))
        self.plan_view.setVisible(not check.problems and bool(check.planned))
        self.import_button.setEnabled(check.ok)
        if check.problems:
            self.problems_view.setFocus()
            self.problems_view.selectRow(0)

    def do_import(self) -> None:
        if self.check is None or not self.check.ok:
            return
        result = self.controller.run_op(self, "Import answers", evaluation_import.import_answer_file,
                                        self.activity_id, self.questionnaire.currentData(),
                                        Path(self.path.text().strip()), self.source.currentData())
        if result is None:
            self.run_check()  # the file changed meanwhile: show what is wrong now
            return
        self.imported = result[0]
        self.controller.status.emit(f"Imported from {result[0].file_name}: {result[0].new} new, "
                                    f"{result[0].updates} corrected sets of answers.")
        self.accept()


def save_answer_sheet(parent, controller, detail, questionnaire) -> Path | None:
    """Ask where, then write the sheet to collect the evaluation answers still missing in.
    Participants who answered are left out: a blank row of theirs, filled in and imported,
    would replace their answers (QA); their answers are corrected in the window instead."""
    from ...exports.evaluations import write_answer_template

    counted = [p for p in detail.participants if p.counted]
    waiting = [p for p in counted if p.evaluation_id is None]
    if not waiting:
        show_info(parent, "Excel sheet to fill in",
                  "Every participant has answered already, so there is nothing to collect. "
                  "To correct someone's answers, select them and press Enter.")
        return None
    target = ask_save_path(parent, "Excel sheet to fill in", f"Answers – {detail.state.name}",
                           "Excel workbook", ".xlsx")
    if target is None:
        return None
    people = [(p.member_name, p.contact_name) for p in waiting]
    count = write_answer_template(target, questionnaire.data.questions, people)
    left_out = len(counted) - len(waiting)
    controller.status.emit(f"Wrote {target.name}: {plural(count, 'participant')} still to answer, "
                           f"{plural(len(questionnaire.data.questions), 'question')}"
                           + (f" ({left_out} who answered left out)." if left_out else "."))
    return target
