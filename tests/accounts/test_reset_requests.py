""""Mot de passe oublié ?" as an attacker sees it: the same answer, the same SQL statements for an
address with an account and one without, and a limit on the requests per typed address and per
client address, and on the mails per account, per hour (no mail bombing)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import httpx
import pytest
from sqlmodel import select

from portail.app import create_app
from portail.db.models import OneTimeToken, PasswordResetRequest
from portail.resolvers.accounts import process_reset_requests
from tests.conftest import LiveServer
from tests.support.accounts import REQUEST_RESET, outbox
from tests.support.builders import make_family
from tests.support.counts import statements
from tests.support.graphql import GraphQLClient

EMAIL = "lola.martin@example.org"
UNKNOWN = "personne@example.org"


@pytest.fixture
def settings(settings):
    return settings.model_copy(update={"reset_account_max_per_hour": 3, "reset_address_max_per_hour": 20})


async def ask(client, email: str, **kwargs) -> dict:
    return (await client.data(REQUEST_RESET, {"email": email}, **kwargs))["requestPasswordReset"]


async def settle(db, smtp, expected: int) -> None:
    """Wait until the queue is processed and ``expected`` mails are delivered (and no more come)."""
    for _ in range(200):
        async with db.read_sessions() as session:
            waiting = (
                await session.exec(select(PasswordResetRequest).where(PasswordResetRequest.processed_at.is_(None)))
            ).all()
        if not waiting and len(smtp.mails) >= expected:
            break
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.3)  # a worker round more: nothing else leaves
    assert len(smtp.mails) == expected


async def test_twenty_requests_give_three_mails_and_the_same_answers_for_any_address(db, gql, browser, smtp):
    await make_family(db, EMAIL)
    known = [await ask(gql, EMAIL) for _ in range(20)]
    unknown = [await ask(browser(), UNKNOWN) for _ in range(20)]
    assert known == unknown
    assert known[:3] == [{"ok": True, "errors": []}] * 3
    assert known[3:] == [
        {
            "ok": False,
            "errors": [
                {
                    "field": "email",
                    "code": "TOO_MANY_ATTEMPTS",
                    "message": "Trop de demandes de réinitialisation du mot de passe. Réessayez dans une heure.",
                }
            ],
        }
    ] * 17
    await settle(db, smtp, 3)
    assert [(m.recipient, m.template) for m in await outbox(db)] == [(EMAIL, "password_reset")] * 3
    assert smtp.to(UNKNOWN) == []


async def test_the_limits_last_an_hour_and_the_address_is_the_typed_one(db, gql, smtp, clock):
    await make_family(db, EMAIL)
    for typed in (EMAIL, " LOLA.Martin@example.org", "lola.martin@EXAMPLE.ORG"):
        assert (await ask(gql, typed))["ok"] is True
    assert (await ask(gql, EMAIL))["errors"][0]["code"] == "TOO_MANY_ATTEMPTS"
    await settle(db, smtp, 3)
    clock.travel(timedelta(hours=1, seconds=1))
    assert (await ask(gql, EMAIL))["ok"] is True
    await settle(db, smtp, 4)


class TestPerClient:
    @pytest.fixture
    def settings(self, settings):
        # Two clients behind the tests' loopback proxy, told apart by X-Forwarded-For.
        return settings.model_copy(update={"reset_address_max_per_hour": 5, "trusted_proxies": ["127.0.0.1"]})

    async def test_one_client_asking_for_many_addresses_is_limited(self, db, gql, smtp):
        await make_family(db, EMAIL)
        spray = {"X-Forwarded-For": "203.0.113.7"}
        for i in range(5):
            assert (await ask(gql, f"essai{i}@example.org", headers=spray))["ok"] is True
        refused = await ask(gql, EMAIL, headers=spray)
        assert refused["errors"][0]["code"] == "TOO_MANY_ATTEMPTS"
        # Another client is not concerned.
        assert (await ask(gql, EMAIL, headers={"X-Forwarded-For": "198.51.100.4"}))["ok"] is True
        await settle(db, smtp, 1)


async def test_an_account_gets_three_links_an_hour_whatever_reached_the_queue(db, live_server, smtp):
    """Requests queued past the request limits (several server instances at once) still mail an
    account at most three links an hour."""
    family = await make_family(db, EMAIL)
    now = live_server.app.state.clock.now()
    async with db.transaction() as session:
        for _ in range(10):
            session.add(PasswordResetRequest(email=EMAIL, client_address="192.0.2.1", created_at=now))
    live_server.app.state.mail_worker.wake()
    await settle(db, smtp, 3)
    async with db.read_sessions() as session:
        tokens = (await session.exec(select(OneTimeToken).where(OneTimeToken.account_id == family.account.id))).all()
    assert len(tokens) == 3
    assert sum(1 for t in tokens if t.used_at is None) == 1  # only the newest link works


async def test_known_and_unknown_addresses_run_the_same_statements(db, settings, clock):
    await make_family(db, EMAIL)
    server = LiveServer(create_app(settings, clock=clock, run_mail_worker=False))
    await server.start()
    try:
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as http:
            client = GraphQLClient(http)
            seen = {}
            for email in (EMAIL, UNKNOWN):
                with statements(server.app.state.db, ignore=()) as sql:
                    response = await client.raw(REQUEST_RESET, {"email": email})
                seen[email] = (response.status_code, response.content, sql)
        assert seen[EMAIL][:2] == seen[UNKNOWN][:2]
        assert seen[EMAIL][2] == seen[UNKNOWN][2]
        assert not any("account" in statement for statement in seen[EMAIL][2])

        # The worker does the rest: a link for the account, nothing for the unknown address.
        assert await process_reset_requests(server.app.state.db, settings, clock) == 2
        assert [(m.recipient, m.template) for m in await outbox(db)] == [(EMAIL, "password_reset")]
    finally:
        await server.stop()
