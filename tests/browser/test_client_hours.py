"""The family client books a unit counted in hours (the after-school care, priced by the quarter-hour),
in Chromium: the day's window says the price per quarter-hour and the opening hours, asks when the child
arrives and leaves, the request's line says the times, the summary prices each quarter-hour begun, and
the booking is written with its times."""

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


async def test_lola_books_the_after_school_care_from_16_30_to_17_50(db, browser, live_server, chromium, clock):
    at_town_time(clock, TODAY, time(11, 0))
    care = await make_service(
        db, "ECOLE", "GARDERIE", "GARDERIE 2026-2027", "GARDERIE SOIR", tariff=[[None, 65]]
    )
    async with db.transaction() as session:
        await session.exec(
            update(Unit)  # type: ignore[call-overload]
            .where(Unit.id == care.unit.id)
            .values(counted_in="hours", opens_at=time(16, 30), closes_at=time(18, 30), step_minutes=15,
                    tariff=json.dumps([[None, 65]]))
        )
    family = await family_enrolled(db, browser, care)
    page = await signed_in_page(chromium, live_server, family.email, "2026-12")
    await page.get_by_role("heading", name="Décembre 2026").wait_for()

    await day_button(page, "mardi 8 décembre 2026").click()
    window = page.get_by_role("dialog", name="Mardi 8 décembre 2026")
    await window.get_by_text("par tranche de 15 minutes commencée").wait_for()
    await window.get_by_role("button", name="Nouvelle présence").click()
    await window.get_by_label("GARDERIE SOIR").check()
    # The opening hours come first; Lola's child leaves at 17:50.
    assert await window.get_by_label("Arrivée (GARDERIE SOIR)").input_value() == "16:30"
    await window.get_by_label("Départ (GARDERIE SOIR)").fill("17:50")
    await window.get_by_role("button", name="VALIDER", exact=True).click()
    await window.wait_for(state="hidden")
    await page.get_by_text("GARDERIE SOIR, mardi 8 décembre 2026, de 16:30 à 17:50").wait_for()

    # The summary: six quarter-hours begun, 6 × 0,65 € = 3,90 €.
    await page.get_by_role("button", name="SUIVANT", exact=True).click()
    await page.get_by_role("heading", name="Récapitulatif").wait_for()
    line = page.get_by_role("row").filter(has_text="mardi 8 décembre 2026")
    assert "3,90" in await line.inner_text()
    await page.get_by_role("button", name="VALIDER", exact=True).click()
    await page.get_by_role("status").filter(has_text="enregistrée").wait_for()
    assert chromium.problems == []

    [booked] = await bookings(db)
    assert isinstance(booked, Booking)
    assert (booked.day, booked.arrival, booked.departure, booked.price) == (
        date(2026, 12, 8), time(16, 30), time(17, 50), 390,
    )
