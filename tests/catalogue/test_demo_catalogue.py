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
    # Paul: the canteen, the sports afternoons (see test_demo_screens), the Centre aéré (his basket), and
    # the winter day camp's Élémentaires group (one of its two places).
    assert counts["enrolment"] == 4

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


WINTER_QUERY = """query($childId: ID!) { catalogue(childId: $childId) { activities { name periods {
  canEnrol enrolmentOpen keepsWaitingLine missing { kind code } enrolment { state groupName }
  groups { name capacity placesLeft } } } } }"""


async def test_the_demo_winter_camp_has_groups_one_nearly_full_and_asks_for_a_consent(db, browser, settings):
    await load_demo(db, settings)
    family = await signed_in(browser(), FAMILY_EMAIL, FAMILY_PASSWORD)
    children = {c["firstName"]: c["id"] for c in (await family.data("{ children { id firstName } }"))["children"]}

    def winter(data):
        return next(p for f in data["catalogue"] for a in f["activities"] if a["name"] == "VACANCES D'HIVER"
                    for p in a["periods"])

    paul = winter(await family.data(WINTER_QUERY, {"childId": children["Paul"]}))
    assert paul["enrolment"] == {"state": "ACCEPTED", "groupName": "Élémentaires"}
    assert paul["groups"] == [{"name": "Maternelles", "capacity": 8, "placesLeft": 8},
                              {"name": "Élémentaires", "capacity": 2, "placesLeft": 1}]
    emma = winter(await family.data(WINTER_QUERY, {"childId": children["Emma-Rose"]}))
    assert emma["keepsWaitingLine"] is True and emma["enrolment"] is None
    assert ("CONSENT", "OUTINGS_TRANSPORT") in {(m["kind"], m["code"]) for m in emma["missing"]}
