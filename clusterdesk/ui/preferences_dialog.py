"""Preferences: the person at the keyboard (recorded as who changed things) and language."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit


class PreferencesDialog(QDialog):
    def __init__(self, controller, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        prefs = controller.prefs
        self.setWindowTitle("Preferences")
        form = QFormLayout(self)
        self.name = QLineEdit(prefs.user_name)
        self.name.setPlaceholderText("e.g. Mette Kjær")
        self.initials = QLineEdit(prefs.initials)
        self.initials.setMaxLength(6)
        self.initials.setPlaceholderText("e.g. MK")
        self.language = QComboBox()
        self.language.addItem("English", "en")
        self.language.addItem("Dansk", "da")
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        form.addRow("Your &name:", self.name)
        form.addRow("&Initials:", self.initials)
        form.addRow("&Language:", self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(380)

    def _save(self) -> None:
        prefs = self.controller.prefs
        prefs.user_name = " ".join(self.name.text().split())
        prefs.initials = self.initials.text().strip().upper()
        prefs.language = self.language.currentData()
        self.controller.save_prefs()
        self.controller.set_actor(prefs.actor)
        self.accept()
