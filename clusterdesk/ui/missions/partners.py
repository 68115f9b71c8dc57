"""Missions ▸ Partners: clusters and organisations abroad (§4.1), filtered by country, label
and trust stage, beside the partner editor."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox

from ...domain.countries import country_name
from ...domain.enums import EceiLabel, PartnerDriver, PartnerKind, TrustStage
from ...domain.formatting import format_date
from ...services import partners as partner_service
from ..common.forms import enum_combo
from ..common.list_editor import ListEditorView
from ..common.table_model import Column
from ..common.theme import DONE
from .partner_editor import PartnerEditor

LABEL_RANK = {label.value: rank for rank, label in enumerate(EceiLabel)}
STAGE_RANK = {stage.value: rank for rank, stage in enumerate(TrustStage)}


def _label(row) -> str:
    if row.ecei_label == EceiLabel.NONE.value:
        return ""
    return EceiLabel(row.ecei_label).label + (f" {row.ecei_year}" if row.ecei_year else "")


COLUMNS = (
    Column("name", "Name", lambda r: r.name, width=220,
           tooltip=lambda r: f"{r.name}\n{PartnerKind(r.kind).label}" + (f" · {r.focus}" if r.focus else "")),
    Column("country", "Country", lambda r: country_name(r.country), width=85),
    Column("label", "Label", lambda r: LABEL_RANK[r.ecei_label] * 10_000 + (r.ecei_year or 0),
           width=85, text_of=_label),
    Column("stage", "Trust", lambda r: STAGE_RANK[r.trust_stage], width=125,
           text_of=lambda r: TrustStage(r.trust_stage).label),
    Column("activities", "Joint", lambda r: r.activities, width=45,
           align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
           tooltip=lambda r: f"{r.activities} activities together"),
    Column("last", "Last / next", lambda r: r.last_activity_on, format_date, width=95),
    Column("driven_by", "Driven by", lambda r: PartnerDriver(r.driven_by).label),
)
EXPORT_COLUMNS = (
    Column("name", "Name", lambda r: r.name),
    Column("country", "Country", lambda r: country_name(r.country)),
    Column("city", "City", lambda r: r.city),
    Column("kind", "Kind", lambda r: PartnerKind(r.kind).label),
    Column("driven_by", "Driven by", lambda r: PartnerDriver(r.driven_by).label),
    Column("label", "ECEI label", lambda r: EceiLabel(r.ecei_label).label),
    Column("year", "Label year", lambda r: r.ecei_year),
    Column("stage", "Trust stage", lambda r: TrustStage(r.trust_stage).label),
    Column("contacts", "People", lambda r: r.contacts),
    Column("activities", "Joint activities", lambda r: r.activities),
    Column("last", "Last / next activity", lambda r: r.last_activity_on),
    Column("focus", "Focus", lambda r: r.focus),
)


class PartnersView(ListEditorView):
    kinds = ("partners", "partner_contacts", "activity_partners", "activities")
    noun = "partner"
    plural = "partners"
    filter_hint = "Filter by name, city, focus, person…  (Ctrl+F)"
    columns = COLUMNS
    list_share = 4, 3

    def filter_widgets(self):
        self.country_filter = QComboBox()
        self.country_filter.addItem("All countries", None)
        self.country_filter.setToolTip("Only partners in this country")
        self.label_filter = enum_combo(EceiLabel, "Any label")
        self.label_filter.setToolTip("Only partners with this cluster excellence label")
        self.stage_filter = enum_combo(TrustStage, "Any trust stage")
        self.stage_filter.setToolTip("Only partners at this stage of trust")
        return [self.country_filter, self.label_filter, self.stage_filter]

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        self.editor.activity_clicked.connect(self._open_activity)

    def make_editor(self) -> PartnerEditor:
        return PartnerEditor(self.controller)

    def refresh(self) -> None:
        if self.ctx is not None:
            wanted = self.country_filter.currentData()
            self.country_filter.blockSignals(True)
            self.country_filter.clear()
            self.country_filter.addItem("All countries", None)
            for code in partner_service.partner_countries(self.ctx):
                self.country_filter.addItem(country_name(code), code)
            self.country_filter.setCurrentIndex(max(0, self.country_filter.findData(wanted)))
            self.country_filter.blockSignals(False)
        super().refresh()

    def fetch_rows(self, text: str, deleted: bool):
        return partner_service.list_partners(self.ctx, partner_service.PartnerFilter(
            text=text, country=self.country_filter.currentData(), label=self.label_filter.currentData(),
            stage=self.stage_filter.currentData(), deleted=deleted))

    def fetch_detail(self, record_id):
        return partner_service.get_partner(self.ctx, record_id)

    def delete_record(self, record_id):
        return self.controller.run_op(self, "Delete partner", partner_service.delete_partner, record_id)

    def restore_record(self, record_id):
        return self.controller.run_op(self, "Restore partner", partner_service.restore_partner, record_id)

    def decorate(self, row, role: int):
        if role == Qt.ItemDataRole.ForegroundRole and row.trust_stage == TrustStage.ESTABLISHED.value:
            return QBrush(QColor(DONE))
        return None

    def select_partner(self, partner_id) -> bool:
        return self.select_record(partner_id)

    def _open_activity(self, href: str) -> None:
        window = self.window()
        page = window.page("missions") if hasattr(window, "page") else None
        if page is not None and hasattr(page, "open_activity"):
            page.open_activity(uuid.UUID(href))

    def list_export(self):
        export = super().list_export()
        return type(export)(export.title, EXPORT_COLUMNS, export.rows)
