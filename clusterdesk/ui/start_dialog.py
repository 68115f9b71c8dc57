"""First start (or no workspace to reopen): create new, open a file, or open the demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME


class StartDialog(QDialog):
    NEW, OPEN, DEMO = "new", "open", "demo"

    def __init__(self, parent: QWidget | None = None, message: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Welcome to {APP_NAME}")
        self.choice: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(10)
        heading = QLabel(f"Welcome to {APP_NAME}")
        heading.setProperty("role", "heading")
        layout.addWidget(heading)
        intro = QLabel("Your cluster's international work — members, funding, strategy, missions "
                       "and evaluations — in one file on this computer.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if message:
            note = QLabel(message)
            note.setWordWrap(True)
            note.setProperty("role", "error")
            layout.addWidget(note)
        layout.addSpacing(8)
        for key, text, hint in (
            (self.NEW, "&Create a new workspace…", "Start empty and add your members."),
            (self.OPEN, "&Open a workspace file…", "A .clusterdesk file you or a colleague made."),
            (self.DEMO, "Look around in the &demo", "An invented Danish cluster with data in every tab."),
        ):
            button = QPushButton(text)
            button.setMinimumHeight(38)
            button.setToolTip(hint)
            button.clicked.connect(lambda _=False, k=key: self._choose(k))
            layout.addWidget(button)
            label = QLabel(hint)
            label.setProperty("role", "hint")
            label.setAlignment(Qt.AlignmentFlag.AlignLeft)
            layout.addWidget(label)
        self.setMinimumWidth(460)

    def _choose(self, key: str) -> None:
        self.choice = key
        self.accept()


def ask_new_workspace_path(parent: QWidget | None, folder: Path) -> Path | None:
    name, ok = QInputDialog.getText(parent, "New workspace", "Name of the cluster or workspace:")
    if not ok or not name.strip():
        return None
    from .main_window import default_workspace_path

    folder.mkdir(parents=True, exist_ok=True)
    suggested = default_workspace_path(folder, name.strip())
    path, _ = QFileDialog.getSaveFileName(parent, "Save the new workspace as", str(suggested),
                                          "ClusterDesk workspaces (*.clusterdesk)")
    if not path:
        return None
    result = Path(path)
    if result.suffix != ".clusterdesk":
        result = result.with_name(result.name + ".clusterdesk")
    return result


def ask_open_path(parent: QWidget | None, folder: Path) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Open workspace", str(folder),
                                          "ClusterDesk workspaces (*.clusterdesk);;All files (*)")
    return path or None
