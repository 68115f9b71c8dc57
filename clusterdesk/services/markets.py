"""Markets (handbook §1.2): market analyses, the markets the cluster targets, and the
market-interest matrix of members × countries from profiles and answers."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from ..domain.changes import Changes
from ..domain.countries import country_name
from ..domain.markets import (
    AnalysisSource,
    Interest,
    InterestMatrix,
    InterestSource,
    MarketKind,
    build_matrix,
)
from ..domain.text import search_fold, sort_key
from ..store.models import MarketAnalysis, Member, MemberMarket, TargetMarket
from .context import ServiceContext
from .dto import like_terms
from .errors import ConflictError, NotFound, ValidationError

# --- market analyses ----------------------------------------------------------------------


@dataclass(frozen=True)
class AnalysisInput:
    """What the analysis editor saves. `version` is the one loaded (0 for a new one)."""

    title: str
    market_kind: str = MarketKind.COUNTRY.value
    country: str | None = None
    technology: str = ""
    source: str = AnalysisSource.DESK_RESEARCH.value
    prepared_by: str = ""
    made_on: date | None = None
    attractiveness: int | None = None
    document_link: str = ""
    notes: str = ""
    version: int = 0


@dataclass(frozen=True)
class AnalysisRow:
    id: uuid.UUID
    title: str
    market_kind: str
    country: str | None
    technology: str
    source: str
    prepared_by: str
    made_on: date | None
    attractiveness: int | None
    document_link: str
    notes: str

    @property
    def market(self) -> str:
        """The market in words: the country, or the technology (with its country if any)."""
        if self.market_kind == MarketKind.TECHNOLOGY.value:
            return self.technology + (f" ({country_name(self.country)})" if self.country else "")
        return country_name(self.country)


@dataclass(frozen=True)
class AnalysisDetail:
    id: uuid.UUID
    data: AnalysisInput
    updated_by: str


_ANALYSIS_FIELDS = ("title", "market_kind", "country", "technology", "source", "prepared_by",
                    "made_on", "attractiveness", "document_link", "notes")


def list_analyses(ctx: ServiceContext, text: str = "") -> list[AnalysisRow]:
    """Market analyses, newest first; `text` filters on title, market and notes."""
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(select(MarketAnalysis.id, *(getattr(MarketAnalysis, f) for f in _ANALYSIS_FIELDS))
                            .where(MarketAnalysis.deleted_at.is_(None))).all()
    result = [AnalysisRow(*row) for row in rows]
    terms = search_fold(text).split()
    if terms:
        def haystack(r: AnalysisRow) -> str:
            return search_fold(" ".join((r.title, r.market, country_name(r.country, "da"),
                                         r.prepared_by, r.notes, AnalysisSource(r.source).label)))
        result = [r for r in result if all(t in haystack(r) for t in terms)]
    return sorted(result, key=lambda r: (-(r.made_on or date.min).toordinal(), sort_key(r.title)))


def get_analysis(ctx: ServiceContext, analysis_id: uuid.UUID) -> AnalysisDetail:
    with ctx.uow() as uow:
        return _analysis_detail(_load_analysis(uow.session, analysis_id))


def _load_analysis(session, analysis_id: uuid.UUID) -> MarketAnalysis:
    analysis = session.get(MarketAnalysis, analysis_id)
    if analysis is None or analysis.deleted_at is not None:
        raise NotFound("That market analysis no longer exists.")
    return analysis


def _analysis_detail(a: MarketAnalysis) -> AnalysisDetail:
    return AnalysisDetail(a.id, AnalysisInput(**{f: getattr(a, f) for f in _ANALYSIS_FIELDS},
                                              version=a.version), a.updated_by)


_URL = re.compile(r"^(https?|file|ftp)://\S+$", re.IGNORECASE)


def _checked_analysis(data: AnalysisInput, today: date) -> AnalysisInput:
    errors: dict[str, str] = {}
    title = " ".join(data.title.split())
    if data.market_kind not in {k.value for k in MarketKind}:
        errors["market_kind"] = f"“{data.market_kind}” is not a kind of market."
    technology = " ".join(data.technology.split())
    if data.market_kind == MarketKind.COUNTRY.value and not data.country:
        errors["country"] = "A country market analysis needs the country."
    if data.market_kind == MarketKind.TECHNOLOGY.value and not technology:
        errors["technology"] = "Name the technology or market segment analysed."
    if not title:
        title = (f"{technology} market" if technology else
                 f"Market analysis: {country_name(data.country)}" if data.country else "")
        if not title:
            errors["title"] = "Give the analysis a title."
    if data.source not in {s.value for s in AnalysisSource}:
        errors["source"] = f"“{data.source}” is not one of the sources."
    if data.attractiveness is not None and not 1 <= data.attractiveness <= 5:
        errors["attractiveness"] = "Attractiveness is rated from 1 (poor) to 5 (excellent)."
    if data.made_on and data.made_on > today:
        errors["made_on"] = "The analysis cannot be dated in the future."
    link = data.document_link.strip()
    if link.lower().startswith("www."):
        link = "https://" + link
    if link and not _URL.match(link) and not re.match(r"^([a-zA-Z]:\\|/|\\\\|~)", link):
        errors["document_link"] = ("Give a web address (https://…) or the full path of the "
                                   "file (C:\\… or /…).")
    if errors:
        raise ValidationError(errors)
    return AnalysisInput(title, data.market_kind, data.country, technology, data.source,
                         " ".join(data.prepared_by.split()), data.made_on, data.attractiveness,
                         link, data.notes.strip(), data.version)


def create_analysis(ctx: ServiceContext, data: AnalysisInput) -> tuple[AnalysisDetail, Changes]:
    """Record a market analysis (desk research, students, consultant, sector association)."""
    data = _checked_analysis(data, ctx.today())
    with ctx.uow() as uow:
        analysis = MarketAnalysis(id=uuid.uuid4(), **{f: getattr(data, f) for f in _ANALYSIS_FIELDS})
        uow.session.add(analysis)
        changes = uow.commit()
        return _analysis_detail(analysis), changes


def update_analysis(ctx: ServiceContext, analysis_id: uuid.UUID,
                    data: AnalysisInput) -> tuple[AnalysisDetail, Changes]:
    data = _checked_analysis(data, ctx.today())
    with ctx.uow() as uow:
        analysis = _load_analysis(uow.session, analysis_id)
        if analysis.version != data.version:
            theirs = _analysis_detail(analysis).data
            raise ConflictError(f"Market analysis “{analysis.title}”",
                                {f: (getattr(theirs, f), getattr(data, f)) for f in _ANALYSIS_FIELDS
                                 if getattr(theirs, f) != getattr(data, f)}, analysis.updated_by)
        for f in _ANALYSIS_FIELDS:
            setattr(analysis, f, getattr(data, f))
        changes = uow.commit()
        return _analysis_detail(analysis), changes


def delete_analysis(ctx: ServiceContext, analysis_id: uuid.UUID) -> Changes:
    with ctx.uow() as uow:
        _load_analysis(uow.session, analysis_id).deleted_at = ctx.now()
        return uow.commit()


def restore_analysis(ctx: ServiceContext, analysis_id: uuid.UUID) -> Changes:
    with ctx.uow() as uow:
        analysis = uow.session.get(MarketAnalysis, analysis_id)
        if analysis is None:
            raise NotFound("That market analysis no longer exists.")
        analysis.deleted_at = None
        return uow.commit()


# --- target markets -----------------------------------------------------------------------


@dataclass(frozen=True)
class TargetMarketInput:
    country: str
    note: str = ""
    decided_on: date | None = None
    decided_by: str = ""
    version: int = 0


@dataclass(frozen=True)
class TargetMarketRow:
    id: uuid.UUID
    country: str
    note: str
    decided_on: date | None
    decided_by: str
    version: int

    @property
    def name(self) -> str:
        return country_name(self.country)


def list_target_markets(ctx: ServiceContext) -> list[TargetMarketRow]:
    """The markets the cluster has chosen to focus on, by country name."""
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(select(TargetMarket.id, TargetMarket.country, TargetMarket.note,
                                   TargetMarket.decided_on, TargetMarket.decided_by,
                                   TargetMarket.version)
                            .where(TargetMarket.deleted_at.is_(None))).all()
    return sorted((TargetMarketRow(*r) for r in rows), key=lambda r: sort_key(r.name))


def mark_target_market(ctx: ServiceContext, data: TargetMarketInput) -> tuple[TargetMarketRow, Changes]:
    """Mark a country as a target market, or update the note of one already marked."""
    if not data.country or country_name(data.country) == data.country:
        raise ValidationError({"country": "Choose the country to target."})
    if data.decided_on and data.decided_on > ctx.today():
        raise ValidationError({"decided_on": "The decision cannot be dated in the future."})
    with ctx.uow() as uow:
        existing = list(uow.session.scalars(select(TargetMarket).where(
            TargetMarket.country == data.country.upper())))
        market = next((m for m in existing if m.deleted_at is None), None) or \
            next(iter(existing), None)
        if market is None:
            market = TargetMarket(id=uuid.uuid4(), country=data.country.upper())
            uow.session.add(market)
        elif market.deleted_at is None and data.version and market.version != data.version:
            raise ConflictError(f"Target market {country_name(market.country)}",
                                {"note": (market.note, data.note)}, market.updated_by)
        market.deleted_at = None
        market.note = data.note.strip()
        market.decided_on = data.decided_on
        market.decided_by = " ".join(data.decided_by.split())
        changes = uow.commit()
        return TargetMarketRow(market.id, market.country, market.note, market.decided_on,
                               market.decided_by, market.version), changes


def unmark_target_market(ctx: ServiceContext, country: str) -> Changes:
    """The country is no longer a target market (the decision stays in the audit trail)."""
    with ctx.uow() as uow:
        markets = list(uow.session.scalars(select(TargetMarket).where(
            TargetMarket.country == country.upper(), TargetMarket.deleted_at.is_(None))))
        if not markets:
            raise NotFound(f"{country_name(country)} is not a target market.")
        for market in markets:
            market.deleted_at = ctx.now()
        return uow.commit()


# --- the market-interest matrix -----------------------------------------------------------


@dataclass(frozen=True)
class MatrixFilter:
    sources: frozenset[str] = frozenset(s.value for s in InterestSource)
    orientation: str | None = None
    text: str = ""  # member name, city, sector, tag


@dataclass(frozen=True)
class CountryAnalyses:
    count: int
    latest_on: date | None
    latest_attractiveness: int | None


@dataclass(frozen=True)
class MarketOverview:
    matrix: InterestMatrix
    analyses: dict[str, CountryAnalyses]
    targets: dict[str, TargetMarketRow]
    members_total: int  # live members, to put the counts in proportion


def market_overview(ctx: ServiceContext, f: MatrixFilter = MatrixFilter()) -> MarketOverview:
    """Members × countries from profiles and answers, with the analyses and target markets
    of each country."""
    clauses = [Member.deleted_at.is_(None), MemberMarket.deleted_at.is_(None),
               MemberMarket.source.in_(sorted(f.sources))]
    if f.orientation:
        clauses.append(Member.international_orientation == f.orientation)
    clauses += like_terms(Member.search_text, f.text)
    with ctx.workspace.engine.connect() as conn:
        interests = [Interest(*row) for row in conn.execute(
            select(Member.id, Member.name, Member.international_orientation, MemberMarket.country,
                   MemberMarket.source)
            .join(MemberMarket, MemberMarket.member_id == Member.id).where(*clauses))]
        members_total = conn.execute(select(func.count()).select_from(Member)
                                     .where(Member.deleted_at.is_(None))).scalar_one()
    targets = {t.country: t for t in list_target_markets(ctx)}
    analyses: dict[str, CountryAnalyses] = {}
    for row in sorted((a for a in list_analyses(ctx) if a.country),
                      key=lambda a: a.made_on or date.min):
        previous = analyses.get(row.country)
        analyses[row.country] = CountryAnalyses(
            (previous.count if previous else 0) + 1, row.made_on,
            row.attractiveness if row.attractiveness is not None
            else (previous.latest_attractiveness if previous else None))
    return MarketOverview(build_matrix(interests, targets), analyses, targets, members_total)



def markets_analysed_evidence(ctx: ServiceContext) -> str | None:
    """Phase 1: have the markets and opportunities been analysed? Analyses and target markets."""
    with ctx.workspace.engine.connect() as conn:
        count, latest = conn.execute(
            select(func.count(), func.max(MarketAnalysis.made_on))
            .where(MarketAnalysis.deleted_at.is_(None))).one()
        targets = conn.execute(select(TargetMarket.country)
                               .where(TargetMarket.deleted_at.is_(None))).scalars().all()
    if not count and not targets:
        return "No market analyses yet, and no target markets chosen (Members ▸ Markets)."
    from ..domain.formatting import format_date

    parts = [f"{count} market analys{'is' if count == 1 else 'es'}"
             + (f", the latest from {format_date(latest)}" if latest else "")]
    parts.append("target markets: " + ", ".join(sorted(country_name(c) for c in targets))
                 if targets else "no target markets chosen yet")
    return "; ".join(parts) + "."
