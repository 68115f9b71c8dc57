"""The demo's Phase 5 is what the brief asks for: AquaNord in an ESCP-4i-style partnership and a
global water network (six partners between them), five services fed by the demo's activities,
six partner searches (some found, one open and due), seven ideas across the pipeline with two
matched to the demo's calls."""

from __future__ import annotations

from datetime import timedelta

from clusterdesk.domain.network import Maturity
from clusterdesk.services import (
    idea_calls,
    partner_requests,
    partnerships,
    project_ideas,
    service_catalogue,
    today,
)


def test_demo_meta_clusters_share_six_partners_and_keep_an_agenda(demo_ctx):
    rows = partnerships.list_partnerships(demo_ctx)
    assert sorted(r.kind for r in rows) == ["escp_4i", "global_network"]
    assert len({name for r in rows for name in r.partners}) == 6
    assert sum(r.done_last_year for r in rows) == 3 and sum(r.overdue for r in rows) == 1
    global_network = next(r for r in rows if r.kind == "global_network")
    detail = partnerships.get_partnership(demo_ctx, global_network.id)
    assert "passport" in detail.data.member_benefits


def test_demo_services_are_fed_by_the_demo_activities(demo_ctx):
    rows = {r.name: r for r in service_catalogue.list_services(demo_ctx)}
    assert len(rows) == 5
    assert sum(r.activities for r in rows.values()) == 7  # every demo activity feeds one service
    assert [name for name, r in rows.items() if r.could_become_permanent] == ["Study trips and company missions"]
    assert rows["Annual Nordic water matchmaking"].status == "permanent"


def test_demo_partner_searches_end_in_every_way_and_one_is_due(demo_ctx):
    rows = partner_requests.list_requests(demo_ctx)
    assert sorted(r.status for r in rows) == ["found", "found", "not_found", "open", "open", "withdrawn"]
    until = demo_ctx.today() + timedelta(days=today.HORIZON_DAYS)
    due = [i for i in today.agenda(demo_ctx) if i.kind == "partner-search"]
    assert len(due) == 1 and due[0].due <= until


def test_demo_ideas_fill_the_pipeline_and_two_fit_the_demo_calls(demo_ctx):
    rows = project_ideas.list_ideas(demo_ctx)
    assert len(rows) == 7 and {r.maturity for r in rows} == {m.value for m in Maturity}
    with_calls = [r for r in rows if r.calls]
    assert len(with_calls) == 2
    for row in with_calls:
        suggested = {s.title for s in idea_calls.suggest_calls(demo_ctx, row.title, row.keywords)}
        assert set(row.calls) <= suggested  # the linked calls are the ones the rule suggests
    assert any(i.kind == "idea-step" and i.is_overdue(demo_ctx.today()) for i in today.agenda(demo_ctx))
