"""Loads done once per request, however many GraphQL fields ask for them."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

from portail.resolvers.context import RequestContext

T = TypeVar("T")


async def memo(ctx: RequestContext, key: tuple[object, ...], load: Callable[[], Awaitable[T]]) -> T:
    """``load()`` once per request under ``key``.

    Sibling GraphQL fields resolve concurrently, so the first call's future is kept and the
    others await it (a plain result cache would let them all miss together).
    """
    future = ctx.cache.get(key)
    if future is None:
        future = asyncio.ensure_future(load())
        ctx.cache[key] = future
    result: T = await future  # the future load() made for this key
    return result


def remember(ctx: RequestContext, key: tuple[object, ...], value: T) -> None:
    """Keep ``value`` as ``memo``'s result for ``key`` (something read along with another load)."""
    if key not in ctx.cache:
        future: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        future.set_result(value)
        ctx.cache[key] = future
