"""Missions ▸ Checklist: the focused view for ticking while travelling. One activity's
checklist in large rows; Space or one click ticks (who and when are recorded), N writes a
note, overdue items in red and those due soon in amber, progress per section and in total,
"hide done". Fits a 1366×768 laptop screen without sideways scrolling."""

from __future__ import annotations

import uuid
from pathlib import Path
from types import SimpleNamespace

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
)

from ...domain.checklists import due_state
from ...domain.formatting import format_date
from ...services import activities as activity_service
from ...services import checklists as checklist_service
from ..common.messages import confirm
from ..common.tab import ListExport, TabPage
from .checklist_export import ask_and_export, checklist_list_export, export_checklist
from .checklist_model import ITEM_ROLE, ChecklistModel, ChecklistTree
from .checklist_start import ChecklistStart
from .checklist_undo import ChecklistUndo
from .item_dialogs import ItemDialog, NoteDialog


def _button(text: str, tip: str, slot) -> QPushButton:
    button = QPushButton(text)
    button.setToolTip(tip)
    button.clicked.connect(slot)
    return button


class ChecklistView(TabPage):
    kinds = ("checklist_items", "activities")

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        self.checklist = None
        self.undo_steps = ChecklistUndo()
        self.dialog = None  # the note or item dialog while it is open
        self.stale = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)

        top = QHBoxLayout()
        self.activity_combo = QComboBox()
        self.activity_combo.setToolTip("Which activity's checklist (Ctrl+L)")
        self.activity_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.activity_combo.setMinimumContentsLength(30)
        self.activity_combo.currentIndexChanged.connect(self._activity_chosen)
        top.addWidget(self.activity_combo, 3)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setMinimumWidth(220)
        top.addWidget(self.progress, 2)
        self.overdue_label = QLabel()
        self.overdue_label.setStyleSheet("color: #c0392b; font-weight: 600;")
        top.addWidget(self.overdue_label)
        self.hide_done = QCheckBox("Hide d&one")
        self.hide_done.setToolTip("Show only what is still to do (Alt+O)")
        self.hide_done.toggled.connect(self._hide_done_toggled)
        top.addWidget(self.hide_done)
        layout.addLayout(top)

        actions = QHBoxLayout()
        self.tick_button = _button("Tick", "Tick or untick the selected item (Space, or click its box)",
                                   lambda: self.tick_current())
        self.note_button = _button("&Note…", "Write a note on the selected item (N)", self.edit_note)
        self.edit_button = _button("Ed&it…", "Change text, section, owner or due date (E or F2)", self.edit_item)
        self.add_button = _button("&Add item…", "Add an item after the selected one (Insert)", self.add_item)
        self.remove_button = _button("Remove", "Take the selected item off the checklist (Delete; "
                                     "Ctrl+Z brings it back)", self.remove_item)
        self.undo_button = _button("&Undo", "Undo the last tick, untick, note, edit or removal "
                                   "(Ctrl+Z)", self.undo)
        for button in (self.tick_button, self.note_button, self.edit_button, self.add_button,
                       self.remove_button, self.undo_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.who = QLabel()
        self.who.setProperty("role", "hint")
        actions.addWidget(self.who)
        self.pdf_button = _button("&PDF…", "Print-ready checklist with tick boxes (Ctrl+P)", self.export_pdf)
        self.excel_button = _button("E&xcel…", "The checklist as an Excel sheet (Ctrl+E)", self.export_excel)
        actions.addWidget(self.pdf_button)
        actions.addWidget(self.excel_button)
        layout.addLayout(actions)

        self.stack = QStackedWidget()
        self.model = ChecklistModel(self)
        # A click on a box arrives inside the view's own mouse handling; the reload that
        # follows a tick must wait until that has finished.
        self.model.tick_requested.connect(
            lambda item, done: QTimer.singleShot(0, lambda: self.tick(item, done)))
        self.tree = ChecklistTree()
        self.tree.setModel(self.model)
        self.tree.key_action.connect(self._key_action)
        self.tree.doubleClicked.connect(lambda _index: self.edit_item())
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.stack.addWidget(self.tree)
        self.start = ChecklistStart(controller)
        self.start.added.connect(lambda: QTimer.singleShot(0, self.tree.setFocus))
        self.empty_label, self.template_combo = self.start.label, self.start.combo
        self.template_button = self.start.button
        self.stack.addWidget(self.start)
        layout.addWidget(self.stack, 1)

        QShortcut(QKeySequence("Ctrl+L"), self, self._focus_chooser)
        QShortcut(QKeySequence("Ctrl+P"), self, self.export_pdf)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self.stale:  # ticked elsewhere (Today) while hidden
            self.refresh()

    # --- loading --------------------------------------------------------------------------

    def current_activity_id(self):
        data = self.activity_combo.currentData()  # ids as text: QComboBox finds text by value
        return uuid.UUID(data) if data else None

    def refresh(self) -> None:
        if self.ctx is None:
            return
        if not self.isVisible() and self.checklist is not None:
            self.stale = True  # reloaded when shown; ticks elsewhere need no repaint here
            return
        self.stale = False
        self.who.setText(f"Ticking as {self.controller.prefs.actor}")
        wanted = self.current_activity_id()
        rows = activity_service.list_activities(self.ctx)
        self.activity_combo.blockSignals(True)
        self.activity_combo.clear()
        for row in rows:
            counts = f"  ({row.progress.done}/{row.progress.total})" if row.progress.total else ""
            self.activity_combo.addItem(f"{row.name} — {format_date(row.starts_on)}{counts}", str(row.id))
        if (wanted is None or self.activity_combo.findData(str(wanted)) < 0) and rows:
            # The next activity with something left to do on its checklist.
            today = self.ctx.today()
            upcoming = [r for r in rows if r.last_day >= today and r.progress.done < r.progress.total]
            wanted = (upcoming or [r for r in rows if r.progress.total] or rows)[0].id
        self.activity_combo.setCurrentIndex(max(0, self.activity_combo.findData(str(wanted))))
        self.activity_combo.blockSignals(False)
        self._load_checklist()

    def _activity_chosen(self, _index: int) -> None:
        self._load_checklist(scroll_to_top=True)
        self.tree.setFocus()

    def _load_checklist(self, select_item=None, position: int | None = None,
                        scroll_to_top: bool = False) -> None:
        """Reload the checklist, keeping the selection on `select_item` (or the current item),
        else on the row at `position`, and the scroll position (after a tick, the rows around
        stay where the eye left them)."""
        if self.ctx is None:
            return
        activity_id = self.current_activity_id()
        keep = select_item if position is not None else (select_item or self.current_item())
        scroll = 0 if scroll_to_top else self.tree.verticalScrollBar().value()
        self.checklist = checklist_service.get_checklist(self.ctx, activity_id) if activity_id else None
        self.model.set_checklist(self.checklist, self.ctx.today(), self.hide_done.isChecked())
        self.tree.expandAll()
        self._update_summary()
        index = self.model.index_of(keep.id) if keep is not None else QModelIndex()
        indexes = self.model.item_indexes()
        if not index.isValid() and position is not None and indexes:
            index = indexes[min(position, len(indexes) - 1)]
        if not index.isValid() and indexes:  # the first thing still to do
            index = next((i for i in indexes if not i.data(ITEM_ROLE).done), indexes[0])
        self.tree.verticalScrollBar().setValue(scroll)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        self._update_buttons()

    def _update_summary(self) -> None:
        checklist = self.checklist
        has_items = bool(checklist and checklist.items)
        all_hidden = has_items and self.model.rowCount() == 0
        self.stack.setCurrentIndex(0 if has_items and not all_hidden else 1)
        if all_hidden:
            self.start.say(f"All {len(checklist.items)} items are done.\n"
                           "Untick “Hide done” (Alt+O) to see them.")
        if checklist is None:
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            self.progress.setFormat("No activity yet")
            self.overdue_label.clear()
            self.start.say("No activities yet. Add one in Missions ▸ Activities (Alt+1).")
            return
        progress = checklist.progress
        self.progress.setRange(0, max(1, progress.total))
        self.progress.setValue(progress.done)
        self.progress.setFormat(f"{progress} ({progress.percent} %)")
        today = self.ctx.today()
        overdue = sum(1 for i in checklist.items if due_state(i.due_on, i.done, today) == "overdue")
        self.overdue_label.setText(f"{overdue} overdue" if overdue else "")
        if not has_items:
            self.start.offer_templates(checklist)

    def _update_buttons(self) -> None:
        has_item = self.current_item() is not None
        for button in (self.tick_button, self.note_button, self.edit_button, self.remove_button):
            button.setEnabled(has_item)
        self.add_button.setEnabled(self.checklist is not None)
        exportable = bool(self.checklist and self.checklist.items)
        self.pdf_button.setEnabled(exportable)
        self.excel_button.setEnabled(exportable)
        item = self.current_item()
        self.tick_button.setText("Untick" if item is not None and item.done else "Tick")
        self.undo_button.setEnabled(bool(self.undo_steps))
        if self.undo_steps:
            self.undo_button.setToolTip(f"Undo the {self.undo_steps.steps[-1].what} (Ctrl+Z)")

    def show_activity(self, activity_id, item_id=None) -> bool:
        """Show an activity's checklist (and select an item of it)."""
        self.refresh()
        index = self.activity_combo.findData(str(activity_id))
        if index < 0:
            return False
        if index != self.activity_combo.currentIndex():
            self.activity_combo.setCurrentIndex(index)
        if item_id is not None:
            if self.hide_done.isChecked() and not self.model.index_of(item_id).isValid():
                self.hide_done.setChecked(False)
            found = self.model.index_of(item_id)
            if found.isValid():
                self.tree.setCurrentIndex(found)
                self.tree.scrollTo(found)
        self.tree.setFocus()
        return True

    # --- ticking, notes and edits -------------------------------------------------------------

    def current_item(self):
        index = self.tree.currentIndex()
        return index.data(ITEM_ROLE) if index.isValid() else None

    def _key_action(self, action: str) -> None:
        {"tick": self.tick_current, "note": self.edit_note, "edit": self.edit_item,
         "add": self.add_item, "remove": self.remove_item}[action]()

    def tick_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self.tick(item, not item.done)

    def tick(self, item, done: bool) -> None:
        """Tick (or untick) through the service; after a tick, move on to the next open item."""
        items = self.model.items()
        position = next((n for n, i in enumerate(items) if i.id == item.id), 0)
        result = self.controller.run_op(self, "Tick item", checklist_service.tick_item, item.id, done)
        if result is None:
            return
        self.undo_steps.changed("tick of" if done else "untick of", item, result[0])
        if not done:
            self._load_checklist(select_item=item)
        elif self.hide_done.isChecked():
            self._load_checklist(position=position)  # the ticked row is gone; the next takes its place
        else:
            following = [i for i in items[position + 1:] if not i.done]
            self._load_checklist(select_item=following[0] if following else item)
        self.controller.status.emit(f"{'Ticked' if done else 'Unticked'}: {item.text[:60]} — "
                                    "Ctrl+Z undoes it.")

    def edit_note(self) -> None:
        item = self.current_item()
        if item is None:
            return
        self.dialog = NoteDialog(self.controller, item, self)
        self.dialog.saved.connect(lambda row: self._after_dialog("note on", item, row))
        self.dialog.open()

    def edit_item(self) -> None:
        item = self.current_item()
        if item is None or self.checklist is None:
            return
        self.dialog = ItemDialog(self.controller, self.checklist, item=item, parent=self)
        self.dialog.saved.connect(lambda row: self._after_dialog("change to", item, row))
        self.dialog.open()

    def add_item(self) -> None:
        if self.checklist is None:
            return
        self.dialog = ItemDialog(self.controller, self.checklist, after=self.current_item(), parent=self)
        self.dialog.saved.connect(lambda row: self._after_dialog("adding of", None, row))
        self.dialog.open()

    def _hide_done_toggled(self, _on: bool) -> None:
        self._load_checklist(scroll_to_top=True)
        # Alt+O is pressed between ticks: Space must tick the next item, not the box again.
        self.tree.setFocus()

    def _after_dialog(self, action: str, before, row) -> None:
        if before is None:
            self.undo_steps.added(row)
        else:
            self.undo_steps.changed(action, before, row)
        self._load_checklist(select_item=row)
        what = {"note on": "Note saved on", "change to": "Changed", "adding of": "Added"}[action]
        self.controller.status.emit(f"{what}: {row.text[:60]} — Ctrl+Z undoes it.")

    def remove_item(self) -> None:
        item = self.current_item()
        if item is None:
            return
        if item.done and not confirm(self, "Remove item", f"“{item.text}” is ticked. Remove it anyway?",
                                     "Remove"):
            return
        position = next((n for n, i in enumerate(self.model.items()) if i.id == item.id), 0)
        if self.controller.run_op(self, "Remove item", checklist_service.remove_item, item.id) is None:
            return
        self.undo_steps.removed(item)
        self._load_checklist(position=position)
        self.controller.status.emit(f"Removed “{item.text[:50]}” — Ctrl+Z brings it back.")

    def undo(self) -> None:
        """Undo the newest step (Ctrl+Z), on whichever checklist it was made, and say what."""
        step = self.undo_steps.pop()
        if step is None:
            self.controller.status.emit("Nothing to undo on the checklists.")
            return
        if step.activity_id != self.current_activity_id():
            self.show_activity(step.activity_id)
        if step.undo(self.controller, self) is None:
            self._update_buttons()
            return  # refused: the reason was shown
        self._load_checklist(select_item=SimpleNamespace(id=step.item_id))
        self.controller.status.emit(f"Undone: {step.what}.")

    # --- exports (File ▸ Export list to Excel, Ctrl+E, also writes the checklist) -----------

    def export_pdf(self) -> None:
        if self.checklist and self.checklist.items:
            ask_and_export(self, self.controller, self.checklist, "pdf")

    def export_excel(self) -> None:
        if self.checklist and self.checklist.items:
            ask_and_export(self, self.controller, self.checklist, "xlsx")

    def export_pdf_to(self, path: Path) -> None:
        export_checklist(self, self.controller, self.checklist, path, "pdf")

    def export_excel_to(self, path: Path) -> None:
        export_checklist(self, self.controller, self.checklist, path, "xlsx")

    def list_export(self) -> ListExport | None:
        if self.checklist is None or not self.checklist.items:
            return None
        return checklist_list_export(self.checklist, self.ctx.today())

    def _focus_chooser(self) -> None:
        self.activity_combo.setFocus()
        self.activity_combo.showPopup()

    def focus_primary(self) -> None:
        self.tree.setFocus()
