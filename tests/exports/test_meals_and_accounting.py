"""The kitchen's meal counts for the next days, by school and diet; and the town's accounting entries,
whose invoices sum to the invoices' totals and whose CSV the treasury opens with decimal commas."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlmodel import col

from portail.db.models.bookings import Booking
from portail.db.models.invoices import Invoice
from tests.bookings.test_waiting_list import staff_member
from tests.exports.support import LINK, bulk_bookings, download
from tests.payments.test_invoices import CANCEL, INVOICES, RECORD, RUN, invoiced_family
from tests.support.bookings import at_town_time
from tests.support.builders import make_family
from tests.support.catalogue import make_service
from tests.support.documents import make_child

MEALS = """query($id: ID!, $from: Date!, $days: Int!) { mealCounts(activityId: $id, from: $from, days: $days) {
  date school diet dietLabel count } }"""
ACCOUNTING = """query($from: Date!, $to: Date!, $first: Int!, $after: String) {
  accountingExport(from: $from, to: $to, first: $first, after: $after) {
    edges { node { kindLabel number amount amountText methodLabel householdName } }
    pageInfo { hasNextPage endCursor } } }"""


async def test_the_kitchen_counts_meals_per_school_and_diet(db, browser, clock):
    at_town_time(clock, date(2026, 12, 4))
    canteen = await make_service(db)
    family = await make_family(db, "nombreux@famille.test", name="NOMBREUX")
    a = await make_child(db, family.household, "Alice", school="Pompidou", diet="VEGETARIAN")
    b = await make_child(db, family.household, "Bruno", school="Pompidou", diet="NONE")
    c = await make_child(db, family.household, "Chloé", school="Jaurès", diet="NO_PORK")
    d = await make_child(db, family.household, "Denis", school="Jaurès", diet="NO_PORK")
    await bulk_bookings(db, canteen, family.household, [a, b, c, d], date(2026, 12, 7), 2)  # Mon, Tue
    async with db.transaction() as session:  # Denis's Tuesday is cancelled: not cooked
        await session.exec(
            sa.update(Booking)
            .where(col(Booking.child_id) == d.id, col(Booking.day) == date(2026, 12, 8))
            .values(state="cancelled")
        )
    staff = await staff_member(db, browser)
    counts = (
        await staff.client.data(MEALS, {"id": str(canteen.activity.id), "from": "2026-12-07", "days": 5})
    )["mealCounts"]
    assert [(m["date"], m["school"], m["dietLabel"], m["count"]) for m in counts] == [
        ("2026-12-07", "Jaurès", "Sans porc", 2),
        ("2026-12-07", "Pompidou", "Aucun régime particulier", 1),
        ("2026-12-07", "Pompidou", "Végétarien", 1),
        ("2026-12-08", "Jaurès", "Sans porc", 1),
        ("2026-12-08", "Pompidou", "Aucun régime particulier", 1),
        ("2026-12-08", "Pompidou", "Végétarien", 1),
    ]
    link = (
        await staff.client.data(
            LINK,
            {"kind": "MEAL_COUNTS", "activityId": str(canteen.activity.id), "from": "2026-12-07", "days": 5},
        )
    )["exportLink"]
    assert link["filename"] == "repas-2026-12-07-2026-12-11.csv"
    _, rows, headers = await download(staff.client, link["url"])
    assert headers == ["Date", "École", "Régime alimentaire", "Repas"]
    assert rows[0] == {
        "Date": "07/12/2026",
        "École": "Jaurès",
        "Régime alimentaire": "Sans porc",
        "Repas": "2",
    }
    too_many = await staff.client(MEALS, {"id": str(canteen.activity.id), "from": "2026-12-07", "days": 40})
    assert too_many["errors"][0]["extensions"] == {"code": "RANGE_TOO_LONG", "field": "days"}


async def test_accounting_entries_sum_to_the_invoices(db, browser, clock, smtp, live_server):
    _, _family, client, agent = await invoiced_family(db, browser, clock, smtp)
    assert (await agent.data(RUN, {"month": "2027-01"}))["runInvoicing"]["errors"] == []
    invoice_id = (await client.data(INVOICES, {"toPayOnly": True}))["invoices"]["edges"][0]["node"]["id"]
    paid = (await agent.data(RECORD, {"id": invoice_id, "method": "CHEQUE", "amount": 500}))["recordPayment"]
    assert paid["errors"] == []
    assert (await agent.data(CANCEL, {"id": invoice_id, "reason": "Repas non servis."}))["cancelInvoice"][
        "errors"
    ] == []

    variables = {"from": "2027-02-01", "to": "2027-02-28", "first": 1, "after": None}
    entries = []
    while True:
        page = (await agent.data(ACCOUNTING, variables))["accountingExport"]
        entries += [e["node"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        variables["after"] = page["pageInfo"]["endCursor"]
    assert [(e["kindLabel"], e["amount"]) for e in entries] == [
        ("Facture", 1230),
        ("Avoir", -1230),
        ("Règlement", 500),
    ]
    assert entries[2]["methodLabel"] == "Chèque" and entries[0]["number"] == "2027-000001"
    async with db.read_sessions() as session:
        totals = (await session.exec(sa.select(sa.func.sum(Invoice.total)))).one()[0]
    assert sum(e["amount"] for e in entries if e["kindLabel"] != "Règlement") == totals

    link = (await agent.data(LINK, {"kind": "ACCOUNTING", "from": "2027-02-01", "to": "2027-02-28"}))[
        "exportLink"
    ]
    _, rows, headers = await download(agent, link["url"])
    assert headers == ["Type", "Date", "Numéro", "Régie", "Foyer", "Montant (€)", "Mode de règlement"]
    assert [(r["Type"], r["Montant (€)"], r["Mode de règlement"]) for r in rows] == [
        ("Facture", "12,30", ""),
        ("Avoir", "-12,30", ""),
        ("Règlement", "5,00", "Chèque"),
    ]
    assert rows[0]["Date"].startswith("02/02/2027")
