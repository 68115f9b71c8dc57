"""What two versions of one record combine into: never a blank over a filled value."""

from __future__ import annotations

# Values that say "nobody has filled this in": the better-informed record's value wins.
BLANK_LIKE = {"size_band": "unknown", "international_orientation": "none"}
JOINED = ("notes",)  # two different texts are both kept


def is_blank(key: str, value) -> bool:
    if isinstance(value, (tuple, list, set, frozenset)):
        return not value
    return value is None or (isinstance(value, str) and not value.strip()) or BLANK_LIKE.get(key) == value


def merged_value(key: str, keep, other, prefer_other: bool = False):
    """The value a merge keeps for one field. `prefer_other`: the user picked the other
    record's value (only ever a filled one)."""
    if is_blank(key, other):
        return keep
    if is_blank(key, keep):
        return other
    if key in JOINED and keep != other:
        if other in keep:
            return keep
        return f"{other}\n\n{keep}" if prefer_other else f"{keep}\n\n{other}"
    if key == "member_since" and not prefer_other:
        return min(keep, other)  # a member since the earlier of the two dates
    return other if prefer_other else keep
