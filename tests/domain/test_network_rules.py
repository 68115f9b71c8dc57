"""Phase 5 rules without a database: the partner-search score (field, country, kind, and the
weight of rare words), the call fit of a project idea, the stages of the board, when a service
could become permanent, and the continents."""

from __future__ import annotations

from datetime import date

import pycountry
import pytest

from clusterdesk.domain.continents import CONTINENTS, continent, continents_of
from clusterdesk.domain.matching import (
    ANY_COUNTRY,
    CLUSTER_COMPANIES,
    CLUSTER_RESEARCH,
    EEN_OFFICE,
    KNOWLEDGE_INSTITUTION,
    PUBLIC_BODY,
    SAME_CONTINENT,
    SUPPORT_ORGANISATION,
    UNKNOWN_COUNTRY,
    CandidateFacts,
    Criteria,
    call_fit,
    country_fit,
    idea_words,
    kind_fit,
    partner_candidate_kind,
    rank_candidates,
    score_candidate,
    stakeholder_candidate_kind,
    word_fit,
    word_weights,
    words,
)
from clusterdesk.domain.network import (
    Maturity,
    could_become_permanent,
    join_codes,
    move_stage,
    split_codes,
    was_held,
)


def test_words_keep_what_carries_meaning_folded_and_once():
    assert words("Looking for a partner in Leak-detection and LEAK sensors for Søer") == (
        "leak", "detection", "sensors", "soeer")
    assert words("") == () and words(None) == ()


def test_a_word_is_found_spelled_nearly_the_same_or_inside_a_longer_word():
    fit = word_fit(("sensor", "water", "leak", "sea"), "Sensors for wastewater plants; research")
    assert fit.found == ("sensor", "water")
    assert fit.missing == ("leak", "sea")  # 'sea' is too short to be looked for inside 'research'
    assert fit.share == 0.5
    assert word_fit(("leak",), "lake district").found == ()  # not a near spelling
    assert word_fit(("pump",), "").share == 0.0


def test_rare_words_weigh_more_than_words_every_candidate_has():
    texts = ["water networks, leak detection", "water reuse", "water and irrigation", "drinking water"]
    weights = word_weights(("water", "leak"), texts)
    assert weights["leak"] > weights["water"] >= 1.0
    only_water = word_fit(("water", "leak"), texts[1], weights)
    assert 0 < only_water.share < 0.5  # the common word found, the telling one not


def test_the_score_adds_field_country_and_kind_points():
    wanted = Criteria("company", ("DE",), "leak detection")
    perfect = score_candidate(wanted, CandidateFacts(CLUSTER_COMPANIES, "DE", "Leak detection in water networks"))
    assert perfect.score == 100 and perfect.worth_proposing
    assert perfect.reasons == ("field: leak, detection", "in Germany", "a cluster driven by companies")
    # Same field, a neighbouring country, a research cluster: 50 + 30 × 0.3 + 20 × 0.4.
    near = score_candidate(wanted, CandidateFacts(CLUSTER_RESEARCH, "NL", "leak detection"))
    assert near.score == 50 + 9 + 8 and "in Netherlands, same continent" in near.reasons
    far = score_candidate(wanted, CandidateFacts(CLUSTER_COMPANIES, "JP", "harbour water"))
    assert far.score == 20 and not far.worth_proposing  # neither the field nor the country
    unknown = score_candidate(wanted, CandidateFacts(EEN_OFFICE, None, "advice"))
    assert unknown.country_fit == UNKNOWN_COUNTRY and "country not known" in unknown.reasons
    in_country_only = score_candidate(wanted, CandidateFacts(PUBLIC_BODY, "DE", "trade advice"))
    assert in_country_only.worth_proposing and in_country_only.reasons[0] == "nothing known of the field"


def test_country_and_kind_fit_follow_the_documented_table():
    assert country_fit((), "FR") == ANY_COUNTRY
    assert country_fit(("DE", "FR"), "FR") == 1.0
    assert country_fit(("DE",), "SE") == SAME_CONTINENT
    assert country_fit(("DE",), "US") == 0.0
    assert country_fit(("US",), "CA") == SAME_CONTINENT
    assert kind_fit("research", KNOWLEDGE_INSTITUTION) == 1.0 > kind_fit("research", CLUSTER_COMPANIES)
    assert kind_fit("company", EEN_OFFICE) > kind_fit("company", PUBLIC_BODY)
    assert kind_fit("public_body", PUBLIC_BODY) == 1.0
    assert kind_fit("any", PUBLIC_BODY) == kind_fit("any", CLUSTER_COMPANIES)
    assert partner_candidate_kind("cluster", "companies") == CLUSTER_COMPANIES
    assert partner_candidate_kind("organisation", "companies") == SUPPORT_ORGANISATION
    assert stakeholder_candidate_kind("ministry") == PUBLIC_BODY
    assert stakeholder_candidate_kind("een_office") == EEN_OFFICE


def test_ranking_weighs_the_words_among_all_candidates():
    wanted = Criteria("any", (), "water reuse irrigation")
    pool = [CandidateFacts(CLUSTER_RESEARCH, "FR", "Water reuse and irrigation research"),
            CandidateFacts(CLUSTER_COMPANIES, "ES", "Water efficiency in industry"),
            CandidateFacts(CLUSTER_COMPANIES, "NO", "Aquaculture water")]
    reuse, spain, norway = rank_candidates(wanted, pool)
    assert reuse.score > spain.score == norway.score
    # Alone, 'water' would be a third of the field; among candidates that all have it, less.
    assert spain.score < score_candidate(wanted, pool[1]).score


def test_calls_fit_an_idea_on_its_keywords_or_else_its_title():
    assert idea_words("Digital twins for drainage", "") == ("digital", "twins", "drainage")
    assert idea_words("Digital twins", "stormwater, climate adaptation") == ("stormwater", "climate", "adaptation")
    wanted = idea_words("", "digital twin, urban water, sensors, resilience")
    fit = call_fit(wanted, "Digital twins for resilient urban water systems Horizon Europe")
    assert fit is not None and fit.missing == ("sensors",)
    assert call_fit(wanted, "Green water solutions for the Kattegat region") is None  # a fifth is too little
    assert call_fit((), "anything") is None


def test_the_board_moves_one_stage_and_stops_at_the_ends():
    assert move_stage("idea", 1) is Maturity.CONCEPT
    assert move_stage("application", 1) is Maturity.FUNDED
    assert move_stage("idea", -1) is Maturity.IDEA
    assert move_stage("dropped", 1) is Maturity.DROPPED
    assert move_stage("dropped", -1) is Maturity.FUNDED
    assert [m for m in Maturity if m.is_active] == [Maturity.IDEA, Maturity.CONCEPT, Maturity.CONSORTIUM,
                                                    Maturity.APPLICATION]


@pytest.mark.parametrize("status, held, candidate", [
    ("ad_hoc", 2, True), ("idea", 3, True), ("ad_hoc", 1, False), ("permanent", 5, False), ("paused", 4, False),
])
def test_a_service_held_repeatedly_but_not_permanent_could_become_permanent(status, held, candidate):
    assert could_become_permanent(status, held) is candidate


def test_an_activity_counts_as_held_once_it_started_unless_cancelled():
    today = date(2026, 11, 27)
    assert was_held("done", date(2026, 6, 1), today)
    assert was_held("under_way", today, today)
    assert not was_held("planned", date(2026, 12, 1), today)
    assert not was_held("cancelled", date(2026, 6, 1), today)
    assert not was_held("idea", date(2026, 6, 1), today)


def test_countries_are_kept_as_codes_in_one_column():
    assert join_codes(("de", "NL", "DE", "")) == "DE,NL"
    assert split_codes("DE,NL") == ("DE", "NL") and split_codes("") == () and split_codes(None) == ()


def test_every_country_has_a_continent():
    assert all(continent(c.alpha_2) in CONTINENTS for c in pycountry.countries)
    assert continent("dk") == "Europe" and continent("KE") == "Africa" and continent("BR") == "Americas"
    assert continent("CY") == "Europe" and continent(None) is None and continent("ZZ") is None
    assert continents_of(["VN", "DE", None, "SE", "US"]) == ["Europe", "Asia", "Americas"]
