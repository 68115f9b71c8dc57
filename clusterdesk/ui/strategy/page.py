"""Strategy (Phase 3): the versions of the international strategy and its document, the KPIs
with their charts, the action plans, and the annual strategy wheel — each a section."""

from __future__ import annotations

from ..common.sections import SectionedTab

SECTIONS = (
    ("Versions", "clusterdesk.ui.strategy.versions:VersionsView"),
    ("KPIs", "clusterdesk.ui.strategy.kpis:KpisView"),
    ("Action plans", "clusterdesk.ui.strategy.plans:ActionPlansView"),
    ("Strategy wheel", "clusterdesk.ui.strategy.wheel:WheelView"),
)


class StrategyTab(SectionedTab):
    SECTIONS = SECTIONS

    @property
    def versions(self):
        return self.view("Versions")

    @property
    def kpis(self):
        return self.view("KPIs")

    @property
    def plans(self):
        return self.view("Action plans")

    @property
    def wheel(self):
        return self.view("Strategy wheel")

    # --- opened from elsewhere (Today, Ctrl+K, the activity editor) ------------------------------

    def open_strategy(self, strategy_id) -> bool:
        self.show_section("Versions")
        return self.versions.select_record(strategy_id)

    def open_kpi(self, kpi_id) -> bool:
        self.show_section("KPIs")
        return self.kpis.select_record(kpi_id)

    def open_action_plan(self, plan_id, sub_activity_id=None) -> bool:
        self.show_section("Action plans")
        return self.plans.open_plan(plan_id, sub_activity_id)

    def open_sub_activity(self, sub_activity_id) -> bool:
        from ...services.sub_activities import plan_of_sub_activity

        return self.open_action_plan(plan_of_sub_activity(self.ctx, sub_activity_id), sub_activity_id)

    def open_milestone(self, milestone_id) -> bool:
        return self.show_section("Strategy wheel").select_milestone(milestone_id)

    def open_record(self, kind: str, record_id) -> bool:
        """A search hit (Ctrl+K) or a link elsewhere."""
        opener = {"strategy": self.open_strategy, "kpi": self.open_kpi,
                  "action_plan": self.open_action_plan, "sub_activity": self.open_sub_activity,
                  "milestone": self.open_milestone}.get(kind)
        return opener(record_id) if opener else False
