"""When bookings open, and for whom (issue 15, item 2): staff set the canteen's opening ("les
réservations ouvrent le samedi 9 janvier 2027 à 9h00 pour les habitants, une semaine plus tard pour les
extérieurs"), its close and read-only date, the town's postcodes, a household's category, and suspend a
household's online bookings. Families meet each in ``catalogue``, ``bookableDays`` and
``previewBookingRequest`` / ``submitBookingRequest``, the server's clock moved to the second."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from sqlmodel import col, select

from portail.db.engine import Database
from portail.db.models import Household
from portail.db.models.records import AuditEntry
from tests.bookings.test_deadlines import day_window, only_unit, outcomes, preview, submit, travel
from tests.support.accounts import signed_in
from tests.support.bookings import booking_counts, change, family_enrolled, paris
from tests.support.builders import STAFF_PASSWORD, make_staff
from tests.support.catalogue import ERRORS, Service, make_service

WINDOW = """mutation($id: ID!, $input: BookingWindowInput!) { setBookingWindow(periodId: $id, input: $input) {
  period { bookingWindow { opensAt openings { group opensAt } groupsOnly closesAt readOnlyFrom intro } }
  errors { field code message } } }"""
POSTCODES = f"""mutation($codes: [String!]!) {{ setResidentPostcodes(postcodes: $codes) {{ postcodes {ERRORS} }} }}"""
HOUSEHOLD = "household { id onlineBooking { resident category suspension { reason since } } }"
CATEGORY = f"""mutation($id: ID!, $category: String!) {{ setHouseholdCategory(householdId: $id, category: $category) {{
  {HOUSEHOLD} {ERRORS} }} }}"""
SUSPEND = f"""mutation($id: ID!, $reason: String!) {{ suspendOnlineBooking(householdId: $id, reason: $reason) {{
  {HOUSEHOLD} {ERRORS} }} }}"""
RESUME = f"""mutation($id: ID!) {{ resumeOnlineBooking(householdId: $id) {{ {HOUSEHOLD} {ERRORS} }} }}"""
CATALOGUE = """query($childId: ID!) { catalogue(childId: $childId) { activities { periods { id
  bookingWindow { state bookableNow opensAt closesAt readOnlyFrom message intro } } } } }"""
MY_HOUSEHOLD = "{ household { onlineBooking { resident category suspension { reason since } } } }"

SATURDAY_9_JAN, SATURDAY_16_JAN = date(2027, 1, 9), date(2027, 1, 16)
MONDAY_25_JAN = date(2027, 1, 25)
INTRO = "Les réservations du deuxième trimestre.\n\nPensez à inscrire vos enfants."


async def at_the_second(clock: Any, family: Any, day: date, at: time) -> None:
    """The server's clock at ``day``, ``at`` (town time) to the second, and stopped there: a request a
    few hundred milliseconds later must still be at 08:59:59."""
    await travel(clock, family, day, at)
    clock.stop_at(paris(day, at))


async def staff_client(db: Database, browser: Any, *, again: bool = False) -> Any:
    """Staff signed in (``again``: the same agent, after the clock moved past the first session)."""
    if again:
        return await signed_in(browser(), "agent@mairie.test", STAFF_PASSWORD)
    staff = await make_staff(db)
    return await signed_in(browser(), staff.email, staff.password)


async def live_at(db: Database, family: Any, postcode: str) -> None:
    async with db.transaction() as session:
        row = await session.get(Household, family.built.household.id)
        assert row is not None
        row.postcode = postcode
        session.add(row)


async def set_window(agent: Any, service: Service, **window: Any) -> dict[str, Any]:
    result = (await agent.data(WINDOW, {"id": str(service.period.id), "input": window}))["setBookingWindow"]
    return result  # type: ignore[no-any-return]


async def window_of(family: Any, child: Any) -> dict[str, Any]:
    data = await family.client.data(CATALOGUE, {"childId": str(child.id)})
    (period,) = [p for f in data["catalogue"] for a in f["activities"] for p in a["periods"]]
    return period["bookingWindow"]  # type: ignore[no-any-return]


async def audit(db: Database, field: str) -> list[AuditEntry]:
    async with db.read_sessions() as session:
        rows = await session.exec(select(AuditEntry).where(col(AuditEntry.field) == field))
        return list(rows.all())


async def test_residents_book_at_nine_and_the_others_a_week_later(db, browser, clock, smtp):
    """At 08:59:59 on Saturday 9 January nothing is bookable, and the reason names the time; at 09:00:00
    a resident books; an outsider waits until Saturday 16 January, 09:00:00."""
    canteen = await make_service(db)
    agent = await staff_client(db, browser)
    codes = (await agent.data(POSTCODES, {"codes": ["56860", "56 243"]}))["setResidentPostcodes"]
    assert codes == {"postcodes": ["56860", "56243"], "errors": []}
    window = await set_window(
        agent,
        canteen,
        openings=[
            {"group": "RESIDENTS", "opensAt": "2027-01-09T09:00:00+01:00"},
            {"group": "non_residents", "opensAt": "2027-01-16T09:00:00+01:00"},
        ],
        intro=INTRO,
    )
    assert window["errors"] == []
    assert window["period"]["bookingWindow"] == {
        "opensAt": None,
        "openings": [
            {"group": "RESIDENTS", "opensAt": "2027-01-09T09:00:00+01:00"},
            {"group": "NON_RESIDENTS", "opensAt": "2027-01-16T09:00:00+01:00"},
        ],
        "groupsOnly": False,
        "closesAt": None,
        "readOnlyFrom": None,
        "intro": INTRO,
    }
    assert [(e.before, e.after) for e in await audit(db, "bookingOpenings")] == [
        ("", "RESIDENTS : samedi 9 janvier 2027 à 9h00; NON_RESIDENTS : samedi 16 janvier 2027 à 9h00")
    ]
    resident = await family_enrolled(db, browser, canteen, "Emma-Rose", email="lola@famille.test")
    outsider = await family_enrolled(db, browser, canteen, "Noé", email="remi@famille.test", name="EXTERIEUR")
    await live_at(db, resident, "56860")
    await live_at(db, outsider, "56000")
    emma, noe, meal = resident.children["Emma-Rose"], outsider.children["Noé"], canteen.unit
    assert (await resident.client.data(MY_HOUSEHOLD))["household"]["onlineBooking"] == {
        "resident": True,
        "category": None,
        "suspension": None,
    }
    assert (await outsider.client.data(MY_HOUSEHOLD))["household"]["onlineBooking"]["resident"] is False

    # 08:59:59: not yet, the catalogue, the calendar and the summary say when.
    await at_the_second(clock, resident, SATURDAY_9_JAN, time(8, 59, 59))
    shown = await window_of(resident, emma)
    assert shown == {
        "state": "NOT_OPEN_YET",
        "bookableNow": False,
        "opensAt": "2027-01-09T09:00:00+01:00",
        "closesAt": None,
        "readOnlyFrom": None,
        "message": "Les réservations ouvrent le samedi 9 janvier 2027 à 9h00.",
        "intro": INTRO,
    }
    day = only_unit((await day_window(resident, emma, canteen, MONDAY_25_JAN, MONDAY_25_JAN))["2027-01-25"])
    assert (day["bookable"], day["refusal"], day["message"]) == (
        False,
        "BOOKING_NOT_OPEN",
        "Les réservations ouvrent le samedi 9 janvier 2027 à 9h00.",
    )
    summary = await preview(resident, canteen, changes=[change(emma.id, meal.id, MONDAY_25_JAN)])
    assert outcomes(summary) == [("2027-01-25", None, "BOOKING_NOT_OPEN")]
    before = await booking_counts(db)
    refused = await submit(resident, canteen, changes=[change(emma.id, meal.id, MONDAY_25_JAN)])
    assert refused["errors"] == [
        {
            "field": "changes.0.date",
            "code": "NOTHING_TO_SUBMIT",
            "message": "Les réservations ouvrent le samedi 9 janvier 2027 à 9h00.",
        }
    ]
    assert await booking_counts(db) == before

    # 09:00:00 sharp: the resident books; the outsider is told the 16th.
    await at_the_second(clock, resident, SATURDAY_9_JAN, time(9, 0, 0))
    assert (await window_of(resident, emma))["state"] == "OPEN"
    taken = await submit(resident, canteen, changes=[change(emma.id, meal.id, MONDAY_25_JAN)])
    assert taken["errors"] == [] and taken["request"]["state"] == "ACCEPTED"
    await at_the_second(clock, outsider, SATURDAY_9_JAN, time(9, 0, 0))
    assert (await window_of(outsider, noe))["message"] == "Les réservations ouvrent le samedi 16 janvier 2027 à 9h00."
    summary = await preview(outsider, canteen, changes=[change(noe.id, meal.id, MONDAY_25_JAN)])
    assert outcomes(summary) == [("2027-01-25", None, "BOOKING_NOT_OPEN")]

    # A week later, at 08:59:59 still not; at 09:00:00 the outsider books.
    await at_the_second(clock, outsider, SATURDAY_16_JAN, time(8, 59, 59))
    summary = await preview(outsider, canteen, changes=[change(noe.id, meal.id, MONDAY_25_JAN)])
    assert outcomes(summary) == [("2027-01-25", None, "BOOKING_NOT_OPEN")]
    await at_the_second(clock, outsider, SATURDAY_16_JAN, time(9, 0, 0))
    taken = await submit(outsider, canteen, changes=[change(noe.id, meal.id, MONDAY_25_JAN)])
    assert taken["errors"] == [] and taken["request"]["state"] == "ACCEPTED"


async def test_after_the_close_and_from_the_read_only_date_nothing_changes(db, browser, clock, smtp):
    """Booked before the close, a day can no longer be cancelled after it (BOOKING_CLOSED), nor anything
    booked; from the read-only date the refusal says so (PERIOD_READ_ONLY)."""
    canteen = await make_service(db)
    agent = await staff_client(db, browser)
    result = await set_window(
        agent,
        canteen,
        opensAt="2027-01-04T08:00:00Z",
        closesAt="2027-01-20T18:00:00+01:00",
        readOnlyFrom="2027-01-23T00:00:00+01:00",
    )
    assert result["errors"] == []
    family = await family_enrolled(db, browser, canteen, "Emma-Rose")
    emma, meal = family.children["Emma-Rose"], canteen.unit
    await at_the_second(clock, family, date(2027, 1, 20), time(17, 59, 59))
    taken = await submit(family, canteen, changes=[change(emma.id, meal.id, MONDAY_25_JAN)])
    assert taken["errors"] == [] and taken["request"]["state"] == "ACCEPTED"

    await at_the_second(clock, family, date(2027, 1, 20), time(18, 0))
    closed = "Les réservations de cette période sont closes depuis le mercredi 20 janvier 2027 à 18h00."
    summary = await preview(
        family,
        canteen,
        changes=[change(emma.id, meal.id, MONDAY_25_JAN, "CANCEL"), change(emma.id, meal.id, date(2027, 1, 26))],
    )
    assert outcomes(summary) == [("2027-01-25", None, "BOOKING_CLOSED"), ("2027-01-26", None, "BOOKING_CLOSED")]
    assert {line["message"] for line in summary["lines"]} == {closed}
    day = only_unit((await day_window(family, emma, canteen, MONDAY_25_JAN, MONDAY_25_JAN))["2027-01-25"])
    assert (day["cancellable"], day["cancellationMessage"]) == (False, closed)

    await travel(clock, family, date(2027, 1, 23), time(0, 0))
    shown = await window_of(family, emma)
    assert (shown["state"], shown["bookableNow"], shown["readOnlyFrom"]) == (
        "READ_ONLY",
        False,
        "2027-01-23T00:00:00+01:00",
    )
    summary = await preview(family, canteen, changes=[change(emma.id, meal.id, MONDAY_25_JAN, "CANCEL")])
    assert outcomes(summary) == [("2027-01-25", None, "PERIOD_READ_ONLY")]


async def test_a_period_for_a_category_and_a_suspended_household(db, browser, clock, smtp):
    """A period open only to the AGENTS category is NOT_FOR_HOUSEHOLD to others until staff give the
    household that category; staff suspend the household's online bookings with a reason the family
    reads on every line and on its household, then lift it. Every change is in the audit trail."""
    canteen = await make_service(db)
    agent = await staff_client(db, browser)
    result = await set_window(
        agent,
        canteen,
        openings=[{"group": "AGENTS", "opensAt": "2027-01-04T09:00:00+01:00"}],
        groupsOnly=True,
    )
    assert result["errors"] == []
    family = await family_enrolled(db, browser, canteen, "Emma-Rose")
    emma, meal = family.children["Emma-Rose"], canteen.unit
    household_id = str(family.built.household.id)
    await travel(clock, family, date(2027, 1, 11))
    summary = await preview(family, canteen, changes=[change(emma.id, meal.id, MONDAY_25_JAN)])
    assert outcomes(summary) == [("2027-01-25", None, "NOT_FOR_HOUSEHOLD")]
    assert (await window_of(family, emma))["state"] == "NOT_FOR_HOUSEHOLD"

    agent = await staff_client(db, browser, again=True)
    bad = (await agent.data(CATEGORY, {"id": household_id, "category": "agents municipaux"}))["setHouseholdCategory"]
    assert (bad["household"], [(e["field"], e["code"]) for e in bad["errors"]]) == (None, [("category", "INVALID")])
    given = (await agent.data(CATEGORY, {"id": household_id, "category": "agents"}))["setHouseholdCategory"]
    assert given["errors"] == [] and given["household"]["onlineBooking"]["category"] == "AGENTS"
    assert (await family.client.data(MY_HOUSEHOLD))["household"]["onlineBooking"]["category"] == "AGENTS"
    summary = await preview(family, canteen, changes=[change(emma.id, meal.id, MONDAY_25_JAN)])
    assert outcomes(summary) == [("2027-01-25", "ACCEPTED", None)]

    # A suspension needs a reason, then holds back every line with it.
    empty = (await agent.data(SUSPEND, {"id": household_id, "reason": " "}))["suspendOnlineBooking"]
    assert [(e["field"], e["code"]) for e in empty["errors"]] == [("reason", "REASON_REQUIRED")]
    reason = "Facture de cantine impayée : passez en mairie."
    done = (await agent.data(SUSPEND, {"id": household_id, "reason": reason}))["suspendOnlineBooking"]
    assert done["errors"] == [] and done["household"]["onlineBooking"]["suspension"]["reason"] == reason
    seen = (await family.client.data(MY_HOUSEHOLD))["household"]["onlineBooking"]["suspension"]
    assert seen["reason"] == reason and seen["since"].startswith("2027-01-11T")
    summary = await preview(family, canteen, changes=[change(emma.id, meal.id, MONDAY_25_JAN)])
    assert outcomes(summary) == [("2027-01-25", None, "BOOKING_SUSPENDED")]
    assert summary["lines"][0]["message"] == (
        f"Les réservations en ligne de votre foyer sont suspendues par le service enfance. Motif : {reason}"
    )
    day = only_unit((await day_window(family, emma, canteen, MONDAY_25_JAN, MONDAY_25_JAN))["2027-01-25"])
    assert (day["bookable"], day["refusal"]) == (False, "BOOKING_SUSPENDED")

    lifted = (await agent.data(RESUME, {"id": household_id}))["resumeOnlineBooking"]
    assert lifted["errors"] == [] and lifted["household"]["onlineBooking"]["suspension"] is None
    taken = await submit(family, canteen, changes=[change(emma.id, meal.id, MONDAY_25_JAN)])
    assert taken["errors"] == [] and taken["request"]["state"] == "ACCEPTED"
    assert [(e.before, e.after) for e in await audit(db, "bookingSuspension")] in (
        [("", reason), (reason, "")],
        [(reason, ""), ("", reason)],
    )
    assert [(e.before, e.after) for e in await audit(db, "bookingCategory")] == [("", "AGENTS")]


async def test_bad_settings_are_named_and_write_nothing(db, browser):
    canteen = await make_service(db)
    agent = await staff_client(db, browser)
    result = await set_window(
        agent,
        canteen,
        opensAt="2027-01-09T09:00:00+01:00",
        openings=[
            {"group": "tout le monde", "opensAt": "2027-01-09T09:00:00+01:00"},
            {"group": "RESIDENTS", "opensAt": "2027-01-09T09:00:00+01:00"},
            {"group": "RESIDENTS", "opensAt": "2027-01-10T09:00:00+01:00"},
        ],
        closesAt="2027-01-09T09:00:00+01:00",
        readOnlyFrom="2027-01-01T00:00:00+01:00",
        intro="x" * 4001,
    )
    assert result["period"] is None
    assert sorted((e["field"], e["code"]) for e in result["errors"]) == [
        ("closesAt", "INVALID"),
        ("intro", "TOO_LONG"),
        ("openings.0.group", "INVALID"),
        ("openings.2.group", "INVALID"),
        ("readOnlyFrom", "INVALID"),
    ]
    only = await set_window(agent, canteen, groupsOnly=True)
    assert [(e["field"], e["code"]) for e in only["errors"]] == [("groupsOnly", "REQUIRED")]
    codes = (await agent.data(POSTCODES, {"codes": ["56860", "Séné"]}))["setResidentPostcodes"]
    assert codes["postcodes"] is None
    assert [(e["field"], e["code"]) for e in codes["errors"]] == [("postcodes.1", "INVALID")]
    missing = (await agent.data(SUSPEND, {"id": str(canteen.period.id), "reason": "x"}))["suspendOnlineBooking"]
    assert [(e["field"], e["code"]) for e in missing["errors"]] == [("householdId", "NOT_FOUND")]
    assert await audit(db, "bookingOpenings") == []
    assert await audit(db, "residentPostcodes") == []
    async with db.read_sessions() as session:
        from portail.db.models.catalogue import Period

        period = await session.get(Period, canteen.period.id)
        assert period is not None
        assert (period.booking_opens_at, period.booking_openings, period.booking_intro) == (None, "[]", "")


TARIFF = f"""mutation($id: ID!, $tariff: [TariffBracketInput!]) {{ setNonResidentTariff(unitId: $id, tariff: $tariff) {{
  unit {{ tariff {{ maxQuotient price }} nonResidentTariff {{ maxQuotient price }} }} {ERRORS} }} }}"""
PRICES = """query($childId: ID!) { catalogue(childId: $childId) { activities { periods { units { price priceText } } } } }"""


async def test_households_outside_the_town_pay_the_out_of_town_tariff(db, browser, clock, smtp):
    """The canteen's meal costs families outside the town 5,90 € whatever their quotient; residents keep
    the quotient grid. The catalogue, the day window, the summary and the booking say the same price."""
    canteen = await make_service(db)  # 1,20 € / 2,50 € / 4,10 € by quotient
    agent = await staff_client(db, browser)
    assert (await agent.data(POSTCODES, {"codes": ["56860"]}))["setResidentPostcodes"]["errors"] == []
    bad = (await agent.data(TARIFF, {"id": str(canteen.unit.id), "tariff": [{"maxQuotient": 500, "price": -1}]}))
    assert sorted((e["field"], e["code"]) for e in bad["setNonResidentTariff"]["errors"]) == [
        ("tariff", "INVALID"),
        ("tariff.0.price", "INVALID"),
    ]
    done = (await agent.data(TARIFF, {"id": str(canteen.unit.id), "tariff": [{"maxQuotient": None, "price": 590}]}))
    assert done["setNonResidentTariff"] == {
        "unit": {
            "tariff": [
                {"maxQuotient": 500, "price": 120},
                {"maxQuotient": 1000, "price": 250},
                {"maxQuotient": None, "price": 410},
            ],
            "nonResidentTariff": [{"maxQuotient": None, "price": 590}],
        },
        "errors": [],
    }
    resident = await family_enrolled(db, browser, canteen, "Emma-Rose", email="lola@famille.test")
    outsider = await family_enrolled(db, browser, canteen, "Noé", email="remi@famille.test", name="EXTERIEUR")
    await live_at(db, resident, "56860")
    await live_at(db, outsider, "56000")
    async with db.transaction() as session:
        for family in (resident, outsider):
            row = await session.get(Household, family.built.household.id)
            assert row is not None
            row.family_quotient = 450
            session.add(row)
    emma, noe, meal = resident.children["Emma-Rose"], outsider.children["Noé"], canteen.unit
    await travel(clock, resident, date(2027, 1, 11))
    await travel(clock, outsider, date(2027, 1, 11))
    for family, child, price, text in ((resident, emma, 120, "1,20\u00a0€"), (outsider, noe, 590, "5,90\u00a0€")):
        data = await family.client.data(PRICES, {"childId": str(child.id)})
        (unit,) = [u for f in data["catalogue"] for a in f["activities"] for p in a["periods"] for u in p["units"]]
        assert (unit["price"], unit["priceText"]) == (price, text)
        day = only_unit((await day_window(family, child, canteen, MONDAY_25_JAN, MONDAY_25_JAN))["2027-01-25"])
        assert day["price"] == price
        taken = await submit(family, canteen, changes=[change(child.id, meal.id, MONDAY_25_JAN)])
        assert taken["errors"] == [] and taken["summary"]["total"] == price
    assert [(e.before, e.after) for e in await audit(db, "nonResidentTariff")] == [("", "[[null, 590]]")]


async def test_the_intro_is_formatted_text_as_the_towns_other_texts(db, browser):
    """Staff write the intro as they write the news (Markdown): families read a link and a list; a
    ``<script>`` typed in it is shown as text, never run."""
    canteen = await make_service(db)
    agent = await staff_client(db, browser)
    intro = (
        "Inscriptions de l'été : lisez [le règlement](https://www.ville.test/reglement).\n\n"
        "- Apportez une gourde\n- Une casquette\n\n<script>alert('x')</script>"
    )
    window = await set_window(agent, canteen, intro=intro)
    assert window["errors"] == [] and window["period"]["bookingWindow"]["intro"] == intro
    family = await family_enrolled(db, browser, canteen, "Emma-Rose", email="lola@famille.test")
    data = await family.client.data(
        """query($childId: ID!) { catalogue(childId: $childId) { activities { periods {
        bookingWindow { intro introHtml } } } } }""",
        {"childId": str(family.children["Emma-Rose"].id)},
    )
    (shown,) = [p["bookingWindow"] for f in data["catalogue"] for a in f["activities"] for p in a["periods"]]
    assert shown["intro"] == intro  # as typed, for clients that show text
    html = shown["introHtml"]
    assert '<a href="https://www.ville.test/reglement" rel="noopener noreferrer">le règlement</a>' in html
    assert "<ul>\n<li>Apportez une gourde</li>\n<li>Une casquette</li>\n</ul>" in html
    assert "<script" not in html and "&lt;script&gt;" in html
    # Staff see it as families will.
    again = await agent.data(
        """mutation($id: ID!, $input: BookingWindowInput!) { setBookingWindow(periodId: $id, input: $input) {
        period { bookingWindow { introHtml } } errors { code } } }""",
        {"id": str(canteen.period.id), "input": {"intro": intro}},
    )
    assert again["setBookingWindow"] == {"period": {"bookingWindow": {"introHtml": html}}, "errors": []}
