"""Mail is never lost and never sent twice: the outbox and its worker against a real SMTP server."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlmodel import func, select

from portail.adapters.mail.outbox import _claim, deliver_due, enqueue
from portail.adapters.mail.senders import SmtpSender
from portail.app import create_app
from portail.db.models import Account, OutboxMail
from portail.db.models.base import utcnow
from tests.conftest import LiveServer
from tests.support.builders import make_staff
from tests.support.graphql import GraphQLClient
from tests.support.smtp import SmtpServer, free_port

LOGIN = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { errors { code } } }"
OPEN = """mutation { openFamilyAccount(input: {email: "famille.durand@example.org", householdName: "DURAND",
  firstName: "Julie", lastName: "DURAND"}) { account { id } errors { code } } }"""
FROM = "Portail Familles <no-reply@portail.test>"


async def _outbox(db) -> list[OutboxMail]:
    async with db.read_sessions() as session:
        return list((await session.exec(select(OutboxMail).order_by(OutboxMail.created_at))).all())


async def test_smtp_down_the_change_commits_and_the_mail_goes_out_once_smtp_is_back(db, settings, clock):
    port = free_port()
    settings.smtp_port = port  # nothing listens there yet: the SMTP server is down
    staff = await make_staff(db)
    server = LiveServer(create_app(settings, clock=clock))
    await server.start()
    smtp = SmtpServer(port)
    try:
        import httpx

        async with httpx.AsyncClient(base_url=server.url) as http:
            gql = GraphQLClient(http)
            await gql.data(LOGIN, {"e": staff.email, "p": staff.password})
            opened = await gql.data(OPEN)
            assert opened["openFamilyAccount"]["errors"] == []

        # The account exists although the mail could not leave.
        async with db.read_sessions() as session:
            assert (await session.exec(select(Account).where(Account.email == "famille.durand@example.org"))).one()
        # Wait for the settled state: between its claim and the recording of the failure, a mail
        # being tried shows attempts == 1 and no error yet.
        for _ in range(100):
            [row] = await _outbox(db)
            if row.last_error:
                break
            await asyncio.sleep(0.05)
        assert row.sent_at is None and row.attempts == 1 and "Error" in row.last_error

        # SMTP comes back; once the retry is due, the worker delivers it, exactly once.
        smtp.start()
        clock.travel(timedelta(minutes=1))
        server.app.state.mail_worker.wake()
        [mail] = await smtp.wait_for("famille.durand@example.org")
        assert "Confirmez votre adresse" in mail.subject
        clock.travel(timedelta(hours=2))
        server.app.state.mail_worker.wake()
        await asyncio.sleep(0.5)
        assert len(smtp.to("famille.durand@example.org")) == 1
        # The SMTP server has the mail a moment before the worker records it as sent.
        for _ in range(100):
            [row] = await _outbox(db)
            if row.sent_at is not None:
                break
            await asyncio.sleep(0.05)
        assert row.sent_at is not None and row.attempts == 2
    finally:
        await server.stop()
        smtp.stop()


async def test_several_workers_deliver_each_mail_exactly_once(db, settings, smtp):
    async with db.transaction() as session:
        for i in range(30):
            enqueue(session, template="password_reset", to=f"parent{i}@example.org",
                    context={"town": "Séné", "link": f"http://portail.test/r?token={i}", "valid_minutes": 60})
    sender = SmtpSender(settings)
    counts = await asyncio.gather(*(deliver_due(db, sender, mail_from=FROM) for _ in range(4)))
    assert sum(counts) == 30
    assert len(smtp.mails) == 30
    assert len({m.message["Message-ID"] for m in smtp.mails}) == 30
    assert all(row.sent_at is not None for row in await _outbox(db))
    assert await deliver_due(db, sender, mail_from=FROM) == 0


async def test_a_crash_mid_delivery_is_retried_after_the_lease_with_the_same_message_id(db, settings, smtp):
    async with db.transaction() as session:
        row = enqueue(session, template="password_reset", to="parent@example.org",
                      context={"town": "Séné", "link": "http://portail.test/r?token=x", "valid_minutes": 60})
    [claimed] = await _claim(db, utcnow())  # a worker claims it, then its process dies
    assert claimed.id == row.id
    sender = SmtpSender(settings)
    assert await deliver_due(db, sender, mail_from=FROM) == 0  # still leased
    later = utcnow() + timedelta(minutes=6)
    assert await deliver_due(db, sender, mail_from=FROM, now=lambda: later) == 1
    [mail] = smtp.to("parent@example.org")
    assert mail.message["Message-ID"] == row.message_id


async def test_a_mail_that_keeps_failing_is_given_up_after_the_last_attempt(db):
    class Down:
        async def send(self, message):
            raise ConnectionRefusedError("SMTP down")

    async with db.transaction() as session:
        enqueue(session, template="password_reset", to="parent@example.org",
                context={"town": "Séné", "link": "http://portail.test/r?token=x", "valid_minutes": 60})
    moment = utcnow()
    for _ in range(3):
        await deliver_due(db, Down(), mail_from=FROM, max_attempts=3, now=lambda at=moment: at)
        moment += timedelta(hours=2)
    [row] = await _outbox(db)
    assert row.attempts == 3 and row.failed_at is not None and row.sent_at is None
    assert await deliver_due(db, Down(), mail_from=FROM, max_attempts=3, now=lambda: moment) == 0


@pytest.mark.postgresql_only
async def test_workers_on_several_instances_skip_locked_rows(db, settings, smtp):
    """Two instances (two engines) drain one outbox without sending anything twice."""
    from portail.db.engine import Database

    async with db.transaction() as session:
        for i in range(40):
            enqueue(session, template="password_reset", to=f"p{i}@example.org",
                    context={"town": "Séné", "link": "http://portail.test/r?token=x", "valid_minutes": 60})
    other = Database(settings.database_url)
    try:
        sender = SmtpSender(settings)
        counts = await asyncio.gather(
            deliver_due(db, sender, mail_from=FROM), deliver_due(other, sender, mail_from=FROM),
            deliver_due(db, sender, mail_from=FROM), deliver_due(other, sender, mail_from=FROM),
        )
    finally:
        await other.dispose()
    assert sum(counts) == 40 and len(smtp.mails) == 40
    async with db.read_sessions() as session:
        assert (await session.exec(select(func.count()).select_from(OutboxMail).where(OutboxMail.sent_at.is_(None)))).one() == 0


async def test_a_mail_queued_in_a_transaction_that_rolls_back_is_never_written(db):
    context = {"town": "Séné", "link": "http://portail.test/r?token=x", "valid_minutes": 60}
    with pytest.raises(RuntimeError):
        async with db.transaction() as session:
            enqueue(session, template="password_reset", to="annule@example.org", context=context)
            raise RuntimeError("the use case fails")
    # Rolled back before the transaction reached the database, then the same session commits.
    async with db.write_sessions() as session:
        enqueue(session, template="password_reset", to="annule@example.org", context=context)
        await session.rollback()
        async with session.begin():
            enqueue(session, template="password_reset", to="garde@example.org", context=context)
    assert [row.recipient for row in await _outbox(db)] == ["garde@example.org"]
