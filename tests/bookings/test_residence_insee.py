"""Periods open to the town's residents first, residence told by the commune's INSEE code (issue 15,
item 2): Séné lists its postcode (56860) and its INSEE code (56243). A neighbouring commune sharing the
postcode is not resident once its household gives its own INSEE code; the family giving Séné's is; a
household that gave none is decided by its postcode, as before. Families give the code in "Adresse de
correspondance" (checked by staff, like the postcode); staff set the town's codes, audited."""

from __future__ import annotations

from datetime import time
from typing import Any

from sqlmodel import select

from portail.db.engine import Database
from portail.db.models import Household, PendingChange
from portail.db.models.records import AuditEntry
from tests.bookings.test_booking_windows import (
    MONDAY_25_JAN,
    MY_HOUSEHOLD,
    SATURDAY_9_JAN,
    at_the_second,
    audit,
    live_at,
    set_window,
    staff_client,
)
from tests.bookings.test_deadlines import preview, submit
from tests.support.bookings import booking_counts, change, family_enrolled
from tests.support.catalogue import ERRORS, make_service
from tests.support.pages import nodes

CODES = f"""mutation($postcodes: [String!]!, $insee: [String!]) {{
  setResidentPostcodes(postcodes: $postcodes, inseeCodes: $insee) {{ postcodes inseeCodes {ERRORS} }} }}"""
TOWN = "{ town { residentPostcodes residentInseeCodes } }"
ADDRESS = f"""mutation($input: UpdateHouseholdInput!, $id: ID) {{ updateHousehold(input: $input, householdId: $id) {{
  household {{ address {{ postcode inseeCode city }} }} changedFields pendingFields {ERRORS} }} }}"""
DECIDE = """mutation($id: ID!) { decidePendingChange(id: $id, approve: true) { change { state } errors { code } } }"""
PENDING = "{ pendingChanges { edges { node { id field newValue householdId } } } }"
SENE, NEIGHBOUR = "56243", "56251"  # Séné's INSEE code; a neighbouring commune's, under the same postcode


async def residence(family: Any) -> dict[str, Any]:
    data = await family.client.data(
        "{ household { address { postcode inseeCode } onlineBooking { resident } } }"
    )
    household = data["household"]
    return {**household["address"], "resident": household["onlineBooking"]["resident"]}


async def written(db: Database) -> tuple[int, int]:
    """(audit entries, pending changes): what a refused input must leave as it was."""
    async with db.read_sessions() as session:
        entries = (await session.exec(select(AuditEntry))).all()
        pending = (await session.exec(select(PendingChange))).all()
    return len(entries), len(pending)


async def test_the_insee_code_tells_the_town_from_its_neighbour_sharing_the_postcode(
    db, browser, clock, smtp
):
    canteen = await make_service(db)
    agent = await staff_client(db, browser)

    # The postcodes alone, as before: the INSEE codes stay as they are (none).
    alone = (await agent.data(CODES, {"postcodes": ["56860"]}))["setResidentPostcodes"]
    assert alone == {"postcodes": ["56860"], "inseeCodes": [], "errors": []}
    # Wrong codes are named, and nothing is written: a Corsican INSEE code is not a postcode, 20 is not
    # Corsica's department in an INSEE code, four digits are not a code.
    before = await written(db)
    wrong = (await agent.data(CODES, {"postcodes": ["56860", "2A004"], "insee": ["20004", "5624", "2b033"]}))[
        "setResidentPostcodes"
    ]
    assert wrong["postcodes"] is None and wrong["inseeCodes"] is None
    assert [(e["field"], e["code"]) for e in wrong["errors"]] == [
        ("postcodes.1", "INVALID"),
        ("inseeCodes.0", "INVALID"),
        ("inseeCodes.1", "INVALID"),
    ]
    assert "INSEE" in wrong["errors"][0]["message"]  # the postcode's message says where INSEE codes go
    assert "2A ou 2B" in wrong["errors"][1]["message"]
    assert await written(db) == before
    assert (await browser().data(TOWN))["town"] == {"residentPostcodes": ["56860"], "residentInseeCodes": []}

    # Séné's INSEE code, spaces left out; readable by anyone, like the postcodes.
    both = (await agent.data(CODES, {"postcodes": ["56860"], "insee": ["56 243"]}))["setResidentPostcodes"]
    assert both == {"postcodes": ["56860"], "inseeCodes": [SENE], "errors": []}
    assert (await browser().data(TOWN))["town"] == {
        "residentPostcodes": ["56860"],
        "residentInseeCodes": [SENE],
    }
    assert [(e.before, e.after, e.entity) for e in await audit(db, "residentPostcodes")] == [
        ("", "56860", "town")
    ]
    [entry] = await audit(db, "residentInseeCodes")
    assert (entry.before, entry.after, entry.entity, entry.household_id) == ("", SENE, "town", None)

    window = await set_window(
        agent,
        canteen,
        openings=[
            {"group": "RESIDENTS", "opensAt": "2027-01-09T09:00:00+01:00"},
            {"group": "NON_RESIDENTS", "opensAt": "2027-01-16T09:00:00+01:00"},
        ],
    )
    assert window["errors"] == []

    town = await family_enrolled(db, browser, canteen, "Emma-Rose", email="lola@famille.test")
    neighbour = await family_enrolled(db, browser, canteen, "Noé", email="remi@famille.test", name="VOISIN")
    unknown = await family_enrolled(db, browser, canteen, "Léa", email="ana@famille.test", name="SANSCODE")
    for family in (town, neighbour, unknown):
        await live_at(db, family, "56860")

    # The family gives Séné's INSEE code in its address: a wrong one is named and nothing is written;
    # the right one waits for staff, like the postcode, then counts.
    before = await written(db)
    bad = (await town.client.data(ADDRESS, {"input": {"address": {"inseeCode": "2C004"}}}))["updateHousehold"]
    assert [(e["field"], e["code"]) for e in bad["errors"]] == [("inseeCode", "INVALID")]
    assert "56243" in bad["errors"][0]["message"]  # the message shows what a code looks like
    assert await written(db) == before
    given = (await town.client.data(ADDRESS, {"input": {"address": {"inseeCode": "56 243"}}}))[
        "updateHousehold"
    ]
    assert given["errors"] == [] and given["pendingFields"] == ["inseeCode"]
    [waiting] = nodes((await agent.data(PENDING))["pendingChanges"])
    assert (waiting["field"], waiting["newValue"]) == ("inseeCode", f'"{SENE}"')
    assert (await agent.data(DECIDE, {"id": waiting["id"]}))["decidePendingChange"]["change"] == {
        "state": "APPROVED"
    }

    # Staff enter the neighbour's code at the counter (applied at once, audited on the household).
    entered = (
        await agent.data(
            ADDRESS, {"id": str(neighbour.built.household.id), "input": {"address": {"inseeCode": NEIGHBOUR}}}
        )
    )["updateHousehold"]
    assert entered["errors"] == [] and entered["changedFields"] == ["inseeCode"]
    assert entered["household"]["address"] == {"postcode": "56860", "inseeCode": NEIGHBOUR, "city": ""}
    [changed] = [e for e in await audit(db, "inseeCode") if e.household_id == neighbour.built.household.id]
    assert (changed.before, changed.after) == ("", NEIGHBOUR)

    assert await residence(town) == {"postcode": "56860", "inseeCode": SENE, "resident": True}
    assert await residence(neighbour) == {"postcode": "56860", "inseeCode": NEIGHBOUR, "resident": False}
    assert await residence(unknown) == {"postcode": "56860", "inseeCode": None, "resident": True}

    # Saturday 9 January, 09:00: the residents' opening. The neighbour waits a week; the family of Séné
    # and the household without INSEE code (its postcode is Séné's) book.
    emma, noe, lea, meal = (
        town.children["Emma-Rose"],
        neighbour.children["Noé"],
        unknown.children["Léa"],
        canteen.unit,
    )
    for family in (town, neighbour, unknown):
        await at_the_second(clock, family, SATURDAY_9_JAN, time(9, 0, 0))
    before_bookings = await booking_counts(db)
    refused = await submit(neighbour, canteen, changes=[change(noe.id, meal.id, MONDAY_25_JAN)])
    assert refused["errors"] == [
        {
            "field": "changes.0.date",
            "code": "NOTHING_TO_SUBMIT",
            "message": "Les réservations ouvrent le samedi 16 janvier 2027 à 9h00.",
        }
    ]
    assert await booking_counts(db) == before_bookings
    for family, child in ((town, emma), (unknown, lea)):
        summary = await preview(family, canteen, changes=[change(child.id, meal.id, MONDAY_25_JAN)])
        assert [line["refusal"] for line in summary["lines"]] == [None]
        taken = await submit(family, canteen, changes=[change(child.id, meal.id, MONDAY_25_JAN)])
        assert taken["errors"] == [] and taken["request"]["state"] == "ACCEPTED"

    # The family clears its code ("" is none): its postcode decides again (once staff approve).
    cleared = (await town.client.data(ADDRESS, {"input": {"address": {"inseeCode": ""}}}))["updateHousehold"]
    assert cleared["errors"] == [] and cleared["pendingFields"] == ["inseeCode"]
    # The town's INSEE codes cleared ([]), the postcodes decide for everyone: the neighbour is resident.
    agent = await staff_client(db, browser, again=True)  # the clock moved past the agent's session
    none = (await agent.data(CODES, {"postcodes": ["56860"], "insee": []}))["setResidentPostcodes"]
    assert none == {"postcodes": ["56860"], "inseeCodes": [], "errors": []}
    assert (await neighbour.client.data(MY_HOUSEHOLD))["household"]["onlineBooking"]["resident"] is True
    assert [(e.before, e.after) for e in await audit(db, "residentInseeCodes")] == [("", SENE), (SENE, "")]
    async with db.read_sessions() as session:
        row = await session.get(Household, neighbour.built.household.id)
    assert row is not None and row.insee_code == NEIGHBOUR
