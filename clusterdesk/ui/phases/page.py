"""A phase page: the handbook's questions for the phase, for the tabs whose own screens are
still to come. It is an honest page, not a mock: it says what exists and what does not."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from ...domain.phases import PHASES
from ..common.tab import TabPage


class PhasePage(TabPage):
    phase_number = 1
    coming = ""

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        phase = PHASES[self.phase_number - 1]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        heading = QLabel(f"Phase {phase.number} — {phase.title}")
        heading.setProperty("role", "heading")
        layout.addWidget(heading)
        purpose = QLabel(phase.purpose)
        purpose.setWordWrap(True)
        layout.addWidget(purpose)
        layout.addSpacing(10)
        sub = QLabel("Questions to answer before you move on")
        sub.setProperty("role", "subheading")
        layout.addWidget(sub)
        for question in phase.questions:
            label = QLabel(f"☐  {question}")
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addSpacing(14)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(line)
        note = QLabel(f"Not in this version yet: {self.coming}")
        note.setProperty("role", "hint")
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)




class NetworkTab(PhasePage):
    phase_number = 5
    coming = "meta-clusters, the services catalogue, partner-search requests, project ideas."
