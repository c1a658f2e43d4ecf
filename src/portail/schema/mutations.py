"""What every mutation shares: its use case run in one transaction, refusals turned into errors."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from portail.resolvers.errors import UserErrors
from portail.resolvers.transactions import in_transaction
from portail.schema.context import Info
from portail.schema.errors import UserError

T = TypeVar("T")


async def run_mutation(info: Info, use_case: Callable[[], Awaitable[T]]) -> tuple[T | None, list[UserError]]:
    """Run a use case in the mutation's transaction; refused input comes back as errors (nothing
    written), and the session cookie a sign-in or sign-out set is applied either way."""
    try:
        result = await in_transaction(info.context.app, use_case)
    except UserErrors as refused:
        info.context.apply_cookie()
        return None, UserError.from_errors(refused)
    info.context.apply_cookie()
    return result, []


async def run_steps(info: Info, use_case: Callable[[], Awaitable[T]]) -> tuple[T | None, list[UserError]]:
    """Run a use case that opens its own transactions (it calls a service between them, e.g. PayFiP,
    which no database transaction should wait on); refused input comes back as errors."""
    try:
        return await use_case(), []
    except UserErrors as refused:
        return None, UserError.from_errors(refused)
