"""Missions ▸ Templates: the built-in checklists (handbook appendices 4 and 5, read-only) and
the workspace's own, edited like a small spreadsheet: section, item, due rule, why. A template
is copied onto an activity when it is made, so editing it never changes existing checklists."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.checklists import ChecklistTemplate, template_to_toml
from ...domain.enums import ActivityKind
from ...services import checklist_templates as template_service
from ...services.errors import ValidationError
from ..common.editable_rows import CheckableListModel, EditableRowsModel, EditColumn
from ..common.export import default_export_folder
from ..common.form_editor import FormEditor
from ..common.forms import add_row
from ..common.list_editor import ListEditorView
from ..common.messages import show_error
from ..common.table_model import Column

ITEM_COLUMNS = (
    EditColumn("section", "Section", 150, "A blank section continues the one above"),
    EditColumn("text", "Item", 300),
    EditColumn("due", "Due", 150, "e.g. 6 months before start, 3 weeks before start, on the first "
               "day, on the last day, 1 week after end"),
    EditColumn("guidance", "Why / how", 190),
    EditColumn("owner", "Owner", 60),
)


@dataclass(frozen=True)
class TemplateRow:
    id: str  # the template's ref
    name: str
    builtin: bool
    items: int
    suits: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class TemplateDetail:
    id: str
    data: template_service.TemplateInput
    template: ChecklistTemplate


def _detail(template: ChecklistTemplate) -> TemplateDetail:
    return TemplateDetail(template.ref, template_service.template_input(template), template)


COLUMNS = (
    Column("name", "Name", lambda r: r.name, width=250, tooltip=lambda r: r.name),
    Column("kind", "Kind", lambda r: "Built in" if r.builtin else "Our own", width=80),
    Column("items", "Items", lambda r: r.items, width=50,
           align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
           tooltip=lambda r: r.source),
)


class TemplateEditor(FormEditor):
    noun = "template"

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        layout.addLayout(form)
        self.name = self.watch("name", QLineEdit(), "Name")
        self.description = self.watch("description", QLineEdit(), "Description")
        self.suits_model = CheckableListModel(self)
        self.suits_model.set_choices(ActivityKind.choices())
        self.suits_model.changed.connect(self._changed)
        self.suits = QListView()
        self.suits.setModel(self.suits_model)
        self.suits.setFlow(QListView.Flow.LeftToRight)
        self.suits.setWrapping(True)
        self.suits.setResizeMode(QListView.ResizeMode.Adjust)
        self.suits.setFixedHeight(48)
        self.suits.setToolTip("Offered first for these kinds of activity (Space ticks)")
        self.watch("suits", self.suits, "Meant for")
        add_row(form, "Na&me:", self.name)
        add_row(form, "Des&cription:", self.description)
        add_row(form, "Mean&t for:", self.suits)

        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setProperty("role", "hint")
        layout.addWidget(self.notice)
        self.items = EditableRowsModel(ITEM_COLUMNS, self)
        self.items.changed.connect(self._changed)
        self.table = QTableView()
        self.table.setModel(self.items)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(24)
        for i, column in enumerate(ITEM_COLUMNS):
            self.table.setColumnWidth(i, column.width)
        self.watch("items", self.table, "Items")
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        layout.addWidget(self.table, 1)
        rows = QHBoxLayout()
        self.row_buttons = []
        for text, tip, slot, keys in (
                ("Add row", "Add a row below the selected one (Insert)", self.add_row, "Ins"),
                ("Remove row", "Remove the selected row (Ctrl+Delete)", self.remove_row, "Ctrl+Del"),
                ("Up", "Move the row up (Ctrl+Up)", lambda: self.move_row(-1), "Ctrl+Up"),
                ("Down", "Move the row down (Ctrl+Down)", lambda: self.move_row(1), "Ctrl+Down")):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            rows.addWidget(button)
            self.row_buttons.append(button)
            shortcut = QShortcut(QKeySequence(keys), self.table, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        rows.addStretch(1)
        self.copy_button = QPushButton("Make &our own copy")
        self.copy_button.setToolTip("Copy this built-in template into the workspace, to change it")
        rows.addWidget(self.copy_button)
        layout.addLayout(rows)
        self.finish_layout(body)

    def reveal(self, widget: QWidget) -> None:
        if widget is self.table:
            self.table.setFocus()

    @property
    def builtin(self) -> bool:
        return self.record_id is not None and self.record_id.startswith(template_service.BUILTIN_PREFIX)

    # --- rows ----------------------------------------------------------------------------------

    def add_row(self) -> None:
        if self.items.read_only:
            return
        current = self.table.currentIndex()
        row = self.items.insert_row(current.row() + 1 if current.isValid() else self.items.rowCount())
        index = self.items.index(row, 1)
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def remove_row(self) -> None:
        current = self.table.currentIndex()
        if current.isValid() and not self.items.read_only:
            self.items.remove_row(current.row())

    def move_row(self, delta: int) -> None:
        current = self.table.currentIndex()
        if current.isValid() and not self.items.read_only:
            row = self.items.move_row(current.row(), delta)
            self.table.setCurrentIndex(self.items.index(row, current.column()))

    # --- load and save --------------------------------------------------------------------------

    def fill(self, detail) -> None:
        data = detail.data if detail else template_service.TemplateInput(name="", items=())
        self.source = data.source  # kept on save: e.g. "Handbook appendix 4" for a copy
        self.name.setText(data.name)
        self.description.setText(data.description)
        self.suits_model.set_checked(data.suits)
        previous = ""
        rows = []
        for item in data.items:  # a section title is shown once, where it starts
            rows.append({"section": item.section if item.section != previous else "", "text": item.text,
                         "due": item.due, "guidance": item.guidance, "owner": item.owner})
            previous = item.section
        self.items.set_rows(rows or [{"section": template_service.DEFAULT_SECTION}])
        self.table.resizeRowsToContents()
        read_only = detail is not None and detail.template.builtin
        self.items.read_only = read_only
        for widget in (self.name, self.description):
            widget.setReadOnly(read_only)
        self.suits.setEnabled(not read_only)
        for button in self.row_buttons:
            button.setEnabled(not read_only)
        self.copy_button.setVisible(read_only)
        self.save_button.setVisible(not read_only)
        self.revert_button.setVisible(not read_only)
        if detail is None:
            self.title.setText("New template")
            self.notice.setText("One row per item. Due: “6 months before start”, “3 weeks before "
                                "start”, “on the first day”, “1 week after end”…")
        else:
            self.title.setText(data.name)
            self.notice.setText(
                f"Built in, following {detail.template.source.lower() or 'the handbook'}. It cannot be "
                "changed; make your own copy to adapt it." if read_only else
                "Activities made from this template keep their checklist as it was; changes here "
                "apply to new activities.")

    def collect(self) -> template_service.TemplateInput:
        items = tuple(template_service.TemplateItemInput(
            r.get("section", ""), r.get("text", ""), r.get("due", ""), r.get("guidance", ""),
            r.get("owner", "")) for r in self.items.rows())
        return template_service.TemplateInput(
            name=self.name.text(), description=self.description.text(), items=items,
            suits=tuple(self.suits_model.checked()), version=self.version, source=self.source)

    def write(self, data):
        if self.record_id is None:
            result = self.controller.run_op(self, "Save template", template_service.create_template, data)
        else:
            result = self.controller.run_op(self, "Save template", template_service.update_template,
                                            self.record_id, data)
        return None if result is None else (_detail(result[0]), result[1])

    def reload(self):
        return _detail(template_service.get_template(self.controller.ctx, self.record_id))


class TemplatesView(ListEditorView):
    kinds = ("checklist_templates", "checklist_template_items")
    noun = "template"
    plural = "templates"
    columns = COLUMNS
    list_share = 2, 5
    filter_hint = "Filter templates…"

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        self.editor.copy_button.clicked.connect(self.copy_builtin)
        self.import_button = QPushButton("&Import…")
        self.import_button.setToolTip("Add a template shared as a .toml file")
        self.import_button.clicked.connect(self.import_toml)
        self.export_button = QPushButton("Sh&are…")
        self.export_button.setToolTip("Save the selected template as a .toml file for another cluster")
        self.export_button.clicked.connect(self.export_toml)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.footer.insertWidget(1, self.import_button)
        self.footer.insertWidget(2, self.export_button)

    def make_editor(self) -> TemplateEditor:
        return TemplateEditor(self.controller)

    def filter_widgets_in_bar(self):
        return []

    def fetch_rows(self, text: str, deleted: bool):
        templates = (template_service.deleted_templates(self.ctx) if deleted
                     else template_service.list_templates(self.ctx))
        words = text.casefold().split()
        return [TemplateRow(t.ref, t.name, t.builtin, len(t.items), t.suits, t.source)
                for t in templates if all(w in t.name.casefold() for w in words)]

    def fetch_detail(self, record_id):
        return _detail(template_service.get_template(self.ctx, record_id))

    def delete_record(self, record_id):
        if record_id.startswith(template_service.BUILTIN_PREFIX):
            self.controller.status.emit("Built-in templates cannot be deleted.")
            return None
        return self.controller.run_op(self, "Delete template", template_service.delete_template, record_id)

    def restore_record(self, record_id):
        return self.controller.run_op(self, "Restore template", template_service.restore_template, record_id)

    def _update_buttons(self) -> None:
        ref = self.current_id()
        self.delete_button.setEnabled(ref is not None and not ref.startswith(template_service.BUILTIN_PREFIX))
        self.export_button.setEnabled(ref is not None)

    def reload(self, *args) -> None:
        super().reload(*args)
        self._update_buttons()

    def copy_builtin(self) -> None:
        ref = self.current_id() or self.editor.record_id
        if ref is None:
            return
        template = template_service.get_template(self.ctx, ref)
        data = template_service.template_input(template)
        result = self.controller.run_op(self, "Copy template", template_service.create_template,
                                        type(data)(**{**data.__dict__, "name": f"{template.name} (our version)"}))
        if result is not None:
            self.select_record(result[0].ref)
            self.editor.name.setFocus()
            self.editor.name.selectAll()

    def export_toml(self) -> None:
        ref = self.current_id()
        if ref is None:
            return
        template = template_service.get_template(self.ctx, ref)
        suggested = default_export_folder() / f"{template.name}.toml"
        path, _ = QFileDialog.getSaveFileName(self, "Share the template", str(suggested), "Template (*.toml)")
        if path:
            self.export_toml_to(Path(path), template)

    def export_toml_to(self, path: Path, template: ChecklistTemplate) -> None:
        path.write_text(template_to_toml(template), encoding="utf-8")
        self.controller.status.emit(f"Saved {path}")

    def import_toml(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import a template", str(default_export_folder()),
                                              "Template (*.toml)")
        if path:
            self.import_toml_from(Path(path))

    def import_toml_from(self, path: Path) -> None:
        try:
            text = path.read_text(encoding="utf-8")
            result = self.controller.run_op(self, "Import template", template_service.import_template_toml,
                                            text, path.name)
        except (OSError, UnicodeDecodeError) as exc:
            show_error(self, "Import template", f"{path.name} could not be read: {exc}")
            return
        except ValidationError as exc:
            show_error(self, "Import template", "; ".join(exc.errors.values()))
            return
        if result is not None:
            self.select_record(result[0].ref)
