"""Results of a questionnaire: per question a chart of the counts, the average of ratings
and numbers, and what people wrote; for all answers or one campaign. Raw answers to Excel."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ....domain.questionnaires import QuestionKind, format_number
from ....services import survey_results
from ...common.charts import ChartView, bar_chart
from ...common.export import default_export_folder
from ...common.forms import find_data
from ...common.messages import show_error

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1


def written_html(result) -> str:
    """What respondents wrote: each text once, how many wrote it and who (member, contact,
    date) — the "other" answers of a choice question, or the answers to a free question."""
    parts = []
    for heading, groups in (("Written under “Other”", result.others), ("", result.texts)):
        if not groups:
            continue
        people = sum(g.count for g in groups)
        summary = (f"{len(groups)} different answer{'s' if len(groups) != 1 else ''} from "
                   f"{people} respondent{'s' if people != 1 else ''}")
        parts.append(f"<p style='margin:0 0 6px 0'><b>{heading + ': ' if heading else ''}</b>"
                     f"<span style='color:gray'>{summary}</span></p>")
        for group in groups:
            count = f" <span style='color:gray'>— {group.count}×</span>" if group.count > 1 else ""
            who = " · ".join(escape(r.describe()) for r in group.respondents)
            parts.append(f"<p style='margin:0 0 8px 0'><b>{escape(group.text)}</b>{count}<br>"
                         f"<span style='color:gray'>{who}</span></p>")
    return "".join(parts)


class ResultsPanel(QWidget):
    def __init__(self, controller, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.questionnaire = None
        self.results: survey_results.SurveyResults | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        top = QHBoxLayout()
        self.scope = QComboBox()
        self.scope.setToolTip("Count all answers, or only those of one campaign")
        self.scope.currentIndexChanged.connect(lambda _i: self.refresh())
        top.addWidget(QLabel("&Answers from:", buddy=self.scope))
        top.addWidget(self.scope, 1)
        self.summary = QLabel()
        self.summary.setProperty("role", "hint")
        top.addWidget(self.summary, 1)
        self.export_button = QPushButton("E&xport raw answers…")
        self.export_button.setToolTip("One row per answer set, one column per question, to Excel")
        self.export_button.clicked.connect(self.export_dialog)
        top.addWidget(self.export_button)
        layout.addLayout(top)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.question_list = QListWidget()
        self.question_list.setWordWrap(True)
        self.question_list.currentItemChanged.connect(lambda *_: self._show_question())
        splitter.addWidget(self.question_list)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        self.title = QLabel()
        self.title.setProperty("role", "subheading")
        self.title.setWordWrap(True)
        self.figures = QLabel()
        self.figures.setWordWrap(True)
        self.chart = ChartView()
        self.texts = QTextBrowser()
        self.texts.setOpenLinks(False)
        self.texts.setPlaceholderText("What respondents wrote appears here.")
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.figures)
        right_layout.addWidget(self.chart, 3)
        right_layout.addWidget(self.texts, 1)
        splitter.addWidget(right)
        splitter.setSizes([300, 560])
        layout.addWidget(splitter, 1)

    def show_questionnaire(self, questionnaire, campaigns=()) -> None:
        """`campaigns`: (id, name) of the campaigns that asked this questionnaire."""
        self.questionnaire = questionnaire
        self.scope.blockSignals(True)
        previous = self.scope.currentData()
        self.scope.clear()
        self.scope.addItem("All answers", None)
        for campaign_id, name in campaigns:
            self.scope.addItem(f"Campaign: {name}", campaign_id)
        self.scope.addItem("Answers outside campaigns", survey_results.NO_CAMPAIGN)
        self.scope.setCurrentIndex(max(0, find_data(self.scope, previous)))
        self.scope.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        if self.questionnaire is None:
            self.results = None
            self.question_list.clear()
            return
        row = max(0, self.question_list.currentRow())
        self.results = survey_results.questionnaire_results(
            self.controller.ctx, self.questionnaire.id, self.scope.currentData())
        self.summary.setText(f"{self.results.respondents} respondent"
                             f"{'s' if self.results.respondents != 1 else ''}")
        self.export_button.setEnabled(self.results.respondents > 0)
        self.question_list.blockSignals(True)
        self.question_list.clear()
        for result in self.results.questions:
            item = QListWidgetItem(f"{result.number}. {result.question.text}\n      "
                                   f"{result.answered} answered")
            item.setData(ITEM_ROLE, result)
            self.question_list.addItem(item)
        self.question_list.blockSignals(False)
        if self.question_list.count():
            self.question_list.setCurrentRow(min(row, self.question_list.count() - 1))
        self._show_question()

    def current_result(self):
        item = self.question_list.currentItem()
        return item.data(ITEM_ROLE) if item else None

    def _show_question(self) -> None:
        result = self.current_result()
        if result is None:
            self.title.setText("No questions")
            self.figures.clear()
            self.texts.clear()
            self.chart.show_chart(bar_chart([], []))
            return
        question = result.question
        kind = QuestionKind(question.kind)
        self.title.setText(f"{result.number}. {question.text}")
        figures = [f"{result.answered} of {result.respondents} answered"
                   f" ({result.response_rate:.0%})" if result.respondents else "No answers yet"]
        if result.average is not None:
            figures.append(f"average {format_number(result.average)} "
                           f"(lowest {format_number(result.minimum)}, highest {format_number(result.maximum)})")
        self.figures.setText(" · ".join(figures))
        if kind.is_counted:
            labels = [c.label for c in result.counts]
            values = [c.count for c in result.counts]
            self.chart.show_chart(bar_chart(labels, [("Answers", values)]))
            self.chart.show()
        else:
            self.chart.hide()
        self.texts.setHtml(written_html(result))
        self.texts.setVisible(bool(result.others or result.texts) or not kind.is_counted)

    # --- export --------------------------------------------------------------------------

    def export_dialog(self) -> None:
        if self.questionnaire is None:
            return
        safe = "".join(ch if ch.isalnum() or ch in " -_" else "_"
                       for ch in self.questionnaire.data.name).strip()
        path, _ = QFileDialog.getSaveFileName(self, "Export raw answers",
                                              str(default_export_folder() / f"{safe} - answers.xlsx"),
                                              "Excel workbook (*.xlsx)")
        if path:
            self.export_to(Path(path if path.endswith(".xlsx") else path + ".xlsx"))

    def export_to(self, target: Path) -> None:
        from ....exports.surveys import write_raw_answers

        raw = survey_results.raw_answers(self.controller.ctx, self.questionnaire.id,
                                         self.scope.currentData())

        def done(count: int) -> None:
            self.controller.status.emit(f"Exported {count:,} answer sets to {target}")

        def failed(exc: BaseException, _trace: str) -> None:
            show_error(self, "Export raw answers", f"The export failed: {exc}")

        self.controller.runner.run(lambda: write_raw_answers(target, raw), done, failed)
