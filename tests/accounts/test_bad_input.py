"""Bad input to the account mutations, over HTTP: every refusal names the field at fault with a
stable code and a French message, and writes nothing."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import update
from sqlmodel import col, select

from portail.db.models import Account, OneTimeToken
from portail.db.models.base import utcnow
from tests.support.builders import make_family, make_staff
from tests.support.counts import row_counts

LOGIN = """
mutation Login($email: String!, $password: String!, $rememberMe: Boolean! = false) {
  login(email: $email, password: $password, rememberMe: $rememberMe) {
    viewer { account { email } }
    errors { field code message }
  }
}"""
OPEN = """
mutation Open($input: OpenFamilyAccountInput!) {
  openFamilyAccount(input: $input) {
    account { id email }
    household { name }
    errors { field code message }
  }
}"""
CONFIRM = """
mutation Confirm($token: String!, $password: String!) {
  confirmAccount(token: $token, password: $password) {
    viewer { account { email confirmed } }
    errors { field code message }
  }
}"""
REQUEST_RESET = """
mutation Request($email: String!) {
  requestPasswordReset(email: $email) { ok errors { field code message } }
}"""
RESET = """
mutation Reset($token: String!, $password: String!) {
  resetPassword(token: $token, password: $password) { ok errors { field code message } }
}"""
RESEND = """
mutation Resend($id: ID!) {
  resendAccountConfirmation(accountId: $id) { account { id } errors { field code message } }
}"""

FAMILY_EMAIL = "julie.durand@example.org"
GOOD_PASSWORD = "Cheval-Agrafe-Pile-42"
NEW_PASSWORD = "Girafe-Tambour-Velo-77"

TOKEN_INVALID = "Ce lien n'est pas valide : vérifiez qu'il a été copié en entier."
TOKEN_USED = "Ce lien a déjà été utilisé ou remplacé par un plus récent."
TOKEN_EXPIRED = "Ce lien a expiré : demandez-en un nouveau."
INVALID_EMAIL = "L'adresse e-mail n'est pas valide (exemple : nom@domaine.fr)."


def open_input(**changes: str) -> dict[str, str]:
    values = {"email": FAMILY_EMAIL, "householdName": "DURAND", "firstName": "Julie", "lastName": "DURAND"}
    values.update(changes)
    return {"input": values}


def altered(token: str) -> str:
    """The token with one character changed: still token-shaped, but not ours."""
    return token[:10] + ("A" if token[10] != "A" else "B") + token[11:]


def error_list(payload: dict) -> list[tuple[str | None, str]]:
    return [(e["field"], e["code"]) for e in payload["errors"]]


async def signed_in_staff(db, browser, staff=None):
    staff = staff or await make_staff(db)
    agent = browser()
    login = await agent.data(LOGIN, {"email": staff.email, "password": staff.password})
    assert login["login"]["errors"] == []
    return agent


async def open_family(db, browser, smtp, email: str = FAMILY_EMAIL) -> tuple[str, str]:
    """Staff open a family account; returns the account id and the mailed confirmation token."""
    agent = await signed_in_staff(db, browser)
    opened = await agent.data(OPEN, open_input(email=email))
    assert opened["openFamilyAccount"]["errors"] == []
    [mail] = await smtp.wait_for(email)
    return opened["openFamilyAccount"]["account"]["id"], mail.token()


async def reset_token(db, gql, smtp) -> tuple[str, str]:
    """A confirmed family asks for a reset link; returns its e-mail and the mailed token."""
    family = await make_family(db, FAMILY_EMAIL)
    asked = await gql.data(REQUEST_RESET, {"email": family.email})
    assert asked["requestPasswordReset"] == {"ok": True, "errors": []}
    [mail] = await smtp.wait_for(family.email)
    return family.email, mail.token()


async def account_row(db, email: str = FAMILY_EMAIL) -> Account:
    async with db.read_sessions() as session:
        return (await session.exec(select(Account).where(Account.email == email))).one()


async def live_tokens(db, purpose: str) -> list[OneTimeToken]:
    async with db.read_sessions() as session:
        query = select(OneTimeToken).where(OneTimeToken.purpose == purpose)
        return [t for t in (await session.exec(query)).all() if t.used_at is None]


# ---------------------------------------------------------------------------------------------
# Sign-in


async def test_wrong_password_and_unknown_email_get_the_same_refusal(db, gql, browser):
    staff = await make_staff(db)
    before = await row_counts(db)

    wrong = await gql.raw(LOGIN, {"email": staff.email, "password": "Pas-Le-Bon-Mot-De-Passe"})
    unknown = await browser().raw(LOGIN, {"email": "personne@mairie.test", "password": staff.password})

    for response in (wrong, unknown):
        assert response.status_code == 200
        assert "set-cookie" not in response.headers
        payload = response.json()["data"]["login"]
        assert payload["viewer"] is None
        assert payload["errors"] == [
            {
                "field": None,
                "code": "INVALID_CREDENTIALS",
                "message": "Adresse e-mail ou mot de passe incorrect.",
            }
        ]
    # Word for word the same answer: nothing tells whether the account exists.
    assert wrong.json() == unknown.json()
    assert await row_counts(db) == before


# ---------------------------------------------------------------------------------------------
# Links: confirmAccount and resetPassword


async def test_confirm_account_refuses_forged_tokens_and_keeps_the_real_one_working(db, gql, browser, smtp):
    _, token = await open_family(db, browser, smtp)
    before = await row_counts(db)

    for forged in (
        altered(token),
        token[:30],
        token + "x",
        "",
        "abc",
        "'; DROP TABLE account; --",
        "é" * 43,
        "A" * 100_000,
    ):
        answer = await gql.data(CONFIRM, {"token": forged, "password": GOOD_PASSWORD})
        payload = answer["confirmAccount"]
        assert payload["viewer"] is None, forged[:50]
        assert payload["errors"] == [{"field": "token", "code": "TOKEN_INVALID", "message": TOKEN_INVALID}]

    assert await row_counts(db) == before
    assert (await account_row(db)).confirmed_at is None
    assert "portail_session" not in gql.http.cookies
    # The genuine link was not spent by the attempts.
    confirmed = await gql.data(CONFIRM, {"token": token, "password": GOOD_PASSWORD})
    assert confirmed["confirmAccount"]["errors"] == []


async def test_confirm_account_refuses_a_used_token(db, gql, browser, smtp):
    _, token = await open_family(db, browser, smtp)
    first = await gql.data(CONFIRM, {"token": token, "password": GOOD_PASSWORD})
    assert first["confirmAccount"]["errors"] == []
    password_hash = (await account_row(db)).password_hash
    before = await row_counts(db)

    again = (await browser().data(CONFIRM, {"token": token, "password": NEW_PASSWORD}))["confirmAccount"]
    assert again["viewer"] is None
    assert again["errors"] == [{"field": "token", "code": "TOKEN_USED", "message": TOKEN_USED}]
    assert await row_counts(db) == before
    assert (await account_row(db)).password_hash == password_hash


async def test_confirm_account_refuses_an_expired_token(db, gql, browser, smtp, clock):
    _, token = await open_family(db, browser, smtp)
    before = await row_counts(db)

    clock.travel(timedelta(days=8))  # the link is valid 7 days
    expired = (await gql.data(CONFIRM, {"token": token, "password": GOOD_PASSWORD}))["confirmAccount"]
    assert expired["viewer"] is None
    assert expired["errors"] == [{"field": "token", "code": "TOKEN_EXPIRED", "message": TOKEN_EXPIRED}]
    assert await row_counts(db) == before
    assert (await account_row(db)).confirmed_at is None
    assert len(await live_tokens(db, "confirm_account")) == 1  # refused, not consumed


async def test_confirm_account_refuses_a_token_of_another_purpose(db, gql, smtp):
    _, token = await reset_token(db, gql, smtp)
    before = await row_counts(db)
    refused = (await gql.data(CONFIRM, {"token": token, "password": NEW_PASSWORD}))["confirmAccount"]
    assert refused["errors"] == [{"field": "token", "code": "TOKEN_INVALID", "message": TOKEN_INVALID}]
    assert await row_counts(db) == before


async def test_reset_password_refuses_forged_used_and_expired_tokens(db, gql, browser, smtp):
    email, token = await reset_token(db, gql, smtp)
    original_hash = (await account_row(db, email)).password_hash
    before = await row_counts(db)

    for forged in (altered(token), token[:30], "", "not a token", "A" * 100_000):
        payload = (await gql.data(RESET, {"token": forged, "password": NEW_PASSWORD}))["resetPassword"]
        assert payload == {
            "ok": False,
            "errors": [{"field": "token", "code": "TOKEN_INVALID", "message": TOKEN_INVALID}],
        }

    # Expired: the row's deadline moved into the past.
    async with db.transaction() as session:
        await session.exec(
            update(OneTimeToken)
            .where(col(OneTimeToken.purpose) == "reset_password")
            .values(expires_at=utcnow() - timedelta(minutes=1))
        )
    expired = (await gql.data(RESET, {"token": token, "password": NEW_PASSWORD}))["resetPassword"]
    assert expired == {
        "ok": False,
        "errors": [{"field": "token", "code": "TOKEN_EXPIRED", "message": TOKEN_EXPIRED}],
    }
    assert await row_counts(db) == before
    assert (await account_row(db, email)).password_hash == original_hash
    assert len(await live_tokens(db, "reset_password")) == 1

    # Used: a fresh link works once, then no more.
    smtp.clear()
    await gql.data(REQUEST_RESET, {"email": email})
    [mail] = await smtp.wait_for(email)
    done = (await gql.data(RESET, {"token": mail.token(), "password": NEW_PASSWORD}))["resetPassword"]
    assert done == {"ok": True, "errors": []}
    changed_hash = (await account_row(db, email)).password_hash
    before = await row_counts(db)
    used = (await browser().data(RESET, {"token": mail.token(), "password": GOOD_PASSWORD}))["resetPassword"]
    assert used == {"ok": False, "errors": [{"field": "token", "code": "TOKEN_USED", "message": TOKEN_USED}]}
    assert await row_counts(db) == before
    assert (await account_row(db, email)).password_hash == changed_hash


async def test_reset_password_link_expires_after_an_hour(db, gql, smtp, clock):
    email, token = await reset_token(db, gql, smtp)
    original_hash = (await account_row(db, email)).password_hash
    before = await row_counts(db)
    clock.travel(timedelta(minutes=61))
    expired = (await gql.data(RESET, {"token": token, "password": NEW_PASSWORD}))["resetPassword"]
    assert expired["errors"] == [{"field": "token", "code": "TOKEN_EXPIRED", "message": TOKEN_EXPIRED}]
    assert await row_counts(db) == before
    assert (await account_row(db, email)).password_hash == original_hash


# ---------------------------------------------------------------------------------------------
# Passwords


async def test_confirm_account_refuses_weak_passwords_and_spends_nothing(db, gql, browser, smtp):
    _, token = await open_family(db, browser, smtp)
    before = await row_counts(db)

    for password, code, message in (
        ("Court-1", "PASSWORD_TOO_SHORT", "Le mot de passe doit contenir au moins 10 caractères."),
        ("password123", "PASSWORD_TOO_COMMON", None),
        ("azertyuiop12", "PASSWORD_TOO_COMMON", None),
        (
            f"{FAMILY_EMAIL}!",
            "PASSWORD_CONTAINS_EMAIL",
            "Le mot de passe ne doit pas contenir votre adresse e-mail.",
        ),
        ("Julie.Durand-2026-Zebre", "PASSWORD_CONTAINS_EMAIL", None),
        ("x" * 129, "PASSWORD_TOO_LONG", "Le mot de passe ne doit pas dépasser 128 caractères."),
    ):
        payload = (await gql.data(CONFIRM, {"token": token, "password": password}))["confirmAccount"]
        assert payload["viewer"] is None
        assert error_list(payload) == [("password", code)], password
        assert payload["errors"][0]["message"] == (message or payload["errors"][0]["message"])
        assert "mot de passe" in payload["errors"][0]["message"].lower()

    assert await row_counts(db) == before
    account = await account_row(db)
    assert account.confirmed_at is None and account.password_hash is None
    assert "portail_session" not in gql.http.cookies
    # The link still works with a good password.
    confirmed = await gql.data(CONFIRM, {"token": token, "password": GOOD_PASSWORD})
    assert confirmed["confirmAccount"]["errors"] == []
    assert confirmed["confirmAccount"]["viewer"]["account"]["confirmed"] is True


# ---------------------------------------------------------------------------------------------
# openFamilyAccount and requestPasswordReset


@pytest.mark.parametrize(
    "email",
    [
        "julie.durand@",
        "pas-une-adresse",
        "julie@localhost",
        "a b@exemple.fr",
        "julie@@exemple.fr",
        "julie@exemple..fr",
    ],
)
async def test_open_family_account_refuses_a_malformed_email(db, browser, email):
    agent = await signed_in_staff(db, browser)
    before = await row_counts(db)
    payload = (await agent.data(OPEN, open_input(email=email)))["openFamilyAccount"]
    assert payload["account"] is None and payload["household"] is None
    assert payload["errors"] == [{"field": "email", "code": "INVALID_EMAIL", "message": INVALID_EMAIL}]
    assert await row_counts(db) == before


async def test_request_password_reset_refuses_a_malformed_email(db, gql):
    await make_family(db, FAMILY_EMAIL)
    before = await row_counts(db)
    for email in ("julie.durand@", "pas-une-adresse", "julie.durand@example.org@example.org"):
        payload = (await gql.data(REQUEST_RESET, {"email": email}))["requestPasswordReset"]
        assert payload == {
            "ok": False,
            "errors": [{"field": "email", "code": "INVALID_EMAIL", "message": INVALID_EMAIL}],
        }
    empty = (await gql.data(REQUEST_RESET, {"email": "  "}))["requestPasswordReset"]
    assert error_list(empty) == [("email", "REQUIRED")]
    huge = (await gql.data(REQUEST_RESET, {"email": "a" * 100_000 + "@example.org"}))["requestPasswordReset"]
    assert error_list(huge) == [("email", "TOO_LONG")]
    assert await row_counts(db) == before


@pytest.mark.parametrize("field", ["householdName", "firstName", "lastName", "email"])
async def test_open_family_account_refuses_a_100000_character_field(db, browser, field):
    agent = await signed_in_staff(db, browser)
    before = await row_counts(db)
    value = "a" * 100_000 + ("@example.org" if field == "email" else "")
    payload = (await agent.data(OPEN, open_input(**{field: value})))["openFamilyAccount"]
    assert payload["account"] is None
    assert error_list(payload) == [(field, "TOO_LONG")]
    assert "ne doit pas dépasser" in payload["errors"][0]["message"]
    assert await row_counts(db) == before


async def test_open_family_account_reports_every_error_at_once(db, browser):
    agent = await signed_in_staff(db, browser)
    before = await row_counts(db)
    payload = (await agent.data(OPEN, open_input(email="pas-une-adresse", lastName="")))["openFamilyAccount"]
    assert payload["account"] is None
    assert payload["errors"] == [
        {"field": "email", "code": "INVALID_EMAIL", "message": INVALID_EMAIL},
        {"field": "lastName", "code": "REQUIRED", "message": "Ce champ est obligatoire."},
    ]
    blank = await agent.data(
        OPEN, open_input(email="", householdName="   ", firstName="x" * 101, lastName="\t", civility="Sir")
    )
    assert error_list(blank["openFamilyAccount"]) == [
        ("email", "REQUIRED"),
        ("householdName", "REQUIRED"),
        ("firstName", "TOO_LONG"),
        ("lastName", "REQUIRED"),
        ("civility", "INVALID"),
    ]
    assert await row_counts(db) == before


async def test_open_family_account_refuses_an_email_already_used(db, browser):
    family = await make_family(db, FAMILY_EMAIL)
    staff_mate = await make_staff(db, "collegue@mairie-sene.fr")
    agent = await signed_in_staff(db, browser)
    before = await row_counts(db)
    for email in (" Julie.DURAND@example.org ", staff_mate.email):
        payload = (await agent.data(OPEN, open_input(email=email)))["openFamilyAccount"]
        assert payload["account"] is None
        assert payload["errors"] == [
            {
                "field": "email",
                "code": "EMAIL_ALREADY_USED",
                "message": "Un compte existe déjà avec cette adresse e-mail.",
            }
        ]
    assert await row_counts(db) == before
    assert (await account_row(db)).id == family.account.id


# ---------------------------------------------------------------------------------------------
# Wrong types: refused by GraphQL validation before anything runs


async def test_wrong_types_are_refused_before_anything_runs(db, gql, browser):
    staff = await make_staff(db)
    agent = await signed_in_staff(db, browser, staff)
    before = await row_counts(db)

    literal = f'mutation {{ login(email: "{staff.email}", password: "{staff.password}", rememberMe: "yes") {{ errors {{ code }} }} }}'
    attempts = [
        await gql.raw(literal),
        await gql.raw(LOGIN, {"email": staff.email, "password": staff.password, "rememberMe": "yes"}),
        await gql.raw(LOGIN, {"email": staff.email, "password": 12345}),
        await gql.raw(LOGIN, {"email": [staff.email], "password": staff.password}),
        await gql.raw(LOGIN, {"email": staff.email}),
    ]
    for response in attempts:
        body = response.json()
        assert body.get("data") is None, body
        assert body["errors"] and all("message" in e for e in body["errors"])
        assert "set-cookie" not in response.headers
    assert "Boolean" in attempts[0].json()["errors"][0]["message"]
    assert "Boolean" in attempts[1].json()["errors"][0]["message"]
    assert "String" in attempts[2].json()["errors"][0]["message"]

    opened = [
        await agent.http.post("/graphql", json={"query": OPEN, "variables": open_input(firstName=42)}),
        await agent.http.post(
            "/graphql",
            json={
                "query": 'mutation { openFamilyAccount(input: {email: "a@exemple.fr", householdName: "X", '
                'firstName: 42, lastName: "Y"}) { errors { code } } }'
            },
        ),
        await agent.http.post("/graphql", json={"query": OPEN, "variables": {"input": "julie"}}),
    ]
    for response in opened:
        body = response.json()
        assert body.get("data") is None, body
        assert (
            "String" in body["errors"][0]["message"]
            or "OpenFamilyAccountInput" in body["errors"][0]["message"]
        )
    assert await row_counts(db) == before
    assert "portail_session" not in gql.http.cookies


# ---------------------------------------------------------------------------------------------
# resendAccountConfirmation


async def test_resend_account_confirmation_refuses_unknown_and_malformed_ids(db, browser, smtp):
    agent = await signed_in_staff(db, browser)
    opened = await agent.data(OPEN, open_input())
    account_id = opened["openFamilyAccount"]["account"]["id"]
    await smtp.wait_for(FAMILY_EMAIL)
    before = await row_counts(db)
    not_found = {"field": "accountId", "code": "NOT_FOUND", "message": "Ce compte n'existe pas."}

    for bad_id in (str(uuid.uuid4()), "pas-un-uuid", "", "12345", account_id + "0", "0" * 100_000):
        payload = (await agent.data(RESEND, {"id": bad_id}))["resendAccountConfirmation"]
        assert payload == {"account": None, "errors": [not_found]}, bad_id[:50]
    as_int = await agent.data(
        "mutation { resendAccountConfirmation(accountId: 12345) { errors { field code } } }"
    )
    assert as_int["resendAccountConfirmation"]["errors"] == [{"field": "accountId", "code": "NOT_FOUND"}]
    assert await row_counts(db) == before

    # The real id works (the test can tell the difference).
    resent = (await agent.data(RESEND, {"id": account_id}))["resendAccountConfirmation"]
    assert resent["errors"] == [] and resent["account"]["id"] == account_id
