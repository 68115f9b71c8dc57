"""The Network tab on a shared PostgreSQL server: the same answers as on SQLite — agenda points
on Today and ticked there, services counted per year (cases by the year they came in), the
request list's counts, the candidates ranked, ideas moved and refused when stale."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from clusterdesk.domain.matching import Criteria
from clusterdesk.services import (
    idea_calls,
    partner_matching,
    partner_requests,
    partnerships,
    project_ideas,
    service_catalogue,
    today,
)
from clusterdesk.services.context import ServiceContext
from clusterdesk.services.errors import ConflictError
from clusterdesk.store.workspace import create_workspace, open_workspace
from tests.services.network_setup import a_day, build_world

NOW = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)


def test_network_on_a_server(pg_url):
    create_workspace(pg_url, "Shared AquaNord").close()
    ws = open_workspace(pg_url)
    try:
        ctx = ServiceContext(ws, "Anne (AK)", clock=lambda: NOW)
        world = build_world(ctx)
        partnership, _ = partnerships.create_partnership(ctx, partnerships.PartnershipInput(
            "Nordic ESCP", "escp_4i", partner_ids=(world.hamburg.id, world.bergen.id),
            agenda=(partnerships.AgendaInput("Partner meeting", a_day(-1), "meeting"),)))
        [item] = [i for i in today.agenda(ctx) if i.kind == "joint-agenda"]
        today.complete_item(ctx, item)
        assert partnerships.list_partnerships(ctx)[0].done_last_year == 1

        service, _ = service_catalogue.create_service(ctx, service_catalogue.ServiceInput(
            "Partner search", "partner_search", activity_ids=tuple(t.id for t in world.trips)))
        request, _ = partner_requests.create_request(ctx, partner_requests.RequestInput(
            world.sensor.id, "leak detection", "company", ("DE",), deadline=a_day(5),
            proposals=(partner_requests.ProposalInput("Wasser Netzwerk Hamburg", world.hamburg.id, sent_on=a_day(0),
                                                      response="agreed"),)))
        detail = service_catalogue.get_service(ctx, service.id)
        assert detail.held == 2 and sum(y.cases for y in detail.years) == 1
        [row] = partner_requests.list_requests(ctx)
        assert (row.proposed, row.sent, row.positive, row.countries) == (1, 1, 1, ("DE",))
        assert [i.record_id for i in today.agenda(ctx) if i.kind == "partner-search"] == [request.id]
        found = partner_matching.find_candidates(ctx, Criteria("company", ("DE",), "leak detection"))
        assert found[0].name == "Wasser Netzwerk Hamburg"

        idea, _ = project_ideas.create_idea(ctx, project_ideas.IdeaInput(
            "Twins", keywords="digital twin, urban water", member_ids=(world.sensor.id,)))
        assert [s.id for s in idea_calls.suggest_calls(ctx, "Twins", idea.data.keywords)] == [world.horizon.id]
        moved, _ = project_ideas.move_idea(ctx, idea.id, 1, idea.data.version)
        assert moved.maturity == "concept"
        with pytest.raises(ConflictError):
            project_ideas.update_idea(ctx, idea.id, idea.data)
        assert partnership.id in {r.id for r in partnerships.list_partnerships(ctx)}
    finally:
        ws.close()
