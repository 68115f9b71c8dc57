"""The editor of a strategy version: title, period and the sections as plain text, the
boundaries with the countries beside the cluster's target markets; approve (which archives
the version in force, after saying so), archive, copy as the next version, print."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import DateParseError
from ...domain.strategy import StrategyStatus
from ...services import markets as market_service
from ...services import strategy as strategy_service
from ..common.form_editor import FormEditor
from ..common.forms import CountryListField, DateField, refuse_with_everything, text_box
from .version_dialogs import ApproveDialog, CopyDialog

SECTION_TEXT = {key: (title, question) for key, title, question in strategy_service.SECTIONS}
# Each label's Alt letter, unique among what is on screen: the menus (F, E, V, H), the list
# (New, Delete, Bin), Revert and Save, and the editor's own buttons (Approve, Archive, Copy).
MNEMONICS = {"mission_vision": "&Mission and vision for the international work",
             "target_groups": "Tar&get groups", "markets": "Mar&kets", "sectors": "Sect&ors",
             "focus_areas": "Foc&us areas and priorities",
             "overall_link": "&Link to the overall strategy", "process": "Ho&w this strategy was made"}


HEIGHTS = {"mission_vision": 112, "target_groups": 80, "markets": 58, "sectors": 58, "focus_areas": 104,
           "overall_link": 70, "process": 70}  # pixels: about what each section usually holds


class VersionEditor(FormEditor):
    noun = "strategy version"
    services = (strategy_service.create_strategy, strategy_service.update_strategy, strategy_service.get_strategy)
    copied = Signal(object)  # the new draft's detail
    pdf_requested = Signal()

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        self.detail = None
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 8, 0)

        top = QHBoxLayout()
        self.title_edit = self.watch("title", QLineEdit(), "Title")
        self.title_edit.setPlaceholderText("e.g. International strategy 2025–2027")
        self.period_from = self.watch("period_from", DateField(today=controller.today), "Period from")
        self.period_to = self.watch("period_to", DateField(today=controller.today), "Period to")
        for widget, width in ((self.period_from, 110), (self.period_to, 110)):
            widget.setMaximumWidth(width)
        top.addWidget(self._label("&Title:", self.title_edit))
        top.addWidget(self.title_edit, 1)
        top.addWidget(self._label("&Period:", self.period_from))
        top.addWidget(self.period_from)
        top.addWidget(QLabel("–"))
        top.addWidget(self.period_to)
        column.addLayout(top)
        self.status = QLabel()
        self.status.setProperty("role", "hint")
        self.status.setWordWrap(True)
        column.addWidget(self.status)

        self.texts: dict[str, QPlainTextEdit] = {}
        for key in ("mission_vision", "target_groups"):
            self._section(column, key)
        boundaries = QLabel("Boundaries")
        boundaries.setProperty("role", "subheading")
        column.addWidget(boundaries)
        self.countries = self.watch("countries", CountryListField(), "Countries")
        self.countries.setPlaceholderText("the countries the work aims at, e.g. Germany, Netherlands, Norway")
        countries_row = QHBoxLayout()
        countries_row.addWidget(self._label("Countr&ies:", self.countries))
        countries_row.addWidget(self.countries, 1)
        self.add_targets = QPushButton("Add the target markets")
        self.add_targets.setToolTip("Add the countries marked as target markets in Members ▸ Markets")
        self.add_targets.clicked.connect(self.add_target_markets)
        countries_row.addWidget(self.add_targets)
        column.addLayout(countries_row)
        self.targets_hint = QLabel()
        self.targets_hint.setProperty("role", "hint")
        self.targets_hint.setWordWrap(True)
        column.addWidget(self.targets_hint)
        self.countries.textChanged.connect(self._show_target_markets)
        for key in ("markets", "sectors", "focus_areas", "overall_link", "process"):
            self._section(column, key)
        column.addStretch(1)
        scroll.setWidget(body)

        self.approve_button = QPushButton("&Approve…")
        self.approve_button.setToolTip("Record the board's approval; the version in force is archived")
        self.approve_button.clicked.connect(self.approve)
        self.archive_button = QPushButton("Ar&chive")
        self.archive_button.setToolTip("This version is no longer in force (it is kept)")
        self.archive_button.clicked.connect(self.archive)
        self.copy_button = QPushButton("Cop&y as next version…")
        self.copy_button.setToolTip("A new draft with these sections and KPIs, for the next period")
        self.copy_button.clicked.connect(self.copy_version)
        self.pdf_button = QPushButton("Document (PDF)…")
        self.pdf_button.setToolTip("The strategy document: title page, sections, KPIs with charts, "
                                   "action plans (Ctrl+P)")
        self.pdf_button.clicked.connect(self.pdf_requested)
        for n, button in enumerate((self.approve_button, self.archive_button, self.copy_button,
                                    self.pdf_button)):
            self.buttons.insertWidget(n, button)
        self.finish_layout(scroll)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _section(self, column: QVBoxLayout, key: str) -> None:
        title, question = SECTION_TEXT[key]
        box = self.watch(key, text_box(HEIGHTS[key], question), title)
        label = QLabel(MNEMONICS[key])
        label.setProperty("role", "subheading")
        label.setBuddy(box)
        label.setToolTip(question)
        column.addWidget(label)
        column.addWidget(box)
        self.texts[key] = box

    # --- load ------------------------------------------------------------------------------------

    def fill(self, detail) -> None:
        self.detail = detail
        data = detail.data if detail is not None else strategy_service.StrategyInput("")
        self.title.setText("New draft" if detail is None else
                           data.title + ("  (in the bin)" if detail.deleted else ""))
        self.title_edit.setText(data.title)
        self.period_from.set_date(data.period_from)
        self.period_to.set_date(data.period_to)
        self.countries.set_codes(data.countries)
        for key, box in self.texts.items():
            box.setPlainText(getattr(data, key))
        if detail is None:
            self.status.setText("A new draft. Save it (Ctrl+S), then add KPIs and action plans.")
        else:
            parts = [detail.status_text + (f" ({detail.approved_by})" if detail.approved_by else "")]
            if detail.copied_from:
                parts.append(f"copied from “{detail.copied_from}”")
            parts.append(f"{detail.kpis} KPIs, {detail.plans} action plans")
            if detail.updated_by:
                parts.append(f"last saved by {detail.updated_by}")
            self.status.setText(" · ".join(parts))
        saved = detail is not None and not detail.deleted
        status = detail.status if detail is not None else ""
        self.approve_button.setEnabled(saved and status != StrategyStatus.APPROVED.value)
        self.archive_button.setEnabled(saved and status == StrategyStatus.APPROVED.value)
        self.copy_button.setEnabled(saved)
        self.pdf_button.setEnabled(saved)
        self._show_target_markets()

    def _target_markets(self) -> list:
        ctx = self.controller.ctx
        return market_service.list_target_markets(ctx) if ctx is not None else []

    def _show_target_markets(self, *_args) -> None:
        markets = self._target_markets()
        if not markets:
            self.targets_hint.setText("No target markets marked yet (Members ▸ Markets).")
            self.add_targets.setEnabled(False)
            return
        try:
            chosen = set(self.countries.codes())
        except ValueError:
            chosen = set()
        names = [f"{m.name} ✓" if m.country in chosen else m.name for m in markets]
        missing = [m for m in markets if m.country not in chosen]
        self.targets_hint.setText("The cluster's target markets (Members ▸ Markets): " + ", ".join(names)
                                  + ("" if missing else " — all in this strategy."))
        self.add_targets.setEnabled(bool(missing))

    def add_target_markets(self) -> None:
        try:
            codes = list(self.countries.codes())
        except ValueError as exc:
            self.show_errors({"countries": str(exc)})
            return
        codes += [m.country for m in self._target_markets() if m.country not in codes]
        self.countries.set_codes(codes)

    # --- save --------------------------------------------------------------------------------

    def collect(self) -> strategy_service.StrategyInput:
        errors: dict[str, str] = {}
        values = {}
        for key, read in (("period_from", self.period_from.date), ("period_to", self.period_to.date),
                          ("countries", self.countries.codes)):
            try:
                values[key] = read()
            except (DateParseError, ValueError) as exc:
                errors[key], values[key] = str(exc), None if key != "countries" else ()
        data = strategy_service.StrategyInput(
            title=self.title_edit.text(), version=self.version,
            **{key: box.toPlainText() for key, box in self.texts.items()}, **values)
        refuse_with_everything(errors, lambda: strategy_service.validate_strategy(data))
        return data

    # --- approve, archive, copy ------------------------------------------------------------------

    def _saved_first(self) -> bool:
        return not self.dirty or self.save()

    def approve(self) -> None:
        if self.record_id is None or not self._saved_first():
            return
        in_force = strategy_service.approved_strategy(self.controller.ctx)
        if in_force is not None and in_force.id == self.record_id:
            in_force = None
        dialog = ApproveDialog(self.controller, self.detail, in_force, self)
        if dialog.exec():
            self.load(dialog.result_detail)
            self.saved.emit(dialog.result_detail)

    def archive(self) -> None:
        if self.record_id is None or not self._saved_first():
            return
        result = self.controller.run_op(self, "Archive strategy version", strategy_service.archive_strategy,
                                        self.record_id)
        if result is not None:
            self.load(result[0])
            self.controller.status.emit(f"“{result[0].data.title}” is archived; no version is in force now.")

    def copy_version(self) -> None:
        if self.record_id is None or not self._saved_first():
            return
        dialog = CopyDialog(self.controller, self.detail, self)
        if dialog.exec():
            detail = dialog.result_detail
            self.controller.status.emit(
                f"“{detail.data.title}” started as a draft with {detail.kpis} KPIs "
                f"(baselines where they stand now).")
            self.copied.emit(detail)
