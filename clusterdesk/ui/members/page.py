"""Members (Phase 1): organisations, and the sections for campaigns, questionnaires and
markets, each a view of its own in an inner tab bar (Alt+1…Alt+4)."""

from __future__ import annotations

from ..common.sections import SectionedTab

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
