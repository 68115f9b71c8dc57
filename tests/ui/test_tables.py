"""The shared table helpers: a proxy sorts dates and amounts the way people read them, and
rows are found and chosen by their DTO."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt

from clusterdesk.ui.common.table_model import Column, RowTableModel
from clusterdesk.ui.common.tables import RowChooser, row_at, select_row_with_id, sorted_table


@dataclass(frozen=True)
class Row:
    id: uuid.UUID
    day: date | None
    amount: Decimal


COLUMNS = (Column("day", "Day", lambda r: r.day), Column("amount", "Amount", lambda r: r.amount))


def rows():
    days = (18, 26, 19, None, 25, 2)
    return [Row(uuid.uuid4(), date(2026, 11, d) if d else None, Decimal(d or 0) / 3) for d in days]


def test_proxy_sorts_dates_and_decimals(qtbot, qtmodeltester):
    model = RowTableModel(COLUMNS, rows())
    qtmodeltester.check(model)
    view, proxy = sorted_table(model, COLUMNS, order=Qt.SortOrder.DescendingOrder)
    qtbot.addWidget(view)
    shown = [row_at(view, proxy.index(i, 0)).day for i in range(proxy.rowCount())]
    assert shown == [date(2026, 11, d) for d in (26, 25, 19, 18, 2)] + [None]
    view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    amounts = [row_at(view, proxy.index(i, 0)).amount for i in range(proxy.rowCount())]
    assert amounts == sorted(amounts)


def test_rows_are_chosen_by_id_and_a_refusal_keeps_the_row(qtbot):
    data = rows()
    model = RowTableModel(COLUMNS, data)
    view, _proxy = sorted_table(model, COLUMNS)
    qtbot.addWidget(view)
    loaded, allow = [], [True]
    chooser = RowChooser(view, loaded.append, lambda: allow[0])
    assert chooser.go_to(data[2].id) and chooser.current_id() == data[2].id and loaded == []
    assert not select_row_with_id(view, uuid.uuid4())
    view.setCurrentIndex(view.model().index(0, 0))
    assert loaded == [row_at(view).id]
    allow[0] = False
    before = chooser.current_id()
    view.setCurrentIndex(view.model().index(3, 0))
    assert chooser.current_id() == before and len(loaded) == 1


def test_dates_show_the_one_way_the_program_writes_them():
    from datetime import UTC, datetime

    from clusterdesk.domain.formatting import format_datetime

    model = RowTableModel(COLUMNS, rows())
    assert model.index(0, 0).data() == "18 Nov 2026"  # not 2026-11-18 or 18/11/2026
    assert model.index(3, 0).data() == ""
    moment = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)
    column = Column("at", "At", lambda r: moment)
    assert column.text(None) == format_datetime(moment) and column.text(None).startswith("27 Nov 2026 ")


def test_export_values_are_the_text_shown_unless_a_date_number_or_amount():
    from datetime import date
    from decimal import Decimal

    from clusterdesk.domain.money import Money
    from clusterdesk.ui.common.table_model import Column

    row = {"kind": "sme", "since": date(2020, 1, 2), "rank": 2, "fee": Money(Decimal("12.50"), "DKK"),
           "share": 0.25, "none": None, "flag": True}
    label = Column("kind", "Kind", lambda r: r["kind"], lambda v: v.upper())
    assert label.export_value(row) == "SME" == label.text(row)
    assert Column("since", "Since", lambda r: r["since"], str).export_value(row) == date(2020, 1, 2)
    assert Column("share", "Share", lambda r: r["share"], lambda v: f"{v:.0%}").export_value(row) == 0.25
    assert Column("fee", "Fee", lambda r: r["fee"], str).export_value(row) == row["fee"]
    # A value that only sorts (a rank) exports the text shown.
    stage = Column("rank", "Trust", lambda r: r["rank"], text_of=lambda r: "Established")
    assert stage.export_value(row) == "Established"
    assert Column("none", "Empty", lambda r: r["none"], str).export_value(row) is None
    assert Column("flag", "Flag", lambda r: r["flag"], lambda v: "yes" if v else "").export_value(row) == "yes"
