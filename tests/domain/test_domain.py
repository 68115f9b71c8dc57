from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clusterdesk.domain.backup_policy import BackupStamp, backups_to_keep
from clusterdesk.domain.changes import EVERYTHING, Changes
from clusterdesk.domain.countries import country_name, resolve_country
from clusterdesk.domain.dates import DateParseError, parse_date
from clusterdesk.domain.enums import InternationalOrientation, MemberStatus
from clusterdesk.domain.money import Money
from clusterdesk.domain.text import search_fold


class TestMoney:
    def test_refuses_float(self):
        with pytest.raises(TypeError):
            Money(1.5, "DKK")  # type: ignore[arg-type]

    def test_minor_units_round_trip(self):
        assert Money.of("1234.56", "dkk").minor == 123456
        assert Money.from_minor(123456, "DKK") == Money.of("1234.56", "DKK")
        assert Money.of("100", "JPY").minor == 100

    def test_arithmetic_keeps_currency(self):
        assert Money.of("10.10", "EUR") + Money.of("0.90", "EUR") == Money.of("11", "EUR")
        with pytest.raises(ValueError, match="cannot combine"):
            Money.of("1", "EUR") + Money.of("1", "DKK")

    @given(st.integers(min_value=-(10**15), max_value=10**15))
    def test_any_minor_amount_round_trips_exactly(self, minor):
        assert Money.from_minor(minor, "DKK").minor == minor

    def test_bad_text(self):
        with pytest.raises(ValueError, match="not an amount"):
            Money.of("12,3,4", "DKK")


class TestBackupPolicy:
    def test_keeps_one_per_day_week_month_and_newest(self):
        now = datetime(2026, 11, 27, 12, tzinfo=UTC)
        stamps = [BackupStamp(f"b{i}", now - timedelta(hours=6 * i), "on-open") for i in range(4 * 400)]
        keep = backups_to_keep(stamps, now)
        kept = [s for s in stamps if s.name in keep]
        assert {"b0", "b1", "b2"} <= keep  # the newest three
        days = {s.taken_at.date() for s in kept if now - s.taken_at <= timedelta(days=7)}
        assert len(days) == 8  # one for each of the last 7 days (and today)
        assert len(kept) < 40
        assert any(now - s.taken_at > timedelta(days=300) for s in kept)  # monthly reach
        assert all(now - s.taken_at <= timedelta(days=31 * 12) for s in kept)

    def test_event_backups_kept_for_a_month(self):
        now = datetime(2026, 11, 27, tzinfo=UTC)
        stamps = [BackupStamp(f"e{i}", now - timedelta(days=i, minutes=i), "before-import") for i in range(60)]
        stamps += [BackupStamp(f"x{i}", now - timedelta(minutes=i), "on-open") for i in range(10)]
        keep = backups_to_keep(stamps, now)
        assert all(f"e{i}" in keep for i in range(30))


class TestDates:
    today = date(2026, 11, 27)

    @pytest.mark.parametrize("text,expected", [
        ("27-11-2026", date(2026, 11, 27)), ("27.11.26", date(2026, 11, 27)),
        ("2026-11-27", date(2026, 11, 27)), ("3/2", date(2026, 2, 3)),
        ("27 nov 2026", date(2026, 11, 27)), ("5. maj 2027", date(2027, 5, 5)),
        ("today", date(2026, 11, 27)), ("+14", date(2026, 12, 11)), ("-3", date(2026, 11, 24)),
        ("+2w", date(2026, 12, 11)), ("", None),
    ])
    def test_parses(self, text, expected):
        assert parse_date(text, self.today) == expected

    @pytest.mark.parametrize("text", ["31-02-2026", "next week", "2026-13-01"])
    def test_refuses_with_message(self, text):
        with pytest.raises(DateParseError, match=text):
            parse_date(text, self.today)


class TestCountries:
    @pytest.mark.parametrize("text,code", [
        ("UK", "GB"), ("Deutschland", "DE"), ("Tyskland", "DE"), ("danmark", "DK"),
        ("DE", "DE"), ("deu", "DE"), ("Sverige", "SE"), ("Holland", "NL"), ("USA", "US"),
        ("United States", "US"), ("  norge ", "NO"), ("Storbritannien", "GB"),
    ])
    def test_resolves(self, text, code):
        assert resolve_country(text) == code

    def test_unknown_and_empty(self):
        assert resolve_country("Atlantis") is None
        assert resolve_country("") is None

    def test_names(self):
        assert country_name("DE") == "Germany"
        assert country_name("DE", "da") == "Tyskland"


def test_search_fold_handles_danish_letters_and_accents():
    assert search_fold("  Ærø  Søren Åby ") == "aeroe soeren aaby"
    assert search_fold("Café Müller") == "cafe mueller"


def test_labels_distinguish_equal_values_in_different_enums():
    assert MemberStatus.ACTIVE.label == "Active"
    assert InternationalOrientation.ACTIVE.label == "Active internationally"


def test_changes_union_and_touches():
    a = Changes.of("members")
    assert (a | Changes.of("contacts")).touches("contacts")
    assert not a.touches("interactions")
    assert EVERYTHING.touches("anything")
    assert not Changes()
