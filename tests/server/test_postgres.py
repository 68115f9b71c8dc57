"""DESIGN §4.8, §4.10: the same program on a shared PostgreSQL server — only the URL differs.
Two people editing one record never overwrite each other silently; money and dates round-trip
exactly."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from clusterdesk.domain.money import Money
from clusterdesk.services import members, today
from clusterdesk.services.context import ServiceContext
from clusterdesk.services.errors import ConflictError
from clusterdesk.store.workspace import NotAWorkspace, create_workspace, open_workspace


def test_create_open_and_work_on_a_server(pg_url):
    created = create_workspace(pg_url, "Shared AquaNord")
    created.close()
    ws = open_workspace(pg_url)
    try:
        assert ws.is_server and ws.name == "Shared AquaNord"
        ctx = ServiceContext(ws, "Anne (AK)")
        detail, _ = members.create_member(ctx, members.MemberInput(
            name="Søndergaard Rør I/S", city="Århus", sectors=("Wastewater",),
            member_since=date(2019, 3, 1), markets=("DE",)))
        rows = members.member_page(ctx, members.MemberFilter(text="soender"))
        assert [r.name for r in rows] == ["Søndergaard Rør I/S"]
        assert rows[0].member_since == date(2019, 3, 1)
        assert members.count_members(ctx, members.MemberFilter(text="100%")) == 0
        members.delete_member(ctx, detail.id)
        members.restore_member(ctx, detail.id)
        assert today.agenda(ctx) == []
    finally:
        ws.close()


def test_two_people_editing_one_record_get_a_conflict(pg_url):
    create_workspace(pg_url, "Shared").close()
    anne_ws, bo_ws = open_workspace(pg_url), open_workspace(pg_url)
    try:
        anne = ServiceContext(anne_ws, "Anne (AK)")
        bo = ServiceContext(bo_ws, "Bo (BL)")
        detail, _ = members.create_member(anne, members.MemberInput(name="Vadehav Filter ApS", city="Ribe"))
        loaded_by_bo = members.get_member(bo, detail.id)
        members.update_member(anne, detail.id, members.MemberInput(
            name="Vadehav Filter ApS", city="Esbjerg", version=detail.data.version))
        with pytest.raises(ConflictError) as conflict:
            members.update_member(bo, detail.id, members.MemberInput(
                name="Vadehav Filter ApS", city="Tønder", version=loaded_by_bo.data.version))
        assert conflict.value.differences["city"] == ("Esbjerg", "Tønder")
        assert conflict.value.by == "Anne (AK)"
        assert members.get_member(bo, detail.id).data.city == "Esbjerg"
    finally:
        anne_ws.close()
        bo_ws.close()


def test_money_dates_and_timestamps_round_trip_exactly(pg_url):
    from sqlalchemy import BigInteger, Column, Date, MetaData, String, Table, select

    from clusterdesk.store.types import UTCDateTime

    create_workspace(pg_url, "Types").close()
    ws = open_workspace(pg_url)
    try:
        scratch = Table("scratch_values", MetaData(), Column("minor", BigInteger), Column("currency", String(3)),
                        Column("day", Date), Column("at", UTCDateTime()))
        amount = Money.of("123456789012.34", "DKK")
        at = datetime(2026, 3, 29, 1, 30, 15, 123456, tzinfo=UTC)  # the night clocks change
        with ws.engine.begin() as conn:
            scratch.create(conn)
            conn.execute(scratch.insert().values(minor=amount.minor, currency=amount.currency,
                                                 day=date(2024, 2, 29), at=at))
            row = conn.execute(select(scratch)).one()
        assert Money.from_minor(row.minor, row.currency) == amount
        assert row.day == date(2024, 2, 29) and row.at == at
    finally:
        ws.close()


def test_a_database_without_a_workspace_is_refused(pg_url):
    with pytest.raises(NotAWorkspace):
        open_workspace(pg_url)
