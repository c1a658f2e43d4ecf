"""A server shutting down while a commit wakes the mail worker stops at once: on Python 3.11 a single
cancel() can be swallowed by asyncio.wait_for, and the shutdown used to hang forever."""

from __future__ import annotations

import asyncio

from portail.adapters.mail.outbox import MailWorker


class IdleWorker(MailWorker):
    """A worker whose rounds find nothing to send: only its loop is under test."""

    async def run_once(self) -> int:
        return 0


async def test_stop_returns_even_when_woken_as_it_stops():
    for _ in range(20):
        worker = IdleWorker(None, None, mail_from="portail@mairie.test", poll_seconds=5, max_attempts=3)  # type: ignore[arg-type]
        worker.start()
        await asyncio.sleep(0.01)  # waiting for the next wake-up
        worker.wake()  # a commit queued a mail, just as the server shuts down
        await asyncio.wait_for(worker.stop(), timeout=3)
        assert worker._task is None


async def test_a_stopped_worker_starts_again():
    worker = IdleWorker(None, None, mail_from="portail@mairie.test", poll_seconds=0.01, max_attempts=3)  # type: ignore[arg-type]
    worker.start()
    await worker.stop()
    worker.start()
    await asyncio.sleep(0.05)
    assert worker._task is not None and not worker._task.done()
    await worker.stop()
