"""A calendar file (.ics, RFC 5545) of activities and due items, for Outlook, Google or
Apple Calendar. All-day entries; each keeps the same UID in every export, so importing a newer
file updates the entries instead of doubling them."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from .. import __version__


def calendar_bytes(entries: Sequence, name: str, stamp: datetime | None = None) -> bytes:
    from icalendar import Calendar, Event

    stamp = stamp or datetime.now(UTC)
    calendar = Calendar()
    calendar.add("prodid", f"-//ClusterDesk//ClusterDesk {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for entry in entries:
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", stamp)
        event.add("summary", entry.summary)
        event.add("dtstart", entry.starts_on)
        event.add("dtend", entry.ends_on + timedelta(days=1))  # exclusive for all-day entries
        event.add("transp", "TRANSPARENT")  # a due item does not block the day
        if entry.description:
            event.add("description", entry.description)
        if entry.location:
            event.add("location", entry.location)
        if entry.category:
            event.add("categories", [entry.category])
        calendar.add_component(event)
    return calendar.to_ical()


def write_calendar(path: Path, entries: Sequence, name: str, stamp: datetime | None = None) -> int:
    """Write the entries to `path` (through a temporary file); returns how many."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.partial")
    tmp.write_bytes(calendar_bytes(entries, name, stamp))
    os.replace(tmp, path)
    return len(entries)
