"""The import as a service: refused while any row is bad (and then nothing is written),
all or nothing after a verified backup, no duplicates on a re-import, a whole import undone."""

from __future__ import annotations

import sqlite3

import pytest

from clusterdesk.imports.fields import suggest_mapping
from clusterdesk.imports.plan import MERGE, NEW, SKIP
from clusterdesk.imports.progress import CancelToken, ImportCancelled
from clusterdesk.imports.sources import read_source
from clusterdesk.services import imports as service
from clusterdesk.services import members as member_service
from clusterdesk.services.errors import NotFound, ServiceError, ValidationError
from tests.imports.files import HEADER, ROWS, member_rows, write_csv, write_xlsx


def dry(ctx, path, **kw):
    source = read_source(path)
    mapping = suggest_mapping([(c.group, c.header) for c in source.columns])
    return service.dry_run(ctx, source, mapping, **kw)


def counts(ctx) -> dict[str, int]:
    conn = sqlite3.connect(ctx.workspace.path)
    try:
        return {t: conn.execute(f"select count(*) from {t} where deleted_at is null").fetchone()[0]
                for t in ("members", "contacts")}
    finally:
        conn.close()


def find(ctx, name):
    [row] = member_service.member_page(ctx, member_service.MemberFilter(text=name))
    return member_service.get_member(ctx, row.id)


def test_a_thousand_rows_three_bad_nothing_imported_exactly_three_reported(ctx, tmp_path):
    rows = member_rows(1000)
    rows[99][6] = "jens@@firma.dk"  # spreadsheet row 101
    rows[499][4] = "Narnia"  # row 501
    rows[899][8] = "31-02-2020"  # row 901
    path = write_xlsx(tmp_path / "big.xlsx", [HEADER, *rows], above=[["Medlemsliste"]])
    result = dry(ctx, path)
    plan = result.plan
    assert plan.rows_read == 1000
    assert plan.bad_rows == (102, 502, 902)  # a title row above the header
    assert [(p.row, p.column, p.value) for p in plan.problems] == [
        (102, "G (E-mail)", "jens@@firma.dk"), (502, "E (Land)", "Narnia"),
        (902, "I (Medlem siden)", "31-02-2020")]
    with pytest.raises(ServiceError, match="Nothing was imported: 3 rows have problems"):
        service.run_import(ctx, result)
    assert counts(ctx) == {"members": 0, "contacts": 0}
    assert ctx.workspace.backups.list() == []  # refused before anything, even the backup
    assert service.import_history(ctx) == []


def test_leaving_out_the_bad_rows_is_an_explicit_choice(ctx, tmp_path):
    rows = member_rows(20)
    rows[5][6] = "not an email"
    result = dry(ctx, write_csv(tmp_path / "m.csv", [HEADER, *rows]))
    imported, _ = service.run_import(ctx, result, skip_invalid=True)
    assert imported.summary.members_new == 19 and imported.summary.rows_left_out == 1
    assert counts(ctx) == {"members": 19, "contacts": 19}
    [history] = service.import_history(ctx)
    assert history.rows_skipped == 1 and history.members_created == 19


def test_import_writes_normalised_values_after_a_verified_backup(ctx, tmp_path):
    result = dry(ctx, write_csv(tmp_path / "m.csv", [HEADER, *ROWS], encoding="cp1252"))
    assert result.plan.clean
    imported, changes = service.run_import(ctx, result)
    assert changes.touches("members", "contacts")
    assert imported.backup is not None and imported.backup.exists()
    assert [b.reason for b in ctx.workspace.backups.list()] == ["before-import"]
    assert counts(ctx) == {"members": 4, "contacts": 5}
    vestkyst = find(ctx, "Vestkyst Pumper")
    assert vestkyst.data.vat_number == "DK12345678" and vestkyst.contact_count == 2
    assert set(vestkyst.data.sectors) == {"Wastewater", "Pumps"}
    gron = find(ctx, "Grøn Søfart")
    assert gron.data.postcode == "0800" and gron.data.vat_number == "DK01234567"
    assert find(ctx, "Müller").data.country == "DE"
    conn = sqlite3.connect(ctx.workspace.path)
    phones = dict(conn.execute("select name, phone_e164 from contacts"))
    conn.close()
    assert phones["Jürgen Müller"] == "+49301234567" and phones["Åse Bøgh"] == "+4521314151"
    [history] = service.import_history(ctx)
    assert (history.file_name, history.members_created, history.contacts_created) == ("m.csv", 4, 5)
    assert history.by == "Tester (TT)"


def test_a_reimport_of_the_same_file_creates_nothing_new(ctx, tmp_path):
    path = write_xlsx(tmp_path / "m.xlsx", [HEADER, *ROWS, *member_rows(30)])
    service.run_import(ctx, dry(ctx, path))
    before = counts(ctx)
    again = dry(ctx, path)
    assert len(again.plan.earlier_imports) == 1
    assert all(d.against_existing and d.default == MERGE for d in again.plan.duplicates)
    assert len(again.plan.duplicates) == len(again.plan.candidates) == 34
    summary = again.summary()
    assert (summary.members_new, summary.contacts_new, summary.members_merged) == (0, 0, 0)
    service.run_import(ctx, again)
    assert counts(ctx) == before


def test_merge_into_existing_fills_blanks_only_and_undo_puts_it_back(ctx, tmp_path):
    detail, _ = member_service.create_member(ctx, member_service.MemberInput(
        name="Vestkyst Pumper ApS", city="Esbjerg (HQ)", postcode="", sectors=("Pumps",),
        country="DK"))
    result = dry(ctx, write_csv(tmp_path / "m.csv", [HEADER, *ROWS]))
    duplicate = result.plan.duplicates[0]
    assert duplicate.target_member == detail.id
    assert "same name" in duplicate.match.reasons
    from clusterdesk.imports.outcome import differences

    changes = {d.label: d.outcome for d in differences(result.plan, duplicate, result.existing)}
    assert changes["City"] == "kept as it is" and changes["Postcode"] == "fills the blank"
    assert changes["CVR / VAT number"] == "fills the blank" and changes["Sectors"] == "adds Wastewater"
    imported, _ = service.run_import(ctx, result)
    assert imported.summary.members_new == 3 and imported.summary.members_merged == 1
    merged = member_service.get_member(ctx, detail.id).data
    assert merged.city == "Esbjerg (HQ)"  # a filled field is never overwritten
    assert merged.postcode == "6700" and merged.vat_number == "DK12345678"
    assert set(merged.sectors) == {"Pumps", "Wastewater"}
    assert member_service.get_member(ctx, detail.id).contact_count == 2

    undone, changes = service.undo_import(ctx, imported.batch_id)
    assert changes.touches("members")
    assert (undone.members_removed, undone.contacts_removed, undone.members_restored) == (3, 5, 1)
    restored = member_service.get_member(ctx, detail.id).data
    assert (restored.postcode, restored.vat_number, restored.sectors) == ("", "", ("Pumps",))
    assert restored.city == "Esbjerg (HQ)"
    assert counts(ctx) == {"members": 1, "contacts": 0}
    assert service.import_history(ctx)[0].undone_by == "Tester (TT)"
    with pytest.raises(ServiceError, match="already undone"):
        service.undo_import(ctx, imported.batch_id)


def test_undo_keeps_edits_made_after_the_import(ctx, tmp_path):
    detail, _ = member_service.create_member(ctx, member_service.MemberInput(name="Grøn Søfart A/S"))
    imported, _ = service.run_import(ctx, dry(ctx, write_csv(tmp_path / "m.csv", [HEADER, *ROWS])))
    data = member_service.get_member(ctx, detail.id).data
    assert data.postcode == "0800"
    from dataclasses import replace

    member_service.update_member(ctx, detail.id, replace(data, postcode="2630"))
    undone, _ = service.undo_import(ctx, imported.batch_id)
    assert undone.kept_later_edits == 1
    after = member_service.get_member(ctx, detail.id).data
    assert after.postcode == "2630" and after.vat_number == ""


def test_per_duplicate_decisions(ctx, tmp_path):
    member_service.create_member(ctx, member_service.MemberInput(name="Vestkyst Pumper A/S"))
    member_service.create_member(ctx, member_service.MemberInput(name="Nordic Filters"))
    result = dry(ctx, write_csv(tmp_path / "m.csv", [HEADER, *ROWS]))
    by_name = {result.plan.candidates[d.candidate].name: d.id for d in result.plan.duplicates}
    decisions = {by_name["Vestkyst Pumper A/S"]: SKIP, by_name["Nordic Filters Ltd"]: NEW}
    summary = result.summary(decisions)
    assert (summary.members_new, summary.members_merged, summary.organisations_skipped) == (3, 0, 1)
    service.run_import(ctx, result, decisions)
    assert counts(ctx) == {"members": 5, "contacts": 3}


def test_cancel_writes_nothing(ctx, tmp_path):
    result = dry(ctx, write_csv(tmp_path / "m.csv", [HEADER, *member_rows(600)]))
    token = CancelToken()
    seen = []

    def progress(what, done, total):
        seen.append((what, done))
        if what == "Importing" and done >= 200:
            token.cancel()

    with pytest.raises(ImportCancelled):
        service.run_import(ctx, result, progress=progress, cancel=token)
    assert ("Importing", 200) in seen
    assert counts(ctx) == {"members": 0, "contacts": 0}
    assert service.import_history(ctx) == []


def test_saved_mappings(ctx, tmp_path):
    source = read_source(write_csv(tmp_path / "m.csv", [["Organisation", "Mail", "Hjemby"], ["A ApS", "a@a.dk", "Vejle"]]))
    mapping = ["name", "contact_email", "city"]
    saved, _ = service.save_mapping(ctx, "Region list", source.columns, mapping, "SE")
    assert service.get_mapping(ctx, "region LIST").apply(source.columns) == mapping
    service.save_mapping(ctx, "Region list", source.columns, ["name", "", "city"], "DK")
    [only] = service.saved_mappings(ctx)
    assert only.default_country == "DK" and only.apply(source.columns) == ["name", "", "city"]
    with pytest.raises(ValidationError):
        service.save_mapping(ctx, "  ", source.columns, mapping)
    with pytest.raises(NotFound, match="Region list"):
        service.get_mapping(ctx, "Other")
    service.delete_mapping(ctx, "Region list")
    assert service.saved_mappings(ctx) == []


def test_an_existing_member_with_the_same_digits_abroad_is_not_offered(ctx, tmp_path):
    """QA: importing Kiel Umwelt GmbH DE987654321 offered Bergen Akva AS NO987654321 as the
    member it duplicates."""
    member_service.create_member(ctx, member_service.MemberInput(
        name="Bergen Akva AS", country="NO", city="Bergen", vat_number="NO987654321"))
    member_service.create_member(ctx, member_service.MemberInput(
        name="Fyns Membran I/S", country="DK", vat_number="29876543"))
    path = write_csv(tmp_path / "m.csv", [
        ["Virksomhed", "CVR", "By", "Land"],
        ["Kiel Umwelt GmbH", "DE987654321", "Kiel", "Tyskland"],
        ["Fyn Membran", "29 87 65 43", "Odense", "Danmark"]])
    plan = dry(ctx, path).plan
    assert plan.clean
    [duplicate] = plan.duplicates
    assert plan.candidates[duplicate.candidate].name == "Fyn Membran"
    assert duplicate.target_name == "Fyns Membran I/S" and duplicate.match.certain
