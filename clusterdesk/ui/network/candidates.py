"""A request's candidates and proposals: the partners abroad and stakeholders that fit what
the member asks (ranked as `domain.matching` describes, best first, each with the reasons),
and below them the ones proposed — when, to whom there, whether sent on to the member and what
came of it. Enter (or Propose) adds the selected candidate to the proposals."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from ...domain.countries import country_name
from ...domain.network import ProposalResponse
from ...services import partner_matching
from ..common.editable_rows import EditColumn
from ..common.forms import entry_text
from ..common.rows_table import RowsTable
from ..common.table_model import ROW_ROLE, Column
from ..common.table_view import sorted_table, stretch_column
from ..common.theme import DONE

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CANDIDATE_COLUMNS = (
    Column("score", "Fit", lambda c: c.score, width=52, align=RIGHT, text_of=lambda c: f"{c.score} %",
           tooltip=lambda c: "Field 50, country 30, kind 20 points"),
    Column("name", "Candidate", lambda c: c.name, width=170,
           tooltip=lambda c: f"{c.name}\n{c.kind} · {country_name(c.country)} · {c.closeness}"),
    Column("why", "Why", lambda c: "; ".join(c.reasons), tooltip=lambda c: "\n".join(c.reasons)),
    Column("people", "People there", lambda c: ", ".join(c.people), width=150, tooltip=lambda c: "\n".join(c.people)),
)
PROPOSAL_COLUMNS = (
    EditColumn("name", "Proposed", 165),
    EditColumn("person", "Person", 110, "Whom the member should talk to there"),
    EditColumn("score", "Fit", 34, "The fit when it was proposed", editable=False, numeric=True),
    EditColumn("proposed", "On", 80, "When it was proposed (day first)"),
    EditColumn("sent", "Sent", 80, "When it was sent on to the member; type today"),
    EditColumn("response", "Response", 115, choices=tuple(ProposalResponse.choices())),
    EditColumn("note", "Note", 110),
)


class CandidatesPanel(QWidget):
    changed = Signal()  # the proposals were edited

    def __init__(self, controller, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        layout = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setProperty("role", "subheading")
        self.heading.setWordWrap(True)
        head.addWidget(self.heading, 1)
        self.propose_button = QPushButton("&Propose")
        self.propose_button.setToolTip("Add the selected candidate to the proposals (Enter in the list)")
        self.propose_button.setAutoDefault(False)
        self.propose_button.clicked.connect(self.propose)
        head.addWidget(self.propose_button)
        column.addLayout(head)
        self.view, self.model, self.proxy = sorted_table(CANDIDATE_COLUMNS, self)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        stretch_column(self.view, 2)  # why it fits
        self.view.doubleClicked.connect(lambda _index: self.propose())
        self.model.decorate = self._decorate
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.view, self.propose)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        column.addWidget(self.view, 1)
        split.addWidget(top)

        bottom = QWidget()
        column = QVBoxLayout(bottom)
        column.setContentsMargins(0, 0, 0, 0)
        self.proposals_heading = QLabel()
        self.proposals_heading.setProperty("role", "subheading")
        column.addWidget(self.proposals_heading)
        self.proposals = RowsTable(PROPOSAL_COLUMNS, noun="proposal", height=90,
                                   defaults={"response": ProposalResponse.WAITING.value})
        self.proposals.view.setWordWrap(False)
        stretch_column(self.proposals.view, 0)
        self.proposals.changed.connect(self.changed)
        self.proposals.changed.connect(self._count)
        self.proposals.changed.connect(self._repaint_candidates)
        column.addWidget(self.proposals, 1)
        split.addWidget(bottom)
        split.setSizes([240, 200])
        layout.addWidget(split)
        self.criteria = None

    # --- candidates ------------------------------------------------------------------------------

    def show_candidates(self, criteria, problem: str = "") -> None:
        """Rank the candidates for what is typed in the request (or say why it cannot)."""
        self.criteria = criteria
        ctx = self.controller.ctx
        if criteria is None or ctx is None:
            self.model.set_rows([])
            self.heading.setText(problem or "Type what the member looks for (the field) to see candidates.")
            return
        rows = partner_matching.find_candidates(ctx, criteria)
        self.model.set_rows(rows)
        self.heading.setText(f"{len(rows)} candidates, the best first — Enter proposes the selected one"
                             if rows else
                             "No partner or stakeholder fits this field or these countries; add partners in "
                             "Missions ▸ Partners, or propose someone by hand below.")
        if rows:
            self.view.selectRow(0)

    def _proposed_keys(self) -> set:
        return {row.get("partner_id") or row.get("stakeholder_id") for row in self.proposals.rows()} - {None}

    def _decorate(self, candidate, role: int):
        if role == Qt.ItemDataRole.ForegroundRole and candidate.id in self._proposed_keys():
            return QBrush(QColor(DONE))
        return None

    def propose(self) -> None:
        index = self.view.currentIndex()
        candidate = index.data(ROW_ROLE) if index.isValid() else None
        if candidate is None or self.proposals.model.read_only:
            return
        if candidate.id in self._proposed_keys():
            self.controller.status.emit(f"{candidate.name} is already proposed.")
            return
        key = "partner_id" if candidate.source == partner_matching.PARTNER else "stakeholder_id"
        today = entry_text(self.controller.today())
        self.proposals.model.insert_row(self.proposals.model.rowCount(), {
            key: candidate.id, "name": candidate.name, "person": candidate.best_person,
            "score": candidate.score, "proposed": today, "response": ProposalResponse.WAITING.value})
        self.controller.status.emit(f"{candidate.name} proposed — save the request to keep it (Ctrl+S).")

    def _repaint_candidates(self) -> None:
        """Proposed candidates are shown green; a proposal added or removed repaints them."""
        if self.model.rowCount():
            self.model.dataChanged.emit(self.model.index(0, 0),
                                        self.model.index(self.model.rowCount() - 1, self.model.columnCount() - 1))

    # --- proposals -----------------------------------------------------------------------------

    def set_proposals(self, rows: list[dict]) -> None:
        self.proposals.set_rows(rows)
        self._count()

    def _count(self) -> None:
        rows = [r for r in self.proposals.rows() if str(r.get("name", "")).strip()]
        sent = sum(1 for r in rows if str(r.get("sent", "")).strip())
        self.proposals_heading.setText(f"Proposed: {len(rows)}, sent on to the member: {sent}" if rows
                                       else "Nothing proposed yet")
