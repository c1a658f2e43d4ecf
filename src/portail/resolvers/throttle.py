"""Sign-in throttling kept in the database, so that every server instance sees it."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import col, delete, select

from portail.db.engine import AsyncSession
from portail.db.models import LoginThrottle
from portail.resolvers.context import RequestContext
from portail.rules.devices import trusted_device
from portail.rules.throttle import (
    ThrottlePolicy,
    email_key,
    failures_now,
    just_locked,
    sign_in_keys,
    wait_after,
)

__all__ = ["blocked_until", "email_key", "forget", "keys_of_attempt", "record_failure"]


def keys_of_attempt(ctx: RequestContext, email: str, *, per_client: bool = True) -> list[str]:
    """The throttle keys of a sign-in attempt for ``email`` from this request (see the rule)."""
    device = trusted_device(
        ctx.device_cookie, email, ctx.settings.effective_secret_key, ctx.now(), ctx.settings.device_lifetime
    )
    return sign_in_keys(email, ctx.client_address, device, per_client=per_client)


def _policies(ctx: RequestContext) -> dict[str, ThrottlePolicy]:
    s = ctx.settings
    lock = timedelta(minutes=s.login_lock_minutes)
    account = ThrottlePolicy(s.login_account_free_failures, s.login_account_lock_failures, lock)
    return {
        # Untrusted clients of an address together, and each trusted device on its own, get what one
        # account was allowed before device cookies.
        "email": account,
        "device": account,
        # An address may be a whole school's or office's NAT: more room before it waits.
        "address": ThrottlePolicy(s.login_address_lock_failures // 2, s.login_address_lock_failures, lock),
        # Self-registrations from one client address, each counted whether kept or refused.
        "registration": ThrottlePolicy(
            s.registration_address_free_attempts,
            s.registration_address_lock_attempts,
            timedelta(minutes=s.registration_lock_minutes),
        ),
    }


async def blocked_until(ctx: RequestContext, keys: list[str]) -> datetime | None:
    """The latest time any of ``keys`` must wait until, if one is waiting now."""
    rows = (await ctx.session.exec(select(LoginThrottle).where(col(LoginThrottle.key).in_(keys)))).all()
    now = ctx.now()
    waits = [r.blocked_until for r in rows if r.blocked_until and r.blocked_until > now]
    return max(waits) if waits else None


async def record_failure(session: AsyncSession, ctx: RequestContext, key: str) -> bool:
    """Count one failure (for ``registration:`` keys, one attempt) of ``key``; True when this one
    locks it."""
    policy = _policies(ctx)[key.split(":", 1)[0]]
    now = ctx.now()
    # Make sure the row exists, then lock it: two failures at once must both be counted.
    insert = sqlite_insert if session.get_bind().dialect.name == "sqlite" else pg_insert
    await session.exec(insert(LoginThrottle).values(key=key, failures=0).on_conflict_do_nothing())
    row = (await session.exec(select(LoginThrottle).where(LoginThrottle.key == key).with_for_update())).one()
    row.failures = failures_now(row.failures, row.last_failure_at, now) + 1
    row.last_failure_at = now
    row.blocked_until = now + wait_after(row.failures, policy)
    await session.flush()
    return just_locked(row.failures, policy)


async def forget(ctx: RequestContext, key: str) -> None:
    """Clear ``key``'s failures (after a successful sign-in or a password reset)."""
    await ctx.session.exec(delete(LoginThrottle).where(col(LoginThrottle.key) == key))
