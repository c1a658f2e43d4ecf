"""The guide's "Mon foyer", "Mes enfants" and "Mon profil" in the family web client, in headless
Chromium, as the demo family (``portail.demo``) uses them: "Crayon" on a section, a field changed,
"VALIDER", the change seen (or seen waiting for the town's review); a bad input answered beside its
field; a child's section completed from the home page's "À compléter" link. Each journey ends by
checking the database, not only the screen.
"""

from __future__ import annotations

from sqlmodel import select

from portail.db.models import Account, Child, Guardian, Household, PendingChange
from portail.demo import FAMILY_EMAIL, FAMILY_PASSWORD, load_demo
from tests.browser.test_family_client import built_client, settings  # noqa: F401  (fixtures)


async def sign_in_at(page, url: str) -> None:
    """Open ``url``: the client asks to sign in first, then comes back to it. The home page is open
    to everyone: there, its "Se connecter" leads to the sign-in page."""
    await page.goto(url)
    if url.endswith("/") and url.count("/") == 3:
        await page.get_by_role("main").get_by_role("link", name="Se connecter", exact=True).click()
    await page.get_by_role("heading", name="Connexion").wait_for()
    await page.get_by_label("Adresse e-mail").fill(FAMILY_EMAIL)
    await page.get_by_label("Mot de passe").fill(FAMILY_PASSWORD)
    await page.get_by_role("button", name="Se connecter").click()


async def test_mon_foyer_crayon_on_the_address_a_bad_postcode_then_the_change_waits_for_the_town(
    db, settings, live_server, chromium  # noqa: F811
):
    await load_demo(db, settings)
    page = await chromium.new_page()
    await sign_in_at(page, f"{live_server.url}/mon-foyer")
    await page.get_by_role("heading", name="Mon foyer", level=1).wait_for()
    address = page.get_by_role("region", name="Adresse de correspondance")
    assert "Rue de la Surveillance" in await address.inner_text()

    await address.get_by_role("button", name="Modifier la rubrique Adresse de correspondance").click()
    # A postcode of four digits and a phone number that is none: each message beside its field.
    await address.get_by_label("Code postal").fill("5686")
    await address.get_by_label("Téléphone principal").fill("12")
    await address.get_by_role("button", name="Valider").click()
    postcode = address.get_by_label("Code postal")
    await page.wait_for_function("() => document.querySelectorAll('[aria-invalid=true]').length === 2")
    described = await postcode.get_attribute("aria-describedby")
    assert described and "cinq chiffres" in await page.locator(f"#{described.split()[-1]}").inner_text()
    phone = address.get_by_label("Téléphone principal")
    assert await phone.get_attribute("aria-invalid") == "true"

    await postcode.fill("56860")
    await address.get_by_label("Ville").fill("SÉNÉ")
    # The commune's INSEE code, optional, says why it is asked.
    insee = address.get_by_label("Code commune (INSEE)")
    why = (await insee.get_attribute("aria-describedby") or "").split()[0]
    assert "partagent parfois un code postal" in await page.locator(f"#{why}").inner_text()
    await insee.fill("56243")
    await phone.fill("02 97 00 00 00")
    await address.get_by_role("button", name="Valider").click()
    await address.get_by_role("status").filter(has_text="En attente de validation par la mairie").wait_for()
    # The town checks addresses: the old one stays, the new one shows as waiting.
    await address.get_by_text("En attente de validation : 56860").wait_for()
    assert "En attente de validation" in await address.inner_text()  # the section's state, in words
    assert "+33297000000" in await address.inner_text()  # the phone is not checked: applied at once

    async with db.read_sessions() as session:
        household = (await session.exec(select(Household).where(Household.name == "TEST"))).one()
        pending = (
            await session.exec(select(PendingChange).where(PendingChange.entity_id == household.id))
        ).all()
    assert (household.postcode, household.insee_code, household.main_phone) == ("60200", None, "+33297000000")
    assert {p.field for p in pending if p.state == "pending"} >= {"postcode", "city", "inseeCode"}
    assert chromium.problems == []


async def test_a_child_s_section_is_completed_from_the_home_page_s_link(
    db, settings, live_server, chromium  # noqa: F811
):
    await load_demo(db, settings)
    page = await chromium.new_page()
    await sign_in_at(page, f"{live_server.url}/")
    await page.get_by_role("heading", name="À compléter").wait_for()
    await page.get_by_role("link", name="Emma-Rose > Santé").click()
    await page.get_by_role("heading", name="Emma-Rose TEST", level=1).wait_for()
    health = page.get_by_role("region", name="Santé")
    # The link opened the section's form, its first field focused.
    doctor = health.get_by_label("Médecin traitant")
    await doctor.wait_for()
    assert await doctor.evaluate("e => e === document.activeElement")
    await doctor.fill("Dr Martin")
    await health.get_by_label("Téléphone du médecin").fill("pas un numéro")
    await health.get_by_role("button", name="Valider").click()
    doctor_phone = health.get_by_label("Téléphone du médecin")
    await page.wait_for_function("() => document.querySelector('[aria-invalid=true]') !== null")
    assert await doctor_phone.get_attribute("aria-invalid") == "true"
    await doctor_phone.fill("02 97 11 22 33")
    await health.get_by_role("button", name="Valider").click()
    await health.get_by_role("status").filter(has_text="Modifications enregistrées").wait_for()
    await health.get_by_text("Complet", exact=True).wait_for()
    assert "Dr Martin" in await health.inner_text()
    # The form closed, the focus is back on the section's "Crayon" (a keyboard user goes on from there);
    # "Crayon" again, then "Annuler": the same.
    crayon = health.get_by_role("button", name="Modifier la rubrique Santé")
    assert await crayon.evaluate("e => e === document.activeElement")
    await page.keyboard.press("Enter")
    assert await health.get_by_label("Médecin traitant").evaluate("e => e === document.activeElement")
    await health.get_by_role("button", name="Annuler").click()
    await crayon.wait_for()
    assert await crayon.evaluate("e => e === document.activeElement")

    async with db.read_sessions() as session:
        emma = (await session.exec(select(Child).where(Child.first_name == "Emma-Rose"))).one()
    assert (emma.doctor_name, emma.doctor_phone) == ("Dr Martin", "+33297112233")
    # Back home, Santé is no longer to complete.
    await page.goto(f"{live_server.url}/")
    await page.get_by_role("heading", name="Bonjour Lola").wait_for()
    assert await page.get_by_role("link", name="Emma-Rose > Santé").count() == 0
    assert chromium.problems == []


async def test_mon_profil_edits_the_profession_and_asks_for_a_new_address(
    db, settings, live_server, chromium, smtp  # noqa: F811
):
    await load_demo(db, settings)
    page = await chromium.new_page()
    await sign_in_at(page, f"{live_server.url}/mon-profil")
    await page.get_by_role("heading", name="Mon profil", level=1).wait_for()
    await page.get_by_label("Profession", exact=True).fill("Infirmière")
    await page.get_by_role("button", name="Valider").click()
    await page.get_by_role("status").filter(has_text="Votre profil est enregistré.").wait_for()

    await page.get_by_label("Nouvelle adresse e-mail").fill("lola.nouvelle@example.org")
    await page.get_by_role("button", name="Changer d'adresse").click()
    await page.get_by_text("Nouvelle adresse en attente de confirmation").wait_for()
    [mail] = await smtp.wait_for("lola.nouvelle@example.org")
    link = mail.link()
    assert link.startswith(f"{live_server.url}/confirmer-email?token=")
    await page.goto(link)
    await page.get_by_text("Votre adresse de connexion est désormais").wait_for()

    async with db.read_sessions() as session:
        account = (await session.exec(select(Account).where(Account.email == "lola.nouvelle@example.org"))).one()
        guardian = await session.get(Guardian, account.guardian_id)
    assert guardian is not None and guardian.profession == "Infirmière"
    assert chromium.problems == []
