"""Finance (Phase 2 — competences, stakeholders and finances): funding calls with their
sources, budgets, stakeholders on the power–interest grid, SWOT analyses and the
secretariat's readiness — each a section of its own (Alt+1…5)."""

from __future__ import annotations

from ...services import funding as funding_service
from ...services.errors import NotFound
from ..common.sections import SectionedTab

SECTIONS = (
    ("Funding", "clusterdesk.ui.finance.calls:CallsView"),
    ("Budgets", "clusterdesk.ui.finance.budgets:BudgetsView"),
    ("Stakeholders", "clusterdesk.ui.finance.stakeholders:StakeholdersView"),
    ("SWOT", "clusterdesk.ui.finance.swot:SwotView"),
    ("Secretariat", "clusterdesk.ui.finance.secretariat:SecretariatView"),
)
# a search hit's kind → the section that shows it
RECORD_SECTIONS = {"call": "Funding", "budget": "Budgets", "stakeholder": "Stakeholders",
                   "swot": "SWOT", "staff": "Secretariat"}


class FinanceTab(SectionedTab):
    SECTIONS = SECTIONS

    def open_record(self, kind: str, record_id) -> bool:
        """A search hit (Ctrl+K) or a deadline on Today: show the record in its section."""
        if kind == "deadline":
            try:
                call_id = funding_service.call_of_deadline(self.ctx, record_id)
            except NotFound:
                return False
            view = self.show_section("Funding")
            if not view.select_record(call_id):
                return False
            view.editor.tabs.setCurrentIndex(1)  # where its stages and documents are
            return True
        title = RECORD_SECTIONS.get(kind)
        if title is None:
            return False
        return self.show_section(title).select_record(record_id)
