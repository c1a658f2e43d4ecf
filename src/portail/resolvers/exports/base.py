"""What every export shares: a row source read in keyset pages, and the CSV written from it.

An export is a ``page`` function (one SQL statement or two, whatever the page's size: the rows after a
sort key, in a stable order), the ``key`` of a row in that order, and its CSV columns. The GraphQL
connection asks one page of ``first`` rows after its cursor; the CSV link walks every page of
``CHUNK`` rows and writes each as it comes, so an export of 100,000 rows never holds more than one
chunk in memory.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from portail.resolvers.context import RequestContext
from portail.rules import csv_format

Row = TypeVar("Row")
Key = tuple[Any, ...]
CHUNK = 1000

# The rows of ``params`` after ``key`` (None: from the start), at most ``limit`` of them.
PageReader = Callable[[RequestContext, Any, Key | None, int], Awaitable[list[Row]]]


@dataclass(frozen=True)
class Export(Generic[Row]):
    """One export: how to read it a page at a time, and how its CSV looks."""

    kind: str
    page: PageReader[Row]
    key: Callable[[Row], Key]
    columns: Sequence[csv_format.Column[Row]]
    filename: Callable[[Any], str]


@dataclass
class Page(Generic[Row]):
    rows: list[Row]
    has_next: bool


async def read_page(
    ctx: RequestContext, export: Export[Row], params: Any, after: Key | None, first: int
) -> Page[Row]:
    """One page of ``first`` rows (1 to 100) after ``after``, as a connection shows it."""
    limit = max(1, min(first, 100))
    rows = await export.page(ctx, params, after, limit + 1)
    return Page(rows[:limit], len(rows) > limit)


async def every_chunk(
    ctx: RequestContext, export: Export[Row], params: Any, chunk: int = CHUNK
) -> AsyncIterator[list[Row]]:
    """Every row of the export, ``chunk`` at a time, by the same keyset pages the connection reads."""
    after: Key | None = None
    while True:
        rows = await export.page(ctx, params, after, chunk)
        if rows:
            yield rows
        if len(rows) < chunk:
            return
        after = export.key(rows[-1])


async def csv_text(
    ctx: RequestContext, export: Export[Row], params: Any, chunk: int = CHUNK
) -> AsyncIterator[bytes]:
    """The CSV file of the export, encoded, a chunk of rows at a time: the BOM and headers first."""
    yield csv_format.header(export.columns).encode()
    async for rows in every_chunk(ctx, export, params, chunk):
        yield csv_format.records(export.columns, rows).encode()
