"""The guide's account steps, over HTTP: "Confirmation de votre adresse mail / création de mot de
passe", "Se connecter à son compte famille", and signing out."""

from __future__ import annotations

from sqlmodel import select

from portail.db.models import Account, AuthSession
from tests.support.builders import make_staff

LOGIN = """
mutation Login($email: String!, $password: String!, $rememberMe: Boolean! = false) {
  login(email: $email, password: $password, rememberMe: $rememberMe) {
    viewer { account { email roles confirmed } }
    errors { field code message }
  }
}"""
OPEN = """
mutation Open($input: OpenFamilyAccountInput!) {
  openFamilyAccount(input: $input) {
    account { id email confirmed roles }
    household { name guardians { firstName lastName email } }
    errors { field code message }
  }
}"""
CONFIRM = """
mutation Confirm($token: String!, $password: String!) {
  confirmAccount(token: $token, password: $password) {
    viewer { account { email confirmed } profile { firstName lastName } household { name } }
    errors { field code message }
  }
}"""
VIEWER = "{ viewer { account { email roles } household { name } toComplete { section missingFields } } }"


async def test_staff_open_account_then_family_confirms_signs_in_and_out(db, gql, browser, smtp):
    staff = await make_staff(db)
    agent = browser()
    signed_in = await agent.data(LOGIN, {"email": staff.email, "password": staff.password})
    assert signed_in["login"]["errors"] == []

    # Staff open the family's account: the family is mailed a confirmation link.
    opened = await agent.data(
        OPEN,
        {"input": {"email": " Julie.Durand@Example.org ", "householdName": "DURAND",
                   "firstName": "Julie", "lastName": "DURAND", "civility": "Mme"}},
    )
    payload = opened["openFamilyAccount"]
    assert payload["errors"] == []
    assert payload["account"]["email"] == "julie.durand@example.org"
    assert payload["account"]["confirmed"] is False
    assert payload["household"]["guardians"][0]["firstName"] == "Julie"
    [mail] = await smtp.wait_for("julie.durand@example.org")
    assert "Confirmez votre adresse" in mail.subject
    assert mail.link().startswith("http://portail.test/confirmer-compte?token=")
    assert mail.link() in mail.html

    # The family follows the link and creates a password: signed in at once.
    confirmed = await gql.data(CONFIRM, {"token": mail.token(), "password": "Cheval-Agrafe-Pile-42"})
    assert confirmed["confirmAccount"]["errors"] == []
    assert confirmed["confirmAccount"]["viewer"]["household"]["name"] == "DURAND"
    assert (await gql.data(VIEWER))["viewer"]["account"]["email"] == "julie.durand@example.org"
    mails = await smtp.wait_for("julie.durand@example.org", count=2)
    assert "mot de passe a été créé" in mails[1].subject

    # The link is single-use.
    again = await gql.data(CONFIRM, {"token": mail.token(), "password": "Cheval-Agrafe-Pile-42"})
    assert again["confirmAccount"]["errors"][0]["code"] == "TOKEN_USED"

    # Sign out; the old cookie no longer opens the session.
    old_cookie = gql.http.cookies.get("portail_session")
    assert old_cookie
    out = await gql.data("mutation { logout { ok errors { code } } }")
    assert out["logout"]["ok"] is True
    assert "portail_session" not in gql.http.cookies
    replay = await browser().data(VIEWER, headers={"Cookie": f"portail_session={old_cookie}"})
    assert replay["viewer"] is None

    # Sign in again with the e-mail typed differently; the viewer lists what to complete.
    family = browser()
    login = await family.data(LOGIN, {"email": "JULIE.DURAND@example.org ", "password": "Cheval-Agrafe-Pile-42"})
    assert login["login"]["viewer"]["account"]["roles"] == ["FAMILY"]
    viewer = (await family.data(VIEWER))["viewer"]
    sections = {item["section"]: item["missingFields"] for item in viewer["toComplete"]}
    assert sections["ME"] == ["mobilePhone"]
    assert "street" in sections["ADDRESS"]
    assert "CONFIRMATION" in sections

    async with db.read_sessions() as session:
        account = (await session.exec(select(Account).where(Account.email == "julie.durand@example.org"))).one()
        assert account.confirmed_at is not None
        assert account.password_hash.startswith("$argon2id$")
        sessions = (await session.exec(select(AuthSession).where(AuthSession.account_id == account.id))).all()
        assert sum(1 for s in sessions if s.revoked_at is None) == 1


async def test_session_cookie_is_httponly_lax_and_ends_with_the_browser_unless_remembered(db, gql, browser):
    staff = await make_staff(db)
    response = await gql.raw(LOGIN, {"email": staff.email, "password": staff.password})
    cookies = {c.split("=", 1)[0]: c for c in response.headers.get_list("set-cookie")}
    cookie = cookies["portail_session"]
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie
    assert "Max-Age" not in cookie and "expires" not in cookie.lower()
    # The device cookie (a browser that signed in before) lasts a year, sent to /graphql only.
    device = cookies["portail_device"]
    assert "HttpOnly" in device and "SameSite=lax" in device
    assert "Max-Age=31536000" in device and "Path=/graphql" in device

    remembered = await browser().raw(LOGIN, {"email": staff.email, "password": staff.password, "rememberMe": True})
    cookies = {c.split("=", 1)[0]: c for c in remembered.headers.get_list("set-cookie")}
    assert "Max-Age=2592000" in cookies["portail_session"]


async def test_staff_mutations_refuse_families_and_anonymous(db, gql, browser):
    anonymous = await gql(OPEN, {"input": {"email": "a@b.fr", "householdName": "X", "firstName": "A", "lastName": "B"}})
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"

    from tests.support.builders import make_family

    family = await make_family(db)
    parent = browser()
    await parent.data(LOGIN, {"email": family.email, "password": family.password})
    refused = await parent(OPEN, {"input": {"email": "a@b.fr", "householdName": "X", "firstName": "A", "lastName": "B"}})
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert refused["errors"][0]["message"] == "Réservé au personnel de la mairie."
    async with db.read_sessions() as session:
        assert (await session.exec(select(Account).where(Account.email == "a@b.fr"))).first() is None
