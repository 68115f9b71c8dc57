"""Campaign and market rules without a database: who is called next, progress, spreading
members over the staff, call summaries, and the market-interest matrix."""

from __future__ import annotations

import uuid
from datetime import date

from clusterdesk.domain.campaigns import (
    CampaignKind,
    QueueEntry,
    TargetStatus,
    call_queue,
    call_summary,
    progress_of,
    round_robin,
)
from clusterdesk.domain.markets import Interest, build_matrix, cell_text

TODAY = date(2026, 11, 27)


def entry(name, status="open", **kw):
    return QueueEntry(uuid.uuid4(), status, name, **kw)


def test_queue_order_paused_then_due_call_backs_then_new_then_no_answer():
    entries = [
        entry("a-new"),
        entry("b-no-answer-yesterday", "no_answer", last_attempt_on=date(2026, 11, 26), attempts=1),
        entry("c-no-answer-last-week", "no_answer", last_attempt_on=date(2026, 11, 20), attempts=2),
        entry("d-call-back-today", "call_back", call_back_on=TODAY),
        entry("e-call-back-overdue", "call_back", call_back_on=date(2026, 11, 24)),
        entry("f-call-back-later", "call_back", call_back_on=date(2026, 12, 3)),
        entry("g-done", "done"),
        entry("h-declined", "declined"),
        entry("i-paused", "open", paused_here=True),
        entry("0-new-first-by-name"),
    ]
    order = [e.sort_name for e in call_queue(entries, TODAY)]
    assert order == ["i-paused", "e-call-back-overdue", "d-call-back-today", "0-new-first-by-name",
                     "a-new", "c-no-answer-last-week", "b-no-answer-yesterday"]


def test_progress_counts_finished_and_call_backs():
    progress = progress_of([("done", None), ("done", None), ("declined", None),
                            ("call_back", TODAY), ("call_back", date(2026, 12, 1)),
                            ("no_answer", None), ("open", None), ("open", None)], TODAY)
    assert (progress.total, progress.finished, progress.call_backs_due, progress.call_backs_later,
            progress.no_answer, progress.open) == (8, 3, 1, 1, 1, 2)
    assert progress.headline() == "3 of 8 called"
    assert progress.headline(CampaignKind.VISIT) == "3 of 8 visited"
    assert progress.breakdown() == ("2 done · 1 declined · 2 call-backs (1 due) · 1 no answer · "
                                    "2 not yet tried")
    assert progress_of([], TODAY).fraction == 0.0


def test_round_robin_spreads_evenly_and_respects_existing_load():
    ids = [uuid.uuid4() for _ in range(7)]
    plan = round_robin(ids, ["MK", "JB", "SH"])
    counts = {p: list(plan.values()).count(p) for p in ("MK", "JB", "SH")}
    assert counts == {"MK": 3, "JB": 2, "SH": 2}
    assert [plan[i] for i in ids[:3]] == ["MK", "JB", "SH"]
    topped_up = round_robin(ids[:3], ["MK", "JB"], already={"MK": 4, "JB": 1})
    assert list(topped_up.values()) == ["JB", "JB", "JB"]
    assert round_robin(ids, []) == {}


def test_call_summaries_read_well():
    assert call_summary(CampaignKind.PHONE, "Calls 2026", TargetStatus.DONE, None, answered=5) == \
        "Call in “Calls 2026”: answered 5 questions."
    assert call_summary(CampaignKind.VISIT, "Visits", TargetStatus.DONE, None, "Nice test hall") == \
        "Visit in “Visits”: done, no questions answered.\nNice test hall"
    assert call_summary(CampaignKind.PHONE, "C", TargetStatus.CALL_BACK, date(2026, 12, 3)) == \
        "Call in “C”: asked to be called back on 3 Dec 2026."
    assert "declined" in call_summary(CampaignKind.PHONE, "C", TargetStatus.DECLINED, None)


def test_matrix_orders_countries_by_interest_and_members_by_name():
    a, b, c = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    interests = [
        Interest(a, "Ålborg Filter", "active", "DE", "profile"),
        Interest(a, "Ålborg Filter", "active", "DE", "survey"),
        Interest(b, "Bølge Pumper", "latent", "DE", "campaign"),
        Interest(b, "Bølge Pumper", "latent", "SE", "profile"),
        Interest(c, "Aqua Sensor", "defined", "NO", "survey"),
    ]
    matrix = build_matrix(interests, targets=["SE", "PL"])
    assert [x.code for x in matrix.countries] == ["DE", "SE", "NO", "PL"]
    germany = matrix.countries[0]
    assert germany.members == 2 and germany.by_source == {"profile": 1, "survey": 1, "campaign": 1}
    assert matrix.countries[1].is_target and matrix.countries[3].members == 0
    assert [r.name for r in matrix.rows] == ["Ålborg Filter", "Aqua Sensor", "Bølge Pumper"]  # Å folds to aa
    assert cell_text(matrix.rows[0].sources("DE")) == "PS"
    assert cell_text(matrix.rows[2].sources("DE")) == "C"
    assert cell_text(matrix.rows[1].sources("DE")) == ""
