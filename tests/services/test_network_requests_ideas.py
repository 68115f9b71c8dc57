"""Partner-search requests (the candidates ranked from partners and stakeholders, proposals,
the deadline on Today) and the project ideas pipeline (moving along the stages, the next step
on Today, the funding calls that fit) on a real workspace file; and Ctrl+K and erasure."""

from __future__ import annotations

from dataclasses import replace

import pytest

from clusterdesk.domain.matching import Criteria
from clusterdesk.services import (
    contacts,
    idea_calls,
    partner_matching,
    partner_requests,
    partners,
    privacy,
    project_ideas,
    search,
    today,
)
from clusterdesk.services.errors import ConflictError, ValidationError
from clusterdesk.services.partner_requests import ProposalInput, RequestInput
from clusterdesk.services.project_ideas import IdeaInput
from tests.services.network_setup import TODAY, a_day, build_world


@pytest.fixture
def world(ctx):
    return build_world(ctx)


def leak_request(world, **changes) -> RequestInput:
    return replace(RequestInput(world.sensor.id, "  leak   detection sensors ", "company", ("de",),
                                "A test utility", deadline=a_day(9), owner=" Sara Holm "), **changes)


def test_candidates_come_from_partners_and_stakeholders_best_first(ctx, world):
    found = partner_matching.find_candidates(ctx, Criteria("company", ("DE",), "leak detection sensors"))
    assert [c.name for c in found] == ["Wasser Netzwerk Hamburg", "EEN Kiel", "Aqua Delft"]
    hamburg, kiel, delft = found
    assert hamburg.source == partner_matching.PARTNER and hamburg.people == ("Leonie Groß (International projects)",)
    assert hamburg.best_person == "Leonie Groß" and hamburg.closeness == "Established"
    assert kiel.source == partner_matching.STAKEHOLDER and kiel.kind == "Enterprise Europe Network office"
    assert hamburg.score > kiel.score > delft.score
    assert delft.reasons == ("field: sensors (not: leak, detection)", "in Netherlands, same continent",
                             "a cluster driven by research")
    # Bergen (aquaculture, Norway) fits neither the field nor the country: not proposed.
    partners.delete_partner(ctx, world.hamburg.id)
    assert "Wasser Netzwerk Hamburg" not in [c.name for c in partner_matching.find_candidates(
        ctx, Criteria("company", ("DE",), "leak detection sensors"))]


def test_a_request_records_what_was_proposed_sent_and_how_it_ended(ctx, world):
    detail, changes = partner_requests.create_request(ctx, leak_request(world, proposals=(
        ProposalInput("Wasser Netzwerk Hamburg", world.hamburg.id, person="Leonie Groß", score=88,
                      sent_on=TODAY, response="interested"),
        ProposalInput("EEN Kiel", stakeholder_id=world.een.id, score=60),
        ProposalInput("", person=""))))  # an empty row
    assert changes.touches("partner_requests", "partner_request_proposals")
    data = detail.data
    assert (data.field, data.countries, data.received_on, data.owner) == (
        "leak detection sensors", ("DE",), TODAY, "Sara Holm")
    assert detail.name == "Gudenå Sensor ApS: leak detection sensors"
    assert [(p.name, p.proposed_on, p.sent_on) for p in data.proposals] == [
        ("Wasser Netzwerk Hamburg", TODAY, TODAY), ("EEN Kiel", TODAY, None)]
    [row] = partner_requests.list_requests(ctx)
    assert (row.proposed, row.sent, row.positive, row.status) == (2, 1, 1, "open")
    closed, _ = partner_requests.update_request(ctx, detail.id, replace(data, status="found",
                                                                        result_note="Pilot agreed"))
    assert closed.data.closed_on == TODAY
    reopened, _ = partner_requests.update_request(ctx, detail.id, replace(closed.data, status="open"))
    assert reopened.data.closed_on is None
    assert [r.field for r in partner_requests.list_requests(
        ctx, partner_requests.RequestFilter(text="tyskland"))] == ["leak detection sensors"]  # Danish name too
    with pytest.raises(ConflictError):
        partner_requests.update_request(ctx, detail.id, data)


def test_refused_requests_name_every_bad_field_and_proposal_row(ctx, world):
    with pytest.raises(ValidationError) as refused:
        partner_requests.create_request(ctx, RequestInput(
            None, " ", "pirate", ("DE", "Atlantis"), received_on=a_day(2), deadline=a_day(1),
            proposals=(ProposalInput("", person="Someone"),
                       ProposalInput("EEN Kiel", proposed_on=a_day(0), sent_on=a_day(-3)))))
    errors = refused.value.errors
    assert set(errors) == {"member_id", "field", "partner_type", "countries", "received_on", "deadline",
                           "proposals"}
    assert errors["countries"] == "Not a country: “Atlantis”"
    assert errors["proposals"] == "row 1: say who was proposed; row 2: sent before it was proposed"


def test_open_requests_with_a_deadline_are_on_today(ctx, world):
    detail, _ = partner_requests.create_request(ctx, leak_request(world))
    partner_requests.create_request(ctx, leak_request(world, field="pumps", deadline=None))
    partner_requests.create_request(ctx, leak_request(world, field="valves", status="withdrawn"))
    [item] = [i for i in today.agenda(ctx) if i.kind == "partner-search"]
    assert (item.due, item.title, item.record_id, item.member_id) == (
        a_day(9), "Partner search for Gudenå Sensor ApS: leak detection sensors", detail.id, world.sensor.id)
    assert item.detail == "Company in Germany · nothing proposed yet" and not today.can_complete(item)
    partner_requests.delete_request(ctx, detail.id)
    assert not [i for i in today.agenda(ctx) if i.kind == "partner-search"]


def test_an_idea_moves_along_the_stages_and_refuses_a_stale_move(ctx, world):
    detail, _ = project_ideas.create_idea(ctx, IdeaInput(
        " Digital  twins ", keywords="digital twin;urban water ,, sensors", member_ids=(world.sensor.id,),
        partner_ids=(world.delft.id,), call_ids=(world.horizon.id,)))
    assert detail.data.keywords == "digital twin, urban water, sensors"
    assert [m.name for m in detail.members] == ["Gudenå Sensor ApS"]
    assert detail.calls[0].detail == "Horizon Europe · Watching"
    moved, changes = project_ideas.move_idea(ctx, detail.id, 1, detail.data.version)
    assert moved.maturity == "concept" and changes.touches("project_ideas")
    with pytest.raises(ConflictError):
        project_ideas.move_idea(ctx, detail.id, 1, detail.data.version)
    at_end, _ = project_ideas.move_idea(ctx, detail.id, -5, moved.version)
    assert at_end.maturity == "idea"
    assert [r.title for r in project_ideas.list_ideas(ctx, project_ideas.IdeaFilter(maturity="active"))] == [
        "Digital twins"]
    with pytest.raises(ValidationError) as refused:
        project_ideas.create_idea(ctx, IdeaInput("", maturity="hatched", next_step_on=a_day(3)))
    assert set(refused.value.errors) == {"title", "maturity", "next_step"}


def test_the_next_step_is_on_today_until_done_and_a_new_step_is_open_again(ctx, world):
    detail, _ = project_ideas.create_idea(ctx, IdeaInput("Leak pilot", next_step="Ask for a test district",
                                                         next_step_on=a_day(-1), owner="MK"))
    project_ideas.create_idea(ctx, IdeaInput("Old idea", maturity="dropped", next_step="x", next_step_on=a_day(1)))
    [item] = [i for i in today.agenda(ctx) if i.kind == "idea-step"]
    assert (item.title, item.detail, item.owner) == ("Leak pilot: Ask for a test district", "Project idea · Idea", "MK")
    today.complete_item(ctx, item)
    done = project_ideas.get_idea(ctx, detail.id)
    assert done.next_step_done_by == "Tester (TT)" and not [i for i in today.agenda(ctx) if i.kind == "idea-step"]
    again, _ = project_ideas.update_idea(ctx, detail.id, replace(done.data, next_step="Visit", next_step_on=a_day(5)))
    assert again.next_step_done_at is None
    assert [i.title for i in today.agenda(ctx) if i.kind == "idea-step"] == ["Leak pilot: Visit"]


def test_open_calls_with_a_deadline_ahead_are_suggested_for_an_idea(ctx, world):
    [suggestion] = idea_calls.suggest_calls(ctx, "Twins", "digital twin, urban water, sensors")
    assert suggestion.id == world.horizon.id  # the rejected call about twins is not offered
    assert suggestion.found == ("digital", "twin", "urban", "water") and suggestion.missing == ("sensors",)
    assert (suggestion.deadline, suggestion.stage, suggestion.programme) == (a_day(90), "Proposal", "Horizon Europe")
    assert idea_calls.suggest_calls(ctx, "Membranes for fish farms", "") == []
    assert idea_calls.suggest_calls(ctx, "", "") == []


def test_ctrl_k_finds_every_network_record(ctx, world):
    from clusterdesk.services import partnerships, service_catalogue

    partnerships.create_partnership(ctx, partnerships.PartnershipInput("Baltic Water Alliance"))
    service_catalogue.create_service(ctx, service_catalogue.ServiceInput("Baltic matchmaking", "matchmaking"))
    partner_requests.create_request(ctx, leak_request(world, field="Baltic ports"))
    project_ideas.create_idea(ctx, IdeaInput("Baltic sensors"))
    hits = search.search_everything(ctx, "baltic")
    assert {(h.kind, h.title, h.tab) for h in hits} == {
        ("partnership", "Baltic Water Alliance", "network"), ("service", "Baltic matchmaking", "network"),
        ("partner-request", "Gudenå Sensor ApS: Baltic ports", "network"), ("idea", "Baltic sensors", "network")}


def test_erasing_a_contact_reaches_the_requests_and_ideas_that_name_them(ctx, world):
    person, _ = contacts.create_contact(ctx, world.sensor.id, contacts.ContactInput(name="Søren Østergaard"))
    request, _ = partner_requests.create_request(ctx, leak_request(world, purpose="Søren Østergaard wants a pilot"))
    idea, _ = project_ideas.create_idea(ctx, IdeaInput("Pilot", next_step="Call Søren Østergaard"))
    privacy.erase_contact(ctx, person.id, "request")
    assert partner_requests.get_request(ctx, request.id).data.purpose == "[erased] wants a pilot"
    assert project_ideas.get_idea(ctx, idea.id).data.next_step == "Call [erased]"
