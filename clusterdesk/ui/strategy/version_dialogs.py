"""The board's approval of a version (saying which version it archives) and the copy that
starts the next version."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from ...domain.dates import DateParseError
from ...domain.formatting import format_date
from ...domain.strategy import period_text
from ...services import strategy as strategy_service
from ...services.errors import ValidationError
from ..common.forms import DateField, with_message
from ..common.record_dialog import RecordDialog


def suggested_title(title: str, old_period: str, new_period: str) -> str:
    """The copy's title: the old period in the title replaced by the new one."""
    if old_period and new_period and old_period in title:
        return title.replace(old_period, new_period)
    return f"{title} (next version)"


class ApproveDialog(RecordDialog):
    """When and by whom the version was approved; names the version it archives."""

    noun = "approval"

    def __init__(self, controller, detail, in_force, parent=None) -> None:
        super().__init__(controller, parent)
        self.detail = detail
        self.result_detail = None
        self.setWindowTitle(f"Approve “{detail.data.title}”")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.approved_on = DateField(today=controller.today)
        self.approved_on.set_date(controller.today())
        self.approved_by = QLineEdit()
        self.approved_by.setPlaceholderText("e.g. Board meeting, General assembly")
        self.approved_by.setText("Board meeting")
        form.addRow("Approved &on:", with_message(self.approved_on))
        form.addRow("Approved &by:", self.approved_by)
        layout.addLayout(form)
        if in_force is not None:
            warning = QLabel(f"“{in_force.title}” (approved on {format_date(in_force.approved_on)}) is in "
                             "force now. Approving this version archives it: only one strategy is in "
                             "force at a time.")
            warning.setWordWrap(True)
            warning.setProperty("role", "error")
            layout.addWidget(warning)
        layout.addWidget(self.errors)
        self.fields = {"approved_on": self.approved_on, "approved_by": self.approved_by}
        self.labels = {"approved_on": "Approved on", "approved_by": "Approved by"}
        self.add_buttons(layout)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText("Approve and archive the other" if in_force is not None else "Approve")
        self.approved_on.setFocus()
        self.approved_on.selectAll()

    def snapshot(self) -> tuple:
        return (self.approved_on.text(), self.approved_by.text())

    def collect(self):
        try:
            return self.approved_on.date(), self.approved_by.text()
        except DateParseError as exc:
            raise ValidationError({"approved_on": str(exc)}) from exc

    def write(self, data):
        approved_on, approved_by = data
        result = self.controller.run_op(self, "Approve strategy", strategy_service.approve_strategy,
                                        self.detail.id, approved_on, approved_by)
        if result is not None:
            self.result_detail = result[0]
        return result


class CopyDialog(RecordDialog):
    """The title and period of the next version, suggested from this one."""

    noun = "copy"

    def __init__(self, controller, detail, parent=None) -> None:
        super().__init__(controller, parent)
        self.detail = detail
        self.result_detail = None
        data = detail.data
        start, end = strategy_service.next_period(data.period_from, data.period_to)
        self.setWindowTitle(f"Copy “{data.title}” as the next version")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        hint = QLabel("The new draft gets the same sections and KPIs. Each KPI starts from where it "
                      "stands now; its measurements stay with this version.")
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        layout.addWidget(hint)
        form = QFormLayout()
        self.title_edit = QLineEdit(suggested_title(data.title, period_text(data.period_from, data.period_to),
                                                    period_text(start, end)))
        self.period_from = DateField(today=controller.today)
        self.period_from.set_date(start)
        self.period_to = DateField(today=controller.today)
        self.period_to.set_date(end)
        form.addRow("&Title:", with_message(self.title_edit))
        form.addRow("Period &from:", with_message(self.period_from))
        form.addRow("Period t&o:", with_message(self.period_to))
        layout.addLayout(form)
        layout.addWidget(self.errors)
        self.fields = {"title": self.title_edit, "period_from": self.period_from, "period_to": self.period_to}
        self.labels = {"title": "Title", "period_from": "Period from", "period_to": "Period to"}
        self.add_buttons(layout)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Copy")
        self.title_edit.setFocus()

    def snapshot(self) -> tuple:
        return (self.title_edit.text(), self.period_from.text(), self.period_to.text())

    def collect(self):
        errors, dates = {}, {}
        for key, field in (("period_from", self.period_from), ("period_to", self.period_to)):
            try:
                dates[key] = field.date()
            except DateParseError as exc:
                errors[key] = str(exc)
        if errors:
            raise ValidationError(errors)
        return self.title_edit.text(), dates["period_from"], dates["period_to"]

    def write(self, data):
        title, start, end = data
        result = self.controller.run_op(self, "Copy strategy version", strategy_service.copy_strategy,
                                        self.detail.id, title, start, end)
        if result is not None:
            self.result_detail = result[0]
        return result
