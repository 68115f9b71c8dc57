"""Members (Phase 1): organisations, and the sections for campaigns, questionnaires and
markets, each a view of its own in an inner tab bar (Alt+1…Alt+4)."""

from __future__ import annotations

from ..common.sections import SectionedTab
from .member_panel import CONTACTS, INTERACTIONS

# (title, "module:Class"); each class keeps the TabPage contract.
SECTIONS = (
    ("Organisations", "clusterdesk.ui.members.organisations:OrganisationsView"),
    ("Campaigns", "clusterdesk.ui.members.campaigns.view:CampaignsView"),
    ("Questionnaires", "clusterdesk.ui.members.questionnaires.view:QuestionnairesView"),
    ("Markets", "clusterdesk.ui.members.markets.view:MarketsView"),
    ("Duplicates", "clusterdesk.ui.members.duplicates:DuplicatesView"),
    ("Imports", "clusterdesk.ui.imports.history:ImportHistoryView"),
)


class MembersTab(SectionedTab):
    SECTIONS = SECTIONS

    @property
    def organisations(self):
        return self.view("Organisations")

    def select_member(self, member_id) -> bool:
        self.show_section("Organisations")
        return self.organisations.select_member(member_id)

    def open_call(self, campaign_id, target_id) -> bool:
        """The call screen of a campaign, on one member (a call-back on Today)."""
        return self.show_section("Campaigns").call_member(campaign_id, target_id)

    def open_interaction(self, member_id, interaction_id) -> bool:
        """The member, on its Interactions part with that interaction selected."""
        return self._open_part(member_id, INTERACTIONS, interaction_id)

    def open_contact(self, member_id, contact_id) -> bool:
        """The member, on its Contacts part with that contact selected."""
        return self._open_part(member_id, CONTACTS, contact_id)

    def _open_part(self, member_id, part: int, record_id) -> bool:
        if not self.select_member(member_id):
            return False
        panel = self.organisations.panel
        panel.show_section(part)
        panel.tabs.currentWidget().select_record(record_id)
        return True
