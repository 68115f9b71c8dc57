"""Small things the Network screens share."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox


def compact(combo: QComboBox, letters: int = 12) -> QComboBox:
    """A choice whose long labels do not widen the form: it shows about `letters` letters and
    opens wide enough to read them all."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(letters)
    return combo
