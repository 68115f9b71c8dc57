"""Closed choices as files write them, in Danish or English: 'SMV', 'Forskning', 'Udmeldt',
'10-49', a head count, 'Dansk'."""

from __future__ import annotations

import re
from functools import cache

from ..domain.enums import (
    InternationalOrientation,
    LabelledEnum,
    MemberKind,
    MemberStatus,
    SizeBand,
)
from ..domain.text import search_fold

_SYNONYMS: dict[type[LabelledEnum], dict[str, tuple[str, ...]]] = {
    MemberKind: {
        "sme": ("smv", "sme", "small company", "lille virksomhed", "mellemstor virksomhed",
                "virksomhed", "company", "firma", "smb"),
        "large_company": ("stor virksomhed", "storvirksomhed", "large", "large company",
                          "large enterprise", "corporate", "koncern"),
        "research": ("forskning", "forskningsinstitution", "videninstitution",
                     "vidensinstitution", "universitet", "university", "gts", "uddannelse",
                     "uddannelsesinstitution", "research", "knowledge institution", "academia",
                     "research institution", "rto", "professionshøjskole"),
        "public_body": ("offentlig", "offentlig myndighed", "myndighed", "kommune", "region",
                        "ministerium", "styrelse", "public", "public body", "public authority",
                        "municipality", "authority", "government"),
        "other": ("andet", "andre", "other", "forening", "organisation", "association", "ngo"),
    },
    SizeBand: {
        "micro": ("mikro", "mikrovirksomhed", "micro", "1-9", "0-9", "1 9", "under 10"),
        "small": ("lille", "small", "10-49", "10 49"),
        "medium": ("mellem", "mellemstor", "medium", "50-249", "50 249"),
        "large": ("stor", "large", "250+", "250 +", "over 250", "250 or more", "250 eller flere"),
        "unknown": ("ukendt", "unknown", "?", "n/a", "-"),
    },
    MemberStatus: {
        "active": ("aktiv", "medlem", "active", "member", "ja", "yes", "betalende"),
        "prospect": ("potentiel", "potentielt medlem", "emne", "prospect", "lead", "kandidat"),
        "paused": ("pause", "på pause", "paused", "hvilende", "inaktiv", "inactive"),
        "former": ("tidligere", "tidligere medlem", "udmeldt", "ophørt", "former", "ex",
                   "left", "resigned"),
    },
    InternationalOrientation: {
        "none": ("ingen", "none", "nej", "no", "kun danmark", "only domestic", "domestic"),
        "latent": ("latent", "latent behov", "måske", "interesseret", "nysgerrig", "interested",
                   "curious", "maybe"),
        "defined": ("defineret", "defineret behov", "defined", "defined need", "konkret",
                    "planlagt", "planned"),
        "active": ("aktiv", "aktiv internationalt", "international", "eksporterer", "active",
                   "active internationally", "exporting", "ja", "yes"),
    },
}


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w+?/-]+", " ", search_fold(text)).split())


@cache
def _choice_index(enum: type[LabelledEnum]) -> dict[str, str]:
    index: dict[str, str] = {}
    for member in enum:
        index[_key(member.value)] = member.value
        index[_key(member.value.replace("_", " "))] = member.value
        index[_key(member.label)] = member.value
    for value, words in _SYNONYMS.get(enum, {}).items():
        for word in words:
            index.setdefault(_key(word), value)
    return index


def parse_choice(value: object, enum: type[LabelledEnum]) -> str:
    """The enum value a cell means; raises ValueError listing the choices."""
    text = " ".join(str(value).split())
    if enum is SizeBand:
        band = _size_from_count(text)
        if band:
            return band
    found = _choice_index(enum).get(_key(text))
    if found is None:
        choices = ", ".join(member.label for member in enum)
        raise ValueError(f"“{text}” is not one of the choices ({choices})")
    return found


def _size_from_count(text: str) -> str | None:
    """A head count ('35', 'ca. 120 ansatte') → its EU size band."""
    match = re.fullmatch(r"(?:ca\.?|approx\.?|about|~)?\s*(\d[\d .]*)\s*(?:ansatte|employees|medarbejdere)?",
                         text.strip().lower())
    if not match:
        return None
    count = int(re.sub(r"\D", "", match.group(1)))
    if count < 10:
        return "micro"
    if count < 50:
        return "small"
    if count < 250:
        return "medium"
    return "large"


@cache
def _language_index() -> dict[str, str]:
    from babel import Locale

    index: dict[str, str] = {}
    for locale in ("en", "da", "de", "sv", "nb", "fr", "nl", "pl"):
        for code, name in Locale.parse(locale).languages.items():
            if len(code) == 2:
                index.setdefault(search_fold(name), code)
    for code in list(index.values()):
        index.setdefault(code, code)
    index.update({"dk": "da", "uk": "en", "gb": "en", "us": "en", "se": "sv", "norsk": "no",
                  "nb": "no", "nn": "no", "norwegian": "no", "engelsk": "en", "dansk": "da"})
    return index


def parse_language(value: object) -> str:
    """A language as an ISO 639-1 code from 'Dansk', 'English', 'de', 'DK'."""
    text = " ".join(str(value).split())
    code = _language_index().get(search_fold(text))
    if code is None:
        raise ValueError(f"“{text}” is not a language we know (write e.g. Dansk, English or de)")
    return code
