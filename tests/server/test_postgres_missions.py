"""Missions on a shared PostgreSQL server: the same services, the same answers as on SQLite —
checklists from templates with real dates, moving dates, ticks with who and when, money,
participants, the Today agenda, the phase evidence and the calendar."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from clusterdesk.domain.money import Money
from clusterdesk.services import activities, checklists, participants, partners, today
from clusterdesk.services.checklist_templates import get_template
from clusterdesk.services.context import ServiceContext
from clusterdesk.services.members import MemberInput, create_member
from clusterdesk.store.workspace import create_workspace, open_workspace

NOW = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)


def test_missions_on_a_server(pg_url):
    create_workspace(pg_url, "Shared AquaNord").close()
    ws = open_workspace(pg_url)
    try:
        ctx = ServiceContext(ws, "Anne (AK)", clock=lambda: NOW)
        partner, _ = partners.create_partner(ctx, partners.PartnerInput(
            name="Wasser Netzwerk Hamburg", country="DE", ecei_label="gold", ecei_year=2024,
            trust_stage="established", contacts=(partners.PartnerContactInput("Jürgen Weiß"),)))
        detail, _ = activities.create_activity(ctx, activities.ActivityInput(
            name="Mission to Hamburg", starts_on=date(2026, 12, 15), ends_on=date(2026, 12, 17),
            budget=Money.of("185000.50", "DKK"), price=Money.of("6500", "EUR"),
            partner_ids=(partner.id,)), get_template(ctx, "builtin:innovation-mission"))
        assert detail.data.budget == Money.of("185000.50", "DKK")
        assert detail.data.price == Money.of("6500", "EUR")
        items = checklists.get_checklist(ctx, detail.id).items
        assert len(items) == 37 and items[0].due_on == date(2026, 6, 15)
        row, _ = checklists.tick_item(ctx, items[0].id)
        assert (row.done_by, row.done_at) == ("Anne (AK)", NOW)
        moved, _ = activities.update_activity(ctx, detail.id, replace(
            detail.data, starts_on=date(2027, 1, 12), ends_on=date(2027, 1, 14)))
        assert moved.moved_items == 36
        member, _ = create_member(ctx, MemberInput(name="Limfjord Membran ApS"))
        person, _ = participants.add_participant(ctx, detail.id, member.id)
        participants.set_participant_status(ctx, [person.id], "attended")
        listed = activities.list_activities(ctx)[0]
        assert (listed.progress.done, listed.progress.total, listed.attended) == (1, 37, 1)
        assert listed.partners == ("Wasser Netzwerk Hamburg",)
        assert listed.overdue > 0 and listed.next_due is not None
        assert [p.name for p in partners.list_partners(ctx, partners.PartnerFilter(text="weiss"))] == [
            "Wasser Netzwerk Hamburg"]
        agenda = today.agenda(ctx)
        assert {i.kind for i in agenda} == {"checklist"}
        assert all(i.activity_id == detail.id for i in agenda)
        evidence = {q.text: q.evidence for p in today.phase_overview(ctx) for q in p.questions}
        assert evidence["How well does the cooperation with international partners work?"] == (
            "Partners abroad: 1 established.")
        due = [i for i in today.agenda(ctx, horizon_days=365) if i.kind != "activity"]
        assert len(today.calendar_entries(ctx)) == 1 + len(due)  # the activity and its open items
    finally:
        ws.close()
