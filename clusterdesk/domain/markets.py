"""Markets (handbook §1.2): kinds and sources of market analyses, and the market-interest
matrix of members × countries that helps the secretariat select the right markets."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from .countries import country_name
from .enums import LabelledEnum
from .text import sort_key


class MarketKind(LabelledEnum):
    COUNTRY = "country"
    TECHNOLOGY = "technology"

    @property
    def label(self) -> str:
        return {"country": "Country market", "technology": "Technology market"}[self.value]


class AnalysisSource(LabelledEnum):
    DESK_RESEARCH = "desk_research"
    STUDENTS = "students"
    CONSULTANT = "consultant"
    SECTOR_ASSOCIATION = "sector_association"
    OTHER = "other"


class InterestSource(LabelledEnum):
    """Where a member's interest in a market was recorded (MemberMarket.source)."""

    PROFILE = "profile"
    SURVEY = "survey"
    CAMPAIGN = "campaign"

    @property
    def label(self) -> str:
        return {"profile": "Member profile", "survey": "Survey answer",
                "campaign": "Campaign answer"}[self.value]

    @property
    def letter(self) -> str:
        return self.value[0].upper()


ATTRACTIVENESS = {1: "1 – poor", 2: "2 – weak", 3: "3 – fair", 4: "4 – good", 5: "5 – excellent"}


@dataclass(frozen=True)
class Interest:
    member_id: uuid.UUID
    member_name: str
    orientation: str
    country: str
    source: str


@dataclass(frozen=True)
class CountryColumn:
    code: str
    name: str
    members: int  # members interested, whatever the source
    by_source: dict[str, int]
    is_target: bool = False


@dataclass(frozen=True)
class MatrixRow:
    member_id: uuid.UUID
    name: str
    orientation: str
    cells: dict[str, frozenset[str]]  # country code -> sources

    def sources(self, code: str) -> frozenset[str]:
        return self.cells.get(code, frozenset())


@dataclass(frozen=True)
class InterestMatrix:
    countries: tuple[CountryColumn, ...]
    rows: tuple[MatrixRow, ...]

    @property
    def member_count(self) -> int:
        return len(self.rows)


def build_matrix(interests: Iterable[Interest], targets: Iterable[str] = ()) -> InterestMatrix:
    """Members × countries. Countries with most interested members first (target markets
    first among equals); members by name."""
    target_set = set(targets)
    rows: dict[uuid.UUID, tuple[str, str, dict[str, set[str]]]] = {}
    members_per_country: dict[str, set[uuid.UUID]] = {}
    by_source: dict[str, dict[str, set[uuid.UUID]]] = {}
    for item in interests:
        _name, _orientation, cells = rows.setdefault(
            item.member_id, (item.member_name, item.orientation, {}))
        cells.setdefault(item.country, set()).add(item.source)
        members_per_country.setdefault(item.country, set()).add(item.member_id)
        by_source.setdefault(item.country, {}).setdefault(item.source, set()).add(item.member_id)
    for code in target_set:
        members_per_country.setdefault(code, set())
    countries = tuple(sorted(
        (CountryColumn(code, country_name(code), len(ids),
                       {s: len(m) for s, m in by_source.get(code, {}).items()},
                       code in target_set)
         for code, ids in members_per_country.items()),
        key=lambda c: (-c.members, not c.is_target, c.name)))
    matrix_rows = tuple(sorted(
        (MatrixRow(member_id, name, orientation, {c: frozenset(s) for c, s in cells.items()})
         for member_id, (name, orientation, cells) in rows.items()),
        key=lambda r: sort_key(r.name)))
    return InterestMatrix(countries, matrix_rows)


def cell_text(sources: frozenset[str]) -> str:
    """A compact mark for a matrix cell: P (profile), S (survey), C (campaign)."""
    return "".join(s.letter for s in InterestSource if s.value in sources)
