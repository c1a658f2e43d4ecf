"""Several registrations of one new address at the same instant, on PostgreSQL (where writers really run
side by side): the address gets exactly one account, every family sees the same "ok", nobody gets a
500; the others are mailed the known address's notice."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlmodel import func, select

from portail.db.models import Account, Household
from tests.registration.test_self_registration import REGISTER, family, open_registration, solved
from tests.support.accounts import outbox

pytestmark = pytest.mark.postgresql_only

RACERS = 6
EMAIL = "marc.durand@example.org"


@pytest.fixture
def settings(settings):
    """An easy proof of work, and room for every racer from the one test address."""
    return settings.model_copy(update={"altcha_max_number": 1000, "registration_address_free_attempts": 50})


async def test_one_new_address_registered_by_several_at_once_gets_one_account_and_no_error(
    db, browser, live_server, smtp
):
    await open_registration(db)
    clients = [browser() for _ in range(RACERS)]
    payloads = [await solved(client) for client in clients]

    async def register(client: Any, payload: str) -> Any:
        return await client.post("/graphql", json={"query": REGISTER, "variables": family(payload, EMAIL)})

    answers = await asyncio.gather(*(register(c.http, p) for c, p in zip(clients, payloads, strict=True)))

    assert [a.status_code for a in answers] == [200] * RACERS
    assert [a.json() for a in answers] == [{"data": {"registerFamily": {"ok": True, "errors": []}}}] * RACERS
    async with db.read_sessions() as session:
        accounts = (await session.exec(select(Account).where(Account.email == EMAIL))).all()
        households = (await session.exec(select(func.count()).select_from(Household))).one()
    assert len(accounts) == 1 and accounts[0].guardian_id is not None
    assert households == 1
    assert len(await outbox(db, EMAIL, "registration_confirm")) == 1
    assert len(await outbox(db, EMAIL, "registration_address_in_use")) == RACERS - 1
