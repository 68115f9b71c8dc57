"""The action plan editor (§3.6), a tab for each part: the plan (purpose, period, who is
responsible, dissemination, budget and the activities that carry it out), its targets, its
sub-activities and its participants. One Save (Ctrl+S) keeps it all; a refused row is named
by its number and the typing stays."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import DateParseError, parse_date
from ...domain.formatting import format_money_compact, format_quantity
from ...domain.questionnaires import parse_number
from ...domain.strategy import TargetTerm
from ...services import action_plans as plan_service
from ...services import campaigns as campaign_service
from ...services.errors import ValidationError
from ..common.form_editor import FormEditor
from ..common.forms import DateField, MoneyField, add_row, entry_text, scrolled_form, text_box
from .common import StrategyChoice
from .plan_members import PlanMembers
from .plan_rows import TARGET_COLUMNS, SubActivityRowsModel, TargetRowsModel, TermDelegate

PLAN_TAB, TARGETS_TAB, SUBS_TAB, PEOPLE_TAB = range(4)


def _grid(model, columns, stretch: int) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers
                         & ~QAbstractItemView.EditTrigger.CurrentChanged)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.verticalHeader().setDefaultSectionSize(24)
    view.setWordWrap(False)
    for i, column in enumerate(columns):
        view.setColumnWidth(i, column.width)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)  # the text column
    return view


class ActionPlanEditor(FormEditor):
    noun = "action plan"
    services = (plan_service.create_action_plan, plan_service.update_action_plan, plan_service.get_action_plan)
    export_requested = Signal(str)  # "pdf" or "xlsx"
    activity_clicked = Signal(object)  # activity id

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._plan_tab(controller), "Plan")
        self.targets = TargetRowsModel(TARGET_COLUMNS, self)
        self.target_view = _grid(self.targets, TARGET_COLUMNS, stretch=1)
        self.target_view.setItemDelegateForColumn(0, TermDelegate(self.target_view))
        self.tabs.addTab(self._rows_tab(self.target_view, self.targets, "targets", "Targets",
                                        "Short-term (output) and long-term (effect) targets, each with the "
                                        "number aimed at. Insert adds a row, Delete removes one."), "Targets")
        self.subs = SubActivityRowsModel(lambda: controller.prefs.actor, controller.today, self)
        self.sub_view = _grid(self.subs, self.subs.columns, stretch=1)
        self.tabs.addTab(self._rows_tab(self.sub_view, self.subs, "sub_activities", "Sub-activities",
                                        "Say how much, how many or by when, so one can tell whether it was "
                                        "carried out. Space or Ctrl+D ticks it off."), "Sub-activities")
        toggle = QShortcut(QKeySequence("Ctrl+D"), self.sub_view,
                           lambda: self.subs.toggle_done(self.sub_view.currentIndex().row()))
        toggle.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # Space on any cell of a row ticks it (QA: on a text cell it started an edit that
        # replaced the text with a space); while a cell is being edited Space types a space.
        space = QShortcut(QKeySequence(Qt.Key.Key_Space), self.sub_view,
                          lambda: self.subs.toggle_done(self.sub_view.currentIndex().row()))
        space.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.members = PlanMembers(controller)
        self.members.changed.connect(self._changed)
        self.watch("member_ids", self.members.view, "Members")
        self.institutions = self.watch(
            "institutions", text_box(70, "Research institutions and other bodies taking part"), "Institutions")
        self.members.layout().addWidget(QLabel("&Institutions:", buddy=self.institutions))
        self.members.layout().addWidget(self.institutions)
        self.tabs.addTab(self.members, "Participants")
        for model in (self.targets, self.subs):
            model.changed.connect(self._changed)
            model.changed.connect(self._count_tabs)
        self.members.changed.connect(self._count_tabs)

        self.pdf_button = QPushButton("PDF…")
        self.pdf_button.setToolTip("The action plan as PDF, for the board and the project group (Ctrl+P)")
        self.pdf_button.clicked.connect(lambda: self.export_requested.emit("pdf"))
        self.xlsx_button = QPushButton("Excel…")
        self.xlsx_button.setToolTip("The action plan as an Excel workbook: plan, targets, sub-activities, "
                                    "participants, activities")
        self.xlsx_button.clicked.connect(lambda: self.export_requested.emit("xlsx"))
        self.buttons.insertWidget(0, self.pdf_button)
        self.buttons.insertWidget(1, self.xlsx_button)
        self.finish_layout(self.tabs)

    def _plan_tab(self, controller) -> QWidget:
        scroll, form = scrolled_form()
        self.name = self.watch("name", QLineEdit(), "Name")
        self.name.setPlaceholderText("e.g. Action plan 2027: Germany")
        self.strategy = self.watch("strategy_id", StrategyChoice("(no strategy version)"), "Strategy version")
        self.responsible = self.watch("responsible", QComboBox(), "Responsible")
        self.responsible.setEditable(True)
        self.responsible.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.starts_on = self.watch("starts_on", DateField(today=controller.today), "Starts")
        self.ends_on = self.watch("ends_on", DateField(today=controller.today), "Until")
        self.purpose = self.watch("purpose", text_box(
            110, "The overall purpose: how will it benefit the participants, the companies above all?"),
            "Purpose")
        self.dissemination = self.watch("dissemination", text_box(
            84, "Marketing and knowledge sharing planned around the activities"), "Dissemination")
        self.budget = self.watch("budget", MoneyField(), "Budget")
        self.budget.setToolTip("An estimate of the total cost")
        self.budget_note = self.watch("budget_note", QLineEdit(), "Budget note")
        self.budget_note.setPlaceholderText("how it is financed, what is included")
        self.activities = QLabel()
        self.activities.setWordWrap(True)
        self.activities.setTextFormat(Qt.TextFormat.RichText)
        self.activities.linkActivated.connect(lambda href: self.activity_clicked.emit(href))
        # Alt letters unique among the menus, the list (New, Delete, Bin), Revert and Save.
        add_row(form, "Na&me:", self.name)
        add_row(form, "Strateg&y version:", self.strategy)
        add_row(form, "Res&ponsible:", self.responsible)
        add_row(form, "S&tarts:", self.starts_on, "&Until:", self.ends_on)
        add_row(form, "Purp&ose:", self.purpose)
        add_row(form, "D&issemination:", self.dissemination)
        add_row(form, "Bud&get:", self.budget)
        add_row(form, "Budget note:", self.budget_note)
        form.addRow("Activities:", self.activities)
        return scroll

    def _rows_tab(self, view: QTableView, model, key: str, label: str, hint: str) -> QWidget:
        self.watch(key, view, label)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 6, 0, 0)
        explain = QLabel(hint)
        explain.setProperty("role", "hint")
        explain.setWordWrap(True)
        layout.addWidget(explain)
        layout.addWidget(view, 1)
        buttons = QHBoxLayout()
        for text, tip, slot in (("Add row", "Add a row below the selected one (Insert)", lambda: self._add_row(view, model)),
                                ("Remove row", "Remove the selected row (Delete)", lambda: self._remove_row(view, model)),
                                ("Up", "Move the row up (Ctrl+Up)", lambda: self._move_row(view, model, -1)),
                                ("Down", "Move the row down (Ctrl+Down)", lambda: self._move_row(view, model, 1))):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        for keys, slot in ((QKeySequence(Qt.Key.Key_Insert), lambda: self._add_row(view, model)),
                           (QKeySequence.StandardKey.Delete, lambda: self._remove_row(view, model)),
                           (QKeySequence("Ctrl+Up"), lambda: self._move_row(view, model, -1)),
                           (QKeySequence("Ctrl+Down"), lambda: self._move_row(view, model, 1))):
            shortcut = QShortcut(keys, view, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        return box

    def _add_row(self, view: QTableView, model) -> None:
        current = view.currentIndex()
        row = model.insert_row(current.row() + 1 if current.isValid() else model.rowCount())
        index = model.index(row, 1)
        view.setCurrentIndex(index)
        view.setFocus()
        view.edit(index)

    def _remove_row(self, view: QTableView, model) -> None:
        if view.currentIndex().isValid():
            model.remove_row(view.currentIndex().row())

    def _move_row(self, view: QTableView, model, delta: int) -> None:
        index = view.currentIndex()
        if index.isValid():
            view.setCurrentIndex(model.index(model.move_row(index.row(), delta), index.column()))

    def reveal(self, widget: QWidget) -> None:
        for tab, widgets in ((TARGETS_TAB, (self.target_view,)), (SUBS_TAB, (self.sub_view,)),
                             (PEOPLE_TAB, (self.members.view, self.institutions))):
            if widget in widgets:
                self.tabs.setCurrentIndex(tab)
                return
        self.tabs.setCurrentIndex(PLAN_TAB)

    def _count_tabs(self, *_args) -> None:
        done = sum(1 for r in self.subs.rows() if r.get("done"))
        self.tabs.setTabText(TARGETS_TAB, f"Targets ({self.targets.rowCount()})")
        self.tabs.setTabText(SUBS_TAB, f"Sub-activities ({done}/{self.subs.rowCount()})")
        self.tabs.setTabText(PEOPLE_TAB, f"Participants ({self.members.count()})")

    # --- load ------------------------------------------------------------------------------------

    def fill(self, detail) -> None:
        ctx = self.controller.ctx
        if ctx is not None:
            self.strategy.fill(ctx)
            self.responsible.clear()
            self.responsible.addItems(["", *campaign_service.known_staff(ctx)])
        if detail is None:
            data = plan_service.ActionPlanInput("", strategy_id=self.strategy.currentData())
            self.title.setText("New action plan")
            subs, members, activities = (), (), ()
        else:
            data = detail.data
            self.title.setText(data.name + ("  (in the bin)" if detail.deleted else ""))
            subs, members, activities = detail.sub_activities, detail.members, detail.activities
        self.name.setText(data.name)
        self.strategy.choose(data.strategy_id)
        self.responsible.setEditText(data.responsible)
        self.starts_on.set_date(data.starts_on)
        self.ends_on.set_date(data.ends_on)
        self.purpose.setPlainText(data.purpose)
        self.dissemination.setPlainText(data.dissemination)
        self.budget.set_money(data.budget)
        self.budget_note.setText(data.budget_note)
        self.institutions.setPlainText(data.institutions)
        self.targets.set_rows([{"id": t.id, "term": t.term, "description": t.description,
                                "target": format_quantity(t.target), "achieved": format_quantity(t.achieved),
                                "unit": t.unit} for t in data.targets])
        self.subs.set_rows([{"id": s.id, "done": s.done, "done_at": s.done_at, "done_by": s.done_by,
                             "text": s.text, "owner": s.owner,
                             "due": entry_text(s.due_on), "note": s.note}
                            for s in subs])
        self.members.set_members(members)
        links = [f'<a href="{a.id}">{a.name}</a> ({a.when}' + (f", {format_money_compact(a.budget)}" if a.budget else "")
                 + ")" for a in activities]
        total = " + ".join(format_money_compact(m) for m in detail.activity_budgets()) if detail is not None else ""
        budgets = [f"Budget “{b.name}” (Finance): costs {format_money_compact(b.costs)}, funding "
                   f"{format_money_compact(b.funding)}, gap {format_money_compact(b.gap)}" for b in (detail.budgets if detail else ())]
        self.activities.setText(("<br>".join(links) + (f"<br><i>Together: {total}</i>" if total else "")
                                 + "".join(f"<br>{b}" for b in budgets))
                                or "<i>None yet — link an activity to this plan in Missions ▸ Activities.</i>")
        saved = detail is not None
        self.pdf_button.setEnabled(saved)
        self.xlsx_button.setEnabled(saved)
        self._count_tabs()

    def select_sub_activity(self, sub_activity_id) -> bool:
        for row, values in enumerate(self.subs.rows()):
            if values.get("id") == sub_activity_id:
                self.tabs.setCurrentIndex(SUBS_TAB)
                self.sub_view.setCurrentIndex(self.subs.index(row, 1))
                self.sub_view.setFocus()
                return True
        return False

    # --- save --------------------------------------------------------------------------------

    def _targets(self, errors: dict[str, str]) -> tuple:
        rows, problems = [], []
        for number, r in enumerate(self.targets.rows(), start=1):
            values = {}
            for key, title in (("target", "Aimed at"), ("achieved", "Achieved")):
                try:
                    values[key] = parse_number(str(r.get(key) or ""))
                except ValueError as exc:
                    problems.append(f"row {number}, {title}: {exc}")
                    values[key] = None
            rows.append(plan_service.TargetInput(str(r.get("description") or ""), values["target"],
                                                 r.get("term") or TargetTerm.OUTPUT.value, str(r.get("unit") or ""),
                                                 values["achieved"], r.get("id")))
        if problems:
            errors["targets"] = "; ".join(problems)
        return tuple(rows)

    def _sub_activities(self, errors: dict[str, str]) -> tuple:
        rows, problems = [], []
        for number, r in enumerate(self.subs.rows(), start=1):
            try:
                due = parse_date(str(r.get("due") or ""), self.controller.today())
            except DateParseError as exc:
                problems.append(f"row {number}, Due: {exc}")
                due = None
            rows.append(plan_service.SubActivityInput(str(r.get("text") or ""), str(r.get("owner") or ""), due,
                                                      bool(r.get("done")), str(r.get("note") or ""), r.get("id")))
        if problems:
            errors["sub_activities"] = "; ".join(problems)
        return tuple(rows)

    def _commit_open_cell(self) -> None:
        """Ctrl+S while a cell is still being typed in saves what it holds (Qt would only take
        it on Enter or when the cell loses the keyboard)."""
        focus = QApplication.focusWidget()
        for view in (self.target_view, self.sub_view):
            if view.state() == QAbstractItemView.State.EditingState and focus is not None \
                    and view.isAncestorOf(focus):
                view.commitData(focus)

    def collect(self) -> plan_service.ActionPlanInput:
        self._commit_open_cell()
        errors: dict[str, str] = {}
        values = {}
        for key, read in (("starts_on", self.starts_on.date), ("ends_on", self.ends_on.date),
                          ("budget", self.budget.money)):
            try:
                values[key] = read()
            except (DateParseError, ValueError) as exc:
                errors[key], values[key] = str(exc), None
        data = plan_service.ActionPlanInput(
            name=self.name.text(), strategy_id=self.strategy.currentData(),
            responsible=self.responsible.currentText(), purpose=self.purpose.toPlainText(),
            institutions=self.institutions.toPlainText(), dissemination=self.dissemination.toPlainText(),
            budget_note=self.budget_note.text(), targets=self._targets(errors),
            sub_activities=self._sub_activities(errors), member_ids=self.members.member_ids(),
            version=self.version, **values)
        if errors:  # what could not be read, and what the service refuses in the rest, at once
            try:
                plan_service.validate_action_plan(data)
            except ValidationError as exc:
                for key, message in exc.errors.items():
                    errors[key] = f"{errors[key]}; {message}" if key in errors else message
            raise ValidationError(errors)
        return data
