"""Members ▸ Organisations (Phase 1): the member list — filtered as you type, by menus and by
saved filters, with the columns the user chose — beside the selected member's profile,
contacts and interactions."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.changes import EVERYTHING, Changes
from ...domain.countries import country_name
from ...domain.enums import InternationalOrientation, MemberKind, MemberStatus, SizeBand
from ...domain.formatting import format_date
from ...services import members as member_service
from ...services.errors import ServiceError
from ...services.member_list import MemberListing
from ..common.columns import ColumnChooser
from ..common.tab import ListExport, TabPage
from ..common.table_model import ROW_ROLE, Column, PagedTableModel
from .contacts import ADD_CONTACT_KEY
from .interactions import LOG_KEY
from .member_filters import SAVE_SHORTCUT, MemberFilterBar, describe
from .member_panel import PROFILE_PDF_KEY, MemberPanel


def _label(enum):
    return lambda value: enum(value).label if value in enum._value2member_map_ else value


COLUMNS = (
    Column("name", "Name", lambda r: r.name, width=250),
    Column("city", "City", lambda r: r.city, width=105),
    Column("postcode", "Postcode", lambda r: r.postcode, width=70),
    Column("country", "Country", lambda r: country_name(r.country), width=90),
    Column("kind", "Kind", lambda r: r.kind, _label(MemberKind), width=110),
    Column("size_band", "Size", lambda r: r.size_band, _label(SizeBand), width=110),
    Column("status", "Status", lambda r: r.status, _label(MemberStatus), width=70),
    Column("orientation", "International", lambda r: r.orientation,
           _label(InternationalOrientation), width=130),
    Column("sectors", "Sectors", lambda r: ", ".join(r.sectors), width=170),
    Column("tags", "Tags", lambda r: ", ".join(r.tags), width=140),
    Column("vat_number", "VAT / CVR", lambda r: r.vat_number, width=100),
    Column("member_since", "Member since", lambda r: r.member_since, format_date, width=100),
    Column("website", "Website", lambda r: r.website, width=160),
    Column("primary_contact", "Primary contact", lambda r: r.primary_contact, width=150),
    Column("primary_phone", "Phone", lambda r: r.primary_phone, width=125),
    Column("primary_email", "Email", lambda r: r.primary_email, width=180),
    Column("last_interaction_on", "Last contact", lambda r: r.last_interaction_on, format_date,
           width=100),
)
DEFAULT_HIDDEN = ("postcode", "size_band", "vat_number", "member_since", "website",
                  "primary_contact", "primary_phone", "primary_email")
SQL_SORTABLE = set(member_service.SORTABLE)


class OrganisationsView(TabPage):
    kinds = ("members", "tags", "member_markets", "interactions", "contacts", "consent_records",
             "saved_filters")

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        self.filter_state = member_service.MemberFilter()
        self.listing: MemberListing | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.filters = MemberFilterBar(controller)
        self.filters.changed.connect(self._filter_changed)
        left_layout.addWidget(self.filters)
        # The names the rest of the program (and its tests) reach the filter widgets by.
        self.filter_edit = self.filters.text
        self.status_filter = self.filters.status
        self.bin_toggle = self.filters.bin

        # A page a little larger than a screenful: each keystroke reads only what is seen.
        self.model = PagedTableModel(COLUMNS, self._count, self._page, self, page_size=60)
        self.model.sort_key = "name"
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSortingEnabled(True)
        header = self.view.horizontalHeader()
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.sortIndicatorChanged.connect(self._sort_changed)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        for i, column in enumerate(COLUMNS):
            if column.width:
                self.view.setColumnWidth(i, column.width)
        self.columns = ColumnChooser(self.view, COLUMNS, "members", controller,
                                     default_hidden=DEFAULT_HIDDEN)
        columns_menu = QMenu(self.filters.columns_button)
        columns_menu.aboutToShow.connect(lambda: self.columns.fill_menu(columns_menu))
        self.filters.columns_button.setMenu(columns_menu)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        left_layout.addWidget(self.view, 1)
        footer = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setProperty("role", "hint")
        footer.addWidget(self.count_label, 1)
        self.new_button = QPushButton("&New member")
        self.new_button.setToolTip("Add a member organisation (Ctrl+N)")
        self.new_button.clicked.connect(self.new_member)
        self.delete_button = QPushButton("&Delete")
        self.delete_button.setToolTip("Move the selected member to the bin (Del); it can be restored")
        self.delete_button.clicked.connect(self.delete_or_restore)
        footer.addWidget(self.new_button)
        footer.addWidget(self.delete_button)
        left_layout.addLayout(footer)
        splitter.addWidget(left)

        self.panel = MemberPanel(controller)
        self.editor = self.panel.editor
        self.editor.saved.connect(self._saved)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([640, 700])  # finding on the left, working on the right

        for key, slot in ((QKeySequence.StandardKey.Find, self.focus_primary),
                          (QKeySequence.StandardKey.New, self.new_member),
                          (QKeySequence(LOG_KEY), self.panel.log_interaction),
                          (QKeySequence(ADD_CONTACT_KEY), self.panel.add_contact),
                          (QKeySequence(PROFILE_PDF_KEY), lambda: self.panel.export_profile_pdf()),
                          (QKeySequence(SAVE_SHORTCUT), lambda: self.filters.save_current()),
                          # Alt+1…4 switch the Members sections; the member's own parts
                          # (Profile, Contacts, Interactions) turn like browser tabs.
                          (QKeySequence("Ctrl+PgDown"), lambda: self.panel.step_section(1)),
                          (QKeySequence("Ctrl+PgUp"), lambda: self.panel.step_section(-1))):
            QShortcut(key, self, slot)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.view, self.delete_or_restore)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.filter_edit.returnPressed.connect(self._focus_list)
        self._selecting = False

    # --- data ----------------------------------------------------------------------------

    def _listing(self) -> MemberListing:
        """The list for the current filter and order; typing on reuses what the previous
        keystroke learned (see MemberListing)."""
        key = self.model.sort_key if self.model.sort_key in SQL_SORTABLE else "name"
        descending = self.model.descending
        listing = self.listing
        if (listing is None or listing.filter != self.filter_state or listing.sort != key
                or listing.descending != descending):
            same_order = listing is not None and (listing.sort, listing.descending) == (key, descending)
            self.listing = MemberListing(self.ctx, self.filter_state, sort=key,
                                         descending=descending,
                                         previous=listing if same_order else None)
        return self.listing

    def _count(self) -> int:
        return self._listing().count() if self.ctx else 0

    def _page(self, offset: int, limit: int):
        return self._listing().page(offset, limit) if self.ctx else []

    def refresh(self) -> None:
        """Reload everything (the tab was away while things changed): the list, keeping the
        filter, selection and scroll position, and the member shown beside it."""
        self._reload_list()
        self.panel.on_changed(EVERYTHING)

    def _reload_list(self) -> None:
        current = self.current_member_id()
        row = self.view.currentIndex().row()
        self.listing = None  # the data changed: nothing learned before still holds
        self.filters.reload_choices()
        self.model.reload()
        self._update_count()
        if current is None:
            return
        if 0 <= row < self.model.rowCount() and getattr(self.model.row_at(row), "id", None) == current:
            found = row
        else:
            found = self._row_of(current)
        if found is not None:
            self._select_row(found, load=False)

    def on_changed(self, changes: Changes) -> None:
        if changes.touches("members", "tags", "member_markets", "interactions", "contacts"):
            self._reload_list()
        self.panel.on_changed(changes)

    def _update_count(self) -> None:
        n = self.model.rowCount()
        noun = "member" if n == 1 else "members"
        where = " in the bin" if self.filter_state.deleted else ""
        self.count_label.setText(f"{n:,} {noun}{where}")
        self.delete_button.setText("&Restore" if self.filter_state.deleted else "&Delete")

    def _filter_changed(self) -> None:
        self.filter_state = self.filters.current()
        self.model.reload()
        self._update_count()

    def _sort_changed(self, section: int, order: Qt.SortOrder) -> None:
        column = COLUMNS[section]
        if column.key not in SQL_SORTABLE:
            # Sorting by a column the database cannot order (it is gathered per page) would
            # only sort the rows on screen; say so and keep the list sorted by name.
            self.controller.status.emit(f"The list cannot be sorted by {column.title}; "
                                        "sorted by name.")
            self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)

    # --- selection and editing -----------------------------------------------------------

    def current_member_id(self) -> uuid.UUID | None:
        index = self.view.currentIndex()
        row = self.model.data(index, ROW_ROLE) if index.isValid() else None
        return row.id if row is not None else None

    def select_member(self, member_id: uuid.UUID, *, load: bool = True) -> bool:
        """Show a member: its row selected in the list as it is filtered and sorted now (the
        page it is on is read and scrolled to). The filter is never changed behind the
        user's back: when it leaves the member out, the member is shown on the right all the
        same, no row is highlighted, and the status bar says why."""
        row = self._row_of(member_id)
        if row is None:
            try:
                detail = member_service.get_member(self.ctx, member_id)
            except ServiceError:
                return False
            self._selecting = True
            self.view.selectionModel().clearSelection()
            self.view.selectionModel().setCurrentIndex(
                self.model.index(-1, -1), QItemSelectionModel.SelectionFlag.NoUpdate)
            self._selecting = False
            if load or self.panel.member_id != member_id:
                self.panel.load(detail)
            self.controller.status.emit(
                f"“{detail.data.name}” is not in the list as it is filtered now "
                f"({describe(self.filter_state)}); it is shown on the right. Clear the filter "
                "to see it in the list.")
            return True
        if load and self.view.currentIndex().row() == row:
            self.panel.load(member_service.get_member(self.ctx, member_id))
        self._select_row(row, load=load)
        return True

    def _row_of(self, member_id: uuid.UUID) -> int | None:
        """The member's row in the list as filtered and sorted now, or None."""
        found = self.model.find_row(lambda r: r.id == member_id)
        if found >= 0:
            return found
        position = self._listing().position(member_id) if self.ctx else None
        return position if position is not None and position < self.model.rowCount() else None

    def _select_row(self, row: int, *, load: bool) -> None:
        index = self.model.index(row, 0)
        self._selecting = not load
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index)
        self._selecting = False

    def _row_changed(self, current, previous) -> None:
        if self._selecting:
            return
        row = self.model.data(current, ROW_ROLE) if current.isValid() else None
        if row is None:
            return
        moving_away = self.editor.dirty and self.editor.member_id != row.id
        if moving_away and not self.confirm_discard():
            self._selecting = True
            self.view.selectionModel().setCurrentIndex(
                previous, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self._selecting = False
            return
        self.panel.load(member_service.get_member(self.ctx, row.id))

    def confirm_discard(self) -> bool:
        """Ask what to do with unsaved changes; True when it is fine to move on."""
        if not self.editor.dirty:
            return True
        detail = self.panel.detail
        name = f"“{detail.data.name}”" if detail else \
            (f"the new member “{self.editor.name.text().strip()}”" if self.editor.name.text().strip()
             else "the new member")
        answer = QMessageBox.question(
            self, "Unsaved changes", f"Save the changes to {name} first?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.editor.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.editor.revert()
            return True
        return False

    def new_member(self) -> None:
        if not self.confirm_discard():
            return
        self.view.clearSelection()
        self.panel.start_new()

    def _saved(self, detail) -> None:
        self.panel.load(detail)
        QTimer.singleShot(0, lambda: self.select_member(detail.id, load=False))

    def delete_or_restore(self) -> None:
        member_id = self.current_member_id()
        if member_id is None:
            return
        row = self.view.currentIndex().row()
        name = self.model.data(self.view.currentIndex(), ROW_ROLE).name
        if self.filter_state.deleted:
            done = self.controller.run_op(self, "Restore member", member_service.restore_member,
                                          member_id)
            message = f"“{name}” restored."
        else:
            done = self.controller.run_op(self, "Delete member", member_service.delete_member,
                                          member_id)
            message = f"“{name}” moved to the bin — tick Bin to restore it."
        if not done:
            return
        # The row has left this list: the one that took its place (or the new last) is next.
        if self.model.rowCount():
            self._select_row(min(row, self.model.rowCount() - 1), load=True)
        else:
            self.panel.clear()
        self.controller.status.emit(message)

    def _focus_list(self) -> None:
        """Enter in the filter: into the list, with a row selected (the current one — the
        view makes the first row current on focus, but does not select it)."""
        self.view.setFocus()
        if self.model.rowCount() and not self.view.selectionModel().hasSelection():
            current = self.view.currentIndex()
            self._select_row(current.row() if current.isValid() else 0, load=True)

    def focus_primary(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def list_export(self) -> ListExport:
        """The list the user is working in: a member's contacts or interactions when the
        keyboard is there, otherwise the filtered member list."""
        focus = self.focusWidget()
        for section, title in ((self.panel.contacts, "Contacts"),
                               (self.panel.interactions, "Interactions")):
            if focus is not None and section.isAncestorOf(focus) and self.panel.detail:
                columns, rows = section.export_rows()
                return ListExport(f"{title} — {self.panel.detail.data.name}", columns, rows)
        ctx, f = self.ctx, self.filter_state
        key = self.model.sort_key if self.model.sort_key in SQL_SORTABLE else "name"
        descending = self.model.descending

        def rows():  # read while the file is written, off the GUI thread: 100,000 take seconds
            yield from member_service.member_page(ctx, f, sort=key, descending=descending, limit=None)

        hidden = self.columns.hidden()
        return ListExport("Members", [c for c in COLUMNS if c.key not in hidden], rows())
