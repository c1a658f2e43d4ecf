"""Deadlines and calendars at their edges, the server's clock moved to the minute: the booking deadline
("2 jours avant, 10h00", "le jeudi de la semaine précédente, 12h00", working days that skip a weekend and
a public holiday), the cancellation deadline (cancelled at once, a request, or refused), a public
holiday, the first days of the Christmas holidays (zone B), a staff closure, an extra day, and a deadline
across the clocks going forward on 28 March 2027. Everything through ``bookableDays`` (the day window)
and ``previewBookingRequest`` / ``submitBookingRequest``, as a family's browser asks them."""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

from portail.db.engine import Database
from portail.db.models.catalogue import Period, PeriodDay, Unit
from tests.support.accounts import signed_in
from tests.support.bookings import (
    BOOKABLE,
    PREVIEW,
    QUEUE,
    SUBMIT,
    at_town_time,
    booking_counts,
    bookings,
    change,
    enrol,
    family_enrolled,
    make_centre,
    paris,
    repeat,
)
from tests.support.builders import make_staff
from tests.support.catalogue import Service, make_service
from tests.support.pages import nodes

FRIDAY_27_NOV = date(2026, 11, 27)
WEDNESDAY_9_DEC = date(2026, 12, 9)
MONDAY_7_DEC = date(2026, 12, 7)


# ---------------------------------------------------------------------------------------------
# Helpers


async def travel(clock: Any, family: Any, day: date, at: time = time(9, 0)) -> None:
    """Move the server's clock to ``day`` at ``at`` (town time) and sign the family in again there: a
    session opened at another time would have ended (or not yet begun)."""
    moment = paris(day, at)
    at_town_time(clock, day, at)
    last = getattr(family, "signed_at", None)
    # A few minutes on, the session is still alive (120 minutes idle): no need to sign in again.
    if last is None or not timedelta(0) <= moment - last < timedelta(minutes=30):
        await signed_in(family.client, family.email, family.built.password)
        family.signed_at = moment


async def set_unit(db: Database, unit: Unit, **fields: Any) -> None:
    """Change the unit's deadline columns as staff's "Unités" screen would."""
    async with db.transaction() as session:
        row = await session.get(Unit, unit.id)
        assert row is not None
        for name, value in fields.items():
            setattr(row, name, value)
        session.add(row)


async def add_days(db: Database, period: Period, kind: str, start: date, end: date, label: str) -> None:
    """A staff closure ("closure") or extra opening ("extra") of the period's calendar."""
    async with db.transaction() as session:
        session.add(PeriodDay(period_id=period.id, kind=kind, start=start, end=end, label=label))


async def day_window(family: Any, child: Any, service: Service, start: date, end: date) -> dict[str, Any]:
    """``bookableDays`` for one child, by ISO date."""
    data = await family.client.data(
        BOOKABLE,
        {
            "childId": str(child.id),
            "periodId": str(service.period.id),
            "from": start.isoformat(),
            "to": end.isoformat(),
        },
    )
    return {d["date"]: d for d in data["bookableDays"]["days"]}


def only_unit(day: dict[str, Any]) -> dict[str, Any]:
    assert len(day["units"]) == 1, day
    return day["units"][0]


async def preview(family: Any, service: Service, **request: Any) -> dict[str, Any]:
    payload = await family.client.data(PREVIEW, {"input": {"periodId": str(service.period.id), **request}})
    result = payload["previewBookingRequest"]
    assert result["errors"] == [], result
    return result["summary"]


async def submit(family: Any, service: Service, **request: Any) -> dict[str, Any]:
    payload = await family.client.data(SUBMIT, {"input": {"periodId": str(service.period.id), **request}})
    return payload["submitBookingRequest"]


def outcomes(summary: dict[str, Any]) -> list[tuple[str, str | None, str | None]]:
    return [(line["date"], line["outcome"], line["refusal"]) for line in summary["lines"]]


# ---------------------------------------------------------------------------------------------
# Booking deadlines


async def test_booking_closes_two_calendar_days_before_at_ten(db, browser, clock, smtp):
    """The Wednesday centre: Wednesday 9 December closes on Monday 7 December at 10:00, to the minute."""
    centre = await make_centre(db)
    family = await family_enrolled(db, browser, centre, "Emma-Rose", "Léo")
    emma, leo, unit = family.children["Emma-Rose"], family.children["Léo"], centre.unit

    # Monday 7 December, 09:59: the 9th is still bookable; the window says until when.
    await travel(clock, family, MONDAY_7_DEC, time(9, 59))
    day = only_unit((await day_window(family, emma, centre, WEDNESDAY_9_DEC, WEDNESDAY_9_DEC))["2026-12-09"])
    assert (day["bookable"], day["refusal"], day["message"]) == (True, None, "")
    assert day["bookingDeadline"] == "2026-12-07T10:00:00+01:00"
    summary = await preview(family, centre, changes=[change(emma.id, unit.id, WEDNESDAY_9_DEC)])
    assert outcomes(summary) == [("2026-12-09", "ACCEPTED", None)]
    booked = await submit(family, centre, changes=[change(emma.id, unit.id, WEDNESDAY_9_DEC)])
    assert booked["errors"] == [] and booked["request"]["state"] == "ACCEPTED"
    await smtp.wait_for(family.email)

    # 10:00 sharp: the deadline itself is closed.
    await travel(clock, family, MONDAY_7_DEC, time(10, 0))
    window = await day_window(family, leo, centre, WEDNESDAY_9_DEC, date(2026, 12, 16))
    assert (only_unit(window["2026-12-09"])["bookable"], only_unit(window["2026-12-09"])["refusal"]) == (
        False,
        "DEADLINE_PASSED",
    )

    # 10:01: Léo is too late for the 9th (refused line, nothing written), not for the 16th.
    await travel(clock, family, MONDAY_7_DEC, time(10, 1))
    window = await day_window(family, leo, centre, WEDNESDAY_9_DEC, date(2026, 12, 16))
    ninth = only_unit(window["2026-12-09"])
    assert (ninth["bookable"], ninth["refusal"]) == (False, "DEADLINE_PASSED")
    assert ninth["message"] == "La date limite de réservation est dépassée (2 jours avant, 10h00)."
    assert only_unit(window["2026-12-16"])["bookable"] is True
    summary = await preview(family, centre, changes=[change(leo.id, unit.id, WEDNESDAY_9_DEC)])
    assert outcomes(summary) == [("2026-12-09", None, "DEADLINE_PASSED")]
    assert summary["state"] is None and summary["refusedCount"] == 1 and summary["total"] == 0
    before = await booking_counts(db)
    late = await submit(family, centre, changes=[change(leo.id, unit.id, WEDNESDAY_9_DEC)])
    assert [e["code"] for e in late["errors"]] == ["NOTHING_TO_SUBMIT"] and late["request"] is None
    assert "2 jours avant, 10h00" in late["errors"][0]["message"]
    assert await booking_counts(db) == before
    assert [(b.child_id, b.day, b.state) for b in await bookings(db)] == [
        (emma.id, WEDNESDAY_9_DEC, "accepted")
    ]


async def test_thursday_noon_of_the_week_before_closes_a_whole_week(db, browser, clock, smtp):
    """The canteen's "jeudi 12h00 de la semaine précédente": every day of the week of Monday 7 December
    closes on Thursday 3 December at noon; the next week stays open."""
    canteen = await make_service(db)
    await set_unit(
        db, canteen.unit, booking_rule="weekday_of_week_before", booking_weekday=3, booking_at=time(12, 0)
    )
    family = await family_enrolled(db, browser, canteen, "Emma-Rose")
    emma, unit = family.children["Emma-Rose"], canteen.unit
    week = {"start": date(2026, 12, 7), "end": date(2026, 12, 11)}
    school_days = ["2026-12-07", "2026-12-08", "2026-12-10", "2026-12-11"]
    next_week = ["2026-12-14", "2026-12-15", "2026-12-17", "2026-12-18"]
    weekdays = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"]

    await travel(clock, family, date(2026, 12, 3), time(11, 59))
    window = await day_window(family, emma, canteen, date(2026, 12, 7), date(2026, 12, 18))
    assert window["2026-12-09"]["status"] == "NOT_A_WEEKDAY_OF_THE_ACTIVITY"
    for day in school_days:
        assert only_unit(window[day])["bookable"] is True, day
        assert only_unit(window[day])["bookingDeadline"] == "2026-12-03T12:00:00+01:00"
    for day in next_week:
        assert only_unit(window[day])["bookingDeadline"] == "2026-12-10T12:00:00+01:00"
    summary = await preview(family, canteen, repeats=[repeat([emma.id], [unit.id], weekdays, **week)])
    assert outcomes(summary) == [(d, "ACCEPTED", None) for d in school_days]

    # Noon and a minute: the whole week is gone, Friday the 11th as well as Monday the 7th.
    await travel(clock, family, date(2026, 12, 3), time(12, 1))
    window = await day_window(family, emma, canteen, date(2026, 12, 7), date(2026, 12, 18))
    for day in school_days:
        assert (only_unit(window[day])["bookable"], only_unit(window[day])["refusal"]) == (
            False,
            "DEADLINE_PASSED",
        ), day
    assert only_unit(window["2026-12-11"])["message"] == (
        "La date limite de réservation est dépassée (le jeudi de la semaine précédente, 12h00)."
    )
    for day in next_week:
        assert only_unit(window[day])["bookable"] is True, day
    submitted = await submit(
        family,
        canteen,
        repeats=[repeat([emma.id], [unit.id], weekdays, start=date(2026, 12, 7), end=date(2026, 12, 18))],
    )
    assert submitted["errors"] == []
    assert outcomes(submitted["summary"]) == [
        *((d, None, "DEADLINE_PASSED") for d in school_days),
        *((d, "ACCEPTED", None) for d in next_week),
    ]
    assert [(line["date"], line["state"]) for line in submitted["request"]["lines"]] == [
        *((d, "REFUSED") for d in school_days),
        *((d, "ACCEPTED") for d in next_week),
    ]
    assert sorted(b.day.isoformat() for b in await bookings(db)) == next_week


async def test_working_days_skip_the_weekend_and_a_public_holiday(db, browser, clock, smtp):
    """ "2 jours ouvrés avant, 10h00": Monday 7 December closes on Thursday 3 December (Friday is the
    first working day before it, the weekend does not count); Thursday 12 November closes on Monday
    9 November (Wednesday 11 November, Armistice, does not count)."""
    canteen = await make_service(db)
    await set_unit(db, canteen.unit, booking_days=2, booking_counted_in="working")
    family = await family_enrolled(db, browser, canteen, "Emma-Rose")
    emma, unit = family.children["Emma-Rose"], canteen.unit

    # Around Armistice.
    await travel(clock, family, date(2026, 11, 9), time(9, 59))
    window = await day_window(family, emma, canteen, date(2026, 11, 12), date(2026, 11, 13))
    assert only_unit(window["2026-11-12"])["bookingDeadline"] == "2026-11-09T10:00:00+01:00"
    assert only_unit(window["2026-11-13"])["bookingDeadline"] == "2026-11-10T10:00:00+01:00"
    assert only_unit(window["2026-11-12"])["bookable"] is True
    await travel(clock, family, date(2026, 11, 9), time(10, 1))
    window = await day_window(family, emma, canteen, date(2026, 11, 12), date(2026, 11, 13))
    assert only_unit(window["2026-11-12"])["refusal"] == "DEADLINE_PASSED"
    assert only_unit(window["2026-11-12"])["message"] == (
        "La date limite de réservation est dépassée (2 jours ouvrés avant, 10h00)."
    )
    assert only_unit(window["2026-11-13"])["bookable"] is True

    # Around a weekend: on Thursday 3 December after 10:00, Monday the 7th is closed (calendar days
    # would have kept it open until Saturday), Tuesday the 8th is not (Friday 4, 10:00).
    await travel(clock, family, date(2026, 12, 3), time(10, 1))
    window = await day_window(family, emma, canteen, date(2026, 12, 7), date(2026, 12, 8))
    assert only_unit(window["2026-12-07"])["bookingDeadline"] == "2026-12-03T10:00:00+01:00"
    assert only_unit(window["2026-12-08"])["bookingDeadline"] == "2026-12-04T10:00:00+01:00"
    both = [change(emma.id, unit.id, date(2026, 12, 7)), change(emma.id, unit.id, date(2026, 12, 8))]
    submitted = await submit(family, canteen, changes=both)
    assert submitted["errors"] == []
    assert outcomes(submitted["summary"]) == [
        ("2026-12-07", None, "DEADLINE_PASSED"),
        ("2026-12-08", "ACCEPTED", None),
    ]
    assert submitted["summary"]["refusedCount"] == 1 and submitted["request"]["state"] == "ACCEPTED"

    # Friday 4 December after 10:00: Tuesday the 8th is booked (the window says so); Tuesday the 15th
    # (closes on Friday the 11th) is still bookable.
    await travel(clock, family, date(2026, 12, 4), time(10, 1))
    window = await day_window(family, emma, canteen, date(2026, 12, 8), date(2026, 12, 15))
    assert only_unit(window["2026-12-08"])["refusal"] == "ALREADY_BOOKED"
    assert only_unit(window["2026-12-08"])["booking"]["state"] == "ACCEPTED"
    assert only_unit(window["2026-12-15"])["bookable"] is True


# ---------------------------------------------------------------------------------------------
# Cancellation deadlines


async def test_cancelling_the_minute_before_and_the_minute_after_the_deadline(db, browser, clock, smtp):
    """Before the deadline a cancellation is immediate; after it, the centre (which takes late
    requests) turns it into a "demande d'annulation" for staff."""
    centre = await make_centre(db)
    family = await family_enrolled(db, browser, centre, "Emma-Rose", "Léo")
    emma, leo, unit = family.children["Emma-Rose"], family.children["Léo"], centre.unit
    await travel(clock, family, FRIDAY_27_NOV)
    booked = await submit(
        family,
        centre,
        changes=[change(emma.id, unit.id, WEDNESDAY_9_DEC), change(leo.id, unit.id, WEDNESDAY_9_DEC)],
    )
    assert booked["request"]["state"] == "ACCEPTED"

    await travel(clock, family, MONDAY_7_DEC, time(9, 59))
    day = only_unit((await day_window(family, emma, centre, WEDNESDAY_9_DEC, WEDNESDAY_9_DEC))["2026-12-09"])
    assert day["cancellationDeadline"] == "2026-12-07T10:00:00+01:00"
    assert (day["cancellable"], day["cancellationOutcome"]) == (True, "CANCELLED")
    assert day["cancellationMessage"] == "Annulée aussitôt."
    cancelled = await submit(family, centre, changes=[change(emma.id, unit.id, WEDNESDAY_9_DEC, "CANCEL")])
    assert cancelled["errors"] == []
    assert outcomes(cancelled["summary"]) == [("2026-12-09", "CANCELLED", None)]
    assert cancelled["request"]["state"] == "CANCELLED"
    assert cancelled["summary"]["total"] == -770

    await travel(clock, family, MONDAY_7_DEC, time(10, 1))
    day = only_unit((await day_window(family, leo, centre, WEDNESDAY_9_DEC, WEDNESDAY_9_DEC))["2026-12-09"])
    assert (day["cancellable"], day["cancellationOutcome"]) == (True, "CANCELLATION_REQUESTED")
    assert day["cancellationMessage"].startswith("Le délai d'annulation est dépassé : une demande d'annulation")
    requested = await submit(family, centre, changes=[change(leo.id, unit.id, WEDNESDAY_9_DEC, "CANCEL")])
    assert requested["errors"] == []
    assert outcomes(requested["summary"]) == [("2026-12-09", "CANCELLATION_REQUESTED", None)]
    assert requested["request"]["state"] == "PENDING"
    assert [line["state"] for line in requested["request"]["lines"]] == ["CANCELLATION_REQUESTED"]
    # Nothing is taken off the bill until staff grant it.
    assert requested["summary"]["total"] == 0
    states = {b.child_id: b.state for b in await bookings(db)}
    assert states == {emma.id: "cancelled", leo.id: "cancellation_requested"}

    staff = await make_staff(db)
    agent = await signed_in(browser(), staff.email, staff.password)
    queue = (await agent.data(QUEUE, {"first": 10}))["bookingQueue"]
    assert [r["numberText"] for r in nodes(queue)] == [requested["request"]["numberText"]]


async def test_a_late_cancellation_is_refused_when_the_activity_refuses_them(db, browser, clock, smtp):
    centre = await make_centre(db, late_cancellation="refuse")
    family = await family_enrolled(db, browser, centre, "Emma-Rose")
    emma, unit = family.children["Emma-Rose"], centre.unit
    await travel(clock, family, FRIDAY_27_NOV)
    assert (await submit(family, centre, changes=[change(emma.id, unit.id, WEDNESDAY_9_DEC)]))["errors"] == []
    cancel = [change(emma.id, unit.id, WEDNESDAY_9_DEC, "CANCEL")]

    await travel(clock, family, MONDAY_7_DEC, time(9, 59))
    day = only_unit((await day_window(family, emma, centre, WEDNESDAY_9_DEC, WEDNESDAY_9_DEC))["2026-12-09"])
    assert (day["cancellable"], day["cancellationOutcome"]) == (True, "CANCELLED")
    assert outcomes(await preview(family, centre, changes=cancel)) == [("2026-12-09", "CANCELLED", None)]

    await travel(clock, family, MONDAY_7_DEC, time(10, 1))
    day = only_unit((await day_window(family, emma, centre, WEDNESDAY_9_DEC, WEDNESDAY_9_DEC))["2026-12-09"])
    assert (day["cancellable"], day["cancellationOutcome"]) == (False, None)
    assert day["cancellationMessage"] == "Le délai d'annulation est dépassé."
    assert day["booking"]["state"] == "ACCEPTED"
    summary = await preview(family, centre, changes=cancel)
    assert outcomes(summary) == [("2026-12-09", None, "CANCELLATION_DEADLINE_PASSED")]
    assert summary["lines"][0]["message"] == "Le délai d'annulation est dépassé."
    before = await booking_counts(db)
    refused = await submit(family, centre, changes=cancel)
    assert [e["code"] for e in refused["errors"]] == ["NOTHING_TO_SUBMIT"]
    assert await booking_counts(db) == before
    assert [b.state for b in await bookings(db)] == ["accepted"]


# ---------------------------------------------------------------------------------------------
# Calendars


async def test_armistice_is_a_public_holiday_the_centre_is_closed(db, browser, clock, smtp):
    """Wednesday 11 November 2026 is Armistice: closed, whatever the deadlines."""
    centre = await make_centre(db)
    family = await family_enrolled(db, browser, centre, "Emma-Rose")
    emma, unit = family.children["Emma-Rose"], centre.unit
    await travel(clock, family, date(2026, 10, 20))

    window = await day_window(family, emma, centre, date(2026, 11, 4), date(2026, 11, 18))
    armistice = window["2026-11-11"]
    assert (armistice["open"], armistice["status"], armistice["label"]) == (
        False,
        "PUBLIC_HOLIDAY",
        "Jour férié : Armistice",
    )
    assert (only_unit(armistice)["bookable"], only_unit(armistice)["refusal"]) == (False, "CLOSED")
    assert only_unit(armistice)["message"] == "Fermé ce jour-là (Jour férié : Armistice)."
    for day in ("2026-11-04", "2026-11-18"):
        assert (window[day]["status"], only_unit(window[day])["bookable"]) == ("OPEN", True)

    # A one-off booking of the 11th is a refused line; a repeat over November simply skips it.
    submitted = await submit(
        family,
        centre,
        changes=[change(emma.id, unit.id, date(2026, 11, 11)), change(emma.id, unit.id, date(2026, 11, 18))],
    )
    assert outcomes(submitted["summary"]) == [
        ("2026-11-11", None, "CLOSED"),
        ("2026-11-18", "ACCEPTED", None),
    ]
    assert submitted["summary"]["lines"][0]["message"] == "Fermé ce jour-là (Jour férié : Armistice)."
    november = repeat([emma.id], [unit.id], ["WEDNESDAY"], start=date(2026, 11, 1), end=date(2026, 11, 30))
    summary = await preview(family, centre, repeats=[november])
    assert [line["date"] for line in summary["lines"]] == ["2026-11-04", "2026-11-18", "2026-11-25"]


async def test_the_first_days_of_the_christmas_holidays_are_closed(db, browser, clock, smtp):
    """Zone B: the Christmas holidays run from Saturday 19 December 2026 to Monday 4 January 2027. The
    canteen's first Monday in them and the centre's first Wednesday are SCHOOL_HOLIDAY; Christmas Day
    and New Year's Day say they are public holidays."""
    canteen = await make_service(db)
    centre = await make_centre(db)
    family = await family_enrolled(db, browser, canteen, "Emma-Rose")
    emma = family.children["Emma-Rose"]
    await enrol(db, emma.id, centre, family.built.household, family.built.account.id)
    await travel(clock, family, date(2026, 12, 1))

    meals = await day_window(family, emma, canteen, date(2026, 12, 17), date(2027, 1, 5))
    assert [(d, meals[d]["status"]) for d in ("2026-12-17", "2026-12-18")] == [
        ("2026-12-17", "OPEN"),
        ("2026-12-18", "OPEN"),
    ]
    first_monday = meals["2026-12-21"]
    assert (first_monday["open"], first_monday["status"], first_monday["label"]) == (
        False,
        "SCHOOL_HOLIDAY",
        "Vacances de Noël",
    )
    assert only_unit(first_monday)["refusal"] == "CLOSED"
    assert (meals["2026-12-25"]["status"], meals["2026-12-25"]["label"]) == (
        "PUBLIC_HOLIDAY",
        "Jour férié : Noël",
    )
    assert meals["2027-01-01"]["status"] == "PUBLIC_HOLIDAY"
    assert meals["2026-12-28"]["status"] == "SCHOOL_HOLIDAY"
    assert (meals["2027-01-04"]["status"], only_unit(meals["2027-01-04"])["bookable"]) == ("OPEN", True)

    wednesdays = await day_window(family, emma, centre, date(2026, 12, 16), date(2027, 1, 6))
    assert wednesdays["2026-12-16"]["status"] == "OPEN"
    assert (wednesdays["2026-12-23"]["status"], wednesdays["2026-12-23"]["label"]) == (
        "SCHOOL_HOLIDAY",
        "Vacances de Noël",
    )
    assert wednesdays["2026-12-30"]["status"] == "SCHOOL_HOLIDAY"
    assert wednesdays["2027-01-06"]["status"] == "OPEN"

    summary = await preview(family, canteen, changes=[change(emma.id, canteen.unit.id, date(2026, 12, 21))])
    assert outcomes(summary) == [("2026-12-21", None, "CLOSED")]
    assert summary["lines"][0]["message"] == "Fermé ce jour-là (Vacances de Noël)."


async def test_a_staff_closure_closes_and_an_extra_day_opens(db, browser, clock, smtp):
    """Staff close Wednesday 13 January (training) and open Saturday 16 January (open day) and
    Wednesday 23 December, in the holidays."""
    centre = await make_centre(db)
    await add_days(
        db, centre.period, "closure", date(2027, 1, 13), date(2027, 1, 13), "Formation des animateurs"
    )
    await add_days(db, centre.period, "extra", date(2027, 1, 16), date(2027, 1, 16), "Portes ouvertes")
    await add_days(db, centre.period, "extra", date(2026, 12, 23), date(2026, 12, 23), "Accueil de Noël")
    family = await family_enrolled(db, browser, centre, "Emma-Rose")
    emma, unit = family.children["Emma-Rose"], centre.unit
    await travel(clock, family, date(2026, 12, 1))

    window = await day_window(family, emma, centre, date(2027, 1, 11), date(2027, 1, 20))
    closed = window["2027-01-13"]
    assert (closed["open"], closed["status"], closed["label"]) == (
        False,
        "CLOSURE",
        "Fermeture : Formation des animateurs",
    )
    assert (only_unit(closed)["bookable"], only_unit(closed)["refusal"]) == (False, "CLOSED")
    extra = window["2027-01-16"]
    assert (extra["open"], extra["status"], extra["label"]) == (
        True,
        "EXTRA_DAY",
        "Ouverture exceptionnelle : Portes ouvertes",
    )
    assert (only_unit(extra)["bookable"], only_unit(extra)["refusal"]) == (True, None)
    assert window["2027-01-17"]["status"] == "NOT_A_WEEKDAY_OF_THE_ACTIVITY"
    assert window["2027-01-20"]["status"] == "OPEN"
    holidays = await day_window(family, emma, centre, date(2026, 12, 23), date(2026, 12, 30))
    assert (
        holidays["2026-12-23"]["status"] == "EXTRA_DAY"
        and holidays["2026-12-30"]["status"] == "SCHOOL_HOLIDAY"
    )

    # A Saturday repeat over January reaches the extra day only; a Wednesday one skips the closure.
    saturdays = repeat([emma.id], [unit.id], ["SATURDAY"], start=date(2027, 1, 1), end=date(2027, 1, 31))
    assert [line["date"] for line in (await preview(family, centre, repeats=[saturdays]))["lines"]] == [
        "2027-01-16"
    ]
    # In December the extra Wednesday of the holidays is reached, the 30th is not; the 2nd is there
    # but too late (its deadline was Monday 30 November).
    in_december = repeat([emma.id], [unit.id], ["WEDNESDAY"], start=date(2026, 12, 1), end=date(2026, 12, 31))
    assert outcomes(await preview(family, centre, repeats=[in_december])) == [
        ("2026-12-02", None, "DEADLINE_PASSED"),
        ("2026-12-09", "ACCEPTED", None),
        ("2026-12-16", "ACCEPTED", None),
        ("2026-12-23", "ACCEPTED", None),
    ]
    wednesdays = repeat([emma.id], [unit.id], ["WEDNESDAY"], start=date(2027, 1, 1), end=date(2027, 1, 31))
    assert [line["date"] for line in (await preview(family, centre, repeats=[wednesdays]))["lines"]] == [
        "2027-01-06",
        "2027-01-20",
        "2027-01-27",
    ]

    submitted = await submit(
        family,
        centre,
        changes=[
            change(emma.id, unit.id, date(2026, 12, 23)),
            change(emma.id, unit.id, date(2027, 1, 13)),
            change(emma.id, unit.id, date(2027, 1, 16)),
        ],
    )
    assert submitted["errors"] == []
    assert outcomes(submitted["summary"]) == [
        ("2026-12-23", "ACCEPTED", None),
        ("2027-01-13", None, "CLOSED"),
        ("2027-01-16", "ACCEPTED", None),
    ]
    assert (
        submitted["summary"]["lines"][1]["message"]
        == "Fermé ce jour-là (Fermeture : Formation des animateurs)."
    )
    assert [b.day for b in await bookings(db)] == [date(2026, 12, 23), date(2027, 1, 16)]


async def test_a_deadline_across_the_spring_clock_change_stays_at_ten(db, browser, clock, smtp):
    """The clocks go forward on Sunday 28 March 2027: Tuesday the 30th closes on the 28th at 10:00
    summer time (08:00 UTC), not an hour later; Friday the 26th closed on the 24th at 10:00 winter time."""
    canteen = await make_service(db)
    family = await family_enrolled(db, browser, canteen, "Emma-Rose")
    emma, unit = family.children["Emma-Rose"], canteen.unit

    await travel(clock, family, date(2027, 3, 28), time(9, 59))
    window = await day_window(family, emma, canteen, date(2027, 3, 26), date(2027, 3, 30))
    assert only_unit(window["2027-03-26"])["bookingDeadline"] == "2027-03-24T10:00:00+01:00"
    assert window["2027-03-29"]["status"] == "PUBLIC_HOLIDAY"  # Lundi de Pâques
    tuesday = only_unit(window["2027-03-30"])
    assert tuesday["bookingDeadline"] == "2027-03-28T10:00:00+02:00"
    assert tuesday["cancellationDeadline"] == "2027-03-28T10:00:00+02:00"
    assert tuesday["bookable"] is True
    assert outcomes(
        await preview(family, canteen, changes=[change(emma.id, unit.id, date(2027, 3, 30))])
    ) == [("2027-03-30", "ACCEPTED", None)]

    # 10:01 summer time is 08:01 UTC: closed (an offset taken from before the change would wait for 11:00).
    await travel(clock, family, date(2027, 3, 28), time(10, 1))
    tuesday = only_unit(
        (await day_window(family, emma, canteen, date(2027, 3, 30), date(2027, 3, 30)))["2027-03-30"]
    )
    assert (tuesday["bookable"], tuesday["refusal"]) == (False, "DEADLINE_PASSED")
    assert outcomes(
        await preview(family, canteen, changes=[change(emma.id, unit.id, date(2027, 3, 30))])
    ) == [("2027-03-30", None, "DEADLINE_PASSED")]

    # A deadline at 02:30, a time the clocks skip that night, is 03:30 summer time: open at 03:29,
    # closed at 03:31.
    await set_unit(db, unit, booking_at=time(2, 30))
    await travel(clock, family, date(2027, 3, 28), time(3, 29))
    tuesday = only_unit(
        (await day_window(family, emma, canteen, date(2027, 3, 30), date(2027, 3, 30)))["2027-03-30"]
    )
    assert (tuesday["bookingDeadline"], tuesday["bookable"]) == ("2027-03-28T03:30:00+02:00", True)
    await travel(clock, family, date(2027, 3, 28), time(3, 31))
    tuesday = only_unit(
        (await day_window(family, emma, canteen, date(2027, 3, 30), date(2027, 3, 30)))["2027-03-30"]
    )
    assert (tuesday["bookable"], tuesday["refusal"]) == (False, "DEADLINE_PASSED")
