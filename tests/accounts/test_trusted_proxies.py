"""The client address that sign-in throttles key on, over real HTTP: a forged X-Forwarded-For is
ignored unless the peer is a proxy listed in PORTAIL_TRUSTED_PROXIES (none by default)."""

from __future__ import annotations

import pytest

from portail.settings import Settings
from tests.support.accounts import LOGIN, live_sessions, throttle_rows
from tests.support.builders import make_family

EMAIL = "lola.martin@example.org"
WRONG = "Pas-Le-Bon-Mot-De-Passe"


async def sign_in(client, email: str, password: str, forwarded_for: str) -> list[str]:
    variables = {"email": email, "password": password}
    payload = (await client.data(LOGIN, variables, headers={"X-Forwarded-For": forwarded_for}))["login"]
    return [e["code"] for e in payload["errors"]]


async def test_a_forged_forwarded_for_is_ignored_by_default(db, browser):
    family = await make_family(db, EMAIL)
    client = browser()
    assert await sign_in(client, "inconnu@example.org", WRONG, "203.0.113.7") == ["INVALID_CREDENTIALS"]
    assert await sign_in(client, EMAIL, family.password, "203.0.113.7") == []
    rows = await throttle_rows(db)
    assert rows["address:127.0.0.1"].failures == 1
    assert "address:203.0.113.7" not in rows
    [session] = await live_sessions(db, family.account)
    assert session.client_address == "127.0.0.1"


class TestBehindAConfiguredProxy:
    @pytest.fixture
    def settings(self, settings):
        # The tests' uvicorn listens on loopback: its peer is the configured proxy.
        return settings.model_copy(update={"trusted_proxies": ["127.0.0.0/8", "::1"]})

    @pytest.mark.parametrize("forwarded", ["203.0.113.7", "198.51.100.1, 203.0.113.7"])
    async def test_the_proxy_is_believed(self, db, browser, forwarded):
        family = await make_family(db, EMAIL)
        client = browser()
        assert await sign_in(client, "inconnu@example.org", WRONG, forwarded) == ["INVALID_CREDENTIALS"]
        assert await sign_in(client, EMAIL, family.password, forwarded) == []
        rows = await throttle_rows(db)
        # The address the proxy saw; an earlier hop is whatever the client chose to send.
        assert rows["address:203.0.113.7"].failures == 1
        assert "address:127.0.0.1" not in rows and "address:198.51.100.1" not in rows
        [session] = await live_sessions(db, family.account)
        assert session.client_address == "203.0.113.7"


def test_a_mistyped_proxy_is_refused_at_start():
    with pytest.raises(Exception, match="PORTAIL_TRUSTED_PROXIES"):
        Settings(_env_file=None, trusted_proxies=["10.0.0.0/8", "proxy.example"])
    assert Settings(_env_file=None).trusted_proxies == []
    assert Settings(_env_file=None, trusted_proxies=["10.0.0.0/8", "192.0.2.1", "::1"]).trusted_proxies
