"""The editor of one person in the secretariat: role, the share of their time given to
international work, languages with a level each, international experience, education abroad
and international background (handbook §2.1)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
)

from ...domain.enums import LanguageLevel
from ...domain.languages import language_name
from ...services import secretariat as staff_service
from ..common.editable_rows import EditColumn
from ..common.form_editor import FormEditor
from ..common.forms import LanguageField, add_row, scrolled_form, text_box
from ..common.rows_table import RowsTable

LANGUAGE_COLUMNS = (
    EditColumn("language", "Language", 170, "Type or pick it: German, tysk, Deutsch, de"),
    EditColumn("level", "Level", 0, "Working knowledge and up counts for work in a market",
               choices=tuple(LanguageLevel.choices())),
)


class LanguageDelegate(QStyledItemDelegate):
    """Edits a language cell with the language field that also understands 'tysk' or 'de'."""

    def createEditor(self, parent, option, index):  # noqa: N802
        return LanguageField(parent)

    def setEditorData(self, editor: LanguageField, index) -> None:  # noqa: N802
        editor.setEditText(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(self, editor: LanguageField, model, index) -> None:  # noqa: N802
        model.setData(index, editor.currentText().strip(), Qt.ItemDataRole.EditRole)


class StaffEditor(FormEditor):
    noun = "person"
    services = (staff_service.create_staff, staff_service.update_staff, staff_service.get_staff)

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        scroll, form = scrolled_form()
        self.name = self.watch("name", QLineEdit(), "Name")
        self.initials = self.watch("initials", QLineEdit(), "Initials")
        self.initials.setMaximumWidth(70)
        self.role = self.watch("role", QLineEdit(), "Role")
        self.share = self.watch("international_share", QSpinBox(), "International work")
        self.share.setRange(0, 100)
        self.share.setSuffix(" % of the time")
        self.share.setToolTip("The share of this person's working time that goes to international work")
        self.share.valueChanged.connect(self._changed)
        self.languages = RowsTable(LANGUAGE_COLUMNS, noun="language", height=92,
                                   defaults={"level": LanguageLevel.WORKING.value})
        self.languages.view.setItemDelegateForColumn(0, LanguageDelegate(self.languages.view))
        self.watch("languages", self.languages.view, "Languages")
        self.languages.changed.connect(self._changed)
        self.years = self.watch("experience_years", QSpinBox(), "Years")
        self.years.setRange(-1, staff_service.MAX_YEARS)
        self.years.setSpecialValueText("—")
        self.years.setSuffix(" years")
        self.years.setToolTip("Years abroad or in international work")
        self.years.valueChanged.connect(self._changed)
        self.experience = self.watch("experience", text_box(48, "e.g. four years as export manager in Hamburg"),
                                     "International experience")
        self.education = self.watch("education_abroad", text_box(40, "e.g. MSc in Delft; Erasmus semester"),
                                    "Education abroad")
        self.background = self.watch("background", text_box(40, "e.g. grew up in Poland"), "International background")
        self.notes = self.watch("notes", text_box(40), "Notes")
        add_row(form, "Na&me:", self.name, "Ini&tials:", self.initials)
        add_row(form, "Ro&le:", self.role)
        add_row(form, "International &work:", self.share)
        add_row(form, "Lan&guages:", self.languages)
        add_row(form, "E&xperience:", self.years)
        add_row(form, "", self.experience)
        add_row(form, "Ed&ucated abroad:", self.education)
        add_row(form, "Bac&kground:", self.background)
        add_row(form, "N&otes:", self.notes)
        self.finish_layout(scroll)

    def fill(self, detail) -> None:
        data = detail.data if detail else staff_service.StaffInput("")
        self.title.setText("New person" if detail is None else
                           data.name + ("  (in the bin)" if detail.deleted else ""))
        self.name.setText(data.name)
        self.initials.setText(data.initials)
        self.role.setText(data.role)
        self.share.setValue(data.international_share)
        self.years.setValue(-1 if data.experience_years is None else data.experience_years)
        self.experience.setPlainText(data.experience)
        self.education.setPlainText(data.education_abroad)
        self.background.setPlainText(data.background)
        self.notes.setPlainText(data.notes)
        self.languages.set_rows([{"id": lang.id, "language": language_name(lang.language), "level": lang.level}
                                 for lang in data.languages])

    def collect(self) -> staff_service.StaffInput:
        languages = tuple(staff_service.LanguageInput(r.get("language", ""), r.get("level") or
                                                      LanguageLevel.WORKING.value, r.get("id"))
                          for r in self.languages.rows())
        return staff_service.StaffInput(
            self.name.text(), self.initials.text(), self.role.text(), self.share.value(),
            None if self.years.value() < 0 else self.years.value(), self.experience.toPlainText(),
            self.education.toPlainText(), self.background.toPlainText(), self.notes.toPlainText(),
            languages, self.version)

