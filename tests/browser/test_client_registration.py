"""A family creates its own account in the web client (issue 15, item 1), in headless Chromium against
the API serving the built client: "Créer un compte" shows on the sign-in page only while the town allows
it; the form names what is wrong beside each field; the ALTCHA widget solves its proof of work (its
challenge fetched through GraphQL: no other address is asked); "Vérifiez votre messagerie"; the mailed
link confirms the address without a password and says the town will validate the household. The API's
own state is checked at the end; the new screens are checked by axe-core as the accessibility tour
checks every other one."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from portail.db.models import Account, Child, Consent, Guardian, Household, HouseholdChild
from tests.browser.test_client_accessibility import AXE, DESKTOP, PHONE, axe, blocking
from tests.browser.test_family_client import built_client
from tests.registration.test_self_registration import open_registration
from tests.support.builders import make_family

__all__ = ["built_client"]

PASSWORD = "Goeland-Vasiere-Sene-58"
EMAIL = "claire.le-goff@example.org"


@pytest.fixture
def settings(settings, built_client: Path, _http_host: Any):
    """The API serves the built client on the address the mails name; an easy proof of work (as
    ``tests/registration`` sets it), which the widget solves in well under a second."""
    return settings.model_copy(
        update={"client_dir": built_client, "public_url": _http_host.url, "altcha_max_number": 2000}
    )


async def no_blocking_violation(page: Any, screen: str) -> list[str]:
    failures: list[str] = []
    for size in (DESKTOP, PHONE):
        await page.set_viewport_size(size)
        await page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        failures += blocking(f"{screen} @ {size['width']}", await axe(page))
        wide = await page.evaluate("document.documentElement.scrollWidth")
        if size is PHONE and wide > PHONE["width"]:
            failures.append(f"{screen}: {wide} px wide on a phone")
    await page.set_viewport_size(DESKTOP)
    return failures


async def test_a_family_creates_its_account_confirms_it_from_the_mail_and_waits_for_the_town(
    db, live_server, chromium, smtp
):
    if not AXE.is_file():
        pytest.skip("web/node_modules/axe-core is missing: run `npm --prefix web ci` (`.ci/run` does)")
    page = await chromium.new_page()
    failures: list[str] = []

    # While the town does not allow it, the sign-in page offers no "Créer un compte".
    await page.goto(f"{live_server.url}/connexion")
    await page.get_by_role("link", name="Mot de passe oublié ?").wait_for()
    assert await page.get_by_role("link", name="Créer un compte").count() == 0

    # The town opens it: the sign-in page leads to the form, the terms of use shown as formatted text.
    await open_registration(db, text="Je m'engage à donner des **informations exactes**.")
    await page.goto(f"{live_server.url}/connexion")
    await page.get_by_role("link", name="Créer un compte").click()
    await page.get_by_role("heading", name="Créer un compte", level=1).wait_for()
    assert await page.title() == "Créer un compte – Portail Familles"
    terms = page.get_by_role("region", name="Texte des conditions d'utilisation")
    assert await terms.locator("strong").inner_text() == "informations exactes"

    # Filled in, but a password the API refuses and a child without a first name: each message beside
    # its field; nothing is created.
    await page.get_by_label("Adresse e-mail").fill(EMAIL)
    await page.get_by_label("Mot de passe", exact=True).fill("court")
    await page.get_by_label("Confirmez le mot de passe").fill("court")
    await page.get_by_label("Votre prénom").fill("Claire")
    await page.get_by_label("Votre nom").fill("Le Goff")
    await page.get_by_label("Nom du foyer").fill("LE GOFF")
    await page.get_by_role("button", name="Ajouter un enfant").click()
    await page.get_by_label("Date de naissance de l'enfant 1").fill("2019-05-14")
    await page.get_by_role("button", name="Ajouter un enfant").click()
    await page.get_by_label("Prénom de l'enfant 2").fill("Yann")
    await page.get_by_label("Date de naissance de l'enfant 2").fill("2021-09-02")
    # The terms' box left unticked: said beside it before anything is sent.
    await page.get_by_role("button", name="Créer mon compte").click()
    box = page.get_by_label("J'ai lu et j'accepte les conditions d'utilisation")
    await page.wait_for_function("() => document.getElementById('accepter-conditions').ariaInvalid === 'true'")
    await box.check()
    await page.get_by_role("button", name="Créer mon compte").click()
    password = page.get_by_label("Mot de passe", exact=True)
    await page.wait_for_function(
        "() => document.querySelector('input[type=password][aria-invalid=true]') !== null"
    )
    described = await password.get_attribute("aria-describedby")
    assert described and "10" in await page.locator(f"#{described.split()[-1]}").inner_text()
    first_name = page.get_by_label("Prénom de l'enfant 1")
    assert await first_name.get_attribute("aria-invalid") == "true"
    failures += await no_blocking_violation(page, "creer-un-compte-refuse")
    async with db.read_sessions() as session:
        assert (await session.exec(select(Account).where(Account.email == EMAIL))).first() is None

    # The first child removed after all; the password fixed; the robot check solved; sent.
    await page.get_by_role("button", name="Retirer l'enfant 1").click()
    assert await page.get_by_label("Prénom de l'enfant 1").input_value() == "Yann"
    assert await page.evaluate("document.activeElement.id") == "ajouter-enfant"
    await password.fill(PASSWORD)
    await page.get_by_label("Confirmez le mot de passe").fill(PASSWORD)
    # The robot check with the keyboard, as a family without a mouse does it.
    await page.get_by_role("checkbox", name="Je ne suis pas un robot").focus()
    await page.keyboard.press("Space")
    await page.get_by_text("Vérifié", exact=True).wait_for()
    await page.get_by_role("button", name="Créer mon compte").click()
    heading = page.get_by_role("heading", name="Vérifiez votre messagerie", level=1)
    await heading.wait_for()
    assert await page.evaluate("document.activeElement.textContent") == "Vérifiez votre messagerie"
    assert EMAIL in await page.get_by_role("status").inner_text()
    failures += await no_blocking_violation(page, "creer-un-compte-envoye")

    # The mail's link opens the client's confirmation page: no password asked; the household waits.
    [mail] = await smtp.wait_for(EMAIL)
    link = mail.link()
    assert link.startswith(f"{live_server.url}/confirmer-inscription?token=")
    await page.goto(link)
    await page.get_by_text("Votre compte est en attente de validation par la mairie").wait_for()
    assert await page.get_by_role("link", name="Mon foyer").count() >= 1
    failures += await no_blocking_violation(page, "confirmer-inscription")
    # Signed in: the header greets the family.
    await page.goto(f"{live_server.url}/")
    await page.get_by_role("heading", name="Bonjour Claire").wait_for()

    # The API's own state: the account confirmed, the household waiting, Yann only, the terms accepted.
    async with db.read_sessions() as session:
        account = (await session.exec(select(Account).where(Account.email == EMAIL))).one()
        guardian = await session.get(Guardian, account.guardian_id)
        assert guardian is not None
        household = await session.get(Household, guardian.household_id)
        children = (
            await session.exec(
                select(Child).join(HouseholdChild, HouseholdChild.child_id == Child.id)  # type: ignore[arg-type]
                .where(HouseholdChild.household_id == guardian.household_id)
            )
        ).all()
        consents = (await session.exec(select(Consent).where(Consent.household_id == guardian.household_id))).all()
    assert account.confirmed_at is not None
    assert household is not None and household.name == "LE GOFF" and household.awaiting_validation_since
    assert [(c.first_name, c.birth_date) for c in children] == [("Yann", date(2021, 9, 2))]
    assert [c.granted for c in consents] == [True]

    assert not failures, "axe-core, serious or critical:\n" + "\n".join(failures)
    assert chromium.problems == []
    # The widget's workers start from blob: URLs of the page's own origin; nothing else is asked.
    assert chromium.beyond(live_server.url, f"blob:{live_server.url}") == []


async def test_a_known_address_gets_the_same_screen_and_a_notice_instead(db, live_server, chromium, smtp):
    known = await make_family(db, "julie.durand@example.org")
    await open_registration(db)
    page = await chromium.new_page()
    await page.goto(f"{live_server.url}/creer-un-compte")
    await page.get_by_label("Adresse e-mail").fill(known.account.email)
    await page.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    await page.get_by_label("Confirmez le mot de passe").fill(PASSWORD)
    await page.get_by_label("Votre prénom").fill("Julie")
    await page.get_by_label("Votre nom").fill("Durand")
    await page.get_by_label("Nom du foyer").fill("DURAND")
    await page.get_by_label("J'ai lu et j'accepte les conditions d'utilisation").check()
    await page.get_by_role("checkbox", name="Je ne suis pas un robot").click(force=True)
    await page.get_by_text("Vérifié", exact=True).wait_for()
    await page.get_by_role("button", name="Créer mon compte").click()
    await page.get_by_role("heading", name="Vérifiez votre messagerie", level=1).wait_for()
    [mail] = await smtp.wait_for(known.account.email)
    assert mail.link().endswith("/connexion")
    async with db.read_sessions() as session:
        assert len((await session.exec(select(Household))).all()) == 1
    assert chromium.problems == []
