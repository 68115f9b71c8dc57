"""Funding sources and calls through the services, on a real workspace file: validation that
names the field and row, the documents to prepare ticked with who and when, status dates,
deadlines on Today within their warning window, search, bin and restore, stale saves refused."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest

from clusterdesk.domain.funding import PIC_NUMBER
from clusterdesk.domain.money import Money
from clusterdesk.services import funding, funding_deadlines, funding_sources, today
from clusterdesk.services.context import ServiceContext
from clusterdesk.services.errors import ConflictError, NotFound, ValidationError
from clusterdesk.services.search import search_everything
from tests.conftest import FIXED_NOW

TODAY = FIXED_NOW.date()


@pytest.fixture
def horizon(ctx):
    row, changes = funding_sources.create_source(ctx, funding_sources.SourceInput(
        "Horizon Europe", "horizon", website="ec.europa.eu/info/funding-tenders"))
    assert changes.touches("funding_sources")
    return row


def new_call(ctx, source=None, **fields):
    data = funding.CallInput(fields.pop("title", "Digital twins for water"),
                             source_id=source.id if source else None, **fields)
    return funding.create_call(ctx, data)[0]


def test_a_source_is_validated_binned_and_restored(ctx, horizon):
    assert horizon.data.website == "https://ec.europa.eu/info/funding-tenders"
    with pytest.raises(ValidationError) as refused:
        funding_sources.create_source(ctx, funding_sources.SourceInput(" ", "nonsense", "not a site",
                                                                       Money.of("-1", "DKK")))
    assert set(refused.value.errors) == {"name", "kind", "website", "available"}
    funding_sources.delete_source(ctx, horizon.id)
    assert funding_sources.list_sources(ctx) == []
    assert [s.name for s in funding_sources.list_sources(ctx, deleted=True)] == ["Horizon Europe"]
    funding_sources.restore_source(ctx, horizon.id)
    with pytest.raises(ConflictError):  # the bin and back moved the version on
        funding_sources.update_source(ctx, horizon.id, horizon.data)
    fresh = funding_sources.list_sources(ctx)[0].data
    stale = replace(fresh, notes="mine")
    funding_sources.update_source(ctx, horizon.id, replace(fresh, notes="theirs"))
    with pytest.raises(ConflictError):
        funding_sources.update_source(ctx, horizon.id, stale)


def test_a_new_call_gets_the_documents_its_programme_needs(ctx, horizon):
    call = new_call(ctx, horizon)
    assert [d.text for d in call.documents][0] == PIC_NUMBER and len(call.documents) == 4
    regional = funding_sources.create_source(ctx, funding_sources.SourceInput("Region", "regional_fund"))[0]
    assert PIC_NUMBER not in [d.text for d in new_call(ctx, regional, title="Export push").documents]
    own = new_call(ctx, horizon, title="Own list", documents=(funding.DocumentInput("Budget table"),))
    assert [d.text for d in own.documents] == ["Budget table"]


def test_ticking_documents_records_who_and_when(ctx, horizon):
    call = new_call(ctx, horizon)
    later = ServiceContext(ctx.workspace, "Ahmed Rashid (AR)", clock=lambda: FIXED_NOW + timedelta(hours=2))
    documents = tuple(replace(d, done=i == 1) for i, d in enumerate(call.data.documents))
    saved, changes = funding.update_call(later, call.id, replace(call.data, documents=documents))
    assert changes.touches("call_documents")
    ticked = [d for d in saved.documents if d.done]
    assert [(d.done_by, d.done_at) for d in ticked] == [("Ahmed Rashid (AR)", FIXED_NOW + timedelta(hours=2))]
    # Saving again keeps the first tick's who and when; unticking clears them.
    again, _ = funding.update_call(ctx, call.id, saved.data)
    assert [d.done_by for d in again.documents if d.done] == ["Ahmed Rashid (AR)"]
    cleared = tuple(replace(d, done=False) for d in again.data.documents)
    assert not any(d.done for d in funding.update_call(ctx, call.id, replace(again.data, documents=cleared))[0].documents)


def test_refusals_name_the_field_and_the_row(ctx, horizon):
    data = funding.CallInput(
        "", source_id=horizon.id, status="submitted", submitted_on=TODAY + timedelta(days=2),
        financing_rate=Decimal(0), grant=Money.of("-5", "EUR"), fit_rating=7, warn_days=400, link="not a link",
        deadlines=(funding.DeadlineInput(TODAY, "Concept"), funding.DeadlineInput(None, "Full proposal")))
    with pytest.raises(ValidationError) as refused:
        funding.create_call(ctx, data)
    errors = refused.value.errors
    assert set(errors) == {"title", "submitted_on", "financing_rate", "grant", "fit_rating", "warn_days",
                           "link", "deadlines"}
    assert errors["deadlines"] == "row 2: a deadline needs a date"
    granted = funding.CallInput("Granted in kroner", status="granted", grant=Money.of("1", "EUR"),
                                granted=Money.of("1", "DKK"))
    with pytest.raises(ValidationError, match="give the granted amount in EUR"):
        funding.create_call(ctx, granted)


def test_status_dates_and_a_submission_that_meets_its_stage(ctx, horizon):
    call = new_call(ctx, horizon, status="preparing", deadlines=(
        funding.DeadlineInput(TODAY + timedelta(days=10), "Pre-proposal"),
        funding.DeadlineInput(TODAY + timedelta(days=80), "Full proposal")))
    assert call.data.preparing_on == TODAY and call.data.submitted_on is None
    sent, _ = funding.update_call(ctx, call.id, replace(call.data, status="submitted"))
    assert sent.data.submitted_on == TODAY
    assert [(d.stage, d.done) for d in sent.deadlines] == [("Pre-proposal", True), ("Full proposal", False)]
    assert sent.deadlines[0].done_by == "Tester (TT)"
    # A granted amount is only kept for a granted call.
    data = replace(sent.data, granted=Money.of("300000", "EUR"))
    assert funding.update_call(ctx, call.id, data)[0].data.granted is None
    decided, _ = funding.update_call(ctx, call.id, replace(data, status="granted", version=sent.data.version + 1))
    assert decided.data.granted == Money.of("300000", "EUR") and decided.data.decided_on == TODAY


def test_a_stale_save_is_refused_with_both_values(ctx, horizon):
    call = new_call(ctx, horizon)
    funding.update_call(ctx, call.id, replace(call.data, title="Theirs"))
    with pytest.raises(ConflictError) as conflict:
        funding.update_call(ctx, call.id, replace(call.data, title="Mine"))
    assert conflict.value.differences["title"] == ("Theirs", "Mine")
    # A change to a deadline alone moves the version on too.
    fresh = funding.get_call(ctx, call.id)
    moved = (funding.DeadlineInput(TODAY + timedelta(days=3), "Proposal"),)
    funding.update_call(ctx, call.id, replace(fresh.data, deadlines=moved))
    with pytest.raises(ConflictError):
        funding.update_call(ctx, call.id, replace(fresh.data, notes="typed meanwhile"))


def test_the_list_filters_and_tells_the_next_deadline(ctx, horizon):
    regional = funding_sources.create_source(ctx, funding_sources.SourceInput("Region", "regional_fund"))[0]
    new_call(ctx, horizon, title="Watched", deadlines=(funding.DeadlineInput(TODAY - timedelta(days=3), "Missed"),
                                                       funding.DeadlineInput(TODAY + timedelta(days=9), "Next")),
             grant=Money.of("100000", "EUR"), success_rate=Decimal(10))
    new_call(ctx, regional, title="Lost one", status="rejected")
    rows = funding.list_calls(ctx, funding.CallFilter(status=funding.OPEN))
    assert [r.title for r in rows] == ["Watched"]
    assert rows[0].next_deadline.stage == "Next" and rows[0].figures.expected_value == Money.of("10000", "EUR")
    assert [r.title for r in funding.list_calls(ctx, funding.CallFilter(source_id=regional.id))] == ["Lost one"]
    assert [r.title for r in funding.list_calls(ctx, funding.CallFilter(text="lost"))] == ["Lost one"]
    assert [r.title for r in funding.list_calls(ctx, funding.CallFilter(status="rejected"))] == ["Lost one"]


def test_deadlines_on_today_from_their_warning_window_until_ticked(ctx, horizon):
    call = new_call(ctx, horizon, warn_days=60, responsible="Jonas Bech (JB)", deadlines=(
        funding.DeadlineInput(TODAY + timedelta(days=50), "Proposal"),
        funding.DeadlineInput(TODAY + timedelta(days=70), "Second stage")))
    items = [i for i in today.agenda(ctx) if i.kind == "funding-deadline"]
    assert [(i.title, i.owner) for i in items] == [
        ("Deadline: Digital twins for water — Proposal", "Jonas Bech (JB)")]
    assert items[0].detail == "Horizon Europe · Watching" and today.can_complete(items[0])
    assert funding.call_of_deadline(ctx, items[0].record_id) == call.id
    today.complete_item(ctx, items[0])
    assert not [i for i in today.agenda(ctx) if i.kind == "funding-deadline"]
    assert funding.get_call(ctx, call.id).deadlines[0].done_by == "Tester (TT)"
    # A call decided or in the bin has no deadlines on Today.
    funding.update_call(ctx, call.id, replace(funding.get_call(ctx, call.id).data, warn_days=365))
    assert len(funding_deadlines.deadline_items(ctx, TODAY)) == 1
    funding.delete_call(ctx, call.id)
    assert funding_deadlines.deadline_items(ctx, TODAY) == []
    with pytest.raises(NotFound):
        funding.call_of_deadline(ctx, horizon.id)


def test_calls_are_found_by_ctrl_k(ctx, horizon):
    new_call(ctx, horizon, title="Green water solutions for the Kattegat region", call_code="ØKS-2027-C4")
    hits = [h for h in search_everything(ctx, "kattegat") if h.kind == "call"]
    assert [(h.title, h.tab) for h in hits] == [("Green water solutions for the Kattegat region", "finance")]
    assert [h.kind for h in search_everything(ctx, "øks-2027")] == ["call"]
