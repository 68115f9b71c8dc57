"""Matching what a member looks for against what the cluster knows (§5.2.3, §5.2.2): partners
abroad and stakeholders for a partner-search request, funding calls for a project idea.

The partner-search rule
-----------------------
A candidate (a partner abroad, or a stakeholder) scores 0–100 points:

- **field, 50 points** × the share of the request's field words found in what is known of
  the candidate (its name, focus, notes, joint history, what it offers, the roles of its
  people). A word is found when a word of the candidate's text is spelled nearly the same
  (rapidfuzz ratio of at least `WORD_MATCH`: "sensor" finds "sensors"), or, for words of five
  letters or more, when it is part of a longer word ("water" finds "wastewater"). Small
  words ("and", "for") and the words of asking ("partner", "looking") do not count.
  The share is weighted: a word weighs more the fewer candidates have it — ln((N + 1) /
  (n + 1)) + 1 for a word n of the N candidates have — so "water", which every candidate
  of a water cluster mentions, tells less than "leak detection", which one does.
- **country, 30 points** × 1 when the candidate is in one of the countries asked for;
  × 0.3 when it is on the same continent as one of them (a neighbouring network can make
  the introduction); × 0.25 when its country is not known; × 0 otherwise. A request for
  no particular country gives every candidate half (0.5).
- **kind, 20 points** × how well the kind of candidate can lead to the kind of partner
  asked for (`KIND_FIT`): a cluster driven by companies leads to companies, one driven by
  research or a knowledge institution to researchers, an EEN office to both.

Candidates that match neither the field nor the country are not proposed (`worth_proposing`).
Equal scores are ordered by the trust built with the partner, then by name (in services).

The call rule
-------------
A funding call fits a project idea by the same word test: the share of the idea's keywords
(or, without keywords, of its title) found in the call's title, programme, call id and notes.
A call is suggested when at least `CALL_SHARE` of the words are found.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from .continents import continent
from .countries import country_name
from .network import PartnerType
from .text import search_fold

WORD_MATCH = 80  # rapidfuzz ratio from which two words count as the same
PART_OF_WORD = 5  # letters a word needs before it is looked for inside longer words
FIELD_POINTS, COUNTRY_POINTS, KIND_POINTS = 50, 30, 20
SAME_CONTINENT, UNKNOWN_COUNTRY, ANY_COUNTRY = 0.3, 0.25, 0.5
CALL_SHARE = 0.25

STOPWORDS = frozenset(["a", "an", "and", "are", "as", "at", "be", "by", "can", "for", "from", "has", "have", "in", "into", "is", "it", "its", "of", "on", "or", "our", "that", "the", "their", "them", "they", "this", "to", "with", "within", "who", "will", "would", "about", "also", "other", "others", "more", "new", "some", "such", "via", "partner", "partners", "partnership", "looking", "look", "search", "searching", "seek", "seeking", "find", "finding", "want", "wants", "wanted", "need", "needs", "needed", "someone", "anyone"])

# The kinds of candidate the rule tells apart.
CLUSTER_COMPANIES = "cluster_companies"
CLUSTER_RESEARCH = "cluster_research"
CLUSTER_MIXED = "cluster_mixed"
CLUSTER = "cluster"
SUPPORT_ORGANISATION = "support_organisation"  # a partner abroad that is not a cluster
EEN_OFFICE = "een_office"
BUSINESS_ASSOCIATION = "business_association"
KNOWLEDGE_INSTITUTION = "knowledge_institution"
PUBLIC_BODY = "public_body"
OTHER = "other"

KIND_FIT: dict[PartnerType, dict[str, float]] = {
    PartnerType.COMPANY: {CLUSTER_COMPANIES: 1.0, EEN_OFFICE: 0.9, CLUSTER_MIXED: 0.8,
                          BUSINESS_ASSOCIATION: 0.8, SUPPORT_ORGANISATION: 0.7, CLUSTER: 0.6,
                          CLUSTER_RESEARCH: 0.4, KNOWLEDGE_INSTITUTION: 0.2, PUBLIC_BODY: 0.2, OTHER: 0.3},
    PartnerType.RESEARCH: {CLUSTER_RESEARCH: 1.0, KNOWLEDGE_INSTITUTION: 1.0, CLUSTER_MIXED: 0.8,
                           CLUSTER: 0.6, EEN_OFFICE: 0.6, SUPPORT_ORGANISATION: 0.5, CLUSTER_COMPANIES: 0.4,
                           PUBLIC_BODY: 0.3, BUSINESS_ASSOCIATION: 0.2, OTHER: 0.3},
    PartnerType.CLUSTER: {CLUSTER_COMPANIES: 1.0, CLUSTER_RESEARCH: 1.0, CLUSTER_MIXED: 1.0, CLUSTER: 1.0,
                          BUSINESS_ASSOCIATION: 0.5, EEN_OFFICE: 0.4, SUPPORT_ORGANISATION: 0.4,
                          KNOWLEDGE_INSTITUTION: 0.3, PUBLIC_BODY: 0.3, OTHER: 0.2},
    PartnerType.PUBLIC_BODY: {PUBLIC_BODY: 1.0, EEN_OFFICE: 0.5, SUPPORT_ORGANISATION: 0.5,
                              BUSINESS_ASSOCIATION: 0.4, KNOWLEDGE_INSTITUTION: 0.4, CLUSTER_COMPANIES: 0.3,
                              CLUSTER_RESEARCH: 0.3, CLUSTER_MIXED: 0.3, CLUSTER: 0.3, OTHER: 0.3},
}
ANY_KIND = 0.7  # a request for any kind of partner: every kind leads somewhere

_KIND_WORDS = {
    CLUSTER_COMPANIES: "a cluster driven by companies", CLUSTER_RESEARCH: "a cluster driven by research",
    CLUSTER_MIXED: "a cluster of companies and research", CLUSTER: "a cluster",
    SUPPORT_ORGANISATION: "a support organisation abroad", EEN_OFFICE: "an Enterprise Europe Network office",
    BUSINESS_ASSOCIATION: "a business association", KNOWLEDGE_INSTITUTION: "a knowledge institution",
    PUBLIC_BODY: "a public body", OTHER: "an organisation",
}


def partner_candidate_kind(kind: str, driven_by: str) -> str:
    """The candidate kind of a partner abroad (Missions ▸ Partners)."""
    if kind != "cluster":
        return SUPPORT_ORGANISATION
    return {"companies": CLUSTER_COMPANIES, "research": CLUSTER_RESEARCH,
            "mixed": CLUSTER_MIXED}.get(driven_by, CLUSTER)


def stakeholder_candidate_kind(kind: str) -> str:
    """The candidate kind of a stakeholder (Finance ▸ Stakeholders)."""
    return {"foreign_cluster": CLUSTER, "een_office": EEN_OFFICE,
            "business_association": BUSINESS_ASSOCIATION, "knowledge_institution": KNOWLEDGE_INSTITUTION,
            "ministry": PUBLIC_BODY, "municipality_region": PUBLIC_BODY,
            "funding_body": PUBLIC_BODY}.get(kind, OTHER)


# --- words -------------------------------------------------------------------------------


def words(text: str | None) -> tuple[str, ...]:
    """The words that carry meaning, folded ('Leak-detection for Søer' → leak, detection, soeer),
    each once, in order."""
    found = re.findall(r"[a-z0-9]+", search_fold(text))
    return tuple(dict.fromkeys(w for w in found if len(w) >= 3 and w not in STOPWORDS))


@dataclass(frozen=True)
class WordFit:
    found: tuple[str, ...]
    missing: tuple[str, ...]
    share: float  # of the words' weight found, 0–1


@lru_cache(maxsize=4096)
def _word_found(word: str, candidate: frozenset[str]) -> bool:
    if word in candidate:
        return True
    choices = list(candidate)
    best = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=WORD_MATCH)
    if best is not None:
        return True
    if len(word) >= PART_OF_WORD:
        longer = [w for w in choices if len(w) > len(word)]
        return any(word in w for w in longer)
    return False


def word_fit(wanted: Iterable[str], candidate_text: str, weights: dict[str, float] | None = None) -> WordFit:
    """Which of the wanted words the candidate's text holds (nearly the same, or inside a
    longer word), and their share of the weight (every word weighs 1 without `weights`)."""
    candidate = frozenset(words(candidate_text))
    found, missing = [], []
    for word in wanted:
        (found if candidate and _word_found(word, candidate) else missing).append(word)
    weight = (weights or {}).get
    total = sum(weight(w, 1.0) for w in (*found, *missing))
    return WordFit(tuple(found), tuple(missing), sum(weight(w, 1.0) for w in found) / total if total else 0.0)


def word_weights(wanted: Sequence[str], texts: Sequence[str]) -> dict[str, float]:
    """Each wanted word's weight among these candidates: ln((N + 1) / (n + 1)) + 1, where n
    of the N candidates' texts hold it."""
    held = [frozenset(words(text)) for text in texts]
    return {word: math.log((len(held) + 1) / (sum(1 for c in held if c and _word_found(word, c)) + 1)) + 1
            for word in wanted}


# --- partner search ------------------------------------------------------------------------


@dataclass(frozen=True)
class Criteria:
    """What a member asks for."""

    partner_type: str
    countries: tuple[str, ...]
    field: str


@dataclass(frozen=True)
class CandidateFacts:
    """What is known of a candidate: its kind (one of the candidate kinds above), its country
    and every text that describes what it does."""

    kind: str
    country: str | None
    text: str


@dataclass(frozen=True)
class Match:
    score: int  # 0–100
    field: WordFit
    country_fit: float
    kind_fit: float
    reasons: tuple[str, ...]

    @property
    def worth_proposing(self) -> bool:
        return bool(self.field.found) or self.country_fit >= 1.0


def country_fit(wanted: tuple[str, ...], country: str | None) -> float:
    if not wanted:
        return ANY_COUNTRY
    if not country:
        return UNKNOWN_COUNTRY
    if country in wanted:
        return 1.0
    here = continent(country)
    return SAME_CONTINENT if here and any(continent(c) == here for c in wanted) else 0.0


def kind_fit(partner_type: str, candidate_kind: str) -> float:
    wanted = PartnerType(partner_type)
    if wanted is PartnerType.ANY:
        return ANY_KIND
    return KIND_FIT[wanted].get(candidate_kind, KIND_FIT[wanted][OTHER])


def score_candidate(criteria: Criteria, facts: CandidateFacts, weights: dict[str, float] | None = None) -> Match:
    """How well a candidate fits a request, with the reasons in words (see the module's rule);
    `weights` from `word_weights` over all the candidates (equal weights without)."""
    field = word_fit(words(criteria.field), facts.text, weights)
    by_country = country_fit(criteria.countries, facts.country)
    by_kind = kind_fit(criteria.partner_type, facts.kind)
    score = round(FIELD_POINTS * field.share + COUNTRY_POINTS * by_country + KIND_POINTS * by_kind)
    reasons = []
    if field.found:
        reasons.append("field: " + ", ".join(field.found)
                       + (f" (not: {', '.join(field.missing)})" if field.missing else ""))
    else:
        reasons.append("nothing known of the field")
    if criteria.countries:
        if by_country == 1.0:
            reasons.append(f"in {country_name(facts.country)}")
        elif by_country == SAME_CONTINENT:
            reasons.append(f"in {country_name(facts.country)}, same continent")
        elif by_country == UNKNOWN_COUNTRY:
            reasons.append("country not known")
        else:
            reasons.append(f"in {country_name(facts.country)}")
    reasons.append(_KIND_WORDS.get(facts.kind, _KIND_WORDS[OTHER]))
    return Match(score, field, by_country, by_kind, tuple(reasons))


def rank_candidates(criteria: Criteria, candidates: Sequence[CandidateFacts]) -> list[Match]:
    """Score each candidate against the others (the field words weighted by how rare they are
    among them); the matches in the order of `candidates`."""
    weights = word_weights(words(criteria.field), [c.text for c in candidates])
    return [score_candidate(criteria, facts, weights) for facts in candidates]


# --- project ideas and funding calls -----------------------------------------------------------


def idea_words(title: str, keywords: str) -> tuple[str, ...]:
    """The words a project idea is matched on: its keywords, or its title without them."""
    return words(keywords) or words(title)


def call_fit(wanted: tuple[str, ...], call_text: str) -> WordFit | None:
    """How a call's text fits the idea's words; None when it does not fit enough to suggest."""
    if not wanted:
        return None
    fit = word_fit(wanted, call_text)
    return fit if fit.found and fit.share >= CALL_SHARE else None
