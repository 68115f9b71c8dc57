"""Markets on a real workspace file: analyses, target markets, and the market-interest
matrix from profiles and answers, exported to Excel and checked cell by cell."""

from __future__ import annotations

from datetime import date

import pytest

from clusterdesk.domain.questionnaires import AnswerValue
from clusterdesk.services import answers, markets, members, surveys
from clusterdesk.services.errors import ConflictError, ValidationError
from clusterdesk.services.markets import AnalysisInput, MatrixFilter, TargetMarketInput


def test_analyses_are_checked_and_listed_newest_first(ctx):
    with pytest.raises(ValidationError) as err:
        markets.create_analysis(ctx, AnalysisInput("", market_kind="country", attractiveness=6,
                                                   document_link="not a link", source="oracle",
                                                   made_on=date(2027, 1, 1)))
    assert set(err.value.errors) == {"country", "title", "attractiveness", "document_link",
                                     "source", "made_on"}
    with pytest.raises(ValidationError) as err:
        markets.create_analysis(ctx, AnalysisInput("Smart meters", market_kind="technology"))
    assert "technology" in err.value.errors
    germany, _ = markets.create_analysis(ctx, AnalysisInput(
        "", country="DE", source="students", prepared_by="Aarhus University", made_on=date(2026, 3, 1),
        attractiveness=4, document_link="www.example.org/de.pdf"))
    assert germany.data.title == "Market analysis: Germany"
    assert germany.data.document_link == "https://www.example.org/de.pdf"
    meters, _ = markets.create_analysis(ctx, AnalysisInput(
        "Smart water meters", market_kind="technology", technology="Smart metering", country="NL",
        source="sector_association", made_on=date(2026, 9, 1), document_link="/srv/reports/meters.pdf"))
    rows = markets.list_analyses(ctx)
    assert [r.title for r in rows] == ["Smart water meters", "Market analysis: Germany"]
    assert rows[0].market == "Smart metering (Netherlands)"
    assert [r.title for r in markets.list_analyses(ctx, "tyskland")] == ["Market analysis: Germany"]
    assert [r.title for r in markets.list_analyses(ctx, "students aarhus")] == ["Market analysis: Germany"]
    updated, _ = markets.update_analysis(ctx, germany.id, AnalysisInput(
        **{**germany.data.__dict__, "attractiveness": 5}))
    with pytest.raises(ConflictError):
        markets.update_analysis(ctx, germany.id, germany.data)
    assert updated.data.attractiveness == 5
    markets.delete_analysis(ctx, meters.id)
    assert [r.title for r in markets.list_analyses(ctx)] == ["Market analysis: Germany"]
    markets.restore_analysis(ctx, meters.id)
    assert len(markets.list_analyses(ctx)) == 2


def test_target_markets_are_marked_updated_and_unmarked(ctx):
    with pytest.raises(ValidationError):
        markets.mark_target_market(ctx, TargetMarketInput(""))
    first, _ = markets.mark_target_market(ctx, TargetMarketInput("DE", "Board: focus on utilities",
                                                                 date(2026, 10, 1), "Board"))
    markets.mark_target_market(ctx, TargetMarketInput("PL", "Growing market"))
    again, _ = markets.mark_target_market(ctx, TargetMarketInput("DE", "Also industry", date(2026, 11, 1),
                                                                 version=first.version))
    assert again.id == first.id
    assert [(t.name, t.note) for t in markets.list_target_markets(ctx)] == [
        ("Germany", "Also industry"), ("Poland", "Growing market")]
    markets.unmark_target_market(ctx, "DE")
    assert [t.country for t in markets.list_target_markets(ctx)] == ["PL"]
    back, _ = markets.mark_target_market(ctx, TargetMarketInput("DE"))
    assert back.id == first.id  # the same record, brought back


def test_matrix_from_profiles_and_answers_exports_cell_by_cell(ctx, tmp_path):
    from openpyxl import load_workbook

    from clusterdesk.exports.markets import write_market_matrix

    def member(name, markets_, orientation="latent"):
        return members.create_member(ctx, members.MemberInput(
            name=name, markets=markets_, international_orientation=orientation))[0].id

    a = member("Aqua Filter ApS", ("DE", "SE"), "active")
    member("Blå Pumper A/S", ("DE",))
    c = member("Klar Miljø ApS", ())
    member("Nord Ventiler A/S", ())  # no interest: not in the matrix
    survey, _ = surveys.install_template(ctx, "member-needs-survey")
    for who, choices in ((a, ("DE",)), (c, ("NO", "DE"))):
        answers.save_answer_set(ctx, answers.AnswerSetInput(
            survey.id, who, answers={"markets": AnswerValue(choices=choices)}))
    markets.mark_target_market(ctx, TargetMarketInput("NO", "Aquaculture", date(2026, 6, 1)))
    markets.mark_target_market(ctx, TargetMarketInput("FR"))
    markets.create_analysis(ctx, AnalysisInput("Norway", country="NO", made_on=date(2026, 2, 1),
                                               attractiveness=3))
    markets.create_analysis(ctx, AnalysisInput("Norway again", country="NO", made_on=date(2026, 8, 1),
                                               attractiveness=4))

    overview = markets.market_overview(ctx)
    assert overview.members_total == 4
    assert [(x.code, x.members, x.is_target) for x in overview.matrix.countries] == [
        ("DE", 3, False), ("NO", 1, True), ("SE", 1, False), ("FR", 0, True)]
    assert overview.analyses["NO"].count == 2 and overview.analyses["NO"].latest_attractiveness == 4
    assert [r.name for r in overview.matrix.rows] == ["Aqua Filter ApS", "Blå Pumper A/S", "Klar Miljø ApS"]
    only_profiles = markets.market_overview(ctx, MatrixFilter(sources=frozenset({"profile"})))
    assert [(x.code, x.members) for x in only_profiles.matrix.countries][:2] == [("DE", 2), ("SE", 1)]
    active = markets.market_overview(ctx, MatrixFilter(orientation="active"))
    assert [r.name for r in active.matrix.rows] == ["Aqua Filter ApS"]
    assert [r.name for r in markets.market_overview(ctx, MatrixFilter(text="klar")).matrix.rows] == \
        ["Klar Miljø ApS"]

    path = tmp_path / "matrix.xlsx"
    assert write_market_matrix(path, overview) == [4, 3]
    book = load_workbook(path)
    countries = [[c.value for c in row] for row in book["Countries"].iter_rows()]
    assert countries[0][:4] == ["Country", "Code", "Members interested", "Share of members"]
    assert countries[1][:8] == ["Germany", "DE", 3, 0.75, 2, 2, 0, None]
    norway = countries[2]
    assert norway[:3] == ["Norway", "NO", 1] and norway[7] == "Yes"
    assert norway[8].date() == date(2026, 6, 1) and norway[9] == "Aquaculture"
    assert norway[10:] == [2, norway[11], 4] and norway[11].date() == date(2026, 8, 1)
    assert countries[4][:3] == ["France", "FR", 0]
    matrix = [[c.value for c in row] for row in book["Members x countries"].iter_rows()]
    assert matrix[0] == ["Member", "International orientation", "Markets", "Germany", "Norway",
                         "Sweden", "France"]
    assert matrix[1] == ["Aqua Filter ApS", "Active internationally", 2, "PS", None, "P", None]
    assert matrix[2] == ["Blå Pumper A/S", "Latent need", 1, "P", None, None, None]
    assert matrix[3] == ["Klar Miljø ApS", "Latent need", 2, "S", "S", None, None]
    assert book["Countries"].freeze_panes == "A2"
