"""When are two organisations or two people probably the same? Name keys without legal forms,
fuzzy name scores (rapidfuzz), and the other signals: CVR/VAT, email domain, phone."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from .text import search_fold
from .validation import vat_key

# Legal forms across the Nordics and Europe, folded ("a/s" → "a s" after punctuation removal).
LEGAL_FORMS = (
    "a/s", "aps", "i/s", "ivs", "k/s", "p/s", "f.m.b.a.", "fmba", "amba", "a.m.b.a.", "smba",
    "s.m.b.a.", "gmbh", "gmbh & co. kg", "gmbh & co kg", "ag", "kg", "ohg", "e.v.", "ev", "ug",
    "ab", "(publ)", "publ", "hb", "kb", "asa", "as", "ans", "da", "oy", "oyj", "ky", "ltd", "ltd.",
    "limited", "plc", "llc", "llp", "inc", "inc.", "corp", "corp.", "corporation", "co.", "bv", "b.v.", "nv", "n.v.", "vof", "sa", "s.a.", "sas", "sarl", "s.a.r.l.", "srl",
    "s.r.l.", "spa", "s.p.a.", "sl", "s.l.", "sp. z o.o.", "sp z oo", "sp. z o. o.", "s.r.o.",
    "sro", "a.s.", "kft", "zrt", "uab", "sia", "ou", "oü",
)
# Free mail services: a shared domain there says nothing about the organisation.
PUBLIC_MAIL_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "hotmail.com", "hotmail.dk", "outlook.com", "outlook.dk",
    "live.com", "live.dk", "msn.com", "yahoo.com", "yahoo.dk", "icloud.com", "me.com", "mac.com",
    "aol.com", "gmx.de", "gmx.net", "web.de", "mail.dk", "jubii.dk", "ofir.dk", "stofanet.dk",
    "get2net.dk", "youmail.dk", "protonmail.com", "proton.me", "mail.com", "yandex.com",
    "telia.com", "tdcadsl.dk", "post.tele.dk", "privat.dk", "sol.dk",
})


def _fold_words(text: str) -> str:
    folded = search_fold(text).replace("&", " & ")
    return " ".join(re.sub(r"[^\w&]+", " ", folded).split())


@cache
def _legal_suffix_pattern() -> re.Pattern:
    forms = sorted({_fold_words(f) for f in LEGAL_FORMS if _fold_words(f)}, key=len, reverse=True)
    alternatives = "|".join(re.escape(f) for f in forms)
    # Only at the end (or before a trailing bracket note): "Nord A/S" but not "AS Tools".
    return re.compile(rf"(?:\s+(?:{alternatives}))+$")


def organisation_key(name: str) -> str:
    """A name for comparing organisations: folded, punctuation and legal forms removed.
    'Vestkyst Pumper A/S' and 'VESTKYST PUMPER APS' give the same key."""
    words = _fold_words(name)
    stripped = _legal_suffix_pattern().sub("", words).strip()
    return stripped or words


def person_key(name: str) -> str:
    """A name for comparing people: folded, punctuation removed, words sorted
    ('Hansen, Jens' and 'Jens Hansen' give the same key)."""
    return " ".join(sorted(_fold_words(name).replace("&", " ").split()))


def why_same_person(name_a: str, email_a: str, name_b: str, email_b: str) -> str | None:
    """Why two contacts of one organisation are the same person — "same email" or "same
    name" (word order and accents aside) — or None."""
    if email_a and email_b and email_a.strip().casefold() == email_b.strip().casefold():
        return "same email"
    key = person_key(name_a)
    if key and key == person_key(name_b):
        return "same name"
    return None


def name_score(a: str, b: str) -> float:
    """0–100: how alike two keys are, tolerant of typos and word order."""
    if not a or not b:
        return 0.0
    if a == b:
        return 100.0
    from rapidfuzz import fuzz

    return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b))


def email_domain(email: str) -> str:
    """The organisation's mail domain, or '' for a free mail service or no address."""
    _, _, domain = (email or "").strip().lower().rpartition("@")
    if not domain or domain in PUBLIC_MAIL_DOMAINS:
        return ""
    return domain


def website_domain(url: str) -> str:
    """'https://www.vestkyst-pumper.dk/om' → 'vestkyst-pumper.dk'."""
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", (url or "").strip().lower()).split("/")[0]
    host = host.split(":")[0]
    return host[4:] if host.startswith("www.") else host


# --- organisations ----------------------------------------------------------------------


@dataclass(frozen=True)
class OrganisationProfile:
    """What is compared about one organisation (from the database or from a file)."""

    ref: object  # the caller's handle: a member id, a row group number
    name: str
    vat: str = ""
    city: str = ""
    domains: frozenset[str] = frozenset()  # mail and web domains of it and its contacts
    phones: frozenset[str] = frozenset()  # E.164
    country: str | None = None  # what a VAT number written without a country prefix is from
    key: str = field(init=False, compare=False)  # organisation_key(name)
    vat_key: str = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", organisation_key(self.name))
        object.__setattr__(self, "vat_key", vat_key(self.vat, self.country))


@dataclass(frozen=True)
class Match:
    """Why two records are probably the same. `score` 0–100; `certain` for the same CVR/VAT
    or the same name."""

    score: float
    reasons: tuple[str, ...]
    certain: bool


FUZZY_NAME = 90.0  # names this alike (legal forms removed) are a likely duplicate on their own
SUPPORTED_NAME = 70.0  # alike enough when a domain, phone or city agrees as well


def compare_organisations(a: OrganisationProfile, b: OrganisationProfile) -> Match | None:
    """The match between two organisations, or None when they look different."""
    vat_a, vat_b = a.vat_key, b.vat_key
    if vat_a and vat_b:
        if vat_a == vat_b:
            return Match(100.0, ("same CVR/VAT number",), True)
        return None  # two registered numbers: two legal entities, however alike the names
    score = name_score(a.key, b.key)
    reasons: list[str] = []
    shared_domain = sorted(a.domains & b.domains)
    shared_phone = sorted(a.phones & b.phones)
    if shared_domain:
        reasons.append(f"same email domain ({shared_domain[0]})")
    if shared_phone:
        reasons.append(f"same phone ({shared_phone[0]})")
    same_city = bool(a.city and b.city and search_fold(a.city) == search_fold(b.city))
    if score == 100.0:
        # Written exactly alike (legal form too) wins a tie against a name that only agrees
        # once legal forms are left out.
        exact = search_fold(a.name) == search_fold(b.name)
        return Match(98.0 if exact else 97.0, ("same name", *reasons), True)
    if score >= FUZZY_NAME:
        if a.city and b.city and not same_city and not reasons:
            score -= 10  # "Nord Filter" in Aalborg and "Nord Filtre" in Odense: less likely
        if score >= FUZZY_NAME - 5:
            return Match(round(score, 1), (f"similar name ({score:.0f} %)", *reasons), False)
    if score >= SUPPORTED_NAME and (reasons or same_city):
        extra = reasons or ["same city"]
        return Match(round(min(95.0, score + 10), 1), (f"similar name ({score:.0f} %)", *extra), False)
    if reasons:
        return Match(60.0 + 5 * len(reasons), tuple(reasons), False)
    return None


def _blocks(key: str) -> set[str]:
    """Block keys of a name: each word's first four letters, so a typo late in a word still
    meets its twin, and the whole key for names of one short word."""
    words = [w for w in key.split() if len(w) >= 2]
    keys = {"w:" + w[:4] for w in words}
    keys.add("k:" + key[:6])
    return keys


def candidate_pairs(profiles: Sequence[OrganisationProfile], *, max_block: int = 250,
                    others: Sequence[OrganisationProfile] = ()) -> set[tuple[int, int]]:
    """Index pairs worth comparing. Without `others`: pairs within `profiles`; with it, pairs
    (i in profiles, j in others). Pairs sharing a VAT number, a domain or a phone are always
    compared; for the rest, organisations sharing a piece of a name are screened by name
    likeness in rapidfuzz's C code, so only names alike enough to ever match come back.
    Blocks bigger than `max_block` are left out: a word, a phone or a domain hundreds of
    organisations share identifies none of them."""
    from rapidfuzz import fuzz, process

    cross = bool(others)
    right = others if cross else profiles
    signals: dict[str, list[int]] = defaultdict(list)
    names: dict[str, list[int]] = defaultdict(list)
    for j, p in enumerate(right):
        for block in _signal_blocks(p):
            signals[block].append(j)
        for block in _blocks(p.key):
            names[block].append(j)
    right_keys = [p.key for p in right]
    pairs: set[tuple[int, int]] = set()
    for i, p in enumerate(profiles):
        for block in _signal_blocks(p):
            members = signals.get(block, ())
            if len(members) <= max_block:
                pairs.update((i, j) for j in members if cross or j > i)
        near: set[int] = set()
        for block in _blocks(p.key):
            members = names.get(block, ())
            if len(members) <= max_block:
                near.update(j for j in members if cross or j > i)
        if not near:
            continue
        near_list = list(near)
        choices = [right_keys[j] for j in near_list]
        for scorer in (fuzz.ratio, fuzz.token_sort_ratio):  # name_score is the larger of both
            for _choice, _score, k in process.extract(p.key, choices, scorer=scorer, limit=None,
                                                      score_cutoff=SUPPORTED_NAME):
                pairs.add((i, near_list[k]))
    return pairs


def _signal_blocks(p: OrganisationProfile) -> Iterable[str]:
    if p.vat_key:
        yield "v:" + p.vat_key
    for domain in p.domains:
        yield "d:" + domain
    for phone in p.phones:
        yield "p:" + phone
