"""Staff tick the day's attendance list: the children expected (a coming booking) and, in `notBooked`,
the other children enrolled in the period, so that a child who came without booking can be ticked
present (the monthly invoicing charges it at the "non réservé" price). A child not enrolled is in
neither list; a child withdrawn after the day was recorded stays listed, so the record can be corrected.
The list costs the same statements whatever the number of units and children."""

from __future__ import annotations

import json
from datetime import date, time
from typing import Any

from sqlmodel import select

from portail.db.engine import Database
from portail.db.models import Attendance
from portail.db.models.catalogue import Enrolment, Unit
from tests.bookings.test_planning_queries import measure
from tests.bookings.test_waiting_list import staff_member, travel
from tests.support.bookings import SUBMIT, Family, at_town_time, change, family_enrolled, make_centre
from tests.support.catalogue import Service
from tests.support.documents import make_child

FRIDAY_27_NOV = date(2026, 11, 27)
DAY = date(2026, 12, 9)  # a Wednesday
LIST = """query($activityId: ID!, $date: Date!) { attendance(activityId: $activityId, date: $date) {
  unitId unitName count children { firstName lastName attendance }
  notBooked { childId firstName lastName classLevel school diet hasPai householdName enrolled attendance }
} }"""
RECORD = """mutation($unitId: ID!, $date: Date!, $entries: [AttendanceEntryInput!]!) {
  recordAttendance(unitId: $unitId, date: $date, entries: $entries) { recorded errors { field code } } }"""
WITHDRAW = """mutation($id: ID!) { withdrawEnrolment(enrolmentId: $id) { errors { field code } } }"""


async def book(family: Family, centre: Service, action: str = "BOOK") -> None:
    child = next(iter(family.children.values()))
    payload = await family.client.data(
        SUBMIT,
        {
            "input": {
                "periodId": str(centre.period.id),
                "changes": [change(child.id, centre.unit.id, DAY, action)],
            }
        },
    )
    assert payload["submitBookingRequest"]["errors"] == [], payload


async def enrolled_family(db: Database, browser: Any, centre: Service, name: str, first: str) -> Family:
    return await family_enrolled(db, browser, centre, first, email=f"{name.lower()}@famille.test", name=name)


async def recorded(db: Database, unit_id: Any) -> dict[Any, tuple[str, Any]]:
    """The attendance rows of DAY for the unit: child → (status, household charged)."""
    async with db.read_sessions() as session:
        rows = await session.exec(
            select(Attendance).where(Attendance.unit_id == unit_id, Attendance.day == DAY)
        )
        return {a.child_id: (a.status, a.household_id) for a in rows.all()}


def not_booked(listed: dict[str, Any]) -> list[tuple[str, str, bool, Any]]:
    return [(c["lastName"], c["firstName"], c["enrolled"], c["attendance"]) for c in listed["notBooked"]]


async def test_staff_tick_a_child_enrolled_without_booking_present_and_see_it_on_the_list(
    db, browser, clock, smtp
):
    at_town_time(clock, FRIDAY_27_NOV)
    centre = await make_centre(db)
    martin = await enrolled_family(db, browser, centre, "MARTIN", "Emma-Rose")  # booked: expected
    petit = await enrolled_family(db, browser, centre, "PETIT", "Jade")  # enrolled, no booking
    durand = await enrolled_family(db, browser, centre, "DURAND", "Hugo")  # booked, then cancelled
    garnier = await enrolled_family(db, browser, centre, "GARNIER", "Zoé")  # recorded, then withdrawn
    # Léo is in MARTIN's household but not enrolled: on neither list, and cannot be ticked.
    leo = await make_child(db, martin.built.household, "Léo", class_level="CM1")
    await book(martin, centre)
    await book(durand, centre)
    await book(durand, centre, action="CANCEL")
    staff = await staff_member(db, browser)
    await travel(clock, DAY, time(17, 0), staff, garnier)
    variables = {"activityId": str(centre.activity.id), "date": DAY.isoformat()}
    jade, zoe = petit.children["Jade"], garnier.children["Zoé"]

    (day,) = (await staff.client.data(LIST, variables))["attendance"]
    assert (day["unitId"], day["count"]) == (str(centre.unit.id), 1)
    assert day["children"] == [{"firstName": "Emma-Rose", "lastName": "MARTIN", "attendance": None}]
    assert not_booked(day) == [
        ("DURAND", "Hugo", True, None),
        ("GARNIER", "Zoé", True, None),
        ("PETIT", "Jade", True, None),
    ]
    assert day["notBooked"][2] == {
        "childId": str(jade.id),
        "firstName": "Jade",
        "lastName": "PETIT",
        "classLevel": "CE2",
        "school": "",
        "diet": None,
        "hasPai": False,
        "householdName": "PETIT",
        "enrolled": True,
        "attendance": None,
    }
    assert str(leo.id) not in {c["childId"] for c in day["notBooked"]}

    # Jade and Zoé came without booking: ticked present from the list's ids.
    ticked = {
        "unitId": str(centre.unit.id),
        "date": DAY.isoformat(),
        "entries": [{"childId": c["childId"], "status": "PRESENT"} for c in day["notBooked"][1:]],
    }
    assert (await staff.client.data(RECORD, ticked))["recordAttendance"] == {"recorded": 2, "errors": []}
    assert await recorded(db, centre.unit.id) == {
        jade.id: ("present", petit.built.household.id),
        zoe.id: ("present", garnier.built.household.id),
    }
    (day,) = (await staff.client.data(LIST, variables))["attendance"]
    assert not_booked(day) == [
        ("DURAND", "Hugo", True, None),
        ("GARNIER", "Zoé", True, "PRESENT"),
        ("PETIT", "Jade", True, "PRESENT"),
    ]
    assert [c["firstName"] for c in day["children"]] == ["Emma-Rose"]

    # Léo, not enrolled, cannot be ticked: nothing written.
    stranger = {**ticked, "entries": [{"childId": str(leo.id), "status": "PRESENT"}]}
    refused = (await staff.client.data(RECORD, stranger))["recordAttendance"]
    assert refused["errors"] == [{"field": "entries.0.childId", "code": "NOT_FOUND"}]
    assert leo.id not in await recorded(db, centre.unit.id)

    # GARNIER withdraws Zoé's enrolment afterwards: the presence recorded (and invoiced) stays on the
    # list, marked no longer enrolled, and staff can still correct it.
    async with db.read_sessions() as session:
        enrolment = (await session.exec(select(Enrolment).where(Enrolment.child_id == zoe.id))).one()
    assert (await garnier.client.data(WITHDRAW, {"id": str(enrolment.id)}))["withdrawEnrolment"][
        "errors"
    ] == []
    (day,) = (await staff.client.data(LIST, variables))["attendance"]
    assert not_booked(day) == [
        ("DURAND", "Hugo", True, None),
        ("GARNIER", "Zoé", False, "PRESENT"),
        ("PETIT", "Jade", True, "PRESENT"),
    ]
    assert day["notBooked"][1]["householdName"] == "GARNIER"
    corrected = {**ticked, "entries": [{"childId": str(zoe.id), "status": "ABSENT"}]}
    assert (await staff.client.data(RECORD, corrected))["recordAttendance"] == {"recorded": 1, "errors": []}
    assert (await recorded(db, centre.unit.id))[zoe.id] == ("absent", garnier.built.household.id)
    (day,) = (await staff.client.data(LIST, variables))["attendance"]
    assert not_booked(day)[1] == ("GARNIER", "Zoé", False, "ABSENT")

    # Another day, with nothing booked nor recorded: the children enrolled, Zoé (withdrawn) no more.
    other_day = {**variables, "date": "2026-12-02"}
    (quiet,) = (await staff.client.data(LIST, other_day))["attendance"]
    assert quiet["children"] == []
    assert not_booked(quiet) == [
        ("DURAND", "Hugo", True, None),
        ("MARTIN", "Emma-Rose", True, None),
        ("PETIT", "Jade", True, None),
    ]


async def test_the_list_costs_the_same_statements_for_one_unit_and_two_children_or_two_units_and_more(
    db, browser, clock, smtp, live_server
):
    at_town_time(clock, FRIDAY_27_NOV)
    centre = await make_centre(db)
    martin = await enrolled_family(db, browser, centre, "MARTIN", "Emma-Rose")
    await enrolled_family(db, browser, centre, "PETIT", "Jade")
    await book(martin, centre)
    staff = await staff_member(db, browser)
    await travel(clock, DAY, time(17, 0), staff)
    variables = {"activityId": str(centre.activity.id), "date": DAY.isoformat()}

    small, (data, small_shape) = await measure(live_server, staff.client, LIST, variables)
    (day,) = data["attendance"]
    assert (len(day["children"]), len(day["notBooked"])) == (1, 1)

    # A second unit of the period, three more families (one booked, two not), a presence recorded on
    # each unit and a child withdrawn since its day was recorded.
    lunch = Unit(period_id=centre.period.id, name="REPAS", position=1, tariff=json.dumps([[None, 320]]))
    async with db.transaction() as session:
        session.add(lunch)
    at_town_time(clock, FRIDAY_27_NOV)
    durand, bernard, garnier = [
        await enrolled_family(db, browser, centre, name, first)
        for name, first in (("DURAND", "Hugo"), ("BERNARD", "Léo"), ("GARNIER", "Zoé"))
    ]
    await book(durand, centre)
    await travel(clock, DAY, time(17, 0), staff)
    present = [
        {"childId": str(c.id), "status": "PRESENT"}
        for c in (bernard.children["Léo"], garnier.children["Zoé"])
    ]
    for unit_id in (centre.unit.id, lunch.id):
        payload = await staff.client.data(
            RECORD, {"unitId": str(unit_id), "date": DAY.isoformat(), "entries": present}
        )
        assert payload["recordAttendance"]["errors"] == []
    async with db.transaction() as session:
        enrolment = (
            await session.exec(select(Enrolment).where(Enrolment.child_id == garnier.children["Zoé"].id))
        ).one()
        enrolment.state = "withdrawn"
        session.add(enrolment)

    large, (data, large_shape) = await measure(live_server, staff.client, LIST, variables)
    by_unit = {d["unitId"]: d for d in data["attendance"]}
    assert len(by_unit) == 2
    assert [c["lastName"] for c in by_unit[str(centre.unit.id)]["children"]] == ["DURAND", "MARTIN"]
    assert not_booked(by_unit[str(centre.unit.id)]) == [
        ("BERNARD", "Léo", True, "PRESENT"),
        ("GARNIER", "Zoé", False, "PRESENT"),
        ("PETIT", "Jade", True, None),
    ]
    assert by_unit[str(lunch.id)]["children"] == []
    assert [c["lastName"] for c in by_unit[str(lunch.id)]["notBooked"]] == [
        "BERNARD",
        "DURAND",
        "GARNIER",
        "MARTIN",
        "PETIT",
    ]
    assert small == large, (small_shape - large_shape, large_shape - small_shape)
    assert large <= 10, large_shape
    print(f"attendance statements ({db.dialect}): {large} (one unit and two children, or two and six)")
