"""Market analyses and the markets the cluster has chosen to target (handbook §1.2)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..base import Record


class MarketAnalysis(Record):
    __tablename__ = "market_analyses"

    title: Mapped[str] = mapped_column(String(200))
    market_kind: Mapped[str] = mapped_column(String(20), default="country")  # country / technology
    country: Mapped[str | None] = mapped_column(String(2), index=True)
    technology: Mapped[str] = mapped_column(String(200), default="")
    source: Mapped[str] = mapped_column(String(30), default="desk_research")
    prepared_by: Mapped[str] = mapped_column(String(200), default="")
    made_on: Mapped[date | None]
    attractiveness: Mapped[int | None]  # 1–5
    document_link: Mapped[str] = mapped_column(String(500), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class TargetMarket(Record):
    """A country the cluster decided to focus on, with why and when."""

    __tablename__ = "target_markets"

    country: Mapped[str] = mapped_column(String(2), index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    decided_on: Mapped[date | None]
    decided_by: Mapped[str] = mapped_column(String(200), default="")
