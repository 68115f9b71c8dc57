"""The checklist as PDF and Excel, and the calendar file, each read back as a user's program
would read it."""

from __future__ import annotations

from datetime import date, datetime

from clusterdesk.exports.checklists import write_checklist_xlsx
from clusterdesk.exports.ics import write_calendar
from clusterdesk.exports.pdf.checklist import write_checklist_pdf
from clusterdesk.services import activities, checklists, today
from clusterdesk.services.activities import ActivityFilter


def demo_mission(ctx):
    row = next(r for r in activities.list_activities(ctx, ActivityFilter(kind="company_mission")))
    return checklists.get_checklist(ctx, row.id)


def pdf_text(path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def squash(text: str) -> str:
    return "".join(text.split())


def test_checklist_pdf_lists_every_item_under_its_section(demo_ctx, tmp_path):
    checklist = demo_mission(demo_ctx)
    target = tmp_path / "mission.pdf"
    write_checklist_pdf(target, checklist, demo_ctx.workspace.name, demo_ctx.today())
    text = squash(pdf_text(target))  # table cells wrap, so compare without white space
    assert squash(checklist.activity_name) in text
    for section, items in checklist.sections():
        assert squash(section) in text
        for item in items:
            assert squash(item.text) in text, item.text
    done = [i for i in checklist.items if i.done]
    assert squash(f"{len(done)} of {len(checklist.items)} done") in text
    assert squash(done[0].done_by) in text  # who ticked it
    assert not list(tmp_path.glob(".*partial"))


def test_checklist_pdf_prints_names_from_all_of_europe(ctx, tmp_path):
    from clusterdesk.services.activities import ActivityInput, create_activity

    detail, _ = create_activity(ctx, ActivityInput(name="Wyjazd do Gdańska – Łódź, Šiauliai, Győr",
                                                   starts_on=date(2027, 3, 2)))
    checklists.add_item(ctx, detail.id, checklists.ItemInput("Før afrejse", "Ring til Małgorzata Wójcik",
                                                             owner="Søren Ørsted"))
    target = tmp_path / "names.pdf"
    write_checklist_pdf(target, checklists.get_checklist(ctx, detail.id), "Test", date(2027, 1, 1))
    text = pdf_text(target)
    for name in ("Gdańska", "Łódź", "Šiauliai", "Győr", "Małgorzata Wójcik", "Søren Ørsted"):
        assert name in text


def test_checklist_excel_has_status_due_who_when_and_note(demo_ctx, tmp_path):
    from openpyxl import load_workbook

    trip = next(r for r in activities.list_activities(demo_ctx) if r.status == "done" and r.progress.total)
    checklist = checklists.get_checklist(demo_ctx, trip.id)
    target = tmp_path / "trip.xlsx"
    assert write_checklist_xlsx(target, checklist, demo_ctx.today()) == len(checklist.items)
    sheet = load_workbook(target).active
    assert [c.value for c in sheet[1]][:8] == ["Section", "Item", "Status", "Due", "Owner",
                                               "Ticked by", "Ticked at", "Note"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in rows] == [i.text for i in checklist.items]
    noted = next(r for r in rows if r[7])
    assert noted[2] == "Done" and noted[5] and isinstance(noted[6], datetime)
    assert isinstance(noted[3], datetime)  # a real date cell, not text
    open_rows = [r for r in rows if r[2] != "Done"]
    assert len(open_rows) == 1 and open_rows[0][1].startswith("About six months later")


def test_calendar_file_parses_back_with_every_activity_and_due_item(demo_ctx, tmp_path):
    from icalendar import Calendar

    entries = today.calendar_entries(demo_ctx)
    target = tmp_path / "clusterdesk.ics"
    assert write_calendar(target, entries, "AquaNord") == len(entries)
    calendar = Calendar.from_ical(target.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(entries)
    by_uid = {str(e["UID"]): e for e in events}
    assert len(by_uid) == len(events)  # stable, unique ids
    mission = next(r for r in activities.list_activities(demo_ctx) if r.kind == "company_mission")
    event = by_uid[f"activity-{mission.id}@clusterdesk"]
    assert str(event["SUMMARY"]) == mission.name
    assert event.decoded("DTSTART") == mission.starts_on
    assert event.decoded("DTEND") == date.fromordinal(mission.ends_on.toordinal() + 1)
    assert "Hamburg" in str(event["LOCATION"])
    assert "Checklist: 12 of 37 done, 11 overdue" in str(event["DESCRIPTION"])
    due = [e for e in events if str(e["CATEGORIES"].cats[0]) != "Activity"]
    open_items = [i for i in today.agenda(demo_ctx, horizon_days=365) if i.kind != "activity"]
    assert len(due) == len(open_items)
    labels = {s.kind: s.label for s in today.SOURCES}
    assert {str(e["CATEGORIES"].cats[0]) for e in due} == {labels[i.kind] for i in open_items}
    assert {"Checklist items", "Follow-ups", "Funding deadlines", "Campaign call-backs"} <= {labels[i.kind] for i in open_items}
    # Each entry reads on its own: a checklist item names its activity, a call-back its member.
    item = next(i for i in open_items if i.kind == "checklist")
    entry = by_uid[f"checklist-{item.record_id}@clusterdesk"]
    assert str(entry["SUMMARY"]) == f"{item.title.rstrip('.')} — {item.context}"
    assert item.context in {a.name for a in activities.list_activities(demo_ctx)}
    assert not any(str(e["SUMMARY"]).startswith("Due:") for e in events)
    call_back = next(e for e in due if str(e["CATEGORIES"].cats[0]) == "Campaign call-backs")
    assert ": Call back (Annual member calls 2026)" in str(call_back["SUMMARY"])
    assert str(call_back["DESCRIPTION"]).startswith("Contact: ")
    again = Calendar.from_ical(today_ics(demo_ctx, tmp_path))
    assert {str(e["UID"]) for e in again.walk("VEVENT")} == set(by_uid)  # same ids next time


def today_ics(ctx, tmp_path) -> bytes:
    second = tmp_path / "again.ics"
    write_calendar(second, today.calendar_entries(ctx), "AquaNord")
    return second.read_bytes()
