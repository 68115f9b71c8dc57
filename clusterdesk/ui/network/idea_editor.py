"""The project idea editor: the idea, its stage and owner, the keywords it is matched on, the
next step with its date (on Today until done) — the members and partners abroad in it — and
the funding calls: the open calls that fit its keywords, to link with Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.countries import country_name
from ...domain.dates import DateParseError
from ...domain.enums import CallStatus
from ...domain.formatting import format_date, format_datetime
from ...domain.network import Maturity
from ...services import idea_calls
from ...services import partners as partner_service
from ...services import project_ideas as service
from ...services.action_plans import PlanMember
from ..common.form_editor import FormEditor
from ..common.forms import (
    DateField,
    add_row,
    enum_combo,
    refuse_with_everything,
    scrolled_form,
    select_data,
    text_box,
)
from ..common.table_model import ROW_ROLE, Column
from ..common.table_view import sorted_table, stretch_column
from ..common.tick_list import TickList
from ..strategy.plan_members import PlanMembers
from .widgets import compact

PEOPLE_TAB, FUNDING_TAB = 1, 2
SUGGESTION_COLUMNS = (
    Column("title", "Open call that fits", lambda s: s.title, tooltip=lambda s: s.title),
    Column("programme", "Programme", lambda s: s.programme, width=130, tooltip=lambda s: s.programme),
    Column("deadline", "Deadline", lambda s: s.deadline, format_date, width=90,
           tooltip=lambda s: s.stage),
    Column("fits", "Fits on", lambda s: s.share, width=130, text_of=lambda s: ", ".join(s.found),
           tooltip=lambda s: "Found: " + ", ".join(s.found) + (f"\nNot found: {', '.join(s.missing)}"
                                                               if s.missing else "")),
)
LINKED_COLUMNS = (
    Column("title", "Linked call", lambda c: c.name, width=260, tooltip=lambda c: c.name),
    Column("detail", "Programme and status", lambda c: c.detail),
)


class IdeaEditor(FormEditor):
    noun = "idea"
    services = (service.create_idea, service.update_idea, service.get_idea)

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        scroll, form = scrolled_form()
        self.idea_title = self.watch("title", QLineEdit(), "Title")
        self.maturity = self.watch("maturity", compact(enum_combo(Maturity), 10), "Stage")
        self.maturity.setToolTip("idea → concept → consortium → application → funded, or dropped "
                                 "(Ctrl+Left / Ctrl+Right in the list or on the board)")
        self.owner = self.watch("owner", QLineEdit(), "Owner")
        self.keywords = self.watch("keywords", QLineEdit(), "Keywords")
        self.keywords.setPlaceholderText("e.g. digital twin, stormwater, sensors — matched against the calls")
        self.description = self.watch("description", text_box(64, "the idea in a few lines"), "Description")
        self.next_step = self.watch("next_step", QLineEdit(), "Next step")
        self.next_step.setPlaceholderText("what happens next, e.g. consortium meeting in Delft")
        self.next_step_on = self.watch("next_step_on", DateField(today=controller.today), "By")
        self.step_done = QLabel()
        self.step_done.setProperty("role", "hint")
        self.notes = self.watch("notes", text_box(48), "Notes")
        add_row(form, "T&itle:", self.idea_title)
        add_row(form, "Sta&ge:", self.maturity, "O&wner:", self.owner)
        add_row(form, "&Keywords:", self.keywords)
        add_row(form, "Des&cription:", self.description)
        add_row(form, "Ne&xt step:", self.next_step, "B&y:", self.next_step_on)
        form.addRow("", self.step_done)
        add_row(form, "N&otes:", self.notes)
        self.tabs.addTab(scroll, "Idea")

        people = QWidget()
        column = QVBoxLayout(people)
        members = QLabel("Members in the idea")
        members.setProperty("role", "subheading")
        column.addWidget(members)
        self.members = PlanMembers(controller)
        self.members.changed.connect(self._changed)
        # Refusals about the members mark the look-up; typing a name there is not yet a change.
        self.fields["member_ids"], self.labels["member_ids"] = self.members.lookup, "Members"
        column.addWidget(self.members, 1)
        partners = QLabel("Partners abroad")
        partners.setProperty("role", "subheading")
        column.addWidget(partners)
        self.partners = TickList("Filter the partners abroad…")
        self.partners.noun = "in it"
        self.partners.changed.connect(self._changed)
        self.watch("partner_ids", self.partners.view, "Partners")
        column.addWidget(self.partners, 1)
        self.tabs.addTab(people, "Members and partners")

        funding = QWidget()
        column = QVBoxLayout(funding)
        head = QHBoxLayout()
        self.suggest_heading = QLabel()
        self.suggest_heading.setProperty("role", "subheading")
        self.suggest_heading.setWordWrap(True)
        head.addWidget(self.suggest_heading, 1)
        self.link_button = QPushButton("&Link call")
        self.link_button.setToolTip("Link the selected call to the idea (Enter in the list)")
        self.link_button.setAutoDefault(False)
        self.link_button.clicked.connect(self.link_call)
        head.addWidget(self.link_button)
        column.addLayout(head)
        self.suggest_view, self.suggestions, _proxy = sorted_table(SUGGESTION_COLUMNS, self)
        self.suggest_view.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        stretch_column(self.suggest_view, 0)
        self.suggest_view.doubleClicked.connect(lambda _index: self.link_call())
        column.addWidget(self.suggest_view, 1)
        self.linked_view, self.linked, _proxy = sorted_table(LINKED_COLUMNS, self)
        self.linked_view.setToolTip("Delete unlinks the selected call")
        self.watch("call_ids", self.linked_view, "Funding calls")
        column.addWidget(self.linked_view, 1)
        self.tabs.addTab(funding, "Funding calls")
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.suggest_view, self.link_call)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        unlink = QShortcut(QKeySequence.StandardKey.Delete, self.linked_view, self.unlink_call)
        unlink.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.finish_layout(self.tabs)
        self.tabs.currentChanged.connect(lambda index: index == FUNDING_TAB and self.suggest_calls())

    def reveal(self, widget: QWidget) -> None:
        if widget in (self.members.lookup, self.partners.view):
            self.tabs.setCurrentIndex(PEOPLE_TAB)
        elif widget is self.linked_view:
            self.tabs.setCurrentIndex(FUNDING_TAB)
        else:
            self.tabs.setCurrentIndex(0)

    # --- funding calls ------------------------------------------------------------------------------

    def suggest_calls(self) -> None:
        """The open calls that fit what is typed in the title and keywords."""
        ctx = self.controller.ctx
        rows = (idea_calls.suggest_calls(ctx, self.idea_title.text(), self.keywords.text())
                if ctx is not None else [])
        linked = {c.id for c in self.linked.rows()}
        rows = [r for r in rows if r.id not in linked]
        self.suggestions.set_rows(rows)
        words = "the keywords" if self.keywords.text().strip() else "the title (give keywords for a sharper match)"
        self.suggest_heading.setText(
            f"{len(rows)} open calls with a deadline ahead fit {words} — Enter links the selected one" if rows
            else f"No open call with a deadline ahead fits {words}.")
        if rows:
            self.suggest_view.selectRow(0)

    def link_call(self) -> None:
        index = self.suggest_view.currentIndex()
        suggestion = index.data(ROW_ROLE) if index.isValid() else None
        if suggestion is None:
            return
        detail = f"{suggestion.programme} · {CallStatus(suggestion.status).label}".strip(" ·")
        self.linked.set_rows([*self.linked.rows(), service.Linked(suggestion.id, suggestion.title, detail)])
        self.suggestions.set_rows([r for r in self.suggestions.rows() if r.id != suggestion.id])
        self._changed()
        self.controller.status.emit(f"“{suggestion.title}” linked — save the idea to keep it (Ctrl+S).")

    def unlink_call(self) -> None:
        index = self.linked_view.currentIndex()
        call = index.data(ROW_ROLE) if index.isValid() else None
        if call is not None:
            self.linked.set_rows([c for c in self.linked.rows() if c.id != call.id])
            self._changed()
            self.suggest_calls()

    # --- load and save ---------------------------------------------------------------------------------

    def fill(self, detail) -> None:
        ctx = self.controller.ctx
        rows = partner_service.list_partners(ctx) if ctx is not None else []
        self.partners.set_choices([(r.id, f"{r.name} ({country_name(r.country)})") for r in rows])
        data = detail.data if detail else service.IdeaInput("")
        self.title.setText("New project idea" if detail is None else
                           data.title + ("  (in the bin)" if detail.deleted else ""))
        self.idea_title.setText(data.title)
        select_data(self.maturity, data.maturity)
        self.owner.setText(data.owner)
        self.keywords.setText(data.keywords)
        self.description.setPlainText(data.description)
        self.next_step.setText(data.next_step)
        self.next_step_on.set_date(data.next_step_on)
        done_at = detail.next_step_done_at if detail else None
        self.step_done.setText(f"✓ Done — {detail.next_step_done_by}, {format_datetime(done_at)}. "
                               "Type the step after it." if done_at else "")
        self.step_done.setVisible(done_at is not None)
        self.notes.setPlainText(data.notes)
        self.members.lookup.clear()
        self.members.set_members([PlanMember(m.id, m.name, m.detail) for m in (detail.members if detail else ())])
        self.partners.filter.clear()
        self.partners.set_checked(data.partner_ids)
        self.linked.set_rows(list(detail.calls) if detail else [])
        self.suggestions.set_rows([])
        self.suggest_heading.setText("")
        if self.tabs.currentIndex() == FUNDING_TAB:
            self.suggest_calls()
        counts = (len(data.member_ids), len(data.partner_ids), len(data.call_ids))
        self.tabs.setTabText(PEOPLE_TAB, f"Members and partners ({counts[0]} + {counts[1]})"
                             if counts[0] or counts[1] else "Members and partners")
        self.tabs.setTabText(FUNDING_TAB, f"Funding calls ({counts[2]})" if counts[2] else "Funding calls")

    def collect(self) -> service.IdeaInput:
        errors: dict[str, str] = {}
        try:
            next_step_on = self.next_step_on.date()
        except DateParseError as exc:
            errors["next_step_on"], next_step_on = str(exc), None
        data = service.IdeaInput(
            title=self.idea_title.text(), description=self.description.toPlainText(),
            keywords=self.keywords.text(), maturity=self.maturity.currentData(), owner=self.owner.text(),
            next_step=self.next_step.text(), next_step_on=next_step_on, notes=self.notes.toPlainText(),
            member_ids=self.members.member_ids(), partner_ids=self.partners.checked(),
            call_ids=tuple(c.id for c in self.linked.rows()), version=self.version)
        refuse_with_everything(errors, lambda: service.validate_idea(data))
        return data
