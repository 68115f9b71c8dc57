"""Outcomes typed in a grid: saved all at once or not at all (each refused cell named by row
and column), edited, taken out to the bin and restored, and added up per currency exactly."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from clusterdesk.domain.evaluations import OutcomeKind
from clusterdesk.domain.money import Money
from clusterdesk.services import outcomes
from clusterdesk.services.errors import ConflictError, ValidationError
from clusterdesk.services.members import MemberInput, create_member
from clusterdesk.services.outcomes import OutcomeRowInput, OutcomeText

from .evaluation_setup import NAMES, make_trip


def rows(*texts):
    return [OutcomeRowInput(t) for t in texts]


def test_a_grid_with_a_bad_cell_saves_nothing_and_names_row_and_column(ctx):
    trip = make_trip(ctx)
    typed = rows(OutcomeText(NAMES[0], "Contract", "", "Delfland", "NL", "850.000", "DKK"),
                 OutcomeText(),  # an empty row left in the grid
                 OutcomeText("Gudenå", "Order", "", "", "Narnia", "12,5 mio"),
                 OutcomeText("Nobody ApS", "New market", "", "", "SE"))
    with pytest.raises(ValidationError) as refused:
        outcomes.save_outcomes(ctx, trip.id, typed)
    errors = refused.value.errors
    assert set(errors) == {"row 3:country", "row 3:value", "row 4:member"}
    assert "Narnia" in errors["row 3:country"] and "12,5 mio" in errors["row 3:value"]
    assert outcomes.error_place("row 3:value") == (3, "value") and outcomes.error_place("name") is None
    assert outcomes.list_outcomes(ctx, trip.id) == []  # all or nothing


def test_outcomes_saved_edited_removed_and_restored(ctx):
    trip = make_trip(ctx)
    saved, changes = outcomes.save_outcomes(ctx, trip.id, rows(
        OutcomeText(NAMES[0], "Contract", "", "Delfland", "Holland", "1.250.000,50", "DKK", "01-11-2026"),
        OutcomeText(NAMES[1], "new contacts", "7"),
        OutcomeText(NAMES[2], "New partner", "", "Evides Industriewater", "NL")))
    assert changes.touches("outcomes") and [o.kind for o in saved] == ["contract", "new_contacts", "new_partner"]
    assert saved[0].value == Money(Decimal("1250000.50"), "DKK") and saved[0].country == "NL"
    assert saved[1].count == 7 and saved[1].member_name == NAMES[1]
    assert saved[0].as_text().value == "1.250.000,50" and saved[0].as_text().country == "Netherlands"
    # Edit the first row, leave out the second (it goes to the bin), keep the third.
    edited = replace(saved[0].as_text(), value="1.300.000")
    again, _ = outcomes.save_outcomes(ctx, trip.id, [
        OutcomeRowInput(edited, saved[0].id, saved[0].version),
        OutcomeRowInput(saved[2].as_text(), saved[2].id, saved[2].version)])
    assert [o.id for o in again] == [saved[0].id, saved[2].id]
    assert again[0].value == Money.of("1300000", "DKK") and again[0].version == saved[0].version + 1
    binned = outcomes.list_outcomes(ctx, trip.id, deleted=True)
    assert [o.id for o in binned] == [saved[1].id]
    outcomes.restore_outcomes(ctx, [saved[1].id])
    assert [o.id for o in outcomes.list_outcomes(ctx, trip.id)] == [saved[0].id, saved[2].id, saved[1].id]


def test_a_row_changed_meanwhile_is_not_overwritten(ctx):
    trip = make_trip(ctx)
    saved, _ = outcomes.save_outcomes(ctx, trip.id, rows(OutcomeText(NAMES[0], "Order", "", "", "", "10", "EUR")))
    colleague = replace(ctx, actor="Jonas Bech (JB)")
    outcomes.save_outcomes(colleague, trip.id, [OutcomeRowInput(
        replace(saved[0].as_text(), value="20"), saved[0].id, saved[0].version)])
    with pytest.raises(ConflictError) as conflict:
        outcomes.save_outcomes(ctx, trip.id, [OutcomeRowInput(
            replace(saved[0].as_text(), value="30"), saved[0].id, saved[0].version)])
    assert conflict.value.by == "Jonas Bech (JB)"
    assert outcomes.list_outcomes(ctx, trip.id)[0].value == Money.of("20", "EUR")


def test_totals_per_currency_are_exact(ctx):
    trip = make_trip(ctx)
    saved, _ = outcomes.save_outcomes(ctx, trip.id, rows(*(
        OutcomeText(NAMES[i % 3], "Order", "", "", "", "0,10", "EUR") for i in range(10)),
        OutcomeText(NAMES[0], "Contract", "", "", "", "850.000", "DKK"),
        OutcomeText(NAMES[1], "Contract", "", "", "", "0,01", "DKK"),
        OutcomeText(NAMES[2], "New contacts", "4")))
    totals = outcomes.totals(saved)
    assert totals.values == (Money(Decimal("850000.01"), "DKK"), Money(Decimal("1.00"), "EUR"))
    assert ("order", 10, 3) in totals.per_kind and totals.count_of(OutcomeKind.NEW_CONTACTS) == 4
    assert totals.reporting == 3


def test_only_the_activitys_participants_can_report(ctx):
    trip = make_trip(ctx)
    create_member(ctx, MemberInput(name="Hvidovre Vand A/S"))  # a member, but not on the trip
    names = outcomes.outcome_participants(ctx, trip.id)
    assert sorted(names.values()) == sorted(NAMES) and set(names) == set(trip.members.values())
    came = outcomes.outcome_participants(ctx, trip.id, counted_only=True)
    assert NAMES[3] not in came.values() and len(came) == 3
    with pytest.raises(ValidationError) as refused:
        outcomes.save_outcomes(ctx, trip.id, rows(OutcomeText("Hvidovre Vand", "Order", "", "", "", "5")))
    assert refused.value.errors == {"row 1:member": "“Hvidovre Vand” is not one of the participants"}


def test_a_member_in_the_bin_keeps_its_outcomes_out_of_the_grid(ctx):
    from clusterdesk.services.members import delete_member, restore_member

    trip = make_trip(ctx)
    saved, _ = outcomes.save_outcomes(ctx, trip.id, rows(OutcomeText(NAMES[0], "New market", "", "", "SE"),
                                                        OutcomeText(NAMES[1], "New contacts", "3")))
    delete_member(ctx, trip.members[NAMES[0]])
    shown = outcomes.list_outcomes(ctx, trip.id)
    assert [o.member_name for o in shown] == [NAMES[1]]
    outcomes.save_outcomes(ctx, trip.id, [OutcomeRowInput(shown[0].as_text(), shown[0].id, shown[0].version)])
    restore_member(ctx, trip.members[NAMES[0]])
    assert {o.id for o in outcomes.list_outcomes(ctx, trip.id)} == {o.id for o in saved}
