"""The database sessions a request uses: reads that never write, and on PostgreSQL reads outside any
transaction (at READ COMMITTED a read transaction only cost its BEGIN and ROLLBACK), writes inside one."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, text
from sqlmodel import select

from portail.db.engine import Database, serve_request
from portail.db.models import Account


async def accounts(db: Database) -> int:
    async with db.read_sessions() as session:
        return int((await session.exec(select(func.count()).select_from(Account))).one())


async def test_a_read_session_refuses_to_write_and_writes_nothing(db):
    before = await accounts(db)
    async with db.read_sessions() as session:
        session.add(Account(email="lecture@example.org", password_hash="x"))
        with pytest.raises(RuntimeError, match="read session writes nothing"):
            await session.flush()
    assert await accounts(db) == before

    # Nor does a query flush what was added (autoflush is off): on PostgreSQL it would commit.
    async with db.read_sessions() as session:
        session.add(Account(email="lecture@example.org", password_hash="x"))
        found = (await session.exec(select(Account).where(Account.email == "lecture@example.org"))).first()
        assert found is None
    assert await accounts(db) == before


@pytest.mark.postgresql_only
async def test_postgresql_reads_each_statement_on_its_own_and_writes_in_one_transaction(db):
    # txid_current() names the transaction a statement runs in.
    async with db.read_sessions() as session:
        first = (await session.exec(text("SELECT txid_current()"))).one()[0]
        second = (await session.exec(text("SELECT txid_current()"))).one()[0]
    assert first != second

    async with db.transaction() as session:
        first = (await session.exec(text("SELECT txid_current()"))).one()[0]
        second = (await session.exec(text("SELECT txid_current()"))).one()[0]
        level = (await session.exec(text("SHOW transaction_isolation"))).one()[0]
    assert first == second
    assert level == "read committed"


@pytest.mark.postgresql_only
async def test_a_connection_is_pinged_when_taken_but_not_again_within_the_same_request(db, monkeypatch):
    dialect = db.read_engine.sync_engine.dialect
    pings = []
    real_ping = dialect.do_ping
    monkeypatch.setattr(dialect, "do_ping", lambda connection: pings.append(connection) or real_ping(connection))
    await db.read_engine.dispose()  # a pool of its own for this test: one connection, opened below

    async def statement(database: Database) -> None:
        async with database.read_sessions() as session:
            await session.exec(text("SELECT 1"))

    await statement(db)  # opened for it: a new connection is not pinged
    assert pings == []

    async def request() -> None:
        serve_request()
        await statement(db)  # the session lookup
        async with db.transaction() as session:  # the mutation's transaction, on the same connection
            await session.exec(text("SELECT 1"))

    await asyncio.create_task(request())
    assert len(pings) == 1  # given back by no request: pinged once, then trusted within the request
    await asyncio.create_task(request())
    assert len(pings) == 2  # given back by another request: pinged again
    await statement(db)  # outside any request (the mail worker, the command line): always pinged
    assert len(pings) == 3


@pytest.mark.postgresql_only
async def test_a_connection_the_server_ended_is_replaced_when_taken(db):
    async def backend() -> int:
        async with db.read_sessions() as session:
            return int((await session.exec(text("SELECT pg_backend_pid()"))).one()[0])

    ended = await backend()
    administrator = Database(db.url)
    try:
        async with administrator.engine.connect() as admin:
            await admin.execute(text("SELECT pg_terminate_backend(:pid, 5000)"), {"pid": ended})
    finally:
        await administrator.dispose()
    assert await backend() != ended  # the ping failed: a new connection, and no error
