"""The family web client's money screens in headless Chromium, as a family uses them: "Mon panier" →
"Valider et payer" → PayFiP's page (the sandbox, mounted in the app) → "Payer" → back on the client's
return page, which says it is paid; "Historique" lists the request accepted; "Mes factures" shows the
paid invoice, its "Aperçu" is a PDF; an unpaid invoice of a monthly run is paid online the same way.
"Retirer" a request from the basket (its day cancelled, its place freed); a card refused, then a payment
abandoned on PayFiP's page (the return page says so and leads back to the basket, still there to pay);
a paid day cancelled into a credit ("avoir"), then a basket the credit pays: "Valider" without PayFiP,
the return page says it and links to the invoice. Each journey ends by checking the database.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from portail.db.models.invoices import Invoice
from portail.db.models.payments import BasketEntry, Payment
from tests.browser.test_family_client import built_client
from tests.payments.test_basket_credit import NEXT_WEDNESDAYS, paid_wednesday, request
from tests.payments.test_basket_flow import WEDNESDAY, book_a_wednesday
from tests.payments.test_invoices import RUN, invoiced_family
from tests.support.bookings import SUBMIT, bookings, slot_counters

__all__ = ["built_client"]


@pytest.fixture
def settings(settings, built_client: Path, _http_host: Any):
    """The app serves the built client on its own address; PayFiP's sandbox (mounted in the app)
    calls the notification back there, and sends the payer back to the client's page there."""
    return settings.model_copy(
        update={"client_dir": built_client, "public_url": _http_host.url, "api_url": _http_host.url}
    )


async def sign_in(page: Any, url: str, path: str, email: str, password: str) -> None:
    """Open ``path`` signed out: the sign-in page, then back to ``path``. The home page is open to
    everyone: there, its "Se connecter" leads to the sign-in page."""
    await page.goto(f"{url}{path}")
    if path == "/":
        await page.get_by_role("main").get_by_role("link", name="Se connecter", exact=True).click()
    await page.get_by_role("heading", name="Connexion").wait_for()
    await page.get_by_label("Adresse e-mail").fill(email)
    await page.get_by_label("Mot de passe").fill(password)
    await page.get_by_role("button", name="Se connecter").click()
    await page.wait_for_url(f"{url}{path}")


async def pay_on_the_sandbox(page: Any, url: str) -> None:
    """PayFiP's page (the sandbox's): the debt shown, "Payer (carte acceptée)", back to the client."""
    await leave_the_sandbox(page, url, "Payer (carte acceptée)", "Paiement accepté")


async def leave_the_sandbox(page: Any, url: str, button: str, said: str) -> None:
    """PayFiP's page (the sandbox's): press ``button``, back on the client's return page, which says
    ``said`` once PayFiP's result is known."""
    await page.wait_for_url(f"{url}/payfip-sandbox/**")
    await page.get_by_role("button", name=button).click()
    await page.wait_for_url(f"{url}/paiement/retour?*payment=*")
    await page.get_by_role("status").filter(has_text=said).wait_for()


async def opens_a_pdf(page: Any, link: Any) -> bool:
    """Whether the link's address answers a PDF (asked with the page's cookies)."""
    answer = await page.request.get(await link.get_attribute("href"))
    return bool(answer.ok) and (await answer.body()).startswith(b"%PDF")


async def payments(db: Any) -> list[Payment]:
    """The payment rows, oldest first."""
    async with db.read_sessions() as session:
        return list((await session.exec(select(Payment).order_by(Payment.created_at))).all())


async def test_a_wednesday_in_the_basket_is_paid_through_payfip_then_listed_and_invoiced(
    db, browser, clock, smtp, live_server, chromium
):
    _, family, request = await book_a_wednesday(db, browser, clock, acceptance="automatic")
    page = await chromium.new_page()
    await sign_in(page, live_server.url, "/panier", family.email, family.built.password)

    # Mon panier: the regie, the request, its line, what is to pay.
    await page.get_by_role("heading", name="REGIE CENTRE AERE MERCREDI").wait_for()
    held = page.get_by_role("heading", level=3)
    assert "Réservation n° 000001 pour TEST Emma-Rose créée le 14/12/2026 à 09:00 à régler avant : 11:00" in (
        " ".join((await held.inner_text()).split())
    )
    lines = page.get_by_role("table", name="Réservation n° 000001")
    assert "JOURNEE CENTRE AERE MERCREDI RESERVE (06/01)" in await lines.inner_text()
    assert "7,70" in await page.locator(".money-totals__due").inner_text()
    assert await page.get_by_role("link", name="+ Nouvelle réservation").get_attribute("href") == "/planning"

    # Valider et payer: PayFiP's page, card accepted, back on the client's return page.
    await page.get_by_role("button", name="Valider et payer").click()
    await pay_on_the_sandbox(page, live_server.url)
    assert "7,70" in await page.get_by_role("status").inner_text()
    assert [b.state for b in await bookings(db)] == ["accepted"]

    # Historique: the request, accepted; its detail lists the line with its own state.
    await page.get_by_role("link", name="Historique").click()
    row = page.get_by_role("row").filter(has_text=request["numberText"])
    await row.first.wait_for()
    assert "Acceptée" in await row.first.inner_text()
    await page.get_by_role("button", name=f"Détail de la demande n° {request['numberText']}").click()
    detail = page.get_by_role("table", name=f"Lignes de la demande n° {request['numberText']}")
    assert "Présence acceptée" in await detail.inner_text()

    # Mes factures: the basket's invoice, paid; "Aperçu" answers its PDF.
    await page.get_by_role("link", name="Mes factures").click()
    await page.get_by_text("Aucune facture à payer.").wait_for()
    invoice_row = page.get_by_role("row").filter(has_text="000001").first
    assert "Payée" in await invoice_row.inner_text()
    await page.get_by_role("button", name="Détail de la facture").click()
    preview = page.get_by_role("link", name="Aperçu")
    answer = await page.request.get(await preview.get_attribute("href"))
    assert answer.ok and answer.headers["content-type"].startswith("application/pdf")
    assert (await answer.body()).startswith(b"%PDF")
    assert "Avoir déduit" not in await page.get_by_role("table", name="Lignes de la facture").inner_text()

    # The database: the booking accepted, the invoice paid.
    async with db.read_sessions() as session:
        [invoice] = (await session.exec(select(Invoice))).all()
    assert (invoice.state, invoice.paid, invoice.origin) == ("paid", 770, "basket")
    assert chromium.problems == []
    assert chromium.beyond(live_server.url) == []


async def test_an_unpaid_invoice_of_the_month_is_paid_online_at_320_px(
    db, browser, clock, smtp, live_server, chromium
):
    _, family, _, agent = await invoiced_family(db, browser, clock, smtp)
    run = (await agent.data(RUN, {"month": "2027-01"}))["runInvoicing"]
    assert run["errors"] == [] and run["run"]["issued"] == 1
    page = await chromium.new_page()
    await page.set_viewport_size({"width": 320, "height": 640})
    await sign_in(page, live_server.url, "/factures", family.email, family.built.password)

    # The count beside "Mes factures" and on the page; "Etat" in words.
    await page.get_by_text("1 facture à payer.").wait_for()
    await page.get_by_role("navigation").get_by_role("link", name="Mes factures 1 à payer").wait_for()
    row = page.get_by_role("row").filter(has_text="2027-000001").first
    assert "À payer" in await row.inner_text() and "12,30" in await row.inner_text()
    # Usable at 320 px: the page does not scroll sideways (the table scrolls in its own box).
    assert await page.evaluate("document.documentElement.scrollWidth") <= 320

    # Nothing ticked: said at the form's top, nothing opened.
    await page.get_by_role("button", name="Payer en ligne les factures cochées").click()
    await page.get_by_role("alert").filter(has_text="Cochez les factures à payer.").wait_for()
    await page.get_by_label("Sélectionner la facture 2027-000001").check()
    await page.get_by_role("button", name="Payer en ligne les factures cochées").click()
    await pay_on_the_sandbox(page, live_server.url)
    assert "12,30" in await page.get_by_role("status").inner_text()

    await page.locator("#contenu").get_by_role("link", name="Mes factures").click()
    await page.get_by_text("Aucune facture à payer.").wait_for()
    assert "Payée" in await page.get_by_role("row").filter(has_text="2027-000001").first.inner_text()

    async with db.read_sessions() as session:
        [invoice] = (await session.exec(select(Invoice))).all()
    assert (invoice.state, invoice.paid, invoice.month) == ("paid", 3 * 410, "2027-01")
    assert chromium.problems == []
    assert chromium.beyond(live_server.url) == []


async def test_a_request_taken_out_of_the_basket_is_cancelled_and_its_place_freed(
    db, browser, clock, smtp, live_server, chromium
):
    centre, family, _ = await book_a_wednesday(db, browser, clock)
    assert await slot_counters(db) == {(centre.unit.id, WEDNESDAY): (1, 0)}
    page = await chromium.new_page()
    await sign_in(page, live_server.url, "/panier", family.email, family.built.password)
    await page.get_by_role("table", name="Réservation n° 000001").wait_for()

    await page.get_by_role("button", name="Retirer la réservation n° 000001").click()
    await page.get_by_role("status").filter(
        has_text="La réservation n° 000001 est retirée du panier : ses jours sont annulés."
    ).wait_for()
    await page.get_by_text("Votre panier est vide.").wait_for()
    assert await page.get_by_role("table", name="Réservation n° 000001").count() == 0
    # Opened again (not the answer of the mutation only): still empty.
    await page.reload()
    await page.get_by_text("Votre panier est vide.").wait_for()

    # The day cancelled, its place free at once, nothing paid nor invoiced.
    assert [b.state for b in await bookings(db)] == ["cancelled"]
    assert await slot_counters(db) == {}
    async with db.read_sessions() as session:
        assert [e.state for e in (await session.exec(select(BasketEntry))).all()] == ["removed"]
        assert (await session.exec(select(Invoice))).all() == []
    assert await payments(db) == []
    assert chromium.problems == []
    assert chromium.beyond(live_server.url) == []


async def test_a_refused_card_then_an_abandoned_payment_lead_back_to_the_basket_still_to_pay(
    db, browser, clock, smtp, live_server, chromium
):
    _, family, _ = await book_a_wednesday(db, browser, clock)
    page = await chromium.new_page()
    await sign_in(page, live_server.url, "/panier", family.email, family.built.password)

    # "Carte refusée" on PayFiP's page: the return page says so and leads back to the basket.
    await page.get_by_role("button", name="Valider et payer").click()
    await leave_the_sandbox(page, live_server.url, "Carte refusée", "Paiement refusé")
    assert "rien n'a été prélevé" in await page.get_by_role("status").inner_text()
    await page.get_by_role("link", name="Retourner au panier").click()
    await page.wait_for_url(f"{live_server.url}/panier")
    await page.get_by_role("table", name="Réservation n° 000001").wait_for()
    assert "7,70" in await page.locator(".money-totals__due").inner_text()
    [refused] = await payments(db)
    assert (refused.state, refused.amount) == ("refused", 770)
    assert [b.state for b in await bookings(db)] == ["pending"]

    # Again, and this time "Abandonner": the same, the basket still there to pay.
    await page.get_by_role("button", name="Valider et payer").click()
    await leave_the_sandbox(page, live_server.url, "Abandonner", "Paiement abandonné")
    assert "rien n'a été prélevé" in await page.get_by_role("status").inner_text()
    await page.get_by_role("link", name="Retourner au panier").click()
    await page.get_by_role("table", name="Réservation n° 000001").wait_for()
    assert await page.get_by_text("Un paiement de ce panier est en cours").count() == 0
    assert await page.get_by_role("button", name="Valider et payer").is_enabled()

    # Two payments, neither paid; the day still pending, held in the basket, nothing invoiced.
    assert [(p.state, p.amount) for p in await payments(db)] == [("refused", 770), ("abandoned", 770)]
    assert [b.state for b in await bookings(db)] == ["pending"]
    async with db.read_sessions() as session:
        assert [e.state for e in (await session.exec(select(BasketEntry))).all()] == ["unpaid"]
        assert (await session.exec(select(Invoice))).all() == []
    assert chromium.problems == []
    assert chromium.beyond(live_server.url) == []


async def test_a_cancelled_paid_day_becomes_a_credit_that_pays_the_next_basket_without_payfip(
    db, browser, clock, smtp, live_server, chromium
):
    centre, family = await paid_wednesday(db, browser, clock, smtp)
    # "ANNULER" on the paid Wednesday (the planning's journey, here through the API): in the basket.
    cancelled = await family.client.data(SUBMIT, request(centre, family, WEDNESDAY, "CANCEL"))
    assert cancelled["submitBookingRequest"]["errors"] == []
    page = await chromium.new_page()
    await sign_in(page, live_server.url, "/panier", family.email, family.built.password)

    # Mon panier: the "ANNULE" line, nothing to pay: "Valider" goes straight to the return page.
    lines = page.get_by_role("table", name="Réservation n° 000002")
    assert "JOURNEE CENTRE AERE MERCREDI ANNULE (06/01)" in await lines.inner_text()
    assert "0,00" in await page.locator(".money-totals__due").inner_text()
    await page.get_by_role("button", name="Valider – REGIE CENTRE AERE MERCREDI", exact=True).click()
    await page.wait_for_url(f"{live_server.url}/paiement/retour?*invoice=*")
    said = page.get_by_role("status").filter(has_text="Panier validé")
    await said.wait_for()
    assert "Vos annulations sont prises en compte" in await said.inner_text()
    assert await opens_a_pdf(page, page.get_by_role("link", name="Voir l'avoir"))

    # The next Wednesday (7,70 €) costs no more than the credit: "Valider" again, no PayFiP.
    booked = await family.client.data(SUBMIT, request(centre, family, NEXT_WEDNESDAYS[0]))
    assert booked["submitBookingRequest"]["errors"] == []
    await page.get_by_role("link", name="Mon panier").first.click()
    await page.get_by_role("table", name="Réservation n° 000003").wait_for()
    totals = await page.locator(".money-totals").inner_text()
    assert "Avoir déduit" in totals and "7,70" in totals
    assert "0,00" in await page.locator(".money-totals__due").inner_text()
    await page.get_by_role("button", name="Valider – REGIE CENTRE AERE MERCREDI", exact=True).click()
    await page.wait_for_url(f"{live_server.url}/paiement/retour?*invoice=*")
    said = page.get_by_role("status").filter(has_text="Panier validé")
    await said.wait_for()
    assert "Votre avoir a réglé la facture" in await said.inner_text() and "7,70" in await said.inner_text()
    invoice_id = uuid.UUID(page.url.split("invoice=")[1])
    assert await opens_a_pdf(page, page.get_by_role("link", name="Voir la facture"))

    # The rows: the invoice paid by the credit, the credit spent, the day accepted, one PayFiP payment.
    async with db.read_sessions() as session:
        invoice = await session.get(Invoice, invoice_id)
        [note] = (await session.exec(select(Invoice).where(Invoice.kind == "credit_note"))).all()
    assert invoice is not None and f"{invoice.year}-{invoice.number:06d}" in await said.inner_text()
    assert (invoice.kind, invoice.state, invoice.total, invoice.paid) == ("invoice", "paid", 770, 770)
    assert note.credit_left == 0
    assert sorted((p.method, p.state, p.amount) for p in await payments(db)) == [
        ("credit", "paid", 770), ("payfip", "paid", 770)
    ]
    assert {b.day: b.state for b in await bookings(db)} == {
        WEDNESDAY: "cancelled", NEXT_WEDNESDAYS[0]: "accepted"
    }
    assert chromium.problems == []
    assert chromium.beyond(live_server.url) == []
