"""One transaction per mutation: the single place that commits."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from portail.resolvers.context import RequestContext
from portail.resolvers.errors import UserErrors
from portail.resolvers.households import carry_viewer_guardian

T = TypeVar("T")


async def in_transaction(ctx: RequestContext, use_case: Callable[[], Awaitable[T]]) -> T:
    """Run ``use_case`` in one write transaction.

    It commits when the use case returns, and rolls back everything when it raises (a
    ``UserErrors`` included: refused input writes nothing). Work registered in
    ``ctx.after_rollback`` then runs in a transaction of its own.
    """
    previous = ctx._session
    ctx.mail_queued = ctx.jobs_queued = False
    await ctx.end_reads()
    try:
        async with ctx.db.write_sessions() as session:
            ctx._session = session
            try:
                async with session.begin():
                    # Read outside this transaction: read again within it if the use case asks, but
                    # for the viewer's guardian and household, which the session lookup has just read.
                    carry_viewer_guardian(ctx, session)
                    result = await use_case()
            finally:
                ctx._session = previous
    except UserErrors:
        await _run_after_rollback(ctx)
        raise
    if ctx.mail_queued or ctx.jobs_queued:
        # A commit that queued only mail lets the worker's jobs wait for its poll.
        ctx.wake_mail(ctx.jobs_queued)
    ctx.after_rollback.clear()
    return result


async def _run_after_rollback(ctx: RequestContext) -> None:
    tasks, ctx.after_rollback = ctx.after_rollback, []
    if not tasks:
        return
    async with ctx.db.transaction() as session:
        for task in tasks:
            await task(session)
    ctx.wake_mail(False)
