"""The guide's "Mot de passe oublié ?", over HTTP: the reset link mailed, a new password chosen
from it, every session ended, and the link's limits (single use, one hour, replaced by a newer)."""

from __future__ import annotations

from datetime import timedelta

from portail.adapters.hashing import verify_password
from tests.support.accounts import (
    CONFIRM_ACCOUNT,
    REQUEST_RESET,
    RESET,
    account_by_id,
    fail_sign_ins,
    live_sessions,
    login,
    login_codes,
    outbox,
    signed_in,
    viewer_email,
)
from tests.support.builders import make_family

NEW_PASSWORD = "Goeland-Marelle-Vitrail-73"
# Addresses under .test are refused as undeliverable by requestPasswordReset's validation.
EMAIL = "lola.martin@example.org"
RESET_LINK = "http://portail.test/reinitialiser-mot-de-passe?token="


async def ask_reset(client, email: str) -> dict:
    return (await client.data(REQUEST_RESET, {"email": email}))["requestPasswordReset"]


async def reset(client, token: str, password: str = NEW_PASSWORD) -> dict:
    return (await client.data(RESET, {"token": token, "password": password}))["resetPassword"]


async def test_forgotten_password_end_to_end(db, gql, browser, smtp):
    family = await make_family(db, EMAIL)
    # Two sessions opened before the reset: a browser cookie and a remembered one.
    laptop = await signed_in(browser(), family.email, family.password)
    phone = browser()
    assert (await login(phone, family.email, family.password, rememberMe=True))["errors"] == []
    assert len(await live_sessions(db, family.account)) == 2

    # "Mot de passe oublié ?": the address typed as people type it.
    asked = await ask_reset(gql, "  Lola.Martin@Example.ORG ")
    assert asked == {"ok": True, "errors": []}
    [mail] = await smtp.wait_for(family.email)
    assert "réinitialisation de votre mot de passe" in mail.subject
    assert mail.link().startswith(RESET_LINK)
    assert mail.link() in mail.html
    assert "60 minutes" in mail.text

    # A password the policy refuses: nothing happens, the link still works.
    weak = await reset(gql, mail.token(), "court")
    assert weak["ok"] is False
    assert [(e["field"], e["code"]) for e in weak["errors"]] == [("password", "PASSWORD_TOO_SHORT")]
    assert await viewer_email(laptop) == family.email

    done = await reset(gql, mail.token())
    assert done == {"ok": True, "errors": []}
    assert "portail_session" not in gql.http.cookies  # a reset does not sign in

    # Every session of the account ended: the cookies from before no longer open it.
    assert await viewer_email(laptop) is None
    assert await viewer_email(phone) is None
    assert await live_sessions(db, family.account) == []

    # The old password is refused, the new one accepted.
    assert await login_codes(browser(), family.email, family.password) == ["INVALID_CREDENTIALS"]
    assert await login_codes(browser(), family.email, NEW_PASSWORD) == []
    account = await account_by_id(db, family.account)
    assert (await verify_password(account.password_hash, NEW_PASSWORD))[0]
    assert account.password_changed_at is not None

    # The owner is told.
    mails = await smtp.wait_for(family.email, count=2)
    assert "mot de passe a été modifié" in mails[1].subject
    assert "Lola MARTIN" in mails[1].text

    # The link is single-use.
    again = await reset(gql, mail.token(), "Autre-Phrase-Secrete-2031")
    assert again["ok"] is False
    assert [(e["field"], e["code"]) for e in again["errors"]] == [("token", "TOKEN_USED")]
    assert await login_codes(browser(), family.email, NEW_PASSWORD) == []


async def test_reset_link_expires_after_one_hour(db, gql, browser, smtp, clock):
    family = await make_family(db, EMAIL)

    # Just inside the hour, the link works.
    await ask_reset(gql, family.email)
    [first] = await smtp.wait_for(family.email)
    clock.travel(timedelta(minutes=59))
    assert (await reset(gql, first.token())) == {"ok": True, "errors": []}

    # Past the hour, it has expired and the password is unchanged.
    await ask_reset(gql, family.email)
    mails = await smtp.wait_for(family.email, count=3)
    [second] = [m for m in mails[1:] if "réinitialisation" in m.subject]
    assert second.token() != first.token()
    clock.travel(timedelta(minutes=60, seconds=1))
    expired = await reset(gql, second.token(), "Autre-Phrase-Secrete-2031")
    assert expired["ok"] is False
    assert expired["errors"][0]["code"] == "TOKEN_EXPIRED"
    assert expired["errors"][0]["message"] == "Ce lien a expiré : demandez-en un nouveau."
    assert await login_codes(browser(), family.email, "Autre-Phrase-Secrete-2031") == ["INVALID_CREDENTIALS"]
    assert await login_codes(browser(), family.email, NEW_PASSWORD) == []


async def test_a_second_request_makes_the_first_link_stop_working(db, gql, browser, smtp):
    family = await make_family(db, EMAIL)
    await ask_reset(gql, family.email)
    await ask_reset(gql, family.email)
    first, second = await smtp.wait_for(family.email, count=2)
    assert first.token() != second.token()

    stale = await reset(gql, first.token())
    assert stale["ok"] is False
    assert stale["errors"][0]["code"] == "TOKEN_USED"
    assert await login_codes(browser(), family.email, family.password) == []

    assert (await reset(gql, second.token())) == {"ok": True, "errors": []}
    assert await login_codes(browser(), family.email, NEW_PASSWORD) == []


async def test_an_altered_link_is_refused(db, gql, smtp):
    family = await make_family(db, EMAIL)
    await ask_reset(gql, family.email)
    [mail] = await smtp.wait_for(family.email)
    token = mail.token()
    for altered in (token[:-1], token[:-1] + ("A" if token[-1] != "A" else "B"), "x", token + "'--"):
        refused = await reset(gql, altered)
        assert refused["ok"] is False
        assert [(e["field"], e["code"]) for e in refused["errors"]] == [("token", "TOKEN_INVALID")]
    assert (await reset(gql, token)) == {"ok": True, "errors": []}


async def test_unknown_address_gets_the_same_answer_and_no_mail(db, gql, browser, smtp):
    family = await make_family(db, EMAIL)
    known = await gql.raw(REQUEST_RESET, {"email": family.email})
    unknown = await browser().raw(REQUEST_RESET, {"email": "personne@example.org"})
    assert known.status_code == unknown.status_code == 200
    assert unknown.json() == known.json() == {"data": {"requestPasswordReset": {"ok": True, "errors": []}}}
    assert "set-cookie" not in known.headers and "set-cookie" not in unknown.headers

    # The known address is mailed; by then the other one would have been too.
    await smtp.wait_for(family.email)
    assert [m.recipient for m in await outbox(db)] == [family.email]
    assert smtp.to("personne@example.org") == []


async def test_unconfirmed_account_receives_a_new_confirmation_link_instead(db, gql, smtp):
    family = await make_family(db, "nouveau@example.org", confirmed=False)
    assert (await ask_reset(gql, family.email)) == {"ok": True, "errors": []}
    [mail] = await smtp.wait_for(family.email)
    assert "Confirmez votre adresse" in mail.subject
    assert mail.link().startswith("http://portail.test/confirmer-compte?token=")
    assert [m.template for m in await outbox(db, family.email)] == ["account_opened"]

    # The confirmation link sets the first password.
    confirmed = await gql.data(CONFIRM_ACCOUNT, {"token": mail.token(), "password": NEW_PASSWORD})
    assert confirmed["confirmAccount"]["errors"] == []
    assert await viewer_email(gql) == family.email
    assert (await account_by_id(db, family.account)).confirmed_at is not None


async def test_a_reset_lifts_a_sign_in_lock(db, gql, browser, smtp, clock):
    family = await make_family(db, EMAIL)
    await fail_sign_ins(browser(), clock, family.email, 10)
    assert await login_codes(browser(), family.email, family.password) == ["TOO_MANY_ATTEMPTS"]

    # The lock mail points to "Mot de passe oublié ?": choosing a new password unlocks.
    await ask_reset(gql, family.email)
    mails = await smtp.wait_for(family.email, count=2)
    [link] = [m for m in mails if "réinitialisation" in m.subject]
    assert (await reset(gql, link.token())) == {"ok": True, "errors": []}
    assert await login_codes(browser(), family.email, NEW_PASSWORD) == []
