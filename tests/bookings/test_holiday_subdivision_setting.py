"""Staff set the town's holiday subdivision through the API (``setHolidaySubdivision``), as the user
guide says: "57" in Moselle makes Good Friday a public holiday, so a deadline counted "hors jours
fériés" skips it; null takes it back, whatever ``PORTAIL_HOLIDAY_SUBDIVISION`` says. Over HTTP, as the
family's browser reads ``bookableDays`` and previews its request; each change audited; a subdivision
France's holidays do not know is refused on its field, nothing written; bookings on a day the change
makes a public holiday stand in the way, or are cancelled with a reason."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from sqlmodel import col, select

from portail.db.engine import Database
from portail.db.models.records import AuditEntry, TownSetting
from portail.resolvers.catalogue_reading import HOLIDAY_SUBDIVISION_KEY
from portail.resolvers.reminders import send_reminders
from tests.bookings.test_deadline_kinds import staff_sets
from tests.bookings.test_deadlines import day_window, only_unit, outcomes, preview, submit, travel
from tests.support.accounts import outbox, signed_in
from tests.support.bookings import bookings, change, family_enrolled
from tests.support.builders import make_staff
from tests.support.catalogue import Service, make_service

SET = """mutation($subdivision: String, $reason: String) {
  setHolidaySubdivision(subdivision: $subdivision, cancelBookings: $reason) {
    town { holidaySubdivision } cancelled errors { field code message } } }"""
TOWN = "{ town { holidaySubdivision } }"

# Booking closes 1 working day before at 10:00, weekends and public holidays skipped.
SKIPPING_HOLIDAYS = {
    "kind": "DAYS_BEFORE",
    "days": 1,
    "at": "10:00:00",
    "skippedWeekdays": ["SATURDAY", "SUNDAY"],
    "skipsPublicHolidays": True,
}
GOOD_FRIDAY = date(2027, 3, 26)
TUESDAY_AFTER = date(2027, 3, 30)
# Booking closes 1 working day before at 10:00 (weekends and public holidays skipped): Tuesday 30
# March's on Friday 26 March, or, where Good Friday is a public holiday, on Thursday 25 March.
FRANCE, MOSELLE = "2027-03-26T10:00:00+01:00", "2027-03-25T10:00:00+01:00"


async def canteen_skipping_public_holidays(db: Any, browser: Any) -> Service:
    canteen = await make_service(db)
    await staff_sets(db, browser, canteen, bookingDeadline=SKIPPING_HOLIDAYS)
    return canteen


async def subdivision_set(
    browser: Any, staff: Any, subdivision: str | None, reason: str | None = None
) -> dict[str, Any]:
    """``setHolidaySubdivision`` as ``staff``, signed in at the server's present time."""
    agent = await signed_in(browser(), staff.email, staff.password)
    return (await agent.data(SET, {"subdivision": subdivision, "reason": reason}))["setHolidaySubdivision"]  # type: ignore[no-any-return]


async def audit(db: Database) -> list[tuple[str, str]]:
    async with db.read_sessions() as session:
        rows = await session.exec(
            select(AuditEntry)
            .where(col(AuditEntry.field) == "holidaySubdivision")
            .order_by(col(AuditEntry.at))
        )
        return [(e.before, e.after) for e in rows.all()]


async def stored(db: Database) -> str | None:
    async with db.read_sessions() as session:
        row = await session.get(TownSetting, HOLIDAY_SUBDIVISION_KEY)
        return row.value if row else None


async def test_staff_set_moselle_then_none_and_the_deadline_follows(db, browser, clock, smtp):
    canteen = await canteen_skipping_public_holidays(db, browser)
    family = await family_enrolled(db, browser, canteen, "Emma-Rose")
    emma, meal = family.children["Emma-Rose"], canteen.unit
    agent = await make_staff(db, "direction@mairie.test")
    await travel(clock, family, date(2027, 3, 22))

    # Nothing set, no default: the rest of France. The family's read keeps the catalogue in the process.
    assert (await family.client.data(TOWN))["town"] == {"holidaySubdivision": None}
    window = await day_window(family, emma, canteen, GOOD_FRIDAY, TUESDAY_AFTER)
    assert only_unit(window["2027-03-30"])["bookingDeadline"] == FRANCE
    assert window["2027-03-26"]["open"] is True

    # Staff set Moselle: Good Friday is a public holiday, closed, and skipped by the deadline.
    assert await subdivision_set(browser, agent, "57") == {
        "town": {"holidaySubdivision": "57"},
        "cancelled": 0,
        "errors": [],
    }
    assert (await family.client.data(TOWN))["town"] == {"holidaySubdivision": "57"}
    window = await day_window(family, emma, canteen, GOOD_FRIDAY, TUESDAY_AFTER)
    assert only_unit(window["2027-03-30"])["bookingDeadline"] == MOSELLE
    assert (window["2027-03-26"]["open"], window["2027-03-26"]["label"]) == (
        False,
        "Jour férié : Vendredi saint",
    )
    await travel(clock, family, date(2027, 3, 25), time(10, 0))
    summary = await preview(family, canteen, changes=[change(emma.id, meal.id, TUESDAY_AFTER)])
    assert outcomes(summary) == [("2027-03-30", None, "DEADLINE_PASSED")]
    refused = await submit(family, canteen, changes=[change(emma.id, meal.id, TUESDAY_AFTER)])
    assert refused["request"] is None and await bookings(db) == []

    # Back to none: Thursday 25 March at 10:00 is in time again.
    assert await subdivision_set(browser, agent, None) == {
        "town": {"holidaySubdivision": None},
        "cancelled": 0,
        "errors": [],
    }
    summary = await preview(family, canteen, changes=[change(emma.id, meal.id, TUESDAY_AFTER)])
    assert outcomes(summary) == [("2027-03-30", "ACCEPTED", None)]
    answer = await submit(family, canteen, changes=[change(emma.id, meal.id, TUESDAY_AFTER)])
    assert answer["errors"] == [] and answer["request"]["state"] == "ACCEPTED"
    assert [(b.day, b.state) for b in await bookings(db)] == [(TUESDAY_AFTER, "accepted")]

    assert await audit(db) == [("", "57"), ("57", "")]


async def test_a_subdivision_france_does_not_know_is_refused_on_its_field(db, browser, clock, smtp):
    agent = await make_staff(db, "direction@mairie.test")
    assert (await subdivision_set(browser, agent, "57"))["errors"] == []
    for wrong in ("99", "Bretagne", "5" * 70):
        refused = await subdivision_set(browser, agent, wrong)
        assert refused["town"] is None
        assert [(e["field"], e["code"]) for e in refused["errors"]] == [("subdivision", "INVALID")]
    # Nothing written: the setting and the audit trail as they were.
    assert await stored(db) == "57"
    assert await audit(db) == [("", "57")]
    assert (await browser().data(TOWN))["town"] == {"holidaySubdivision": "57"}
    # Bas-Rhin and Haut-Rhin by their numbers, and "" as none.
    assert (await subdivision_set(browser, agent, "67"))["town"] == {"holidaySubdivision": "67"}
    assert (await subdivision_set(browser, agent, " "))["town"] == {"holidaySubdivision": None}
    assert await stored(db) == ""


async def test_bookings_on_good_friday_stand_in_the_way_or_are_cancelled_with_a_reason(
    db, browser, clock, smtp
):
    canteen = await make_service(db)
    family = await family_enrolled(db, browser, canteen, "Emma-Rose")
    emma, meal = family.children["Emma-Rose"], canteen.unit
    agent = await make_staff(db, "direction@mairie.test")
    await travel(clock, family, date(2027, 3, 15))
    answer = await submit(family, canteen, changes=[change(emma.id, meal.id, GOOD_FRIDAY)])
    assert answer["errors"] == [] and answer["request"]["state"] == "ACCEPTED"

    refused = await subdivision_set(browser, agent, "57")
    assert refused["town"] is None
    assert [(e["field"], e["code"]) for e in refused["errors"]] == [("subdivision", "BOOKINGS_IN_THE_WAY")]
    assert refused["errors"][0]["message"].startswith(
        "1 réservation tombe sur des jours fériés de ce département"
    )
    assert await stored(db) is None and await audit(db) == []
    assert [(b.day, b.state) for b in await bookings(db)] == [(GOOD_FRIDAY, "accepted")]

    done = await subdivision_set(browser, agent, "57", "Vendredi saint, jour férié en Moselle")
    assert done == {"town": {"holidaySubdivision": "57"}, "cancelled": 1, "errors": []}
    assert [(b.day, b.state) for b in await bookings(db)] == [(GOOD_FRIDAY, "cancelled")]
    assert len(await outbox(db, template="bookings_cancelled")) == 1
    assert await audit(db) == [("", "57")]


async def test_the_reminder_job_counts_the_deadline_with_staff_s_subdivision(
    db, browser, settings, smtp, clock
):
    """The mail worker's job reminds a family of next month's deadline as the town counts it: April's
    first day (Thursday 1 April) closes 4 working days before, hors jours fériés: Thursday 25 March,
    or, once staff set Moselle, Wednesday 24 March (Good Friday skipped too)."""
    canteen = await make_service(db)
    await staff_sets(db, browser, canteen, bookingDeadline={**SKIPPING_HOLIDAYS, "days": 4})
    family = await family_enrolled(db, browser, canteen, "Léo")
    agent = await make_staff(db, "direction@mairie.test")
    # Moselle first: once the family asks for reminders, the server's own mail worker may send this one
    # (its hourly job made due by the clock moved forward) before the explicit run below.
    assert (await subdivision_set(browser, agent, "57"))["errors"] == []
    await travel(clock, family, date(2027, 3, 22))
    await family.client.data(
        "mutation($p: [NotificationPreferenceInput!]!) { updateNotificationPreferences(preferences: $p) { "
        "errors { field } } }",
        {"p": [{"kind": "BOOKING_DEADLINE", "enabled": True}]},
    )

    await send_reminders(db, settings, clock)
    [mail] = await smtp.wait_for(family.email)
    assert mail.subject == "Réservez avant le 24/03/2027 à 10:00 pour Léo TEST"
