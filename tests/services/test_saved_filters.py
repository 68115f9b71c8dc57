"""Saved filters live in the workspace: everyone working in it sees them."""

from __future__ import annotations

import pytest

from clusterdesk.services import saved_filters
from clusterdesk.services.context import ServiceContext
from clusterdesk.services.errors import ValidationError


def test_save_list_replace_and_delete(ctx):
    info, changes = saved_filters.save_filter(ctx, "members", " Phone  campaign ", {"orientation": "latent"})
    assert changes.touches("saved_filters")
    assert info.name == "Phone campaign" and info.updated_by == "Tester (TT)"
    saved_filters.save_filter(ctx, "members", "Board", {"tag": "board member"})
    saved_filters.save_filter(ctx, "activities", "Other list", {"text": "x"})
    assert [f.name for f in saved_filters.list_saved_filters(ctx, "members")] == ["Board", "Phone campaign"]
    replaced, _ = saved_filters.save_filter(ctx, "members", "phone CAMPAIGN", {"orientation": "defined"})
    assert replaced.id == info.id and replaced.criteria == {"orientation": "defined"}
    assert len(saved_filters.list_saved_filters(ctx, "members")) == 2
    saved_filters.delete_saved_filter(ctx, info.id)
    assert [f.name for f in saved_filters.list_saved_filters(ctx, "members")] == ["Board"]


def test_a_colleague_sees_the_saved_filter(ctx):
    saved_filters.save_filter(ctx, "members", "Export-ready SMEs", {"kind": "sme", "tag": "export-ready"})
    colleague = ServiceContext(ctx.workspace, "Jonas Bech (JB)")
    [shared] = saved_filters.list_saved_filters(colleague, "members")
    assert shared.criteria == {"kind": "sme", "tag": "export-ready"} and shared.updated_by == "Tester (TT)"


def test_refuses_nameless_or_empty_filters(ctx):
    with pytest.raises(ValidationError, match="name"):
        saved_filters.save_filter(ctx, "members", "  ", {"kind": "sme"})
    with pytest.raises(ValidationError, match="nothing to save"):
        saved_filters.save_filter(ctx, "members", "Everything", {})
