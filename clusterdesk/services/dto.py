"""Helpers shared by the services' DTOs."""

from __future__ import annotations

from sqlalchemy import ColumnElement


def like_terms(column: ColumnElement, text: str) -> list[ColumnElement]:
    """One LIKE per typed word (all must match), with % and _ taken literally."""
    from ..domain.text import search_fold

    clauses = []
    for term in search_fold(text).split():
        escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        clauses.append(column.like(f"%{escaped}%", escape="\\"))
    return clauses
