"""Signed-in sessions: opening, finding the viewer of a request, revoking."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import bindparam, update
from sqlmodel import col, select

from portail.db.models import Account, AuthSession, Guardian, Household
from portail.resolvers.context import RequestContext, SessionCookie, Viewer
from portail.resolvers.households import forget_viewer_guardian, remember_viewer_guardian
from portail.rules.sessions import is_alive, session_expiry
from portail.rules.tokens import looks_like_token, new_token, token_hash

# A session's expiry slides with activity; writing it on every request would cost a write per
# read, so it is refreshed at most this often.
TOUCH_EVERY = timedelta(minutes=1)

# Every signed-in request runs this statement: built once (its hashed token bound), as the planning's
# (``resolvers/planning._PLANNING_QUERIES``), not rebuilt with its cache key for each request.
# A family's guardian and household come in the same statement: nearly every family request needs
# them next (the household's id scopes what it reads, its quotient prices the days).
_VIEWER_QUERY = (
    select(AuthSession, Account, Guardian, Household)
    .join(Account, col(Account.id) == AuthSession.account_id)
    .outerjoin(Guardian, col(Guardian.id) == Account.guardian_id)
    .outerjoin(Household, col(Household.id) == Guardian.household_id)
    .where(col(AuthSession.token_hash) == bindparam("token_hash"))
)


def _expiry(ctx: RequestContext, *, remember: bool) -> datetime:
    return session_expiry(
        ctx.now(),
        remember=remember,
        idle=ctx.settings.session_idle,
        remember_for=timedelta(days=ctx.settings.remember_me_days),
    )


async def open_session(ctx: RequestContext, account: Account, *, remember: bool, bearer: bool = False) -> str:
    """Open a session for ``account`` in the current transaction; returns its token.

    Browser sessions travel in the httpOnly cookie (set by the HTTP layer); a bearer session's
    token is handed to the caller instead and never put in a cookie.

    A session the request already carried (another account's, or the same one's) ends: the new
    one replaces it, so that signing in as someone else on a shared browser leaves nothing open.
    """
    if ctx.viewer is not None:
        await ctx.session.exec(
            update(AuthSession)
            .where(col(AuthSession.id) == ctx.viewer.session.id)
            .where(col(AuthSession.revoked_at).is_(None))
            .values(revoked_at=ctx.now())
        )
    token = new_token()
    session = AuthSession(
        token_hash=token_hash(token, ctx.settings.effective_secret_key),
        account_id=account.id,
        remember=remember,
        expires_at=_expiry(ctx, remember=remember),
        client_address=ctx.client_address[:64],
        user_agent=ctx.user_agent[:300],
    )
    ctx.session.add(session)
    account.last_login_at = ctx.now()
    if not bearer:
        ctx.cookie = SessionCookie(token=token, remember=remember)
    ctx.viewer = Viewer(account=account, session=session)
    forget_viewer_guardian(ctx)  # read with the session this one replaces
    return token


async def viewer_for_token(ctx: RequestContext, token: str | None) -> Viewer | None:
    """The viewer a session token signs in, or None when it is not a live session."""
    if not token or not looks_like_token(token):
        return None
    digest = token_hash(token, ctx.settings.effective_secret_key)
    # In the request's own read session: a query goes on in the same transaction and connection
    # (no second checkout and ping of the pool); a mutation ends it before its write transaction.
    row = (await ctx.session.exec(_VIEWER_QUERY, params={"token_hash": digest})).first()
    if row is None:
        return None
    auth, account, guardian, household = row
    now = ctx.now()
    if not is_alive(now, auth.expires_at, auth.revoked_at):
        return None
    if guardian is not None and household is not None:
        remember_viewer_guardian(ctx, guardian, household)
    if not auth.remember and now - auth.last_seen_at >= TOUCH_EVERY:
        auth.last_seen_at = now
        auth.expires_at = _expiry(ctx, remember=False)
        await ctx.end_reads()  # one connection at a time per request (see ``end_reads``)
        async with ctx.db.transaction() as session:
            await session.exec(
                update(AuthSession)
                .where(col(AuthSession.id) == auth.id)
                .values(last_seen_at=auth.last_seen_at, expires_at=auth.expires_at)
            )
    return Viewer(account=account, session=auth)


async def revoke_sessions(
    ctx: RequestContext, account_id: uuid.UUID, *, keep: uuid.UUID | None = None
) -> None:
    """End every live session of the account, but ``keep``."""
    query = (
        update(AuthSession)
        .where(col(AuthSession.account_id) == account_id)
        .where(col(AuthSession.revoked_at).is_(None))
        .values(revoked_at=ctx.now())
    )
    if keep is not None:
        query = query.where(col(AuthSession.id) != keep)
    await ctx.session.exec(query)
