"""Issue 12's tour of the family web client: every route of ``web/src/router.ts`` visited in headless
Chromium, signed out and signed in, each screen checked by axe-core (the WCAG 2.1 A and AA rules the
RGAA follows) with no violation of impact "serious" or "critical" allowed; the moderate and minor ones
are printed per screen, not asserted. Each signed-in screen is also shown at a phone's width (390 px)
and a desktop's (1280 px): nothing may scroll sideways on the phone, and both are kept as screenshots
in ``var/screenshots/client/<screen>-<width>.png`` (git-ignored; the README shows six of them, copied
to ``docs/screenshots/``).

axe-core (MPL-2.0, a test tool only: never shipped in ``web/dist``) is a devDependency of ``web/``;
its ``axe.min.js`` is injected into the page. Without it (``npm --prefix web ci`` not run) the tour
skips, saying so.

The family has something on every screen, made with the payments tests' builders: Emma-Rose's
January meals invoiced and paid online, February's invoiced and to pay, March's booked, a Wednesday at
the Centre aéré held in the basket, an address change waiting for the town, a CAF certificate handed in.

Also here: the month calendar with the keyboard only (Tab to a day, arrow keys to another, Enter opens
its window, Escape closes it, the focus is back on the day).
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from playwright.async_api import expect

from portail.demo import STAFF_EMAIL as DEMO_STAFF_EMAIL
from portail.demo import _legal_pages as demo_legal_pages
from portail.demo import _public_content as demo_public_content
from tests.browser.test_client_money import built_client, settings, sign_in
from tests.browser.test_client_planning import signed_in_page
from tests.payments.test_basket_flow import book_a_wednesday
from tests.payments.test_invoices import INVOICES, PAY, RUN, invoiced_family
from tests.registration.test_self_registration import open_registration
from tests.support.accounts import signed_in
from tests.support.bookings import SUBMIT, at_town_time, change, enrol, make_centre
from tests.support.builders import STAFF_PASSWORD, make_staff
from tests.support.documents import UPLOAD, caf_certificate, make_document_type, post_file
from tests.support.messages import START, reply

__all__ = ["built_client", "settings"]

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "var" / "screenshots" / "client"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}
ADDRESS = """mutation($input: UpdateHouseholdInput!) { updateHousehold(input: $input) {
  pendingFields errors { field code message } } }"""

Step = Callable[[Any], Awaitable[None]]


@dataclass(frozen=True)
class Screen:
    """One line of the tour: a name (the screenshots'), the path opened, the heading that says the
    page is there, words the family's data puts on it (waited for: the check runs on the screen as
    loaded, not on "Chargement…"), what the family does on it before it is checked, and the part of
    the page scrolled to the top of the screenshots (a CSS selector; the page's top when None)."""

    name: str
    path: str
    heading: str
    shows: str | None = None
    then: Step | None = None
    view: str | None = None


# -- what the family does on a screen before it is checked ------------------------------------------


async def wrong_password(page: Any) -> None:
    """Sign-in with a wrong password: the API's message shows."""
    await page.get_by_label("Adresse e-mail").fill("lola@famille.test")
    await page.get_by_label("Mot de passe").fill("pas-le-bon-mot-de-passe")
    await page.get_by_role("button", name="Se connecter").click()
    await page.get_by_role("alert").filter(has_text="incorrect").wait_for()


async def address_in_edit_mode(page: Any) -> None:
    """"Crayon" on "Adresse de correspondance": its form open."""
    address = page.get_by_role("region", name="Adresse de correspondance")
    await address.get_by_role("button", name="Modifier la rubrique Adresse de correspondance").click()
    await address.get_by_label("Code postal").wait_for()


async def first_child(page: Any) -> None:
    """"Mes enfants" lists Emma-Rose; her page opens."""
    await page.get_by_role("link", name=re.compile("Emma-Rose")).first.click()
    await page.get_by_role("heading", name="Emma-Rose TEST", level=1).wait_for()


async def day_window_open(page: Any) -> None:
    """Wednesday 10 March opened: its window, what may be done that day."""
    await page.get_by_role("button", name=re.compile("^mercredi 10 mars 2027")).click()
    await page.get_by_role("dialog", name="Mercredi 10 mars 2027").get_by_role("heading", level=3).first.wait_for()


async def summary_before_valider(page: Any) -> None:
    """Wednesday 17 March at the Centre aéré (the service shown): "Nouvelle présence", the day ticked,
    VALIDER, then SUIVANT: the summary and the estimate."""
    await page.get_by_role("button", name=re.compile("^mercredi 17 mars 2027")).click()
    window = page.get_by_role("dialog", name="Mercredi 17 mars 2027")
    await window.get_by_role("button", name="Nouvelle présence").click()
    await window.get_by_label("JOURNEE CENTRE AERE MERCREDI").check()
    await window.get_by_role("button", name="VALIDER", exact=True).click()
    await window.wait_for(state="hidden")
    await page.get_by_role("button", name="SUIVANT", exact=True).click()
    await page.get_by_role("heading", name="Récapitulatif").wait_for()
    await page.get_by_role("region", name=re.compile("Estimation")).wait_for()


async def request_detail_open(page: Any) -> None:
    """The first request's "Détail": its lines."""
    await page.get_by_role("button", name=re.compile("^Détail de la demande n°")).first.click()
    await page.get_by_role("table", name=re.compile("^Lignes de la demande n°")).first.wait_for()


async def new_message_refused(page: Any) -> None:
    """"Nouveau message" sent empty: the messages beside the fields."""
    await page.get_by_role("button", name="Nouveau message").click()
    await page.get_by_role("button", name="Envoyer le message").click()
    await page.locator(".field__errors").first.wait_for()


async def pinned_news_open(page: Any) -> None:
    """The public home page: the pinned news item's "Lire la suite", its full text shown."""
    await page.get_by_role("button", name=re.compile("^Lire la suite")).first.click()
    await page.locator(".news__body strong").first.wait_for()


async def registration_refused(page: Any) -> None:
    """"Créer un compte" sent empty but for a child's birth date and the terms ticked: the API's
    messages beside each field."""
    await page.get_by_role("button", name="Ajouter un enfant").click()
    await page.get_by_label("Date de naissance de l'enfant 1").fill("2019-05-14")
    await page.get_by_label("J'ai lu et j'accepte les conditions d'utilisation").check()
    await page.get_by_role("button", name="Créer mon compte").click()
    await page.wait_for_function("() => document.querySelector('input[type=email][aria-invalid=true]') !== null")


async def invoice_detail_open(page: Any) -> None:
    await page.get_by_role("button", name=re.compile("^Détail de la facture")).first.click()
    await page.get_by_role("table", name="Lignes de la facture").first.wait_for()


SIGNED_OUT = [
    Screen("connexion", "/connexion", "Connexion", then=wrong_password),
    Screen("mot-de-passe-oublie", "/mot-de-passe-oublie", "Mot de passe oublié"),
    Screen("confirmer-compte", "/confirmer-compte?token=jeton-de-test", "Activer mon compte"),
    Screen("reinitialiser-mot-de-passe", "/reinitialiser-mot-de-passe?token=jeton-de-test", "Nouveau mot de passe"),
    Screen("confirmer-email", "/confirmer-email?token=jeton-de-test", "Confirmer ma nouvelle adresse e-mail"),
    Screen("creer-un-compte", "/creer-un-compte", "Créer un compte", "J'ai lu et j'accepte", registration_refused),
    Screen("confirmer-inscription", "/confirmer-inscription?token=jeton-de-test", "Confirmer mon inscription",
           "Ce lien"),
    Screen("page-introuvable", "/une-page-qui-n-existe-pas", "Page introuvable"),
    Screen("accueil-visiteur", "/", "Bienvenue sur le Portail Familles", "À la une", pinned_news_open),
    Screen("guide", "/guide#mes-factures", "Guide utilisateur", "payez-les en ligne"),
    Screen("mentions-legales", "/mentions-legales", "Mentions légales", "Directeur de la publication"),
    Screen("accessibilite", "/accessibilite", "Déclaration d'accessibilité", "Voies de recours"),
    Screen("donnees-personnelles", "/donnees-personnelles", "Données personnelles", "Vos droits, et comment les exercer"),
    Screen("menus", "/menus?semaine={week}", "Restauration scolaire", "Carottes râpées"),
]
SIGNED_IN = [
    Screen("accueil", "/", "Bonjour Lola", "À compléter"),
    Screen("mon-profil", "/mon-profil", "Mon profil", "Adresse e-mail de connexion"),
    Screen("mon-foyer", "/mon-foyer", "Mon foyer", "En attente de validation", address_in_edit_mode),
    Screen("mes-enfants", "/mes-enfants", "Mes enfants", "Emma-Rose TEST"),
    Screen("fiche-enfant", "/mes-enfants", "Mes enfants", "Emma-Rose TEST", first_child),
    Screen("mes-documents", "/mes-documents", "Mes documents", "attestation-caf-2027.pdf"),
    Screen("inscriptions", "/inscriptions", "Inscription aux services", "Inscription acceptée"),
    Screen("planning", "/planning?mois=2027-03", "Mon planning", "Présence acceptée", view=".planning"),
    Screen("planning-jour", "/planning?mois=2027-03", "Mon planning", "Présence acceptée", day_window_open),
    Screen("planning-recapitulatif", "/planning?mois=2027-03", "Mon planning", "Présence acceptée", summary_before_valider),
    Screen("historique", "/historique", "Historique", "demandes de réservation affichées", request_detail_open),
    Screen("panier", "/panier", "Mon panier", "REGIE CENTRE AERE MERCREDI"),
    Screen("paiement-retour", "/paiement/retour?payment={payment}", "Paiement en ligne", "Paiement accepté"),
    Screen("factures", "/factures", "Mes factures", "1 facture à payer.", invoice_detail_open),
    Screen("messages", "/messages", "Mes messages", "1 message non lu", new_message_refused),
    Screen("message", "/messages/{thread}", "Repas sans porc pour Emma-Rose", "Service enfance"),
]
# The README's screenshots (docs/screenshots/): the planning, the summary before VALIDER, the basket.
IN_THE_README = ("planning", "planning-recapitulatif", "panier")


# -- axe ----------------------------------------------------------------------------------------------


async def axe(page: Any) -> list[dict[str, Any]]:
    """axe-core's violations of WCAG 2.1 A and AA on the page as it is now."""
    if not await page.evaluate("typeof window.axe !== 'undefined'"):
        await page.add_script_tag(path=str(AXE))
    result = await page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => ({passed: r.passes.length, violations: r.violations.map(v => ({id: v.id, impact: v.impact,"
        " help: v.help, targets: v.nodes.map(n => n.target.join(' '))}))}))",
        WCAG_21_AA,
    )
    assert result["passed"] > 10  # axe did look at the page (rules that found something to check)
    return list(result["violations"])


def blocking(screen: str, violations: list[dict[str, Any]]) -> list[str]:
    """The serious and critical violations, in words: rule, impact, help, the nodes' selectors."""
    return [
        f"{screen}: {v['id']} ({v['impact']}): {v['help']}: {json.dumps(v['targets'][:8], ensure_ascii=False)}"
        for v in violations
        if v["impact"] in BLOCKING
    ]


def report(screen: str, width: int, violations: list[dict[str, Any]]) -> None:
    lesser = [f"{v['id']} ({v['impact']}, {len(v['targets'])})" for v in violations if v["impact"] not in BLOCKING]
    print(f"{screen} @ {width}: {len(lesser)} moderate/minor" + (f": {', '.join(lesser)}" if lesser else ""))


async def open_screen(page: Any, url: str, screen: Screen, ids: dict[str, str]) -> None:
    await page.goto(url + screen.path.format(**ids))
    await page.get_by_role("heading", name=screen.heading, level=1).first.wait_for()
    if screen.shows is not None:
        # The words as shown (the planning's legend, folded away, holds the same words).
        await page.get_by_text(screen.shows).filter(visible=True).first.wait_for()
    if screen.then is not None:
        await screen.then(page)


# -- the family ------------------------------------------------------------------------------------


async def family_with_everything(
    db: Any, browser: Any, clock: Any, smtp: Any, origin: str
) -> tuple[Any, dict[str, str]]:
    """Household TEST, Emma-Rose: January invoiced and paid online, February invoiced and to pay,
    March's meals booked, Wednesday 10 March at the Centre aéré held in the basket (two hours to pay),
    an address change awaiting the town, a CAF certificate awaiting review, a message to the service
    with a PDF and its answer not read yet. Now: Tuesday 2 March 2027, 09:00. Returns the family and
    the ids the paths name: the online payment's (its return page), the thread's."""
    canteen, family, client, agent = await invoiced_family(db, browser, clock, smtp)
    emma = family.children["Emma-Rose"]
    assert (await agent.data(RUN, {"month": "2027-01"}))["runInvoicing"]["errors"] == []
    [invoice] = (await client.data(INVOICES, {"toPayOnly": True}))["invoices"]["edges"]
    checkout = (await client.data(PAY, {"ids": [invoice["node"]["id"]]}))["payInvoices"]
    assert checkout["errors"] == []
    async with httpx.AsyncClient(timeout=30) as payer:  # PayFiP's sandbox: paid by card
        idop = httpx.URL(checkout["redirectUrl"]).params["idop"]
        page = await payer.get(checkout["redirectUrl"])
        paid = await payer.post(str(page.url.join("paiementws.web")), data={"idop": idop, "resultat": "P"})
        assert paid.status_code == 303

    async def book(*days: date) -> None:
        changes = [change(emma.id, canteen.unit.id, d) for d in days]
        done = await client.data(SUBMIT, {"input": {"periodId": str(canteen.period.id), "changes": changes}})
        assert done["submitBookingRequest"]["errors"] == []

    await book(date(2027, 2, 8), date(2027, 2, 9), date(2027, 2, 11))
    at_town_time(clock, date(2027, 3, 2))
    client = await signed_in(browser(), family.email, family.built.password)
    agent = await signed_in(browser(), "agent@mairie.test", STAFF_PASSWORD)
    assert (await agent.data(RUN, {"month": "2027-02"}))["runInvoicing"]["errors"] == []
    await book(date(2027, 3, 8), date(2027, 3, 9), date(2027, 3, 11), date(2027, 3, 12))

    centre = await make_centre(db, payment="basket", acceptance="automatic")
    await enrol(db, emma.id, centre, family.built.household, family.built.account.id)
    held = await client.data(
        SUBMIT,
        {"input": {"periodId": str(centre.period.id), "changes": [change(emma.id, centre.unit.id, date(2027, 3, 10))]}},
    )
    assert held["submitBookingRequest"]["errors"] == []

    moved = await client.data(ADDRESS, {"input": {"address": {
        "number": "4", "street": "Rue des Écoles", "postcode": "56860", "city": "SÉNÉ"}}})
    assert moved["updateHousehold"]["errors"] == [] and moved["updateHousehold"]["pendingFields"]
    caf = await make_document_type(db)
    # Sent as the client sends it: from its own origin (the public address, here the live server's).
    handed = await post_file(
        client, UPLOAD, {"typeId": str(caf.id)}, ("attestation-caf-2027.pdf", caf_certificate(), "application/pdf"),
        headers={"x-portail-csrf": "1", "Origin": origin},
    )
    assert handed.json()["data"]["uploadDocument"]["errors"] == []

    # A message with a PDF (a multipart request from the client's origin), answered by the service.
    started = await client.http.post(
        "/graphql",
        files={
            "operations": (None, json.dumps({"query": START, "variables": {"input": {
                "topic": "BOOKINGS", "subject": "Repas sans porc pour Emma-Rose", "childId": str(emma.id),
                "body": "Bonjour,\nEmma-Rose ne mange pas de porc.", "attachments": [None]}}})),
            "map": (None, json.dumps({"0": ["variables.input.attachments.0"]})),
            "0": ("attestation.pdf", caf_certificate(), "application/pdf"),
        },
        headers={"x-portail-csrf": "1", "Origin": origin},
    )
    thread = started.json()["data"]["startMessageThread"]
    assert thread["errors"] == []
    assert (await reply(agent, thread["thread"]["id"], "Bien reçu.\nC'est noté pour la cantine."))["errors"] == []
    return family, {"payment": checkout["payment"]["id"], "thread": thread["thread"]["id"]}


async def public_content(db: Any, settings: Any) -> str:
    """The demo's public content (news, links, guide, the town's hours, two weeks of menus, the legal
    pages), written by the demo's agent; they are dated from the wall clock. Returns the Monday of the
    menus' first week."""
    await make_staff(db, DEMO_STAFF_EMAIL)
    await demo_public_content(db, settings)
    await demo_legal_pages(db, settings)
    today = datetime.now(ZoneInfo("Europe/Paris")).date()  # the demo's dates: the wall clock's, in town
    return (today - timedelta(days=today.weekday())).isoformat()


# -- the tour -------------------------------------------------------------------------------------------


async def test_every_screen_passes_axe_and_fits_a_phone(db, settings, browser, clock, smtp, live_server, chromium):
    if not AXE.is_file():
        pytest.skip(f"{AXE.relative_to(ROOT)} is missing: run `npm --prefix web ci` (`.ci/run` does)")
    family, ids = await family_with_everything(db, browser, clock, smtp, live_server.url)
    ids["week"] = await public_content(db, settings)
    await open_registration(db, text="Je m'engage à donner des **informations exactes**.")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = await chromium.new_page()
    failures: list[str] = []
    overflowing: list[str] = []
    print()

    # Signed out: each page as a visitor finds it (the sign-in page with its error shown, the public
    # home page with the pinned news unfolded), at the desktop's width, then the phone's.
    for screen in SIGNED_OUT:
        await page.set_viewport_size(DESKTOP)
        await open_screen(page, live_server.url, screen, ids)
        for size in (DESKTOP, PHONE):
            await page.set_viewport_size(size)
            await page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            violations = await axe(page)
            failures += blocking(f"{screen.name} @ {size['width']}", violations)
            report(screen.name, size["width"], violations)
            wide = await page.evaluate("document.documentElement.scrollWidth")
            if size is PHONE and wide > PHONE["width"]:
                overflowing.append(f"{screen.name}: {wide} px wide")
            await page.screenshot(path=str(SCREENSHOTS / f"{screen.name}-{size['width']}.png"))

    # Signed in: each screen at the desktop's width, then the phone's, checked and kept.
    await sign_in(page, live_server.url, "/", family.email, family.built.password)
    for screen in SIGNED_IN:
        await page.set_viewport_size(DESKTOP)
        await open_screen(page, live_server.url, screen, ids)
        for size in (DESKTOP, PHONE):
            await page.set_viewport_size(size)
            # The boxes that now scroll sideways become Tab stops on the next frames (ScrollBox.vue).
            await page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            violations = await axe(page)
            failures += blocking(f"{screen.name} @ {size['width']}", violations)
            report(screen.name, size["width"], violations)
            wide = await page.evaluate("document.documentElement.scrollWidth")
            if size is PHONE and wide > PHONE["width"]:
                overflowing.append(f"{screen.name}: {wide} px wide")
            if screen.view is not None:
                await page.locator(screen.view).first.evaluate("e => e.scrollIntoView({block: 'start'})")
            await page.screenshot(path=str(SCREENSHOTS / f"{screen.name}-{size['width']}.png"))

    assert not failures, "axe-core, serious or critical:\n" + "\n".join(failures)
    assert not overflowing, overflowing
    assert {p.name for p in SCREENSHOTS.glob("*.png")} >= {
        f"{name}-{w}.png" for name in IN_THE_README for w in (PHONE["width"], DESKTOP["width"])
    }
    assert chromium.problems == []
    assert chromium.beyond(live_server.url) == []


async def test_the_month_calendar_with_the_keyboard_only(db, browser, clock, smtp, live_server, chromium):
    """Tab reaches the calendar (one stop for the month), the arrows move to Wednesday 6 January,
    Enter opens its window, Escape closes it and the focus is back on that day."""
    _, family, _ = await book_a_wednesday(db, browser, clock, acceptance="automatic")
    page = await signed_in_page(chromium, live_server, family.email, "2027-01")
    await page.get_by_role("heading", name="Janvier 2027").wait_for()
    first = page.get_by_role("button", name=re.compile("^vendredi 1er janvier 2027"))
    await expect(first).to_be_enabled()  # the days open once the service is known
    await page.get_by_role("button", name="Aujourd'hui").focus()
    for _ in range(10):  # past "Options d'affichage et légende", to the month's one Tab stop
        await page.keyboard.press("Tab")
        if await page.evaluate("document.activeElement.classList.contains('month__open')"):
            break
    assert await first.evaluate("b => b === document.activeElement")

    # Down a week (Friday 8), left twice (Wednesday 6): the day held in the basket.
    for key in ("ArrowDown", "ArrowLeft", "ArrowLeft"):
        await page.keyboard.press(key)
    wednesday = page.get_by_role("button", name=re.compile("^mercredi 6 janvier 2027"))
    assert await wednesday.evaluate("b => b === document.activeElement")
    assert await wednesday.get_attribute("tabindex") == "0"  # the month's Tab stop follows the arrows

    await page.keyboard.press("Enter")
    window = page.get_by_role("dialog", name="Mercredi 6 janvier 2027")
    await window.get_by_role("heading", name="JOURNEE CENTRE AERE MERCREDI").wait_for()
    await page.keyboard.press("Escape")
    await window.wait_for(state="hidden")
    assert await wednesday.evaluate("b => b === document.activeElement")

    # Tab leaves the month at once: one stop, not thirty-one.
    await page.keyboard.press("Tab")
    assert not await page.evaluate("document.activeElement.classList.contains('month__open')")
    assert chromium.problems == []
