"""Reading Relay connections in tests, as a client pages a list."""

from __future__ import annotations

from typing import Any


def nodes(connection: dict[str, Any]) -> list[Any]:
    """The items of a page (``edges { node }``), in order."""
    return [edge["node"] for edge in connection["edges"]]


def has_next(connection: dict[str, Any]) -> bool:
    return connection["pageInfo"]["hasNextPage"]


def end_cursor(connection: dict[str, Any]) -> str | None:
    return connection["pageInfo"]["endCursor"]
