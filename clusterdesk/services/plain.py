"""Loading a row without its eagerly loaded relationships."""

from __future__ import annotations

from sqlalchemy.orm import lazyload


def get_plain(session, model, key):
    """`session.get` that leaves relationships unloaded until touched: a Member otherwise
    brings its tags, contacts (with consents) and markets along, which a call screen or a
    batch of answers does not need."""
    return session.get(model, key, options=[lazyload("*")])
