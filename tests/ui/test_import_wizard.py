"""The import wizard walked like a user: Ctrl+I, a file typed in, the detected header, the
suggested mapping changed and saved, the dry run with its problems and duplicates decided,
the import, and then Members ▸ Imports to undo it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from clusterdesk.imports.plan import MERGE, SKIP
from clusterdesk.services import imports as import_service
from clusterdesk.services import members as member_service
from clusterdesk.ui.imports.wizard import CHECK, DONE, FILE, MAPPING, ImportWizard
from tests.imports.files import HEADER, ROWS, member_rows, write_csv, write_xlsx


@pytest.fixture(autouse=True)
def _destroy_wizards(demo_window):
    """Wizards are freed by the event loop (deleteLater), which never runs between tests; a
    QWizard left half-alive under a closed window crashes the next test's style change."""
    yield
    import shiboken6

    for wizard in demo_window.findChildren(ImportWizard):
        if shiboken6.isValid(wizard):
            shiboken6.delete(wizard)


def click(qtbot, wizard, which):
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


def next_page(qtbot, wizard):
    click(qtbot, wizard, QWizard.WizardButton.NextButton)


@pytest.fixture
def member_file(tmp_path):
    rows = [list(r) for r in ROWS] + member_rows(40)
    rows[10][6] = "kontakt5@@firma5.dk"  # spreadsheet row 14 (a title and a blank row above)
    rows.append(["Limfjord Membran A/S", "", "9000", "Aalborg", "DK", "Ole Dahl",
                 "ole@limfjordmembran.dk", "", "", ""])  # one of the demo's members
    return write_xlsx(tmp_path / "Medlemsliste.xlsx", [HEADER, *rows],
                      above=[["AquaNord – medlemsliste"], [None]], extra_sheets=("Noter",))


def activate(qtbot, window) -> None:
    from PySide6.QtWidgets import QApplication

    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def open_wizard(qtbot, window) -> ImportWizard:
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    [wizard] = [w for w in window.findChildren(ImportWizard) if w.isVisible()]
    activate(qtbot, wizard)
    assert wizard.currentId() == FILE
    return wizard


def test_walk_the_wizard_and_undo_the_import(qtbot, qtmodeltester, demo_window, member_file, monkeypatch,
                                             tmp_path):
    ctx = demo_window.controller.ctx
    organisations = demo_window.show_tab("members").organisations
    assert organisations.model.rowCount() == 80
    wizard = open_wizard(qtbot, demo_window)
    page = wizard.file_page
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    qtbot.keyClicks(page.path_edit, str(member_file))
    qtbot.keyClick(page.path_edit, Qt.Key.Key_Return)
    assert wizard.source is not None and page.error.isHidden()
    assert page.header_spin.value() == 3  # the title and the blank row skipped
    assert [page.sheet_combo.itemText(i) for i in range(page.sheet_combo.count())] == ["Medlemmer", "Noter"]
    assert "46 rows below the header" in page.info.text()
    next_page(qtbot, wizard)

    assert wizard.currentId() == MAPPING
    mapping = wizard.mapping_page
    assert mapping.mapping() == ["name", "vat_number", "postcode", "city", "country", "contact_name",
                                 "contact_email", "contact_phone", "member_since", "sectors"]
    sectors = mapping.combos[9]
    sectors.setFocus()
    sectors.setCurrentIndex(sectors.findData("tags"))  # the user imports "Branche" as tags
    assert mapping.save_mapping_as("AquaNord medlemsliste")
    assert [m.name for m in import_service.saved_mappings(ctx)] == ["AquaNord medlemsliste"]
    next_page(qtbot, wizard)

    assert wizard.currentId() == CHECK
    check = wizard.check_page
    plan = check.dry.plan
    assert plan.bad_rows == (14,)
    assert check.problems_model.rows()[0].column == "G (E-mail)"
    assert check.tabs.tabText(0) == "Problems (1)"
    from openpyxl import load_workbook

    saved = check.save_problems(tmp_path / "problems.xlsx")
    sheet = load_workbook(saved).active
    assert [c.value for c in sheet[1]] == ["Row", "Column", "Value", "Reason"]
    assert [c.value for c in sheet[2]][:3] == [14, "G (E-mail)", "kontakt5@@firma5.dk"]
    import_button = wizard.button(QWizard.WizardButton.NextButton)
    assert import_button.text() == "&Import" and not import_button.isEnabled()
    check.leave_out.setFocus()
    qtbot.keyClick(check.leave_out, Qt.Key.Key_Space)
    assert check.leave_out.isChecked()
    assert import_button.isEnabled()
    assert "leave out 1 row with problems" in check.outcome.text()

    check.tabs.setCurrentIndex(1)
    rows = check.duplicates_model.rows()
    limfjord = next(r for r in rows if r.name == "Limfjord Membran A/S")
    assert limfjord.where == "existing member" and limfjord.duplicate.default == MERGE
    row = check.duplicates_model.rows().index(limfjord)
    check.duplicates_view.selectRow(row)
    assert any(d.label == "Contact" and d.outcome == "adds this contact" for d in check.difference_model.rows())
    qtmodeltester.check(check.duplicates_model)
    qtbot.keyClick(check.duplicates_view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert wizard.decisions[limfjord.duplicate.id] == SKIP
    assert "skip 1 duplicate" in check.outcome.text()

    next_page(qtbot, wizard)  # Import
    assert wizard.currentId() == DONE
    # 4 + 40 organisations less the one with a bad row; the skipped duplicate not counted
    assert wizard.result.summary.members_new == 43
    assert "created 43 members" in wizard.result_page.text.text()
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert not wizard.isVisible()

    assert member_service.count_members(ctx) == 123
    members_tab = demo_window.show_tab("members")
    members_tab.show_section("Organisations")
    assert organisations.model.rowCount() == 123  # the list followed the import
    gron = member_service.member_page(ctx, member_service.MemberFilter(text="Grøn Søfart"))[0]
    detail = member_service.get_member(ctx, gron.id).data
    assert detail.tags == ("Water & energy",) and detail.postcode == "0800"

    history = members_tab.show_section("Imports")
    [entry] = history.model.rows()
    assert (entry.file_name, entry.members_created, entry.rows_skipped) == ("Medlemsliste.xlsx", 43, 2)
    from clusterdesk.ui.imports import history as history_module

    monkeypatch.setattr(history_module, "confirm", lambda *a, **k: True)
    activate(qtbot, demo_window)
    history.view.setFocus()
    history.view.selectRow(0)
    qtbot.keyClick(history.view, Qt.Key.Key_Delete)
    assert member_service.count_members(ctx) == 80
    assert history.model.rows()[0].undone_at is not None
    members_tab.show_section("Organisations")
    assert organisations.model.rowCount() == 80
    members_tab.show_section("Imports")
    assert not history.undo_button.isEnabled()


def test_saved_mapping_is_offered_for_the_next_file(qtbot, demo_window, tmp_path):
    ctx = demo_window.controller.ctx
    odd = write_csv(tmp_path / "odd.csv", [["Organisation", "Hjemby", "Kolonne X"],
                                           ["Havørn ApS", "Vejle", "x"]], encoding="cp1252")
    wizard = open_wizard(qtbot, demo_window)
    wizard.file_page.load(odd)
    assert "CSV, Windows-1252, separated by semicolons" in wizard.file_page.info.text()
    next_page(qtbot, wizard)
    mapping = wizard.mapping_page
    assert mapping.mapping() == ["name", "", ""]
    mapping.combos[1].setCurrentIndex(mapping.combos[1].findData("city"))
    mapping.combos[2].setCurrentIndex(mapping.combos[2].findData("city"))  # moves the field
    assert mapping.mapping() == ["name", "", "city"] and "no longer from B" in mapping.status.text()
    mapping.combos[0].setCurrentIndex(0)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "Every row needs “Member name”" in mapping.status.text()
    mapping.combos[0].setCurrentIndex(mapping.combos[0].findData("name"))
    mapping.combos[1].setCurrentIndex(mapping.combos[1].findData("city"))
    mapping.save_mapping_as("Odd list")
    wizard.reject()

    again = open_wizard(qtbot, demo_window)
    again.file_page.load(odd)
    next_page(qtbot, again)
    page = again.mapping_page
    page.saved_combo.setCurrentIndex(page.saved_combo.findText("Odd list"))
    page.apply_choice()
    assert page.mapping() == ["name", "city", ""]
    assert [m.name for m in import_service.saved_mappings(ctx)] == ["Odd list"]


def test_broken_files_are_explained_and_block_next(qtbot, demo_window, tmp_path):
    wizard = open_wizard(qtbot, demo_window)
    page = wizard.file_page
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    page.load(empty)
    assert page.error.isVisibleTo(page) and "nothing to import" in page.error.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page.load(tmp_path / "picture.png")
    assert "not a spreadsheet" in page.error.text()
    page.load(write_xlsx(tmp_path / "ok.xlsx", [HEADER, *ROWS]))
    assert page.error.isHidden() and wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_a_file_without_problems_imports_and_a_second_run_adds_nothing(qtbot, demo_window, tmp_path):
    ctx = demo_window.controller.ctx
    path = write_csv(tmp_path / "clean.csv", [HEADER, *ROWS], encoding="utf-8-sig", delimiter=",")
    for attempt in range(2):
        wizard = ImportWizard(demo_window.controller, demo_window, path)
        wizard.show()
        next_page(qtbot, wizard)
        next_page(qtbot, wizard)
        check = wizard.check_page
        assert check.dry.plan.clean and not check.leave_out.isVisibleTo(check)
        if attempt:
            assert "imported before" in check.outcome.text()
            assert "create 0 members, add 0 contacts" in check.outcome.text()
        next_page(qtbot, wizard)
        assert wizard.currentId() == DONE
        wizard.accept()
    assert member_service.count_members(ctx) == 84
    assert len(import_service.import_history(ctx)) == 2


def test_progress_and_cancel_on_a_real_background_thread(qtbot, demo_window, tmp_path):
    from clusterdesk.ui.common.background import BackgroundRunner

    path = write_csv(tmp_path / "long.csv", [HEADER, *member_rows(3000)])
    controller = demo_window.controller
    controller.runner = BackgroundRunner()
    wizard = ImportWizard(controller, demo_window, path)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.source is not None, timeout=20_000)
    next_page(qtbot, wizard)
    check = wizard.check_page
    seen = []
    # Straight from the worker thread, so the cancel lands while it is still checking rows.
    check.job.relay.progressed.connect(lambda what, done, total: (seen.append(done), check.job.token.cancel()),
                                       Qt.ConnectionType.DirectConnection)
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: not check.job.running, timeout=20_000)
    controller.runner.wait()
    assert seen and check.dry is None
    assert wizard.currentId() == MAPPING  # back, to check again when asked
    assert member_service.count_members(controller.ctx) == 80


def test_file_menu_offers_the_import(demo_window):
    texts = [a.text() for a in demo_window.menuBar().actions()[0].menu().actions()]
    assert "&Import members…" in texts
    assert demo_window.act_import.shortcut().toString() == "Ctrl+I"
    assert "(Ctrl+I)" in demo_window.act_import.toolTip()


def test_import_is_refused_on_a_read_only_workspace(qtbot, demo_window, modal_guard):
    demo_window.controller.workspace.read_only = True
    demo_window._workspace_changed()
    assert not demo_window.act_import.isEnabled()
    assert demo_window.import_members() is None
    assert any("read-only" in text for text in modal_guard)


def test_qa_workbook_cover_page_two_row_header_and_the_first_duplicate_shown(
        qtbot, demo_window, tmp_path, monkeypatch):
    """QA's workbook: a cover page first, a two-row header without merged cells, a CVR that
    lost its zero, a phone number in an unused range; on the Duplicates page the first
    duplicate is chosen, so its field-by-field comparison shows at once."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Forside"
    book.active["A1"] = "AquaNord medlemsliste"
    sheet = book.create_sheet("Medlemmer")
    sheet.append(["Medlemmer pr. 27.11.2026"])
    sheet.append([])
    sheet.append(["Virksomhed", "CVR", "By", "Land", "Kontaktperson", None, None, "Indmeldt"])
    sheet.append([None, None, None, None, "Navn", "E-mail", "Telefon", None])
    sheet.append(["Sønderjysk Biogas A/S", 2345678, "Aabenraa", "Danmark", "Hans Hansen",
                  "hh@sjbiogas.dk", "+45 2000 0000", "15.03.2018"])
    sheet.append(["Vestkyst Pumper A/S", "", "Esbjerg", "Danmark", "Ny Kontakt",
                  "ny@vestkystpumper.dk", "", ""])
    path = tmp_path / "QA.xlsx"
    book.save(path)
    ctx = demo_window.controller.ctx
    wizard = ImportWizard(demo_window.controller, demo_window, path)
    wizard.show()
    page = wizard.file_page
    assert page.sheet_combo.currentText() == "Medlemmer" and page.header_spin.value() == 4
    assert "2 rows below the header (rows 3–4, shown in bold)" in page.info.text()
    next_page(qtbot, wizard)
    assert wizard.mapping_page.mapping() == ["name", "vat_number", "city", "country", "contact_name",
                                             "contact_email", "contact_phone", "member_since"]
    next_page(qtbot, wizard)
    check = wizard.check_page
    plan = check.dry.plan
    assert plan.clean and check.tabs.currentIndex() == 1 and check.tabs.tabText(2) == "Remarks (1)"
    assert plan.candidates[0].values["vat_number"] == "DK02345678"
    [selected] = [i.row() for i in check.duplicates_view.selectionModel().selectedRows()]
    assert selected == 0 and check.difference_model.rowCount() > 0
    next_page(qtbot, wizard)
    assert wizard.result.summary.members_merged == 1
    assert "existing member added to" in [label.text() for label in
                                            wizard.result_page.findChildren(type(page.info))]
    wizard.accept()
    hans = member_service.member_page(ctx, member_service.MemberFilter(text="Sønderjysk"))[0]
    assert hans.primary_phone == "+45 2000 0000"  # kept as written
    history = demo_window.show_tab("members").show_section("Imports")
    from clusterdesk.ui.imports import history as history_module

    asked = []
    monkeypatch.setattr(history_module, "confirm", lambda _parent, _title, text, *_a: asked.append(text))
    history.view.selectRow(0)
    history.undo_selected()
    assert "1 member and 2 contacts it created go to the bin; 1 existing member gets back what it " \
           "had before." in asked[0]
