"""Wizard step 3: the dry run — every problem by row and column, the likely duplicates with a
decision for each (merge, import as new, skip) — and then the import itself."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ...domain.text import plural
from ...imports.outcome import differences
from ...imports.plan import DECISIONS, MERGE, NEW, SKIP, Duplicate
from ...imports.rows import Problem
from ...services import imports as import_service
from ...services.errors import ServiceError
from ..common.messages import show_error
from ..common.table_model import Column, RowTableModel
from ..common.tables import select_row, sorted_table, table_view
from ..common.theme import DUE_SOON, OVERDUE
from .jobs import JobBar, selected_rows, was_cancelled

PROBLEM_COLUMNS = (
    Column("row", "Row", lambda p: p.row, lambda r: "file" if r is None else str(r), width=60),
    Column("column", "Column", lambda p: p.column, width=170),
    Column("value", "Value", lambda p: p.value, width=200),
    Column("reason", "Reason", lambda p: p.reason),
)
DIFFERENCE_COLUMNS = (
    Column("label", "Field", lambda d: d.label, width=130),
    Column("file", "In the file", lambda d: d.in_file, width=290, tooltip=lambda d: d.in_file),
    Column("here", "Here now", lambda d: d.in_workspace, width=290, tooltip=lambda d: d.in_workspace),
    Column("outcome", "On merge", lambda d: d.outcome),
)


@dataclass(frozen=True)
class DuplicateRow:
    duplicate: Duplicate
    first_row: int
    rows: str  # every row of the organisation in the file
    name: str
    where: str  # "existing member" or "row 5 of the file"


class CheckPage(QWizardPage):
    def __init__(self, wizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle("Check before importing")
        self.setSubTitle("A dry run: every row is checked and compared with the members already "
                         "here. Nothing is written until you press Import.")
        layout = QVBoxLayout(self)
        self.job = JobBar()
        layout.addWidget(self.job)
        self.headline = QLabel()
        self.headline.setProperty("role", "subheading")
        self.headline.setWordWrap(True)
        layout.addWidget(self.headline)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        layout.addWidget(self.outcome)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        self.problems_model = RowTableModel(PROBLEM_COLUMNS, [], self)
        self.problems_view, _ = sorted_table(self.problems_model, PROBLEM_COLUMNS, parent=self,
                                             stretch=len(PROBLEM_COLUMNS) - 1)
        problems = QWidget()
        problems_layout = QVBoxLayout(problems)
        problems_layout.addWidget(self.problems_view, 1)
        problem_bar = QHBoxLayout()
        self.leave_out = QCheckBox("&Leave out the rows with problems and import the rest")
        self.leave_out.toggled.connect(self._leave_out_toggled)
        self.save_problems_button = QPushButton("Save the problems as E&xcel…")
        self.save_problems_button.setToolTip("A list to fix the file by: row, column, value, reason")
        self.save_problems_button.clicked.connect(lambda: self.save_problems())
        problem_bar.addWidget(self.leave_out)
        problem_bar.addStretch(1)
        problem_bar.addWidget(self.save_problems_button)
        problems_layout.addLayout(problem_bar)
        self.tabs.addTab(problems, "Problems")

        self.duplicates_model = RowTableModel(self._duplicate_columns(), [], self)
        self.duplicates_model.decorate = self._decorate_duplicate
        columns = self.duplicates_model.columns
        self.duplicates_view, _ = sorted_table(self.duplicates_model, columns, parent=self, multi=True,
                                               stretch=len(columns) - 1)
        self.duplicates_view.selectionModel().selectionChanged.connect(lambda *_: self._show_difference())
        duplicates = QWidget()
        dup_layout = QVBoxLayout(duplicates)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.duplicates_view)
        self.difference_model = RowTableModel(DIFFERENCE_COLUMNS, [], self)
        self.difference_view = table_view(self.difference_model, DIFFERENCE_COLUMNS,
                                          stretch=len(DIFFERENCE_COLUMNS) - 1)
        splitter.addWidget(self.difference_view)
        splitter.setSizes([260, 140])
        dup_layout.addWidget(splitter, 1)
        decide = QHBoxLayout()
        decide.addWidget(QLabel("For the selected rows:"))
        self.decision_buttons = {}
        for decision, text, key in ((MERGE, "&Merge into the existing record", "Ctrl+M"),
                                    (NEW, "Import as &new", "Ctrl+N"), (SKIP, "S&kip", "Ctrl+K")):
            button = QPushButton(text)
            button.setToolTip(f"{DECISIONS[decision]} ({key})")
            button.clicked.connect(lambda _=False, d=decision: self.decide(d))
            QShortcut(QKeySequence(key), self, lambda d=decision: self.decide(d))
            decide.addWidget(button)
            self.decision_buttons[decision] = button
        decide.addStretch(1)
        dup_layout.addLayout(decide)
        self.tabs.addTab(duplicates, "Duplicates")

        self.remarks_model = RowTableModel(PROBLEM_COLUMNS, [], self)
        self.remarks_view, _ = sorted_table(self.remarks_model, PROBLEM_COLUMNS, parent=self,
                                            stretch=len(PROBLEM_COLUMNS) - 1)
        self.tabs.addTab(self.remarks_view, "Remarks")
        self.dry = None
        self._checked_for = None
        self._importing_done = False

    def _duplicate_columns(self):
        return (
            Column("rows", "Row", lambda r: r.first_row, width=60,
                   tooltip=lambda r: "Rows " + r.rows if "," in r.rows else ""),
            Column("name", "In the file", lambda r: r.name, width=220),
            Column("target", "Looks like", lambda r: r.duplicate.target_name, width=220),
            Column("where", "Where", lambda r: r.where, width=130),
            Column("decision", "Will be",
                   lambda r: DECISIONS[self.wiz.decisions.get(r.duplicate.id, r.duplicate.default)],
                   width=200),
            Column("why", "Why", lambda r: "; ".join(r.duplicate.match.reasons),
                   tooltip=lambda r: "; ".join(r.duplicate.match.reasons)),
        )

    # --- the dry run --------------------------------------------------------------------------

    def initializePage(self) -> None:  # noqa: N802
        key = (id(self.wiz.source), tuple(self.wiz.mapping), self.wiz.default_country)
        if key == self._checked_for and self.dry is not None:
            self._show()
            return
        self._checked_for = key
        self.dry = None
        self.wiz.decisions.clear()
        self.leave_out.setChecked(False)
        self._show()
        ctx, source, mapping = self.wiz.controller.ctx, self.wiz.source, list(self.wiz.mapping)
        country, name = self.wiz.default_country, self.wiz.mapping_name

        def work(progress, cancel):
            return import_service.dry_run(ctx, source, mapping, default_country=country,
                                          mapping_name=name, progress=progress, cancel=cancel)

        self.job.run(self.wiz.controller.runner, work, self._checked, self._check_failed,
                     "Checking the rows")

    def cleanupPage(self) -> None:  # noqa: N802
        """Going back: a check still running is of no use any more."""
        self.job.cancel()
        super().cleanupPage()

    def _checked(self, dry) -> None:
        if self.wiz.closed:
            return
        self.dry = dry
        self._show()
        if dry.plan.problems:
            self.tabs.setCurrentIndex(0)
        elif dry.plan.duplicates:
            self.tabs.setCurrentIndex(1)

    def _check_failed(self, exc: BaseException) -> None:
        if self.wiz.closed:
            return
        self._checked_for = None
        if was_cancelled(exc):
            if self.wiz.currentPage() is self:
                self.wiz.back()  # to the columns; Next checks again
            return
        show_error(self, "Check the file", str(exc))

    def _show(self) -> None:
        dry = self.dry
        plan = dry.plan if dry else None
        self.problems_model.set_rows(plan.problems if plan else [])
        self.remarks_model.set_rows(plan.remarks if plan else [])
        self.duplicates_model.set_rows([self._duplicate_row(d) for d in plan.duplicates] if plan else [])
        self.difference_model.set_rows([])
        if self.duplicates_model.rowCount():
            # The first one chosen, so the field-by-field comparison below is never empty.
            select_row(self.duplicates_view, self.duplicates_view.model().index(0, 0))
        bad = len(plan.bad_rows) if plan else 0
        self.tabs.setTabText(0, f"Problems ({len(plan.problems) if plan else 0})")
        self.tabs.setTabText(1, f"Duplicates ({len(plan.duplicates) if plan else 0})")
        self.tabs.setTabText(2, f"Remarks ({len(plan.remarks) if plan else 0})")
        self.leave_out.setVisible(bool(plan and plan.problems and not plan.file_problem))
        self.leave_out.setText(f"&Leave out the {plural(bad, 'row')} with problems and "
                               "import the rest")
        self.save_problems_button.setEnabled(bool(plan and plan.problems))
        if plan is None:
            self.headline.setText("")
            self.outcome.setText("")
        else:
            self._update_texts()
        self.completeChanged.emit()

    def _duplicate_row(self, d: Duplicate) -> DuplicateRow:
        plan = self.dry.plan
        candidate = plan.candidates[d.candidate]
        where = "existing member" if d.against_existing else \
            f"row {plan.candidates[d.target_candidate].first_row} of the file"
        return DuplicateRow(d, candidate.first_row, ", ".join(str(r) for r in candidate.rows),
                            candidate.name, where)

    def _update_texts(self) -> None:
        plan = self.dry.plan
        parts = [f"{plan.rows_read:,} rows read from {plan.source_name}"]
        if plan.file_problem:
            parts.append("nothing can be imported")
        elif plan.problems:
            n = len(plan.bad_rows)
            parts.append(f"{plural(n, 'row')} with problems")
        else:
            parts.append("no problems")
        parts.append(plural(len(plan.duplicates), "likely duplicate"))
        self.headline.setText(" · ".join(parts))
        self.headline.setStyleSheet(f"color: {OVERDUE};" if plan.problems else "")
        lines = [f"This file was imported before ({e}); what is already here is merged, not added "
                 "twice." for e in plan.earlier_imports]
        if plan.file_problem:
            where = "the sheet, the header row or the columns" if len(plan.sheets) > 1 else \
                "the header row or the columns"
            lines.append("The file cannot be imported: " +
                         "; ".join(p.reason for p in plan.problems if p.row is None) +
                         f". Go back to change {where}.")
        elif plan.problems and not self.leave_out.isChecked():
            lines.append("Nothing can be imported while rows have problems: fix them in the file "
                         "and check again, or leave those rows out.")
        else:
            summary = self.dry.summary(self.wiz.decisions, skip_invalid=self.leave_out.isChecked())
            lines.append(f"The import will {summary.text()}. A verified backup is taken first, "
                         "and the whole import can be undone.")
        self.outcome.setText("\n".join(lines))

    # --- decisions ----------------------------------------------------------------------------

    def decide(self, decision: str) -> None:
        rows = selected_rows(self.duplicates_view)
        for row in rows:
            self.wiz.decisions[row.duplicate.id] = decision
        if rows:
            model = self.duplicates_model
            model.dataChanged.emit(model.index(0, 0), model.index(model.rowCount() - 1, model.columnCount() - 1))
            self._update_texts()

    def _decorate_duplicate(self, row: DuplicateRow, role: int):
        if role == Qt.ItemDataRole.ForegroundRole:
            decision = self.wiz.decisions.get(row.duplicate.id, row.duplicate.default)
            if decision == SKIP:
                return QColor("#8a96a3")
            if decision == NEW and row.duplicate.match.certain:
                return QColor(DUE_SOON)  # the same CVR or name, imported as new: worth a look
        return None

    def _show_difference(self) -> None:
        rows = selected_rows(self.duplicates_view)
        if not rows or self.dry is None:
            self.difference_model.set_rows([])
            return
        self.difference_model.set_rows(differences(self.dry.plan, rows[0].duplicate, self.dry.existing))

    def _leave_out_toggled(self, _checked: bool) -> None:
        if self.dry is not None:
            self._update_texts()
        self.completeChanged.emit()

    # --- problems to Excel --------------------------------------------------------------------

    def save_problems(self, path: Path | None = None) -> Path | None:
        if self.dry is None:
            return None
        if path is None:
            suggested = self.wiz.source.path.with_name(self.wiz.source.path.stem + " – problems.xlsx")
            chosen, _ = QFileDialog.getSaveFileName(self, "Save the problems", str(suggested),
                                                    "Excel workbook (*.xlsx)")
            if not chosen:
                return None
            path = Path(chosen if chosen.endswith(".xlsx") else chosen + ".xlsx")
        from ...exports.excel import write_table

        problems: list[Problem] = list(self.dry.plan.problems)
        write_table(path, f"Problems in {self.dry.plan.source_name}", ["Row", "Column", "Value", "Reason"],
                    ([p.row, p.column, p.value, p.reason] for p in problems))
        self.wiz.controller.status.emit(f"Saved {len(problems):,} problems to {path}")
        return path

    # --- the import ---------------------------------------------------------------------------

    def isComplete(self) -> bool:  # noqa: N802
        plan = self.dry.plan if self.dry else None
        if plan is None or plan.file_problem or self.job.running:
            return False
        return plan.clean or self.leave_out.isChecked()

    def validatePage(self) -> bool:  # noqa: N802
        if self._importing_done:
            return True
        if self.job.running or not self.isComplete():
            return False
        ctx, dry = self.wiz.controller.ctx, self.dry
        decisions, skip = dict(self.wiz.decisions), self.leave_out.isChecked()

        def work(progress, cancel):
            return import_service.run_import(ctx, dry, decisions, skip_invalid=skip,
                                             progress=progress, cancel=cancel)

        self.job.run(self.wiz.controller.runner, work, self._imported, self._import_failed, "Importing")
        if self.job.running:
            self.completeChanged.emit()  # Import greys out …
            self.wiz.set_busy(True)  # … and so do Back and Cancel (after the wizard's own update)
        return False

    def _imported(self, outcome) -> None:
        result, changes = outcome
        self.wiz.set_busy(False)
        self.wiz.imported(result, changes)
        self._importing_done = True
        if not self.wiz.closed:
            self.wiz.next()

    def _import_failed(self, exc: BaseException) -> None:
        self.wiz.set_busy(False)
        self.completeChanged.emit()
        if was_cancelled(exc):
            self.wiz.controller.status.emit("The import was cancelled; nothing was changed.")
            if not self.wiz.closed:
                self.headline.setText("The import was cancelled; nothing was changed.")
            return
        if isinstance(exc, ServiceError):
            show_error(self, "Import", str(exc))
            return
        show_error(self, "Import", f"The import failed and nothing was changed: {exc}")
