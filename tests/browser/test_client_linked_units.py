"""The family client says linked units before the preview, in Chromium: the day's window says "Se réserve
avec : GARDERIE MATIN" under the meal; the meal ticked alone is held back with the reason, ticked with the
morning both go into the request."""

from __future__ import annotations

import re
from datetime import date, time

from tests.bookings.test_linked_units import MEAL, MORNING, add_unit
from tests.browser.test_client_planning import day_button, signed_in_page
from tests.browser.test_family_client import built_client, settings  # noqa: F401  (fixtures)
from tests.support.bookings import at_town_time, family_enrolled
from tests.support.catalogue import make_service

TODAY = date(2026, 11, 28)


async def test_lola_is_told_the_meal_goes_with_the_morning_care(db, browser, live_server, chromium, clock):
    at_town_time(clock, TODAY, time(11, 0))
    canteen = await make_service(db)
    morning = await add_unit(db, canteen, MORNING, 150)
    async with db.transaction() as session:
        row = await session.get(type(canteen.unit), canteen.unit.id)
        assert row is not None
        row.requires = str(morning.id)
        session.add(row)
    family = await family_enrolled(db, browser, canteen)
    page = await signed_in_page(chromium, live_server, family.email, "2026-12")
    await page.get_by_role("heading", name="Décembre 2026").wait_for()

    await day_button(page, "mardi 8 décembre 2026").click()
    window = page.get_by_role("dialog", name="Mardi 8 décembre 2026")
    await window.get_by_text(f"Se réserve avec : {MORNING}").wait_for()
    await window.get_by_role("button", name="Nouvelle présence").click()
    await window.get_by_label(re.compile(f"^{MEAL} \\(")).check()
    await window.get_by_role("button", name="VALIDER", exact=True).click()
    await window.get_by_role("alert").filter(has_text=f"« {MEAL} » se réserve avec : {MORNING}. Cochez-la aussi.").wait_for()
    await window.get_by_label(re.compile(f"^{MORNING} \\(")).check()
    await window.get_by_role("button", name="VALIDER", exact=True).click()
    await window.wait_for(state="hidden")
    await page.get_by_text(f"{MEAL}, mardi 8 décembre 2026").wait_for()
    assert chromium.problems == []
