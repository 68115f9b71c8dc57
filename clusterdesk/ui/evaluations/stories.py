"""Evaluations ▸ Success stories (§4.6): the members' international successes, from idea to
published, beside the story editor; each one a one-page PDF."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut

from ...domain.countries import country_name
from ...domain.evaluations import StoryStatus
from ...domain.formatting import format_money
from ...services import success_stories as story_service
from ..common.export import ask_save_path
from ..common.forms import enum_combo
from ..common.list_editor import ListEditorView
from ..common.messages import show_error
from ..common.table_model import Column
from ..common.theme import DONE
from .story_editor import StoryEditor

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
COLUMNS = (
    Column("title", "Title", lambda r: r.title, width=215, tooltip=lambda r: r.title),
    Column("status", "Status", lambda r: list(StoryStatus).index(StoryStatus(r.status)), width=72,
           text_of=lambda r: StoryStatus(r.status).label.replace(" by the member", ""),
           tooltip=lambda r: StoryStatus(r.status).label),
    Column("member", "Member", lambda r: r.member_name, width=145, tooltip=lambda r: r.member_name),
    Column("value", "Value", lambda r: r.value.amount if r.value else None, width=105, align=RIGHT,
           text_of=lambda r: format_money(r.value) if r.value else "",
           tooltip=lambda r: ", ".join(p for p in (r.partner, country_name(r.country) if r.country else "") if p)),
)
EXPORT_COLUMNS = (
    Column("title", "Title", lambda r: r.title),
    Column("status", "Status", lambda r: StoryStatus(r.status).label),
    Column("member", "Member", lambda r: r.member_name),
    Column("partner", "Partner", lambda r: r.partner),
    Column("country", "Country", lambda r: country_name(r.country) if r.country else ""),
    Column("value", "Value", lambda r: r.value.amount if r.value else None),
    Column("currency", "Currency", lambda r: r.value.currency if r.value else ""),
    Column("activity", "Activity", lambda r: r.activity_name),
    Column("happened", "Happened", lambda r: r.happened_on),
    Column("published", "Published", lambda r: r.published_on),
)


class StoriesView(ListEditorView):
    kinds = ("success_stories", "members", "activities", "partners")
    noun = "success story"
    plural = "success stories"
    filter_hint = "Filter by title, member, partner, country…  (Ctrl+F)"
    columns = COLUMNS
    list_share = 5, 6

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        self.editor.pdf_button.clicked.connect(self.story_pdf)
        QShortcut(QKeySequence.StandardKey.Print, self, self.story_pdf)

    def filter_widgets(self):
        self.status_filter = enum_combo(StoryStatus, "Every status")
        self.status_filter.setToolTip("Only stories at this stage")
        return [self.status_filter]

    def make_editor(self) -> StoryEditor:
        return StoryEditor(self.controller)

    def fetch_rows(self, text: str, deleted: bool):
        return story_service.list_stories(self.ctx, story_service.StoryFilter(
            text, self.status_filter.currentData(), deleted))

    def fetch_detail(self, record_id):
        return story_service.get_story(self.ctx, record_id)

    def delete_record(self, record_id):
        return self.controller.run_op(self, "Delete success story", story_service.delete_story, record_id)

    def restore_record(self, record_id):
        return self.controller.run_op(self, "Restore success story", story_service.restore_story, record_id)

    def decorate(self, row, role: int):
        if role == Qt.ItemDataRole.ForegroundRole and row.status == StoryStatus.PUBLISHED.value:
            return QBrush(QColor(DONE))
        return None

    def story_pdf(self) -> None:
        """Ctrl+P: the selected story on one page."""
        record_id = self.current_id() or self.editor.record_id
        if record_id is None:
            self.controller.status.emit("Select a story first.")
            return
        if self.editor.dirty and self.editor.record_id == record_id and not self.editor.save():
            return
        detail = story_service.get_story(self.ctx, record_id)
        target = ask_save_path(self, "Success story as PDF", detail.data.title, "PDF", ".pdf")
        if target is not None:
            self.write_pdf(detail, target)

    def write_pdf(self, detail, target) -> None:
        from ...exports.pdf.success_story import write_story_pdf

        name = self.ctx.workspace.name

        def done(path) -> None:
            self.controller.status.emit(f"Wrote the story to {path}")

        def failed(exc: BaseException, _trace: str) -> None:
            show_error(self, "Success story as PDF", f"The PDF could not be written: {exc}")

        self.controller.runner.run(lambda: write_story_pdf(target, detail, name), done, failed)

    def list_export(self):
        export = super().list_export()
        return type(export)(export.title, EXPORT_COLUMNS, export.rows)
