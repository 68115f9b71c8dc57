"""Is the secretariat ready for international work (handbook §2.1)? The time it gives to it,
the languages of the chosen markets it can speak, and the international experience,
education and background of the people."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from .enums import LanguageLevel

#: a level from which a language counts as covered for work in a market
WORKING_LEVELS = (LanguageLevel.WORKING.value, LanguageLevel.FLUENT.value, LanguageLevel.NATIVE.value)
# Danes, Norwegians and Swedes read and mostly understand each other's languages.
MUTUALLY_UNDERSTOOD = ({"da", "no", "nb", "nn", "sv"},)


@dataclass(frozen=True)
class SpokenLanguage:
    code: str
    level: str


@dataclass(frozen=True)
class StaffCompetence:
    name: str
    international_share: int  # percent of the working time
    languages: tuple[SpokenLanguage, ...] = ()
    experience_years: int | None = None
    experience: str = ""
    education_abroad: str = ""
    background: str = ""


@dataclass(frozen=True)
class MarketLanguage:
    country: str
    languages: tuple[str, ...]  # the country's official languages
    speakers: tuple[str, ...]  # staff who can work in one of them (or a close one)

    @property
    def covered(self) -> bool:
        return bool(self.speakers)


@dataclass(frozen=True)
class Readiness:
    people: int
    full_time_equivalents: Decimal  # time given to international work, in full-time posts
    with_experience: tuple[str, ...]
    educated_abroad: tuple[str, ...]
    with_background: tuple[str, ...]
    languages: dict[str, tuple[str, ...]]  # language code → who speaks it at working level
    markets: tuple[MarketLanguage, ...]

    @property
    def uncovered_markets(self) -> tuple[MarketLanguage, ...]:
        return tuple(m for m in self.markets if not m.covered)


@cache
def official_languages(country: str) -> tuple[str, ...]:
    """The languages people work in in a country ('US' → en, 'BE' → nl, fr, de)."""
    from babel.languages import get_official_languages

    codes = tuple(get_official_languages(country.upper(), de_facto=True)) or ("en",)
    if "no" in codes:  # Norwegian, whichever of its two written forms
        codes = tuple(c for c in codes if c not in ("nb", "nn"))
    return codes


def _understood(code: str) -> set[str]:
    for group in MUTUALLY_UNDERSTOOD:
        if code in group:
            return group
    return {code}


def speakers_of(languages: Sequence[str], staff: Iterable[StaffCompetence]) -> tuple[str, ...]:
    wanted = set().union(*(_understood(code) for code in languages)) if languages else set()
    return tuple(p.name for p in staff
                 if any(s.code in wanted and s.level in WORKING_LEVELS for s in p.languages))


def assess(staff: Sequence[StaffCompetence], target_countries: Sequence[str]) -> Readiness:
    """What the secretariat brings to the international work, and which target markets'
    languages nobody in it speaks."""
    languages: dict[str, list[str]] = {}
    for person in staff:
        for spoken in person.languages:
            if spoken.level in WORKING_LEVELS:
                languages.setdefault(spoken.code, []).append(person.name)
    fte = sum((Decimal(p.international_share) for p in staff), Decimal(0)) / 100
    markets = tuple(MarketLanguage(c, official_languages(c), speakers_of(official_languages(c), staff))
                    for c in target_countries)
    return Readiness(
        people=len(staff),
        full_time_equivalents=fte.quantize(Decimal("0.1")),
        with_experience=tuple(p.name for p in staff if (p.experience_years or 0) > 0 or p.experience.strip()),
        educated_abroad=tuple(p.name for p in staff if p.education_abroad.strip()),
        with_background=tuple(p.name for p in staff if p.background.strip()),
        languages={code: tuple(names) for code, names in languages.items()},
        markets=markets,
    )
