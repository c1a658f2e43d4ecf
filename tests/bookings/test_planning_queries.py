"""The planning queries issue a fixed number of SQL statements, whatever the size of what they show:
"Mon planning" for one child or three and for a week or a month, the "Historique" with one
request or ten, and the day window (``bookableDays``) over a week or a month.

Every household here has, each school day of December, a canteen meal accepted and an evening
place waiting (the evening unit has one place, taken first by another family), so that every
measure includes the waiting positions: that statement is only issued when a waiting booking is
shown, and equal shapes must cost equal statements."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from sqlalchemy import update

from portail.db.engine import Database
from portail.db.models.catalogue import Unit
from tests.support.bookings import (
    BOOKABLE,
    HISTORY,
    PLANNING,
    PREVIEW,
    SUBMIT,
    Family,
    at_town_time,
    change,
    enrol,
    family_enrolled,
    repeat,
)
from tests.support.catalogue import Service, make_service
from tests.support.counts import statements
from tests.support.graphql import GraphQLClient
from tests.support.pages import nodes

TODAY = date(2026, 11, 27)  # a Friday
DECEMBER = (date(2026, 12, 1), date(2026, 12, 31))
WEEK = (date(2026, 12, 7), date(2026, 12, 13))  # Monday to Sunday
SCHOOL_DAYS = ["MONDAY", "TUESDAY", "THURSDAY", "FRIDAY"]
# The school days of December before the Christmas holidays (zone B), Wednesdays off.
DECEMBER_DAYS = [date(2026, 12, d) for d in (1, 3, 4, 7, 8, 10, 11, 14, 15, 17, 18)]



def shape(seen: list[str]) -> Counter[str]:
    """The statements by their start, to say which one differs when counts do."""
    return Counter(" ".join(s.split())[:70] for s in seen)


async def measure(server: Any, client: GraphQLClient, query: str, variables: dict[str, Any]) -> tuple[int, Any]:
    """The statements one run of ``query`` costs, and its data. A first run warms what is not per
    request (and refreshes the session's last-seen time, which is written at most once a minute)."""
    await client.data(query, variables)
    with statements(server.app.state.db) as seen:
        data = await client.data(query, variables)
    return len(seen), (data, shape(seen))


async def set_capacity(db: Database, unit: Unit, capacity: int | None) -> None:
    async with db.transaction() as session:
        await session.exec(update(Unit).where(Unit.id == unit.id).values(capacity=capacity))  # type: ignore[arg-type]


async def submit(client: GraphQLClient, period_id: Any, **input_: Any) -> dict[str, Any]:
    payload = (await client.data(SUBMIT, {"input": {"periodId": str(period_id), **input_}}))["submitBookingRequest"]
    assert payload["errors"] == [], payload
    return payload


class Town:
    """The canteen (Monday, Tuesday, Thursday, Friday; no limit) and the evening after-school care
    (the same days; one place, then a waiting line)."""

    def __init__(self, canteen: Service, evening: Service, first: Family) -> None:
        self.canteen, self.evening = canteen, evening
        self.first = first  # the family holding the evening's place every day: nothing waiting

    async def family(self, db: Database, browser: Any, email: str, name: str, *children: str) -> Family:
        """A signed-in family whose children are enrolled in both and booked on every school day of
        December: the canteen accepted, the evening waiting."""
        family = await family_enrolled(db, browser, self.canteen, *children, email=email, name=name)
        ids = [c.id for c in family.children.values()]
        for child_id in ids:
            await enrol(db, child_id, self.evening, family.built.household, family.built.account.id)
        for service in (self.canteen, self.evening):
            await submit(family.client, service.period.id,
                         repeats=[repeat(ids, [service.unit.id], SCHOOL_DAYS, start=DECEMBER[0], end=DECEMBER[1])])
        return family


async def make_town(db: Database, browser: Any) -> Town:
    canteen = await make_service(db)
    evening = await make_service(
        db, "ACCUEIL PERISCOLAIRE", "PERISCOLAIRE SOIR", "PERISCOLAIRE SOIR 2026-2027", "ACCUEIL DU SOIR",
        regie="REGIE PERISCOLAIRE", tariff=[[None, 150]], when_full="waiting_list",
    )
    await set_capacity(db, evening.unit, 1)
    # Another family takes the evening's one place every day first.
    first = await family_enrolled(db, browser, evening, "Lucas", email="premiers@famille.test", name="PREMIERS")
    lucas = first.children["Lucas"]
    await submit(first.client, evening.period.id,
                 repeats=[repeat([lucas.id], [evening.unit.id], SCHOOL_DAYS, start=DECEMBER[0], end=DECEMBER[1])])
    return Town(canteen, evening, first)


def planning_of(start: date, end: date) -> dict[str, Any]:
    return {"from": start.isoformat(), "to": end.isoformat(), "childIds": None, "all": False, "others": False}


def booked(planning: dict[str, Any]) -> Counter[str]:
    """Bookings shown, by state."""
    return Counter(b["state"] for day in planning["planning"]["days"] for b in day["bookings"])


async def test_planning_costs_the_same_statements_for_one_or_three_children_and_a_week_or_a_month(
    db, browser, clock, live_server
):
    at_town_time(clock, TODAY)
    town = await make_town(db, browser)
    one = await town.family(db, browser, "seule@famille.test", "SEULE", "Emma-Rose")
    three = await town.family(db, browser, "trois@famille.test", "TROIS", "Emma-Rose", "Jules", "Zoé")
    days = len(DECEMBER_DAYS)

    one_month, (data, one_shape) = await measure(live_server, one.client, PLANNING, planning_of(*DECEMBER))
    assert booked(data) == {"ACCEPTED": days, "WAITING": days}
    assert {b["waitingPosition"] for d in data["planning"]["days"] for b in d["bookings"]
            if b["state"] == "WAITING"} == {1}

    three_month, (data, three_shape) = await measure(live_server, three.client, PLANNING, planning_of(*DECEMBER))
    assert booked(data) == {"ACCEPTED": 3 * days, "WAITING": 3 * days}
    assert len(data["planning"]["children"]) == 3
    assert {b["waitingPosition"] for d in data["planning"]["days"] for b in d["bookings"]
            if b["state"] == "WAITING"} == {2, 3, 4}
    assert one_month == three_month, (one_shape - three_shape, three_shape - one_shape)

    three_week, (data, week_shape) = await measure(live_server, three.client, PLANNING, planning_of(*WEEK))
    assert booked(data) == {"ACCEPTED": 3 * 4, "WAITING": 3 * 4}
    assert three_week == three_month, (week_shape - three_shape, three_shape - week_shape)

    # Only children chosen ("Voir les réservations des usagers"): the same again.
    jules = three.children["Jules"].id
    chosen, (data, chosen_shape) = await measure(
        live_server, three.client, PLANNING, {**planning_of(*DECEMBER), "childIds": [str(jules)]}
    )
    assert booked(data) == {"ACCEPTED": days, "WAITING": days}
    assert chosen == three_month, (chosen_shape - three_shape, three_shape - chosen_shape)
    assert three_month <= 6, three_shape

    # A household with nothing waiting is spared the waiting positions' statement, and no more.
    nothing_waiting, (data, first_shape) = await measure(
        live_server, town.first.client, PLANNING, planning_of(*DECEMBER)
    )
    assert booked(data) == {"ACCEPTED": days}
    assert nothing_waiting == three_month - 1, (first_shape - three_shape, three_shape - first_shape)
    print(f"planning statements ({db.dialect}): {three_month} (one child or three, week or month; "
          f"{nothing_waiting} with nothing waiting)")


async def test_history_costs_the_same_statements_for_one_or_ten_requests(db, browser, clock, live_server):
    at_town_time(clock, TODAY)
    canteen = await make_service(db)
    family = await family_enrolled(db, browser, canteen, "Emma-Rose", "Jules", email="histoire@famille.test")
    ids = [c.id for c in family.children.values()]

    def one_day(day: date) -> dict[str, Any]:
        return {"changes": [change(child_id, canteen.unit.id, day) for child_id in ids]}

    await submit(family.client, canteen.period.id, **one_day(DECEMBER_DAYS[0]))
    one, (data, one_shape) = await measure(live_server, family.client, HISTORY, {"first": 20})
    assert [r["numberText"] for r in nodes(data["bookingRequests"])] == ["000001"]
    assert [len(r["lines"]) for r in nodes(data["bookingRequests"])] == [2]

    for day in DECEMBER_DAYS[1:10]:
        await submit(family.client, canteen.period.id, **one_day(day))
    ten, (data, ten_shape) = await measure(live_server, family.client, HISTORY, {"first": 20})
    items = nodes(data["bookingRequests"])
    assert [r["number"] for r in items] == list(range(10, 0, -1))
    assert all(len(r["lines"]) == 2 and r["children"] == ["Emma-Rose", "Jules"] for r in items)
    assert one == ten, (one_shape - ten_shape, ten_shape - one_shape)
    assert ten <= 12, ten_shape
    print(f"bookingRequests statements ({db.dialect}): {ten} (one request or ten)")


async def test_bookable_days_cost_the_same_statements_for_a_week_or_a_month(db, browser, clock, live_server):
    at_town_time(clock, TODAY)
    town = await make_town(db, browser)
    family = await town.family(db, browser, "fenetre@famille.test", "FENETRE", "Emma-Rose")
    emma = family.children["Emma-Rose"].id

    def window(service: Service, start: date, end: date) -> dict[str, Any]:
        return {"childId": str(emma), "periodId": str(service.period.id),
                "from": start.isoformat(), "to": end.isoformat()}

    counts = {}
    for service in (town.evening, town.canteen):
        week, (data, week_shape) = await measure(live_server, family.client, BOOKABLE, window(service, *WEEK))
        days = data["bookableDays"]["days"]
        assert len(days) == 7
        month, (data, month_shape) = await measure(live_server, family.client, BOOKABLE, window(service, *DECEMBER))
        days = data["bookableDays"]["days"]
        assert len(days) == 31
        units = [u for d in days for u in d["units"] if u["booking"]]
        assert len(units) == len(DECEMBER_DAYS)
        assert week == month, (service.unit.name, week_shape - month_shape, month_shape - week_shape)
        counts[service.unit.name] = month
    # The evening's bookings wait (first in line): their positions are shown, at one statement more; and
    # the evening has a capacity, so its places are counted (the canteen's meals are unlimited: no count).
    evening_days = (await family.client.data(BOOKABLE, window(town.evening, *DECEMBER)))["bookableDays"]["days"]
    assert {u["booking"]["waitingPosition"] for d in evening_days for u in d["units"] if u["booking"]} == {1}
    assert counts["ACCUEIL DU SOIR"] == counts["REPAS"] + 2, counts
    assert counts["ACCUEIL DU SOIR"] <= 16, counts
    print(f"bookableDays statements ({db.dialect}): {counts}")


async def test_preview_and_submit_cost_the_same_statements_for_a_day_of_one_child_or_a_month_of_three(
    db, browser, clock, live_server
):
    at_town_time(clock, TODAY)
    town = await make_town(db, browser)
    family = await family_enrolled(db, browser, town.canteen, "Emma-Rose", "Jules", "Zoé", email="mois@famille.test")
    ids = [c.id for c in family.children.values()]
    for child_id in ids:
        await enrol(db, child_id, town.evening, family.built.household, family.built.account.id)
    # A first read warms what is kept between requests (the catalogue: kept from reads only).
    warm = {"periodId": str(town.canteen.period.id), "changes": [change(ids[0], town.canteen.unit.id, DECEMBER_DAYS[0])]}
    await family.client.data(PREVIEW, {"input": warm})

    async def costs(service: Service, **input_: Any) -> tuple[int, int]:
        variables = {"input": {"periodId": str(service.period.id), **input_}}
        with statements(live_server.app.state.db) as previewed:
            summary = (await family.client.data(PREVIEW, variables))["previewBookingRequest"]
        with statements(live_server.app.state.db) as submitted:
            payload = (await family.client.data(SUBMIT, variables))["submitBookingRequest"]
        assert summary["errors"] == payload["errors"] == []
        assert len(payload["request"]["lines"]) == len(summary["summary"]["lines"])
        return len(previewed), len(submitted)

    counts = {}
    for service in (town.canteen, town.evening):  # unlimited, then one place and a waiting line
        one_day = await costs(service, changes=[change(ids[0], service.unit.id, DECEMBER_DAYS[1])])
        a_month = await costs(
            service,
            repeats=[repeat(ids, [service.unit.id], SCHOOL_DAYS, start=DECEMBER_DAYS[2], end=DECEMBER[1])],
        )
        assert one_day == a_month, (service.unit.name, one_day, a_month)
        counts[service.unit.name] = a_month
    # Preview: the session, the catalogue's version, the guardian with the household, the children,
    # their enrolments, the days' bookings (and the places where there is a limit).
    assert counts["REPAS"][0] <= 6, counts
    assert counts["REPAS"][1] <= 15, counts
    print(f"preview / submit statements ({db.dialect}): {counts}")
