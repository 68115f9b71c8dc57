"""The market-interest matrix to Excel: a sheet of countries with their counts, target
decisions and analyses, and the members × countries matrix itself."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.enums import InternationalOrientation
from ..domain.markets import InterestSource, cell_text
from .excel import Sheet, write_workbook

if TYPE_CHECKING:
    from ..services.markets import MarketOverview

COUNTRY_HEADERS = ("Country", "Code", "Members interested", "Share of members",
                   "From profiles", "From surveys", "From campaigns", "Target market",
                   "Decided on", "Decision note", "Analyses", "Latest analysis",
                   "Latest attractiveness (1–5)")


def country_rows(overview: MarketOverview) -> list[tuple]:
    rows = []
    for column in overview.matrix.countries:
        target = overview.targets.get(column.code)
        analyses = overview.analyses.get(column.code)
        share = round(column.members / overview.members_total, 3) if overview.members_total else None
        rows.append((
            column.name, column.code, column.members, share,
            *(column.by_source.get(s.value, 0) for s in InterestSource),
            "Yes" if target else "", target.decided_on if target else None,
            target.note if target else "", analyses.count if analyses else 0,
            analyses.latest_on if analyses else None,
            analyses.latest_attractiveness if analyses else None,
        ))
    return rows


def matrix_rows(overview: MarketOverview) -> tuple[tuple[str, ...], list[tuple]]:
    codes = [c.code for c in overview.matrix.countries]
    headers = ("Member", "International orientation", "Markets",
               *(c.name for c in overview.matrix.countries))
    rows = [(row.name, InternationalOrientation(row.orientation).label, len(row.cells),
             *(cell_text(row.sources(code)) or None for code in codes))
            for row in overview.matrix.rows]
    return headers, rows


def write_market_matrix(path: Path, overview: MarketOverview) -> list[int]:
    """Write the two sheets; returns the number of rows of each. Matrix cells hold P
    (member profile), S (survey answer) and C (campaign answer)."""
    headers, rows = matrix_rows(overview)
    return write_workbook(path, [Sheet("Countries", COUNTRY_HEADERS, country_rows(overview)),
                                 Sheet("Members x countries", headers, rows)])
