"""The family web client's "Mon planning" in headless Chromium, as the guide's "Ajouter une demande de
réservation" goes: open a day (the window says what may be done and why not), "Nouvelle présence",
"RECOPIER LA SÉLECTION" / "MODE RECOPIE" over a range of weekdays, "SUIVANT" (the summary with a
refused line and its reason, the estimate), "VALIDER" (the request's number), the calendar shows the
days booked; "ANNULER" > "Cette demande"; "ANNULER" > "Plus de jours" (several days of a booked range
cancelled at once); one repeat for two children ("Enfants" in MODE RECOPIE); a request whose every line
is refused gets its error beside its repeat. Each journey ends by checking the booking rows. The render time of a month of three
children is printed (measured in the page, not asserted).
"""

from __future__ import annotations

import re
from datetime import date, time
from typing import Any

from playwright.async_api import expect

from portail.db.models.catalogue import Unit
from tests.browser.test_family_client import built_client, settings  # noqa: F401  (fixtures)
from tests.support.bookings import SUBMIT, at_town_time, bookings, family_enrolled, repeat
from tests.support.builders import FAMILY_PASSWORD
from tests.support.catalogue import make_service

TODAY = date(2026, 11, 28)  # a Saturday, 11:00: Monday 30's booking deadline (Saturday 10:00) has passed
SCHOOL_DAYS = ["MONDAY", "TUESDAY", "THURSDAY", "FRIDAY"]


async def signed_in_page(chromium: Any, live_server: Any, email: str, month: str) -> Any:
    page = await chromium.new_page()
    page.set_default_timeout(8_000)
    await page.goto(f"{live_server.url}/connexion?suite=/planning?mois={month}")
    await page.get_by_label("Adresse e-mail").fill(email)
    await page.get_by_label("Mot de passe").fill(FAMILY_PASSWORD)
    await page.get_by_role("button", name="Se connecter").click()
    await page.get_by_role("heading", name="Mon planning", level=1).wait_for()
    return page


def day_button(page: Any, words: str) -> Any:
    return page.get_by_role("button", name=re.compile(f"^{words}"))


async def test_lola_books_december_with_mode_recopie_then_cancels_one_day(db, browser, live_server, chromium, clock):
    at_town_time(clock, TODAY, time(11, 0))
    canteen = await make_service(db)
    family = await family_enrolled(db, browser, canteen)
    page = await signed_in_page(chromium, live_server, family.email, "2026-11")
    assert await page.title() == "Mon planning – Portail Familles"
    await page.get_by_role("heading", name="Novembre 2026").wait_for()
    await expect(page.get_by_label("Service")).to_have_value(str(canteen.period.id))

    # Monday 30, opened with the keyboard: past its booking deadline, the window says so.
    monday = day_button(page, "lundi 30 novembre 2026")
    await monday.focus()
    await page.keyboard.press("Enter")
    window = page.get_by_role("dialog", name="Lundi 30 novembre 2026")
    await window.get_by_role("heading", name="REPAS").wait_for()
    assert "La date limite de réservation est dépassée" in await window.inner_text()
    assert await window.get_by_role("button", name="Nouvelle présence").is_disabled()
    await page.keyboard.press("Escape")
    await window.wait_for(state="hidden")
    assert await monday.evaluate("b => b === document.activeElement")

    # December: Tuesday 1st, "Nouvelle présence", REPAS, "RECOPIER LA SÉLECTION" to Monday to Friday
    # from Monday 30 November to Friday 18 December (the Christmas holidays begin).
    await page.get_by_role("button", name="Mois suivant").click()
    await page.get_by_role("heading", name="Décembre 2026").wait_for()
    await day_button(page, "mardi 1er décembre 2026").click()
    window = page.get_by_role("dialog", name="Mardi 1er décembre 2026")
    await window.get_by_text("Places restantes").wait_for()
    await window.get_by_role("button", name="Nouvelle présence").click()
    await window.get_by_label("REPAS").check()
    await window.get_by_role("button", name="RECOPIER LA SÉLECTION").click()
    window = page.get_by_role("dialog", name="MODE RECOPIE")
    assert await window.get_by_label("Mardi").is_checked()
    for day in ("Lundi", "Jeudi", "Vendredi"):
        await window.get_by_label(day).check()
    assert await window.get_by_label("Du").input_value() == "2026-12-01"
    await window.get_by_label("Du").fill("2026-11-30")
    await window.get_by_label("Au").fill("2026-12-18")
    await window.get_by_role("button", name="VALIDER", exact=True).click()
    await window.wait_for(state="hidden")
    await page.get_by_text("MODE RECOPIE (réserver) : Emma-Rose, REPAS").wait_for()

    # SUIVANT: the summary, Monday 30 refused with its reason, the estimate; nothing written yet.
    await page.get_by_role("button", name="SUIVANT", exact=True).click()
    await page.get_by_role("heading", name="Récapitulatif").wait_for()
    refused = page.get_by_role("row").filter(has_text="lundi 30 novembre 2026")
    assert "Refusée : La date limite de réservation est dépassée" in await refused.inner_text()
    assert await page.get_by_role("row").filter(has_text="vendredi 18 décembre 2026").count() == 1
    assert "REGIE RESTAURATION SCOLAIRE" in await page.get_by_role("region", name=re.compile("Estimation")).inner_text()
    assert await bookings(db) == []
    # PRÉCÉDENT and SUIVANT again, then VALIDER.
    await page.get_by_role("button", name="PRÉCÉDENT").click()
    await page.get_by_role("button", name="SUIVANT", exact=True).click()
    await page.get_by_role("button", name="VALIDER", exact=True).click()
    await page.get_by_role("status").filter(has_text="Demande n° 000001 enregistrée").wait_for()

    # The calendar, refreshed, shows the days booked in words.
    december_1 = page.locator(".month__day").filter(has=day_button(page, "mardi 1er décembre 2026"))
    await december_1.get_by_text("Présence acceptée").wait_for()
    assert await page.locator(".month__day").filter(has_text="Présence acceptée").count() == 11
    rows = await bookings(db)
    assert [(b.day.isoformat(), b.state) for b in rows] == [
        (d, "accepted") for d in ("2026-12-01", "2026-12-03", "2026-12-04", "2026-12-07", "2026-12-08",
                                  "2026-12-10", "2026-12-11", "2026-12-14", "2026-12-15", "2026-12-17",
                                  "2026-12-18")
    ]

    # "ANNULER" > "Cette demande" for Thursday 10.
    await day_button(page, "jeudi 10 décembre 2026").click()
    window = page.get_by_role("dialog", name="Jeudi 10 décembre 2026")
    await window.get_by_text("Présence acceptée").wait_for()
    assert "Annulée aussitôt." in await window.inner_text()
    await window.get_by_role("button", name="ANNULER", exact=True).click()
    await window.get_by_role("button", name="Cette demande").click()
    await page.get_by_text("ANNULER > Cette demande : Emma-Rose, REPAS, jeudi 10 décembre 2026").wait_for()
    await page.get_by_role("button", name="SUIVANT", exact=True).click()
    cancel = page.get_by_role("row").filter(has_text="jeudi 10 décembre 2026")
    assert "Annulation" in await cancel.inner_text()
    await page.get_by_role("button", name="VALIDER", exact=True).click()
    await page.get_by_role("status").filter(has_text="Demande n° 000002 enregistrée").wait_for()
    december_10 = page.locator(".month__day").filter(has=day_button(page, "jeudi 10 décembre 2026"))
    await december_10.get_by_text("Présence acceptée").wait_for(state="detached")
    # Shown again with "Afficher les réservations annulées et refusées".
    await page.get_by_text("Options d'affichage et légende").click()
    await page.get_by_label("Afficher les réservations annulées et refusées").check()
    await december_10.get_by_text("Présence annulée").wait_for()

    states = {b.day.isoformat(): b.state for b in await bookings(db)}
    assert states["2026-12-10"] == "cancelled"
    assert sorted(d for d, s in states.items() if s == "accepted") == [
        "2026-12-01", "2026-12-03", "2026-12-04", "2026-12-07", "2026-12-08", "2026-12-11", "2026-12-14",
        "2026-12-15", "2026-12-17", "2026-12-18",
    ]
    assert chromium.problems == []
    assert chromium.beyond(live_server.url) == []


async def test_a_request_whose_every_line_is_refused_is_said_beside_its_repeat(db, browser, live_server, chromium, clock):
    at_town_time(clock, TODAY, time(11, 0))
    canteen = await make_service(db)
    family = await family_enrolled(db, browser, canteen)
    page = await signed_in_page(chromium, live_server, family.email, "2026-11")
    await page.get_by_role("button", name="MODE RECOPIE").click()
    window = page.get_by_role("dialog", name="MODE RECOPIE")
    # Nothing ticked: said beside the fields, nothing added.
    await window.get_by_role("button", name="VALIDER", exact=True).click()
    await window.get_by_text("Cochez au moins une unité.").wait_for()
    await window.get_by_label("REPAS").check()
    await window.get_by_label("Lundi").check()
    await window.get_by_label("Toute la période").uncheck()
    await window.get_by_label("Du").fill("2026-11-30")
    await window.get_by_label("Au").fill("2026-11-30")
    await window.get_by_role("button", name="VALIDER", exact=True).click()
    await page.get_by_role("button", name="SUIVANT", exact=True).click()
    row = page.get_by_role("row").filter(has_text="lundi 30 novembre 2026")
    assert "Refusée" in await row.inner_text()
    await page.get_by_role("button", name="VALIDER", exact=True).click()
    # The API's NOTHING_TO_SUBMIT on "repeats.0": beside that repeat of the request.
    repeat_item = page.locator(".draft > li").filter(has_text="MODE RECOPIE (réserver)")
    await repeat_item.locator(".field__errors").wait_for()
    print("\nrepeats.0:", await repeat_item.locator(".field__errors").inner_text())
    assert await bookings(db) == []
    assert chromium.problems == []


async def test_a_month_of_three_children_renders_quickly_and_fits_a_phone(db, browser, live_server, chromium, clock):
    at_town_time(clock, TODAY, time(11, 0))
    canteen = await make_service(db)
    units = [canteen.unit, *(Unit(period_id=canteen.period.id, name=name, position=i)
                             for i, name in enumerate(("GARDERIE MATIN", "GARDERIE SOIR", "ETUDE"), 1))]
    async with db.transaction() as session:
        session.add_all(units[1:])
    family = await family_enrolled(db, browser, canteen, "Paul", "Emma-Rose", "Léa")
    ids = [c.id for c in family.children.values()]
    whole = {"periodId": str(canteen.period.id), "repeats": [repeat(ids, [u.id for u in units], SCHOOL_DAYS)]}
    submitted = (await family.client.data(SUBMIT, {"input": whole}))["submitBookingRequest"]
    assert submitted["errors"] == []

    page = await signed_in_page(chromium, live_server, family.email, "2026-12")
    await page.wait_for_function("() => window.__planningRenderMs !== undefined && document.querySelector('.booking')")
    rendered = await page.evaluate("window.__planningRenderMs")
    shown = await page.locator(".month__bookings > li").count()
    print(f"\nplanning of a month, 3 children, {shown} bookings: rendered in {rendered:.1f} ms after the answer")
    assert shown == 3 * 4 * 11  # 3 children, 4 units, 1 to 18 December on Monday, Tuesday, Thursday, Friday
    # A phone, 320 px wide: a list of days, nothing wider than the screen.
    await page.set_viewport_size({"width": 320, "height": 640})
    assert await page.evaluate("document.documentElement.scrollWidth") <= 320
    december = [b for b in await bookings(db) if b.day.month == 12 and b.day.year == 2026]
    assert len(december) == 3 * 4 * 11 and {b.state for b in december} == {"accepted"}
    assert chromium.problems == []


def accepted_in_december(rows: list[Any]) -> list[str]:
    """The days of December 2026 still booked ("accepted"), in order."""
    return [b.day.isoformat() for b in rows if b.state == "accepted" and b.day.month == 12]


async def test_plus_de_jours_cancels_several_days_of_a_booked_range_at_once(
    db, browser, live_server, chromium, clock
):
    at_town_time(clock, TODAY, time(11, 0))
    canteen = await make_service(db)
    family = await family_enrolled(db, browser, canteen)
    emma = family.children["Emma-Rose"]
    # The school days of 1 to 18 December, booked beforehand (request n° 000001).
    booked = repeat([emma.id], [canteen.unit.id], SCHOOL_DAYS, start=date(2026, 12, 1), end=date(2026, 12, 18))
    submitted = (await family.client.data(SUBMIT, {"input": {"periodId": str(canteen.period.id), "repeats": [booked]}}))
    assert submitted["submitBookingRequest"]["errors"] == []
    assert len(accepted_in_december(await bookings(db))) == 11
    page = await signed_in_page(chromium, live_server, family.email, "2026-12")

    # Tuesday 8: "ANNULER" (REPAS ticked), "Plus de jours": MODE RECOPIE for cancelling, from the 8th.
    await day_button(page, "mardi 8 décembre 2026").click()
    window = page.get_by_role("dialog", name="Mardi 8 décembre 2026")
    await window.get_by_text("Présence acceptée").wait_for()
    await window.get_by_role("button", name="ANNULER", exact=True).click()
    assert await window.get_by_label("REPAS").is_checked()
    await window.get_by_role("button", name="Plus de jours").click()
    window = page.get_by_role("dialog", name="MODE RECOPIE : annulation")
    assert "Annuler les unités cochées" in await window.inner_text()
    assert await window.get_by_label("Mardi").is_checked() and await window.get_by_label("REPAS").is_checked()
    assert await window.get_by_label("Du").input_value() == "2026-12-08"
    # Tuesdays and Thursdays up to Tuesday 15: the 8th, 10th and 15th.
    await window.get_by_label("Jeudi").check()
    await window.get_by_label("Au").fill("2026-12-15")
    await window.get_by_role("button", name="VALIDER", exact=True).click()
    await window.wait_for(state="hidden")
    await page.get_by_text("Plus de jours (annuler) : Emma-Rose, REPAS").wait_for()

    # SUIVANT: the summary, three cancellations; nothing written yet. VALIDER.
    await page.get_by_role("button", name="SUIVANT", exact=True).click()
    summary = page.get_by_role("table", name="Récapitulatif de la demande")
    await summary.wait_for()
    lines = summary.locator("tbody tr")
    assert await lines.count() == 3
    for day in ("mardi 8 décembre 2026", "jeudi 10 décembre 2026", "mardi 15 décembre 2026"):
        assert "Annulation" in await lines.filter(has_text=day).inner_text()
    assert len(accepted_in_december(await bookings(db))) == 11
    await page.get_by_role("button", name="VALIDER", exact=True).click()
    await page.get_by_role("status").filter(has_text="Demande n° 000002 enregistrée").wait_for()

    # The calendar, refreshed: those days no longer booked, the others still.
    december_15 = page.locator(".month__day").filter(has=day_button(page, "mardi 15 décembre 2026"))
    await december_15.get_by_text("Présence acceptée").wait_for(state="detached")
    assert await page.locator(".month__day").filter(has_text="Présence acceptée").count() == 8

    rows = await bookings(db)
    assert sorted(b.day.isoformat() for b in rows if b.state == "cancelled") == [
        "2026-12-08", "2026-12-10", "2026-12-15"
    ]
    assert accepted_in_december(rows) == [
        "2026-12-01", "2026-12-03", "2026-12-04", "2026-12-07", "2026-12-11", "2026-12-14", "2026-12-17",
        "2026-12-18",
    ]
    assert chromium.problems == []
    assert chromium.beyond(live_server.url) == []


async def test_one_repeat_books_the_same_days_for_two_children(db, browser, live_server, chromium, clock):
    at_town_time(clock, TODAY, time(11, 0))
    canteen = await make_service(db)
    family = await family_enrolled(db, browser, canteen, "Emma-Rose", "Paul")
    page = await signed_in_page(chromium, live_server, family.email, "2026-12")
    await page.get_by_role("heading", name="Décembre 2026").wait_for()

    # MODE RECOPIE: "Enfants" lists both, the request's child ticked; none ticked is said.
    await page.get_by_role("button", name="MODE RECOPIE").click()
    window = page.get_by_role("dialog", name="MODE RECOPIE")
    children = window.get_by_role("group", name="Enfants")
    for name in ("Emma-Rose TEST", "Paul TEST"):
        await children.get_by_label(name).uncheck()
    await window.get_by_label("REPAS").check()
    await window.get_by_label("Lundi").check()
    await window.get_by_role("button", name="VALIDER", exact=True).click()
    await window.get_by_text("Cochez au moins un enfant.").wait_for()
    # Both children, Mondays and Thursdays from 1 to 11 December: the 3rd, 7th and 10th.
    for name in ("Emma-Rose TEST", "Paul TEST"):
        await children.get_by_label(name).check()
    await window.get_by_label("Jeudi").check()
    await window.get_by_label("Toute la période").uncheck()
    # exact: "Au" is in "Paul TEST".
    await window.get_by_label("Du", exact=True).fill("2026-12-01")
    await window.get_by_label("Au", exact=True).fill("2026-12-11")
    await window.get_by_role("button", name="VALIDER", exact=True).click()
    await window.wait_for(state="hidden")
    draft = page.locator(".draft > li").filter(has_text="MODE RECOPIE (réserver)")
    assert "Emma-Rose" in await draft.inner_text() and "Paul" in await draft.inner_text()

    # SUIVANT: a line per child and day.
    await page.get_by_role("button", name="SUIVANT", exact=True).click()
    summary = page.get_by_role("table", name="Récapitulatif de la demande")
    await summary.wait_for()
    assert await summary.locator("tbody tr").count() == 6
    thursday = [await row.inner_text() for row in await summary.locator("tbody tr").filter(
        has_text="jeudi 3 décembre 2026").all()]
    assert len(thursday) == 2 and any("Emma-Rose" in t for t in thursday) and any("Paul" in t for t in thursday)
    await page.get_by_role("button", name="VALIDER", exact=True).click()
    await page.get_by_role("status").filter(has_text="Demande n° 000001 enregistrée").wait_for()
    december_10 = page.locator(".month__day").filter(has=day_button(page, "jeudi 10 décembre 2026"))
    await expect(december_10.get_by_text("Présence acceptée")).to_have_count(2)

    # Both children's rows, the same three days, accepted.
    names = {c.id: name for name, c in family.children.items()}
    rows = await bookings(db)
    assert sorted((names[b.child_id], b.day.isoformat(), b.state) for b in rows) == [
        (name, day, "accepted")
        for name in ("Emma-Rose", "Paul")
        for day in ("2026-12-03", "2026-12-07", "2026-12-10")
    ]
    assert chromium.problems == []
    assert chromium.beyond(live_server.url) == []


async def test_the_planning_opens_on_the_towns_month_whatever_the_phones_clock(db, browser, live_server, chromium, clock):
    # The server's clock is in March 2027 while the browser's is the machine's: the planning opens on
    # the town's month (the API's `town.today`), today's cell marked.
    at_town_time(clock, date(2027, 3, 15), time(8, 0))
    canteen = await make_service(db)
    family = await family_enrolled(db, browser, canteen)
    page = await chromium.new_page()
    await page.goto(f"{live_server.url}/connexion?suite=/planning")
    await page.get_by_label("Adresse e-mail").fill(family.email)
    await page.get_by_label("Mot de passe").fill(FAMILY_PASSWORD)
    await page.get_by_role("button", name="Se connecter").click()
    await page.get_by_role("heading", name="Mars 2027").wait_for()
    today = day_button(page, "lundi 15 mars 2027")
    assert await today.get_attribute("aria-current") == "date"
    # "Mois suivant", then "Aujourd'hui" comes back to the town's month, not the device's.
    await page.get_by_role("button", name="Mois suivant").click()
    await page.get_by_role("heading", name="Avril 2027").wait_for()
    await page.get_by_role("button", name="Aujourd'hui", exact=True).click()
    await page.get_by_role("heading", name="Mars 2027").wait_for()
    assert chromium.problems == []
