"""A town agent prints the day's attendance list: the CSV of the Wednesday centre for 9 December lists
exactly the children booked (a cancellation still to decide included, a cancelled one not), with their
diet, allergies, PAI and who may pick them up; the page query shows the same rows."""

from __future__ import annotations

from datetime import date
from typing import Any

from portail.db.engine import Database
from portail.db.models.households import AuthorizedPerson, Child
from tests.bookings.test_attendance_list import DAY, FRIDAY_27_NOV, book, enrolled_family
from tests.bookings.test_waiting_list import staff_member
from tests.exports.support import LINK, download
from tests.support.bookings import at_town_time, make_centre

PAGE = """query($activityId: ID!, $date: Date!, $first: Int!, $after: String) {
  attendanceExport(activityId: $activityId, date: $date, first: $first, after: $after) {
    edges { node { unitName lastName firstName dietLabel foodAllergies hasPai stateLabel householdName
    authorisedPersons } } pageInfo { hasNextPage endCursor } } }"""
HEADERS = [
    "Unité",
    "Nom",
    "Prénom",
    "Classe",
    "École",
    "État",
    "Régime alimentaire",
    "Allergies alimentaires",
    "Allergies",
    "PAI",
    "Foyer",
    "Personnes autorisées",
]


async def set_records(db: Database, child: Child, **values: Any) -> None:
    async with db.transaction() as session:
        row = await session.get(Child, child.id)
        assert row is not None
        for name, value in values.items():
            setattr(row, name, value)
        session.add(row)


async def test_the_attendance_csv_of_a_day_lists_the_children_booked(db, browser, clock, smtp):
    at_town_time(clock, FRIDAY_27_NOV)
    centre = await make_centre(db)
    martin = await enrolled_family(db, browser, centre, "MARTIN", "Emma-Rose")
    petit = await enrolled_family(db, browser, centre, "PETIT", "Jade")  # enrolled, not booked
    durand = await enrolled_family(db, browser, centre, "DURAND", "Hugo")  # booked, then cancelled
    arnaud = await enrolled_family(db, browser, centre, "ARNAUD", "=Zoé")  # a name like a formula
    for family in (martin, durand, arnaud):
        await book(family, centre)
    await book(durand, centre, action="CANCEL")
    emma = martin.children["Emma-Rose"]
    await set_records(
        db, emma, diet="VEGETARIAN", food_allergies="Arachide", has_pai=True, school="Pompidou B"
    )
    async with db.transaction() as session:
        session.add(
            AuthorizedPerson(
                child_id=emma.id,
                first_name="Jeanne",
                last_name="MARTIN",
                relation="Grand-mère",
                may_pick_up=True,
            )
        )
    staff = await staff_member(db, browser)

    link = (
        await staff.client.data(
            LINK, {"kind": "ATTENDANCE", "activityId": str(centre.activity.id), "date": DAY.isoformat()}
        )
    )["exportLink"]
    assert link["filename"] == "presences-2026-12-09.csv"
    response, rows, headers = await download(staff.client, link["url"])
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"].startswith(
        'attachment; filename="presences-2026-12-09.csv"'
    )
    assert response.headers["cache-control"] == "private, no-store"
    assert headers == HEADERS
    assert [(r["Nom"], r["Prénom"], r["État"]) for r in rows] == [
        ("ARNAUD", "'=Zoé", "Présence acceptée"),
        ("MARTIN", "Emma-Rose", "Présence acceptée"),
    ], rows
    emma_row = rows[1]
    assert emma_row["Régime alimentaire"] == "Végétarien"
    assert emma_row["Allergies alimentaires"] == "Arachide"
    assert emma_row["PAI"] == "oui" and rows[0]["PAI"] == "non"
    assert emma_row["École"] == "Pompidou B"
    assert emma_row["Personnes autorisées"] == "Jeanne MARTIN (Grand-mère)"
    assert emma_row["Unité"] == centre.unit.name and emma_row["Foyer"] == "MARTIN"
    assert petit.children["Jade"].first_name not in {r["Prénom"] for r in rows}

    # The page query reads the same rows, a page at a time.
    variables = {"activityId": str(centre.activity.id), "date": DAY.isoformat(), "first": 1, "after": None}
    seen = []
    while True:
        page = (await staff.client.data(PAGE, variables))["attendanceExport"]
        seen += [(e["node"]["lastName"], e["node"]["firstName"]) for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        variables["after"] = page["pageInfo"]["endCursor"]
    assert seen == [("ARNAUD", "=Zoé"), ("MARTIN", "Emma-Rose")]


async def test_an_unknown_activity_is_not_found_and_a_missing_date_is_required(db, browser, clock):
    at_town_time(clock, FRIDAY_27_NOV)
    staff = await staff_member(db, browser)
    body = await staff.client(
        PAGE, {"activityId": "pas-un-accueil", "date": date(2026, 12, 9).isoformat(), "first": 10}
    )
    assert body["data"] is None
    assert body["errors"][0]["extensions"] == {"code": "NOT_FOUND", "field": "activityId"}
    centre = await make_centre(db)
    body = await staff.client(LINK, {"kind": "ATTENDANCE", "activityId": str(centre.activity.id)})
    assert body["errors"][0]["extensions"] == {"code": "REQUIRED", "field": "date"}
