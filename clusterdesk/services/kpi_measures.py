"""Measures the data itself yields, so a KPI tied to one keeps its actual value up to date
(DESIGN §2, Phase 3: strategy → action plan → activities → evaluations → KPIs).

A registry: each part of ClusterDesk whose data answers a KPI adds ONE `KpiMeasure` to
`MEASURES`, naming a function "module:function" (ctx, start: date, end: date) ->
MeasureValue. The function counts what happened from `start` to `end` (both included);
the measure's `window` says which span a KPI asks for on a given day:

- "year":   from 1 January of that day's year to the day (e.g. activities held this year);
- "period": from the start of the KPI's period to the day (e.g. analyses made so far);
- "now":    the state on the day (start = end; e.g. partners whose trust is established).

Evaluations, for instance, adds "value of contracts reported" and "meetings held at
matchmaking events" with one entry each, pointing at functions in its own module.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import case, distinct, func, select

from ..domain.enums import ActivityKind, ActivityStatus, PartnerKind, TrustStage
from ..domain.text import plural
from ..store.models import (
    Activity,
    Campaign,
    CampaignTarget,
    MarketAnalysis,
    Member,
    Participant,
    Partner,
)
from .context import ServiceContext

WINDOWS = ("year", "period", "now")


@dataclass(frozen=True)
class MeasureValue:
    value: Decimal
    detail: str = ""  # how it was counted, in words: "37 of 80 members on the lists"


@dataclass(frozen=True)
class KpiMeasure:
    key: str  # stored on the KPI; never change it once released
    label: str
    unit: str
    window: str  # "year" | "period" | "now"
    compute: str  # "module:function" (ctx, start, end) -> MeasureValue
    help: str = ""


MEASURES: tuple[KpiMeasure, ...] = (
    KpiMeasure("members_in_international_activities", "Members who took part in an international "
               "activity this year", "members", "year", ".kpi_measures:members_in_activities",
               "Members marked “attended” at a mission, trip, event or project held this year "
               "(Missions ▸ Activities ▸ Participants)."),
    KpiMeasure("partner_clusters_established", "Partner clusters at the stage “established”",
               "partners", "now", ".kpi_measures:partner_clusters_established",
               "Clusters abroad whose trust stage is “established” (Missions ▸ Partners)."),
    KpiMeasure("campaign_members_heard", "Share of the members on this year's campaign lists "
               "who were heard", "%", "year", ".kpi_measures:campaign_share_heard",
               "Members on this year's visit and phone campaign lists whose call or visit is "
               "done, out of all on the lists (Members ▸ Campaigns)."),
    KpiMeasure("members_heard_12_months", "Members with a visit, call or meeting in the last "
               "12 months", "members", "now", ".kpi_measures:members_heard_12_months",
               "Members with a visit, phone call or meeting recorded in the twelve months up to "
               "the day (Members ▸ Interactions)."),
    KpiMeasure("international_activities_held", "International activities held this year",
               "activities", "year", ".kpi_measures:activities_held",
               "Missions, trips, events, workshops and projects that started this year and "
               "were not cancelled (Missions ▸ Activities)."),
    KpiMeasure("market_analyses_made", "Market analyses made in the KPI's period", "analyses",
               "period", ".kpi_measures:market_analyses_made",
               "Market analyses dated within the KPI's period (Members ▸ Markets)."),
    KpiMeasure("contract_value_reported", "Value of contracts and orders reported this year",
               "DKK", "year", ".evaluations:contract_value_measure",
               "Contracts and orders participants reported as outcomes of activities this year, "
               "in DKK (other currencies are listed, not converted) (Evaluations ▸ Outcomes)."),
    KpiMeasure("participants_new_partner", "Participants reporting a new partner this year",
               "participants", "year", ".evaluations:new_partners_measure",
               "Participants with a “new partner” outcome or a yes to the new-partners question "
               "of an evaluation this year (Evaluations)."),
)


def measure_by_key(key: str) -> KpiMeasure | None:
    return next((m for m in MEASURES if m.key == key), None)


def window(measure: KpiMeasure, period_from: date, on: date) -> tuple[date, date]:
    """The span a measure counts for a KPI on `on` (see the module docstring)."""
    if measure.window == "year":
        return date(on.year, 1, 1), on
    if measure.window == "period":
        return min(period_from, on), on
    return on, on


def _resolve(path: str) -> Callable:
    module, name = path.split(":")
    return getattr(importlib.import_module(module, __package__), name)


def compute(ctx: ServiceContext, key: str, period_from: date, on: date) -> MeasureValue | None:
    """The measure's value for a KPI on `on`; None when no part provides that measure (any
    more)."""
    measure = measure_by_key(key)
    if measure is None:
        return None
    start, end = window(measure, period_from, on)
    return _resolve(measure.compute)(ctx, start, end)


# --- the measures of Members and Missions ---------------------------------------------------------


def members_in_activities(ctx: ServiceContext, start: date, end: date) -> MeasureValue:
    query = (select(func.count(distinct(Participant.member_id)), func.count(distinct(Activity.id)))
             .join(Activity, Activity.id == Participant.activity_id)
             .join(Member, Member.id == Participant.member_id)
             .where(Participant.deleted_at.is_(None), Participant.status == "attended",
                    Activity.deleted_at.is_(None), Member.deleted_at.is_(None),
                    Activity.status != ActivityStatus.CANCELLED.value,
                    Activity.starts_on >= start, Activity.starts_on <= end))
    with ctx.workspace.engine.connect() as conn:
        members, activities = conn.execute(query).one()
    return MeasureValue(Decimal(members), f"{plural(members, 'member')} attended "
                                          f"{plural(activities, 'activity', 'activities')}")


def partner_clusters_established(ctx: ServiceContext, start: date, end: date) -> MeasureValue:
    query = (select(Partner.trust_stage, func.count())
             .where(Partner.deleted_at.is_(None), Partner.kind == PartnerKind.CLUSTER.value)
             .group_by(Partner.trust_stage))
    with ctx.workspace.engine.connect() as conn:
        counts = dict(conn.execute(query).all())
    established = counts.get(TrustStage.ESTABLISHED.value, 0)
    return MeasureValue(Decimal(established),
                        f"{established} of {plural(sum(counts.values()), 'partner cluster')}")


def campaign_share_heard(ctx: ServiceContext, start: date, end: date) -> MeasureValue:
    overlapping = ((func.coalesce(Campaign.starts_on, start) <= end)
                   & (func.coalesce(Campaign.ends_on, Campaign.starts_on, end) >= start))
    query = (select(CampaignTarget.member_id, func.max(case((CampaignTarget.status == "done", 1), else_=0)))
             .join(Campaign, Campaign.id == CampaignTarget.campaign_id)
             .join(Member, Member.id == CampaignTarget.member_id)
             .where(CampaignTarget.deleted_at.is_(None), Campaign.deleted_at.is_(None),
                    Member.deleted_at.is_(None), overlapping)
             .group_by(CampaignTarget.member_id))
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(query).all()
    listed = len(rows)
    heard = sum(1 for _member, done in rows if done)
    share = (Decimal(heard * 100) / Decimal(listed)).quantize(Decimal("0.1")) if listed else Decimal(0)
    if share == share.to_integral_value():
        share = share.quantize(Decimal(1))
    return MeasureValue(share,
                        f"{heard} of {plural(listed, 'member')} on the campaign lists heard")


def members_heard_12_months(ctx: ServiceContext, start: date, end: date) -> MeasureValue:
    from .today import count_members_heard

    heard, total = count_members_heard(ctx, end)
    return MeasureValue(Decimal(heard), f"{heard} of {plural(total, 'member')}")


def activities_held(ctx: ServiceContext, start: date, end: date) -> MeasureValue:
    query = (select(Activity.kind, func.count())
             .where(Activity.deleted_at.is_(None),
                    Activity.status.not_in((ActivityStatus.CANCELLED.value, ActivityStatus.IDEA.value)),
                    Activity.starts_on >= start, Activity.starts_on <= end)
             .group_by(Activity.kind))
    with ctx.workspace.engine.connect() as conn:
        counts = dict(conn.execute(query).all())
    total = sum(counts.values())
    kinds = ", ".join(f"{n} × {ActivityKind(kind).label.lower()}" for kind, n in sorted(counts.items()))
    return MeasureValue(Decimal(total), kinds or "none yet")


def market_analyses_made(ctx: ServiceContext, start: date, end: date) -> MeasureValue:
    query = (select(MarketAnalysis.market_kind, func.count())
             .where(MarketAnalysis.deleted_at.is_(None), MarketAnalysis.made_on >= start,
                    MarketAnalysis.made_on <= end)
             .group_by(MarketAnalysis.market_kind))
    with ctx.workspace.engine.connect() as conn:
        counts = dict(conn.execute(query).all())
    total = sum(counts.values())
    words = {"country": ("country market", "country markets"),
             "technology": ("technology market", "technology markets")}
    parts = [plural(n, *words.get(kind, (kind, kind + "s"))) for kind, n in sorted(counts.items())]
    return MeasureValue(Decimal(total), ", ".join(parts) or "none yet")
