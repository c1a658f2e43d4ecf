"""The guide's "Ajouter une demande de réservation (avec paiement à la réservation)", "Mon Panier" and
PayFiP, end to end over HTTP: the sandbox's payment page is used as a payer's browser would."""

from __future__ import annotations

from datetime import date, timedelta

import httpx
from sqlmodel import select

from portail.db.engine import Database
from portail.db.models.invoices import Invoice, InvoiceLine
from portail.db.models.payments import BasketEntry, Payment
from tests.support.bookings import (
    ERRORS,
    SUBMIT,
    at_town_time,
    bookings,
    change,
    family_enrolled,
    make_centre,
)

TODAY = date(2026, 12, 14)  # a Monday; the centre's Wednesdays are bookable from two days before
WEDNESDAY = date(2027, 1, 6)
BASKET = """{ basket { isEmpty total totalText regies { regie { id name } total totalText payBefore
  paymentUnderWay requests { requestId number childNames path createdAt payBefore total totalText
  lines { designation childName date quantity unitPrice unitPriceText amount amountText } } } } }"""
CHECKOUT = f"""mutation($regieId: ID!, $returnUrl: String) {{ checkoutBasket(regieId: $regieId, returnUrl: $returnUrl) {{
  payment {{ id state amount amountText reference }} redirectUrl {ERRORS} }} }}"""
REMOVE = f"""mutation($requestId: ID!) {{ removeFromBasket(requestId: $requestId) {{
  basket {{ isEmpty total }} {ERRORS} }} }}"""
PAYMENT = "query($id: ID!) { payment(id: $id) { id state purpose regieId amount reference paidAt } }"


async def book_a_wednesday(db: Database, browser, clock, **activity):  # type: ignore[no-untyped-def]
    at_town_time(clock, TODAY)
    centre = await make_centre(db, payment="basket", **activity)
    family = await family_enrolled(db, browser, centre)
    emma = family.children["Emma-Rose"]
    submitted = await family.client.data(
        SUBMIT,
        {
            "input": {
                "periodId": str(centre.period.id),
                "changes": [change(emma.id, centre.unit.id, WEDNESDAY)],
            }
        },
    )
    assert submitted["submitBookingRequest"]["errors"] == []
    return centre, family, submitted["submitBookingRequest"]["request"]


async def pay_on_payfip(redirect_url: str, button: str, shows: str = "7,70") -> httpx.Response:
    """The payer on PayFiP's page (the sandbox's): sees the debt, presses a button, is sent back."""
    async with httpx.AsyncClient(timeout=30, follow_redirects=False) as payer:
        page = await payer.get(redirect_url)
        assert page.status_code == 200 and shows in page.text
        idop = httpx.URL(redirect_url).params["idop"]
        return await payer.post(str(page.url.join("paiementws.web")), data={"idop": idop, "resultat": button})


async def test_emma_rose_s_wednesday_goes_through_the_basket_and_payfip(
    db, browser, clock, smtp, live_server
):
    _, family, _ = await book_a_wednesday(db, browser, clock, acceptance="automatic")
    # The mail says where and by when to pay.
    mail = (await smtp.wait_for(family.email))[0]
    assert "Mon panier" in mail.text and "14/12/2026 à 11:00" in mail.text

    # Mon Panier: "REGIE CENTRE AERE MERCREDI", request n° 000001, to pay before 11:00 (2 hours).
    basket = (await family.client.data(BASKET))["basket"]
    assert not basket["isEmpty"] and basket["total"] == 770 and basket["totalText"] == "7,70\u00a0€"
    [part] = basket["regies"]
    assert part["regie"]["name"] == "REGIE CENTRE AERE MERCREDI" and not part["paymentUnderWay"]
    [held] = part["requests"]
    assert held["number"] == "000001" and held["childNames"] == ["TEST Emma-Rose"]
    assert held["lines"] == [
        {
            "designation": "JOURNEE CENTRE AERE MERCREDI RESERVE (06/01)",
            "childName": "TEST Emma-Rose",
            "date": "2027-01-06",
            "quantity": 1,
            "unitPrice": 770,
            "unitPriceText": "7,70\u00a0€",
            "amount": 770,
            "amountText": "7,70\u00a0€",
        }
    ]
    assert [b.state for b in await bookings(db)] == ["pending"]

    # VALIDER ET PAYER: PayFiP's page, the payer pays by card and comes back to the client.
    back = "http://portail.test/panier/retour?from=basket"  # a page of the client (PORTAIL_PUBLIC_URL)
    checkout = (await family.client.data(CHECKOUT, {"regieId": part["regie"]["id"], "returnUrl": back}))[
        "checkoutBasket"
    ]
    assert checkout["errors"] == []
    payment = checkout["payment"]
    assert payment["state"] == "IN_PROGRESS" and payment["amount"] == 770
    assert checkout["redirectUrl"].startswith(f"{live_server.url}/payfip-sandbox/tpa/paiementws.web?idop=")
    answer = await pay_on_payfip(checkout["redirectUrl"], "P")
    assert answer.status_code == 303
    assert answer.headers["location"] == f"{back}&payment={payment['id']}"

    # PayFiP's notification came before the redirect: the payment is settled, the day accepted.
    paid = (await family.client.data(PAYMENT, {"id": payment["id"]}))["payment"]
    assert paid["state"] == "PAID" and paid["paidAt"] is not None
    # It says what it paid (the return page leads back to the basket when a card is refused).
    assert (paid["purpose"], paid["regieId"]) == ("BASKET", part["regie"]["id"])
    assert [b.state for b in await bookings(db)] == ["accepted"]
    assert (await family.client.data(BASKET))["basket"]["isEmpty"]
    async with db.read_sessions() as s:
        [invoice] = (await s.exec(select(Invoice))).all()
        [line] = (await s.exec(select(InvoiceLine))).all()
        [entry] = (await s.exec(select(BasketEntry))).all()
    assert (invoice.state, invoice.total, invoice.paid, invoice.origin, invoice.number) == (
        "paid",
        770,
        770,
        "basket",
        1,
    )
    assert line.designation == "JOURNEE CENTRE AERE MERCREDI RESERVE (06/01)" and line.amount == 770
    assert entry.state == "paid"
    # The two mails of the guide: the payment, and the booking.
    mails = await smtp.wait_for(family.email, 3)
    paid, validated = sorted(mails[1:], key=lambda m: "validée" in m.subject)
    assert "paiement de 7,70" in paid.subject and validated.subject == "Votre demande n° 000001 est validée"
    assert "Présence acceptée" in validated.text and "« Mes factures »" in validated.text
    assert any("2027-000001" in m.text or f"{TODAY.year}-000001" in m.text for m in mails[1:])


async def test_a_refused_card_leaves_the_basket_as_it_was(db, browser, clock, smtp, live_server):
    centre, family, _ = await book_a_wednesday(db, browser, clock)
    regie_id = str(centre.regie.id)
    checkout = (await family.client.data(CHECKOUT, {"regieId": regie_id}))["checkoutBasket"]
    answer = await pay_on_payfip(checkout["redirectUrl"], "R")
    assert answer.status_code == 303
    # No page of its own given: the payer comes back to this server's return page.
    back = answer.headers["location"]
    assert back == f"{live_server.url}/payfip/retour?payment={checkout['payment']['id']}"
    async with httpx.AsyncClient() as payer:
        page = await payer.get(back)
    assert page.status_code == 200 and "Retour du paiement en ligne" in page.text
    refused = (await family.client.data(PAYMENT, {"id": checkout["payment"]["id"]}))["payment"]
    assert refused["state"] == "REFUSED"
    basket = (await family.client.data(BASKET))["basket"]
    assert basket["total"] == 770 and not basket["regies"][0]["paymentUnderWay"]
    assert [b.state for b in await bookings(db)] == ["pending"]
    # The family may try again: a new payment, a new reference.
    again = (await family.client.data(CHECKOUT, {"regieId": regie_id}))["checkoutBasket"]
    assert again["errors"] == [] and again["payment"]["reference"] != checkout["payment"]["reference"]


async def test_checking_out_twice_gives_the_same_payfip_page(db, browser, clock, live_server):
    centre, family, _ = await book_a_wednesday(db, browser, clock)
    first = (await family.client.data(CHECKOUT, {"regieId": str(centre.regie.id)}))["checkoutBasket"]
    second = (await family.client.data(CHECKOUT, {"regieId": str(centre.regie.id)}))["checkoutBasket"]
    assert second["errors"] == [] and second["redirectUrl"] == first["redirectUrl"]
    async with db.read_sessions() as s:
        assert len((await s.exec(select(Payment))).all()) == 1
    # While it may still succeed, the request cannot be taken out of the basket.
    basket = (await family.client.data(BASKET))["basket"]
    assert basket["regies"][0]["paymentUnderWay"]
    removed = await family.client.data(REMOVE, {"requestId": basket["regies"][0]["requests"][0]["requestId"]})
    assert [e["code"] for e in removed["removeFromBasket"]["errors"]] == ["PAYMENT_IN_PROGRESS"]


async def test_a_family_removes_a_request_and_its_place_is_free_at_once(db, browser, clock, live_server):
    _, family, _ = await book_a_wednesday(db, browser, clock)
    request_id = (await family.client.data(BASKET))["basket"]["regies"][0]["requests"][0]["requestId"]
    removed = (await family.client.data(REMOVE, {"requestId": request_id}))["removeFromBasket"]
    assert removed["errors"] == [] and removed["basket"]["isEmpty"]
    assert [b.state for b in await bookings(db)] == ["cancelled"]
    again = (await family.client.data(REMOVE, {"requestId": request_id}))["removeFromBasket"]
    assert [e["code"] for e in again["errors"]] == ["NOT_FOUND"]


async def test_an_unpaid_basket_expires_after_two_hours(db, browser, clock, smtp, live_server):
    centre, family, _ = await book_a_wednesday(db, browser, clock)
    await smtp.wait_for(family.email)
    # Two hours of hold (the regie's setting) and the family still signed in: 100 minutes later…
    assert centre.regie.hold_minutes == 120
    clock.travel_to(clock.now() + timedelta(minutes=100))
    assert not (await family.client.data(BASKET))["basket"]["isEmpty"]
    # … and 20 more: the pay-before time is out.
    clock.travel_to(clock.now() + timedelta(minutes=20))
    # Before the job runs, the basket already shows nothing payable.
    assert (await family.client.data(BASKET))["basket"]["isEmpty"]
    checkout = (await family.client.data(CHECKOUT, {"regieId": str(centre.regie.id)}))["checkoutBasket"]
    assert [e["code"] for e in checkout["errors"]] == ["NOT_FOUND"]
    # The mail worker's round expires it: the day is EXPIRED, the family mailed.
    live_server.app.state.mail_worker.wake()
    mails = await smtp.wait_for(family.email, 2)
    assert "annulée faute de paiement" in mails[1].subject and "06/01/2027" in mails[1].text
    assert [b.state for b in await bookings(db)] == ["expired"]


async def test_another_family_s_basket_and_payment_look_like_nothing(db, browser, clock, live_server):
    centre, family, _ = await book_a_wednesday(db, browser, clock)
    checkout = (await family.client.data(CHECKOUT, {"regieId": str(centre.regie.id)}))["checkoutBasket"]
    request_id = (await family.client.data(BASKET))["basket"]["regies"][0]["requests"][0]["requestId"]
    other = await family_enrolled(db, browser, centre, "Paul", email="autre@famille.test", name="AUTRE")
    assert (await other.client.data(BASKET))["basket"]["isEmpty"]
    stranger = await other.client(PAYMENT, {"id": checkout["payment"]["id"]})
    assert stranger["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    taken = (await other.client.data(CHECKOUT, {"regieId": str(centre.regie.id)}))["checkoutBasket"]
    assert [e["code"] for e in taken["errors"]] == ["NOT_FOUND"]
    removed = (await other.client.data(REMOVE, {"requestId": request_id}))["removeFromBasket"]
    assert [e["code"] for e in removed["errors"]] == ["NOT_FOUND"]
    bad_return = (
        await family.client.data(
            CHECKOUT, {"regieId": str(centre.regie.id), "returnUrl": "https://evil.example/"}
        )
    )["checkoutBasket"]
    assert [(e["field"], e["code"]) for e in bad_return["errors"]] == [("returnUrl", "INVALID")]
