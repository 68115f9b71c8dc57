"""The demo's evaluations are what the brief asks for: the study trip evaluated by most of its
participants, two contracts (DKK and EUR), a long-term follow-up due soon, a baseline and a
mid-term round for about twenty members, and two success stories, one published."""

from __future__ import annotations

from datetime import timedelta

from clusterdesk.services import (
    baseline_values,
    baselines,
    evaluations,
    outcomes,
    success_stories,
    today,
)


def test_demo_evaluations(demo_ctx):
    rows = {s.name: s for s in evaluations.list_evaluations(demo_ctx)}
    trip = rows["Study trip to the Netherlands – delta technology"]
    assert trip.counted == 7 and trip.answered == 6  # most, not all, of those who came
    lines = outcomes.list_outcomes(demo_ctx, trip.activity_id)
    money = {o.value.currency for o in lines if o.kind in ("contract", "order")}
    assert money == {"DKK", "EUR"}
    soon = [i for i in today.agenda(demo_ctx) if i.kind == "long-term-follow-up"]
    assert soon and all(i.due <= demo_ctx.today() + timedelta(days=30) for i in soon)
    gearing = baselines.list_indicator_sets(demo_ctx)[0]
    comparison = baseline_values.compare(demo_ctx, gearing.id)
    assert [r.data.kind for r in comparison.rounds] == ["baseline", "mid_term"]
    assert 18 <= len(comparison.by_member) <= 22
    stories = success_stories.list_stories(demo_ctx)
    assert sum(s.status == "published" for s in stories) == 1 and len(stories) >= 2
    published = next(s for s in stories if s.status == "published")
    assert published.value is not None and published.activity_name == trip.name
