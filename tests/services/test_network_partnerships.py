"""Network services on a real workspace file: meta-clusters with their partners and joint agenda
(on Today, ticked off there), the services catalogue with the activities that ran each service,
and the Phase 5 evidence."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from clusterdesk.services import partners, partnerships, service_catalogue, today
from clusterdesk.services.errors import ConflictError, ValidationError
from clusterdesk.services.partnerships import AgendaInput, PartnershipInput
from clusterdesk.services.service_catalogue import ServiceInput
from tests.services.network_setup import TODAY, a_day, build_world


@pytest.fixture
def world(ctx):
    return build_world(ctx)


def escp(world, **changes) -> PartnershipInput:
    data = PartnershipInput(
        "  Nordic  Water ESCP ", kind="escp_4i", our_role="lead", starts_on=a_day(-300), ends_on=a_day(400),
        website="www.nordic-water.eu", member_benefits="A passport to the partners' services",
        partner_ids=(world.hamburg.id, world.bergen.id),
        agenda=(AgendaInput("Joint application", a_day(10), "application", "Mette Kjær (MK)"),
                AgendaInput("Kick-off in Bergen", a_day(-200), "meeting", status="done"),
                AgendaInput("", None)))  # an empty row left in the table
    return replace(data, **changes)


def test_a_partnership_keeps_its_partners_and_a_dated_agenda(ctx, world):
    detail, changes = partnerships.create_partnership(ctx, escp(world))
    assert changes.touches("partnerships", "partnership_agenda_items")
    assert detail.data.name == "Nordic Water ESCP" and detail.data.website == "https://www.nordic-water.eu"
    assert [p.name for p in detail.partners] == ["Bergen Vann", "Wasser Netzwerk Hamburg"]
    assert [(p.text, p.status) for p in detail.agenda] == [("Kick-off in Bergen", "done"),
                                                           ("Joint application", "planned")]
    kick_off = detail.agenda[0]
    assert kick_off.done_by == "Tester (TT)" and kick_off.done_at is not None
    [row] = partnerships.list_partnerships(ctx)
    assert (row.open_points, row.overdue, row.next_due, row.done_last_year) == (1, 0, a_day(10), 1)
    assert row.countries == ("DE", "NO")
    # A partner can be in several partnerships.
    other, _ = partnerships.create_partnership(ctx, PartnershipInput(
        "Global Water Network", kind="global_network", partner_ids=(world.hamburg.id, world.delft.id)))
    assert [r.name for r in partnerships.list_partnerships(ctx, partnerships.PartnershipFilter(text="hamburg"))] == [
        "Global Water Network", "Nordic Water ESCP"]
    assert [r.name for r in partnerships.list_partnerships(
        ctx, partnerships.PartnershipFilter(kind="global_network"))] == ["Global Water Network"]
    assert other.data.partner_ids == (world.delft.id, world.hamburg.id)  # by name


def test_refused_partnerships_name_the_field_and_the_agenda_row(ctx, world):
    with pytest.raises(ValidationError) as refused:
        partnerships.create_partnership(ctx, escp(world, name=" ", ends_on=a_day(-400), website="not a site",
                                                  agenda=(AgendaInput("Summit", None),
                                                          AgendaInput("", a_day(3)))))
    errors = refused.value.errors
    assert set(errors) == {"name", "ends_on", "website", "agenda"}
    assert errors["agenda"] == "row 1: a point of the agenda needs a date; row 2: say what is to be done"
    with pytest.raises(ValidationError, match="partner_ids"):
        partnerships.create_partnership(ctx, escp(world, partner_ids=(world.sensor.id,)))  # a member, not a partner


def test_a_stale_save_is_refused_and_a_partner_in_the_bin_stays_linked(ctx, world):
    detail, _ = partnerships.create_partnership(ctx, escp(world))
    partnerships.update_partnership(ctx, detail.id, replace(detail.data, notes="Theirs"))
    with pytest.raises(ConflictError):
        partnerships.update_partnership(ctx, detail.id, replace(detail.data, notes="Mine"))
    current = partnerships.get_partnership(ctx, detail.id)
    partners.delete_partner(ctx, world.bergen.id)
    shown = partnerships.get_partnership(ctx, detail.id)
    assert shown.data.partner_ids == (world.hamburg.id,)  # the binned one is not offered…
    saved, _ = partnerships.update_partnership(ctx, detail.id, replace(shown.data, our_role="partner"))
    partners.restore_partner(ctx, world.bergen.id)
    # …and saving without it did not unlink it.
    assert set(partnerships.get_partnership(ctx, detail.id).data.partner_ids) == {world.hamburg.id, world.bergen.id}
    assert current.data.version < saved.data.version


def test_agenda_points_are_on_today_and_ticked_off_there(ctx, world):
    detail, _ = partnerships.create_partnership(ctx, escp(world, agenda=(
        AgendaInput("Joint application", a_day(10), "application", "MK"),
        AgendaInput("Partner meeting", a_day(-2), "meeting", status="in_progress"),
        AgendaInput("Summit", a_day(90), "event"))))
    items = [i for i in today.agenda(ctx) if i.kind == "joint-agenda"]
    assert [(i.due, i.title) for i in items] == [(a_day(-2), "Nordic Water ESCP: Partner meeting"),
                                                 (a_day(10), "Nordic Water ESCP: Joint application")]
    assert items[0].detail == "Partner meeting · in progress" and items[1].owner == "MK"
    assert today.can_complete(items[0])
    changes = today.complete_item(ctx, items[0])
    assert changes.touches("partnership_agenda_items")
    point = next(p for p in partnerships.get_partnership(ctx, detail.id).agenda if p.text == "Partner meeting")
    assert (point.status, point.done_by) == ("done", "Tester (TT)")
    assert partnerships.partnership_of_point(ctx, point.id) == detail.id
    with pytest.raises(ConflictError):  # the editor's copy is stale now
        partnerships.update_partnership(ctx, detail.id, detail.data)
    partnerships.delete_partnership(ctx, detail.id)
    assert not [i for i in today.agenda(ctx) if i.kind == "joint-agenda"]
    partnerships.restore_partnership(ctx, detail.id)
    assert len([i for i in today.agenda(ctx) if i.kind == "joint-agenda"]) == 1


def test_a_service_shows_its_activities_year_by_year(ctx, world):
    delft, hamburg, oslo = world.trips
    detail, changes = service_catalogue.create_service(ctx, ServiceInput(
        "Study trips", "missions", "ad_hoc", price_model="per_participant",
        activity_ids=(oslo.id, delft.id, hamburg.id)))
    assert changes.touches("cluster_services")
    assert [a.name for a in detail.activities] == ["Study trip to Delft", "Study trip to Hamburg", "Mission to Oslo"]
    assert [a.held for a in detail.activities] == [True, True, False]
    assert detail.held == 2 and detail.could_become_permanent
    years = {y.year: y for y in detail.years}
    assert years[delft.data.starts_on.year].held >= 1
    assert sum(y.activities for y in detail.years) == 3
    assert sum(y.attended for y in detail.years) == 2 and sum(y.participants for y in detail.years) == 3
    [row] = service_catalogue.list_services(ctx)
    assert (row.held, row.attended, row.next_planned) == (2, 2, oslo.data.starts_on)
    assert row.could_become_permanent
    made_permanent, _ = service_catalogue.update_service(ctx, detail.id, replace(detail.data, status="permanent"))
    assert not made_permanent.could_become_permanent
    with pytest.raises(ValidationError) as refused:
        service_catalogue.create_service(ctx, ServiceInput("", category="sightseeing"))
    assert set(refused.value.errors) == {"name", "category"}


def test_partner_search_and_project_help_count_their_cases_per_year(ctx, world):
    from clusterdesk.services import partner_requests, project_ideas

    search, _ = service_catalogue.create_service(ctx, ServiceInput("Partner search", "partner_search", "permanent"))
    partner_requests.create_request(ctx, partner_requests.RequestInput(world.sensor.id, "leak detection",
                                                                       received_on=TODAY - timedelta(days=400)))
    partner_requests.create_request(ctx, partner_requests.RequestInput(world.sensor.id, "pumps"))
    project_ideas.create_idea(ctx, project_ideas.IdeaInput("Sensor platform"))
    detail = service_catalogue.get_service(ctx, search.id)
    assert detail.cases_label == "Partner-search requests"
    assert {y.year: y.cases for y in detail.years} == {(TODAY - timedelta(days=400)).year: 1, TODAY.year: 1}
    help_, _ = service_catalogue.create_service(ctx, ServiceInput("Project help", "project_help"))
    assert [(y.year, y.cases) for y in service_catalogue.get_service(ctx, help_.id).years] == [(TODAY.year, 1)]


def test_the_phase_5_evidence_reads_the_data(ctx, world):
    assert today.phase_overview(ctx)[4].questions[1].evidence is None  # no catalogue yet
    partnerships.create_partnership(ctx, escp(world))
    partnerships.create_partnership(ctx, PartnershipInput("Global Water Network", kind="global_network",
                                                          partner_ids=(world.delft.id,)))
    service_catalogue.create_service(ctx, ServiceInput(
        "Study trips", "missions", activity_ids=tuple(t.id for t in world.trips)))
    service_catalogue.create_service(ctx, ServiceInput("Matchmaking", "matchmaking", "permanent"))
    nurtured, permanent, global_ = (q.evidence for q in today.phase_overview(ctx)[4].questions)
    assert nurtured.startswith("0 of 3 partners abroad had a joint activity")  # none linked to a partner
    assert "2 meta-clusters with 3 partners: 1 agenda point done in the last 12 months, 1 open." in nurtured
    assert permanent == ("2 services in the catalogue, 1 permanent. Run repeatedly, could become permanent: "
                         "Study trips (held 2 times, 2 took part).")
    assert global_ == ("Partners abroad in 3 countries, all in Europe; members' markets in 3 countries, on 3 "
                       "continents (Europe, Asia, Americas). No partner yet where members look in Asia, "
                       "Americas. In 1 global network: Global Water Network.")
