"""The outbox: mails written in the caller's transaction, delivered later by the worker.

Delivery claims a batch of due mails in one statement (an ``UPDATE … RETURNING`` of the rows a
``SELECT … LIMIT n FOR UPDATE SKIP LOCKED`` picks: on PostgreSQL several instances never claim the
same mail), which counts their attempt and pushes their next one past a lease, and commits. It then
sends them one by one and records the batch in one transaction: the sent mails, the failure that
stopped it (the SMTP server is likely down: the rest is left for the next round), and the claimed
mails it did not try, released with their attempt uncounted. A mail sent is recorded as sent even
when a later one fails, so it never goes twice for that. A crash (or a send cancelled at shutdown)
leaves the batch claimed: its mails go again when the lease ends, with the same Message-ID (at
least once).

The worker is woken after each commit that queued mail, then waits a moment
(``mail_wake_delay_seconds``) before its round: the round no longer runs on the heels of the
request, taking the event loop from the client's next request, and the mails of the commits of
that moment go in one round. Building a message (``email``: CPU) and writing it to a file happen in
a thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import math
import uuid
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid
from typing import Any

from sqlalchemy import event
from sqlalchemy import insert as sa_insert
from sqlalchemy.orm import Session
from sqlmodel import col, select, update

from portail.adapters.mail.senders import MailSender
from portail.adapters.mail.templates import render
from portail.db.engine import AsyncSession, Database
from portail.db.models import OutboxMail
from portail.db.models.base import utcnow
from portail.rules.retry import retry_delay

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=5)
# Mails claimed at once. The sends of a batch must end well within the lease (they stop at half of
# it, see deliver_due); a crash re-sends at most this many.
BATCH = 20
STOP_GRACE_SECONDS = 5.0
# The sessions here hold no objects to keep in step with their UPDATEs (which could cost a SELECT).
_NO_SYNC = {"synchronize_session": False}


def enqueue(
    session: AsyncSession, *, template: str, to: str, context: dict[str, Any], now: datetime | None = None
) -> OutboxMail:
    """Render ``template`` for ``to`` and add it to the outbox in ``session``'s transaction.

    ``now`` is the server's clock (the one the worker reads to find mail that is due): a mail must
    be due at once on that clock, whatever the wall clock says.
    """
    mail = render(template, context)
    moment = now or utcnow()
    row = OutboxMail(
        template=template,
        recipient=to,
        subject=mail.subject,
        body_text=mail.text,
        body_html=mail.html,
        message_id=make_msgid(domain="portail-familles"),
        created_at=moment,
        next_attempt_at=moment,
    )
    if not session.in_transaction():
        # Begun now (no I/O), so that a rollback forgets the mail even before any statement ran.
        session.sync_session.begin()
    session.info.setdefault(_QUEUED, []).append(row)
    return row


# The mails a session's transaction queued, written as it commits (``_write_queued``) and forgotten
# if it rolls back: one Core INSERT instead of the ORM's unit of work for objects nothing reads again
# (half a millisecond of Python per booking request). The rows returned keep their id and Message-ID.
_QUEUED = "portail.outbox.queued"


@event.listens_for(Session, "before_commit")
def _write_queued(session: Session) -> None:
    queued: list[OutboxMail] | None = session.info.pop(_QUEUED, None)
    if queued:
        columns = OutboxMail.__table__.columns  # type: ignore[attr-defined]
        rows = [{c.key: getattr(mail, c.key) for c in columns} for mail in queued]
        session.connection().execute(sa_insert(OutboxMail.__table__), rows)  # type: ignore[attr-defined]


@event.listens_for(Session, "after_soft_rollback")
def _forget_queued(session: Session, _previous: Any) -> None:
    # Any rollback, even of a transaction that never reached the database (no SAVEPOINT is used).
    session.info.pop(_QUEUED, None)


def build_message(row: OutboxMail, sender: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = formataddr(("", row.recipient))
    message["Subject"] = row.subject
    message["Message-ID"] = row.message_id
    message["Date"] = format_datetime(row.created_at)
    message.set_content(row.body_text)
    message.add_alternative(row.body_html, subtype="html")
    return message


async def _claim(db: Database, now: datetime, limit: int = BATCH) -> list[OutboxMail]:
    """Claim up to ``limit`` due mails, oldest first, in one statement of its own transaction
    (``WITH due AS MATERIALIZED (SELECT … FOR UPDATE SKIP LOCKED) UPDATE … FROM due RETURNING``)."""
    due = (
        select(col(OutboxMail.id))
        .where(col(OutboxMail.sent_at).is_(None))
        .where(col(OutboxMail.failed_at).is_(None))
        .where(col(OutboxMail.next_attempt_at) <= now)
        .order_by(col(OutboxMail.next_attempt_at), col(OutboxMail.created_at))
        .limit(limit)
        .with_for_update(skip_locked=True)
        # Run once: as ``IN (subquery)``, PostgreSQL may run the subquery again for each row it
        # scans (a nested loop, with an outbox its statistics think empty), locking other rows.
        .cte("due")
        .prefix_with("MATERIALIZED")
    )
    claim = (
        update(OutboxMail)
        .where(col(OutboxMail.id) == due.c.id)
        .values(attempts=col(OutboxMail.attempts) + 1, next_attempt_at=now + LEASE)
        .returning(OutboxMail)
        .execution_options(**_NO_SYNC)
    )
    async with db.transaction() as session:
        rows = list((await session.exec(claim)).scalars())
    # RETURNING comes in no particular order.
    return sorted(rows, key=lambda row: row.created_at)


async def _record(
    db: Database,
    sent: list[uuid.UUID],
    failure: tuple[OutboxMail, str] | None,
    untried: list[uuid.UUID],
    max_attempts: int,
    now: datetime,
    claimed_at: datetime,
) -> None:
    """Record a batch's outcome in one transaction (at most three statements)."""
    async with db.transaction() as session:
        if sent:
            await session.exec(
                update(OutboxMail)
                .where(col(OutboxMail.id).in_(sent))
                .values(sent_at=now, last_error="")
                .execution_options(**_NO_SYNC)
            )
        if failure is not None:
            row, error = failure
            if row.attempts >= max_attempts:
                outcome: dict[str, Any] = {"failed_at": now}
            else:
                outcome = {"next_attempt_at": now + retry_delay(row.attempts)}
            await session.exec(
                update(OutboxMail)
                .where(col(OutboxMail.id) == row.id)
                .values(last_error=error[:500], **outcome)
                .execution_options(**_NO_SYNC)
            )
        if untried:
            # Claimed but never tried: due again (as when claimed), the attempt not counted.
            await session.exec(
                update(OutboxMail)
                .where(col(OutboxMail.id).in_(untried))
                .values(attempts=col(OutboxMail.attempts) - 1, next_attempt_at=claimed_at)
                .execution_options(**_NO_SYNC)
            )


async def deliver_due(
    db: Database,
    sender: MailSender,
    *,
    mail_from: str,
    max_attempts: int = 12,
    limit: int = 100,
    batch: int = BATCH,
    now: Callable[[], datetime] = utcnow,
    stopping: Callable[[], bool] = lambda: False,
) -> int:
    """Deliver the mails that are due, a batch at a time; returns how many went out.

    A batch smaller than asked for was all there was: no further (empty) claim. ``stopping`` ends
    the sends between two mails (shutdown), recording what went out.
    """
    delivered = 0
    while delivered < limit and not stopping():
        size = min(batch, limit - delivered)
        claimed_at = now()
        rows = await _claim(db, claimed_at, size)
        if not rows:
            break
        sent: list[uuid.UUID] = []
        failure: tuple[OutboxMail, str] | None = None
        for row in rows:
            # A slow server must not let the lease run out under a mail not yet sent (another
            # instance would claim it too).
            if stopping() or now() - claimed_at > LEASE / 2:
                break
            try:
                await sender.send(functools.partial(build_message, row, mail_from))
            except Exception as exc:
                log.warning("mail %s to %s not delivered: %s", row.id, row.recipient, exc)
                failure = (row, f"{type(exc).__name__}: {exc}")
                break
            sent.append(row.id)
        tried = len(sent) + (failure is not None)
        untried = [row.id for row in rows[tried:]]
        await _record(db, sent, failure, untried, max_attempts, now(), claimed_at)
        delivered += len(sent)
        if tried < len(rows) or len(rows) < size:
            break
    return delivered


class MailWorker:
    """Delivers the outbox in the background: woken after each commit, and polling.

    Each round first runs ``jobs``, queued work that may write mail (e.g. password reset requests),
    unless it was woken only by commits that queued nothing but mail: the jobs run on every poll,
    at least every ``poll_seconds`` however often mail wakes the worker, and on every ``wake()``
    that asks for them.
    """

    def __init__(
        self,
        db: Database,
        sender: MailSender,
        *,
        mail_from: str,
        poll_seconds: float,
        max_attempts: int,
        wake_delay: float = 0.0,
        now: Callable[[], datetime] = utcnow,
        jobs: Sequence[Callable[[], Awaitable[object]]] = (),
    ) -> None:
        self.now = now
        self.jobs = tuple(jobs)
        self.db = db
        self.sender = sender
        self.mail_from = mail_from
        self.poll_seconds = poll_seconds
        self.max_attempts = max_attempts
        self.wake_delay = wake_delay
        # The loop waits for work (a wake, the poll, or the moment after a wake), not in a round.
        self.idle = False
        # Set once the first round is over: the jobs have run once (a test may wait for it).
        self.first_round_done = asyncio.Event()
        self._wake = asyncio.Event()
        self._jobs_wanted = True
        self._jobs_ran_at = -math.inf
        self._task: asyncio.Task[None] | None = None
        self._stopping = asyncio.Event()

    def wake(self, jobs: bool = True) -> None:
        """Deliver soon; ``jobs=False``: only mail was queued, the jobs may wait for the poll."""
        self._jobs_wanted = self._jobs_wanted or jobs
        self._wake.set()

    async def run_once(self) -> int:
        moment = asyncio.get_running_loop().time()
        if self._jobs_wanted or moment - self._jobs_ran_at >= self.poll_seconds:
            self._jobs_wanted, self._jobs_ran_at = False, moment
            for job in self.jobs:
                try:
                    await job()
                except Exception:  # one job's failure must not stop the deliveries
                    log.exception("background job of the mail worker failed")
        return await deliver_due(
            self.db,
            self.sender,
            mail_from=self.mail_from,
            max_attempts=self.max_attempts,
            now=self.now,
            stopping=self._stopping.is_set,
        )

    async def _loop(self) -> None:
        while not self._stopping.is_set():
            self.idle = False
            try:
                await self.run_once()
            except Exception:  # the loop must survive a database hiccup
                log.exception("mail delivery round failed")
            self.first_round_done.set()
            self.idle = True
            if self._stopping.is_set():
                break
            try:
                await asyncio.wait_for(self._wake.wait(), timeout=self.poll_seconds)
            except TimeoutError:
                self._jobs_wanted = True  # the poll
            else:
                # Let the request that woke us answer, and its neighbours commit, first.
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stopping.wait(), timeout=self.wake_delay)
            self._wake.clear()

    def start(self) -> None:
        if self._task is None:
            self._stopping.clear()
            self._task = asyncio.create_task(self._loop(), name="mail-worker")

    async def stop(self) -> None:
        """Stop the loop after the delivery under way (at most ``STOP_GRACE_SECONDS``).

        A round under way stops sending between two mails and records what went out. On Python
        3.11 ``asyncio.wait_for`` may swallow a cancellation that lands as what it waits for
        completes (fixed in 3.12), so one ``cancel()`` is not enough: the loop also checks a flag,
        and the task is cancelled again until it ends.
        """
        if self._task is None:
            return
        self._stopping.set()
        self._wake.set()
        task, self._task = self._task, None
        # Let a delivery under way finish (cancelled mid-round, its session could hold the database's
        # write lock past the shutdown); only a round stuck on a dead SMTP server is cancelled.
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(task), timeout=STOP_GRACE_SECONDS)
        while not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, TimeoutError):
                await asyncio.wait_for(asyncio.shield(task), timeout=1)
        with contextlib.suppress(asyncio.CancelledError):
            await task
