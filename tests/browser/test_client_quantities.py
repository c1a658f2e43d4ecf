"""The family client books a unit counted in quantities (the canteen's take-away meals, 2,50 € each, up to
5 a day), in Chromium: the day's window says the price of one and the maximum, asks how many, the
request's line says the quantity, the summary prices 3 × 2,50 €, and the booking is written with its
quantity; then the day's window changes it to 2 ("Modifier la quantité"), the same booking re-priced."""

from __future__ import annotations

import json
from datetime import date, time

from sqlmodel import update

from portail.db.models.bookings import Booking
from portail.db.models.catalogue import Unit
from tests.browser.test_client_planning import day_button, signed_in_page
from tests.browser.test_family_client import built_client, settings  # noqa: F401  (fixtures)
from tests.support.bookings import at_town_time, bookings, family_enrolled
from tests.support.catalogue import make_service

TODAY = date(2026, 11, 28)


async def test_lola_books_three_take_away_meals_then_two(db, browser, live_server, chromium, clock):
    at_town_time(clock, TODAY, time(11, 0))
    canteen = await make_service(
        db,
        "RESTAURANT SCOLAIRE",
        "RESTAURATION SCOLAIRE",
        "CANTINE 2026-2027",
        "REPAS À EMPORTER",
        tariff=[[None, 250]],
    )
    async with db.transaction() as session:
        await session.exec(
            update(Unit)  # type: ignore[call-overload]
            .where(Unit.id == canteen.unit.id)
            .values(counted_in="quantity", max_quantity=5, tariff=json.dumps([[None, 250]]))
        )
    family = await family_enrolled(db, browser, canteen)
    page = await signed_in_page(chromium, live_server, family.email, "2026-12")
    await page.get_by_role("heading", name="Décembre 2026").wait_for()

    await day_button(page, "mardi 8 décembre 2026").click()
    window = page.get_by_role("dialog", name="Mardi 8 décembre 2026")
    await window.get_by_role("heading", name="REPAS À EMPORTER").wait_for()
    assert "2,50\u00a0€ l'unité, jusqu'à 5 par jour" in await window.inner_text(), await window.inner_text()
    await window.get_by_role("button", name="Nouvelle présence").click()
    await window.get_by_label("REPAS À EMPORTER (").check()
    # One to begin with; Lola's child takes three.
    quantity = window.get_by_label("Quantité (REPAS À EMPORTER)")
    assert await quantity.input_value() == "1"
    assert (await quantity.get_attribute("min"), await quantity.get_attribute("max")) == ("1", "5")
    await quantity.fill("3")
    await window.get_by_role("button", name="VALIDER", exact=True).click()
    await window.wait_for(state="hidden")
    await page.get_by_text("REPAS À EMPORTER, mardi 8 décembre 2026, quantité 3").wait_for()

    # The summary: 3 × 2,50 € = 7,50 €.
    await page.get_by_role("button", name="SUIVANT", exact=True).click()
    await page.get_by_role("heading", name="Récapitulatif").wait_for()
    line = page.get_by_role("row").filter(has_text="mardi 8 décembre 2026")
    assert "7,50" in await line.inner_text()
    await page.get_by_role("button", name="VALIDER", exact=True).click()
    await page.get_by_role("status").filter(has_text="enregistrée").wait_for()

    [booked] = await bookings(db)
    assert isinstance(booked, Booking)
    assert (booked.day, booked.quantity, booked.price) == (date(2026, 12, 8), 3, 750)

    # Two after all: the day's window changes the quantity of the same booking.
    await page.goto(f"{live_server.url}/planning?mois=2026-12")
    await day_button(page, "mardi 8 décembre 2026").click()
    window = page.get_by_role("dialog", name="Mardi 8 décembre 2026")
    await window.get_by_text("quantité 3").first.wait_for()
    await window.get_by_role("button", name="Modifier la quantité").click()
    await window.get_by_label("Quantité (REPAS À EMPORTER)").fill("2")
    await window.get_by_role("button", name="VALIDER", exact=True).click()
    await window.wait_for(state="hidden")
    await page.get_by_text("REPAS À EMPORTER, mardi 8 décembre 2026, quantité 2").wait_for()
    await page.get_by_role("button", name="SUIVANT", exact=True).click()
    await page.get_by_role("heading", name="Récapitulatif").wait_for()
    await page.get_by_text("Quantité modifiée").first.wait_for()
    await page.get_by_role("button", name="VALIDER", exact=True).click()
    await page.get_by_role("status").filter(has_text="enregistrée").wait_for()
    assert chromium.problems == []

    [changed] = await bookings(db)
    assert (changed.id, changed.quantity, changed.price) == (booked.id, 2, 500)
