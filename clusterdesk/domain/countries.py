"""Countries as ISO 3166-1 alpha-2 codes, recognised from what people actually type:
codes, English and Danish names, native names and common aliases (UK, Deutschland, Danmark)."""

from __future__ import annotations

import gettext
import unicodedata
from functools import cache

import pycountry

# What people write that neither pycountry nor its translations know.
_ALIASES = {
    "uk": "GB", "england": "GB", "great britain": "GB", "britain": "GB", "scotland": "GB",
    "wales": "GB", "northern ireland": "GB", "storbritannien": "GB", "england uk": "GB",
    "usa": "US", "us": "US", "u.s.": "US", "u.s.a.": "US", "america": "US", "united states": "US",
    "amerika": "US", "usa (amerika)": "US",
    "deutschland": "DE", "tyskland": "DE", "bundesrepublik deutschland": "DE",
    "danmark": "DK", "dänemark": "DK", "dk": "DK",
    "sverige": "SE", "schweden": "SE", "norge": "NO", "noreg": "NO", "suomi": "FI",
    "finnland": "FI", "island": "IS", "ísland": "IS", "nederland": "NL", "holland": "NL",
    "the netherlands": "NL", "nederlandene": "NL", "belgië": "BE", "belgique": "BE",
    "belgien": "BE", "frankrig": "FR", "españa": "ES", "spanien": "ES", "italia": "IT",
    "italien": "IT", "polska": "PL", "polen": "PL", "österreich": "AT", "østrig": "AT",
    "schweiz": "CH", "suisse": "CH", "svejts": "CH", "switzerland": "CH", "eesti": "EE",
    "estland": "EE", "latvija": "LV", "letland": "LV", "lietuva": "LT", "litauen": "LT",
    "česko": "CZ", "czech republic": "CZ", "tjekkiet": "CZ", "magyarország": "HU",
    "ungarn": "HU", "portugal": "PT", "grækenland": "GR", "ellada": "GR", "irland": "IE",
    "éire": "IE", "south korea": "KR", "korea": "KR", "sydkorea": "KR", "kina": "CN",
    "china": "CN", "japan": "JP", "indien": "IN", "rusland": "RU", "russia": "RU",
    "tyrkiet": "TR", "türkiye": "TR", "turkey": "TR", "færøerne": "FO", "grønland": "GL",
    "kalaallit nunaat": "GL", "brasilien": "BR", "canada": "CA", "mexico": "MX",
    "sydafrika": "ZA", "australien": "AU", "new zealand": "NZ", "vietnam": "VN",
    "taiwan": "TW", "iran": "IR", "uae": "AE", "emirates": "AE", "de forenede arabiske emirater": "AE",
}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).strip().lower()
    return " ".join(text.replace(",", " ").split())


@cache
def _index() -> dict[str, str]:
    danish = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["da"], fallback=True)
    index: dict[str, str] = {}
    for c in pycountry.countries:
        code = c.alpha_2
        names = {c.alpha_2, c.alpha_3, c.name, getattr(c, "common_name", ""),
                 getattr(c, "official_name", ""), danish.gettext(c.name)}
        for name in names:
            if name:
                index.setdefault(_fold(name), code)
    for alias, code in _ALIASES.items():
        index[_fold(alias)] = code
    return index


def resolve_country(text: str | None) -> str | None:
    """The ISO alpha-2 code for a country as typed, or None when it is not recognised."""
    if not text or not text.strip():
        return None
    key = _fold(text)
    index = _index()
    if key in index:
        return index[key]
    key = key.strip(". ")
    return index.get(key)


def is_country_code(code: str | None) -> bool:
    """True for an ISO alpha-2 code pycountry knows ('DK', 'de')."""
    return bool(code) and len(code) == 2 and pycountry.countries.get(alpha_2=code.upper()) is not None


@cache  # asked for every row of a list, an index and an export
def country_name(code: str | None, language: str = "en") -> str:
    """The short name of a country code in English or Danish; '' for None."""
    if not code:
        return ""
    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        return code
    name = getattr(country, "common_name", None) or country.name
    if language == "da":
        danish = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["da"], fallback=True)
        return danish.gettext(country.name)
    return name


def all_countries(language: str = "en") -> list[tuple[str, str]]:
    """(code, name) for every country, sorted by name."""
    return sorted(((c.alpha_2, country_name(c.alpha_2, language)) for c in pycountry.countries),
                  key=lambda pair: pair[1])
