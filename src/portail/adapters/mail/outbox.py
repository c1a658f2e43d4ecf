"""The outbox: mails written in the caller's transaction, delivered later by the worker.

Delivery claims one due mail at a time (``FOR UPDATE SKIP LOCKED`` on PostgreSQL, so several
instances never claim the same one), pushes its next attempt past a lease, commits, sends, then
records the result. A crash mid-send leaves the mail claimed: it is retried when the lease ends,
with the same Message-ID.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid
from typing import Any

from sqlmodel import col, select

from portail.adapters.mail.senders import MailSender
from portail.adapters.mail.templates import render
from portail.db.engine import AsyncSession, Database
from portail.db.models import OutboxMail
from portail.db.models.base import utcnow
from portail.rules.retry import retry_delay

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=5)
STOP_GRACE_SECONDS = 5.0


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
    session.add(row)
    return row


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


async def _claim(db: Database, now: datetime) -> OutboxMail | None:
    async with db.transaction() as session:
        query = (
            select(OutboxMail)
            .where(col(OutboxMail.sent_at).is_(None))
            .where(col(OutboxMail.failed_at).is_(None))
            .where(OutboxMail.next_attempt_at <= now)
            .order_by(col(OutboxMail.next_attempt_at), col(OutboxMail.created_at))
            .limit(1)
            .with_for_update(skip_locked=True)
        )
        row = (await session.exec(query)).first()
        if row is None:
            return None
        row.attempts += 1
        row.next_attempt_at = now + LEASE
        return row


async def _record(
    db: Database, mail_id: uuid.UUID, error: str | None, max_attempts: int, now: datetime
) -> None:
    async with db.transaction() as session:
        row = await session.get(OutboxMail, mail_id)
        if row is None:  # pragma: no cover - rows are never deleted
            return
        if error is None:
            row.sent_at = now
            row.last_error = ""
        else:
            row.last_error = error[:500]
            if row.attempts >= max_attempts:
                row.failed_at = now
            else:
                row.next_attempt_at = now + retry_delay(row.attempts)


async def deliver_due(
    db: Database,
    sender: MailSender,
    *,
    mail_from: str,
    max_attempts: int = 12,
    limit: int = 100,
    now: Callable[[], datetime] = utcnow,
) -> int:
    """Deliver the mails that are due; returns how many went out."""
    sent = 0
    for _ in range(limit):
        row = await _claim(db, now())
        if row is None:
            break
        try:
            await sender.send(build_message(row, mail_from))
        except Exception as exc:
            log.warning("mail %s to %s not delivered: %s", row.id, row.recipient, exc)
            await _record(db, row.id, f"{type(exc).__name__}: {exc}", max_attempts, now())
            # The server is likely down: leave the rest for the next round.
            break
        await _record(db, row.id, None, max_attempts, now())
        sent += 1
    return sent


class MailWorker:
    """Delivers the outbox in the background: woken after each commit, and polling."""

    def __init__(
        self,
        db: Database,
        sender: MailSender,
        *,
        mail_from: str,
        poll_seconds: float,
        max_attempts: int,
        now: Callable[[], datetime] = utcnow,
        jobs: Sequence[Callable[[], Awaitable[object]]] = (),
    ) -> None:
        self.now = now
        # Queued work that may write mail (e.g. password reset requests), done first in each round.
        self.jobs = tuple(jobs)
        self.db = db
        self.sender = sender
        self.mail_from = mail_from
        self.poll_seconds = poll_seconds
        self.max_attempts = max_attempts
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._stopping = False

    def wake(self) -> None:
        self._wake.set()

    async def run_once(self) -> int:
        for job in self.jobs:
            try:
                await job()
            except Exception:  # one job's failure must not stop the deliveries
                log.exception("background job of the mail worker failed")
        return await deliver_due(
            self.db, self.sender, mail_from=self.mail_from, max_attempts=self.max_attempts, now=self.now
        )

    async def _loop(self) -> None:
        while not self._stopping:
            try:
                await self.run_once()
            except Exception:  # the loop must survive a database hiccup
                log.exception("mail delivery round failed")
            if self._stopping:
                break
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=self.poll_seconds)
            self._wake.clear()

    def start(self) -> None:
        if self._task is None:
            self._stopping = False
            self._task = asyncio.create_task(self._loop(), name="mail-worker")

    async def stop(self) -> None:
        """Stop the loop after the delivery under way (at most ``STOP_GRACE_SECONDS``).

        On Python 3.11 ``asyncio.wait_for`` may swallow a cancellation that lands as what it waits
        for completes (fixed in 3.12), so one ``cancel()`` is not enough: the loop also checks a flag,
        and the task is cancelled again until it ends.
        """
        if self._task is None:
            return
        self._stopping = True
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
