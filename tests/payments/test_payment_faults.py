"""What goes wrong around a payment: notifications repeated, dropped or forged, PayFiP's answer not
matching, PayFiP down, two checkouts at once. Each time the money is counted once and nothing is lost."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import httpx
import pytest
from sqlmodel import select

from portail.db.models.invoices import Invoice
from portail.db.models.payments import Payment
from portail.resolvers.payments import reconcile_payments
from tests.support.accounts import signed_in
from tests.support.bookings import SUBMIT, bookings, change, family_enrolled
from tests.support.builders import make_staff

from .test_basket_flow import BASKET, CHECKOUT, PAYMENT, WEDNESDAY, book_a_wednesday, pay_on_payfip

STAFF_PAYMENTS = """query($refund: Boolean!) { staffPayments(toRefundOnly: $refund) { edges { node {
  householdName note payfipResult payment { state amount method needsRefund } } } } }"""


async def payments(db) -> list[Payment]:  # type: ignore[no-untyped-def]
    async with db.read_sessions() as s:
        return list((await s.exec(select(Payment))).all())


async def invoices(db) -> list[Invoice]:  # type: ignore[no-untyped-def]
    async with db.read_sessions() as s:
        return list((await s.exec(select(Invoice))).all())


@pytest.fixture
def settings(settings):  # type: ignore[no-untyped-def]
    # PayFiP calls the notification URL ten times for each decision.
    return settings.model_copy(update={"payfip_sandbox_notify": "repeat:10"})


async def test_the_same_notification_ten_times_settles_one_payment(db, browser, clock, smtp, live_server):
    centre, family, _ = await book_a_wednesday(db, browser, clock, acceptance="automatic")
    checkout = (await family.client.data(CHECKOUT, {"regieId": str(centre.regie.id)}))["checkoutBasket"]
    await pay_on_payfip(checkout["redirectUrl"], "P")
    assert len(live_server.app.state.payfip_sandbox.notifications) == 10
    [payment] = await payments(db)
    assert payment.state == "paid" and not payment.needs_refund
    assert len(await invoices(db)) == 1
    assert [b.state for b in await bookings(db)] == ["accepted"]
    # The submit mail, then one payment mail and one booking mail: not ten of each.
    await smtp.wait_for(family.email, 3)
    await asyncio.sleep(1)
    assert len(smtp.to(family.email)) == 3


async def test_a_forged_notification_is_only_a_hint(db, browser, clock, live_server, http):
    centre, family, _ = await book_a_wednesday(db, browser, clock)
    checkout = (await family.client.data(CHECKOUT, {"regieId": str(centre.regie.id)}))["checkoutBasket"]
    idop = httpx.URL(checkout["redirectUrl"]).params["idop"]
    # Anyone may call the URL: for an idop PayFiP knows no result of, nothing is recorded.
    for data in ({"idop": idop}, {"idOp": idop}, {"idop": "inconnu"}, {"idop": "x" * 500}, {}):
        answer = await http.post("/payfip/notification", data=data)
        assert answer.status_code == 200
    answer = await http.get("/payfip/notification", params={"idop": idop})
    assert answer.status_code == 200
    [payment] = await payments(db)
    assert payment.state == "at_payfip"
    assert [b.state for b in await bookings(db)] == ["pending"]


async def test_a_payfip_answer_that_does_not_match_is_not_believed(db, browser, clock, live_server):
    centre, family, _ = await book_a_wednesday(db, browser, clock)
    checkout = (await family.client.data(CHECKOUT, {"regieId": str(centre.regie.id)}))["checkoutBasket"]
    idop = httpx.URL(checkout["redirectUrl"]).params["idop"]
    # The treasury's record says another amount (a tampered page, a bug): the payment stays open.
    live_server.app.state.payfip_sandbox.payments[idop].fields["montant"] = "100"
    await pay_on_payfip(checkout["redirectUrl"], "P", shows="1,00")
    [payment] = await payments(db)
    assert payment.state == "at_payfip" and await invoices(db) == []
    assert [b.state for b in await bookings(db)] == ["pending"]


async def test_payfip_down_is_a_clear_error_and_records_nothing_to_pay(
    db, browser, clock, live_server, settings
):
    centre, family, _ = await book_a_wednesday(db, browser, clock)
    live_server.app.state.payfip.base_url = "http://127.0.0.1:9"  # nothing listens there
    refused = (await family.client.data(CHECKOUT, {"regieId": str(centre.regie.id)}))["checkoutBasket"]
    assert [(e["field"], e["code"]) for e in refused["errors"]] == [("regieId", "PAYMENT_UNAVAILABLE")]
    assert "Réessayez" in refused["errors"][0]["message"]
    [payment] = await payments(db)
    assert payment.state == "failed"
    # The basket is still there, and payable again once PayFiP is back.
    assert not (await family.client.data(BASKET))["basket"]["regies"][0]["paymentUnderWay"]


async def test_a_dropped_notification_is_settled_by_the_reconciliation(
    db, browser, clock, live_server, settings
):
    centre, family, _ = await book_a_wednesday(db, browser, clock, acceptance="automatic")
    sandbox = live_server.app.state.payfip_sandbox
    sandbox.policy = type(sandbox.policy).parse("drop")
    checkout = (await family.client.data(CHECKOUT, {"regieId": str(centre.regie.id)}))["checkoutBasket"]
    await pay_on_payfip(checkout["redirectUrl"], "P")
    assert (await family.client.data(PAYMENT, {"id": checkout["payment"]["id"]}))["payment"][
        "state"
    ] == "IN_PROGRESS"
    clock.travel_to(clock.now() + timedelta(minutes=21))
    asked = await reconcile_payments(live_server.app.state.db, settings, clock, live_server.app.state.payfip)
    assert asked == 1
    [payment] = await payments(db)
    assert payment.state == "paid" and len(await invoices(db)) == 1
    assert [b.state for b in await bookings(db)] == ["accepted"]


@pytest.mark.postgresql_only
async def test_two_checkouts_of_one_basket_at_once_open_one_payment(db, browser, clock, live_server):
    centre, family, _ = await book_a_wednesday(db, browser, clock)
    other_tab = await signed_in(browser(), family.email, family.built.password)
    answers = await asyncio.gather(
        *(
            tab.data(CHECKOUT, {"regieId": str(centre.regie.id)})
            for tab in (family.client, other_tab, family.client)
        )
    )
    assert len(await payments(db)) == 1
    pages = {a["checkoutBasket"]["redirectUrl"] for a in answers if not a["checkoutBasket"]["errors"]}
    assert len(pages) == 1
    for answer in answers:
        assert {e["code"] for e in answer["checkoutBasket"]["errors"]} <= {"PAYMENT_IN_PROGRESS"}


async def test_a_payment_under_way_when_the_basket_expires_is_honoured_while_the_place_is_free(
    db, browser, clock, smtp, live_server
):
    centre, family, _ = await book_a_wednesday(db, browser, clock, acceptance="automatic")
    checkout = (await family.client.data(CHECKOUT, {"regieId": str(centre.regie.id)}))["checkoutBasket"]
    # The payer lingers on PayFiP's page past the basket's time: the basket expires meanwhile.
    clock.travel_to(clock.now() + timedelta(minutes=119, seconds=50))
    sandbox = live_server.app.state.payfip_sandbox
    page_open = sandbox.payments[httpx.URL(checkout["redirectUrl"]).params["idop"]]
    clock.travel_to(clock.now() + timedelta(seconds=20))
    page_open.created_at = clock.now()  # PayFiP's page is still open for the payer
    live_server.app.state.mail_worker.wake()
    await smtp.wait_for(family.email, 2)  # the expiry mail
    assert [b.state for b in await bookings(db)] == ["expired"]
    # Then they pay: the place is still free, so the payment is honoured.
    await pay_on_payfip(checkout["redirectUrl"], "P")
    [payment] = await payments(db)
    assert payment.state == "paid" and not payment.needs_refund
    assert [b.state for b in await bookings(db)] == ["accepted"]
    assert len(await invoices(db)) == 1


async def test_a_payment_arriving_after_the_place_went_to_someone_else_is_flagged_for_refund(
    db, browser, clock, smtp, live_server
):
    centre, family, _ = await book_a_wednesday(db, browser, clock, acceptance="automatic")
    async with db.transaction() as s:  # the last place
        unit = await s.get(type(centre.unit), centre.unit.id)
        unit.capacity = 1
        s.add(unit)
    checkout = (await family.client.data(CHECKOUT, {"regieId": str(centre.regie.id)}))["checkoutBasket"]
    clock.travel_to(clock.now() + timedelta(minutes=121))
    sandbox = live_server.app.state.payfip_sandbox
    sandbox.payments[httpx.URL(checkout["redirectUrl"]).params["idop"]].created_at = clock.now()
    live_server.app.state.mail_worker.wake()
    await smtp.wait_for(family.email, 2)
    # Another family takes the freed place before the first one pays.
    other = await family_enrolled(db, browser, centre, "Paul", email="autre@famille.test", name="AUTRE")
    taken = await other.client.data(
        SUBMIT,
        {
            "input": {
                "periodId": str(centre.period.id),
                "changes": [change(other.children["Paul"].id, centre.unit.id, WEDNESDAY)],
            }
        },
    )
    assert taken["submitBookingRequest"]["errors"] == []
    await pay_on_payfip(checkout["redirectUrl"], "P")
    paid = [p for p in await payments(db) if p.household_id == family.built.household.id]
    assert [(p.state, p.needs_refund) for p in paid] == [("paid", True)]
    states = sorted(b.state for b in await bookings(db))
    assert states == ["expired", "pending"]  # the other family's day waits in its own basket
    mails = await smtp.wait_for(family.email, 3)
    assert "rembourser" in mails[2].text
    # The cash office finds it among the payments to refund.
    staff = await make_staff(db)
    agent = await signed_in(browser(), staff.email, staff.password)
    listed = (await agent.data(STAFF_PAYMENTS, {"refund": True}))["staffPayments"]["edges"]
    assert [(e["node"]["householdName"], e["node"]["payment"]["needsRefund"], e["node"]["payment"]["method"],
             e["node"]["payfipResult"]) for e in listed] == [("TEST", True, "PAYFIP", "P")]
    everything = (await agent.data(STAFF_PAYMENTS, {"refund": False}))["staffPayments"]["edges"]
    assert len(everything) == 1
