"""The family web client (``web/``) in headless Chromium, served by the API on its own origin, as a
family uses it: the mailed link opens the client's page, the password is created there, the home
page lists what the records still need; signing out and in again, a wrong password shown beside its
field. Each journey ends by checking the API's own state, not only the screen.

The client is built once (``npm ci``, ``npm run build`` in ``web/``) when Node.js is there and the
build is missing or older than its sources; ``.ci/run`` builds it before the tests.
"""

from __future__ import annotations

import fcntl
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from portail.db.models import Account
from tests.support.accounts import signed_in
from tests.support.builders import make_staff

WEB = Path(__file__).resolve().parents[2] / "web"
DIST = WEB / "dist"
OPEN = """mutation($input: OpenFamilyAccountInput!) { openFamilyAccount(input: $input) {
  account { email } errors { field code message } } }"""
PASSWORD = "Cheval-Agrafe-Pile-42"


def _stale() -> bool:
    built = DIST / "index.html"
    if not built.is_file():
        return True
    sources = [WEB / "index.html", WEB / "package-lock.json", *(WEB / "src").rglob("*")]
    return any(p.is_file() and p.stat().st_mtime > built.stat().st_mtime for p in sources)


@pytest.fixture(scope="session")
def built_client() -> Path:
    """``web/dist``, built if missing or older than its sources (one worker builds, the others wait)."""
    with (WEB / ".build.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if _stale():
            npm = shutil.which("npm")
            if npm is None:
                pytest.skip("the family client is not built and Node.js is not installed (`.ci/run` builds it)")
            if not (WEB / "node_modules").is_dir():
                subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=WEB, check=True)
            subprocess.run([npm, "run", "build"], cwd=WEB, check=True)
    return DIST


@pytest.fixture
def settings(settings, built_client: Path, _http_host: Any):
    """The app serves the built client on its own address, which the mailed links name."""
    return settings.model_copy(update={"client_dir": built_client, "public_url": _http_host.url})


async def test_a_newcomer_follows_the_mailed_link_creates_the_password_and_sees_what_to_complete(
    db, browser, live_server, chromium, smtp
):
    staff = await make_staff(db)
    agent = await signed_in(browser(), staff.email, staff.password)
    opened = await agent.data(
        OPEN,
        {"input": {"email": "julie.durand@example.org", "householdName": "DURAND", "firstName": "Julie",
                   "lastName": "DURAND", "civility": "Mme"}},
    )
    assert opened["openFamilyAccount"]["errors"] == []
    [mail] = await smtp.wait_for("julie.durand@example.org")
    link = mail.link()
    assert link.startswith(f"{live_server.url}/confirmer-compte?token=")

    page = await chromium.new_page()
    await page.goto(link)
    await page.get_by_role("heading", name="Activer mon compte").wait_for()
    assert await page.title() == "Activer mon compte – Portail Familles"
    # Two different passwords: said beside the second field, nothing sent.
    await page.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    await page.get_by_label("Confirmez le mot de passe").fill(PASSWORD + "!")
    await page.get_by_role("button", name="Activer mon compte").click()
    confirm_field = page.get_by_label("Confirmez le mot de passe")
    assert await confirm_field.get_attribute("aria-invalid") == "true"
    assert await page.get_by_text("Les deux mots de passe sont différents.").is_visible()
    # A password the API refuses (too short): its message beside the password field.
    await page.get_by_label("Mot de passe", exact=True).fill("court")
    await confirm_field.fill("court")
    await page.get_by_role("button", name="Activer mon compte").click()
    password_field = page.get_by_label("Mot de passe", exact=True)
    await page.wait_for_function(
        "() => document.querySelector('input[aria-invalid=true][type=password]') !== null"
    )
    described = await password_field.get_attribute("aria-describedby")
    assert described and "10" in await page.locator(f"#{described.split()[-1]}").inner_text()

    await password_field.fill(PASSWORD)
    await confirm_field.fill(PASSWORD)
    await page.get_by_role("button", name="Activer mon compte").click()
    await page.get_by_role("heading", name="Bonjour Julie").wait_for()
    assert page.url == f"{live_server.url}/"
    to_complete = await page.get_by_role("list").filter(has_text="Mon foyer > Moi").inner_text()
    assert "Mon foyer > Adresse de correspondance" in to_complete

    # The API's own state: the account is confirmed.
    async with db.read_sessions() as session:
        account = (await session.exec(select(Account).where(Account.email == "julie.durand@example.org"))).one()
    assert account.confirmed_at is not None

    # Sign out, then a wrong password: the API's message, then the right one.
    await page.get_by_role("button", name="Se déconnecter").click()
    await page.get_by_role("heading", name="Connexion").wait_for()
    await page.get_by_label("Adresse e-mail").fill("julie.durand@example.org")
    await page.get_by_label("Mot de passe").fill("pas-le-bon-mot-de-passe")
    await page.get_by_role("button", name="Se connecter").click()
    await page.get_by_role("alert").filter(has_text="incorrect").wait_for()
    await page.get_by_label("Mot de passe").fill(PASSWORD)
    await page.get_by_label("Se souvenir de moi").check()
    await page.get_by_role("button", name="Se connecter").click()
    await page.get_by_role("heading", name="Bonjour Julie").wait_for()
    assert chromium.problems == []
    assert chromium.beyond(live_server.url) == []


async def test_an_unknown_page_of_the_client_says_so_and_the_api_paths_stay_the_api_s(live_server, chromium):
    page = await chromium.new_page()
    await page.goto(f"{live_server.url}/une-page-qui-n-existe-pas")
    await page.get_by_role("heading", name="Page introuvable").wait_for()
    async with __import__("httpx").AsyncClient() as http:
        health = await http.get(f"{live_server.url}/healthz")
        assert health.json() == {"status": "ok"}
        typo = await http.get(f"{live_server.url}/graphqlx")
        assert typo.status_code == 404 and "<div id=\"app\">" not in typo.text
        index = await http.get(f"{live_server.url}/connexion")
        assert index.headers["cache-control"] == "no-store" and '<div id="app">' in index.text
