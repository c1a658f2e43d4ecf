"""The deadlines towns use, set by staff on the "Unités" screen (``updateUnit``) and met by a family at
their edges, the server's clock moved to the minute: "le jeudi deux semaines avant, 12h00", "avant le 20
du mois précédent, 18h00", and a cancellation "3 jours avant (hors mercredis et jours fériés), 10h00".
Everything through ``bookableDays`` and ``previewBookingRequest`` / ``submitBookingRequest``, as a
family's browser asks them."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from portail.resolvers.reminders import send_reminders
from tests.bookings.test_deadlines import day_window, only_unit, outcomes, preview, set_unit, submit, travel
from tests.reminders.test_reminders import UPDATE as REMINDERS
from tests.reminders.test_reminders import sent
from tests.support.accounts import signed_in
from tests.support.bookings import at_town_time, booking_counts, bookings, change, enrol, family_enrolled
from tests.support.builders import make_family, make_staff
from tests.support.catalogue import ERRORS, Service, make_service
from tests.support.documents import make_child

UPDATE_DEADLINES = f"""mutation($id: ID!, $input: UpdateUnitInput!) {{
  updateUnit(id: $id, input: $input) {{ unit {{
    bookingDeadline {{ kind weeks dayOfMonth skippedWeekdays skipsPublicHolidays description }}
    cancellationDeadline {{ kind weeks dayOfMonth skippedWeekdays skipsPublicHolidays description }} }}
    {ERRORS} }} }}"""

async def staff_sets(db: Any, browser: Any, service: Service, **deadlines: Any) -> dict[str, Any]:
    """Staff change the unit's deadlines through ``updateUnit``; the unit as the mutation returns it."""
    staff = await make_staff(db)
    agent = await signed_in(browser(), staff.email, staff.password)
    result = (await agent.data(UPDATE_DEADLINES, {"id": str(service.unit.id), "input": deadlines}))["updateUnit"]
    assert result["errors"] == []
    return result["unit"]  # type: ignore[no-any-return]


# ---------------------------------------------------------------------------------------------
# "le jeudi deux semaines avant, 12h00"


async def test_the_thursday_two_weeks_before_at_its_edges(db, browser, clock, smtp):
    """The week of Monday 7 December closes on Thursday 26 November at noon: at 11:59 a day of it is
    taken, at 12:00 it is refused (DEADLINE_PASSED, nothing written); the week after stays open."""
    canteen = await make_service(db)
    unit = await staff_sets(
        db,
        browser,
        canteen,
        bookingDeadline={"kind": "WEEKDAY_OF_WEEK_BEFORE", "weekday": "THURSDAY", "weeks": 2, "at": "12:00:00"},
    )
    assert unit["bookingDeadline"] == {
        "kind": "WEEKDAY_OF_WEEK_BEFORE",
        "weeks": 2,
        "dayOfMonth": None,
        "skippedWeekdays": [],
        "skipsPublicHolidays": False,
        "description": "le jeudi deux semaines avant, 12h00",
    }
    family = await family_enrolled(db, browser, canteen, "Emma-Rose", "Léo")
    emma, leo, meal = family.children["Emma-Rose"], family.children["Léo"], canteen.unit
    monday_7, friday_11, monday_14 = date(2026, 12, 7), date(2026, 12, 11), date(2026, 12, 14)

    # Thursday 26 November, 11:59: the whole week of the 7th is open until noon.
    await travel(clock, family, date(2026, 11, 26), time(11, 59))
    window = await day_window(family, emma, canteen, monday_7, monday_14)
    for day in ("2026-12-07", "2026-12-08", "2026-12-10", "2026-12-11"):
        assert only_unit(window[day])["bookable"] is True, day
        assert only_unit(window[day])["bookingDeadline"] == "2026-11-26T12:00:00+01:00", day
    assert only_unit(window["2026-12-14"])["bookingDeadline"] == "2026-12-03T12:00:00+01:00"
    summary = await preview(family, canteen, changes=[change(emma.id, meal.id, monday_7)])
    assert outcomes(summary) == [("2026-12-07", "ACCEPTED", None)]
    taken = await submit(family, canteen, changes=[change(emma.id, meal.id, monday_7)])
    assert taken["errors"] == [] and taken["request"]["state"] == "ACCEPTED"
    await smtp.wait_for(family.email)

    # Noon sharp: the deadline itself is closed, for Friday the 11th as for Monday the 7th.
    await travel(clock, family, date(2026, 11, 26), time(12, 0))
    window = await day_window(family, leo, canteen, monday_7, monday_14)
    late = only_unit(window["2026-12-11"])
    assert (late["bookable"], late["refusal"]) == (False, "DEADLINE_PASSED")
    assert late["message"] == (
        "La date limite de réservation est dépassée (le jeudi deux semaines avant, 12h00)."
    )
    assert only_unit(window["2026-12-14"])["bookable"] is True
    summary = await preview(family, canteen, changes=[change(leo.id, meal.id, friday_11)])
    assert outcomes(summary) == [("2026-12-11", None, "DEADLINE_PASSED")]
    before = await booking_counts(db)
    refused = await submit(family, canteen, changes=[change(leo.id, meal.id, friday_11)])
    assert [e["code"] for e in refused["errors"]] == ["NOTHING_TO_SUBMIT"] and refused["request"] is None
    assert "le jeudi deux semaines avant, 12h00" in refused["errors"][0]["message"]
    assert await booking_counts(db) == before
    both = [change(leo.id, meal.id, friday_11), change(leo.id, meal.id, monday_14)]
    submitted = await submit(family, canteen, changes=both)
    assert outcomes(submitted["summary"]) == [
        ("2026-12-11", None, "DEADLINE_PASSED"),
        ("2026-12-14", "ACCEPTED", None),
    ]
    assert sorted((b.child_id == emma.id, b.day) for b in await bookings(db)) == [
        (False, monday_14),
        (True, monday_7),
    ]


# ---------------------------------------------------------------------------------------------
# "avant le 20 du mois précédent, 18h00"


async def test_the_20th_of_the_month_before_at_its_edges(db, browser, clock, smtp):
    """December closes on 20 November at 18:00: at 17:59 a day of it is taken, at 18:00 refused; January
    (20 December) stays open."""
    canteen = await make_service(db)
    unit = await staff_sets(
        db,
        browser,
        canteen,
        bookingDeadline={"kind": "DAY_OF_PREVIOUS_MONTH", "dayOfMonth": 20, "at": "18:00:00"},
    )
    assert (unit["bookingDeadline"]["kind"], unit["bookingDeadline"]["dayOfMonth"]) == ("DAY_OF_PREVIOUS_MONTH", 20)
    assert unit["bookingDeadline"]["description"] == "avant le 20 du mois précédent, 18h00"
    family = await family_enrolled(db, browser, canteen, "Emma-Rose", "Léo")
    emma, leo, meal = family.children["Emma-Rose"], family.children["Léo"], canteen.unit
    thursday_3, friday_18, thursday_7_jan = date(2026, 12, 3), date(2026, 12, 18), date(2027, 1, 7)

    await travel(clock, family, date(2026, 11, 20), time(17, 59))
    window = await day_window(family, emma, canteen, thursday_3, friday_18)
    assert only_unit(window["2026-12-03"])["bookingDeadline"] == "2026-11-20T18:00:00+01:00"
    assert only_unit(window["2026-12-18"])["bookingDeadline"] == "2026-11-20T18:00:00+01:00"
    assert only_unit(window["2026-12-18"])["bookable"] is True
    taken = await submit(family, canteen, changes=[change(emma.id, meal.id, thursday_3)])
    assert taken["errors"] == [] and outcomes(taken["summary"]) == [("2026-12-03", "ACCEPTED", None)]
    await smtp.wait_for(family.email)

    await travel(clock, family, date(2026, 11, 20), time(18, 0))
    window = await day_window(family, leo, canteen, friday_18, friday_18)
    late = only_unit(window["2026-12-18"])
    assert (late["bookable"], late["refusal"]) == (False, "DEADLINE_PASSED")
    assert late["message"] == "La date limite de réservation est dépassée (avant le 20 du mois précédent, 18h00)."
    january = only_unit((await day_window(family, leo, canteen, thursday_7_jan, thursday_7_jan))["2027-01-07"])
    assert (january["bookable"], january["bookingDeadline"]) == (True, "2026-12-20T18:00:00+01:00")
    before = await booking_counts(db)
    refused = await submit(family, canteen, changes=[change(leo.id, meal.id, friday_18)])
    assert [e["code"] for e in refused["errors"]] == ["NOTHING_TO_SUBMIT"]
    assert await booking_counts(db) == before
    submitted = await submit(
        family, canteen, changes=[change(leo.id, meal.id, friday_18), change(leo.id, meal.id, thursday_7_jan)]
    )
    assert outcomes(submitted["summary"]) == [
        ("2026-12-18", None, "DEADLINE_PASSED"),
        ("2027-01-07", "ACCEPTED", None),
    ]


# ---------------------------------------------------------------------------------------------
# Cancelling: every kind works for cancellation too


async def test_cancelling_three_days_before_without_wednesdays_nor_public_holidays(db, browser, clock, smtp):
    """Cancelling Friday 13 November closes on Monday 9th at 10:00: Thursday 12th, then Tuesday 10th
    (Wednesday 11th, Armistice, counts neither as a Wednesday nor as a holiday), then Monday 9th. Booked
    by the month ("avant le 20 du mois précédent")."""
    canteen = await make_service(db, late_cancellation="refuse")
    unit = await staff_sets(
        db,
        browser,
        canteen,
        bookingDeadline={"kind": "DAY_OF_PREVIOUS_MONTH", "dayOfMonth": 20, "at": "18:00:00"},
        cancellationDeadline={
            "kind": "DAYS_BEFORE",
            "days": 3,
            "at": "10:00:00",
            "skippedWeekdays": ["WEDNESDAY"],
            "skipsPublicHolidays": True,
        },
    )
    assert unit["cancellationDeadline"]["description"] == "3 jours avant (hors mercredis et jours fériés), 10h00"
    assert unit["cancellationDeadline"]["skippedWeekdays"] == ["WEDNESDAY"]
    family = await family_enrolled(db, browser, canteen, "Emma-Rose", "Léo")
    emma, leo, meal = family.children["Emma-Rose"], family.children["Léo"], canteen.unit
    friday_13 = date(2026, 11, 13)
    await travel(clock, family, date(2026, 10, 5))
    booked = await submit(family, canteen, changes=[change(emma.id, meal.id, friday_13), change(leo.id, meal.id, friday_13)])
    assert booked["errors"] == [] and booked["request"]["state"] == "ACCEPTED"

    await travel(clock, family, date(2026, 11, 9), time(9, 59))
    day = only_unit((await day_window(family, emma, canteen, friday_13, friday_13))["2026-11-13"])
    assert day["cancellationDeadline"] == "2026-11-09T10:00:00+01:00"
    assert (day["cancellable"], day["cancellationOutcome"]) == (True, "CANCELLED")
    cancelled = await submit(family, canteen, changes=[change(emma.id, meal.id, friday_13, "CANCEL")])
    assert outcomes(cancelled["summary"]) == [("2026-11-13", "CANCELLED", None)]

    await travel(clock, family, date(2026, 11, 9), time(10, 0))
    day = only_unit((await day_window(family, leo, canteen, friday_13, friday_13))["2026-11-13"])
    assert (day["cancellable"], day["cancellationMessage"]) == (False, "Le délai d'annulation est dépassé.")
    summary = await preview(family, canteen, changes=[change(leo.id, meal.id, friday_13, "CANCEL")])
    assert outcomes(summary) == [("2026-11-13", None, "CANCELLATION_DEADLINE_PASSED")]
    assert {b.child_id: b.state for b in await bookings(db)} == {emma.id: "cancelled", leo.id: "accepted"}


async def test_cancelling_by_the_thursday_two_weeks_before(db, browser, clock, smtp):
    """A weekday rule N weeks before closes cancellations too: Monday 7 December's on Thursday 26
    November at noon."""
    canteen = await make_service(db, late_cancellation="refuse")
    await staff_sets(
        db,
        browser,
        canteen,
        cancellationDeadline={"kind": "WEEKDAY_OF_WEEK_BEFORE", "weekday": "THURSDAY", "weeks": 2, "at": "12:00:00"},
    )
    family = await family_enrolled(db, browser, canteen, "Emma-Rose")
    emma, meal, monday_7 = family.children["Emma-Rose"], canteen.unit, date(2026, 12, 7)
    await travel(clock, family, date(2026, 11, 2))
    assert (await submit(family, canteen, changes=[change(emma.id, meal.id, monday_7)]))["errors"] == []
    cancel = [change(emma.id, meal.id, monday_7, "CANCEL")]

    await travel(clock, family, date(2026, 11, 26), time(11, 59))
    day = only_unit((await day_window(family, emma, canteen, monday_7, monday_7))["2026-12-07"])
    assert (day["cancellationDeadline"], day["cancellable"]) == ("2026-11-26T12:00:00+01:00", True)
    assert outcomes(await preview(family, canteen, changes=cancel)) == [("2026-12-07", "CANCELLED", None)]

    await travel(clock, family, date(2026, 11, 26), time(12, 0))
    assert outcomes(await preview(family, canteen, changes=cancel)) == [
        ("2026-12-07", None, "CANCELLATION_DEADLINE_PASSED")
    ]


# ---------------------------------------------------------------------------------------------
# Reminders


async def test_the_booking_reminder_follows_a_month_rule(db, browser, settings, smtp, clock, live_server):
    """Next month's reminder goes out 3 days before the deadline the unit's rule gives: February's
    canteen, booked "avant le 20 du mois précédent, 18h00", is reminded from 17 January (not on the
    16th, as "2 jours avant" would have it on 27 January)."""
    canteen = await make_service(db)
    await set_unit(db, canteen.unit, booking_rule="day_of_previous_month", booking_month_day=20, booking_at=time(18, 0))
    family = await make_family(db)
    leo = await make_child(db, family.household, "Léo")
    await enrol(db, leo.id, canteen, family.household, family.account.id)
    at_town_time(clock, date(2027, 1, 16))
    client = await signed_in(browser(), family.email, family.password)
    await client.data(REMINDERS, {"p": [{"kind": "BOOKING_DEADLINE", "enabled": True}]})

    await send_reminders(db, settings, clock)
    assert await sent(db, "booking_deadline") == 0
    at_town_time(clock, date(2027, 1, 17))
    await send_reminders(db, settings, clock)
    [mail] = await smtp.wait_for(family.email)
    assert mail.subject == "Réservez avant le 20/01/2027 à 18:00 pour Léo MARTIN"
    assert "01/02/2027" in mail.text
