"""Changing the password while signed in: the current one is checked, the policy applies, the
other sessions end and the owner is told."""

from __future__ import annotations

from portail.adapters.hashing import verify_password
from tests.support.accounts import (
    CHANGE_PASSWORD,
    account_by_id,
    live_sessions,
    login_codes,
    outbox,
    signed_in,
    viewer_email,
)
from tests.support.builders import make_family, make_staff

NEW_PASSWORD = "Goeland-Marelle-Vitrail-73"


async def change(client, current: str, new: str) -> dict:
    return (await client.data(CHANGE_PASSWORD, {"current": current, "new": new}))["changePassword"]


async def test_change_keeps_this_session_ends_the_others_and_mails_the_owner(db, browser, smtp):
    family = await make_family(db)
    here = await signed_in(browser(), family.email, family.password)
    elsewhere = await signed_in(browser(), family.email, family.password)
    assert len(await live_sessions(db, family.account)) == 2

    changed = await change(here, family.password, NEW_PASSWORD)
    assert changed["errors"] == []
    assert changed["viewer"]["account"]["email"] == family.email

    # This browser stays signed in; the other one is signed out.
    assert await viewer_email(here) == family.email
    assert await viewer_email(elsewhere) is None
    assert len(await live_sessions(db, family.account)) == 1

    # The new password signs in, the old one no longer does.
    assert await login_codes(browser(), family.email, family.password) == ["INVALID_CREDENTIALS"]
    assert await login_codes(browser(), family.email, NEW_PASSWORD) == []
    account = await account_by_id(db, family.account)
    assert (await verify_password(account.password_hash, NEW_PASSWORD))[0]

    [mail] = await smtp.wait_for(family.email)
    assert "mot de passe a été modifié" in mail.subject
    assert "Bonjour Lola MARTIN" in mail.text
    assert "autres connexions ouvertes ont été fermées" in mail.html


async def test_wrong_current_password_is_refused_on_its_field(db, browser, smtp):
    family = await make_family(db)
    client = await signed_in(browser(), family.email, family.password)
    before = (await account_by_id(db, family.account)).password_hash

    refused = await change(client, "Pas-Le-Bon-Mot-De-Passe", NEW_PASSWORD)
    assert refused["viewer"] is None
    assert refused["errors"] == [
        {
            "field": "currentPassword",
            "code": "WRONG_PASSWORD",
            "message": "Le mot de passe actuel est incorrect.",
        }
    ]
    assert (await account_by_id(db, family.account)).password_hash == before
    assert await viewer_email(client) == family.email
    assert await login_codes(browser(), family.email, family.password) == []
    assert await outbox(db) == []


async def test_new_password_must_follow_the_policy(db, browser):
    family = await make_family(db, "julie.durand@example.org", first_name="Julie", name="DURAND")
    other = await signed_in(browser(), family.email, family.password)
    client = await signed_in(browser(), family.email, family.password)
    before = (await account_by_id(db, family.account)).password_hash

    for new, code in (
        ("court", "PASSWORD_TOO_SHORT"),
        ("x" * 129, "PASSWORD_TOO_LONG"),
        ("julie.durand-Kayak-2026", "PASSWORD_CONTAINS_EMAIL"),
        ("azertyuiop", "PASSWORD_TOO_COMMON"),
        (family.password, "SAME_PASSWORD"),
    ):
        refused = await change(client, family.password, new)
        assert refused["viewer"] is None
        assert [(e["field"], e["code"]) for e in refused["errors"]] == [("newPassword", code)], new
        assert refused["errors"][0]["message"]

    # Nothing changed: same hash, both sessions alive, no mail queued.
    assert (await account_by_id(db, family.account)).password_hash == before
    assert await viewer_email(other) == family.email
    assert len(await live_sessions(db, family.account)) == 2
    assert await outbox(db) == []


async def test_staff_change_their_password_too(db, browser, smtp):
    staff = await make_staff(db)
    client = await signed_in(browser(), staff.email, staff.password)
    assert (await change(client, staff.password, NEW_PASSWORD))["errors"] == []
    assert await login_codes(browser(), staff.email, NEW_PASSWORD) == []
    [mail] = await smtp.wait_for(staff.email)
    assert "Bonjour Agnès Agent" in mail.text


async def test_anonymous_is_refused_with_a_top_level_error(db, gql):
    family = await make_family(db)
    body = await gql(CHANGE_PASSWORD, {"current": family.password, "new": NEW_PASSWORD})
    assert body["data"] is None
    [error] = body["errors"]
    assert error["extensions"]["code"] == "UNAUTHENTICATED"
    assert error["message"] == "Vous devez être connecté."
    assert (await account_by_id(db, family.account)).password_hash == family.account.password_hash


async def test_guessing_the_current_password_is_throttled_like_a_sign_in(db, browser, smtp, clock):
    """A stolen session is no password oracle: wrong guesses wait, then lock and tell the owner."""
    from datetime import timedelta

    family = await make_family(db, email="guessed@example.org")
    thief = await signed_in(browser(), family.email, family.password)
    codes = []
    for _ in range(10):
        answer = await change(thief, "Mauvaise-Supposition-1", NEW_PASSWORD)
        codes.append(answer["errors"][0]["code"])
        clock.travel(timedelta(seconds=61))
    assert codes == ["WRONG_PASSWORD"] * 10
    # The tenth failure locked the address: even the right password now waits, and the owner knows.
    locked = await change(thief, family.password, NEW_PASSWORD)
    assert locked["errors"][0]["code"] == "TOO_MANY_ATTEMPTS"
    assert locked["errors"][0]["field"] == "currentPassword"
    [mail] = await smtp.wait_for("guessed@example.org")
    assert "bloquée" in mail.subject
    stored = await account_by_id(db, family.account)
    assert (await verify_password(stored.password_hash, family.password))[0]
