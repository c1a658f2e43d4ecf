"""GraphQL documents and helpers shared by the account tests."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import select

from portail.clock import Clock
from portail.db.engine import Database
from portail.db.models import Account, AuthSession, Guardian, LoginThrottle, OutboxMail
from tests.support.graphql import GraphQLClient

LOGIN = """
mutation Login($email: String!, $password: String!, $rememberMe: Boolean! = false, $bearer: Boolean! = false) {
  login(email: $email, password: $password, rememberMe: $rememberMe, bearer: $bearer) {
    viewer { account { email } }
    bearerToken
    errors { field code message }
  }
}"""
VIEWER = """
{ viewer {
    account { email pendingEmail roles }
    profile { civility firstName lastName birthDate mobilePhone homePhone profession employer workPhone }
    toComplete { section missingFields }
} }"""
REQUEST_RESET = """
mutation Request($email: String!) { requestPasswordReset(email: $email) { ok errors { field code message } } }"""
RESET = """
mutation Reset($token: String!, $password: String!) {
  resetPassword(token: $token, password: $password) { ok errors { field code message } }
}"""
CHANGE_PASSWORD = """
mutation Change($current: String!, $new: String!) {
  changePassword(currentPassword: $current, newPassword: $new) {
    viewer { account { email } }
    errors { field code message }
  }
}"""
UPDATE_PROFILE = """
mutation Update($input: UpdateProfileInput!) {
  updateProfile(input: $input) {
    viewer {
      account { email pendingEmail }
      profile { civility firstName lastName birthDate mobilePhone homePhone profession employer workPhone }
      toComplete { section missingFields }
    }
    errors { field code message }
  }
}"""
CONFIRM_EMAIL = """
mutation ConfirmEmail($token: String!) {
  confirmEmailChange(token: $token) { viewer { account { email pendingEmail } } errors { field code message } }
}"""
CONFIRM_ACCOUNT = """
mutation Confirm($token: String!, $password: String!) {
  confirmAccount(token: $token, password: $password) { viewer { account { email } } errors { field code } }
}"""


async def login(client: GraphQLClient, email: str, password: str, **variables: object) -> dict:
    """The ``login`` payload (``viewer``, ``bearerToken``, ``errors``)."""
    return (await client.data(LOGIN, {"email": email, "password": password, **variables}))["login"]


async def login_codes(client: GraphQLClient, email: str, password: str) -> list[str]:
    """The error codes of a sign-in ([] when it succeeded)."""
    return [e["code"] for e in (await login(client, email, password))["errors"]]


async def signed_in(client: GraphQLClient, email: str, password: str) -> GraphQLClient:
    payload = await login(client, email, password)
    assert payload["errors"] == [], payload
    return client


async def viewer_email(client: GraphQLClient) -> str | None:
    """The e-mail of the account the client's cookie signs in, or None."""
    viewer = (await client.data("{ viewer { account { email } } }"))["viewer"]
    return viewer["account"]["email"] if viewer else None


async def outbox(db: Database, to: str | None = None, template: str | None = None) -> list[OutboxMail]:
    """The mails queued (sent or not), oldest first."""
    query = select(OutboxMail)
    if to is not None:
        query = query.where(OutboxMail.recipient == to)
    if template is not None:
        query = query.where(OutboxMail.template == template)
    async with db.read_sessions() as session:
        return sorted((await session.exec(query)).all(), key=lambda m: m.created_at)


async def account_by_id(db: Database, account: Account) -> Account:
    async with db.read_sessions() as session:
        row = await session.get(Account, account.id)
        assert row is not None
        return row


async def guardian_by_id(db: Database, guardian: Guardian) -> Guardian:
    async with db.read_sessions() as session:
        row = await session.get(Guardian, guardian.id)
        assert row is not None
        return row


async def live_sessions(db: Database, account: Account) -> list[AuthSession]:
    async with db.read_sessions() as session:
        rows = (await session.exec(select(AuthSession).where(AuthSession.account_id == account.id))).all()
        return [r for r in rows if r.revoked_at is None]


async def throttle_rows(db: Database) -> dict[str, LoginThrottle]:
    async with db.read_sessions() as session:
        return {r.key: r for r in (await session.exec(select(LoginThrottle))).all()}


async def fail_sign_ins(client: GraphQLClient, clock: Clock, email: str, count: int) -> None:
    """``count`` counted sign-in failures for ``email``, moving the clock past each wait."""
    for _ in range(count):
        while (codes := await login_codes(client, email, "Pas-Le-Bon-Mot-De-Passe")) == ["TOO_MANY_ATTEMPTS"]:
            clock.travel(timedelta(seconds=61))
        assert codes == ["INVALID_CREDENTIALS"], codes


async def set_failures(db: Database, key: str, failures: int, at: datetime) -> None:
    """Record ``failures`` recent failures of a throttle key (as if counted by earlier sign-ins)."""
    async with db.transaction() as session:
        row = await session.get(LoginThrottle, key) or LoginThrottle(key=key)
        row.failures, row.last_failure_at, row.blocked_until = failures, at, None
        session.add(row)


async def logout(client: GraphQLClient) -> None:
    """Sign out (the session cookie is cleared; the device cookie stays)."""
    assert (await client.data("mutation { logout { ok } }"))["logout"]["ok"] is True
