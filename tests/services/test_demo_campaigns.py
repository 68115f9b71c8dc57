"""The demo shows every part of campaigns, questionnaires and markets with believable data."""

from __future__ import annotations

from clusterdesk.services import calls, campaigns, markets, surveys, today


def test_demo_has_a_half_done_phone_campaign_with_call_backs_due(demo_ctx):
    (campaign,) = campaigns.list_campaigns(demo_ctx)
    progress = campaign.progress
    assert campaign.kind == "phone" and progress.total >= 60
    assert 0.3 < progress.finished / progress.total < 0.6  # about half called
    assert progress.done > 20 and progress.declined >= 1 and progress.open > 20
    assert progress.call_backs_due >= 3 and progress.call_backs_later >= 1
    due = [i for i in today.agenda(demo_ctx) if "Call back (" in i.title]
    assert len(due) == progress.call_backs_due + progress.call_backs_later
    staff = {t.assigned_to for t in campaigns.campaign_targets(demo_ctx, campaign.id)}
    assert len(staff) == 4
    mette = calls.queue_state(demo_ctx.__class__(demo_ctx.workspace, "Mette Kjær (MK)",
                                                 clock=demo_ctx.clock), campaign.id)
    assert mette.mine.total > 10 and mette.next_target_id is not None


def test_demo_has_survey_answers_analyses_and_target_markets(demo_ctx):
    rows = {r.name: r for r in surveys.list_questionnaires(demo_ctx)}
    assert len(rows) == 5
    assert rows["Member survey: international needs"].answers >= 20
    assert rows["Annual phone campaign"].answers >= 20
    assert len(markets.list_analyses(demo_ctx)) == 3
    assert {t.country for t in markets.list_target_markets(demo_ctx)} == {"DE", "NO"}
    overview = markets.market_overview(demo_ctx)
    sources = {s for c in overview.matrix.countries for s in c.by_source}
    assert sources == {"profile", "survey", "campaign"}
