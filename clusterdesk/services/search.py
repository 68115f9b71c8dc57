"""Global search (Ctrl+K): one box that finds members, contacts and, as other parts register
their own searchers, partners, activities and calls."""

from __future__ import annotations

import importlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from ..domain.countries import country_name
from ..store.models import Contact, Member
from .context import ServiceContext
from .dto import like_terms


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "member", "contact", …
    id: uuid.UUID
    title: str
    detail: str
    tab: str  # the tab that opens it
    member_id: uuid.UUID | None = None


Searcher = Callable[[ServiceContext, str, int], list[SearchHit]]
SEARCHERS: list[Searcher] = []


def searcher(fn: Searcher) -> Searcher:
    """Register a search function (ctx, text, limit) -> hits."""
    SEARCHERS.append(fn)
    return fn


@searcher
def _members(ctx: ServiceContext, text: str, limit: int) -> list[SearchHit]:
    query = (select(Member.id, Member.name, Member.city, Member.country)
             .where(Member.deleted_at.is_(None), *like_terms(Member.search_text, text))
             .order_by(Member.sort_name).limit(limit))
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(query).all()
    return [SearchHit("member", r.id, r.name, ", ".join(filter(None, (r.city, country_name(r.country)))),
                      "members", r.id) for r in rows]


@searcher
def _contacts(ctx: ServiceContext, text: str, limit: int) -> list[SearchHit]:
    query = (select(Contact.id, Contact.name, Contact.role, Contact.email, Member.id.label("member_id"),
                    Member.name.label("member"))
             .join(Member, Member.id == Contact.member_id)
             .where(Contact.deleted_at.is_(None), Member.deleted_at.is_(None),
                    *like_terms(Contact.search_text, text))
             .order_by(Contact.name).limit(limit))
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(query).all()
    return [SearchHit("contact", r.id, r.name,
                      " · ".join(filter(None, (r.role, r.member, r.email))), "members", r.member_id)
            for r in rows]


# Parts whose searchers register themselves (with @searcher) when their module is imported;
# imported here on the first search, so they are found before their tab was ever opened.
SEARCHER_MODULES = (".partners", ".activities", ".finance_search", ".success_stories", ".strategy",
                    ".kpis", ".action_plans")


def search_everything(ctx: ServiceContext, text: str, *, limit_per_kind: int = 8) -> list[SearchHit]:
    """The best matches of every kind for what was typed (nothing for fewer than 2 letters)."""
    if len(text.strip()) < 2:
        return []
    for module in SEARCHER_MODULES:
        importlib.import_module(module, __package__)
    hits: list[SearchHit] = []
    for fn in SEARCHERS:
        hits.extend(fn(ctx, text, limit_per_kind))
    return hits
