"""Signing in on a browser that already carries a session ends that session on the server: a shared
computer where a second parent signs in keeps nothing of the first one open."""

from __future__ import annotations

from tests.support.accounts import live_sessions, login, login_codes, signed_in, viewer_email
from tests.support.builders import make_family


async def test_signing_in_as_another_account_ends_the_first_session(db, browser):
    mother = await make_family(db, "lola.martin@example.org")
    father = await make_family(db, "paul.durand@example.org", name="DURAND", first_name="Paul")
    shared = await signed_in(browser(), mother.email, mother.password)
    first_cookie = shared.http.cookies["portail_session"]

    # A wrong password changes nothing: the mother is still signed in.
    assert await login_codes(shared, father.email, "Pas-Le-Bon-Mot-De-Passe") == ["INVALID_CREDENTIALS"]
    assert await viewer_email(shared) == mother.email
    assert len(await live_sessions(db, mother.account)) == 1

    await signed_in(shared, father.email, father.password)
    assert await viewer_email(shared) == father.email
    assert await live_sessions(db, mother.account) == []
    assert len(await live_sessions(db, father.account)) == 1

    # The first session's cookie, kept by whoever copied it, opens nothing any more.
    replay = browser()
    replay.http.cookies.set("portail_session", first_cookie)
    assert await viewer_email(replay) is None


async def test_signing_in_again_replaces_the_session(db, browser):
    family = await make_family(db, "lola.martin@example.org")
    client = await signed_in(browser(), family.email, family.password)
    [before] = await live_sessions(db, family.account)
    assert (await login(client, family.email, family.password, rememberMe=True))["errors"] == []
    [after] = await live_sessions(db, family.account)
    assert after.id != before.id and after.remember
    assert await viewer_email(client) == family.email

    # Another browser's session is not touched.
    other = await signed_in(browser(), family.email, family.password)
    assert len(await live_sessions(db, family.account)) == 2
    assert await viewer_email(client) == await viewer_email(other) == family.email
