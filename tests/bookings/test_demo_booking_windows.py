"""The demo's summer holidays open to Séné's residents on Saturday 1 May 2027 at 9:00 and to the other
families a week later: household TEST (Compiègne) is told the 8th, DURAND (Séné) the 1st."""

from __future__ import annotations

from datetime import date

from portail.demo import FAMILY_EMAIL, FAMILY_PASSWORD, OTHER_EMAIL, OTHER_PASSWORD, SUMMER_INTRO, load_demo
from tests.bookings.test_booking_windows import CATALOGUE, MY_HOUSEHOLD
from tests.support.accounts import signed_in
from tests.support.bookings import at_town_time

SUMMER = "ACCUEIL DE LOISIRS > VACANCES D'ÉTÉ > ÉTÉ 2027"
CATALOGUE_PATHS = CATALOGUE.replace("periods { id", "periods { id path")


async def summer_window(client, first_name: str) -> dict:
    children = (await client.data("{ children { id firstName } }"))["children"]
    child = next(c["id"] for c in children if c["firstName"] == first_name)
    facilities = (await client.data(CATALOGUE_PATHS, {"childId": child}))["catalogue"]
    periods = {p["path"]: p for f in facilities for a in f["activities"] for p in a["periods"]}
    return periods[SUMMER]["bookingWindow"]  # type: ignore[no-any-return]


async def test_the_summer_opens_to_residents_first(db, browser, settings, clock):
    await load_demo(db, settings)
    at_town_time(clock, date(2027, 1, 11))
    town = await browser().data("{ town { residentPostcodes residentInseeCodes } }")
    assert town["town"] == {"residentPostcodes": ["56860"], "residentInseeCodes": ["56243"]}

    test = await signed_in(browser(), FAMILY_EMAIL, FAMILY_PASSWORD)
    assert (await test.data(MY_HOUSEHOLD))["household"]["onlineBooking"]["resident"] is False
    window = await summer_window(test, "Paul")
    assert window == {
        "state": "NOT_OPEN_YET",
        "bookableNow": False,
        "opensAt": "2027-05-08T09:00:00+02:00",
        "closesAt": "2027-08-20T18:00:00+02:00",
        "readOnlyFrom": None,
        "message": "Les réservations ouvrent le samedi 8 mai 2027 à 9h00.",
        "intro": SUMMER_INTRO,
    }
    durand = await signed_in(browser(), OTHER_EMAIL, OTHER_PASSWORD)
    assert (await durand.data(MY_HOUSEHOLD))["household"]["onlineBooking"]["resident"] is True
    assert (await durand.data("{ household { address { postcode inseeCode } } }"))["household"][
        "address"
    ] == {
        "postcode": "56860",
        "inseeCode": "56243",  # Séné's: resident by its INSEE code
    }
    assert (await summer_window(durand, "Paul"))["opensAt"] == "2027-05-01T09:00:00+02:00"
