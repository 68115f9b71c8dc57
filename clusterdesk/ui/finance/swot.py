"""Finance ▸ SWOT (§2.3.2): dated analyses with their strengths, weaknesses, opportunities and
threats — points added, edited, removed and reordered from the keyboard — and a PDF of the
four quadrants on one page (Ctrl+P)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import DateParseError
from ...domain.enums import SwotQuadrant
from ...domain.formatting import format_date
from ...services import swot as swot_service
from ...services.errors import ValidationError
from ..common.form_editor import FormEditor
from ..common.forms import DateField, add_row, text_box
from ..common.list_editor import ListEditorView
from ..common.table_model import Column
from .budget_export import save_in_background
from .swot_quadrant import QuadrantList

QUADRANTS = (
    (SwotQuadrant.STRENGTHS, "Stren&gths", "What the cluster does well, inside"),
    (SwotQuadrant.WEAKNESSES, "&Weaknesses", "What holds it back, inside"),
    (SwotQuadrant.OPPORTUNITIES, "O&pportunities", "What it could use, outside"),
    (SwotQuadrant.THREATS, "&Threats", "What could hurt it, outside"),
)


class SwotEditor(FormEditor):
    noun = "SWOT analysis"
    services = (swot_service.create_analysis, swot_service.update_analysis, swot_service.get_analysis)
    pdf_requested = Signal()

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        column.addLayout(form)
        self.swot_title = self.watch("title", QLineEdit(), "Title")
        self.swot_title.setPlaceholderText("the question it answers")
        self.made_on = self.watch("made_on", DateField(today=controller.today), "Date")
        self.made_by = self.watch("made_by", QLineEdit(), "By")
        self.made_by.setPlaceholderText("who made it, e.g. the strategy day")
        self.notes = self.watch("notes", text_box(40), "Notes")
        add_row(form, "T&itle:", self.swot_title)
        add_row(form, "D&ate:", self.made_on, "B&y:", self.made_by)
        add_row(form, "N&otes:", self.notes)
        grid = QGridLayout()
        grid.setSpacing(10)
        self.quadrants: dict[str, QuadrantList] = {}
        for number, (quadrant, title, hint) in enumerate(QUADRANTS):
            widget = QuadrantList(quadrant.value, title, hint)
            widget.changed.connect(self._changed)
            self.watch(quadrant.value, widget.list, quadrant.label)
            grid.addWidget(widget, number // 2, number % 2)
            self.quadrants[quadrant.value] = widget
        column.addLayout(grid, 1)
        self.pdf_button = QPushButton("PDF…")
        self.pdf_button.setToolTip("The four quadrants on one page (Ctrl+P)")
        self.pdf_button.setAutoDefault(False)
        self.pdf_button.clicked.connect(self.pdf_requested)
        self.buttons.insertWidget(0, self.pdf_button)
        QShortcut(QKeySequence.StandardKey.Print, self, self.pdf_requested.emit)
        self.finish_layout(body)

    def fill(self, detail) -> None:
        data = detail.data if detail else swot_service.SwotInput("", self.controller.today())
        self.title.setText("New SWOT analysis" if detail is None else
                           data.title + ("  (in the bin)" if detail.deleted else ""))
        self.swot_title.setText(data.title)
        self.made_on.set_date(data.made_on)
        self.made_by.setText(data.made_by)
        self.notes.setPlainText(data.notes)
        for quadrant, widget in self.quadrants.items():
            widget.set_points(data.quadrant(quadrant))
        self.pdf_button.setEnabled(detail is not None)

    def collect(self) -> swot_service.SwotInput:
        try:
            made_on = self.made_on.date()
        except DateParseError as exc:
            raise ValidationError({"made_on": str(exc)}) from exc
        points = {quadrant: tuple(swot_service.SwotPoint(text, point_id) for text, point_id in widget.points())
                  for quadrant, widget in self.quadrants.items()}
        return swot_service.SwotInput(self.swot_title.text(), made_on, self.made_by.text(),
                                      self.notes.toPlainText(), points, self.version)



COLUMNS = (
    Column("title", "SWOT analysis", lambda r: r.title, width=260, tooltip=lambda r: r.title),
    Column("made_on", "Date", lambda r: r.made_on, format_date, width=95),
    Column("points", "S · W · O · T", lambda r: sum(r.counts), width=90,
           text_of=lambda r: " · ".join(str(n) for n in r.counts),
           tooltip=lambda r: "Strengths, weaknesses, opportunities and threats"),
    Column("by", "By", lambda r: r.made_by),
)
EXPORT_COLUMNS = (
    Column("title", "SWOT analysis", lambda r: r.title),
    Column("made_on", "Date", lambda r: r.made_on),
    Column("by", "By", lambda r: r.made_by),
    *(Column(q.value, q.label, lambda r, i=i: r.counts[i]) for i, q in enumerate(SwotQuadrant)),
)


class SwotView(ListEditorView):
    kinds = ("swot_analyses", "swot_items")
    noun = "SWOT"
    plural = "SWOT analyses"
    export_title = "SWOT analyses"
    export_columns = EXPORT_COLUMNS
    filter_hint = "Filter by title…  (Ctrl+F)"
    columns = COLUMNS
    list_share = 2, 3

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        self.editor.pdf_requested.connect(self.export_pdf)
        self.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # the newest first

    def make_editor(self) -> SwotEditor:
        return SwotEditor(self.controller)

    def default_sort_column(self) -> int:
        return 1

    def fetch_rows(self, text: str, deleted: bool):
        return swot_service.list_analyses(self.ctx, text, deleted=deleted)

    def fetch_detail(self, record_id):
        return swot_service.get_analysis(self.ctx, record_id)

    def delete_record(self, record_id):
        return self.controller.run_op(self, "Delete SWOT analysis", swot_service.delete_analysis, record_id)

    def restore_record(self, record_id):
        return self.controller.run_op(self, "Restore SWOT analysis", swot_service.restore_analysis, record_id)

    def export_pdf(self) -> None:
        """The analysis in the editor, as saved, as a one-page PDF."""
        if self.editor.record_id is None or (self.editor.dirty and not self.editor.save()):
            return
        from ...exports.pdf.swot import write_swot_pdf

        detail = swot_service.get_analysis(self.ctx, self.editor.record_id)
        name = self.ctx.workspace.name
        save_in_background(self, self.controller, "SWOT analysis", f"SWOT {detail.data.title}", "pdf",
                           lambda path: write_swot_pdf(path, detail, name))
