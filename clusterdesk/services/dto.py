"""Helpers shared by the services' DTOs."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement


def like_terms(column: ColumnElement, text: str) -> list[ColumnElement]:
    """One LIKE per typed word (all must match), with % and _ taken literally."""
    from ..domain.text import search_fold

    clauses = []
    for term in search_fold(text).split():
        escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        clauses.append(column.like(f"%{escaped}%", escape="\\"))
    return clauses


@dataclass(frozen=True)
class NamedRecord:
    """A record as the command line lists it and finds it: by id or by a unique name."""

    id: uuid.UUID
    name: str
    detail: str = ""


def differences(theirs, yours, fields: Iterable[str]) -> dict[str, tuple[object, object]]:
    """Field → (their value, your value) for the fields two versions of a DTO disagree on."""
    return {f: (getattr(theirs, f), getattr(yours, f)) for f in fields
            if getattr(theirs, f) != getattr(yours, f)}


def clean_text(text: str) -> str:
    """One line, single spaces: what a name or title field keeps of what was typed."""
    return " ".join(text.split())
