"""The database sessions a request uses: reads that never write, and on PostgreSQL reads outside any
transaction (at READ COMMITTED a read transaction only cost its BEGIN and ROLLBACK), writes inside one."""

from __future__ import annotations

import pytest
from sqlalchemy import func, text
from sqlmodel import select

from portail.db.engine import Database
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
