"""What every use case receives: the database, the viewer, settings and side-effect hooks."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from portail.adapters.payfip import PayfipClient
from portail.clock import Clock
from portail.db.engine import AsyncSession, Database
from portail.db.models import Account, AuthSession
from portail.rules.validity import town_date
from portail.settings import Settings

log = logging.getLogger("portail")


@dataclass
class Viewer:
    """The signed-in account and the session it signed in with."""

    account: Account
    session: AuthSession

    @property
    def is_staff(self) -> bool:
        return self.account.is_staff or self.account.is_admin

    @property
    def is_family(self) -> bool:
        return self.account.guardian_id is not None


@dataclass
class SessionCookie:
    """What the HTTP layer must do with the session cookie once the request is answered."""

    token: str | None  # None: clear the cookie
    remember: bool = False


@dataclass
class RequestContext:
    """The request as the use cases see it (no HTTP, no GraphQL)."""

    db: Database
    settings: Settings
    clock: Clock
    request_id: str
    client_address: str = ""
    user_agent: str = ""
    viewer: Viewer | None = None
    # Set by login/logout/confirmAccount; applied to the HTTP response by the schema layer.
    cookie: SessionCookie | None = None
    # The device cookie the request carried (see rules.devices), and its new value to set, if any.
    device_cookie: str = ""
    new_device_cookie: str | None = None
    # Work to do in a fresh transaction when the mutation's own one rolls back (e.g. counting a
    # failed sign-in, which must be kept although the mutation wrote nothing).
    after_rollback: list[Callable[[AsyncSession], Awaitable[None]]] = field(default_factory=list)
    # PayFiP's web service (or our sandbox), for the use cases that pay.
    payfip: PayfipClient | None = None
    # Called after a commit that queued mail (``mail_queued``) or work for the mail worker's jobs
    # (``jobs_queued``, e.g. a password reset request): ``wake_mail(jobs_queued)``.
    wake_mail: Callable[[bool], None] = lambda jobs: None
    mail_queued: bool = False
    jobs_queued: bool = False
    # Per-request memo of batch loads (e.g. a household's whole record), so that a list query
    # issues a fixed number of statements however many items it has.
    cache: dict[object, asyncio.Future[Any]] = field(default_factory=dict)
    # Staff changed the catalogue in this request: it is read from the request's own transaction,
    # not from the process's copy (``catalogue_reading.load_catalogue``).
    catalogue_changed: bool = False
    _session: AsyncSession | None = None
    _read_session: AsyncSession | None = None

    @property
    def session(self) -> AsyncSession:
        """The current session: the mutation's transaction, or the request's read session."""
        if self._session is not None:
            return self._session
        if self._read_session is None:
            self._read_session = self.db.read_sessions()
        return self._read_session

    @property
    def in_transaction(self) -> bool:
        """Whether a mutation's write transaction is under way."""
        return self._session is not None

    def now(self) -> datetime:
        return self.clock.now()

    async def end_reads(self) -> None:
        """End the read session's transaction, if one is open (its rows stay usable): before a
        write transaction, so that the request holds one connection at a time, and so that what it
        reads afterwards (SQLite keeps a transaction's snapshot) includes what it wrote."""
        session = self._read_session
        if session is not None and session.in_transaction():
            # Detached first: a rollback would expire them (the viewer's account, a memo's rows).
            session.expunge_all()
            await session.rollback()

    async def close(self) -> None:
        """Give the read session's connection back; a connection lost meanwhile is only logged.

        This runs after the answer is built: a failure here must not turn an answered request
        into an error (the pool discards the dead connection either way).
        """
        session, self._read_session = self._read_session, None
        if session is None:
            return
        try:
            await session.close()
        except Exception:
            log.warning("request %s: closing its database session failed", self.request_id, exc_info=True)


def today(ctx: RequestContext) -> date:
    """The town's date at the time of the request."""
    return town_date(ctx.now())
