"""Success stories: refused fields named, saved with exact money, never overwritten silently,
binned and restored, found with Ctrl+K, and erased with the person they quote."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from clusterdesk.domain.money import Money
from clusterdesk.services import privacy, success_stories
from clusterdesk.services.contacts import ContactInput, create_contact
from clusterdesk.services.errors import ConflictError, ValidationError
from clusterdesk.services.members import MemberInput, create_member
from clusterdesk.services.search import search_everything
from clusterdesk.services.success_stories import StoryFilter, StoryInput


@pytest.fixture
def member(ctx):
    return create_member(ctx, MemberInput(name="Passat Energi A/S", country="DK"))[0]


def test_a_story_is_refused_field_by_field(ctx, member):
    with pytest.raises(ValidationError) as refused:
        success_stories.create_story(ctx, StoryInput(
            " ", status="published", value=Money.of("-5", "DKK"), happened_on=date(2027, 1, 1)))
    assert set(refused.value.errors) == {"title", "value", "happened_on", "member_id", "text"}
    with pytest.raises(ValidationError) as refused:
        success_stories.create_story(ctx, StoryInput("A draft", status="draft", published_on=date(2026, 11, 1)))
    assert "set the status to Published" in refused.value.errors["published_on"]


def test_a_story_saved_found_and_not_overwritten(ctx, member):
    story, changes = success_stories.create_story(ctx, StoryInput(
        "Danish heating for a hotel in Beijing", member.id, "published", "Beijing Green Building Institute",
        "China", Money.of("1200000", "DKK"), text="An official collaboration.\n\nSigned in the spring.",
        quote="We would not have found them alone.", quote_by="Li Wei, director"))
    assert changes.touches("success_stories")
    data = story.data
    assert data.published_on == ctx.today()  # published now, since no date was given
    assert data.value == Money.of("1200000.00", "DKK") and story.member_name == "Passat Energi A/S"
    rows = success_stories.list_stories(ctx, StoryFilter("beijing passat"))
    assert [r.title for r in rows] == ["Danish heating for a hotel in Beijing"]
    assert success_stories.list_stories(ctx, StoryFilter(status="draft")) == []
    hits = [h for h in search_everything(ctx, "heating hotel") if h.kind == "success_story"]
    assert hits and hits[0].id == story.id and hits[0].tab == "evaluations"
    colleague = replace(ctx, actor="Jonas Bech (JB)")
    success_stories.update_story(colleague, story.id, replace(data, partner="BGBI"))
    with pytest.raises(ConflictError) as conflict:
        success_stories.update_story(ctx, story.id, replace(data, partner="Beijing GBI"))
    assert conflict.value.differences["partner"] == ("BGBI", "Beijing GBI")


def test_the_bin_and_back(ctx, member):
    story, _ = success_stories.create_story(ctx, StoryInput("An idea", member.id))
    success_stories.delete_story(ctx, story.id)
    assert success_stories.list_stories(ctx) == []
    assert [r.id for r in success_stories.list_stories(ctx, StoryFilter(deleted=True))] == [story.id]
    success_stories.restore_story(ctx, story.id)
    assert [r.id for r in success_stories.list_stories(ctx)] == [story.id]


def test_erasing_a_contact_removes_them_from_the_story(ctx, member):
    contact, _ = create_contact(ctx, member.id, ContactInput(name="Søren Ørsted", email="so@passat.example"))
    story, _ = success_stories.create_story(ctx, StoryInput(
        "Passat heats up China", member.id, "approved", text="Søren Ørsted led the talks in Beijing.",
        quote="It took one trip.", quote_by="Søren Ørsted, CEO"))
    privacy.erase_contact(ctx, contact.id, "request")
    data = success_stories.get_story(ctx, story.id).data
    assert "Søren" not in data.text and "Søren" not in data.quote_by
    assert privacy.ERASED_TEXT in data.text and data.quote == "It took one trip."
