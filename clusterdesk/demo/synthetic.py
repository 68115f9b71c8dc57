"""Synthetic workspaces of any size for benchmarks and load tests (`clusterdesk demo-data`).

100,000 members with 250,000 contacts and 1,000,000 interactions take well under a minute:
the rows go in with bulk inserts into a new file filled without a journal, which only then
gets its name and WAL mode, so a crash leaves no half-built workspace. The target's
workspace lock is held throughout, so a workspace open elsewhere is never replaced.
"""

from __future__ import annotations

import os
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from ..domain.indexing import contact_search_text, first_label_key, member_search_text
from ..domain.text import sort_key
from ..store.backup import fsync_dir
from ..store.bulk import bulk_insert
from ..store.db import header_problem, remove_database_file, sqlite_engine
from ..store.derived import refresh_last_contact
from ..store.errors import WorkspaceError
from ..store.lock import WorkspaceLock
from ..store.models import Contact, Interaction, Member, Tag, member_tags
from ..store.workspace import create_workspace
from . import names

BATCH = 50_000
AUDIT = ("created_at", "updated_at", "updated_by", "version")
MEMBER_COLUMNS = ("id", "name", "sort_name", "search_text", "sector_sort", "tag_sort", "kind",
                  "size_band", "country", "city", "postcode", "address", "website", "vat_number",
                  "member_since", "status", "international_orientation", "notes", *AUDIT)
CONTACT_COLUMNS = ("id", "member_id", "name", "role", "email", "phone", "phone_e164",
                   "language", "is_primary", "notes", "search_text", *AUDIT)
INTERACTION_COLUMNS = ("id", "member_id", "kind", "occurred_on", "staff", "attendees",
                       "summary", "needs", "next_step", "follow_up_done_by", *AUDIT)


@dataclass(frozen=True)
class SyntheticStats:
    members: int
    contacts: int
    interactions: int


def _batched(rows, size=BATCH):
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def build_synthetic(path: Path, *, members: int, contacts_per_member: float = 2.5,
                    interactions_per_member: float = 10.0, seed: int = 1,
                    today: date | None = None, replace: bool = False, break_lock: bool = False,
                    progress: Callable[[str], None] | None = None) -> SyntheticStats:
    """Write a new workspace with `members` synthetic members, their contacts and interactions;
    with `replace`, an existing workspace of that name that nobody has open is replaced."""
    lock = WorkspaceLock(path)
    lock.acquire(break_lock=break_lock)
    try:
        if path.exists():
            problem = header_problem(path)
            if not replace:
                raise WorkspaceError(f"{path} already exists.")
            if problem is not None:
                raise WorkspaceError(f"{path} {problem}; only a workspace is replaced.")
        partial = path.with_name(path.name + ".partial")
        stats = _fill(partial, path.name, members, contacts_per_member, interactions_per_member,
                      seed, today or date.today(), progress)
        # The old file goes with its WAL: SQLite would replay a stale WAL onto the new file.
        remove_database_file(path)
        os.replace(partial, path)
        fsync_dir(path.parent)
    finally:
        lock.release()
    return stats


def _fill(partial: Path, file_label: str, members: int, contacts_per_member: float,
          interactions_per_member: float, seed: int, today: date,
          progress: Callable[[str], None] | None) -> SyntheticStats:
    rng = random.Random(seed)
    stamp = (datetime.now(UTC), datetime.now(UTC), "demo-data", 1)
    remove_database_file(partial)  # with the WAL a killed earlier run may have left
    create_workspace(partial, f"Synthetic workspace ({members:,} members)").close()
    engine = sqlite_engine(partial, pooled=False, bulk=True, label=file_label)
    contact_total = int(members * contacts_per_member)
    interaction_total = int(members * interactions_per_member)
    member_ids = [uuid.uuid4() for _ in range(members)]
    try:
        with engine.begin() as conn:
            tag_ids = {label: uuid.uuid4() for label in (*names.SECTORS, *names.TAGS)}
            bulk_insert(conn, Tag.__table__, ("id", "kind", "name", *AUDIT),
                        [(tag_ids[label], "sector" if label in names.SECTORS else "tag", label, *stamp)
                         for label in tag_ids])
            links = []

            def member_rows():
                for i, member_id in enumerate(member_ids):
                    city, postcode = rng.choice(names.CITIES)
                    name = (f"{rng.choice(names.NAME_STEMS)} {rng.choice(names.TRADES)} "
                            f"{i + 1} {rng.choice(names.LEGAL_FORMS)}")
                    sector = rng.choice(names.SECTORS)
                    tag = rng.choice(names.TAGS) if rng.random() < 0.3 else ""
                    links.append((member_id, tag_ids[sector]))
                    if tag:
                        links.append((member_id, tag_ids[tag]))
                    vat = f"DK{10_000_000 + i:08d}"
                    tags = (tag,) if tag else ()
                    yield (member_id, name, sort_key(name),
                           member_search_text(name, city, postcode, vat, "", "DK", (sector,), tags),
                           first_label_key((sector,)), first_label_key(tags),
                           "sme", rng.choice(("micro", "small", "medium", "large")), "DK", city,
                           postcode, "", "", vat, today - timedelta(days=rng.randint(30, 4000)),
                           "active", rng.choice(("none", "latent", "defined", "active")), "", *stamp)

            done = 0
            for batch in _batched(member_rows()):
                done += bulk_insert(conn, Member.__table__, MEMBER_COLUMNS, batch)
                if progress:
                    progress(f"members: {done:,}")
            bulk_insert(conn, member_tags, ("member_id", "tag_id"), links)

            def contact_rows():
                for i in range(contact_total):
                    person = f"{rng.choice(names.FIRST_NAMES)} {rng.choice(names.LAST_NAMES)}"
                    email = f"{names.email_local(person)}{i}@example.dk"
                    yield (uuid.uuid4(), member_ids[i % members], person, "", email, "", "", "da",
                           i < members, "", contact_search_text(person, "", email), *stamp)

            done = 0
            for batch in _batched(contact_rows()):
                done += bulk_insert(conn, Contact.__table__, CONTACT_COLUMNS, batch)
                if progress:
                    progress(f"contacts: {done:,}")

            kinds = ("visit", "phone_call", "meeting", "email", "event")

            def interaction_rows():
                for i in range(interaction_total):
                    yield (uuid.uuid4(), member_ids[rng.randrange(members)], kinds[i % 5],
                           today - timedelta(days=rng.randint(0, 1500)), "demo-data", "",
                           "Synthetic interaction", "", "", "", *stamp)

            done = 0
            for batch in _batched(interaction_rows()):
                done += bulk_insert(conn, Interaction.__table__, INTERACTION_COLUMNS, batch)
                if progress:
                    progress(f"interactions: {done:,}")
            refresh_last_contact(conn)
        with engine.connect() as conn:
            raw = conn.connection.driver_connection  # outside a transaction, as pragmas need
            raw.execute("ANALYZE")
            if raw.execute("PRAGMA journal_mode = WAL").fetchone()[0] != "wal":
                raise WorkspaceError(f"{file_label} could not be switched to WAL mode.")
    except BaseException:
        engine.dispose()
        remove_database_file(partial)
        raise
    engine.dispose()
    with open(partial, "rb+") as fh:
        os.fsync(fh.fileno())
    return SyntheticStats(members, contact_total, interaction_total)
