"""Every list that pages, one way: Relay connections and one opaque cursor codec.

A list answers ``edges { cursor node }``, ``pageInfo { hasNextPage endCursor }`` (and ``totalCount``
where counting is cheap); the next page is asked with ``first`` and ``after: endCursor``, so Apollo, urql
and Relay clients page every list alike.

A cursor is opaque to clients: base64url (no padding) of a versioned JSON array naming the list and
the sort key of the row it points after (e.g. ``[1, "documents", "2026-09-01T08:00:00+00:00", "…id…"]``).
Naming the list keeps one list's cursor from being read by another; a cursor that does not decode is
refused with ``INVALID`` on ``after`` (reading from the start again is the cure).

We do not use ``strawberry.relay``: it also brings the ``Node`` interface and global ids
(``base64("Type:pk")``), while our ids are already opaque UUIDs and our resolvers page by sort key in
SQL. A plain generic connection gives the same shape to clients with none of that.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar

import strawberry

from portail.resolvers.errors import ErrorCode, UserErrors

MAX_PAGE = 100
CURSOR_VERSION = 1

PageSize = Annotated[int, strawberry.argument(description="Page size (1 to 100).")]
After = Annotated[
    str | None, strawberry.argument(description="`pageInfo.endCursor` of the previous page; null: the first.")
]

T = TypeVar("T")
Row = TypeVar("Row")


def page_size(first: int) -> int:
    """``first`` brought within 1 to ``MAX_PAGE``."""
    return max(1, min(first, MAX_PAGE))


@strawberry.type(description="Where a page stands in its list.")
class PageInfo:
    has_next_page: bool = strawberry.field(
        description="Whether more follow (ask again with `after: endCursor`)."
    )
    end_cursor: str | None = strawberry.field(description="The cursor of the last edge (null: empty page).")


@strawberry.type(description="An item of a page, with the cursor pointing after it.")
class Edge(Generic[T]):
    cursor: str = strawberry.field(description="Pass as `after` to read the items that follow this one.")
    node: T = strawberry.field(description="The item.")


@strawberry.type(description="A page of a list (Relay connection).")
class Connection(Generic[T]):
    edges: list[Edge[T]] = strawberry.field(description="The items of this page, in the list's order.")
    page_info: PageInfo = strawberry.field(description="Whether more follow, and from where.")


# ---------------------------------------------------------------------------------------------
# The cursor codec


def _plain(value: Any) -> Any:
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def encode_cursor(kind: str, key: Sequence[Any]) -> str:
    """The opaque cursor of the row whose sort key is ``key``, in the list ``kind``."""
    raw = json.dumps([CURSOR_VERSION, kind, *(_plain(v) for v in key)], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _aware(value: str) -> datetime.datetime:
    moment = datetime.datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError(value)
    return moment


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(value)
    return value


def _day(value: Any) -> datetime.date:
    if not isinstance(value, str):
        raise ValueError(value)
    return datetime.date.fromisoformat(value)


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(value)
    return value


# How each part of a sort key is read back.
AT: Callable[[Any], Any] = _aware
ID: Callable[[Any], Any] = uuid.UUID
INT: Callable[[Any], Any] = _int
TEXT: Callable[[Any], Any] = _str
DAY: Callable[[Any], Any] = _day


def decode_cursor(
    cursor: str | None, kind: str, parts: Sequence[Callable[[Any], Any]], field: str = "after"
) -> tuple[Any, ...] | None:
    """The sort key ``encode_cursor(kind, …)`` put in ``cursor``; None for no cursor.

    Anything else (altered, from another list, an older format) is refused with ``INVALID`` on
    ``field``: the user's to fix by reading the list from the start.
    """
    if cursor is None:
        return None
    try:
        decoded = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if (
            not isinstance(decoded, list)
            or decoded[:2] != [CURSOR_VERSION, kind]
            or len(decoded) != 2 + len(parts)
        ):
            raise ValueError(cursor)
        return tuple(parse(value) for parse, value in zip(parts, decoded[2:], strict=True))
    except (ValueError, TypeError, AttributeError, binascii.Error, UnicodeDecodeError) as exc:
        raise UserErrors.one(
            field, ErrorCode.INVALID, "Curseur invalide : reprenez la liste depuis le début."
        ) from exc


# ---------------------------------------------------------------------------------------------
# What a connection's resolver uses: one list's cursors, its page, an empty page

C = TypeVar("C", bound="Connection[Any]")


@dataclass(frozen=True)
class Cursors:
    """The cursors of one list: its name in the codec and how each part of its sort key is read back.

    Declared once per list, so the cursor a page hands out and the one the next request brings back
    are read under the same name and parts (a mismatch would refuse every second page).
    """

    kind: str
    parts: tuple[Callable[[Any], Any], ...]

    def decode(self, after: str | None) -> tuple[Any, ...] | None:
        """The sort key to read after (None: from the start); a bad cursor is ``INVALID`` on ``after``."""
        return decode_cursor(after, self.kind, self.parts)

    def connection(
        self,
        connection: type[C],
        rows: Sequence[Row],
        key: Callable[[Row], Sequence[Any]],
        node: Callable[[Row], Any],
        has_next_page: bool,
        **extra: Any,
    ) -> C:
        """The page of ``rows``: one edge per row, its cursor made of ``key(row)``, its node ``node(row)``.

        ``extra`` takes the fields a connection adds to the Relay ones (``total_count``).
        """
        items = [Edge(cursor=encode_cursor(self.kind, key(r)), node=node(r)) for r in rows]
        end_cursor = items[-1].cursor if items else None
        return connection(
            edges=items, page_info=PageInfo(has_next_page=has_next_page, end_cursor=end_cursor), **extra
        )


def empty(connection: type[C]) -> C:
    """A page with nothing in it, e.g. for a filter on an id that cannot exist."""
    return connection(edges=[], page_info=PageInfo(has_next_page=False, end_cursor=None))
