"""What the data says to the questions that end Phase 5: is the international network being
nurtured (§5.1), and does the cluster need a global presence (§5.3)? (Which services could
become permanent is answered by `service_catalogue.permanence_evidence`.)"""

from __future__ import annotations

from sqlalchemy import select

from ..domain.continents import continents_of
from ..domain.network import PartnershipKind
from ..domain.text import plural
from ..store.models import Member, MemberMarket
from .context import ServiceContext
from .partners import list_partners, network_evidence
from .partnerships import list_partnerships


def nurture_evidence(ctx: ServiceContext) -> str | None:
    """Joint activities with partners in the last year, and the meta-clusters' agendas."""
    partners = network_evidence(ctx)
    rows = list_partnerships(ctx)
    if not rows:
        return partners and partners + " No meta-cluster or partnership recorded yet."
    in_them = len({name for r in rows for name in r.partners})
    done = sum(r.done_last_year for r in rows)
    still_open = sum(r.open_points for r in rows)
    overdue = sum(r.overdue for r in rows)
    agenda = (f"{plural(len(rows), 'meta-cluster')} with {plural(in_them, 'partner')}: "
              f"{plural(done, 'agenda point')} done in the last 12 months, {still_open} open"
              + (f" ({overdue} overdue)." if overdue else "."))
    return " ".join(p for p in (partners, agenda) if p)


def _continents_text(continents: list[str]) -> str:
    if not continents:
        return ""
    if len(continents) == 1:
        return f"all in {continents[0]}"
    return f"on {len(continents)} continents ({', '.join(continents)})"


def global_presence_evidence(ctx: ServiceContext) -> str | None:
    """Where the partners are, against where the members want to go, and the global networks."""
    partner_countries = {r.country for r in list_partners(ctx) if r.country}
    with ctx.workspace.engine.connect() as conn:
        markets = set(conn.execute(
            select(MemberMarket.country).join(Member, Member.id == MemberMarket.member_id)
            .where(MemberMarket.deleted_at.is_(None), Member.deleted_at.is_(None),
                   Member.status != "former")).scalars())
    networks = [r.name for r in list_partnerships(ctx) if r.kind == PartnershipKind.GLOBAL_NETWORK.value]
    if not partner_countries and not markets:
        return None
    partner_continents, market_continents = continents_of(partner_countries), continents_of(markets)
    parts = []
    if partner_countries:
        parts.append(f"Partners abroad in {plural(len(partner_countries), 'country', 'countries')}, "
                     f"{_continents_text(partner_continents)}")
    if markets:
        parts.append(f"members' markets in {plural(len(markets), 'country', 'countries')}, "
                     f"{_continents_text(market_continents)}")
    text = "; ".join(parts)
    text = text[0].upper() + text[1:] + "."
    beyond = [c for c in market_continents if c not in partner_continents]
    if beyond:
        text += f" No partner yet where members look in {', '.join(beyond)}."
    if networks:
        text += f" In {plural(len(networks), 'global network')}: {', '.join(networks)}."
    return text
