"""Small steps the Phase 5 services share: the records a Network record links to (partners,
activities, members, calls), chosen by id, and the list of countries a request names."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from ..domain.countries import is_country_code
from .errors import ValidationError


def linked(session, model, ids: Sequence[uuid.UUID], current: Sequence, key: str, what: str) -> list:
    """The live records with the chosen ids, in that order — plus those linked before that are
    now in the bin (they are not offered for choosing, so leaving them out is no choice to
    unlink them; restoring one brings the link back). A chosen id that no longer exists
    refuses the save, naming the field `key`."""
    chosen = []
    for record_id in dict.fromkeys(ids):
        record = session.get(model, record_id)
        if record is None or record.deleted_at is not None:
            raise ValidationError({key: f"One of the chosen {what} no longer exists (or is in the bin)."})
        chosen.append(record)
    binned = [r for r in current if r.deleted_at is not None and r.id not in {c.id for c in chosen}]
    return chosen + binned


def live(records, order: str = "sort_name") -> list:
    """The linked records not in the bin, in the order the lists show them (also just after a
    save, when the session still holds them in the order they were chosen)."""
    return sorted((r for r in records if r.deleted_at is None), key=lambda r: getattr(r, order))


def live_ids(records, order: str = "sort_name") -> tuple[uuid.UUID, ...]:
    return tuple(r.id for r in live(records, order))


def check_countries(codes: Sequence[str], key: str, errors: dict[str, str]) -> tuple[str, ...]:
    """Upper-cased ISO codes, each once; a code that is not a country is named under `key`."""
    bad = [c for c in codes if not is_country_code(c)]
    if bad:
        errors[key] = "Not a country: " + ", ".join(f"“{c}”" for c in bad)
    return tuple(dict.fromkeys(c.upper() for c in codes if is_country_code(c)))
