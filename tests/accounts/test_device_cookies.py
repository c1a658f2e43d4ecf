"""Sign-in defences an attacker cannot turn against the owner (OWASP device cookies), over HTTP.

Ten wrong passwords from browsers that never signed in to an address lock out *those* browsers
(untrusted clients) for 15 minutes, and its owner is mailed once; a browser where the owner signed
in before keeps its own allowance and still signs in during the attack."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.support.accounts import (
    CHANGE_PASSWORD,
    login_codes,
    logout,
    outbox,
    signed_in,
    throttle_rows,
    viewer_email,
)
from tests.support.builders import make_family

EMAIL = "lola.martin@example.org"
WRONG = "Pas-Le-Bon-Mot-De-Passe"


@pytest.fixture
def settings(settings):
    return settings.model_copy(
        update={
            "login_account_free_failures": 3,
            "login_account_lock_failures": 10,
            "login_address_lock_failures": 50,
            "login_lock_minutes": 15,
        }
    )


async def attack(browser, clock, email: str, failures: int) -> None:
    """``failures`` wrong passwords, each from a new browser (new cookies), waiting out each wait."""
    for _ in range(failures):
        while (codes := await login_codes(browser(), email, WRONG)) == ["TOO_MANY_ATTEMPTS"]:
            clock.travel(timedelta(seconds=61))
        assert codes == ["INVALID_CREDENTIALS"]


async def test_the_owner_still_signs_in_on_their_browser_during_an_attack(db, browser, smtp, clock):
    family = await make_family(db, EMAIL)
    laptop = await signed_in(browser(), EMAIL, family.password)
    assert laptop.http.cookies.get("portail_device")
    await logout(laptop)  # the session ends; the browser stays known

    await attack(browser, clock, EMAIL, 10)
    assert (await throttle_rows(db))[f"email:{EMAIL}"].failures == 10
    # Untrusted clients are locked out, the right password or not…
    assert await login_codes(browser(), EMAIL, family.password) == ["TOO_MANY_ATTEMPTS"]
    # …but the owner's laptop signs in, and its failures are its own.
    assert await login_codes(laptop, EMAIL, WRONG) == ["INVALID_CREDENTIALS"]
    assert await login_codes(laptop, EMAIL, family.password) == []
    assert await viewer_email(laptop) == EMAIL
    # Its success did not lift the untrusted lock (the attack may go on).
    assert await login_codes(browser(), EMAIL, family.password) == ["TOO_MANY_ATTEMPTS"]

    # The owner is told once, and told their known browsers still work.
    [mail] = await smtp.wait_for(EMAIL)
    assert "connexion à votre compte bloquée" in mail.subject
    assert "bloquée pendant 15 minutes" in mail.text
    assert "déjà connecté(e) à ce compte, vous pouvez toujours vous connecter" in mail.text

    # Going on after the lock ends re-locks at once, without another mail (no mail bombing).
    clock.travel(timedelta(minutes=15, seconds=1))
    await attack(browser, clock, EMAIL, 1)
    assert await login_codes(browser(), EMAIL, family.password) == ["TOO_MANY_ATTEMPTS"]
    assert [m.template for m in await outbox(db, EMAIL)] == ["login_locked"]


async def test_a_known_browser_has_its_own_lock(db, browser, smtp, clock):
    family = await make_family(db, EMAIL)
    laptop = await signed_in(browser(), EMAIL, family.password)
    await logout(laptop)
    for _ in range(10):
        while (codes := await login_codes(laptop, EMAIL, WRONG)) == ["TOO_MANY_ATTEMPTS"]:
            clock.travel(timedelta(seconds=61))
        assert codes == ["INVALID_CREDENTIALS"]
    rows = await throttle_rows(db)
    assert f"email:{EMAIL}" not in rows and "address:127.0.0.1" not in rows
    [device] = [key for key in rows if key.startswith("device:")]
    assert rows[device].failures == 10

    # That browser waits 15 minutes; any other one (a phone) is not concerned.
    assert await login_codes(laptop, EMAIL, family.password) == ["TOO_MANY_ATTEMPTS"]
    assert await login_codes(browser(), EMAIL, family.password) == []
    [mail] = await smtp.wait_for(EMAIL)
    assert "vos autres navigateurs ne sont pas concernés" in mail.text

    clock.travel(timedelta(minutes=15, seconds=1))
    assert await login_codes(laptop, EMAIL, family.password) == []
    # A success gives the browser a new counter; the old one is gone.
    assert device not in await throttle_rows(db)


async def test_a_browser_is_trusted_for_the_address_it_signed_in_to_only(db, browser, clock):
    lola = await make_family(db, EMAIL)
    paul = await make_family(db, "paul.durand@example.org", name="DURAND", first_name="Paul")
    shared = await signed_in(browser(), lola.email, lola.password)
    await attack(browser, clock, paul.email, 10)
    assert await login_codes(shared, paul.email, paul.password) == ["TOO_MANY_ATTEMPTS"]
    # Once Paul signed in on it (before the attack), the shared browser is trusted for both.
    clock.travel(timedelta(hours=2))
    await signed_in(shared, paul.email, paul.password)
    await attack(browser, clock, paul.email, 10)
    await attack(browser, clock, lola.email, 10)
    assert await login_codes(shared, paul.email, paul.password) == []
    assert await login_codes(shared, lola.email, lola.password) == []


async def test_a_forged_or_foreign_device_cookie_is_untrusted(db, browser, clock):
    lola = await make_family(db, EMAIL)
    paul = await make_family(db, "paul.durand@example.org", name="DURAND", first_name="Paul")
    pauls_browser = await signed_in(browser(), paul.email, paul.password)
    pauls_cookie = pauls_browser.http.cookies["portail_device"]
    await attack(browser, clock, EMAIL, 10)
    for forged in (pauls_cookie, pauls_cookie[:-2] + "xx", "n.1.sig", "x" * 3000):
        attacker = browser()
        attacker.http.cookies.set("portail_device", forged)
        assert await login_codes(attacker, EMAIL, lola.password) == ["TOO_MANY_ATTEMPTS"], forged


async def test_a_bearer_sign_in_gets_no_device_cookie(db, browser, clock):
    family = await make_family(db, EMAIL)
    client = browser()
    response = await client.raw(
        "mutation($e: String!, $p: String!) { login(email: $e, password: $p, bearer: true) { bearerToken } }",
        {"e": EMAIL, "p": family.password},
    )
    assert "set-cookie" not in response.headers
    await attack(browser, clock, EMAIL, 10)
    assert await login_codes(client, EMAIL, family.password) == ["TOO_MANY_ATTEMPTS"]


async def test_guessing_the_current_password_counts_on_the_browser(db, browser, clock):
    """A signed-in browser guessing its current password locks itself, not the address."""
    family = await make_family(db, EMAIL)
    session = await signed_in(browser(), EMAIL, family.password)
    variables = {"current": WRONG, "new": "Goeland-Marelle-Vitrail-73"}
    for _ in range(10):
        clock.travel(timedelta(seconds=61))
        answer = (await session.data(CHANGE_PASSWORD, variables))["changePassword"]
        assert answer["errors"][0]["code"] == "WRONG_PASSWORD"
    locked = (await session.data(CHANGE_PASSWORD, variables))["changePassword"]
    assert locked["errors"][0]["code"] == "TOO_MANY_ATTEMPTS"
    assert f"email:{EMAIL}" not in await throttle_rows(db)
    assert await login_codes(browser(), EMAIL, family.password) == []
