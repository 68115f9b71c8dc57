"""Members ▸ Markets (handbook §1.2): the market-interest matrix, the market analyses and
the target markets, each a tab of its own."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QVBoxLayout

from ...common.tab import ListExport, TabPage
from .analyses import ANALYSIS_COLUMNS, AnalysesPanel
from .matrix import MatrixPanel
from .targets import TargetMarketsPanel


class MarketsView(TabPage):
    kinds = ("market_analyses", "target_markets", "member_markets", "members", "answer_sets")

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 8)
        self.tabs = QTabWidget()
        self.matrix = MatrixPanel(controller)
        self.analyses = AnalysesPanel(controller)
        self.targets = TargetMarketsPanel(controller)
        self.tabs.addTab(self.matrix, "Interest matrix")
        self.tabs.addTab(self.analyses, "Market analyses")
        self.tabs.addTab(self.targets, "Target markets")
        layout.addWidget(self.tabs)
        self.matrix.mark_requested.connect(self.targets.mark)
        self.matrix.overview_changed.connect(self.targets.show_overview)
        QShortcut(QKeySequence("Ctrl+T"), self, lambda: self.targets.mark(
            self.matrix.selected_country() if self.tabs.currentWidget() is self.matrix else None)
        ).setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def refresh(self) -> None:
        if self.ctx is None:
            return
        self.matrix.refresh()
        self.analyses.refresh()

    def confirm_discard(self) -> bool:
        return self.analyses.confirm_discard()

    def focus_primary(self) -> None:
        widget = self.tabs.currentWidget()
        (self.matrix.countries if widget is self.matrix else
         self.analyses.view if widget is self.analyses else self.targets.view).setFocus()

    def list_export(self) -> ListExport:
        widget = self.tabs.currentWidget()
        if widget is self.analyses:
            return ListExport("Market analyses", ANALYSIS_COLUMNS, self.analyses.rows())
        if widget is self.targets:
            return ListExport("Target markets", self.targets.columns, self.targets.model.rows())
        matrix = self.matrix.matrix_model
        return ListExport("Market interest", matrix.columns, matrix.rows())
