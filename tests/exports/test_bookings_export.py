"""A town agent exports December's bookings: pages in a stable order (no row twice, none missing), the
same statements whatever the page, and the CSV streamed in chunks, amounts with a decimal comma."""

from __future__ import annotations

from datetime import date

from tests.bookings.test_waiting_list import staff_member
from tests.exports.support import BOOKINGS, LINK, bulk_bookings, download, path_of
from tests.support.bookings import at_town_time
from tests.support.builders import make_family
from tests.support.catalogue import make_service
from tests.support.counts import statements
from tests.support.documents import make_child

DECEMBER = (date(2026, 12, 1), date(2026, 12, 31))


async def canteen_with_bookings(db, children_count: int, days: int):  # type: ignore[no-untyped-def]
    canteen = await make_service(db)
    family = await make_family(db, "nombreux@famille.test", name="NOMBREUX")
    children = [await make_child(db, family.household, f"Enfant{i:02d}") for i in range(children_count)]
    count = await bulk_bookings(db, canteen, family.household, children, DECEMBER[0], days)
    return canteen, count


async def test_december_is_read_page_by_page_in_a_stable_order(db, browser, clock, live_server):
    at_town_time(clock, date(2027, 1, 5))
    _, count = await canteen_with_bookings(db, 3, 31)
    # A booking outside the range is not exported.
    staff = await staff_member(db, browser)
    variables = {"from": DECEMBER[0].isoformat(), "to": DECEMBER[1].isoformat(), "first": 10, "after": None}
    seen: list[str] = []
    costs = []
    while True:
        with statements(live_server.app.state.db) as ran:
            page = (await staff.client.data(BOOKINGS, variables))["bookingsExport"]
        costs.append(len(ran))
        seen += [e["node"]["id"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        variables["after"] = page["pageInfo"]["endCursor"]
    assert len(seen) == count == 93 and len(set(seen)) == count
    assert len(costs) == 10 and len(set(costs[1:])) == 1, costs  # the same statements on every page
    first = (await staff.client.data(BOOKINGS, {**variables, "after": None, "first": 3}))["bookingsExport"]
    node = first["edges"][0]["node"]
    assert node["date"] == "2026-12-01" and node["price"] == 410 and node["priceText"] == "4,10\u00a0€"


async def test_the_csv_is_streamed_in_chunks_with_decimal_commas(db, browser, clock, live_server):
    at_town_time(clock, date(2027, 1, 5))
    _, count = await canteen_with_bookings(db, 80, 31)  # 2,480 rows: three chunks of at most 1,000
    staff = await staff_member(db, browser)
    link = (await staff.client.data(LINK, {"kind": "BOOKINGS", "from": "2026-12-01", "to": "2026-12-31"}))[
        "exportLink"
    ]
    assert link["filename"] == "reservations-2026-12-01-2026-12-31.csv"
    async with staff.client.http.stream("GET", path_of(link["url"])) as response:
        assert response.status_code == 200
        assert response.headers.get("transfer-encoding") == "chunked"
        assert "content-length" not in response.headers
        chunks = [chunk async for chunk in response.aiter_raw()]
    assert len(chunks) >= 3
    _, rows, headers = await download(staff.client, link["url"])
    assert headers == ["Date", "Accueil", "Unité", "Nom", "Prénom", "Foyer", "État", "Prix (€)", "Hors délai"]
    assert len(rows) == count
    assert rows[0]["Date"] == "01/12/2026" and rows[-1]["Date"] == "31/12/2026"
    assert {r["Prix (€)"] for r in rows} == {"4,10"}
    assert (
        rows[0]["Accueil"] == "RESTAURANT SCOLAIRE > RESTAURATION SCOLAIRE > RESTAURATION SCOLAIRE 2026-2027"
    )


async def test_reversed_or_too_long_ranges_are_refused_on_to(db, browser, clock):
    at_town_time(clock, date(2027, 1, 5))
    staff = await staff_member(db, browser)
    reversed_ = await staff.client(BOOKINGS, {"from": "2026-12-31", "to": "2026-12-01", "first": 10})
    assert reversed_["errors"][0]["extensions"] == {"code": "END_BEFORE_START", "field": "to"}
    assert reversed_["errors"][0]["message"] == "La date de fin est avant la date de début."
    too_long = await staff.client(LINK, {"kind": "BOOKINGS", "from": "2026-01-01", "to": "2027-01-02"})
    assert too_long["errors"][0]["extensions"] == {"code": "RANGE_TOO_LONG", "field": "to"}
    missing = await staff.client(LINK, {"kind": "ACCOUNTING", "from": "2026-01-01"})
    assert missing["errors"][0]["extensions"] == {"code": "REQUIRED", "field": "to"}
