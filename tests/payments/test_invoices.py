"""The guide's "Paiement de facture en ligne" / "Mes factures": staff run the month's invoicing, the
family sees its invoices and the number still to pay, and pays online through PayFiP."""

from __future__ import annotations

from datetime import date

import httpx
from sqlmodel import func, select

from portail.db.engine import Database
from portail.db.models.invoices import Invoice, InvoiceLine
from tests.support.accounts import signed_in
from tests.support.bookings import ERRORS, SUBMIT, at_town_time, change, family_enrolled
from tests.support.builders import make_staff
from tests.support.catalogue import make_service
from tests.support.documents import pdf_text

JANUARY = [date(2027, 1, 4), date(2027, 1, 5), date(2027, 1, 7)]  # Monday, Tuesday, Thursday
RUN = f"""mutation($month: String!, $regieId: ID) {{ runInvoicing(month: $month, regieId: $regieId) {{
  run {{ month issued alreadyInvoiced total totalText }} {ERRORS} }} }}"""
INVOICES = """query($toPayOnly: Boolean!) { unpaidInvoiceCount invoices(first: 10, toPayOnly: $toPayOnly) {
  edges { node { id number kind state month total totalText paid leftToPay leftToPayText dueDate billedName
  regie { name } lines { childName designation date quantity unitPrice amount }
  payments { reference online amount } viewUrl downloadUrl } } pageInfo { hasNextPage endCursor } } }"""
PAY = f"""mutation($ids: [ID!]!) {{ payInvoices(invoiceIds: $ids) {{ payment {{ id state amount purpose }} redirectUrl
  {ERRORS} }} }}"""


async def invoiced_family(db: Database, browser, clock, smtp):  # type: ignore[no-untyped-def]
    """A family whose child ate at the canteen three days of January; staff run January's invoicing."""
    at_town_time(clock, date(2026, 12, 14))
    canteen = await make_service(db)
    family = await family_enrolled(db, browser, canteen)
    emma = family.children["Emma-Rose"]
    changes = [change(emma.id, canteen.unit.id, day) for day in JANUARY]
    submitted = await family.client.data(
        SUBMIT, {"input": {"periodId": str(canteen.period.id), "changes": changes}}
    )
    assert submitted["submitBookingRequest"]["request"]["state"] == "ACCEPTED"
    await smtp.wait_for(family.email)
    at_town_time(clock, date(2027, 2, 2))
    staff = await make_staff(db)
    agent = await signed_in(browser(), staff.email, staff.password)
    client = await signed_in(browser(), family.email, family.built.password)
    return canteen, family, client, agent


async def test_january_is_invoiced_once_and_paid_online(db, browser, clock, smtp, live_server):
    _, family, client, agent = await invoiced_family(db, browser, clock, smtp)

    run = (await agent.data(RUN, {"month": "2027-01"}))["runInvoicing"]
    assert run["errors"] == []
    assert run["run"] == {
        "month": "2027-01",
        "issued": 1,
        "alreadyInvoiced": 0,
        "total": 3 * 410,
        "totalText": "12,30\u00a0€",
    }
    mail = (await smtp.wait_for(family.email, 2))[1]
    assert "2027-000001" in mail.subject and "12,30" in mail.text and "Mes factures" in mail.text

    # Mes factures: one invoice to pay, its three lines.
    data = await client.data(INVOICES, {"toPayOnly": False})
    assert data["unpaidInvoiceCount"] == 1
    [edge] = data["invoices"]["edges"]
    invoice = edge["node"]
    assert (invoice["number"], invoice["kind"], invoice["state"], invoice["month"]) == (
        "2027-000001",
        "INVOICE",
        "UNPAID",
        "2027-01",
    )
    assert invoice["regie"]["name"] == "REGIE RESTAURATION SCOLAIRE" and invoice["billedName"] == "TEST"
    assert invoice["leftToPay"] == 1230 and invoice["dueDate"] == "2027-03-04"
    assert [line["designation"] for line in invoice["lines"]] == [
        "REPAS RESERVE (04/01)",
        "REPAS RESERVE (05/01)",
        "REPAS RESERVE (07/01)",
    ]
    assert {line["childName"] for line in invoice["lines"]} == {"TEST Emma-Rose"}

    # Aperçu: the PDF, inline, with the lines, the total and the town; Télécharger: an attachment.
    shown = await client.http.get(invoice["viewUrl"])
    assert shown.status_code == 200 and shown.headers["content-type"] == "application/pdf"
    assert shown.headers["content-disposition"].startswith("inline")
    text = pdf_text(shown.content)
    for words in (
        "FACTURE",
        "2027-000001",
        "Ville de Séné",
        "REGIE RESTAURATION SCOLAIRE",
        "TEST",
        "REPAS RESERVE (04/01)",
        "12,30",
        "Janvier 2027",
    ):
        assert words in text, words
    saved = await client.http.get(invoice["downloadUrl"])
    assert (
        saved.headers["content-disposition"].startswith("attachment")
        and "facture-2027-000001.pdf" in (saved.headers["content-disposition"])
    )

    # Running January again issues nothing.
    again = (await agent.data(RUN, {"month": "2027-01"}))["runInvoicing"]["run"]
    assert (again["issued"], again["alreadyInvoiced"]) == (0, 1)
    async with db.read_sessions() as s:
        assert (await s.exec(select(func.count()).select_from(Invoice))).one() == 1
        assert (await s.exec(select(func.count()).select_from(InvoiceLine))).one() == 3

    # Payer en ligne: PayFiP's page, paid by card.
    checkout = (await client.data(PAY, {"ids": [invoice["id"]]}))["payInvoices"]
    assert checkout["errors"] == [] and checkout["payment"]["amount"] == 1230
    assert checkout["payment"]["purpose"] == "INVOICES"
    async with httpx.AsyncClient(timeout=30) as payer:
        page = await payer.get(checkout["redirectUrl"])
        assert "12,30" in page.text
        idop = httpx.URL(checkout["redirectUrl"]).params["idop"]
        answer = await payer.post(str(page.url.join("paiementws.web")), data={"idop": idop, "resultat": "P"})
    assert answer.status_code == 303
    data = await client.data(INVOICES, {"toPayOnly": False})
    paid = data["invoices"]["edges"][0]["node"]
    assert data["unpaidInvoiceCount"] == 0
    assert (paid["state"], paid["paid"], paid["leftToPay"]) == ("PAID", 1230, 0)
    assert [p["amount"] for p in paid["payments"]] == [1230] and paid["payments"][0]["online"]
    assert (await client.data(INVOICES, {"toPayOnly": True}))["invoices"]["edges"] == []
    mails = await smtp.wait_for(family.email, 3)
    assert "paiement de 12,30" in mails[2].subject and "2027-000001" in mails[2].text

    # A paid invoice is not paid twice.
    twice = (await client.data(PAY, {"ids": [invoice["id"]]}))["payInvoices"]
    assert [(e["field"], e["code"]) for e in twice["errors"]] == [("invoiceIds.0", "NOTHING_TO_PAY")]


async def test_bad_runs_and_foreign_invoices(db, browser, clock, smtp, live_server):
    canteen, _, client, agent = await invoiced_family(db, browser, clock, smtp)
    for month, field in (("2027-02", "month"), ("janvier", "month"), ("2027-13", "month")):
        refused = (await agent.data(RUN, {"month": month}))["runInvoicing"]
        assert [(e["field"], e["code"]) for e in refused["errors"]] == [(field, "INVALID")], month
    unknown = (await agent.data(RUN, {"month": "2027-01", "regieId": "pas-un-id"}))["runInvoicing"]
    assert [(e["field"], e["code"]) for e in unknown["errors"]] == [("regieId", "NOT_FOUND")]
    # Families cannot run it.
    forbidden = await client(RUN, {"month": "2027-01"})
    assert forbidden["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    run = (await agent.data(RUN, {"month": "2027-01", "regieId": str(canteen.regie.id)}))["runInvoicing"]
    assert run["run"]["issued"] == 1
    invoice_id = (await client.data(INVOICES, {"toPayOnly": True}))["invoices"]["edges"][0]["node"]["id"]
    other = await family_enrolled(db, browser, canteen, "Paul", email="autre@famille.test", name="AUTRE")
    assert (await other.client.data(INVOICES, {"toPayOnly": False}))["unpaidInvoiceCount"] == 0
    stolen = (await other.client.data(PAY, {"ids": [invoice_id]}))["payInvoices"]
    assert [(e["field"], e["code"]) for e in stolen["errors"]] == [("invoiceIds.0", "NOT_FOUND")]
    detail = await other.client("query($id: ID!) { invoice(id: $id) { number } }", {"id": invoice_id})
    assert detail["errors"][0]["extensions"]["code"] == "NOT_FOUND"


RECORD = f"""mutation($id: ID!, $method: DeskMethod!, $amount: Int!) {{
  recordPayment(invoiceId: $id, method: $method, amount: $amount, note: "Chèque n° 1234567") {{
  invoice {{ number state paid leftToPay payments {{ online amount }} }} {ERRORS} }} }}"""
CANCEL = f"""mutation($id: ID!, $reason: String!) {{ cancelInvoice(invoiceId: $id, reason: $reason) {{
  invoice {{ number kind state total lines {{ designation quantity amount }} viewUrl }} {ERRORS} }} }}"""
STAFF_INVOICES = (
    """query($h: ID) { staffInvoices(householdId: $h, first: 10) { edges { node { number kind state } } } }"""
)


async def test_the_desk_records_a_cheque_and_a_credit_note_cancels_an_invoice(
    db, browser, clock, smtp, live_server
):
    _, family, client, agent = await invoiced_family(db, browser, clock, smtp)
    await agent.data(RUN, {"month": "2027-01"})
    assert (await agent.data(STAFF_INVOICES, {"h": None}))["staffInvoices"]["edges"][0]["node"]["number"] == (
        "2027-000001"
    )
    invoice_id = (await client.data(INVOICES, {"toPayOnly": True}))["invoices"]["edges"][0]["node"]["id"]

    # A cheque of 5 € at the desk: partly paid; more than is owed is refused.
    too_much = (await agent.data(RECORD, {"id": invoice_id, "method": "CHEQUE", "amount": 5000}))[
        "recordPayment"
    ]
    assert [(e["field"], e["code"]) for e in too_much["errors"]] == [("amount", "INVALID")]
    paid = (await agent.data(RECORD, {"id": invoice_id, "method": "CHEQUE", "amount": 500}))["recordPayment"]
    assert paid["errors"] == []
    assert paid["invoice"]["state"] == "PARTLY_PAID" and paid["invoice"]["leftToPay"] == 730
    assert paid["invoice"]["payments"] == [{"online": False, "amount": 500}]
    mails = await smtp.wait_for(family.email, 3)
    assert "règlement de 5,00" in mails[2].subject and "7,30" in mails[2].text
    # Families cannot record payments.
    assert (await client(RECORD, {"id": invoice_id, "method": "CASH", "amount": 100}))["errors"][0][
        "extensions"
    ]["code"] == "FORBIDDEN"

    # A credit note cancels it: the next number, the lines negated; the invoice is CANCELLED.
    no_reason = (await agent.data(CANCEL, {"id": invoice_id, "reason": " "}))["cancelInvoice"]
    assert [e["code"] for e in no_reason["errors"]] == ["REASON_REQUIRED"]
    credit = (await agent.data(CANCEL, {"id": invoice_id, "reason": "Repas non servis (grève)."}))[
        "cancelInvoice"
    ]
    assert credit["errors"] == []
    note = credit["invoice"]
    assert (note["number"], note["kind"], note["total"]) == ("2027-000002", "CREDIT_NOTE", -1230)
    assert [line["quantity"] for line in note["lines"]] == [-1, -1, -1]
    shown = await client.http.get(note["viewUrl"])
    assert "AVOIR" in pdf_text(shown.content) and "2027-000001" in pdf_text(shown.content)
    data = await client.data(INVOICES, {"toPayOnly": False})
    assert data["unpaidInvoiceCount"] == 0
    assert [(e["node"]["number"], e["node"]["state"]) for e in data["invoices"]["edges"]] == [
        ("2027-000002", "PAID"),
        ("2027-000001", "CANCELLED"),
    ]
    mails = await smtp.wait_for(family.email, 4)
    assert "annulée" in mails[3].subject and "5,00" in mails[3].text  # what was paid is refunded
    again = (await agent.data(CANCEL, {"id": invoice_id, "reason": "Encore"}))["cancelInvoice"]
    assert [e["code"] for e in again["errors"]] == ["ALREADY_DECIDED"]
    paid_twice = (await agent.data(RECORD, {"id": invoice_id, "method": "CASH", "amount": 100}))[
        "recordPayment"
    ]
    assert [e["code"] for e in paid_twice["errors"]] == ["NOTHING_TO_PAY"]


PREVIEW_ONE = f"""mutation($input: BookingRequestInput!) {{ previewBookingRequest(input: $input) {{
  summary {{ lines {{ refusal message }} }} {ERRORS} }} }}"""


async def test_an_overdue_invoice_blocks_new_bookings_where_the_town_says_so(
    db, browser, clock, smtp, live_server
):
    canteen, family, client, agent = await invoiced_family(db, browser, clock, smtp)
    async with db.transaction() as s:
        activity = await s.get(type(canteen.activity), canteen.activity.id)
        activity.block_overdue_days = 7
        s.add(activity)
    await agent.data(RUN, {"month": "2027-01"})
    invoice_id = (await client.data(INVOICES, {"toPayOnly": True}))["invoices"]["edges"][0]["node"]["id"]
    emma = family.children["Emma-Rose"]
    ask = {
        "input": {
            "periodId": str(canteen.period.id),
            "changes": [change(emma.id, canteen.unit.id, date(2027, 3, 22))],
        }
    }
    # Due on 04/03: a week later the family may still book; the day after, no more.
    at_town_time(clock, date(2027, 3, 11))
    client = await signed_in(browser(), family.email, family.built.password)
    assert (await client.data(PREVIEW_ONE, ask))["previewBookingRequest"]["summary"]["lines"][0][
        "refusal"
    ] is None
    at_town_time(clock, date(2027, 3, 12))
    client = await signed_in(browser(), family.email, family.built.password)
    line = (await client.data(PREVIEW_ONE, ask))["previewBookingRequest"]["summary"]["lines"][0]
    assert line["refusal"] == "OVERDUE_INVOICES" and "Mes factures" in line["message"]
    refused = (await client.data(SUBMIT, ask))["submitBookingRequest"]
    assert [(e["field"], e["code"]) for e in refused["errors"]] == [("changes.0.date", "NOTHING_TO_SUBMIT")]
    # Paid at the desk: the family books again.
    agent = await signed_in(browser(), *(await staff_login(db)))
    await agent.data(RECORD, {"id": invoice_id, "method": "CASH", "amount": 1230})
    assert (await client.data(SUBMIT, ask))["submitBookingRequest"]["errors"] == []


async def staff_login(db):  # type: ignore[no-untyped-def]
    staff = await make_staff(db, "caisse@mairie.test")
    return staff.email, staff.password


ATTENDANCE = f"""mutation($unitId: ID!, $date: Date!, $entries: [AttendanceEntryInput!]!) {{
  recordAttendance(unitId: $unitId, date: $date, entries: $entries) {{ recorded {ERRORS} }} }}"""


async def test_attendance_recorded_by_staff_changes_what_is_invoiced(db, browser, clock, smtp, live_server):
    canteen, family, client, agent = await invoiced_family(db, browser, clock, smtp)
    async with db.transaction() as s:
        unit = await s.get(type(canteen.unit), canteen.unit.id)
        unit.unbooked_price = 600  # "REPAS NON RESERVE"
        s.add(unit)
    emma = str(family.children["Emma-Rose"].id)

    async def tick(day: date, status: str) -> dict:  # type: ignore[type-arg]
        variables = {
            "unitId": str(canteen.unit.id),
            "date": day.isoformat(),
            "entries": [{"childId": emma, "status": status}],
        }
        return (await agent.data(ATTENDANCE, variables))["recordAttendance"]

    # Ill on the 5th (a certificate): not charged; at the canteen on Friday the 8th without booking.
    assert (await tick(date(2027, 1, 5), "ABSENT"))["recorded"] == 1
    assert (await tick(date(2027, 1, 5), "EXCUSED"))["recorded"] == 1  # corrected
    assert (await tick(date(2027, 1, 8), "PRESENT"))["errors"] == []
    assert (await tick(date(2027, 1, 4), "PRESENT"))["errors"] == []
    # Bad ticks: a day to come, outside the period, a child not enrolled; nothing recorded.
    assert [e["code"] for e in (await tick(date(2027, 3, 1), "PRESENT"))["errors"]] == ["INVALID"]
    assert [e["code"] for e in (await tick(date(2028, 1, 3), "PRESENT"))["errors"]] == ["OUTSIDE_PERIOD"]
    stranger = {
        "unitId": str(canteen.unit.id),
        "date": "2027-01-04",
        "entries": [{"childId": str(canteen.unit.id), "status": "PRESENT"}],
    }
    refused = (await agent.data(ATTENDANCE, stranger))["recordAttendance"]
    assert [(e["field"], e["code"]) for e in refused["errors"]] == [("entries.0.childId", "NOT_FOUND")]
    assert (await client(ATTENDANCE, stranger))["errors"][0]["extensions"]["code"] == "FORBIDDEN"

    # The attendance list of the 5th shows what was recorded.
    listed = (await agent.data("""query($a: ID!, $d: Date!) { attendance(activityId: $a, date: $d) {
      children { firstName attendance } } }""", {"a": str(canteen.activity.id), "d": "2027-01-05"}))
    assert listed["attendance"][0]["children"] == [{"firstName": "Emma-Rose", "attendance": "EXCUSED"}]

    run = (await agent.data(RUN, {"month": "2027-01"}))["runInvoicing"]["run"]
    assert run["total"] == 410 + 410 + 600
    invoice = (await client.data(INVOICES, {"toPayOnly": True}))["invoices"]["edges"][0]["node"]
    assert [(line["designation"], line["amount"]) for line in invoice["lines"]] == [
        ("REPAS RESERVE (04/01)", 410),
        ("REPAS RESERVE (07/01)", 410),
        ("REPAS NON RESERVE (08/01)", 600),
    ]
