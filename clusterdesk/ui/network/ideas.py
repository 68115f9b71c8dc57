"""Network ▸ Project ideas (§5.2.2): the pipeline as a list beside the idea editor, or as a
board of stages (Ctrl+B switches); in both, Ctrl+Left / Ctrl+Right moves the selected idea to
the previous or next stage at once."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QPushButton, QStackedWidget

from ...domain.formatting import format_date
from ...domain.network import Maturity, move_stage
from ...services import project_ideas as service
from ..common.forms import find_data
from ..common.list_editor import ListEditorView
from ..common.table_model import Column
from ..common.theme import DONE, DUE_SOON, OVERDUE
from .idea_board import SOON_DAYS, IdeaBoard
from .idea_editor import IdeaEditor

STAGE_RANK = {m.value: rank for rank, m in enumerate(Maturity)}

COLUMNS = (
    Column("title", "Idea", lambda r: r.title, tooltip=lambda r: r.title),
    Column("stage", "Stage", lambda r: STAGE_RANK[r.maturity], width=95,
           text_of=lambda r: Maturity(r.maturity).label),
    Column("next", "Next step", lambda r: r.open_step_on or date.max, width=95,
           text_of=lambda r: format_date(r.open_step_on), tooltip=lambda r: r.next_step),
    Column("members", "Members", lambda r: len(r.members), width=70,
           align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
           tooltip=lambda r: "\n".join(r.members)),
    Column("calls", "Calls", lambda r: len(r.calls), width=46,
           align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
           tooltip=lambda r: "\n".join(r.calls)),
    Column("owner", "Owner", lambda r: r.owner, width=130),
)
EXPORT_COLUMNS = (
    Column("title", "Idea", lambda r: r.title),
    Column("stage", "Stage", lambda r: Maturity(r.maturity).label),
    Column("keywords", "Keywords", lambda r: r.keywords),
    Column("members", "Members", lambda r: "; ".join(r.members)),
    Column("partners", "Partners abroad", lambda r: "; ".join(r.partners)),
    Column("calls", "Funding calls", lambda r: "; ".join(r.calls)),
    Column("step", "Next step", lambda r: r.next_step),
    Column("by", "By", lambda r: r.next_step_on),
    Column("done", "Step done", lambda r: "yes" if r.next_step_done else ""),
    Column("owner", "Owner", lambda r: r.owner),
)
STAGE_FILTERS = (("All stages", None), ("Still on their way", service.ACTIVE_ONLY),
                 *((m.label, m.value) for m in Maturity))


class IdeasView(ListEditorView):
    kinds = ("project_ideas", "members", "partners", "funding_calls")
    noun = "idea"
    plural = "ideas"
    export_title = "Project ideas"
    export_columns = EXPORT_COLUMNS
    filter_hint = "Filter by title, keyword, member, partner…  (Ctrl+F)"
    columns = COLUMNS
    list_share = 1, 1
    stretch_column = 0

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        self.board = IdeaBoard(controller.today)
        self.board.open_requested.connect(self._open_from_board)
        self.board.move_requested.connect(lambda row, step: self.move(row, step))
        self.board.current_changed.connect(lambda row: self.select_record(row.id))
        self.stack = QStackedWidget()
        left = self.splitter.widget(0).layout()
        left.replaceWidget(self.view, self.stack)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.board)
        self.board_button = QPushButton("Board")
        self.board_button.setCheckable(True)
        self.board_button.setToolTip("Show the ideas as a board of stages, or as a list (Ctrl+B)")
        self.board_button.toggled.connect(self.show_board)
        self.footer.insertWidget(1, self.board_button)
        QShortcut(QKeySequence("Ctrl+B"), self, self.board_button.toggle)
        for keys, step in (("Ctrl+Left", -1), ("Ctrl+Right", 1)):
            shortcut = QShortcut(QKeySequence(keys), self.view, lambda s=step: self.move_current(s))
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        for cards in self.board.columns.values():
            delete = QShortcut(QKeySequence.StandardKey.Delete, cards, self.delete_or_restore)
            delete.setContext(Qt.ShortcutContext.WidgetShortcut)

    def filter_widgets(self):
        self.stage_filter = QComboBox()
        for label, value in STAGE_FILTERS:
            self.stage_filter.addItem(label, value)
        self.stage_filter.setToolTip("All ideas, those still on their way, or one stage")
        return [self.stage_filter]

    def default_sort_column(self) -> int:
        return 1

    def make_editor(self) -> IdeaEditor:
        return IdeaEditor(self.controller)

    def fetch_rows(self, text: str, deleted: bool):
        return service.list_ideas(self.ctx, service.IdeaFilter(
            text=text, maturity=None if deleted else self.stage_filter.currentData(), deleted=deleted))

    def fetch_detail(self, record_id):
        return service.get_idea(self.ctx, record_id)

    def delete_record(self, record_id):
        return self.controller.run_op(self, "Delete idea", service.delete_idea, record_id)

    def restore_record(self, record_id):
        return self.controller.run_op(self, "Restore idea", service.restore_idea, record_id)

    def reload(self, *_args) -> None:
        super().reload()
        if self.ctx is not None:
            self.board.set_rows(self.model.rows())

    def decorate(self, row, role: int):
        if role != Qt.ItemDataRole.ForegroundRole:
            return None
        if row.maturity == Maturity.FUNDED.value:
            return QBrush(QColor(DONE))
        if row.maturity == Maturity.DROPPED.value:
            return QBrush(QColor("#8a96a3"))
        due, today = row.open_step_on, self.controller.today()
        if due is not None and due < today:
            return QBrush(QColor(OVERDUE))
        if due is not None and (due - today).days <= SOON_DAYS:
            return QBrush(QColor(DUE_SOON))
        return None

    def select_record(self, record_id, *, load: bool = True) -> bool:
        if self._proxy_row_of(record_id) < 0 and self.stage_filter.currentData() is not None:
            self.stage_filter.setCurrentIndex(find_data(self.stage_filter, None))
        return super().select_record(record_id, load=load)

    # --- list or board --------------------------------------------------------------------------

    @property
    def on_board(self) -> bool:
        return self.stack.currentWidget() is self.board

    def show_board(self, board: bool) -> None:
        """The board takes the whole width; the list shares it with the editor."""
        if not board and self.on_board:
            current = self.board.current()
            if current is not None:
                self.select_record(current.id)
        # Taken first: hiding the list hands the focus to a column, which makes its first card current.
        current = self.current_id()
        self.stack.setCurrentWidget(self.board if board else self.view)
        self.editor.setVisible(not board)
        if self.board_button.isChecked() != board:
            self.board_button.setChecked(board)
        if board:
            if current is None or not self.board.go_to(current):
                self.board.focus_first()
        else:
            self.view.setFocus()

    def _open_from_board(self, row) -> None:
        self.show_board(False)
        self.select_record(row.id)
        self.editor.focus_first()

    def new_record(self) -> None:
        self.show_board(False)
        super().new_record()

    def focus_primary(self) -> None:
        if self.on_board:
            self.board.focus_first()
        else:
            super().focus_primary()

    # --- moving an idea along the pipeline ----------------------------------------------------------

    def move_current(self, step: int) -> None:
        index = self.view.currentIndex()
        row = self.model.row_at(self.proxy.mapToSource(index).row()) if index.isValid() else None
        if row is not None:
            self.move(row, step)

    def move(self, row, step: int) -> None:
        """Move an idea one stage along (saved at once); unsaved typing on it is settled first."""
        if move_stage(row.maturity, step).value == row.maturity:
            self.controller.status.emit(f"“{row.title}” is already at the {'first' if step < 0 else 'last'} stage.")
            return
        if self.editor.dirty and self.editor.record_id == row.id and not self.confirm_discard():
            return
        row = next((r for r in self.model.rows() if r.id == row.id), row)  # as saved just now, if it was
        result = self.controller.run_op(self, "Move idea", service.move_idea, row.id, step, row.version)
        if result is not None:
            moved = result[0]
            self.controller.status.emit(f"“{moved.title}” moved to {Maturity(moved.maturity).label}.")
            if self.on_board:
                self.board.go_to(moved.id)
            else:
                self.select_record(moved.id)
