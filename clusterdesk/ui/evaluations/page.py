"""Evaluations (Phase 4, §4.5–§4.6): each activity's evaluation and long-term follow-up, the
outcomes participants reported, baseline measurements, success stories and the evaluation
report — each a section of its own (Alt+1…Alt+5)."""

from __future__ import annotations

from ..common.sections import SectionedTab

SECTIONS = (
    ("Per activity", "clusterdesk.ui.evaluations.activities:ActivityEvaluationsView"),
    ("Outcomes", "clusterdesk.ui.evaluations.outcomes:OutcomesView"),
    ("Baselines", "clusterdesk.ui.evaluations.baselines:BaselinesView"),
    ("Success stories", "clusterdesk.ui.evaluations.stories:StoriesView"),
    ("Report", "clusterdesk.ui.evaluations.report:ReportView"),
)


class EvaluationsTab(SectionedTab):
    SECTIONS = SECTIONS

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        self.activities.outcomes_requested.connect(self.open_outcomes)

    @property
    def activities(self):
        return self.view("Per activity")

    @property
    def outcomes(self):
        return self.view("Outcomes")

    @property
    def baselines(self):
        return self.view("Baselines")

    @property
    def stories(self):
        return self.view("Success stories")

    @property
    def report(self):
        return self.view("Report")

    # --- opened from elsewhere (Today, Ctrl+K, the activity's evaluation) ------------------------

    def open_activity(self, activity_id) -> bool:
        self.show_section("Per activity")
        return self.activities.select_activity(activity_id)

    def open_outcomes(self, activity_id) -> bool:
        return self.show_section("Outcomes").show_activity(activity_id)

    def open_story(self, story_id) -> bool:
        self.show_section("Success stories")
        return self.stories.select_record(story_id)

    def open_record(self, kind: str, record_id) -> bool:
        opener = {"success_story": self.open_story, "activity": self.open_activity}.get(kind)
        return opener(record_id) if opener else False
