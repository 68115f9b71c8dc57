"""Strategy versions and KPIs through the services, on a real workspace file: drafts, one
approved version at a time, copies that start the next version, KPIs with their reviews and
measurements, and the measures the data yields."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal as D

import pytest

from clusterdesk.domain.strategy import KpiStatus, StrategyStatus
from clusterdesk.services import kpi_measures, kpi_reviews, kpis, strategy
from clusterdesk.services import today as today_service
from clusterdesk.services.errors import ConflictError, NotFound, ValidationError
from clusterdesk.services.kpis import KpiFilter, KpiInput, MeasurementInput
from clusterdesk.services.strategy import StrategyFilter, StrategyInput
from tests.conftest import FIXED_NOW

TODAY = FIXED_NOW.date()  # 27 Nov 2026


def _version(ctx, title="International strategy 2025–2027", **fields):
    data = StrategyInput(title, date(2025, 1, 1), date(2027, 12, 31), **fields)
    return strategy.create_strategy(ctx, data)[0]


def test_a_draft_is_written_and_refused_input_names_the_field(ctx):
    with pytest.raises(ValidationError) as refused:
        strategy.create_strategy(ctx, StrategyInput("  ", date(2026, 1, 1), date(2025, 1, 1),
                                                    countries=("DE", "Atlantis")))
    assert set(refused.value.errors) == {"title", "period_to", "countries"}
    assert "Atlantis" in refused.value.errors["countries"]
    detail, changes = strategy.create_strategy(ctx, StrategyInput(
        "  International   strategy 2025–2027 ", date(2025, 1, 1), date(2027, 12, 31),
        mission_vision="  Danish water technology first.  ", countries=("de", "NL", "DE")))
    assert changes.touches("strategy_versions")
    assert detail.status == "draft" and detail.data.title == "International strategy 2025–2027"
    assert detail.data.countries == ("DE", "NL") and detail.data.mission_vision == "Danish water technology first."
    rows = strategy.list_strategies(ctx, StrategyFilter(text="tyskland"))  # Danish country names too
    assert [r.id for r in rows] == [detail.id] and rows[0].period == "2025–2027"


def test_a_stale_save_is_refused_with_both_values(ctx):
    detail = _version(ctx)
    strategy.update_strategy(ctx, detail.id, StrategyInput(
        detail.data.title, detail.data.period_from, detail.data.period_to, focus_areas="Germany",
        version=detail.data.version))
    with pytest.raises(ConflictError) as conflict:
        strategy.update_strategy(ctx, detail.id, StrategyInput(
            detail.data.title, detail.data.period_from, detail.data.period_to, focus_areas="Sweden",
            version=detail.data.version))
    assert conflict.value.differences["focus_areas"] == ("Germany", "Sweden")


def test_only_one_version_is_approved_at_a_time(ctx):
    first, second = _version(ctx, "Strategy A"), _version(ctx, "Strategy B")
    with pytest.raises(ValidationError) as refused:
        strategy.approve_strategy(ctx, first.id, TODAY + timedelta(days=1))
    assert "future" in refused.value.errors["approved_on"]
    with pytest.raises(ValidationError):
        strategy.approve_strategy(ctx, first.id, None)
    strategy.approve_strategy(ctx, first.id, date(2025, 3, 12), " Board   meeting ")
    assert strategy.approved_strategy(ctx).id == first.id
    detail, changes = strategy.approve_strategy(ctx, second.id, TODAY)
    assert changes.touches("strategy_versions")
    assert detail.status == "approved" and detail.approved_by == "The board"
    assert strategy.get_strategy(ctx, first.id).status == StrategyStatus.ARCHIVED.value
    assert strategy.get_strategy(ctx, first.id).approved_on == date(2025, 3, 12)  # kept
    assert [r.title for r in strategy.list_strategies(ctx, StrategyFilter(status="approved"))] == ["Strategy B"]
    strategy.archive_strategy(ctx, second.id)
    assert strategy.approved_strategy(ctx) is None


def test_bin_and_restore(ctx):
    detail = _version(ctx)
    strategy.delete_strategy(ctx, detail.id)
    assert strategy.list_strategies(ctx) == []
    assert [r.id for r in strategy.list_strategies(ctx, StrategyFilter(deleted=True))] == [detail.id]
    strategy.restore_strategy(ctx, detail.id)
    assert [r.id for r in strategy.list_strategies(ctx)] == [detail.id]
    with pytest.raises(NotFound):
        strategy.delete_strategy(ctx, uuid.uuid4())


# --- KPIs ----------------------------------------------------------------------------------------


def _kpi(ctx, strategy_id, name="Members abroad", **fields):
    data = KpiInput(strategy_id, name, fields.pop("baseline", D(10)), fields.pop("target", D(30)),
                    fields.pop("period_from", date(2025, 1, 1)), fields.pop("period_to", date(2027, 12, 31)),
                    **fields)
    return kpis.create_kpi(ctx, data)[0]


def test_a_kpi_needs_its_numbers_and_gets_its_first_review(ctx):
    version = _version(ctx)
    with pytest.raises(ValidationError) as refused:
        kpis.create_kpi(ctx, KpiInput(None, "", None, None, date(2026, 1, 1), date(2025, 1, 1),
                                      cadence="weekly", measure="no-such-measure"))
    assert set(refused.value.errors) == {"name", "strategy_id", "baseline", "target", "period_to",
                                         "cadence", "measure"}
    detail = _kpi(ctx, version.id)
    # Quarterly from 1 January 2025: the first review after 27 Nov 2026 is 1 January 2027.
    assert detail.data.next_review_on == date(2027, 1, 1)
    assert detail.row.status is KpiStatus.NO_DATA and detail.row.actual is None
    tied = _kpi(ctx, version.id, "Partners", measure="partner_clusters_established")
    assert tied.data.unit == "partners"  # the measure's unit unless one is typed


def test_measurements_give_the_status_and_a_review_moves_the_next_one(ctx):
    version = _version(ctx)
    detail = _kpi(ctx, version.id, cadence="quarterly", next_review_on=date(2026, 12, 5))
    with pytest.raises(ValidationError) as refused:
        kpi_reviews.add_measurement(ctx, detail.id, MeasurementInput(TODAY + timedelta(days=1), None))
    assert set(refused.value.errors) == {"measured_on", "value"}
    # 27 Nov 2026 is 8 days before the review: it counts as the review.
    row, changes = kpi_reviews.add_measurement(ctx, detail.id, MeasurementInput(TODAY, D("21.5"), "Q4 count"))
    assert changes.touches("kpi_measurements") and row.recorded_by == "Tester (TT)"
    after = kpis.get_kpi(ctx, detail.id)
    assert after.data.next_review_on == date(2027, 1, 1)
    assert after.last_reviewed_by == "Tester (TT)" and after.row.actual == D("21.5")
    assert after.row.status is KpiStatus.ON_TRACK  # 57.5 % of the way at 64.8 % of the period
    # An older measurement does not move the review and is not the latest value.
    kpi_reviews.add_measurement(ctx, detail.id, MeasurementInput(date(2026, 6, 1), D(12)))
    again = kpis.get_kpi(ctx, detail.id)
    assert again.data.next_review_on == date(2027, 1, 1) and again.row.actual == D("21.5")
    assert [m.value for m in again.measurements] == [D(12), D("21.5")]
    kpi_reviews.delete_measurement(ctx, again.measurements[1].id)
    assert kpis.get_kpi(ctx, detail.id).row.actual == D(12)
    assert kpis.get_kpi(ctx, detail.id).row.status is KpiStatus.OFF_TRACK


def test_reviews_due_appear_on_today_and_are_ticked_off_there(ctx):
    version = _version(ctx)
    detail = _kpi(ctx, version.id, next_review_on=TODAY - timedelta(days=3), owner="Mette")
    items = [i for i in today_service.agenda(ctx) if i.kind == "kpi-review"]
    assert [(i.record_id, i.due, i.owner) for i in items] == [(detail.id, TODAY - timedelta(days=3), "Mette")]
    assert items[0].is_overdue(TODAY) and today_service.can_complete(items[0])
    today_service.complete_item(ctx, items[0])
    assert kpis.get_kpi(ctx, detail.id).data.next_review_on == date(2027, 1, 1)
    assert not [i for i in today_service.agenda(ctx) if i.kind == "kpi-review"]
    # An archived version's KPIs are not reviewed any more.
    other = _kpi(ctx, version.id, "Other", next_review_on=TODAY)
    strategy.archive_strategy(ctx, version.id)
    assert other.id not in {i.record_id for i in today_service.agenda(ctx)}


def test_copying_a_version_starts_the_next_one(ctx):
    version = _version(ctx, mission_vision="Export first.", countries=("DE",))
    level = _kpi(ctx, version.id, "SMEs in EU projects", baseline=D(3), target=D(15))
    kpi_reviews.add_measurement(ctx, level.id, MeasurementInput(date(2026, 10, 1), D(6)))
    yearly = _kpi(ctx, version.id, "Members abroad this year", baseline=D(0), target=D(8),
                  period_from=date(2026, 1, 1), period_to=date(2026, 12, 31),
                  measure="members_in_international_activities")
    copy, changes = strategy.copy_strategy(ctx, version.id, "International strategy 2027–2029",
                                           date(2027, 1, 1), date(2029, 12, 31))
    assert changes.touches("strategy_versions", "kpis")
    assert copy.status == "draft" and copy.copied_from == version.data.title
    assert copy.data.mission_vision == "Export first." and copy.data.countries == ("DE",)
    copied = {r.name: r for r in kpis.list_kpis(ctx, KpiFilter(strategy_id=copy.id))}
    assert copied["SMEs in EU projects"].baseline == 6  # where it stands now
    assert (copied["SMEs in EU projects"].period_from, copied["SMEs in EU projects"].period_to) == \
        (date(2027, 1, 1), date(2029, 12, 31))
    # A yearly count starts again, for the first year of the new period.
    assert copied["Members abroad this year"].baseline == 0
    assert copied["Members abroad this year"].period_to == date(2027, 12, 31)
    assert copied["Members abroad this year"].actual is None  # its year has not begun
    assert len(kpis.get_kpi(ctx, level.id).measurements) == 1  # history stays with the old one
    assert yearly.id not in copied


def test_a_tied_kpi_reads_the_data_and_can_keep_the_value(demo_ctx):
    version = strategy.approved_strategy(demo_ctx)
    rows = {r.measure: r for r in kpis.list_kpis(demo_ctx, KpiFilter(strategy_id=version.id)) if r.measure}
    partners = rows["partner_clusters_established"]
    assert partners.live and partners.actual == 3 and partners.actual_on == TODAY
    measurement, _ = kpi_reviews.record_measure(demo_ctx, partners.id)
    assert measurement.value == 3 and measurement.from_measure == "partner_clusters_established"
    assert "3 of 8 partner clusters" in measurement.note
    manual = next(r for r in kpis.list_kpis(demo_ctx, KpiFilter(strategy_id=version.id)) if not r.measure)
    with pytest.raises(ValidationError) as refused:
        kpi_reviews.record_measure(demo_ctx, manual.id)
    assert "measure" in refused.value.errors


# --- the measures ----------------------------------------------------------------------------


def test_each_measure_counts_what_the_data_says(demo_ctx):
    from clusterdesk.services import activities, markets, participants, partners

    def value(key, period_from=date(2025, 1, 1)):
        return kpi_measures.compute(demo_ctx, key, period_from, TODAY)

    this_year = [a for a in activities.list_activities(demo_ctx)
                 if a.starts_on.year == TODAY.year and a.starts_on <= TODAY and a.status not in ("cancelled", "idea")]
    attended = {p.member_id for a in this_year for p in participants.list_participants(demo_ctx, a.id)
                if p.status == "attended"}
    assert value("members_in_international_activities").value == len(attended) > 0
    assert value("international_activities_held").value == len(this_year)
    clusters = [p for p in partners.list_partners(demo_ctx) if p.kind == "cluster"]
    assert value("partner_clusters_established").value == sum(p.trust_stage == "established" for p in clusters)
    made = [a for a in markets.list_analyses(demo_ctx) if a.made_on and date(2025, 1, 1) <= a.made_on <= TODAY]
    assert value("market_analyses_made").value == len(made) == 3
    assert value("market_analyses_made", TODAY - timedelta(days=100)).value == 1  # only the latest
    heard, total = today_service.count_members_heard(demo_ctx, TODAY)
    assert value("members_heard_12_months").value == heard and f"of {total} members" in \
        value("members_heard_12_months").detail
    share = value("campaign_members_heard")
    assert D(0) < share.value < D(100) and "on the campaign lists heard" in share.detail
    assert kpi_measures.compute(demo_ctx, "contracts_value_from_a_later_part", TODAY, TODAY) is None


def test_the_registry_entries_are_complete():
    keys = [m.key for m in kpi_measures.MEASURES]
    assert len(keys) == len(set(keys))
    for measure in kpi_measures.MEASURES:
        assert measure.window in kpi_measures.WINDOWS and measure.unit and measure.help
        assert callable(kpi_measures._resolve(measure.compute))


def test_evaluation_measures_count_the_reported_outcomes(demo_ctx):
    from clusterdesk.services import evaluations

    on = demo_ctx.today()
    value = kpi_measures.compute(demo_ctx, "contract_value_reported", on, on)
    assert value.value == evaluations.measure_contract_value(demo_ctx, on.year)
    partners = kpi_measures.compute(demo_ctx, "participants_new_partner", on, on)
    assert partners.value == evaluations.measure_new_partners(demo_ctx, on.year)
