"""Icons from one maintained set (Font Awesome 6 through qtawesome), loaded on first use."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

NAMES = {
    "new": "fa6s.file-circle-plus",
    "open": "fa6s.folder-open",
    "demo": "fa6s.wand-magic-sparkles",
    "backup": "fa6s.box-archive",
    "restore": "fa6s.clock-rotate-left",
    "export": "fa6s.file-excel",
    "pdf": "fa6s.file-pdf",
    "quit": "fa6s.right-from-bracket",
    "preferences": "fa6s.sliders",
    "add": "fa6s.plus",
    "delete": "fa6s.trash-can",
    "save": "fa6s.floppy-disk",
    "revert": "fa6s.rotate-left",
    "search": "fa6s.magnifying-glass",
    "today": "fa6s.calendar-day",
    "members": "fa6s.building",
    "finance": "fa6s.coins",
    "strategy": "fa6s.chess-knight",
    "missions": "fa6s.plane-departure",
    "evaluations": "fa6s.chart-column",
    "network": "fa6s.circle-nodes",
    "restore-row": "fa6s.trash-arrow-up",
    "check": "fa6s.check",
    "warning": "fa6s.triangle-exclamation",
    "info": "fa6s.circle-info",
    "lock": "fa6s.lock",
    "call": "fa6s.phone",
    "calendar": "fa6s.calendar",
}


@cache
def icon(name: str) -> QIcon:
    import qtawesome

    from .theme import is_dark

    color = "#d8dee9" if is_dark() else "#3b4a5a"
    return qtawesome.icon(NAMES.get(name, name), color=color)
