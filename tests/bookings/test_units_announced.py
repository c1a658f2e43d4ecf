"""The day window says before the preview what the request would refuse: a linked unit names the units
it is booked with (``requires``, ``requiresNames``: "Se réserve avec : GARDERIE MATIN"), and a unit capped
per child says how many days of it the child has and may still book (``perChildCap``,
``childBookedCount``, ``capLeft``); at the cap, the days the child does not have are not bookable
(CAP_REACHED, the cap's message), the day it has stays as it is."""

from __future__ import annotations

from typing import Any

from tests.bookings.test_events import JULY_15, JULY_22, OUTING, summer_centre
from tests.bookings.test_linked_units import MEAL, MORNING, canteen_with_morning, request
from tests.support.bookings import SUBMIT, change, family_enrolled

DAY = """query($childId: ID!, $periodId: ID!, $from: Date!, $to: Date!) {
  bookableDays(childId: $childId, periodId: $periodId, from: $from, to: $to) { days { date units {
    unitName bookable refusal message requires requiresNames perChildCap childBookedCount capLeft } } } }"""


async def window(client: Any, child: Any, service: Any, first: str, last: str) -> dict[str, dict[str, Any]]:
    variables = {"childId": str(child.id), "periodId": str(service.period.id), "from": first, "to": last}
    days = (await client.data(DAY, variables))["bookableDays"]["days"]
    return {d["date"]: {u["unitName"]: u for u in d["units"]} for d in days}


async def test_a_linked_unit_names_the_units_it_is_booked_with(db, browser, clock, smtp):
    canteen, morning, _ = await canteen_with_morning(db, browser, clock)
    family = await family_enrolled(db, browser, canteen)
    emma = family.children["Emma-Rose"]
    units = (await window(family.client, emma, canteen, "2027-01-04", "2027-01-04"))["2027-01-04"]
    assert (units[MEAL]["requires"], units[MEAL]["requiresNames"]) == ([str(morning.id)], [MORNING])
    # One way: the morning is booked alone; neither is capped.
    assert (units[MORNING]["requires"], units[MORNING]["requiresNames"]) == ([], [])
    assert {(u["perChildCap"], u["childBookedCount"], u["capLeft"]) for u in units.values()} == {
        (None, None, None)
    }
    # Still bookable: the morning may come in the same request.
    assert units[MEAL]["bookable"] is True


async def test_a_capped_outing_says_how_many_days_the_child_may_still_book(db, browser, clock, smtp):
    service, outing, _ = await summer_centre(db, browser, clock)
    family = await family_enrolled(db, browser, service)
    emma = family.children["Emma-Rose"]
    days = await window(family.client, emma, service, "2027-07-15", "2027-07-22")
    assert [
        (days[d][OUTING]["perChildCap"], days[d][OUTING]["childBookedCount"], days[d][OUTING]["capLeft"])
        for d in ("2027-07-15", "2027-07-22")
    ] == [(1, 0, 1), (1, 0, 1)]
    assert days["2027-07-22"][OUTING]["bookable"] is True
    assert days["2027-07-15"]["JOURNEE ETE"]["capLeft"] is None

    submitted = await family.client.data(SUBMIT, request(service, [change(emma.id, outing, JULY_15)]))
    assert submitted["submitBookingRequest"]["errors"] == []
    days = await window(family.client, emma, service, "2027-07-15", "2027-07-22")
    # The cap is reached: the other date says so before any preview; her day is hers.
    other = days[JULY_22.isoformat()][OUTING]
    assert (other["childBookedCount"], other["capLeft"], other["bookable"], other["refusal"]) == (
        1,
        0,
        False,
        "CAP_REACHED",
    )
    assert other["message"] == f"Au plus 1 jour de « {OUTING} » par enfant sur la période."
    assert days[JULY_15.isoformat()][OUTING]["refusal"] == "ALREADY_BOOKED"
