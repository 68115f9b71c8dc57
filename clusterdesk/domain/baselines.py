"""Baseline measurements as plain values (handbook §4.5.1): rounds compared like with like,
and the handbook's example indicator set, international gearing."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from .text import search_fold

# --- baseline rounds compared ----------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorComparison:
    indicator_id: uuid.UUID
    name: str
    averages: tuple[Decimal | None, ...]  # per round, over the members measured in it
    measured: tuple[int, ...]  # members measured, per round
    change: Decimal | None  # first to last round, over the members measured in both
    paired: int  # members measured in both the first and the last round


@dataclass(frozen=True)
class MemberComparison:
    member_id: uuid.UUID
    name: str
    values: tuple[tuple[Decimal | None, ...], ...]  # per indicator, per round
    changes: tuple[Decimal | None, ...]  # per indicator, first to last round


def _average(values: Sequence[Decimal]) -> Decimal | None:
    if not values:
        return None
    return (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.01"))


def compare_rounds(indicators: Sequence[tuple[uuid.UUID, str]], rounds: Sequence[uuid.UUID],
                   values: Mapping[tuple[uuid.UUID, uuid.UUID, uuid.UUID], Decimal],
                   members: Mapping[uuid.UUID, str]
                   ) -> tuple[tuple[IndicatorComparison, ...], tuple[MemberComparison, ...]]:
    """Averages per indicator and round, and the change from the first to the last round.

    `values` is keyed (round, indicator, member). The change is the average of each member's
    own change, over the members measured in both rounds: members who joined or dropped out
    in between would otherwise pass for progress or decline of the cluster."""
    first, last = (rounds[0], rounds[-1]) if rounds else (None, None)
    by_indicator = []
    for indicator_id, name in indicators:
        averages, measured = [], []
        for round_id in rounds:
            found = [v for (r, i, _m), v in values.items() if r == round_id and i == indicator_id]
            averages.append(_average(found))
            measured.append(len(found))
        diffs = [values[(last, indicator_id, m)] - values[(first, indicator_id, m)]
                 for m in members if (first, indicator_id, m) in values and (last, indicator_id, m) in values]
        change = _average(diffs) if len(rounds) > 1 else None
        by_indicator.append(IndicatorComparison(indicator_id, name, tuple(averages), tuple(measured),
                                                change, len(diffs) if len(rounds) > 1 else 0))
    by_member = []
    for member_id, name in sorted(members.items(), key=lambda item: search_fold(item[1])):
        per_indicator, changes = [], []
        for indicator_id, _name in indicators:
            row = tuple(values.get((r, indicator_id, member_id)) for r in rounds)
            per_indicator.append(row)
            ends = (row[0], row[-1]) if row else (None, None)
            changes.append(ends[1] - ends[0] if len(rounds) > 1 and None not in ends else None)
        by_member.append(MemberComparison(member_id, name, tuple(per_indicator), tuple(changes)))
    return tuple(by_indicator), tuple(by_member)


# --- the example indicator set of the handbook (§4.5.1, international gearing) ---------------


@dataclass(frozen=True)
class IndicatorTemplate:
    name: str
    description: str
    scale_min: int = 1
    scale_max: int = 5
    unit: str = ""


GEARING_SET_NAME = "International gearing"
GEARING_SET_DESCRIPTION = (
    "How international the members are, measured the same way at the start (baseline), half-way "
    "(mid-term) and at the end (final), so the cluster can show what changed (handbook §4.5.1).")
GEARING_INDICATORS = (
    IndicatorTemplate("Presence at international events",
                      "1 = none in the last two years · 3 = visits fairs or conferences now and "
                      "then · 5 = exhibits or speaks abroad every year"),
    IndicatorTemplate("Systematic sales to several countries",
                      "1 = sells at home only · 3 = occasional customers abroad · 5 = a sales or "
                      "marketing plan for several countries or regions"),
    IndicatorTemplate("Competence in internationalisation",
                      "1 = no one with export experience · 3 = some experience, no routines · "
                      "5 = dedicated staff, languages, routines for new markets"),
    IndicatorTemplate("International agreements", "Number of cooperation or sales agreements with "
                      "partners abroad in force", 0, 20, "agreements"),
)
