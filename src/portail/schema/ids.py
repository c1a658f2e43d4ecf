"""Opaque ids: random UUIDs as strings; anything else is simply not found."""

from __future__ import annotations

import uuid

import strawberry


def to_id(value: uuid.UUID) -> strawberry.ID:
    return strawberry.ID(str(value))


def parse_id(value: str | None) -> uuid.UUID | None:
    """The UUID behind an id, or None when it cannot be one of ours (then: not found)."""
    if not value or len(value) > 64:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        return None
