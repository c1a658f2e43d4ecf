"""Sign-in throttling, over HTTP: free failures, then waits that double, then a lock of 15 minutes
with one mail to the owner; unknown addresses answered exactly alike; bearer sessions."""

from __future__ import annotations

from datetime import timedelta

import pytest

from portail.rules.tokens import looks_like_token
from tests.support.accounts import (
    LOGIN,
    fail_sign_ins,
    login,
    outbox,
    set_failures,
    throttle_rows,
    viewer_email,
)
from tests.support.builders import make_family

EMAIL = "lola.martin@example.org"
WRONG = "Pas-Le-Bon-Mot-De-Passe"
LOCKED_15_MIN = "Trop de tentatives de connexion. Réessayez dans 15 minute(s)."


@pytest.fixture
def settings(settings):
    """The numbers these tests count on, whatever the defaults become."""
    return settings.model_copy(
        update={
            "login_account_free_failures": 3,
            "login_account_lock_failures": 10,
            "login_address_lock_failures": 50,
            "login_lock_minutes": 15,
        }
    )


async def answer(client, email: str, password: str) -> tuple[str, str] | None:
    """(code, message) of a refused sign-in; None when it succeeded."""
    errors = (await login(client, email, password))["errors"]
    assert len(errors) <= 1
    return (errors[0]["code"], errors[0]["message"]) if errors else None


def invalid() -> tuple[str, str]:
    return ("INVALID_CREDENTIALS", "Adresse e-mail ou mot de passe incorrect.")


def too_many(wait: str) -> tuple[str, str]:
    return ("TOO_MANY_ATTEMPTS", f"Trop de tentatives de connexion. Réessayez dans {wait}.")


async def test_failures_past_the_free_ones_make_the_address_wait(db, browser, clock):
    family = await make_family(db, EMAIL)
    client = browser()
    # The first three failures cost nothing; the fourth is answered, then the address waits.
    for _ in range(4):
        assert await answer(client, EMAIL, WRONG) == invalid()

    # Right after, even the right password is refused, from any browser.
    assert await answer(client, EMAIL, family.password) == too_many("2 seconde(s)")
    assert await answer(browser(), EMAIL, family.password) == too_many("2 seconde(s)")
    # Waiting does not count as failing: still 4 failures.
    assert (await throttle_rows(db))[f"email:{EMAIL}"].failures == 4

    # Once the wait is over, the right password signs in.
    clock.travel(timedelta(seconds=3))
    assert await answer(client, EMAIL, family.password) is None
    assert await viewer_email(client) == EMAIL


async def test_each_further_failure_doubles_the_wait(db, browser, clock):
    await make_family(db, EMAIL)
    client = browser()
    await fail_sign_ins(client, clock, EMAIL, 4)
    for failures, wait in ((5, 4), (6, 8), (7, 16), (8, 32), (9, 60)):
        clock.travel(timedelta(seconds=61))
        assert await answer(client, EMAIL, WRONG) == invalid()
        assert await answer(client, EMAIL, WRONG) == too_many(f"{wait} seconde(s)"), failures
        # Halfway through the wait: still refused (not "one second short": the server's clock runs on
        # while the answers, each an argon2 check, come back, a second or more on a loaded machine).
        clock.travel(timedelta(seconds=wait / 2))
        assert (await answer(client, EMAIL, WRONG))[0] == "TOO_MANY_ATTEMPTS"
        clock.travel(timedelta(seconds=-wait / 2))


async def test_ten_failures_lock_the_account_and_mail_its_owner_once(db, browser, smtp, clock):
    family = await make_family(db, EMAIL)
    client = browser()
    await fail_sign_ins(client, clock, EMAIL, 10)

    # Locked for 15 minutes, whatever the password; waiting attempts are not counted.
    for password in (family.password, WRONG, family.password):
        assert await answer(client, EMAIL, password) == ("TOO_MANY_ATTEMPTS", LOCKED_15_MIN)
    assert (await throttle_rows(db))[f"email:{EMAIL}"].failures == 10
    clock.travel(timedelta(minutes=13))
    assert await answer(browser(), EMAIL, family.password) == too_many("2 minute(s)")

    # The owner is told once.
    [mail] = await smtp.wait_for(EMAIL)
    assert "connexion à votre compte bloquée" in mail.subject
    assert "bloquée pendant 15 minutes" in mail.text
    assert "Bonjour Lola MARTIN" in mail.text

    # After the 15 minutes, the right password signs in and clears the failures.
    clock.travel(timedelta(minutes=2, seconds=1))
    assert await answer(client, EMAIL, family.password) is None
    assert f"email:{EMAIL}" not in await throttle_rows(db)

    # Exactly one lock mail was queued and delivered.
    assert [m.template for m in await outbox(db, EMAIL)] == ["login_locked"]
    assert len(smtp.to(EMAIL)) == 1


async def scripted_answers(client, clock, email: str, password: str) -> list[tuple[str, str] | None]:
    """Answers to a fixed sequence of sign-ins and waits, up to the lock and past it."""
    answers = [await answer(client, email, WRONG) for _ in range(4)]
    answers.append(await answer(client, email, password))  # waiting 2 s
    clock.travel(timedelta(seconds=3))
    for wait in (4, 8, 16, 32, 60):
        answers.append(await answer(client, email, WRONG))
        answers.append(await answer(client, email, password))
        clock.travel(timedelta(seconds=wait + 1))
    answers.append(await answer(client, email, WRONG))  # the 10th failure: locked
    answers.append(await answer(client, email, password))
    clock.travel(timedelta(minutes=10))
    answers.append(await answer(client, email, password))
    clock.travel(timedelta(minutes=6))
    answers.append(await answer(client, email, WRONG))  # failing again locks again
    answers.append(await answer(client, email, password))
    return answers


async def test_an_unknown_address_gets_exactly_the_same_answers_and_no_mail(db, browser, smtp, clock):
    family = await make_family(db, EMAIL)
    known = await scripted_answers(browser(), clock, EMAIL, family.password)
    clock.travel(timedelta(hours=2))  # the client address's failures are forgotten
    unknown = await scripted_answers(browser(), clock, "personne@example.org", family.password)

    assert unknown == known
    assert known[:6] == [invalid(), invalid(), invalid(), invalid(), too_many("2 seconde(s)"), invalid()]
    assert known[6] == too_many("4 seconde(s)")
    assert known[-5:] == [
        invalid(),
        ("TOO_MANY_ATTEMPTS", LOCKED_15_MIN),
        too_many("5 minute(s)"),
        invalid(),
        ("TOO_MANY_ATTEMPTS", LOCKED_15_MIN),
    ]
    # Only the real owner was mailed, once (re-locking does not mail again).
    await smtp.wait_for(EMAIL)
    assert [(m.recipient, m.template) for m in await outbox(db)] == [(EMAIL, "login_locked")]
    assert smtp.to("personne@example.org") == []


async def test_a_successful_sign_in_clears_the_address_failures(db, browser, clock):
    family = await make_family(db, EMAIL)
    client = browser()
    for _ in range(3):
        assert await answer(client, EMAIL, WRONG) == invalid()
    assert await answer(client, EMAIL, family.password) is None
    rows = await throttle_rows(db)
    assert f"email:{EMAIL}" not in rows
    assert rows["address:127.0.0.1"].failures == 3  # the client address is not cleared

    # Four failures again before any wait: the earlier three no longer count.
    for _ in range(4):
        assert await answer(client, EMAIL, WRONG) == invalid()
    assert await answer(client, EMAIL, family.password) == too_many("2 seconde(s)")


async def test_failures_are_forgotten_after_an_hour(db, browser, clock):
    family = await make_family(db, EMAIL)
    client = browser()
    await fail_sign_ins(client, clock, EMAIL, 9)
    clock.travel(timedelta(hours=1, minutes=1))
    # Not the 10th failure (no lock): a fresh count, with its free failures.
    for _ in range(4):
        assert await answer(client, EMAIL, WRONG) == invalid()
    assert await answer(client, EMAIL, family.password) == too_many("2 seconde(s)")
    assert (await throttle_rows(db))[f"email:{EMAIL}"].failures == 4


async def test_one_client_address_trying_many_accounts_is_locked_at_fifty(db, browser, smtp, clock):
    family = await make_family(db, EMAIL)
    client = browser()
    key = "address:127.0.0.1"
    # 24 failures on other addresses, counted earlier from this client.
    await set_failures(db, key, 24, clock.now())
    # Up to 25 failures are free for a client address (a school's NAT)…
    assert await answer(client, "inconnu@example.org", WRONG) == invalid()
    assert await answer(client, EMAIL, family.password) is None
    # …then it waits, whatever address it tries (its e-mail key has no failure)…
    assert await answer(client, "autre@example.org", WRONG) == invalid()
    assert (await throttle_rows(db))[key].failures == 26
    assert await answer(client, "nouveau@example.org", WRONG) == too_many("2 seconde(s)")
    assert await answer(browser(), EMAIL, family.password) == too_many("2 seconde(s)")
    # …and at its 50th failure it is locked for 15 minutes.
    await set_failures(db, key, 48, clock.now())
    await fail_sign_ins(client, clock, "encore@example.org", 1)
    await fail_sign_ins(client, clock, "toujours@example.org", 1)
    assert (await throttle_rows(db))[key].failures == 50
    assert await answer(browser(), EMAIL, family.password) == ("TOO_MANY_ATTEMPTS", LOCKED_15_MIN)
    # The browser that signed in to EMAIL before answers for itself only: not locked.
    assert await answer(client, EMAIL, family.password) is None
    clock.travel(timedelta(minutes=15, seconds=1))
    assert await answer(browser(), EMAIL, family.password) is None
    assert await outbox(db) == []  # no account was locked: nobody is mailed


async def test_bearer_sign_in_returns_a_token_and_sets_no_cookie(db, gql, browser):
    family = await make_family(db, EMAIL)
    response = await gql.raw(LOGIN, {"email": EMAIL, "password": family.password, "bearer": True})
    payload = response.json()["data"]["login"]
    assert payload["errors"] == []
    assert payload["viewer"]["account"]["email"] == EMAIL
    token = payload["bearerToken"]
    assert looks_like_token(token)
    assert "set-cookie" not in response.headers
    assert not gql.http.cookies
    assert await viewer_email(gql) is None

    # The token signs in any client that sends it.
    exporter = browser()
    viewer = await exporter.data(
        "{ viewer { account { email roles } } }", headers={"Authorization": f"Bearer {token}"}
    )
    assert viewer["viewer"]["account"] == {"email": EMAIL, "roles": ["FAMILY"]}
    for garbage in ("garbage", token[:-2] + "xx", "x" * 43, "Bearer"):
        answer_ = await exporter.data(
            "{ viewer { account { email } } }", headers={"Authorization": f"Bearer {garbage}"}
        )
        assert answer_["viewer"] is None, garbage

    # A cookie sign-in returns no token; signing out a bearer session ends it.
    cookie = await login(browser(), EMAIL, family.password)
    assert cookie["errors"] == [] and cookie["bearerToken"] is None
    out = await exporter.data("mutation { logout { ok } }", headers={"Authorization": f"Bearer {token}"})
    assert out["logout"]["ok"] is True
    gone = await exporter.data(
        "{ viewer { account { email } } }", headers={"Authorization": f"Bearer {token}"}
    )
    assert gone["viewer"] is None
