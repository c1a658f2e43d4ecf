"""Staff give a unit the deadlines towns use on the "Unités" screen: "le jeudi deux semaines avant",
"avant le 20 du mois précédent", "3 jours avant (hors mercredis et jours fériés)", for booking and for
cancelling; the unit shows them back as set, worded in French, and families read the wording in the
catalogue. Impossible values are refused on their field, and nothing is written."""

from __future__ import annotations

from typing import Any

import pytest

from portail.db.models.catalogue import Unit
from tests.support.accounts import signed_in
from tests.support.bookings import family_enrolled
from tests.support.builders import make_staff
from tests.support.catalogue import CATALOGUE, ERRORS, catalogue_counts, make_service, unit_input

RULE = "kind days weekday weeks dayOfMonth at countedIn skippedWeekdays skipsPublicHolidays description"
CREATE = f"""mutation($periodId: ID!, $input: UnitInput!) {{ createUnit(periodId: $periodId, input: $input) {{
  unit {{ id bookingDeadline {{ {RULE} }} cancellationDeadline {{ {RULE} }} }} {ERRORS} }} }}"""
UPDATE = f"""mutation($id: ID!, $input: UpdateUnitInput!) {{ updateUnit(id: $id, input: $input) {{
  unit {{ bookingDeadline {{ {RULE} }} cancellationDeadline {{ {RULE} }} }} {ERRORS} }} }}"""

TWO_WEEKS = {"kind": "WEEKDAY_OF_WEEK_BEFORE", "weekday": "THURSDAY", "weeks": 2, "at": "12:00:00"}
BY_THE_MONTH = {"kind": "DAY_OF_PREVIOUS_MONTH", "dayOfMonth": 20, "at": "18:00:00"}
NO_WEDNESDAYS = {
    "kind": "DAYS_BEFORE",
    "days": 3,
    "at": "10:00:00",
    "skippedWeekdays": ["WEDNESDAY"],
    "skipsPublicHolidays": True,
}


async def staff_client(db: Any, browser: Any) -> Any:
    staff = await make_staff(db)
    return await signed_in(browser(), staff.email, staff.password)


async def test_staff_set_the_new_kinds_and_the_unit_shows_them(db, browser):
    staff = await staff_client(db, browser)
    service = await make_service(db)
    created = (
        await staff.data(
            CREATE,
            {
                "periodId": str(service.period.id),
                "input": unit_input("GARDERIE MATIN", bookingDeadline=BY_THE_MONTH, cancellationDeadline=NO_WEDNESDAYS),
            },
        )
    )["createUnit"]
    assert created["errors"] == []
    unit = created["unit"]
    assert unit["bookingDeadline"] == {
        "kind": "DAY_OF_PREVIOUS_MONTH",
        "days": 2,
        "weekday": None,
        "weeks": 1,
        "dayOfMonth": 20,
        "at": "18:00:00",
        "countedIn": "CALENDAR",
        "skippedWeekdays": [],
        "skipsPublicHolidays": False,
        "description": "avant le 20 du mois précédent, 18h00",
    }
    assert unit["cancellationDeadline"] == {
        "kind": "DAYS_BEFORE",
        "days": 3,
        "weekday": None,
        "weeks": 1,
        "dayOfMonth": None,
        "at": "10:00:00",
        "countedIn": "CALENDAR",
        "skippedWeekdays": ["WEDNESDAY"],
        "skipsPublicHolidays": True,
        "description": "3 jours avant (hors mercredis et jours fériés), 10h00",
    }

    # A partial update replaces the rule it gives and keeps the other one.
    updated = (await staff.data(UPDATE, {"id": unit["id"], "input": {"bookingDeadline": TWO_WEEKS}}))["updateUnit"]
    assert updated["errors"] == []
    assert updated["unit"]["bookingDeadline"]["description"] == "le jeudi deux semaines avant, 12h00"
    assert (updated["unit"]["bookingDeadline"]["weekday"], updated["unit"]["bookingDeadline"]["weeks"]) == (
        "THURSDAY",
        2,
    )
    assert updated["unit"]["cancellationDeadline"] == unit["cancellationDeadline"]

    # Working days skip weekends and public holidays anyway: the unit says so once.
    working = {**NO_WEDNESDAYS, "days": 2, "countedIn": "WORKING", "skippedWeekdays": ["SATURDAY", "WEDNESDAY"],
               "skipsPublicHolidays": False}
    updated = (await staff.data(UPDATE, {"id": unit["id"], "input": {"cancellationDeadline": working}}))["updateUnit"]
    rule = updated["unit"]["cancellationDeadline"]
    assert (rule["skippedWeekdays"], rule["skipsPublicHolidays"]) == (["WEDNESDAY"], True)
    assert rule["description"] == "2 jours ouvrés avant (hors mercredis), 10h00"

    # Families read the wording in "Inscription aux services".
    family = await family_enrolled(db, browser, service)
    child = next(iter(family.children.values()))
    catalogue = (await family.client.data(CATALOGUE, {"childId": str(child.id)}))["catalogue"]
    units = {u["name"]: u for f in catalogue for a in f["activities"] for p in a["periods"] for u in p["units"]}
    assert (units["GARDERIE MATIN"]["bookingDeadline"], units["GARDERIE MATIN"]["cancellationDeadline"]) == (
        "le jeudi deux semaines avant, 12h00",
        "2 jours ouvrés avant (hors mercredis), 10h00",
    )
    # The units already there mean what they meant: "2 jours avant, 10h00".
    assert units["REPAS"]["bookingDeadline"] == "2 jours avant, 10h00"


BAD_RULES = [
    ("no week before", {"bookingDeadline": {**TWO_WEEKS, "weeks": 0}}, "bookingDeadline.weeks", "INVALID"),
    ("thirteen weeks before", {"cancellationDeadline": {**TWO_WEEKS, "weeks": 13}}, "cancellationDeadline.weeks",
     "INVALID"),
    ("a month rule without its day", {"bookingDeadline": {"kind": "DAY_OF_PREVIOUS_MONTH", "at": "18:00:00"}},
     "bookingDeadline.dayOfMonth", "REQUIRED"),
    ("the 32nd", {"cancellationDeadline": {**BY_THE_MONTH, "dayOfMonth": 32}}, "cancellationDeadline.dayOfMonth",
     "INVALID"),
    ("day 0", {"bookingDeadline": {**BY_THE_MONTH, "dayOfMonth": 0}}, "bookingDeadline.dayOfMonth", "INVALID"),
    ("every weekday skipped",
     {"bookingDeadline": {**NO_WEDNESDAYS, "skippedWeekdays": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY",
                                                              "FRIDAY", "SATURDAY", "SUNDAY"]}},
     "bookingDeadline.skippedWeekdays", "INVALID"),
    ("working days without a working day",
     {"cancellationDeadline": {**NO_WEDNESDAYS, "countedIn": "WORKING",
                               "skippedWeekdays": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"]}},
     "cancellationDeadline.skippedWeekdays", "INVALID"),
]


@pytest.mark.parametrize(("case", "change", "field", "code"), BAD_RULES, ids=[c[0] for c in BAD_RULES])
async def test_an_impossible_rule_is_refused_on_its_field(db, browser, case, change, field, code):
    staff = await staff_client(db, browser)
    service = await make_service(db)
    before = await catalogue_counts(db)
    created = (await staff.data(CREATE, {"periodId": str(service.period.id), "input": unit_input(**change)}))
    assert created["createUnit"]["unit"] is None
    assert [(e["field"], e["code"]) for e in created["createUnit"]["errors"]] == [(field, code)]
    assert await catalogue_counts(db) == before
    # The same on an update: the unit keeps its deadlines.
    updated = (await staff.data(UPDATE, {"id": str(service.unit.id), "input": change}))["updateUnit"]
    assert [(e["field"], e["code"]) for e in updated["errors"]] == [(field, code)]
    async with db.read_sessions() as session:
        row = await session.get(Unit, service.unit.id)
    assert row is not None
    assert (row.booking_rule, row.booking_days, row.cancel_rule, row.cancel_days) == (
        "days_before",
        2,
        "days_before",
        2,
    )
