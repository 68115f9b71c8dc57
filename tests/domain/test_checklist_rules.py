"""Due rules relative to an activity, and the built-in templates that follow appendices 4
and 5 of the handbook."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clusterdesk.domain.checklists import (
    DueRule,
    DueRuleError,
    add_months,
    due_state,
    parse_template_toml,
    relative_day,
    template_to_toml,
)
from clusterdesk.services.checklist_templates import builtin_templates


@pytest.mark.parametrize("text, rule", [
    ("6 months before start", DueRule("start", months=-6)),
    ("3 weeks before start", DueRule("start", days=-21)),
    ("on the first day", DueRule("start")),
    ("on start", DueRule("start")),
    ("on the last day", DueRule("end")),
    ("1 week after end", DueRule("end", days=7)),
    ("six months after the end", DueRule("end", months=6)),
    ("2 months and 3 days before start", DueRule("start", months=-2, days=-3)),
    ("start-6m", DueRule("start", months=-6)),
    ("end+7d", DueRule("end", days=7)),
    ("  ", None),
])
def test_due_rules_as_people_write_them(text, rule):
    assert DueRule.parse(text) == rule


@pytest.mark.parametrize("bad, says", [
    ("6 mnths before start", "“6 mnths” in “6 mnths before start” is not an amount"),
    ("soon", "write e.g. “3 weeks before start”"),
    ("three to four weeks", "write e.g. “3 weeks before start”"),
    ("3 weeks before lunch", "is not a due rule"),
    ("many days after end", "“many” in “many days after end” is not a number"),
])
def test_bad_due_rules_say_how_to_write_them(bad, says):
    with pytest.raises(DueRuleError, match=says):
        DueRule.parse(bad)


@given(st.sampled_from(["start", "end"]), st.integers(-24, 24), st.integers(-400, 400))
def test_describe_reads_back_as_the_same_rule(anchor, months, days):
    if months * days < 0:
        return
    rule = DueRule(anchor, months, days)
    assert DueRule.parse(rule.describe()) == rule


def test_due_dates_count_calendar_months_and_clamp_to_the_month_end():
    start, end = date(2027, 5, 31), date(2027, 6, 2)
    assert DueRule("start", months=-6).due_on(start, end) == date(2026, 11, 30)
    assert DueRule("end", months=6).due_on(start, end) == date(2027, 12, 2)
    assert DueRule("end", days=7).due_on(start, None) == date(2027, 6, 7)  # one-day activity
    assert add_months(date(2028, 3, 31), -1) == date(2028, 2, 29)
    assert DueRule.for_date(date(2027, 5, 10), "start", start, end) == DueRule("start", days=-21)


def test_due_state_and_relative_days():
    today = date(2026, 11, 27)
    assert due_state(date(2026, 11, 26), False, today) == "overdue"
    assert due_state(date(2026, 11, 26), True, today) == "done"
    assert due_state(date(2026, 11, 30), False, today) == "soon"
    assert due_state(date(2026, 12, 30), False, today) == "later"
    assert due_state(None, False, today) == "none"
    assert relative_day(date(2026, 11, 28), today) == "tomorrow"
    assert relative_day(date(2026, 11, 20), today) == "7 days ago"
    assert relative_day(date(2027, 1, 27), today) == "in 9 weeks"


def _mission():
    return next(t for t in builtin_templates() if t.ref == "builtin:innovation-mission")


def _matchmaking():
    return next(t for t in builtin_templates() if t.ref == "builtin:matchmaking-event")


def test_mission_template_has_every_point_of_appendix_4_in_its_sections():
    template = _mission()
    sections = {title: len(items) for title, items in template.sections()}
    # Appendix 4: 5 considerations, 5 on partners, 5 on content and practicalities, 7 on
    # recruiting at home, 2 abroad, 6 just before departure, 5 during, 2 evaluation.
    assert list(sections.values()) == [5, 5, 5, 7, 2, 6, 5, 2]
    assert len(template.items) == 37
    texts = " ".join(i.text.lower() for i in template.items)
    for point in ("sectors", "strategy", "paid for", "success criteria", "time and action plan",
                  "price per participant", "co-funding", "travel agent", "registration deadline",
                  "student assistants", "cooperation profile", "online tool", "recruit the local",
                  "final programme", "budget is being kept", "press", "questions for the speakers",
                  "presentations", "at least one person", "local partner joins", "airport",
                  "one step ahead", "network with", "evaluation questionnaire", "six months"):
        assert point in texts, point
    assert all(item.rule is not None for item in template.items)


def test_matchmaking_template_has_every_point_of_appendix_5_with_the_handbook_dates():
    template = _matchmaking()
    assert len(template.items) == 42
    by_text = {i.text: i.rule for i in template.items}

    def rule_of(words):
        return next(rule for text, rule in by_text.items() if words in text)

    assert rule_of("Launch the event website") == DueRule("start", months=-6)
    assert rule_of("Open meeting booking") == DueRule("start", days=-28)
    assert rule_of("first evaluation") == DueRule("end", days=7)
    assert rule_of("second evaluation") == DueRule("end", months=6)
    texts = " ".join(i.text.lower() for i in template.items)
    for point in ("competing events", "critical mass", "target group", "facilities",
                  "promotes the event", "matchmaking tool", "marketing", "products, services",
                  "face to face", "research partners", "latest knowledge", "new projects",
                  "headline participants", "invitation", "validate", "cancelling",
                  "match all the meeting requests", "meeting schedule", "place cards",
                  "opening speech", "information desk", "run the matchmaking", "no-shows",
                  "reminders", "success stories"):
        assert point in texts, point


def test_templates_survive_a_trip_through_toml():
    for template in builtin_templates():
        again = parse_template_toml(template_to_toml(template), template.ref, builtin=True)
        assert again == template
