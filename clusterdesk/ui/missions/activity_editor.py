"""The activity editor: what, when, where, who is responsible, the money, the partners abroad,
the checklist (made from a template for a new activity) and, on its own tab, the participants."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QWidget,
)

from ...domain.catch_up import PastDates
from ...domain.dates import DateParseError
from ...domain.enums import ActivityKind, ActivityStatus
from ...domain.text import plural
from ...services import action_plans as plan_service
from ...services import activities as activity_service
from ...services import checklist_templates as template_service
from ...services import checklists as checklist_service
from ...services import partners as partner_service
from ...services.errors import ValidationError
from ..common.editable_rows import CheckableListModel
from ..common.form_editor import FormEditor
from ..common.forms import (
    CountryField,
    DateField,
    MoneyField,
    add_row,
    enum_combo,
    find_data,
    select_data,
)
from .participants import ParticipantsPanel
from .past_due import ask_past_due


class ActivityEditor(FormEditor):
    noun = "activity"
    open_checklist_requested = Signal(object)  # activity id

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        form = QFormLayout(body)
        self.name = self.watch("name", QLineEdit(), "Name")
        self.kind = self.watch("kind", enum_combo(ActivityKind), "Kind")
        self.status = self.watch("status", enum_combo(ActivityStatus), "Status")
        self.starts_on = self.watch("starts_on", DateField(today=controller.today), "First day")
        self.ends_on = self.watch("ends_on", DateField(today=controller.today), "Last day")
        self.ends_on.setPlaceholderText("empty: one day")
        self.city = self.watch("city", QLineEdit(), "City")
        self.country = self.watch("country", CountryField(), "Country")
        self.responsible = self.watch("responsible", QLineEdit(), "Responsible")
        self.responsible.setPlaceholderText("who in the secretariat runs it")
        self.plan_combo = self.watch("action_plan_id", QComboBox(), "Action plan")
        self.plan_combo.setToolTip("The action plan (Strategy ▸ Action plans) this activity carries out")
        self.action_plan = self.watch("action_plan", QLineEdit(), "Note on the plan")
        self.action_plan.setPlaceholderText("a note on the plan it serves")
        self.budget = self.watch("budget", MoneyField(), "Budget")
        self.price = self.watch("price", MoneyField(), "Price per participant")
        self.partner_model = CheckableListModel(self)
        self.partner_list = QListView()
        self.partner_list.setModel(self.partner_model)
        self.partner_list.setFixedHeight(124)
        self.partner_list.setToolTip("Tick the partners abroad taking part (Space ticks the selected one)")
        self.watch("partner_ids", self.partner_list, "Partners")
        self.partner_model.changed.connect(self._changed)
        self.description = self.watch("description", QPlainTextEdit(), "Description")
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(60)
        self.description.setMaximumHeight(110)
        add_row(form, "Na&me:", self.name)
        add_row(form, "&Kind:", self.kind, "Stat&us:", self.status)
        add_row(form, "&First day:", self.starts_on, "&Last day:", self.ends_on)
        add_row(form, "&City:", self.city, "Countr&y:", self.country)
        add_row(form, "Res&ponsible:", self.responsible)
        add_row(form, "&Action plan:", self.plan_combo, self.action_plan)
        add_row(form, "Bud&get:", self.budget, "Pr&ice per participant:", self.price)
        add_row(form, "Par&tners abroad:", self.partner_list)
        add_row(form, "D&escription:", self.description)

        self.template_combo = QComboBox()
        self.template_combo.setToolTip("A new activity gets its checklist from this template, with "
                                       "real due dates counted from its first and last day")
        self.checklist_label = QLabel()
        self.checklist_button = QPushButton("Open checklist")
        self.checklist_button.setToolTip("Tick off the checklist of this activity (Ctrl+L)")
        self.checklist_button.clicked.connect(self._open_checklist)
        add_row(form, "C&hecklist:", self.template_combo, self.checklist_label, self.checklist_button)
        self.kind.currentIndexChanged.connect(self._suggest_template)
        scroll.setWidget(body)
        self.tabs.addTab(scroll, "Details")

        self.participants = ParticipantsPanel(controller)
        self.tabs.addTab(self.participants, "Participants")
        self.participants.counts_changed.connect(self._participant_count)
        self.finish_layout(self.tabs)
        QShortcut(QKeySequence("Ctrl+L"), self, self._open_checklist)

    def reveal(self, widget: QWidget) -> None:
        self.tabs.setCurrentIndex(0)

    # --- load ------------------------------------------------------------------------------

    def _fill_choices(self) -> None:
        ctx = self.controller.ctx
        if ctx is None:
            return
        self.partner_model.set_choices([(r.id, r.name) for r in partner_service.list_partners(ctx)])
        self.templates = template_service.list_templates(ctx)
        self.template_combo.clear()
        self.template_combo.addItem("No checklist", None)
        for template in self.templates:
            self.template_combo.addItem(template.name, template.ref)
        self.plan_combo.clear()
        self.plan_combo.addItem("(none)", None)
        for plan in plan_service.plan_choices(ctx):
            self.plan_combo.addItem(plan.name, plan.id)

    def fill(self, detail) -> None:
        self._fill_choices()
        if detail is None:
            data = activity_service.ActivityInput(name="", starts_on=None)
            self.title.setText("New activity")
        else:
            data = detail.data
            self.title.setText(data.name + ("  (in the bin)" if detail.deleted else ""))
        self.name.setText(data.name)
        select_data(self.kind, data.kind)
        select_data(self.status, data.status)
        self.starts_on.set_date(data.starts_on)
        self.ends_on.set_date(data.ends_on)
        self.city.setText(data.city)
        self.country.set_code(data.country)
        self.responsible.setText(data.responsible)
        self.action_plan.setText(data.action_plan)
        if data.action_plan_id is not None and find_data(self.plan_combo, data.action_plan_id) < 0:
            self.plan_combo.addItem("(an action plan in the bin)", data.action_plan_id)
        self.plan_combo.setCurrentIndex(max(0, find_data(self.plan_combo, data.action_plan_id)))
        self.budget.set_money(data.budget)
        self.price.set_money(data.price)
        self.partner_model.set_checked(data.partner_ids)
        shown = {value for value, _label in self.partner_model.choices()}
        self.hidden_partner_ids = tuple(p for p in data.partner_ids if p not in shown)  # in the bin
        self.description.setPlainText(data.description)
        is_new = detail is None
        self.template_combo.setVisible(is_new)
        self.checklist_label.setVisible(not is_new)
        self.checklist_button.setVisible(not is_new)
        if is_new:
            self._suggest_template()
        else:
            progress = detail.progress
            self.checklist_label.setText(
                f"{progress} ({progress.percent} %)" if progress.total else "No items yet")
        self.participants.set_activity(None if is_new else detail.id)
        self.tabs.setTabEnabled(1, not is_new)

    def _suggest_template(self, *_args) -> None:
        if self.record_id is not None:
            return
        kind = self.kind.currentData()
        suited = next((t.ref for t in getattr(self, "templates", ()) if kind in t.suits), None)
        select_data(self.template_combo, suited)

    def _participant_count(self, text: str) -> None:
        self.tabs.setTabText(1, f"Participants ({text})" if text else "Participants")

    def _open_checklist(self) -> None:
        if self.record_id is not None:
            self.open_checklist_requested.emit(self.record_id)

    # --- save ------------------------------------------------------------------------------

    def collect(self) -> activity_service.ActivityInput:
        errors: dict[str, str] = {}
        values = {}
        for key, read in (("starts_on", self.starts_on.date), ("ends_on", self.ends_on.date),
                          ("country", self.country.code), ("budget", self.budget.money),
                          ("price", self.price.money)):
            try:
                values[key] = read()
            except (DateParseError, ValueError) as exc:
                errors[key], values[key] = str(exc), None
        if errors:
            raise ValidationError(errors)
        return activity_service.ActivityInput(
            name=self.name.text(), kind=self.kind.currentData(), status=self.status.currentData(),
            city=self.city.text(), responsible=self.responsible.text(),
            action_plan=self.action_plan.text(), action_plan_id=self.plan_combo.currentData(),
            description=self.description.toPlainText(),
            partner_ids=tuple(self.partner_model.checked()) + self.hidden_partner_ids,
            version=self.version, **values)

    def write(self, data):
        """Save; when the checklist's dates would already have passed (a new checklist, or
        the activity moving), ask first whether to catch up or keep them."""
        ctx = self.controller.ctx
        if self.record_id is None:
            ref = self.template_combo.currentData()
            template = template_service.get_template(ctx, ref) if ref else None
            past_dates = PastDates.KEEP
            if template is not None:
                checked = activity_service.validate_activity(data)
                plan = checklist_service.template_past_due(ctx, template, checked.starts_on,
                                                           checked.ends_on)
                if plan:
                    past_dates = ask_past_due(self, plan)
                    if past_dates is None:
                        return None
            result = self.controller.run_op(self, "Save activity", activity_service.create_activity,
                                            data, template, past_dates)
            if result is not None and result[0].caught_up:
                self.controller.status.emit(
                    f"Checklist made: {plural(result[0].caught_up, 'item')} whose handbook dates "
                    "had passed are due from today on.")
            return result
        checked = activity_service.validate_activity(data)
        plan = checklist_service.move_past_due(ctx, self.record_id, checked.starts_on, checked.ends_on)
        past_dates = PastDates.KEEP
        if plan:
            past_dates = ask_past_due(self, plan, moving=True)
            if past_dates is None:
                return None
        result = self.controller.run_op(self, "Save activity", activity_service.update_activity,
                                        self.record_id, data, past_dates)
        if result is not None and result[0].moved_items:
            detail = result[0]
            caught = (f" {plural(detail.caught_up, 'of them', 'of them')} had passed and "
                      "now fall due from today." if detail.caught_up else "")
            self.controller.status.emit(
                f"The activity moved: {plural(detail.moved_items, 'open checklist item')} moved "
                f"with it; done ones kept their dates.{caught}")
        return result

    def reload(self):
        return activity_service.get_activity(self.controller.ctx, self.record_id)
