"""Helpers shared by the services' DTOs."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, or_

from ..domain.text import search_terms


def like_terms(column: ColumnElement, text: str) -> list[ColumnElement]:
    """One condition per typed word (all must match): the word in any of its spellings
    (domain.text.search_terms) inside the folded column, with % and _ taken literally."""
    clauses = []
    for spellings in search_terms(text):
        likes = [column.like(f"%{_escaped(s)}%", escape="\\") for s in spellings]
        clauses.append(likes[0] if len(likes) == 1 else or_(*likes))
    return clauses


def _escaped(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


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
