"""Baseline measurements: an indicator set with scales, dated rounds, values refused off their
scale (row and indicator named), and rounds compared like with like."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from clusterdesk.services import baseline_values, baselines
from clusterdesk.services.baselines import (
    IndicatorInput,
    IndicatorSetInput,
    MemberValuesInput,
    RoundInput,
)
from clusterdesk.services.errors import ConflictError, ValidationError
from clusterdesk.services.members import MemberInput, create_member


@pytest.fixture
def members(ctx):
    return [create_member(ctx, MemberInput(name=name))[0].id
            for name in ("Aqua Rørteknik A/S", "Brønd Sensor ApS", "Klint Filter A/S")]


def test_the_example_set_and_an_own_one_refused_by_row(ctx):
    gearing, _ = baselines.create_example_set(ctx)
    assert gearing.data.name == "International gearing"
    assert [i.name for i in gearing.data.indicators][:2] == ["Presence at international events",
                                                            "Systematic sales to several countries"]
    assert gearing.data.indicators[3].scale == "0–20 agreements"
    assert baselines.create_example_set(ctx)[0].data.name == "International gearing (2)"
    with pytest.raises(ValidationError) as refused:
        baselines.create_indicator_set(ctx, IndicatorSetInput("", indicators=(
            IndicatorInput("Level"), IndicatorInput("level", scale_min=5, scale_max=1), IndicatorInput(""),
            IndicatorInput("", description="what is this?"))))
    errors = refused.value.errors
    assert errors["name"] == "An indicator set needs a name."
    assert "row 2, name: “level” is listed twice" in errors["indicators"]
    assert "row 2, scale" in errors["indicators"] and "row 4, name" in errors["indicators"]
    assert "row 3" not in errors["indicators"]  # an empty row is left out, not refused


def test_values_off_the_scale_are_refused_and_nothing_is_saved(ctx, members):
    gearing, _ = baselines.create_example_set(ctx)
    presence, sales, competence, agreements = (i.id for i in gearing.data.indicators)
    base, _ = baselines.create_round(ctx, gearing.id, RoundInput("Baseline 2025", date(2025, 6, 5)))
    with pytest.raises(ValidationError) as refused:
        baseline_values.save_round_values(ctx, base.id, [
            MemberValuesInput(members[0], {presence: "3", sales: "6"}),
            MemberValuesInput(members[1], {presence: "two", agreements: "21"}),
            MemberValuesInput(members[0], {presence: "1"})])
    errors = refused.value.errors
    assert errors[f"row 1:{sales}"] == "Systematic sales to several countries: 6 is outside the scale 1–5"
    assert "“two” is not a number" in errors[f"row 2:{presence}"]
    assert "outside the scale 0–20 agreements" in errors[f"row 2:{agreements}"]
    assert errors["row 3:member"] == "this member is already in the round"
    assert baseline_values.get_round_sheet(ctx, base.id).rows == ()
    sheet, _ = baseline_values.save_round_values(ctx, base.id, [
        MemberValuesInput(members[0], {presence: "3", sales: "2,5", competence: "", agreements: "0"}),
        MemberValuesInput(members[1], {presence: "1"})])
    values = {r.name: r.values for r in sheet.rows}
    assert values["Aqua Rørteknik A/S"] == {presence: Decimal("3"), sales: Decimal("2.5"), agreements: Decimal("0")}
    assert sheet.round.members == 2


def test_rounds_compared_and_a_value_cleared_and_typed_again(ctx, members):
    gearing, _ = baselines.create_example_set(ctx)
    presence = gearing.data.indicators[0].id
    base, _ = baselines.create_round(ctx, gearing.id, RoundInput("Baseline", date(2025, 6, 5)))
    mid, _ = baselines.create_round(ctx, gearing.id, RoundInput("Mid-term", date(2026, 9, 28), "mid_term"))
    baseline_values.save_round_values(ctx, base.id, [MemberValuesInput(m, {presence: v})
                                               for m, v in zip(members, ("1", "3", "5"), strict=True)])
    baseline_values.save_round_values(ctx, mid.id, [MemberValuesInput(m, {presence: v})
                                              for m, v in zip(members[:2], ("2", "4"), strict=True)])
    assert [m for m, _name in baseline_values.previous_round_members(ctx, mid.id)] == members
    comparison = baseline_values.compare(ctx, gearing.id)
    assert [r.name for r in comparison.rounds] == ["Baseline", "Mid-term"]
    row = comparison.by_indicator[0]
    assert row.averages == (Decimal("3.00"), Decimal("3.00")) and row.change == Decimal("1.00") and row.paired == 2
    # Clearing a value removes it; typing it again brings the same row back (one per member).
    baseline_values.save_round_values(ctx, mid.id, [MemberValuesInput(members[0], {presence: ""}),
                                              MemberValuesInput(members[1], {presence: "4"})])
    assert baseline_values.compare(ctx, gearing.id).by_indicator[0].paired == 1
    baseline_values.save_round_values(ctx, mid.id, [MemberValuesInput(members[0], {presence: "5"}),
                                              MemberValuesInput(members[1], {presence: "4"})])
    assert baseline_values.compare(ctx, gearing.id).by_indicator[0].change == Decimal("2.50")


def test_rounds_and_sets_go_to_the_bin_and_come_back(ctx, members):
    gearing, _ = baselines.create_example_set(ctx)
    base, _ = baselines.create_round(ctx, gearing.id, RoundInput("Baseline", date(2025, 6, 5)))
    baselines.delete_round(ctx, base.id)
    assert baselines.get_indicator_set(ctx, gearing.id).rounds == ()
    assert [r.id for r in baselines.deleted_rounds(ctx, gearing.id)] == [base.id]
    baselines.restore_round(ctx, base.id)
    baselines.delete_indicator_set(ctx, gearing.id)
    assert baselines.list_indicator_sets(ctx) == []
    assert [s.id for s in baselines.list_indicator_sets(ctx, deleted=True)] == [gearing.id]
    baselines.restore_indicator_set(ctx, gearing.id)
    assert baselines.list_indicator_sets(ctx)[0].rounds == 1


def test_editing_a_set_keeps_the_values_of_indicators_kept(ctx, members):
    gearing, _ = baselines.create_example_set(ctx)
    base, _ = baselines.create_round(ctx, gearing.id, RoundInput("Baseline", date(2025, 6, 5)))
    first = gearing.data.indicators[0]
    baseline_values.save_round_values(ctx, base.id, [MemberValuesInput(members[0], {first.id: "4"})])
    renamed = replace(gearing.data, indicators=(replace(first, name="Presence abroad"),) + gearing.data.indicators[2:])
    detail, _ = baselines.update_indicator_set(ctx, gearing.id, renamed)
    assert [i.name for i in detail.data.indicators][:2] == ["Presence abroad", "Competence in internationalisation"]
    assert baseline_values.get_round_sheet(ctx, base.id).rows[0].values == {first.id: Decimal("4")}
    with pytest.raises(ConflictError):
        baselines.update_indicator_set(ctx, gearing.id, renamed)  # the version loaded is stale now
