"""The power–interest grid of a stakeholder analysis (handbook §2.3.2): influence and interest
from 1 to 5, and the four ways of dealing with a stakeholder that follow from them."""

from __future__ import annotations

from enum import StrEnum

SCALE = (1, 2, 3, 4, 5)
HIGH_FROM = 3  # the middle of the scale counts as high: better informed than overlooked


class Quadrant(StrEnum):
    MANAGE_CLOSELY = "manage_closely"
    KEEP_SATISFIED = "keep_satisfied"
    KEEP_INFORMED = "keep_informed"
    MONITOR = "monitor"

    @property
    def label(self) -> str:
        return _LABELS[self][0]

    @property
    def advice(self) -> str:
        return _LABELS[self][1]


_LABELS = {
    Quadrant.MANAGE_CLOSELY: ("Manage closely", "High influence and high interest: meet them, "
                              "plan together, agree on targets."),
    Quadrant.KEEP_SATISFIED: ("Keep satisfied", "High influence, less interest: keep them content "
                              "without asking too much of their time."),
    Quadrant.KEEP_INFORMED: ("Keep informed", "Interested but with little influence: tell them "
                             "what happens; they often help in practice."),
    Quadrant.MONITOR: ("Monitor", "Little influence and interest: watch for changes."),
}


def is_high(score: int) -> bool:
    return score >= HIGH_FROM


def quadrant(influence: int, interest: int) -> Quadrant:
    """Where a stakeholder stands on the grid (influence = power, up; interest = across)."""
    if influence not in SCALE or interest not in SCALE:
        raise ValueError("influence and interest are scored from 1 to 5")
    if is_high(influence):
        return Quadrant.MANAGE_CLOSELY if is_high(interest) else Quadrant.KEEP_SATISFIED
    return Quadrant.KEEP_INFORMED if is_high(interest) else Quadrant.MONITOR


# Where the second, third… stakeholder with the same scores goes, in grid units: below the
# first (its name is written above its point), then to either side.
SPREAD = ((0.0, 0.0), (0.0, -0.34), (0.42, -0.17), (-0.42, -0.17), (0.42, -0.51), (-0.42, -0.51))


def spread_points(points: list[tuple[int, int]]) -> list[tuple[float, float]]:
    """Positions for a chart where stakeholders with the same scores would hide each other
    (and each other's names): the first stays on its point, the others are set around it."""
    seen: dict[tuple[int, int], int] = {}
    placed = []
    for x, y in points:
        n = seen.get((x, y), 0)
        seen[(x, y)] = n + 1
        dx, dy = SPREAD[n % len(SPREAD)]
        shrink = 1 / (1 + n // len(SPREAD))  # a seventh one starts a tighter round
        placed.append((x + dx * shrink, y + dy * shrink))
    return placed
