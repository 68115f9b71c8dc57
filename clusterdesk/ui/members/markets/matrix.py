"""The market-interest matrix (handbook §1.2): how many members want each country, from
their profiles and their answers, beside what the analyses say — and the members × countries
grid beneath. Ctrl+T marks the selected country as a target market."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ....domain.enums import InternationalOrientation
from ....domain.markets import ATTRACTIVENESS, InterestSource, cell_text
from ....services import markets as market_service
from ...common.charts import ChartView, bar_chart
from ...common.export import default_export_folder
from ...common.messages import show_error
from ...common.table_model import Column, RowTableModel
from ...common.tables import row_at, sorted_table, table_view
from ...common.theme import ACCENT, is_dark

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter
CHART_COUNTRIES = 12


class MatrixPanel(QWidget):
    mark_requested = Signal(object)  # country code or None
    overview_changed = Signal(object)  # MarketOverview

    def __init__(self, controller, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.overview: market_service.MarketOverview | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        bar = QHBoxLayout()
        self.text = QLineEdit()
        self.text.setPlaceholderText("Filter members by name, city, sector, tag…")
        self.text.setClearButtonEnabled(True)
        self.orientation = QComboBox()
        self.orientation.addItem("Any orientation", None)
        for value, label in InternationalOrientation.choices():
            self.orientation.addItem(label, value)
        bar.addWidget(self.text, 2)
        bar.addWidget(self.orientation)
        self.sources: dict[str, QCheckBox] = {}
        for source, text in ((InterestSource.PROFILE, "&Profiles"), (InterestSource.SURVEY, "S&urveys"),
                             (InterestSource.CAMPAIGN, "Ca&mpaigns")):
            box = QCheckBox(text)
            box.setChecked(True)
            box.setToolTip(f"Count interest recorded in {source.label.lower()}s")
            box.toggled.connect(lambda _c: self.refresh())
            self.sources[source.value] = box
            bar.addWidget(box)
        self.mark_button = QPushButton("Mark as &target…")
        self.mark_button.setToolTip("Mark the selected country as a target market (Ctrl+T)")
        self.mark_button.clicked.connect(lambda: self.mark_requested.emit(self.selected_country()))
        self.export_button = QPushButton("E&xport…")
        self.export_button.setToolTip("The countries and the members × countries matrix to Excel")
        self.export_button.clicked.connect(self.export_dialog)
        bar.addWidget(self.mark_button)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self._timer = QTimer(self, singleShot=True, interval=200, timeout=self.refresh)
        self.text.textChanged.connect(lambda _t: self._timer.start())
        self.orientation.currentIndexChanged.connect(lambda _i: self.refresh())

        vertical = QSplitter(Qt.Orientation.Vertical)
        top = QSplitter(Qt.Orientation.Horizontal)
        self.chart = ChartView()
        top.addWidget(self.chart)
        self.country_columns = (
            Column("name", "Country", lambda c: ("★ " if c.is_target else "") + c.name, width=150),
            Column("members", "Members", lambda c: c.members, align=RIGHT, width=65),
            Column("share", "Share", lambda c: self._share(c.members),
                   lambda v: f"{v:.0%}" if v is not None else "", align=RIGHT, width=55),
            *(Column(s.value, {"profile": "Profiles", "survey": "Surveys", "campaign": "Campaigns"}[s.value],
                     lambda c, s=s.value: c.by_source.get(s, 0), align=RIGHT, width=75)
              for s in InterestSource),
            Column("analyses", "Analyses", lambda c: self._analyses(c.code)[0], align=RIGHT, width=65),
            Column("attractiveness", "Attractive", lambda c: self._analyses(c.code)[1],
                   lambda v: ATTRACTIVENESS.get(v, "") if v else "", width=95),
        )
        self.country_model = RowTableModel(self.country_columns, parent=self)
        self.country_model.decorate = self._country_decor
        self.countries, self.country_proxy = sorted_table(
            self.country_model, self.country_columns, sort_column=1,
            order=Qt.SortOrder.DescendingOrder, row_height=22, parent=self)
        self.countries.horizontalHeader().setStretchLastSection(True)
        self.countries.activated.connect(lambda _i: self.mark_requested.emit(self.selected_country()))
        self.countries.selectionModel().currentRowChanged.connect(self._country_chosen)
        top.addWidget(self.countries)
        top.setSizes([520, 740])
        vertical.addWidget(top)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setProperty("role", "hint")
        bottom_layout.addWidget(self.summary)
        self.matrix_model = _MatrixModel([], parent=self)
        self.matrix = table_view(self.matrix_model, row_height=22)
        bottom_layout.addWidget(self.matrix, 1)
        vertical.addWidget(bottom)
        vertical.setSizes([300, 330])
        layout.addWidget(vertical, 1)

    # --- data ----------------------------------------------------------------------------

    def matrix_filter(self) -> market_service.MatrixFilter:
        sources = frozenset(k for k, box in self.sources.items() if box.isChecked())
        return market_service.MatrixFilter(sources, self.orientation.currentData(), self.text.text())

    def refresh(self) -> None:
        if self.controller.ctx is None:  # a filter timer may fire as the workspace closes
            return
        self.overview = market_service.market_overview(self.controller.ctx, self.matrix_filter())
        matrix = self.overview.matrix
        self.country_model.set_rows(matrix.countries)
        shown = [c for c in matrix.countries if c.members][:CHART_COUNTRIES]
        chosen = [s for s in InterestSource if self.sources[s.value].isChecked()]
        self.chart.show_chart(bar_chart(
            [("★ " if c.is_target else "") + c.name for c in shown],
            [(s.label, [c.by_source.get(s.value, 0) for c in shown]) for s in chosen],
            title=f"Interest by source, top {len(shown)} countries", stacked=True))
        codes = [c.code for c in matrix.countries]
        columns = [Column("name", "Member", lambda r: r.name, width=200),
                   Column("orientation", "International",
                          lambda r: InternationalOrientation(r.orientation).label, width=120)]
        columns += [Column(code, c.name, lambda r, code=code: cell_text(r.sources(code)),
                           align=CENTER, width=max(60, 8 * len(c.name)),
                           tooltip=lambda r, code=code, name=c.name: self._cell_tip(r, code, name))
                    for code, c in zip(codes, matrix.countries, strict=True)]
        self.matrix_model.beginResetModel()
        self.matrix_model.columns = columns
        self.matrix_model.endResetModel()
        self.matrix_model.set_rows(matrix.rows)
        for i, column in enumerate(columns):
            self.matrix.setColumnWidth(i, column.width)
        self.summary.setText(
            f"{matrix.member_count} of {self.overview.members_total} members have a market of "
            "interest. P = member profile, S = survey answer, C = campaign answer.")
        self.overview_changed.emit(self.overview)

    def _share(self, members: int):
        total = self.overview.members_total if self.overview else 0
        return members / total if total else None

    def _analyses(self, code: str) -> tuple[int, int | None]:
        found = self.overview.analyses.get(code) if self.overview else None
        return (found.count, found.latest_attractiveness) if found else (0, None)

    def _country_decor(self, row, role):
        if role == Qt.ItemDataRole.FontRole and row.is_target:
            font = QFont()
            font.setBold(True)
            return font
        return None

    @staticmethod
    def _cell_tip(row, code: str, name: str) -> str:
        sources = row.sources(code)
        if not sources:
            return f"{row.name}: no interest in {name} recorded"
        return f"{row.name} — {name}: " + ", ".join(
            s.label.lower() for s in InterestSource if s.value in sources)

    def selected_country(self) -> str | None:
        row = row_at(self.countries)
        return row.code if row else None

    def _country_chosen(self, current, _previous) -> None:
        code = self.selected_country()
        if code is None:
            return
        column = next((i for i, c in enumerate(self.matrix_model.columns) if c.key == code), None)
        if column is not None and self.matrix_model.rowCount():
            self.matrix.scrollTo(self.matrix_model.index(0, column))
            self.matrix.selectColumn(column)

    # --- export --------------------------------------------------------------------------

    def export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export the market-interest matrix",
                                              str(default_export_folder() / "Market interest.xlsx"),
                                              "Excel workbook (*.xlsx)")
        if path:
            self.export_to(Path(path if path.endswith(".xlsx") else path + ".xlsx"))

    def export_to(self, target: Path) -> None:
        from ....exports.markets import write_market_matrix

        overview = self.overview

        def done(counts) -> None:
            self.controller.status.emit(f"Exported {counts[0]} countries and {counts[1]} members to {target}")

        def failed(exc: BaseException, _trace: str) -> None:
            show_error(self, "Export matrix", f"The export failed: {exc}")

        self.controller.runner.run(lambda: write_market_matrix(target, overview), done, failed)


class _MatrixModel(RowTableModel):
    """Members × countries; a cell with interest is tinted, so the pattern shows at a glance."""

    FIRST_COUNTRY = 2

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid() \
                and index.column() >= self.FIRST_COUNTRY:
            if self.columns[index.column()].text(self.row_at(index.row())):
                color = QColor(ACCENT)
                color.setAlpha(110 if is_dark() else 55)
                return QBrush(color)
            return None
        return super().data(index, role)
