"""The demo loads the guide's services for the school year 2026-2027, and Paul is enrolled in the canteen;
loading it twice changes nothing."""

from __future__ import annotations

from portail.demo import FAMILY_EMAIL, FAMILY_PASSWORD, load_demo
from tests.support.accounts import signed_in
from tests.support.catalogue import CATALOGUE, catalogue_counts


async def test_the_demo_catalogue_is_usable_today_and_loads_once(db, browser, settings):
    await load_demo(db, settings)
    counts = await catalogue_counts(db)
    await load_demo(db, settings)
    assert await catalogue_counts(db) == counts
    # Paul: the canteen, the sports afternoons (see test_demo_screens), the Centre aéré (his basket).
    assert counts["enrolment"] == 3

    family = await signed_in(browser(), FAMILY_EMAIL, FAMILY_PASSWORD)
    children = (await family.data("{ children { id firstName } }"))["children"]
    paul = next(c["id"] for c in children if c["firstName"] == "Paul")
    facilities = (await family.data(CATALOGUE, {"childId": paul}))["catalogue"]
    periods = {p["path"]: p for f in facilities for a in f["activities"] for p in a["periods"]}
    canteen = periods["RESTAURANT SCOLAIRE > RESTAURATION SCOLAIRE > RESTAURATION SCOLAIRE 2026-2027"]
    assert canteen["enrolment"]["state"] == "ACCEPTED"
    centre = periods["CENTRE AERE MERCREDI > MERCREDIS > MERCREDI POMPIDOU B ELEMENTAIRE / 2026-2027"]
    assert centre["units"][0]["name"] == "JOURNEE CENTRE AERE MERCREDI"
    assert centre["units"][0]["priceText"] == "7,70\u00a0€"  # no quotient known: the top bracket
    assert "ACCUEIL PERISCOLAIRE" in {f["name"] for f in facilities}
