"""The database sessions a request uses: reads that never write, and on PostgreSQL reads outside any
transaction (at READ COMMITTED a read transaction only cost its BEGIN and ROLLBACK), writes inside one."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import select

from portail.db.engine import Database, serve_request
from portail.db.models import Account


async def end_backend(db: Database, pid: int) -> None:
    """What an administrator (or a failover) does to one connection: its server process ends."""
    administrator = Database(db.url)
    try:
        async with administrator.engine.connect() as admin:
            await admin.execute(text("SELECT pg_terminate_backend(:pid, 5000)"), {"pid": pid})
    finally:
        await administrator.dispose()


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
async def test_a_write_pings_its_connection_unless_its_request_just_gave_it_back_and_a_read_never(db, monkeypatch):
    dialect = db.read_engine.sync_engine.dialect
    pings = []
    real_ping = dialect.do_ping
    monkeypatch.setattr(dialect, "do_ping", lambda connection: pings.append(connection) or real_ping(connection))
    await db.read_engine.dispose()  # a pool of its own for this test: one connection, opened below

    async def read() -> None:
        async with db.read_sessions() as session:
            await session.exec(text("SELECT 1"))

    async def write() -> None:
        async with db.transaction() as session:
            await session.exec(text("SELECT 1"))

    await read()  # a new connection: nothing to ping
    await read()  # a read: run again on a new connection if this one is dead, never pinged
    await write()  # a write outside any request (the mail worker, the command line): pinged
    assert len(pings) == 1

    async def mutation() -> None:
        serve_request()
        await read()  # the session lookup
        await write()  # its transaction, on the connection the lookup just gave back: not pinged

    await asyncio.create_task(mutation())
    await asyncio.create_task(mutation())
    assert len(pings) == 1

    async def write_first() -> None:
        serve_request()
        await write()  # the connection another request gave back: pinged

    await asyncio.create_task(write_first())
    assert len(pings) == 2


@pytest.mark.postgresql_only
async def test_a_connection_the_server_ended_is_replaced_when_taken(db):
    async def backend() -> int:
        async with db.read_sessions() as session:
            return int((await session.exec(text("SELECT pg_backend_pid()"))).one()[0])

    ended = await backend()
    await end_backend(db, ended)
    assert await backend() != ended  # the read failed, and ran again on a new connection: no error

    # The same for a write, whose connection is pinged: the ping fails, and the pool gives another.
    async with db.transaction() as session:
        ended = int((await session.exec(text("SELECT pg_backend_pid()"))).one()[0])
    await end_backend(db, ended)
    async with db.transaction() as session:
        assert int((await session.exec(text("SELECT pg_backend_pid()"))).one()[0]) != ended


@pytest.mark.postgresql_only
async def test_a_read_session_holding_rows_does_not_run_a_read_again_on_another_connection(db):
    async with db.transaction() as session:
        session.add(Account(email="tenue@example.org", password_hash="x"))
    async with db.read_sessions() as session:
        # The session holds a row: running a read again after a rollback would expire it.
        account = (await session.exec(select(Account).where(Account.email == "tenue@example.org"))).one()
        ended = int((await session.exec(text("SELECT pg_backend_pid()"))).one()[0])
        await end_backend(db, ended)
        with pytest.raises(DBAPIError):
            await session.exec(text("SELECT 1"))
        assert account.email == "tenue@example.org"  # still readable: not expired
