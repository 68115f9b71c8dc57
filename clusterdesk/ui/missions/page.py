"""Missions (Phase 4): activities with their participants, the focused checklist for ticking
while travelling, partners abroad, and checklist templates — each a section of its own."""

from __future__ import annotations

from ..common.sections import SectionedTab

SECTIONS = (
    ("Activities", "clusterdesk.ui.missions.activities:ActivitiesView"),
    ("Checklist", "clusterdesk.ui.missions.checklist_view:ChecklistView"),
    ("Partners", "clusterdesk.ui.missions.partners:PartnersView"),
    ("Templates", "clusterdesk.ui.missions.templates:TemplatesView"),
)


class MissionsTab(SectionedTab):
    SECTIONS = SECTIONS

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        self.activities.open_checklist_requested.connect(self.open_checklist)

    @property
    def activities(self):
        return self.view("Activities")

    @property
    def checklist(self):
        return self.view("Checklist")

    @property
    def partners(self):
        return self.view("Partners")

    @property
    def templates(self):
        return self.view("Templates")

    # --- opened from elsewhere (Today, the activity editor, a partner's joint activities) ----

    def open_activity(self, activity_id) -> bool:
        self.show_section("Activities")
        return self.activities.select_activity(activity_id)

    def open_checklist(self, activity_id, item_id=None) -> bool:
        return self.show_section("Checklist").show_activity(activity_id, item_id)

    def open_partner(self, partner_id) -> bool:
        self.show_section("Partners")
        return self.partners.select_partner(partner_id)

    def open_record(self, kind: str, record_id) -> bool:
        """A search hit (Ctrl+K) or a link elsewhere: show the partner or activity."""
        opener = {"partner": self.open_partner, "activity": self.open_activity}.get(kind)
        return opener(record_id) if opener else False
