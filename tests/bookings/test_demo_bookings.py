"""The demo's family finds Paul's canteen meals of the coming weeks in "Mon planning", booked once
through the same use case a family's "VALIDER" runs (a numbered request in the "Historique")."""

from __future__ import annotations

from datetime import date, timedelta

import portail.demo
from portail.demo import FAMILY_EMAIL, FAMILY_PASSWORD, load_demo
from portail.rules.validity import TOWN_ZONE
from tests.support.accounts import signed_in
from tests.support.bookings import HISTORY, at_town_time, booking_counts, shown
from tests.support.pages import nodes

TODAY = date(2026, 12, 1)  # a Tuesday of the school year


async def test_the_demo_books_paul_at_the_canteen_once(db, browser, settings, clock, monkeypatch):
    at_town_time(clock, TODAY)
    monkeypatch.setattr(portail.demo, "Clock", lambda: clock)
    await load_demo(db, settings)
    counts = await booking_counts(db)
    await load_demo(db, settings)
    assert await booking_counts(db) == counts

    family = await signed_in(browser(), FAMILY_EMAIL, FAMILY_PASSWORD)
    history = nodes((await family.data(HISTORY, {"first": 10}))["bookingRequests"])
    # Oldest first: today's meal booked a week ago, the coming weeks' meals, today's meal cancelled past
    # its deadline (a request staff decide), Paul's sports Wednesdays (staff decide), then the money side.
    assert [(r["numberText"], r["state"], r["children"], r["referent"]) for r in reversed(history)] == [
        ("000001", "ACCEPTED", ["Paul"], "Lola"),
        ("000002", "ACCEPTED", ["Paul"], "Lola"),
        ("000003", "PENDING", ["Paul"], "Lola"),  # a "demande d'annulation" awaits staff
        ("000004", "PENDING", ["Paul"], "Lola"),
        # (000005 is the other household's.) Last month's meals, invoiced ("Mes factures"); next week's
        # Wednesday at the Centre aéré, waiting in "Mon panier".
        ("000006", "ACCEPTED", ["Paul"], "Lola"),
        ("000007", "PENDING", ["Paul"], "Lola"),
    ]
    today = clock.now().astimezone(TOWN_ZONE).date()
    window = {"from": (today + timedelta(days=3)).isoformat(), "to": (today + timedelta(days=35)).isoformat(),
              "childIds": None, "all": False, "others": False}
    planning = await shown(family, window)
    meals = [b for d in planning["days"] for b in d["bookings"] if b["unitName"] == "REPAS"]
    assert len(meals) == len(next(r for r in history if r["numberText"] == "000002")["lines"]) > 0
    assert {b["state"] for b in meals} == {"ACCEPTED"}
    # Each unit is listed once, however many bookings name it.
    assert sorted((u["name"], u["activityName"]) for u in planning["units"]) == [
        ("APRES-MIDI SPORTIF", "STAGES SPORTIFS"), ("JOURNEE CENTRE AERE MERCREDI", "MERCREDIS"),
        ("REPAS", "RESTAURATION SCOLAIRE")]


async def test_the_legend_lists_every_state_in_the_guides_words(gql):
    legend = (await gql.data("{ bookingLegend { state label } }"))["bookingLegend"]
    assert legend[:5] == [
        {"state": "PENDING", "label": "Présence en attente de traitement"},
        {"state": "CANCELLATION_REQUESTED", "label": "Demande d'annulation"},
        {"state": "CANCELLED", "label": "Présence annulée"},
        {"state": "REFUSED", "label": "Présence refusée"},
        {"state": "ACCEPTED", "label": "Présence acceptée"},
    ]
    assert {entry["state"] for entry in legend} == {"PENDING", "CANCELLATION_REQUESTED", "CANCELLED", "REFUSED",
                                                    "ACCEPTED", "EXPIRED", "WAITING"}


async def test_the_demo_has_an_invoice_to_pay_and_a_basket(db, browser, settings, clock, monkeypatch):
    at_town_time(clock, TODAY)
    monkeypatch.setattr(portail.demo, "Clock", lambda: clock)
    await load_demo(db, settings)
    family = await signed_in(browser(), FAMILY_EMAIL, FAMILY_PASSWORD)
    data = await family.data("""{ unpaidInvoiceCount basket { total regies { regie { name } } }
      invoices(first: 5) { edges { node { number month state total lines { designation } } } } }""")
    assert data["unpaidInvoiceCount"] == 1
    [invoice] = [e["node"] for e in data["invoices"]["edges"]]
    assert (invoice["number"], invoice["month"], invoice["state"]) == ("RS-2026-000001", "2026-11", "UNPAID")
    assert invoice["total"] > 0 and invoice["lines"][0]["designation"].startswith("REPAS RESERVE (")
    assert [r["regie"]["name"] for r in data["basket"]["regies"]] == ["REGIE CENTRE AERE MERCREDI"]
    assert data["basket"]["total"] == 770
