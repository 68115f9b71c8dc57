"""Candidates for a partner-search request: the partners abroad (Missions), with their people,
and the stakeholders (Finance), ranked by the rule in `domain.matching` — field, country, kind."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace

from sqlalchemy import select

from ..domain.enums import (
    PartnerDriver,
    PartnerKind,
    StakeholderKind,
    StakeholderRelationship,
    TrustStage,
)
from ..domain.matching import (
    CandidateFacts,
    Criteria,
    partner_candidate_kind,
    rank_candidates,
    stakeholder_candidate_kind,
)
from ..store.models import Partner, Stakeholder
from .context import ServiceContext

PARTNER, STAKEHOLDER = "partner", "stakeholder"
MAX_CANDIDATES = 25


@dataclass(frozen=True)
class Candidate:
    source: str  # PARTNER or STAKEHOLDER
    id: uuid.UUID
    name: str
    kind: str  # how it is described: "Cluster driven by companies", "EEN office"
    country: str | None
    score: int
    reasons: tuple[str, ...]
    people: tuple[str, ...]  # "Name (role)"
    closeness: str  # trust stage of a partner, relationship with a stakeholder

    @property
    def best_person(self) -> str:
        return self.people[0].split(" (")[0] if self.people else ""


def _person(name: str, role: str) -> str:
    return f"{name} ({role})" if role else name


def _partner_kind(kind: str, driven_by: str) -> str:
    if kind != PartnerKind.CLUSTER.value:
        return PartnerKind(kind).label
    if driven_by == PartnerDriver.UNKNOWN.value:
        return "Cluster"
    return f"Cluster ({PartnerDriver(driven_by).label.lower()})"


def find_candidates(ctx: ServiceContext, criteria: Criteria, *, limit: int = MAX_CANDIDATES) -> list[Candidate]:
    """The partners and stakeholders worth proposing for what the member asks, best first
    (equal scores: the closer relationship first, then by name)."""
    trust = {stage.value: rank for rank, stage in enumerate(TrustStage)}
    closeness = {relation.value: rank for rank, relation in enumerate(StakeholderRelationship)}
    # (facts for the rule, how close we are, the candidate without its score)
    pool: list[tuple[CandidateFacts, int, Candidate]] = []
    with ctx.uow() as uow:
        for partner in uow.session.scalars(select(Partner).where(Partner.deleted_at.is_(None))):
            people = [c for c in partner.contacts if c.deleted_at is None]
            text = " ".join([partner.name, partner.city, partner.focus, partner.joint_history, partner.notes,
                             *(f"{c.role} {c.notes}" for c in people)])
            pool.append((CandidateFacts(partner_candidate_kind(partner.kind, partner.driven_by), partner.country,
                                        text), trust[partner.trust_stage],
                         Candidate(PARTNER, partner.id, partner.name, _partner_kind(partner.kind, partner.driven_by),
                                   partner.country, 0, (), tuple(_person(c.name, c.role) for c in people),
                                   TrustStage(partner.trust_stage).label)))
        for stakeholder in uow.session.scalars(select(Stakeholder).where(Stakeholder.deleted_at.is_(None))):
            people = [c for c in stakeholder.contacts if c.deleted_at is None]
            text = " ".join([stakeholder.name, stakeholder.offers, stakeholder.targets, stakeholder.notes,
                             *(c.role for c in people)])
            pool.append((CandidateFacts(stakeholder_candidate_kind(stakeholder.kind), stakeholder.country, text),
                         closeness[stakeholder.relation],
                         Candidate(STAKEHOLDER, stakeholder.id, stakeholder.name,
                                   StakeholderKind(stakeholder.kind).label, stakeholder.country, 0, (),
                                   tuple(_person(c.name, c.role) for c in people),
                                   StakeholderRelationship(stakeholder.relation).label)))
    matches = rank_candidates(criteria, [facts for facts, _close, _candidate in pool])
    found = [(close, replace(candidate, score=match.score, reasons=match.reasons))
             for (_facts, close, candidate), match in zip(pool, matches, strict=True) if match.worth_proposing]
    found.sort(key=lambda pair: (-pair[1].score, -pair[0], pair[1].name.casefold()))
    return [candidate for _close, candidate in found[:limit]]
