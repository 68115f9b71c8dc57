"""The Qt binding itself must not corrupt the interpreter: PySide6 6.12.0 drops a reference to
None on every call returning nothing, which aborts Python 3.11 after a few hundred edits
(pyproject keeps Python 3.11 on 6.11.x). This guards any future version."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLineEdit


def test_calls_returning_nothing_keep_none_alive(qapp):
    field = QLineEdit()
    before = sys.getrefcount(None)
    for _ in range(2000):
        field.setText("Vestkyst Pumper A/S")
        field.clear()
    # None is immortal on 3.12+ (its count is fixed); on 3.11 it must not drop by thousands.
    assert sys.getrefcount(None) - before > -500
