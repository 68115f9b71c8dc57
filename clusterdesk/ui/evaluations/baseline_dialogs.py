"""The dialogs of Baselines: an indicator set with its indicators and their scales, and a
measurement round (baseline, mid-term, final) with its date."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import DateParseError
from ...domain.evaluations import RoundKind
from ...services import baselines as baseline_service
from ...services.errors import ValidationError
from ..common.editable_rows import EditColumn
from ..common.forms import DateField, enum_combo, select_data, with_message
from ..common.record_dialog import RecordDialog
from .grid import GridModel, GridView

INDICATOR_COLUMNS = (
    EditColumn("name", "Indicator", 250),
    EditColumn("scale_min", "From", 45, "The lowest value of the scale"),
    EditColumn("scale_max", "To", 45, "The highest value of the scale"),
    EditColumn("unit", "Unit", 80, "e.g. agreements, countries (empty for a level)"),
    EditColumn("description", "What the steps mean", 0, "e.g. 1 = none · 3 = now and then · 5 = every year"),
)


class IndicatorSetDialog(RecordDialog):
    noun = "indicator set"

    def __init__(self, controller, detail=None, parent=None) -> None:
        super().__init__(controller, parent)
        self.record_id = detail.id if detail else None
        self.version = detail.data.version if detail else 0
        self.setWindowTitle(f"{'Edit' if detail else 'New'} indicator set")
        self.resize(820, 460)
        outer = QVBoxLayout(self)
        outer.addWidget(self.errors)
        form = QFormLayout()
        self.name = QLineEdit()
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(52)
        form.addRow("&Name:", with_message(self.name))
        form.addRow("&Purpose:", self.description)
        outer.addLayout(form)
        hint = QLabel("The same indicators are measured in every round, so rounds can be compared "
                      "(handbook §4.5.1). Whole-number scales, e.g. 1 to 5.")
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        outer.addWidget(hint)
        self.model = GridModel(INDICATOR_COLUMNS, self, right_keys=("scale_min", "scale_max"))
        self.table = GridView(self.model, add=self.add_row, remove=self.remove_row)
        outer.addWidget(self.table, 1)
        row = QHBoxLayout()
        add = QPushButton("&Add indicator")
        add.setToolTip("A new indicator at the end (Insert in the table)")
        add.clicked.connect(self.add_row)
        remove = QPushButton("&Remove indicator")
        remove.setToolTip("Remove the selected indicator (Delete in the table); values measured "
                          "for it are kept out of sight")
        remove.clicked.connect(self.remove_row)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        outer.addLayout(row)
        self.fields = {"name": self.name, "description": self.description, "indicators": self.table}
        self.labels = {"name": "Name", "description": "Purpose", "indicators": "Indicators"}
        data = detail.data if detail else baseline_service.IndicatorSetInput("")
        self.name.setText(data.name)
        self.description.setPlainText(data.description)
        self.model.set_rows([{"id": i.id, "name": i.name, "scale_min": str(i.scale_min),
                              "scale_max": str(i.scale_max), "unit": i.unit, "description": i.description}
                             for i in data.indicators] or [{"scale_min": "1", "scale_max": "5"}])
        self.add_buttons(outer)
        self.name.setFocus()

    def add_row(self) -> None:
        row = self.model.insert_row(self.model.rowCount(), {"scale_min": "1", "scale_max": "5"})
        self.table.go_to(row, "name")

    def remove_row(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.model.remove_row(index.row())

    def collect(self) -> baseline_service.IndicatorSetInput:
        self.table.commit_editing()
        indicators, problems = [], []
        for number, row in enumerate(self.model.rows(), start=1):
            scale = []
            for key in ("scale_min", "scale_max"):
                text = str(row.get(key, "") or "").strip()
                try:
                    scale.append(int(text))
                except ValueError:
                    problems.append(f"row {number}, {'from' if key == 'scale_min' else 'to'}: “{text}” "
                                    "is not a whole number")
                    scale.append(0)
            indicators.append(baseline_service.IndicatorInput(
                row.get("name", ""), row.get("description", ""), scale[0], scale[1], row.get("unit", ""),
                row.get("id")))
        if problems:
            raise ValidationError({"indicators": "; ".join(problems)})
        return baseline_service.IndicatorSetInput(self.name.text(), self.description.toPlainText(),
                                                  tuple(indicators), self.version)

    def write(self, data):
        if self.record_id is None:
            return self.controller.run_op(self, "Save indicator set", baseline_service.create_indicator_set, data)
        return self.controller.run_op(self, "Save indicator set", baseline_service.update_indicator_set,
                                      self.record_id, data)

    def snapshot(self) -> tuple:
        return (self.name.text(), self.description.toPlainText(),
                tuple(tuple(sorted((k, str(v)) for k, v in r.items())) for r in self.model.rows()))


class RoundDialog(RecordDialog):
    noun = "round"

    def __init__(self, controller, set_id, set_name: str, row=None, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.set_id = set_id
        self.record_id = row.id if row else None
        self.version = row.data.version if row else 0
        self.setWindowTitle(f"{'Edit' if row else 'New'} round — {set_name}")
        self.setMinimumWidth(480)
        outer = QVBoxLayout(self)
        outer.addWidget(self.errors)
        form = QFormLayout()
        self.kind = enum_combo(RoundKind)
        self.name = QLineEdit()
        self.name.setPlaceholderText("e.g. Baseline 2026")
        self.measured_on = DateField(today=controller.today)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(56)
        self.note.setPlaceholderText("How it was measured, by whom")
        form.addRow("&Kind:", self.kind)
        form.addRow("&Name:", with_message(self.name))
        form.addRow("&Measured on:", with_message(self.measured_on))
        form.addRow("N&ote:", self.note)
        outer.addLayout(form)
        self.fields = {"kind": self.kind, "name": self.name, "measured_on": self.measured_on, "note": self.note}
        self.labels = {"kind": "Kind", "name": "Name", "measured_on": "Measured on", "note": "Note"}
        data = row.data if row else baseline_service.RoundInput("", controller.today())
        select_data(self.kind, data.kind)
        self.name.setText(data.name)
        self.measured_on.set_date(data.measured_on)
        self.note.setPlainText(data.note)
        self.kind.currentIndexChanged.connect(self._suggest_name)
        if row is None:
            self._suggest_name()
        self.add_buttons(outer)  # what is shown now counts as nothing typed yet
        self.kind.setFocus()

    def _suggest_name(self, *_args) -> None:
        if self.record_id is None and (not self.name.text() or self.name.text() in self._suggested()):
            self.name.setText(f"{RoundKind(self.kind.currentData()).label} {self.controller.today().year}")

    def _suggested(self) -> set[str]:
        year = self.controller.today().year
        return {f"{k.label} {year}" for k in RoundKind}

    def collect(self) -> baseline_service.RoundInput:
        try:
            measured_on = self.measured_on.date()
        except DateParseError as exc:
            raise ValidationError({"measured_on": str(exc)}) from None
        return baseline_service.RoundInput(self.name.text(), measured_on, self.kind.currentData(),
                                           self.note.toPlainText(), self.version)

    def write(self, data):
        if self.record_id is None:
            return self.controller.run_op(self, "Save round", baseline_service.create_round, self.set_id, data)
        return self.controller.run_op(self, "Save round", baseline_service.update_round, self.record_id, data)

    def snapshot(self) -> tuple:
        return (self.kind.currentIndex(), self.name.text(), self.measured_on.text(), self.note.toPlainText())
