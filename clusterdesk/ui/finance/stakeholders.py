"""Finance ▸ Stakeholders (§2.3): the players around the cluster's international work, listed
and drawn on the power–interest grid (a click on a point selects it), beside the editor."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QSplitter, QVBoxLayout, QWidget

from ...domain.countries import country_name
from ...domain.enums import StakeholderKind, StakeholderRelationship
from ...domain.stakeholders import Quadrant
from ...services import stakeholders as stakeholder_service
from ..common.forms import enum_combo
from ..common.list_editor import ListEditorView
from ..common.table_model import ROW_ROLE, Column
from .stakeholder_editor import StakeholderEditor
from .stakeholder_grid import PowerInterestGrid

CENTER = Qt.AlignmentFlag.AlignCenter
QUADRANT_RANK = {q: rank for rank, q in enumerate(Quadrant)}
COLUMNS = (
    Column("name", "Stakeholder", lambda r: r.name, width=210,
           tooltip=lambda r: f"{r.name}\n{StakeholderKind(r.kind).label}"),
    Column("kind", "Type", lambda r: StakeholderKind(r.kind).label, width=150),
    Column("influence", "Infl.", lambda r: r.influence, width=40, align=CENTER,
           tooltip=lambda r: "Influence, 1–5"),
    Column("interest", "Int.", lambda r: r.interest, width=40, align=CENTER, tooltip=lambda r: "Interest, 1–5"),
    Column("approach", "Approach", lambda r: QUADRANT_RANK[r.quadrant], width=110,
           text_of=lambda r: r.quadrant.label, tooltip=lambda r: r.quadrant.advice),
    Column("relation", "Relationship", lambda r: list(StakeholderRelationship).index(StakeholderRelationship(r.relation)),
           text_of=lambda r: StakeholderRelationship(r.relation).label),
)
EXPORT_COLUMNS = (
    Column("name", "Stakeholder", lambda r: r.name),
    Column("kind", "Type", lambda r: StakeholderKind(r.kind).label),
    Column("country", "Country", lambda r: country_name(r.country)),
    Column("influence", "Influence (1–5)", lambda r: r.influence),
    Column("interest", "Interest (1–5)", lambda r: r.interest),
    Column("approach", "Approach", lambda r: r.quadrant.label),
    Column("relation", "Relationship", lambda r: StakeholderRelationship(r.relation).label),
    Column("targets", "Targets agreed", lambda r: "Yes" if r.has_targets else ""),
    Column("people", "People", lambda r: r.contacts),
)


class QuadrantFilter(QComboBox):
    def __init__(self) -> None:
        super().__init__()
        self.addItem("Any approach", None)
        for quadrant in Quadrant:
            self.addItem(quadrant.label, quadrant.value)
        self.setToolTip("Only the stakeholders in one quadrant of the grid")


class StakeholdersView(ListEditorView):
    kinds = ("stakeholders", "stakeholder_contacts")
    noun = "stakeholder"
    plural = "stakeholders"
    export_title = "Stakeholders"
    export_columns = EXPORT_COLUMNS
    filter_hint = "Filter by name, type, country, offer, person…  (Ctrl+F)"
    columns = COLUMNS
    list_share = 4, 3

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        left = self.view.parentWidget().layout()
        position = left.indexOf(self.view)
        left.removeWidget(self.view)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(self.view)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 4, 0, 0)
        title = QLabel("Power–interest grid — click a point to open the stakeholder")
        title.setProperty("role", "hint")
        column.addWidget(title)
        self.grid = PowerInterestGrid()
        self.grid.stakeholder_clicked.connect(self.select_record)
        column.addWidget(self.grid, 1)
        self.split.addWidget(holder)
        self.split.setSizes([230, 420])
        left.insertWidget(position, self.split, 1)
        self.model.modelReset.connect(self._draw_grid)
        self.view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.grid.highlight(self.current_id()))

    def filter_widgets(self):
        self.kind_filter = enum_combo(StakeholderKind, "All types")
        self.kind_filter.setToolTip("Only stakeholders of this type")
        self.quadrant_filter = QuadrantFilter()
        return [self.kind_filter, self.quadrant_filter]

    def make_editor(self) -> StakeholderEditor:
        return StakeholderEditor(self.controller)

    def fetch_rows(self, text: str, deleted: bool):
        return stakeholder_service.list_stakeholders(self.ctx, stakeholder_service.StakeholderFilter(
            text=text, kind=self.kind_filter.currentData(), quadrant=self.quadrant_filter.currentData(),
            deleted=deleted))

    def fetch_detail(self, record_id):
        return stakeholder_service.get_stakeholder(self.ctx, record_id)

    def delete_record(self, record_id):
        return self.controller.run_op(self, "Delete stakeholder", stakeholder_service.delete_stakeholder, record_id)

    def restore_record(self, record_id):
        return self.controller.run_op(self, "Restore stakeholder", stakeholder_service.restore_stakeholder, record_id)

    def _draw_grid(self) -> None:
        rows = [self.model.index(r, 0).data(ROW_ROLE) for r in range(self.model.rowCount())]
        self.grid.set_stakeholders(rows, self.current_id())
