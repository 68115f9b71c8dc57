"""The main window: a tab per phase, menus with every action and its shortcut, a status bar
that always says which workspace is open and whether it is safe."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QStackedLayout,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME
from ..domain.changes import Changes
from ..domain.formatting import format_datetime
from .common.messages import show_error, show_info
from .common.tab import TabPage
from .common.unsaved import UNSAVED_EDITORS
from .controller import WorkspaceController


@dataclass(frozen=True)
class TabSpec:
    key: str
    title: str
    icon: str
    factory: str  # "module:Class", imported when the tab is first shown
    tooltip: str


ICONS_DELAY_MS = 50  # after the first paint with data

TABS = (
    TabSpec("today", "Today", "today", "clusterdesk.ui.today.page:TodayTab",
            "Overdue and upcoming work, and the five phases at a glance"),
    TabSpec("members", "Members", "members", "clusterdesk.ui.members.page:MembersTab",
            "Phase 1 — member organisations, contacts, interactions"),
    TabSpec("finance", "Finance", "finance", "clusterdesk.ui.finance.page:FinanceTab",
            "Phase 2 — competences, stakeholders and funding"),
    TabSpec("strategy", "Strategy", "strategy", "clusterdesk.ui.strategy.page:StrategyTab",
            "Phase 3 — the international strategy, KPIs and action plans"),
    TabSpec("missions", "Missions", "missions", "clusterdesk.ui.missions.page:MissionsTab",
            "Phase 4 — partners, missions, events and their checklists"),
    TabSpec("evaluations", "Evaluations", "evaluations", "clusterdesk.ui.evaluations.page:EvaluationsTab",
            "Phase 4 — evaluations, outcomes and success stories"),
    TabSpec("network", "Network", "network", "clusterdesk.ui.network.page:NetworkTab",
            "Phase 5 — the network and permanent services"),
)


class _LazyTab(QWidget):
    """Holds a tab's place until it is first shown, then builds the real page inside."""

    def __init__(self, spec: TabSpec, controller: WorkspaceController) -> None:
        super().__init__()
        self.spec = spec
        self.controller = controller
        self.page: TabPage | None = None
        self._layout = QStackedLayout(self)

    def build(self) -> TabPage:
        if self.page is None:
            module_name, class_name = self.spec.factory.split(":")
            cls = getattr(importlib.import_module(module_name), class_name)
            self.page = cls(self.controller)
            self._layout.addWidget(self.page)
            self.page.refresh()
        return self.page


class MainWindow(QMainWindow):
    def __init__(self, controller: WorkspaceController) -> None:
        super().__init__()
        self.controller = controller
        self.setMinimumSize(1000, 640)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._lazy: dict[str, _LazyTab] = {}
        for spec in TABS:
            holder = _LazyTab(spec, controller)
            self._lazy[spec.key] = holder
            index = self.tabs.addTab(holder, spec.title)
            self.tabs.setTabToolTip(index, f"{spec.tooltip}")
        self.tabs.currentChanged.connect(self._tab_shown)
        self.read_only_banner = QLabel()
        self.read_only_banner.setProperty("role", "banner")
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.hide()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.read_only_banner)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self._build_status_bar()
        controller.changed.connect(self._on_changed)
        controller.workspace_changed.connect(self._workspace_changed)
        controller.backup_taken.connect(lambda _info: self._update_status())
        controller.status.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        controller.damaged.connect(self._damaged_after_opening)
        self._restore_geometry()
        self._workspace_changed()
        self._tab_shown(self.tabs.currentIndex())
        self._icons_applied = False
        controller.workspace_changed.connect(lambda: QTimer.singleShot(ICONS_DELAY_MS, self.apply_icons))
        if controller.workspace is not None:
            QTimer.singleShot(ICONS_DELAY_MS, self.apply_icons)

    # --- tabs ----------------------------------------------------------------------------

    def page(self, key: str) -> TabPage:
        """The tab page for a key, built if needed (tests and 'go to' links use this)."""
        return self._lazy[key].build()

    def show_tab(self, key: str) -> TabPage:
        self.tabs.setCurrentWidget(self._lazy[key])
        return self.page(key)

    def current_page(self) -> TabPage | None:
        holder = self.tabs.currentWidget()
        return holder.page if isinstance(holder, _LazyTab) else None

    def _tab_shown(self, index: int) -> None:
        holder = self.tabs.widget(index)
        if isinstance(holder, _LazyTab) and self.controller.ctx is not None:
            holder.build().focus_primary()

    def _on_changed(self, changes: Changes) -> None:
        for holder in self._lazy.values():
            if holder.page is not None:
                holder.page.on_changed(changes)
        self._update_status()

    # --- menus ---------------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, icon: str = "", tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip or text.replace('&', '').rstrip('…')}" + (f" ({shown})" if shown else ""))
        action.setStatusTip(tip)
        action.setProperty("icon_name", icon)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.act_new = self._action("&New workspace…", self.new_workspace, "Ctrl+Shift+N", "new",
                                    "Create a new, empty workspace file")
        self.act_open = self._action("&Open workspace…", self.open_workspace_dialog,
                                     QKeySequence.StandardKey.Open, "open", "Open a workspace file")
        self.recent_menu = file_menu.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.act_demo = self._action("Open the &demo workspace", self.open_demo, None, "demo",
                                     "A fresh copy of the demo cluster; your files are not touched")
        self.act_backup = self._action("&Back up now", self.backup_now, "Ctrl+Shift+B", "backup",
                                       "Write a verified backup of this workspace")
        self.act_restore = self._action("Restore from &backup…", self.restore_dialog, None, "restore",
                                        "Go back to an earlier backup of this workspace")
        self.act_import = self._action("&Import members…", self.import_members, "Ctrl+I", "fa6s.file-import",
                                       "Import members and contacts from Excel or CSV")
        self.act_export = self._action("&Export list to Excel…", self.export_list, "Ctrl+E", "export",
                                       "Save the list on screen as an Excel file")
        self.act_calendar = self._action("Export &calendar (.ics)…", self.export_calendar, "Ctrl+Shift+I",
                                         "calendar", "Activities and everything due, for Outlook, "
                                         "Google or Apple Calendar")
        self.act_prefs = self._action("&Preferences…", self.preferences, QKeySequence.StandardKey.Preferences,
                                      "preferences", "Your name and initials, language")
        self.act_quit = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit, "quit")
        file_menu.insertAction(self.recent_menu.menuAction(), self.act_new)
        file_menu.insertAction(self.recent_menu.menuAction(), self.act_open)
        file_menu.addAction(self.act_demo)
        file_menu.addSeparator()
        file_menu.addAction(self.act_backup)
        file_menu.addAction(self.act_restore)
        file_menu.addSeparator()
        file_menu.addAction(self.act_import)
        file_menu.addAction(self.act_export)
        file_menu.addAction(self.act_calendar)
        file_menu.addSeparator()
        file_menu.addAction(self.act_prefs)
        file_menu.addAction(self.act_quit)

        edit = bar.addMenu("&Edit")
        self.act_find = self._action("&Find anything…", self.find_anything, "Ctrl+K", "search",
                                     "Find members, contacts and more by a few letters")
        edit.addAction(self.act_find)

        view = bar.addMenu("&View")
        for number, spec in enumerate(TABS, start=1):
            act = self._action(spec.title, lambda _=False, k=spec.key: self.show_tab(k),
                               f"Ctrl+{number}", spec.icon, spec.tooltip)
            view.addAction(act)

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self._action("Where are my &files?", self.show_locations, None, "info"))
        help_menu.addAction(self._action(f"&About {APP_NAME}", self.about, None, "info"))

    def apply_icons(self) -> None:
        """Loading the icon font costs a tenth of a second or more, so the window comes up
        without icons and gets them once it shows the workspace's data."""
        if self._icons_applied:
            return
        self._icons_applied = True
        from .common.icons import icon

        for action in self.findChildren(QAction):
            name = action.property("icon_name")
            if name:
                action.setIcon(icon(name))
        for index, spec in enumerate(TABS):
            self.tabs.setTabIcon(index, icon(spec.icon))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.controller.prefs.recent_workspaces
        if not recent:
            self.recent_menu.addAction("(none yet)").setEnabled(False)
        for number, location in enumerate(recent, start=1):
            act = self.recent_menu.addAction(f"&{number} {location}")
            act.triggered.connect(lambda _=False, loc=location: self.open_location(loc))

    # --- status bar ----------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        self.status_file = QLabel()
        self.status_file.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_state = QLabel()
        self.status_user = QLabel()
        self.statusBar().addWidget(self.status_file, 1)
        self.statusBar().addPermanentWidget(self.status_state)
        self.statusBar().addPermanentWidget(self.status_user)
        UNSAVED_EDITORS.changed.connect(self._update_status)

    def _update_status(self) -> None:
        ws = self.controller.workspace
        if ws is None:
            self.status_file.setText("No workspace open")
            self.status_state.setText("")
            return
        where = "Demo workspace (a fresh copy)" if self.controller.is_demo else ws.location
        self.status_file.setText(where)
        self.status_file.setToolTip(ws.location)
        if ws.read_only:
            state = f"🔒 Read-only — {ws.read_only_reason}"
        else:
            unsaved = UNSAVED_EDITORS.count()
            state = ("✓ All changes saved" if not unsaved else "● Unsaved changes — Ctrl+S saves"
                     if unsaved == 1 else f"● Unsaved changes in {unsaved} editors")
            backup = self.controller.last_backup
            if backup is not None:
                state += f" · last backup {format_datetime(backup.taken_at)}"
            elif ws.backups is not None:
                state += " · no backup yet"
        self.status_state.setText(state)
        self.status_user.setText(f"  {self.controller.prefs.actor}  ")
        self.status_user.setToolTip("Recorded as the person who changes things (File ▸ Preferences)")

    def _workspace_changed(self) -> None:
        ws = self.controller.workspace
        title = APP_NAME if ws is None else f"{ws.name} — {APP_NAME}"
        self.setWindowTitle(title)
        # The demo is a throw-away copy without backups; a server is backed up by its admin.
        has_file = (ws is not None and not ws.is_server and not ws.read_only
                    and ws.backups is not None)
        self.act_backup.setEnabled(has_file)
        self.act_backup.setToolTip("Write a verified backup of this workspace (Ctrl+Shift+B)"
                                   if has_file or ws is None else
                                   "Not for this workspace: " + (
                                       "the demo is a fresh copy each time" if self.controller.is_demo
                                       else "a shared server is backed up by its administrator"
                                       if ws.is_server else "it is open read-only"))
        self.act_import.setEnabled(ws is not None and not ws.read_only)
        self.act_restore.setEnabled(has_file)
        read_only = ws is not None and ws.read_only
        self.read_only_banner.setVisible(read_only)
        if read_only:
            chosen = ws.read_only_reason == "opened read-only"
            self.read_only_banner.setText(
                "🔒 This workspace is open read-only"
                + ("" if chosen else f" ({ws.read_only_reason})")
                + ": you can look, search, print and export, but not change anything. "
                + ("To change it, open it again for editing (File ▸ Open recent)." if chosen else
                   "To change it, open it again for editing once that is solved "
                   "(File ▸ Open recent)."))
        self._update_status()
        self._tab_shown(self.tabs.currentIndex())

    # --- actions -------------------------------------------------------------------------

    def new_workspace(self) -> None:
        from .start_dialog import ask_new_workspace_path

        path = ask_new_workspace_path(self, self.controller.paths.workspaces_dir)
        if path is None:
            return
        try:
            self.controller.create(path, path.stem.replace("_", " "))
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, "New workspace", str(exc))

    def open_workspace_dialog(self) -> None:
        start = str(self.controller.paths.workspaces_dir)
        path, _ = QFileDialog.getOpenFileName(self, "Open workspace", start,
                                              "ClusterDesk workspaces (*.clusterdesk);;All files (*)")
        if path:
            self.open_location(path)

    def open_location(self, location: str) -> None:
        from .open_flow import open_with_dialogs

        open_with_dialogs(self, self.controller, location)

    def _damaged_after_opening(self, location: str, damaged) -> None:
        from .open_flow import offer_restore

        offer_restore(self, self.controller, location, damaged, now_read_only=True)

    def open_demo(self) -> None:
        self.controller.open_demo()

    def find_anything(self) -> None:
        if self.controller.ctx is None:
            return
        from .search_dialog import SearchDialog

        SearchDialog(self).exec()

    def open_hit(self, hit) -> None:
        """Show a search hit (or any linked record) in its tab."""
        page = self.show_tab(hit.tab)
        if hit.kind == "contact" and hit.member_id is not None and hasattr(page, "open_contact"):
            page.open_contact(hit.member_id, hit.id)
        elif hit.tab == "members" and hit.member_id is not None and hasattr(page, "select_member"):
            page.select_member(hit.member_id)
        elif hasattr(page, "open_record"):
            page.open_record(hit.kind, hit.id)

    def backup_now(self) -> None:
        try:
            info = self.controller.backup_now()
        except Exception as exc:  # noqa: BLE001
            show_error(self, "Back up now", f"The backup failed: {exc}")
            return
        self.statusBar().showMessage(f"Backup written and verified: {info.path}", 10_000)

    def restore_dialog(self) -> None:
        from .restore_dialog import RestoreDialog

        RestoreDialog(self.controller, self).exec()

    def import_members(self) -> None:
        from .imports.wizard import open_import_wizard

        return open_import_wizard(self, self.controller)

    def export_list(self) -> None:
        from .common.export import export_list_dialog

        page = self.current_page()
        export = page.list_export() if page else None
        if export is None:
            show_info(self, "Export list", "This tab has no list to export.")
            return
        export_list_dialog(self, self.controller, export)

    def export_calendar(self) -> None:
        from .today.calendar import export_calendar_dialog

        if self.controller.ctx is not None:
            export_calendar_dialog(self, self.controller)

    def preferences(self) -> None:
        from .preferences_dialog import PreferencesDialog

        if PreferencesDialog(self.controller, self).exec():
            self._update_status()

    def show_locations(self) -> None:
        paths = self.controller.paths
        ws = self.controller.workspace
        backups = ws.backups.directory if ws and ws.backups else paths.backup_root
        show_info(self, "Where are my files?",
                  f"Workspace: {ws.location if ws else '—'}\n\nBackups of this workspace: {backups}\n\n"
                  f"Settings: {paths.settings_file}\n\nDemo copies: {paths.demo_dir}\n\n"
                  "Keep the workspace on this computer's own disk. A live workspace in a synced "
                  "folder (OneDrive, Dropbox) or on a network share can be damaged; exchange "
                  "copies (File ▸ Back up now) instead.")

    def about(self) -> None:
        from .. import __version__

        show_info(self, f"About {APP_NAME}",
                  f"{APP_NAME} {__version__}\n\nThe international work of a cluster secretariat, "
                  "following the handbook “Strategic internationalisation – a tool for clusters”.")

    # --- window state --------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)
        tab = settings.value("main_window/tab")
        if isinstance(tab, str) and tab in self._lazy:
            self.tabs.setCurrentWidget(self._lazy[tab])

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        for holder in self._lazy.values():
            page = holder.page
            if page is not None and hasattr(page, "confirm_discard") and not page.confirm_discard():
                event.ignore()
                return
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        current = self.tabs.currentWidget()
        if isinstance(current, _LazyTab):
            settings.setValue("main_window/tab", current.spec.key)
        self.controller.runner.wait(10_000)
        self.controller.close()
        super().closeEvent(event)


def default_workspace_path(folder: Path, name: str) -> Path:
    safe = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in name).strip() or "workspace"
    return folder / f"{safe}.clusterdesk"
