"""Likely duplicate members and contacts among the records already in the workspace
(merging them is in `services.merges`)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from ..domain.countries import country_name
from ..domain.similarity import (
    candidate_pairs,
    compare_organisations,
    email_domain,
    name_score,
    person_key,
    website_domain,
)
from ..imports.plan import ExistingMember
from ..imports.progress import CancelToken, Progress, ProgressFn
from ..store.models import Contact, Member
from .context import ServiceContext

MEMBERS, CONTACTS = "members", "contacts"
MAX_PAIRS = 2000


@dataclass(frozen=True)
class RecordBrief:
    id: uuid.UUID
    name: str
    detail: str  # what tells two alike records apart: city, CVR; the member and email


@dataclass(frozen=True)
class DuplicatePair:
    entity: str  # "members" or "contacts"
    a: RecordBrief
    b: RecordBrief
    score: float
    reasons: tuple[str, ...]
    certain: bool

    @property
    def reason_text(self) -> str:
        return "; ".join(self.reasons)


def existing_members(conn) -> list[ExistingMember]:
    """Every live member as the duplicate checks compare it: name, CVR/VAT, city, the mail
    and web domains of it and its contacts, its contacts' phones."""
    domains: dict[uuid.UUID, set[str]] = defaultdict(set)
    phones: dict[uuid.UUID, set[str]] = defaultdict(set)
    for member_id, email, phone in conn.execute(
            select(Contact.member_id, Contact.email, Contact.phone_e164)
            .join(Member, Member.id == Contact.member_id)
            .where(Contact.deleted_at.is_(None), Member.deleted_at.is_(None))):
        domain = email_domain(email)
        if domain:
            domains[member_id].add(domain)
        if phone:
            phones[member_id].add(phone)
    result = []
    for member_id, name, vat, city, website, country in conn.execute(
            select(Member.id, Member.name, Member.vat_number, Member.city, Member.website,
                   Member.country)
            .where(Member.deleted_at.is_(None))):
        site = website_domain(website)
        member_domains = domains.get(member_id, set()) | ({site} if site else set())
        result.append(ExistingMember(member_id, name, vat, city, frozenset(member_domains),
                                     frozenset(phones.get(member_id, ())), country))
    return result


def member_brief(name: str, city: str, country: str | None, vat: str, member_id) -> RecordBrief:
    place = ", ".join(p for p in (city, country_name(country)) if p)
    return RecordBrief(member_id, name, " · ".join(p for p in (place, vat) if p))


def find_member_duplicates(ctx: ServiceContext, progress: ProgressFn | None = None,
                           cancel: CancelToken | None = None) -> list[DuplicatePair]:
    """Pairs of live members that are probably the same organisation, most certain first."""
    step = Progress(progress, cancel, step=500)
    with ctx.workspace.engine.connect() as conn:
        members = existing_members(conn)
        facts = {row.id: row for row in conn.execute(
            select(Member.id, Member.name, Member.city, Member.country, Member.vat_number)
            .where(Member.deleted_at.is_(None)))}
    profiles = [m.profile() for m in members]
    pairs = sorted(candidate_pairs(profiles))
    found = []
    for done, (i, j) in enumerate(pairs, start=1):
        match = compare_organisations(profiles[i], profiles[j])
        if match is not None:
            a, b = (facts[members[k].id] for k in (i, j))
            found.append(DuplicatePair(
                MEMBERS, member_brief(a.name, a.city, a.country, a.vat_number, a.id),
                member_brief(b.name, b.city, b.country, b.vat_number, b.id),
                match.score, match.reasons, match.certain))
        step("Comparing members", done, len(pairs))
    found.sort(key=lambda p: (-p.score, p.a.name.casefold()))
    return found[:MAX_PAIRS]


@dataclass(frozen=True)
class _Person:
    id: uuid.UUID
    member_id: uuid.UUID
    member: str
    name: str
    email: str
    phone: str

    @property
    def brief(self) -> RecordBrief:
        return RecordBrief(self.id, self.name, " · ".join(p for p in (self.member, self.email) if p))


def find_contact_duplicates(ctx: ServiceContext, progress: ProgressFn | None = None,
                            cancel: CancelToken | None = None) -> list[DuplicatePair]:
    """Pairs of live contacts that are probably the same person: the same email address,
    the same phone and a similar name, or a similar name at the same member."""
    step = Progress(progress, cancel, step=500)
    with ctx.workspace.engine.connect() as conn:
        people = [_Person(*row) for row in conn.execute(
            select(Contact.id, Contact.member_id, Member.name, Contact.name, Contact.email,
                   Contact.phone_e164)
            .join(Member, Member.id == Contact.member_id)
            .where(Contact.deleted_at.is_(None), Member.deleted_at.is_(None), Contact.erased_at.is_(None)))]
    keys = [person_key(p.name) for p in people]
    groups: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(people):
        if p.email:
            groups["e:" + p.email.lower()].append(i)
        if p.phone:
            groups["p:" + p.phone].append(i)
        groups["m:" + str(p.member_id)].append(i)
    found: dict[tuple[int, int], DuplicatePair] = {}
    for done, (block, members) in enumerate(groups.items(), start=1):
        step("Comparing contacts", done, len(groups))
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                pair = _compare_people(block[0], people[i], people[j], keys[i], keys[j])
                if pair is None:
                    continue
                key = (min(i, j), max(i, j))
                if key not in found or pair.score > found[key].score:
                    found[key] = pair
    result = sorted(found.values(), key=lambda p: (-p.score, p.a.name.casefold()))
    return result[:MAX_PAIRS]


def _compare_people(block: str, a: _Person, b: _Person, key_a: str, key_b: str) -> DuplicatePair | None:
    score = name_score(key_a, key_b)
    if block == "e":
        return DuplicatePair(CONTACTS, a.brief, b.brief, 100.0, (f"same email ({a.email})",), True)
    if block == "p" and score >= 70:
        return DuplicatePair(CONTACTS, a.brief, b.brief, round(min(95.0, score), 1),
                             (f"same phone ({a.phone})", f"similar name ({score:.0f} %)"), False)
    if block == "m" and score >= 90:
        certain = score == 100.0
        reason = "same name at the same member" if certain else f"similar name ({score:.0f} %) at the same member"
        return DuplicatePair(CONTACTS, a.brief, b.brief, 97.0 if certain else round(score, 1),
                             (reason,), certain)
    return None
