"""Network (Phase 5 — maintain and develop the network and services): the meta-clusters the
cluster is in, the catalogue of permanent services, members' partner searches and the project
ideas pipeline — each a section of its own (Alt+1…4)."""

from __future__ import annotations

from ...services.errors import NotFound
from ..common.sections import SectionedTab

SECTIONS = (
    ("Meta-clusters", "clusterdesk.ui.network.partnerships:PartnershipsView"),
    ("Services", "clusterdesk.ui.network.services:ServicesView"),
    ("Partner searches", "clusterdesk.ui.network.requests:RequestsView"),
    ("Project ideas", "clusterdesk.ui.network.ideas:IdeasView"),
)
# a search hit's (or Today item's) kind → the section that shows it
RECORD_SECTIONS = {"partnership": "Meta-clusters", "service": "Services",
                   "partner-request": "Partner searches", "idea": "Project ideas"}


class NetworkTab(SectionedTab):
    SECTIONS = SECTIONS

    def open_record(self, kind: str, record_id) -> bool:
        """A search hit (Ctrl+K) or an item on Today: show the record in its section."""
        if kind == "agenda-point":
            try:
                return self.show_section("Meta-clusters").open_point(record_id)
            except NotFound:
                return False
        title = RECORD_SECTIONS.get(kind)
        if title is None:
            return False
        view = self.show_section(title)
        if getattr(view, "on_board", False):
            view.show_board(False)
        return view.select_record(record_id)
