"""The demo's family finds Paul's canteen meals of the coming weeks in "Mon planning", booked once
through the same use case a family's "VALIDER" runs (a numbered request in the "Historique")."""

from __future__ import annotations

from datetime import timedelta

from portail.clock import Clock
from portail.demo import FAMILY_EMAIL, FAMILY_PASSWORD, load_demo
from portail.rules.validity import TOWN_ZONE
from tests.support.accounts import signed_in
from tests.support.bookings import HISTORY, booking_counts, shown
from tests.support.pages import nodes


async def test_the_demo_books_paul_at_the_canteen_once(db, browser):
    await load_demo(db)
    counts = await booking_counts(db)
    await load_demo(db)
    assert await booking_counts(db) == counts
    assert counts["booking_request"] == 1 and counts["booking"] > 0

    family = await signed_in(browser(), FAMILY_EMAIL, FAMILY_PASSWORD)
    history = nodes((await family.data(HISTORY, {"first": 5}))["bookingRequests"])
    assert [(r["numberText"], r["state"], r["children"]) for r in history] == [("000001", "ACCEPTED", ["Paul"])]
    today = Clock().now().astimezone(TOWN_ZONE).date()
    window = {"from": today.isoformat(), "to": (today + timedelta(days=40)).isoformat(), "childIds": None,
              "all": False, "others": False}
    planning = await shown(family, window)
    meals = [b for d in planning["days"] for b in d["bookings"]]
    assert len(meals) == counts["booking"]
    assert {(b["unitName"], b["state"]) for b in meals} == {("REPAS", "ACCEPTED")}
    # The unit is listed once, however many meals name it.
    assert [(u["name"], u["activityName"]) for u in planning["units"]] == [("REPAS", "RESTAURATION SCOLAIRE")]


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
