"""Mail goes out in batches, after a short wait for the commits of the moment: a batch is claimed in
one statement and recorded in one transaction, a failure keeps what was sent, the wakes of commits in
quick succession make one round, and a commit that queued only mail leaves the jobs to the poll."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import timedelta
from email import message_from_bytes, policy

import pytest
from sqlmodel import select

from portail.adapters.mail.outbox import BATCH, LEASE, MailWorker, _claim, deliver_due, enqueue
from portail.adapters.mail.senders import FolderSender, SmtpSender
from portail.db.engine import Database
from portail.db.models import OutboxMail
from portail.db.models.base import utcnow
from portail.rules.retry import retry_delay
from tests.support.builders import make_family, make_staff
from tests.support.counts import statements
from tests.support.graphql import GraphQLClient

FROM = "Portail Familles <no-reply@portail.test>"
LOGIN = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { errors { code } } }"
OPEN = """mutation($e: String!) { openFamilyAccount(input: {email: $e, householdName: "DURAND",
  firstName: "Julie", lastName: "DURAND"}) { account { id } errors { code } } }"""
RESET = "mutation($e: String!) { requestPasswordReset(email: $e) { ok errors { code } } }"


async def queue(db: Database, *recipients: str) -> None:
    async with db.transaction() as session:
        for to in recipients:
            enqueue(session, template="password_reset", to=to,
                    context={"town": "Séné", "link": "http://portail.test/r?token=x", "valid_minutes": 60})


async def outbox(db: Database) -> dict[str, OutboxMail]:
    async with db.read_sessions() as session:
        return {row.recipient: row for row in (await session.exec(select(OutboxMail))).all()}


def addresses(n: int) -> list[str]:
    return [f"parent{i}@example.org" for i in range(n)]


class FailingFor(SmtpSender):
    """The real SMTP sender, but for one recipient whose mail the server refuses."""

    def __init__(self, settings, refused: str) -> None:
        super().__init__(settings)
        self.refused = refused

    async def send(self, build):
        if build()["To"] == self.refused:
            raise ConnectionResetError("connection lost")
        await super().send(build)


@pytest.mark.parametrize("count", [1, 5])
async def test_a_batch_takes_one_claim_and_one_record_whatever_its_size(db, settings, smtp, count):
    await queue(db, *addresses(count))
    with statements(db, ignore=()) as sql:
        assert await deliver_due(db, SmtpSender(settings), mail_from=FROM) == count
    # One UPDATE … RETURNING claims them, one UPDATE records them; no claim that finds nothing.
    claim, record = sql
    assert "UPDATE outbox_mail" in claim and "RETURNING" in claim
    assert record.startswith("UPDATE outbox_mail") and "sent_at" in record
    assert sorted(r for m in smtp.mails for r in m.recipients) == sorted(addresses(count))
    assert all(row.sent_at is not None and row.attempts == 1 for row in (await outbox(db)).values())


async def test_more_mail_than_a_batch_goes_in_several_batches(db, settings, smtp):
    await queue(db, *addresses(BATCH + 5))
    assert await deliver_due(db, SmtpSender(settings), mail_from=FROM) == BATCH + 5
    assert len(smtp.mails) == BATCH + 5
    assert await deliver_due(db, SmtpSender(settings), mail_from=FROM, limit=3) == 0


async def test_a_failure_mid_batch_keeps_what_was_sent_and_leaves_the_rest_due(db, settings, smtp):
    mails = addresses(5)
    await queue(db, *mails)
    before = utcnow()
    sender = FailingFor(settings, mails[2])
    # The batch comes oldest first: the third fails, the two before went out.
    assert await deliver_due(db, sender, mail_from=FROM) == 2
    rows = await outbox(db)
    assert [r for m in smtp.mails for r in m.recipients] == mails[:2]
    assert all(rows[to].sent_at is not None and rows[to].attempts == 1 for to in mails[:2])
    failed = rows[mails[2]]
    assert failed.sent_at is None and failed.attempts == 1 and "ConnectionResetError" in failed.last_error
    assert failed.next_attempt_at >= before + retry_delay(1)
    # The server seemed down: the last two were not tried, and are due again, their attempt uncounted.
    assert all(rows[to].sent_at is None and rows[to].attempts == 0 for to in mails[3:])
    assert all(rows[to].next_attempt_at <= utcnow() for to in mails[3:])

    # The next round sends those two; the two sent are not sent again, the failed one waits its retry.
    assert await deliver_due(db, SmtpSender(settings), mail_from=FROM) == 2
    assert sorted(r for m in smtp.mails for r in m.recipients) == sorted(mails[:2] + mails[3:])
    later = utcnow() + retry_delay(1) + timedelta(seconds=1)
    assert await deliver_due(db, SmtpSender(settings), mail_from=FROM, now=lambda: later) == 1
    assert sorted(r for m in smtp.mails for r in m.recipients) == sorted(mails)
    assert (await outbox(db))[mails[2]].attempts == 2


async def test_a_batch_stops_before_its_lease_runs_out_or_when_the_worker_stops(db, settings, smtp):
    mails = addresses(5)
    await queue(db, *mails)
    moment = [utcnow()]

    class Slow(SmtpSender):
        async def send(self, build):
            await super().send(build)
            moment[0] += LEASE / 4  # each send takes a quarter of the lease

    # Past half the lease, the rest is released: another instance may claim it once the lease ends.
    assert await deliver_due(db, Slow(settings), mail_from=FROM, now=lambda: moment[0]) == 3
    rows = await outbox(db)
    assert [to for to in mails if rows[to].sent_at is not None] == mails[:3]
    assert all(rows[to].attempts == 0 and rows[to].next_attempt_at <= utcnow() for to in mails[3:])

    # A stopping worker records what it sent and leaves the rest.
    assert await deliver_due(db, SmtpSender(settings), mail_from=FROM, stopping=lambda: len(smtp.mails) >= 4) == 1
    assert len(smtp.mails) == 4
    assert await deliver_due(db, SmtpSender(settings), mail_from=FROM) == 1
    assert sorted(r for m in smtp.mails for r in m.recipients) == sorted(mails)


async def test_the_folder_sender_writes_each_message_as_an_eml_file(db, tmp_path):
    await queue(db, *addresses(3))
    assert await deliver_due(db, FolderSender(tmp_path / "mail"), mail_from=FROM) == 3
    files = sorted((tmp_path / "mail").glob("*.eml"))
    assert len(files) == 3
    rows = {row.message_id: row for row in (await outbox(db)).values()}
    for path in files:
        message = message_from_bytes(path.read_bytes(), policy=policy.default)
        assert rows[message["Message-ID"]].recipient == message["To"]
        assert path.stem == message["Message-ID"].strip("<>").split("@")[0]


@pytest.mark.postgresql_only
async def test_concurrent_claims_on_two_instances_never_overlap(db, settings):
    await queue(db, *addresses(40))
    other = Database(settings.database_url)
    try:
        now = utcnow()
        claims = await asyncio.gather(*(_claim(instance, now) for instance in (db, other, db, other)))
    finally:
        await other.dispose()
    ids = [row.id for claim in claims for row in claim]
    assert len(ids) == len(set(ids)) == 40
    assert all(len(claim) <= BATCH for claim in claims)


@pytest.mark.postgresql_only
async def test_a_claim_skips_the_mails_another_instance_is_claiming(db, settings):
    await queue(db, *addresses(8))
    other = Database(settings.database_url)
    try:
        async with other.transaction() as session:
            # Another instance, in the middle of its claim, holds the five oldest.
            held = (
                await session.exec(
                    select(OutboxMail).order_by(OutboxMail.created_at).limit(5).with_for_update()
                )
            ).all()
            claimed = await asyncio.wait_for(_claim(db, utcnow()), timeout=5)
            assert {row.id for row in claimed}.isdisjoint({row.id for row in held})
            assert len(claimed) == 3
    finally:
        await other.dispose()


class CountingWorker(MailWorker):
    """A worker that notes how many mails each of its rounds sent."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.rounds: list[int] = []

    async def run_once(self) -> int:
        sent = await super().run_once()
        self.rounds.append(sent)
        return sent


async def until(condition: Callable[[], object], what: str) -> None:
    for _ in range(500):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"still waiting for {what}")


async def settled(worker: CountingWorker, rounds: int) -> None:
    """Wait until ``worker`` has done ``rounds`` rounds and waits for the next wake."""
    await until(lambda: len(worker.rounds) >= rounds and worker.idle and not worker._wake.is_set(),
                f"{rounds} rounds, then a wait: {worker.rounds}")


async def test_wakes_in_quick_succession_make_one_round(db, settings, smtp):
    runs: list[int] = []

    async def job() -> None:
        runs.append(1)

    worker = CountingWorker(
        db, SmtpSender(settings), mail_from=FROM, poll_seconds=60, max_attempts=3, wake_delay=1.0, jobs=[job]
    )
    worker.start()
    try:
        await settled(worker, 1)
        assert worker.rounds == [0] and len(runs) == 1  # the round at start runs the jobs
        for to in addresses(3):  # three commits, each waking the worker (as in_transaction does)
            await queue(db, to)
            worker.wake(False)
        await smtp.wait_for(addresses(3)[2])
        await settled(worker, 2)
        assert worker.rounds == [0, 3]
        assert sorted(r for m in smtp.mails for r in m.recipients) == addresses(3)
        # Those commits queued only mail: the jobs wait for the poll. A wake asking for them runs them.
        assert len(runs) == 1
        worker.wake()
        await settled(worker, 3)
        assert len(runs) == 2 and worker.rounds == [0, 3, 0]
    finally:
        await worker.stop()


async def test_stop_during_the_wait_after_a_wake_returns_at_once(db, settings, smtp):
    worker = CountingWorker(
        db, SmtpSender(settings), mail_from=FROM, poll_seconds=60, max_attempts=3, wake_delay=30
    )
    worker.start()
    await settled(worker, 1)
    await queue(db, "parent@example.org")
    worker.wake()
    await asyncio.sleep(0.05)
    await asyncio.wait_for(worker.stop(), timeout=2)
    # The mail stays in the outbox for the next start (or another instance).
    assert smtp.mails == []
    assert (await outbox(db))["parent@example.org"].attempts == 0


class TestOverHttp:
    @pytest.fixture
    def settings(self, settings):
        # No poll to catch up: only the commits' wakes start rounds.
        return settings.model_copy(update={"mail_wake_delay_seconds": 1.0, "mail_poll_seconds": 60})

    async def test_three_commits_mail_in_one_round(self, db, live_server, smtp, browser):
        staff = await make_staff(db)
        gql: GraphQLClient = browser()
        await gql.data(LOGIN, {"e": staff.email, "p": staff.password})
        worker = live_server.app.state.mail_worker
        rounds: list[int] = []
        run_once = worker.run_once

        async def counted() -> int:
            rounds.append(await run_once())
            return rounds[-1]

        await until(lambda: worker.idle, "the end of the round at start")
        worker.run_once = counted
        families = [f"famille{i}@example.org" for i in range(3)]
        opened = await asyncio.gather(*(gql.data(OPEN, {"e": email}) for email in families))
        assert all(o["openFamilyAccount"]["errors"] == [] for o in opened)
        for email in families:
            await smtp.wait_for(email)
        await until(lambda: rounds and worker.idle, "the round to record what it sent")
        assert rounds == [3]

    async def test_a_reset_request_wakes_the_jobs_that_mail_the_link(self, db, live_server, smtp, browser):
        family = await make_family(db, "lola.martin@example.org")
        answer = await browser().data(RESET, {"e": family.email})
        assert answer["requestPasswordReset"] == {"ok": True, "errors": []}
        [mail] = await smtp.wait_for(family.email, timeout=5)  # long before the poll
        assert "token=" in mail.text
