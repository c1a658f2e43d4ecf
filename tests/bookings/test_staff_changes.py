"""Staff cannot break what families booked (issue 9, section 4).

The Wednesday centre has families booked on 9 and 16 December. Staff close a strike day, move the
period's end, change its weekdays, switch the activity to the school holidays, lower a unit's
capacity: each change that would leave standing bookings on a closed day (or beyond the capacity) is
refused on the field at fault, saying how many bookings stand in the way, and writes nothing. Given a
reason (`cancelBookings`), the calendar changes go through: the bookings are cancelled by staff with
that reason (recorded in their history), the places are freed, the requests' states follow, and each
family gets a mail listing its days and the reason. A capacity raised gives its places to the waiting
line.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

from sqlmodel import col, select

from portail.db.engine import Database
from portail.db.models import Child
from portail.db.models.bookings import Booking, BookingEvent
from portail.db.models.catalogue import Activity, Period, PeriodDay, Unit
from tests.bookings.test_waiting_list import (
    PROMOTED_SUBJECT,
    centre_with_places,
    child_of,
    four_families,
    staff_member,
    submit,
    travel,
)
from tests.support.bookings import (
    CENTRE_PATH,
    HISTORY,
    Family,
    at_town_time,
    booking_counts,
    slot_counters,
)
from tests.support.catalogue import Service, catalogue_counts, unit_input
from tests.support.pages import nodes

FRIDAY_27_NOV = date(2026, 11, 27)
STRIKE = date(2026, 12, 9)  # a Wednesday
NEXT_WEEK = date(2026, 12, 16)
UNIT_NAME = "JOURNEE CENTRE AERE MERCREDI"
CANCELLED_SUBJECT = "La mairie a annulé des présences"
ERRORS = "errors { field code message }"
SET_CALENDAR = f"""mutation($periodId: ID!, $closures: [DateSpanInput!]!, $extraDays: [DateSpanInput!]!,
  $reason: String) {{
  setPeriodCalendar(periodId: $periodId, closures: $closures, extraDays: $extraDays, cancelBookings: $reason) {{
    period {{ closures {{ start end label }} extraDays {{ start end }} }} cancelledBookings {ERRORS} }} }}"""
UPDATE_PERIOD = f"""mutation($id: ID!, $input: UpdatePeriodInput!, $reason: String) {{
  updatePeriod(id: $id, input: $input, cancelBookings: $reason) {{
    period {{ start end weekdays }} cancelledBookings {ERRORS} }} }}"""
UPDATE_ACTIVITY = f"""mutation($id: ID!, $input: UpdateActivityInput!, $reason: String) {{
  updateActivity(id: $id, input: $input, cancelBookings: $reason) {{
    activity {{ openDuring }} cancelledBookings {ERRORS} }} }}"""
UPDATE_UNIT = f"""mutation($id: ID!, $input: UpdateUnitInput!) {{
  updateUnit(id: $id, input: $input) {{ unit {{ capacity }} {ERRORS} }} }}"""


# ---------------------------------------------------------------------------------------------
# Helpers


async def booked_centre(
    db: Database, browser: Any, clock: Any, **settings: Any
) -> tuple[Service, list[Family]]:
    """Late November; two places on Wednesdays with a waiting line. MARTIN and BERNARD hold the two
    places of 9 December, PETIT waits for one; DURAND holds a place on 16 December."""
    at_town_time(clock, FRIDAY_27_NOV)
    centre = await centre_with_places(db, when_full="waiting_list", **settings)
    martin, bernard, petit, durand = families = await four_families(db, browser, centre)
    for family in (martin, bernard, petit):
        await submit(family, centre, STRIKE)
    await submit(durand, centre, NEXT_WEEK)
    return centre, families


async def states(db: Database) -> dict[tuple[str, date], str]:
    """Each booking's state by child's first name and day."""
    async with db.read_sessions() as session:
        rows = await session.exec(select(Booking))
        bookings = rows.all()
        names = {
            c.id: c.first_name
            for c in (
                await session.exec(select(Child).where(col(Child.id).in_({b.child_id for b in bookings})))
            ).all()
        }
    return {(names[b.child_id], b.day): b.state for b in bookings}


BOOKED = {
    ("Emma-Rose", STRIKE): "accepted",
    ("Léo", STRIKE): "accepted",
    ("Jade", STRIKE): "waiting",
    ("Hugo", NEXT_WEEK): "accepted",
}


async def last_events(db: Database) -> list[tuple[str, str, str, Any, str]]:
    """The latest change of each booking that staff made: (from, to, actor, account, reason)."""
    async with db.read_sessions() as session:
        rows = (await session.exec(select(BookingEvent).where(BookingEvent.actor == "staff"))).all()
    return sorted((e.from_state, e.to_state, e.actor, e.account_id, e.reason) for e in rows)


async def written(db: Database) -> dict[str, int]:
    return {**await booking_counts(db), **await catalogue_counts(db)}


def period_input(centre: Service, **changes: Any) -> dict[str, Any]:
    value = {
        "name": centre.period.name,
        "start": centre.period.start.isoformat(),
        "end": centre.period.end.isoformat(),
        "weekdays": ["WEDNESDAY"],
    }
    value.update(changes)
    return value


def activity_input(**changes: Any) -> dict[str, Any]:
    value = {"name": "MERCREDIS", "whenFull": "WAITING_LIST", "openDuring": "SCHOOL_TIME"}
    value.update(changes)
    return value


def strike(label: str = "Grève") -> dict[str, Any]:
    return {"start": STRIKE.isoformat(), "end": STRIKE.isoformat(), "label": label}


# ---------------------------------------------------------------------------------------------
# Closing a day


async def test_closing_a_booked_day_is_refused_with_how_many_bookings_stand_in_the_way(
    db, browser, clock, smtp
):
    centre, _ = await booked_centre(db, browser, clock)
    staff = await staff_member(db, browser)
    before, counters = await written(db), await slot_counters(db)

    # The strike of 9 December: three bookings stand on it (two places held, one waiting).
    variables = {"periodId": str(centre.period.id), "closures": [strike()], "extraDays": []}
    refused = (await staff.client.data(SET_CALENDAR, variables))["setPeriodCalendar"]
    assert refused["period"] is None and refused["cancelledBookings"] == 0
    assert refused["errors"] == [
        {
            "field": "closures.0",
            "code": "BOOKINGS_IN_THE_WAY",
            "message": "3 réservations tombent sur cette fermeture (le 09/12/2026) : annulez-les en indiquant "
            "un motif (la famille est prévenue par courriel), ou gardez ces jours ouverts.",
        }
    ]
    # An empty reason is no reason.
    blank = (await staff.client.data(SET_CALENDAR, {**variables, "reason": "  "}))["setPeriodCalendar"]
    assert [(e["field"], e["code"]) for e in blank["errors"]] == [("cancelBookings", "REASON_REQUIRED")]

    # Nothing was written: no closure, the bookings, their counters and the outbox as they were.
    assert await written(db) == before and await slot_counters(db) == counters
    assert await states(db) == BOOKED
    async with db.read_sessions() as session:
        assert (await session.exec(select(PeriodDay))).all() == []

    # A closure on a day nobody booked goes through as before.
    quiet = {"start": "2026-12-23", "end": "2026-12-23", "label": "Pont"}
    done = (await staff.client.data(SET_CALENDAR, {**variables, "closures": [quiet]}))["setPeriodCalendar"]
    assert done["errors"] == [] and done["cancelledBookings"] == 0
    assert await states(db) == BOOKED


async def test_closing_a_booked_day_with_a_reason_cancels_its_bookings_and_mails_the_families(
    db, browser, clock, smtp
):
    centre, (martin, bernard, petit, durand) = await booked_centre(db, browser, clock)
    staff = await staff_member(db, browser)
    for family in (martin, bernard, petit, durand):
        await smtp.wait_for(family.email)  # the mail of their own request
    reason = "Grève du personnel d'animation"

    variables = {
        "periodId": str(centre.period.id),
        "closures": [strike("Grève")],
        "extraDays": [],
        "reason": reason,
    }
    done = (await staff.client.data(SET_CALENDAR, variables))["setPeriodCalendar"]
    assert done["errors"] == []
    assert done["cancelledBookings"] == 3
    assert done["period"]["closures"] == [{"start": "2026-12-09", "end": "2026-12-09", "label": "Grève"}]

    # The three bookings of the strike day are cancelled; DURAND's next Wednesday stands.
    assert await states(db) == {
        ("Emma-Rose", STRIKE): "cancelled",
        ("Léo", STRIKE): "cancelled",
        ("Jade", STRIKE): "cancelled",
        ("Hugo", NEXT_WEEK): "accepted",
    }
    # Each change is in the bookings' history: staff, who, why.
    assert await last_events(db) == sorted(
        [
            ("accepted", "cancelled", "staff", staff.built.account.id, reason),
            ("accepted", "cancelled", "staff", staff.built.account.id, reason),
            ("waiting", "cancelled", "staff", staff.built.account.id, reason),
        ]
    )
    # The places are freed: the day's counters are back to nothing (the autouse check recounts them).
    counters = await slot_counters(db)
    assert (centre.unit.id, STRIKE) not in counters
    assert counters[(centre.unit.id, NEXT_WEEK)] == (1, 0)

    # Each family is mailed its day and the reason; DURAND is not.
    for family in (martin, bernard, petit):
        mails = [m for m in await smtp.wait_for(family.email, 2) if m.subject == CANCELLED_SUBJECT]
        assert len(mails) == 1, [m.subject for m in smtp.to(family.email)]
        child = child_of(family)
        assert (
            f"- {child.first_name} {child.last_name}, 09/12/2026, {UNIT_NAME} ({CENTRE_PATH})"
            in mails[0].text
        )
        assert f"Motif : {reason}" in mails[0].text
    assert [m for m in smtp.to(durand.email) if m.subject == CANCELLED_SUBJECT] == []

    # "Historique": the request is cancelled, its line says why.
    history = nodes((await martin.client.data(HISTORY, {"first": 10}))["bookingRequests"])
    assert [(r["state"], [(line["state"], line["message"]) for line in r["lines"]]) for r in history] == [
        ("CANCELLED", [("CANCELLED", reason)])
    ]


# ---------------------------------------------------------------------------------------------
# The period's dates and weekdays


async def test_moving_the_end_and_the_weekdays_is_refused_on_each_field_then_goes_through_with_a_reason(
    db, browser, clock, smtp
):
    centre, families = await booked_centre(db, browser, clock)
    staff = await staff_member(db, browser)
    before = await written(db)

    # Thursdays instead of Wednesdays, and the period ending on 10 December.
    changed = period_input(centre, end="2026-12-10", weekdays=["THURSDAY"])
    refused = (await staff.client.data(UPDATE_PERIOD, {"id": str(centre.period.id), "input": changed}))[
        "updatePeriod"
    ]
    assert refused["period"] is None
    assert [(e["field"], e["code"], e["message"].split(" : ")[0]) for e in refused["errors"]] == [
        ("end", "BOOKINGS_IN_THE_WAY", "1 réservation tombe hors de la période (le 16/12/2026)"),
        (
            "weekdays",
            "BOOKINGS_IN_THE_WAY",
            "3 réservations tombent sur un jour de la semaine retiré (le 09/12/2026)",
        ),
    ]
    assert await written(db) == before and await states(db) == BOOKED
    async with db.read_sessions() as session:
        period = await session.get(Period, centre.period.id)
        assert period is not None and (period.end, period.weekdays) == (date(2027, 7, 3), "2")

    # Adding a weekday, or moving the end past the last booking, closes nothing booked.
    wider = period_input(centre, end="2027-06-30", weekdays=["WEDNESDAY", "SATURDAY"])
    done = (await staff.client.data(UPDATE_PERIOD, {"id": str(centre.period.id), "input": wider}))[
        "updatePeriod"
    ]
    assert done["errors"] == [] and done["period"]["weekdays"] == ["WEDNESDAY", "SATURDAY"]

    # With a reason, the four bookings are cancelled and the period changes.
    variables = {"id": str(centre.period.id), "input": changed, "reason": "Le centre déménage."}
    done = (await staff.client.data(UPDATE_PERIOD, variables))["updatePeriod"]
    assert done["errors"] == [] and done["cancelledBookings"] == 4
    assert done["period"] == {"start": "2026-09-01", "end": "2026-12-10", "weekdays": ["THURSDAY"]}
    assert set((await states(db)).values()) == {"cancelled"}
    assert await slot_counters(db) == {}
    for family in families:
        mails = await smtp.wait_for(family.email, 2)
        assert [m for m in mails if m.subject == CANCELLED_SUBJECT and "Le centre déménage." in m.text]


async def test_switching_the_activity_to_the_school_holidays_is_refused_on_open_during(
    db, browser, clock, smtp
):
    centre, _ = await booked_centre(db, browser, clock)
    staff = await staff_member(db, browser)
    before = await written(db)

    variables = {"id": str(centre.activity.id), "input": activity_input(openDuring="SCHOOL_HOLIDAYS")}
    refused = (await staff.client.data(UPDATE_ACTIVITY, variables))["updateActivity"]
    assert refused["activity"] is None
    assert [(e["field"], e["code"], e["message"].split(" : ")[0]) for e in refused["errors"]] == [
        (
            "openDuring",
            "BOOKINGS_IN_THE_WAY",
            "4 réservations tombent sur des jours que ce calendrier ferme (du 09/12/2026 au 16/12/2026)",
        )
    ]
    assert await written(db) == before and await states(db) == BOOKED
    async with db.read_sessions() as session:
        activity = await session.get(Activity, centre.activity.id)
        assert activity is not None and activity.open_during == "school_time"

    # Other settings change freely under the bookings.
    same = await staff.client.data(
        UPDATE_ACTIVITY, {**variables, "input": activity_input(name="MERCREDIS !")}
    )
    assert same["updateActivity"]["errors"] == [] and await states(db) == BOOKED

    done = await staff.client.data(UPDATE_ACTIVITY, {**variables, "reason": "Ouvert l'été seulement."})
    assert done["updateActivity"]["errors"] == [] and done["updateActivity"]["cancelledBookings"] == 4
    assert done["updateActivity"]["activity"]["openDuring"] == "SCHOOL_HOLIDAYS"
    assert set((await states(db)).values()) == {"cancelled"}


# ---------------------------------------------------------------------------------------------
# Capacity


async def test_a_capacity_below_the_places_held_is_refused_and_a_raised_one_serves_the_waiting_line(
    db, browser, clock, smtp
):
    centre, _ = await booked_centre(db, browser, clock)
    staff = await staff_member(db, browser)
    before, counters = await written(db), await slot_counters(db)
    variables = {"id": str(centre.unit.id), "input": unit_input(UNIT_NAME, capacity=1)}

    # Two places are held on 9 December: one place is one booking too few.
    refused = (await staff.client.data(UPDATE_UNIT, variables))["updateUnit"]
    assert refused["unit"] is None
    assert refused["errors"] == [
        {
            "field": "capacity",
            "code": "BOOKINGS_IN_THE_WAY",
            "message": "1 réservation dépasse cette capacité sur 1 jour (2 places prises le 09/12/2026) : "
            "la capacité ne peut descendre sous 2 tant que ces réservations tiennent.",
        }
    ]
    assert await written(db) == before and await slot_counters(db) == counters
    async with db.read_sessions() as session:
        unit = await session.get(Unit, centre.unit.id)
        assert unit is not None and unit.capacity == 2

    # Once 9 December is past, its places no longer stand in the way (16 December holds one).
    await travel(clock, date(2026, 12, 10), time(9, 0), staff)
    done = (await staff.client.data(UPDATE_UNIT, variables))["updateUnit"]
    assert done["errors"] == [] and done["unit"]["capacity"] == 1


async def test_a_raised_capacity_gives_its_places_to_the_waiting_line(db, browser, clock, smtp):
    centre, (_, _, petit, _) = await booked_centre(db, browser, clock)
    staff = await staff_member(db, browser)

    variables = {"id": str(centre.unit.id), "input": unit_input(UNIT_NAME, capacity=3)}
    done = (await staff.client.data(UPDATE_UNIT, variables))["updateUnit"]
    assert done["errors"] == [] and done["unit"]["capacity"] == 3
    assert (await states(db))[("Jade", STRIKE)] == "accepted"
    assert (await slot_counters(db))[(centre.unit.id, STRIKE)] == (3, 0)
    mails = await smtp.wait_for(petit.email, 2)
    assert [m for m in mails if m.subject == PROMOTED_SUBJECT]
