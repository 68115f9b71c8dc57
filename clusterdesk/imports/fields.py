"""What a column can be imported into, the names offices give such columns in Danish and
English, and the suggested mapping from a file's headers (tolerant of spelling)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..domain.text import search_fold


@dataclass(frozen=True)
class ImportField:
    key: str
    label: str
    group: str  # "member" or "contact"
    aliases: tuple[str, ...]
    required: bool = False
    # Names that mean this field only inside a column group ("Kontaktperson ▸ Navn"), or
    # weakly outside one (a second "Navn" column is most likely the contact's name).
    weak_aliases: tuple[str, ...] = ()


FIELDS: tuple[ImportField, ...] = (
    ImportField("name", "Member name", "member", (
        "navn", "name", "firma", "firmanavn", "virksomhed", "virksomhedsnavn", "virksomhedens navn",
        "organisation", "organisationsnavn", "organization", "organisation name", "company",
        "company name", "medlem", "medlemsnavn", "member", "member name", "institution"),
        required=True),
    ImportField("kind", "Kind", "member", (
        "type", "kategori", "medlemstype", "organisationstype", "virksomhedstype", "kind",
        "member type", "organisation type", "type of organisation", "category")),
    ImportField("size_band", "Size", "member", (
        "størrelse", "virksomhedsstørrelse", "antal ansatte", "ansatte", "medarbejdere",
        "antal medarbejdere", "size", "size band", "company size", "employees",
        "number of employees", "headcount")),
    ImportField("status", "Status", "member", ("status", "medlemsstatus", "member status")),
    ImportField("international_orientation", "International orientation", "member", (
        "international", "internationalisering", "international orientering",
        "internationalt fokus", "international orientation", "internationalisation",
        "export status", "eksportstatus")),
    ImportField("country", "Country", "member", ("land", "country", "landekode", "country code")),
    ImportField("city", "City", "member", (
        "by", "bynavn", "postdistrikt", "city", "town", "place")),
    ImportField("postcode", "Postcode", "member", (
        "postnr", "postnummer", "post nr", "postcode", "post code", "postal code", "zip",
        "zip code", "zipcode")),
    ImportField("address", "Address", "member", (
        "adresse", "gade", "vej", "vejnavn", "gadenavn", "address", "street", "street address",
        "postadresse")),
    ImportField("website", "Website", "member", (
        "hjemmeside", "web", "webside", "website", "web site", "url", "www", "homepage")),
    ImportField("vat_number", "CVR / VAT number", "member", (
        "cvr", "cvr nr", "cvrnr", "cvr nummer", "cvr-nummer", "vat", "vat number", "vat no",
        "vat id", "momsnummer", "momsnr", "se nr", "se nummer", "org nr", "organisationsnummer",
        "organisation number", "company number", "registration number", "business id")),
    ImportField("member_since", "Member since", "member", (
        "medlem siden", "medlem fra", "indmeldt", "indmeldelse", "indmeldelsesdato", "startdato",
        "member since", "joined", "join date", "membership start", "start date")),
    ImportField("sectors", "Sectors", "member", (
        "sektor", "sektorer", "branche", "brancher", "område", "områder", "fagområde",
        "fagområder", "sector", "sectors", "industry", "industries", "field", "fields")),
    ImportField("tags", "Tags", "member", (
        "tags", "tag", "mærker", "etiketter", "nøgleord", "labels", "keywords", "grupper",
        "groups")),
    ImportField("markets", "Markets of interest", "member", (
        "markeder", "marked", "markedsinteresse", "eksportmarkeder", "målmarkeder",
        "lande af interesse", "interesse lande", "markets", "markets of interest",
        "target markets", "target countries", "export markets", "countries of interest")),
    ImportField("notes", "Notes", "member", (
        "noter", "note", "notat", "notater", "bemærkning", "bemærkninger", "kommentar",
        "kommentarer", "notes", "comment", "comments", "remarks")),
    ImportField("contact_name", "Contact name", "contact", (
        "kontaktperson", "kontakt", "kontaktnavn", "kontaktpersonens navn", "navn på kontaktperson",
        "kontaktperson navn", "contact", "contact person", "contact name", "contact person name",
        "fulde navn", "full name", "person"),
        weak_aliases=("navn", "name")),
    ImportField("contact_first_name", "Contact first name", "contact", (
        "fornavn", "first name", "firstname", "given name", "forename")),
    ImportField("contact_last_name", "Contact last name", "contact", (
        "efternavn", "last name", "lastname", "surname", "family name")),
    ImportField("contact_role", "Contact role", "contact", (
        "titel", "stilling", "stillingsbetegnelse", "rolle", "jobtitel", "funktion", "title",
        "job title", "role", "position", "function")),
    ImportField("contact_email", "Contact email", "contact", (
        "email", "e-mail", "mail", "e-mail adresse", "emailadresse", "mailadresse",
        "email address", "e-mail address", "kontakt email", "contact email")),
    ImportField("contact_phone", "Contact phone", "contact", (
        "telefon", "tlf", "tlf nr", "telefonnummer", "telefon nr", "mobil", "mobilnummer",
        "mobil nr", "direkte telefon", "phone", "telephone", "phone number", "mobile",
        "mobile phone", "cell", "direct phone", "contact phone")),
    ImportField("contact_language", "Contact language", "contact", (
        "sprog", "foretrukket sprog", "language", "preferred language", "korrespondancesprog")),
)
FIELD_BY_KEY = {f.key: f for f in FIELDS}
IGNORE = ""  # the mapping value of a column that is not imported

_MEMBER_GROUPS = ("virksomhed", "firma", "organisation", "organization", "company", "medlem",
                  "member", "virksomhedsoplysninger", "company details", "stamdata")
_CONTACT_GROUPS = ("kontakt", "kontaktperson", "kontaktpersoner", "contact", "contact person",
                   "contacts", "person", "primær kontakt", "primary contact")

MATCH_THRESHOLD = 80.0
WEAK_PENALTY = 15.0


def compact(text: str) -> str:
    """Letters and digits only, folded: 'E-mail adresse:' → 'emailadresse'."""
    return re.sub(r"[^a-z0-9]", "", search_fold(text))


@cache
def _alias_table() -> dict[str, tuple[tuple[str, str, bool], ...]]:
    """group → ((compact alias, field key, weak), …)."""
    table: dict[str, list[tuple[str, str, bool]]] = {"member": [], "contact": []}
    for f in FIELDS:
        table[f.group].extend((compact(a), f.key, False) for a in f.aliases)
        table[f.group].extend((compact(a), f.key, True) for a in f.weak_aliases)
    return {k: tuple(v) for k, v in table.items()}


def _group_of(text: str) -> str | None:
    key = compact(text)
    if not key:
        return None
    if key in {compact(g) for g in _CONTACT_GROUPS}:
        return "contact"
    if key in {compact(g) for g in _MEMBER_GROUPS}:
        return "member"
    return None


def field_scores(header: str, group_title: str = "") -> dict[str, float]:
    """How well a header names each field, 0–100 (only scores worth considering)."""
    from rapidfuzz import process
    from rapidfuzz.distance import DamerauLevenshtein

    group = _group_of(group_title) if group_title else None
    key = compact(header)
    if not key:
        return {}
    scores: dict[str, float] = {}
    for table_group, entries in _alias_table().items():
        if group and table_group != group:
            continue
        # Damerau: a swap of two letters ("Emial") is one slip, not two.
        hits = process.extract(key, [e[0] for e in entries], processor=None, limit=None,
                               scorer=DamerauLevenshtein.normalized_similarity,
                               score_cutoff=(MATCH_THRESHOLD - WEAK_PENALTY) / 100)
        for alias, similarity, index in hits:
            _alias, field_key, weak = entries[index]
            if alias != key and (len(key) < 4 or len(alias) < 4):
                continue  # "by", "tlf": only exact — short words are too easily alike
            score = 100.0 if alias == key else similarity * 100
            if weak and not group:
                score -= WEAK_PENALTY
            if score > scores.get(field_key, 0.0):
                scores[field_key] = score
    return scores


def suggest_mapping(headers: list[tuple[str, str]]) -> list[str]:
    """One field key (or IGNORE) per column, from (group title, header) pairs: best matches
    first, each field used once."""
    candidates = [(score, index, key)
                  for index, (group, header) in enumerate(headers)
                  for key, score in field_scores(header, group).items()
                  if score >= MATCH_THRESHOLD]
    mapping = [IGNORE] * len(headers)
    used: set[str] = set()
    for _score, index, key in sorted(candidates, key=lambda c: (-c[0], c[1])):
        if not mapping[index] and key not in used:
            mapping[index] = key
            used.add(key)
    return mapping


def header_hits(cells: list[str]) -> int:
    """How many different fields a row's cells name: how header-like the row is."""
    hit: set[str] = set()
    for cell in cells:
        scores = field_scores(cell)
        best = max(scores.items(), key=lambda kv: kv[1], default=None)
        if best and best[1] >= MATCH_THRESHOLD:
            hit.add(best[0])
    return len(hit)


def missing_required(mapping: list[str]) -> list[ImportField]:
    chosen = set(mapping)
    return [f for f in FIELDS if f.required and f.key not in chosen]
