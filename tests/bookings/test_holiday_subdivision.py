"""A town in Alsace-Moselle (``PORTAIL_HOLIDAY_SUBDIVISION``, e.g. "57"): Good Friday and St Stephen's
Day are public holidays there. Over HTTP, as a family's browser asks ``bookableDays`` and
``submitBookingRequest``: a deadline counted in working days "hors jours fériés" skips Good Friday only
there, and a canteen closed on public holidays is closed that day only there."""

from __future__ import annotations

from datetime import date, time

import pytest
from pydantic import ValidationError

from portail.settings import Settings
from tests.bookings.test_deadline_kinds import staff_sets
from tests.bookings.test_deadlines import day_window, only_unit, outcomes, preview, submit, travel
from tests.bookings.test_holiday_subdivision_setting import SKIPPING_HOLIDAYS, TOWN, subdivision_set
from tests.support.bookings import bookings, change, family_enrolled
from tests.support.builders import make_staff
from tests.support.catalogue import make_service

GOOD_FRIDAY = date(2027, 3, 26)  # Easter Sunday 2027 is 28 March; Easter Monday the 29th.
TUESDAY_AFTER = date(2027, 3, 30)
# Booking closes 1 working day before at 10:00 (weekends and public holidays skipped): Tuesday 30
# March's, going back past Easter Monday and the weekend, on Friday 26 March, or, where Good Friday
# is a holiday, on Thursday 25 March.
DEADLINE = {
    None: "2027-03-26T10:00:00+01:00",
    "57": "2027-03-25T10:00:00+01:00",
}


@pytest.fixture(params=[None, "57"], ids=["france", "moselle"])
def subdivision(request: pytest.FixtureRequest) -> str | None:
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def settings(settings, subdivision: str | None):
    return settings.model_copy(update={"holiday_subdivision": subdivision})


async def test_a_deadline_skipping_public_holidays_skips_good_friday_only_in_alsace_moselle(
    db, browser, clock, smtp, subdivision: str | None
):
    canteen = await make_service(db)
    unit = await staff_sets(db, browser, canteen, bookingDeadline=SKIPPING_HOLIDAYS)
    assert (
        unit["bookingDeadline"]["description"]
        == "1 jour avant (hors samedis, dimanches et jours fériés), 10h00"
    )
    family = await family_enrolled(db, browser, canteen, "Emma-Rose")
    emma, meal = family.children["Emma-Rose"], canteen.unit
    # The client may say which calendar the town keeps.
    assert (await family.client.data("{ town { holidaySubdivision } }"))["town"] == {
        "holidaySubdivision": subdivision
    }

    # The day's window says when booking Tuesday 30 March closes; Good Friday itself is closed only
    # where it is a public holiday.
    await travel(clock, family, date(2027, 3, 22))
    window = await day_window(family, emma, canteen, GOOD_FRIDAY, TUESDAY_AFTER)
    assert only_unit(window["2027-03-30"])["bookingDeadline"] == DEADLINE[subdivision]
    friday = window["2027-03-26"]
    if subdivision == "57":
        assert (friday["open"], friday["label"]) == (False, "Jour férié : Vendredi saint")
    else:
        assert friday["open"] is True
    assert window["2027-03-29"]["open"] is False  # Easter Monday, everywhere

    # Thursday 25 March at 10:00: too late in Moselle, still in time elsewhere (nothing written when
    # refused).
    await travel(clock, family, date(2027, 3, 25), time(10, 0))
    summary = await preview(family, canteen, changes=[change(emma.id, meal.id, TUESDAY_AFTER)])
    answer = await submit(family, canteen, changes=[change(emma.id, meal.id, TUESDAY_AFTER)])
    if subdivision == "57":
        assert outcomes(summary) == [("2027-03-30", None, "DEADLINE_PASSED")]
        assert answer["request"] is None
        assert await bookings(db) == []
    else:
        assert outcomes(summary) == [("2027-03-30", "ACCEPTED", None)]
        assert answer["errors"] == [] and answer["request"]["state"] == "ACCEPTED"
        assert [(b.day, b.state) for b in await bookings(db)] == [(TUESDAY_AFTER, "accepted")]


async def test_staff_s_choice_overrides_the_server_s_default(
    db, browser, clock, smtp, subdivision: str | None
):
    """``PORTAIL_HOLIDAY_SUBDIVISION`` is only a default: staff choose the other one through
    ``setHolidaySubdivision`` (none where the server says Moselle, Moselle where it says none), and the
    deadline follows their choice."""
    canteen = await make_service(db)
    await staff_sets(db, browser, canteen, bookingDeadline=SKIPPING_HOLIDAYS)
    family = await family_enrolled(db, browser, canteen, "Emma-Rose")
    emma = family.children["Emma-Rose"]
    agent = await make_staff(db, "direction@mairie.test")
    await travel(clock, family, date(2027, 3, 22))
    assert (await family.client.data(TOWN))["town"] == {"holidaySubdivision": subdivision}
    window = await day_window(family, emma, canteen, GOOD_FRIDAY, TUESDAY_AFTER)
    assert only_unit(window["2027-03-30"])["bookingDeadline"] == DEADLINE[subdivision]

    chosen = None if subdivision else "57"
    assert (await subdivision_set(browser, agent, chosen))["errors"] == []
    assert (await family.client.data(TOWN))["town"] == {"holidaySubdivision": chosen}
    window = await day_window(family, emma, canteen, GOOD_FRIDAY, TUESDAY_AFTER)
    assert only_unit(window["2027-03-30"])["bookingDeadline"] == DEADLINE[chosen]
    assert window["2027-03-26"]["open"] is (chosen is None)


def test_the_setting_takes_only_a_subdivision_france_knows():
    assert Settings(holiday_subdivision="6AE").holiday_subdivision == "6AE"
    assert Settings(holiday_subdivision="67").holiday_subdivision == "67"  # Bas-Rhin: Alsace's holidays
    assert Settings(holiday_subdivision="").holiday_subdivision is None
    with pytest.raises(ValidationError, match="unknown French subdivision"):
        Settings(holiday_subdivision="99")
