"""Cancelling a paid day through the basket: "Les réservations ou annulations ci-dessous seront
définitivement prises en compte après validation du panier". Where the activity credits such
cancellations, the paid day waits in the basket as an "ANNULE" line; validated, the day is cancelled
(its place freed) and its price becomes the household's credit ("avoir"), deducted from its next basket
payments: at once when it covers them, else from what PayFiP collects. Not validated in time, the
cancellation is dropped and the day kept."""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import select

from portail.db.models.bookings import Booking
from portail.db.models.invoices import Invoice
from portail.db.models.payments import Payment
from tests.payments.test_basket_flow import CHECKOUT, WEDNESDAY, book_a_wednesday, pay_on_payfip
from tests.support.bookings import ERRORS, SUBMIT, change
from tests.support.documents import pdf_text

NEXT_WEDNESDAYS = [WEDNESDAY + timedelta(weeks=n) for n in (1, 2, 3)]
CREDIT = """{ basket { isEmpty total regies { total credit toPay toPayText
  requests { lines { designation quantity unitPrice amount } } } } }"""
PREVIEW = f"""mutation($input: BookingRequestInput!) {{ previewBookingRequest(input: $input) {{
  summary {{ state lines {{ action outcome message price }} estimate {{ total lines {{ label quantity amount }} }} }}
  {ERRORS} }} }}"""
DAY = """query($childId: ID!, $periodId: ID!, $d: Date!) { bookableDays(childId: $childId, periodId: $periodId,
  from: $d, to: $d) { days { units { cancellable cancellationOutcome cancellationInBasket booking { state } } } } }"""
INVOICE = """query($id: ID!) { invoice(id: $id) { number kind state total paid creditLeft creditLeftText viewUrl
  lines { designation quantity amount } payments { method methodLabel amount } } }"""
CHECKOUT_AT_ONCE = f"""mutation($regieId: ID!, $returnUrl: String) {{ checkoutBasket(regieId: $regieId,
  returnUrl: $returnUrl) {{ payment {{ id amount }} redirectUrl invoiceId {ERRORS} }} }}"""
BACK = "http://portail.test/panier/retour"


async def paid_wednesday(db, browser, clock, smtp, **activity):  # type: ignore[no-untyped-def]
    """Emma-Rose's first Wednesday, booked and paid through PayFiP (the guide's flow)."""
    centre, family, _ = await book_a_wednesday(db, browser, clock, acceptance="automatic", **activity)
    checkout = (await family.client.data(CHECKOUT, {"regieId": str(centre.regie.id)}))["checkoutBasket"]
    assert (await pay_on_payfip(checkout["redirectUrl"], "P")).status_code == 303
    await smtp.wait_for(family.email, 3)  # submitted, payment, validated
    async with db.read_sessions() as s:
        assert (await s.exec(select(Booking.state))).all() == ["accepted"]
    return centre, family


def request(centre, family, day: date, action: str = "BOOK") -> dict:  # type: ignore[no-untyped-def]
    emma = family.children["Emma-Rose"]
    return {"input": {"periodId": str(centre.period.id), "changes": [change(emma.id, centre.unit.id, day, action)]}}


async def the_day(centre, family, day: date) -> dict:  # type: ignore[no-untyped-def]
    emma = family.children["Emma-Rose"]
    data = await family.client.data(DAY, {"childId": str(emma.id), "periodId": str(centre.period.id), "d": str(day)})
    [unit] = data["bookableDays"]["days"][0]["units"]
    return unit


async def booking_of(db, day: date) -> Booking:  # type: ignore[no-untyped-def]
    async with db.read_sessions() as s:
        return (await s.exec(select(Booking).where(Booking.day == day))).one()


async def test_a_paid_wednesday_cancelled_through_the_basket_becomes_a_credit_spent_on_the_next(
    db, browser, clock, smtp, live_server
):
    centre, family = await paid_wednesday(db, browser, clock, smtp)
    regie = str(centre.regie.id)

    # "ANNULER" > "Cette demande" on the paid Wednesday: the summary says it waits in the basket.
    assert (await the_day(centre, family, WEDNESDAY))["cancellationOutcome"] == "PENDING"
    summary = (await family.client.data(PREVIEW, request(centre, family, WEDNESDAY, "CANCEL")))[
        "previewBookingRequest"
    ]["summary"]
    [line] = summary["lines"]
    assert (line["outcome"], line["price"]) == ("PENDING", 770) and "panier" in line["message"]
    assert summary["estimate"][0]["lines"] == [
        {"label": "JOURNEE CENTRE AERE MERCREDI ANNULÉ – Emma-Rose", "quantity": -1, "amount": -770}
    ]
    submitted = (await family.client.data(SUBMIT, request(centre, family, WEDNESDAY, "CANCEL")))[
        "submitBookingRequest"
    ]
    assert submitted["errors"] == [] and submitted["request"]["state"] == "PENDING"
    # Until the basket is validated the child is expected; the day cannot be cancelled twice.
    held = await booking_of(db, WEDNESDAY)
    assert (held.state, held.cancel_held) == ("accepted", True)
    day = await the_day(centre, family, WEDNESDAY)
    assert (day["cancellable"], day["cancellationInBasket"], day["booking"]) == (False, True, {"state": "ACCEPTED"})

    # Mon panier: the "ANNULE" line, -7,70 €; nothing for PayFiP to collect.
    basket = (await family.client.data(CREDIT))["basket"]
    [part] = basket["regies"]
    assert (part["total"], part["credit"], part["toPay"]) == (-770, 0, 0)
    assert part["requests"][0]["lines"] == [
        {"designation": "JOURNEE CENTRE AERE MERCREDI ANNULE (06/01)", "quantity": -1, "unitPrice": 770,
         "amount": -770}
    ]

    # "Valider": no PayFiP page; the browser goes straight back with the credit note issued.
    validated = (await family.client.data(CHECKOUT_AT_ONCE, {"regieId": regie, "returnUrl": BACK}))[
        "checkoutBasket"
    ]
    assert validated["errors"] == [] and validated["payment"] is None
    assert validated["redirectUrl"] == f"{BACK}?invoice={validated['invoiceId']}"
    note = (await family.client.data(INVOICE, {"id": validated["invoiceId"]}))["invoice"]
    assert (note["kind"], note["total"], note["creditLeft"], note["state"]) == ("CREDIT_NOTE", -770, 770, "PAID")
    assert note["creditLeftText"] == "7,70\u00a0€"
    assert note["lines"] == [
        {"designation": "JOURNEE CENTRE AERE MERCREDI ANNULE (06/01)", "quantity": -1, "amount": -770}
    ]
    shown = await family.client.http.get(note["viewUrl"])
    assert shown.headers["content-type"] == "application/pdf"
    assert "AVOIR" in pdf_text(shown.content) and "ANNULE (06/01)" in pdf_text(shown.content)
    cancelled = await booking_of(db, WEDNESDAY)
    assert (cancelled.state, cancelled.cancel_held) == ("cancelled", False)
    mail = (await smtp.wait_for(family.email, 5))[-1]
    assert "validée" in mail.subject and "avoir de 7,70" in mail.text and "Présence annulée" in mail.text
    assert (await family.client.data(CREDIT))["basket"]["isEmpty"]

    # The next Wednesday costs 7,70 €: the credit covers it, validated at once, paid by the credit.
    await family.client.data(SUBMIT, request(centre, family, NEXT_WEDNESDAYS[0]))
    [part] = (await family.client.data(CREDIT))["basket"]["regies"]
    assert (part["total"], part["credit"], part["toPay"]) == (770, 770, 0)
    validated = (await family.client.data(CHECKOUT_AT_ONCE, {"regieId": regie}))["checkoutBasket"]
    assert validated["errors"] == [] and validated["payment"] is None
    invoice = (await family.client.data(INVOICE, {"id": validated["invoiceId"]}))["invoice"]
    assert (invoice["kind"], invoice["state"], invoice["total"], invoice["paid"]) == ("INVOICE", "PAID", 770, 770)
    assert invoice["payments"] == [{"method": "CREDIT", "methodLabel": "Avoir déduit", "amount": 770}]
    shown = await family.client.http.get(invoice["viewUrl"])
    assert "Avoir déduit" in pdf_text(shown.content)
    assert (await booking_of(db, NEXT_WEDNESDAYS[0])).state == "accepted"
    async with db.read_sessions() as s:
        [credit_note] = (await s.exec(select(Invoice).where(Invoice.kind == "credit_note"))).all()
        assert credit_note.credit_left == 0
        credit_payment = (await s.exec(select(Payment).where(Payment.method == "credit"))).one()
        assert credit_payment.amount == 770 and credit_payment.state == "paid" and "Avoir" in credit_payment.note


async def test_a_credit_smaller_than_the_basket_is_deducted_from_what_payfip_collects(
    db, browser, clock, smtp, live_server
):
    centre, family = await paid_wednesday(db, browser, clock, smtp)
    regie = str(centre.regie.id)
    await family.client.data(SUBMIT, request(centre, family, WEDNESDAY, "CANCEL"))
    await family.client.data(CHECKOUT_AT_ONCE, {"regieId": regie})
    # Two more Wednesdays (15,40 €) with 7,70 € of credit: PayFiP collects 7,70 €.
    for day in NEXT_WEDNESDAYS[:2]:
        assert (await family.client.data(SUBMIT, request(centre, family, day)))["submitBookingRequest"]["errors"] == []
    [part] = (await family.client.data(CREDIT))["basket"]["regies"]
    assert (part["total"], part["credit"], part["toPay"], part["toPayText"]) == (1540, 770, 770, "7,70\u00a0€")
    checkout = (await family.client.data(CHECKOUT_AT_ONCE, {"regieId": regie}))["checkoutBasket"]
    assert checkout["errors"] == [] and checkout["payment"]["amount"] == 770
    assert (await pay_on_payfip(checkout["redirectUrl"], "P")).status_code == 303
    async with db.read_sessions() as s:
        [invoice] = (
            await s.exec(select(Invoice).where(Invoice.kind == "invoice", Invoice.total == 1540))
        ).all()
        assert (invoice.state, invoice.paid) == ("paid", 1540)
        methods = sorted((p.method, p.amount) for p in (await s.exec(select(Payment))).all() if p.state == "paid")
        assert methods == [("credit", 770), ("payfip", 770), ("payfip", 770)]
        [note] = (await s.exec(select(Invoice).where(Invoice.kind == "credit_note"))).all()
        assert note.credit_left == 0
    assert [(await booking_of(db, day)).state for day in NEXT_WEDNESDAYS[:2]] == ["accepted", "accepted"]


async def test_a_cancellation_not_validated_in_time_keeps_the_paid_day(db, browser, clock, smtp, live_server):
    centre, family = await paid_wednesday(db, browser, clock, smtp)
    await family.client.data(SUBMIT, request(centre, family, WEDNESDAY, "CANCEL"))
    # The family still signed in (a request 100 minutes later keeps the session), the two hours pass.
    clock.travel_to(clock.now() + timedelta(minutes=100))
    assert not (await family.client.data(CREDIT))["basket"]["isEmpty"]
    clock.travel_to(clock.now() + timedelta(minutes=21))
    assert (await family.client.data(CREDIT))["basket"]["isEmpty"]
    live_server.app.state.mail_worker.wake()
    mail = (await smtp.wait_for(family.email, 5))[-1]
    assert "non validée" in mail.subject and "maintenues" in mail.text and "06/01/2027" in mail.text
    kept = await booking_of(db, WEDNESDAY)
    assert (kept.state, kept.cancel_held) == ("accepted", False)
    day = await the_day(centre, family, WEDNESDAY)
    assert (day["cancellable"], day["cancellationInBasket"]) == (True, False)
    async with db.read_sessions() as s:
        assert (await s.exec(select(Invoice).where(Invoice.kind == "credit_note"))).all() == []


async def test_where_the_activity_keeps_the_price_a_paid_day_is_cancelled_at_once(
    db, browser, clock, smtp, live_server
):
    centre, family = await paid_wednesday(db, browser, clock, smtp, paid_cancellation="keep")
    assert (await the_day(centre, family, WEDNESDAY))["cancellationOutcome"] == "CANCELLED"
    submitted = (await family.client.data(SUBMIT, request(centre, family, WEDNESDAY, "CANCEL")))[
        "submitBookingRequest"
    ]
    assert submitted["request"]["state"] == "CANCELLED"
    assert (await booking_of(db, WEDNESDAY)).state == "cancelled"
    assert (await family.client.data(CREDIT))["basket"]["isEmpty"]
