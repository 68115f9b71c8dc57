"""The continent of a country, for "does the cluster need a global presence?" (§5.3).

The five regions of the UN's M49 standard (the Americas as one), except that Cyprus counts
as Europe, where a European cluster expects it (it is an EU member)."""

from __future__ import annotations

from collections.abc import Iterable

_REGIONS = {
    "Europe": "AD AL AT AX BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS "
              "IT JE LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA",
    "Asia": "AE AF AM AZ BD BH BN BT CN GE HK ID IL IN IQ IR JO JP KG KH KP KR KW KZ LA LB LK MM "
            "MN MO MV MY NP OM PH PK PS QA SA SG SY TH TJ TL TM TR TW UZ VN YE",
    "Africa": "AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW IO KE KM LR LS "
              "LY MA MG ML MR MU MW MZ NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TF TG TN TZ UG "
              "YT ZA ZM ZW",
    "Americas": "AG AI AR AW BB BL BM BO BQ BR BS BV BZ CA CL CO CR CU CW DM DO EC FK GD GF GL GP GS "
                "GT GY HN HT JM KN KY LC MF MQ MS MX NI PA PE PM PR PY SR SV SX TC TT US UY VC VE VG VI",
    "Oceania": "AS AU CC CK CX FJ FM GU HM KI MH MP NC NF NR NU NZ PF PG PN PW SB TK TO TV UM VU WF WS",
    "Antarctica": "AQ",
}
CONTINENTS = tuple(_REGIONS)
_CONTINENT = {code: region for region, codes in _REGIONS.items() for code in codes.split()}


def continent(code: str | None) -> str | None:
    """'Europe', 'Asia', 'Africa', 'Americas', 'Oceania' (or 'Antarctica'); None when unknown."""
    return _CONTINENT.get(code.upper()) if code else None


def continents_of(codes: Iterable[str | None]) -> list[str]:
    """The continents the countries are on, in the fixed order of CONTINENTS."""
    found = {continent(c) for c in codes} - {None}
    return [name for name in CONTINENTS if name in found]
