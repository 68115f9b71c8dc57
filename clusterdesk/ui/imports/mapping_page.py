"""Wizard step 2: which field each column goes into — suggested from the header names,
editable, and savable under a name for the next file of the same kind."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ...imports.fields import FIELD_BY_KEY, FIELDS, IGNORE, missing_required, suggest_mapping
from ...imports.rows import text_of
from ...services import imports as import_service
from ...services.errors import ValidationError
from ..common.forms import CountryField
from ..common.messages import confirm, show_error

SUGGESTED = "Suggested from the column names"
EXAMPLES = 3


class MappingPage(QWizardPage):
    def __init__(self, wizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle("Match the columns")
        self.setSubTitle("Each column of the file goes into one field, or is not imported. The "
                         "suggestion comes from the column names; change what is wrong.")
        layout = QVBoxLayout(self)
        top = QFormLayout()
        saved_row = QHBoxLayout()
        self.saved_combo = QComboBox()
        self.saved_combo.setMinimumContentsLength(28)
        self.saved_combo.activated.connect(lambda _i: self.apply_choice())
        self.save_button = QPushButton("Save &mapping as…")
        self.save_button.setToolTip("Keep this mapping under a name for the next file like this one")
        self.save_button.clicked.connect(lambda: self.save_mapping_as())
        self.delete_button = QPushButton("&Delete mapping")
        self.delete_button.clicked.connect(self.delete_mapping)
        saved_row.addWidget(self.saved_combo, 1)
        saved_row.addWidget(self.save_button)
        saved_row.addWidget(self.delete_button)
        saved_label = QLabel("Sa&ved mapping:")
        saved_label.setBuddy(self.saved_combo)
        top.addRow(saved_label, saved_row)
        self.country = CountryField(allow_empty=True)
        self.country.setMinimumContentsLength(24)
        self.country.setToolTip("Rows that name no country get this one; phone numbers without "
                                "a country code are read as this country's")
        country_row = QHBoxLayout()
        country_row.addWidget(self.country)
        country_row.addStretch(1)
        country_label = QLabel("Country of rows &without one:")
        country_label.setBuddy(self.country)
        top.addRow(country_label, country_row)
        layout.addLayout(top)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        layout.addWidget(self.scroll, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.combos: list[QComboBox] = []
        self._built_for = None

    # --- building -----------------------------------------------------------------------------

    def initializePage(self) -> None:  # noqa: N802
        source = self.wiz.source
        if source is None or self._built_for is source:
            return
        self._built_for = source
        self._fill_saved()
        self.country.set_code(self.wiz.default_country)
        self._build(source)
        self.apply_choice()

    def _fill_saved(self, select: str = "") -> None:
        self.saved_combo.clear()
        self.saved_combo.addItem(SUGGESTED, None)
        for mapping in import_service.saved_mappings(self.wiz.controller.ctx):
            self.saved_combo.addItem(mapping.name, mapping)
        if select:
            self.saved_combo.setCurrentIndex(max(0, self.saved_combo.findText(select)))
        self.delete_button.setEnabled(self.saved_combo.currentData() is not None)

    def _build(self, source) -> None:
        body = QWidget()
        grid = QGridLayout(body)
        grid.setColumnStretch(3, 1)
        for col, title in enumerate(("Column", "Name in the file", "Import as", "Examples")):
            label = QLabel(title)
            label.setProperty("role", "subheading")
            grid.addWidget(label, 0, col)
        data = source.data_rows()
        self.combos = []
        for i, column in enumerate(source.columns):
            examples = []
            for _number, cells in data:
                value = text_of(cells[column.index]) if column.index < len(cells) else ""
                if value and value not in examples:
                    examples.append(value)
                if len(examples) == EXAMPLES:
                    break
            grid.addWidget(QLabel(column.letter), i + 1, 0)
            grid.addWidget(QLabel(column.title), i + 1, 1)
            sample = QLabel(" · ".join(e[:40] for e in examples) or "(empty)")
            sample.setProperty("role", "hint")
            grid.addWidget(sample, i + 1, 3)
            combo = QComboBox()
            combo.setMinimumContentsLength(22)
            combo.addItem("— not imported —", IGNORE)
            for group in ("member", "contact"):
                combo.insertSeparator(combo.count())
                for f in FIELDS:
                    if f.group == group:
                        combo.addItem(f.label, f.key)
            combo.setAccessibleName(f"Import column {column.letter} ({column.title}) as")
            combo.currentIndexChanged.connect(lambda _i, n=i: self._changed(n))
            grid.addWidget(combo, i + 1, 2)
            self.combos.append(combo)
        grid.setRowStretch(len(source.columns) + 1, 1)
        self.scroll.setWidget(body)

    # --- the mapping --------------------------------------------------------------------------

    def mapping(self) -> list[str]:
        return [combo.currentData() or IGNORE for combo in self.combos]

    def set_mapping(self, mapping: list[str]) -> None:
        for combo, key in zip(self.combos, mapping, strict=False):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(key)))
            combo.blockSignals(False)
        self._update_status()

    def apply_choice(self) -> None:
        """The saved mapping chosen, or the suggestion from the headers."""
        source = self.wiz.source
        saved = self.saved_combo.currentData()
        if saved is None:
            self.set_mapping(suggest_mapping([(c.group, c.header) for c in source.columns]))
        else:
            self.set_mapping(saved.apply(source.columns))
            self.country.set_code(saved.default_country)
        self.delete_button.setEnabled(saved is not None)

    def _changed(self, index: int) -> None:
        key = self.combos[index].currentData()
        moved = ""
        if key:
            for other, combo in enumerate(self.combos):
                if other != index and combo.currentData() == key:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
                    moved = (f"“{FIELD_BY_KEY[key].label}” now comes from column "
                             f"{self.wiz.source.columns[index].letter}, no longer from "
                             f"{self.wiz.source.columns[other].letter}. ")
        self._update_status(moved)

    def _update_status(self, prefix: str = "") -> None:
        missing = missing_required(self.mapping())
        used = sum(1 for key in self.mapping() if key)
        if missing:
            self.status.setProperty("role", "error")
            self.status.setText(prefix + "Every row needs " + ", ".join(f"“{f.label}”" for f in missing)
                                + ": choose the column it is in.")
        else:
            self.status.setProperty("role", "hint")
            self.status.setText(prefix + f"{used} of {len(self.combos)} columns will be imported.")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.combos) and not missing_required(self.mapping())

    def validatePage(self) -> bool:  # noqa: N802
        try:
            country = self.country.code()
        except ValueError as exc:
            show_error(self, "Country", str(exc))
            return False
        saved = self.saved_combo.currentData()
        self.wiz.set_mapping(self.mapping(), country, saved.name if saved else "")
        return True

    # --- saved mappings -----------------------------------------------------------------------

    def save_mapping_as(self, name: str | None = None) -> bool:
        if name is None:
            current = self.saved_combo.currentData()
            name, ok = QInputDialog.getText(self, "Save mapping", "Name of the mapping:",
                                            text=current.name if current else self.wiz.source.path.stem)
            if not ok:
                return False
        try:
            country = self.country.code()
        except ValueError as exc:
            show_error(self, "Save mapping", str(exc))
            return False
        try:
            result = self.wiz.controller.run_op(self, "Save mapping", import_service.save_mapping,
                                                name, self.wiz.source.columns, self.mapping(), country)
        except ValidationError as exc:
            show_error(self, "Save mapping", " ".join(exc.errors.values()))
            return False
        if result is None:
            return False
        saved, _changes = result
        self._fill_saved(saved.name)
        self.wiz.controller.status.emit(f"Mapping “{saved.name}” saved.")
        return True

    def delete_mapping(self) -> None:
        saved = self.saved_combo.currentData()
        if saved is None or not confirm(self, "Delete mapping", f"Delete the mapping “{saved.name}”?",
                                        "Delete"):
            return
        self.wiz.controller.run_op(self, "Delete mapping", import_service.delete_mapping, saved.name)
        self._fill_saved()
        self.apply_choice()
