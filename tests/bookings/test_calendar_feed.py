"""The planning in a phone's calendar: the family creates its private link, the calendar subscribes
(a plain GET, no cookie), reads every booking as an all-day event; a day cancelled in the portal shows
as cancelled at the next fetch; revoking the link (or creating a new one) makes the old one answer 404,
like a forged one. The feed is parsed with the `icalendar` library, as a calendar would."""

from __future__ import annotations

from datetime import date, time
from typing import Any
from urllib.parse import urlsplit

import httpx
from icalendar import Calendar

from tests.support.bookings import at_town_time, change, family_enrolled, make_centre, repeat
from tests.support.counts import statements

TODAY = date(2026, 11, 27)  # a Friday: December's Wednesdays are bookable
WEDNESDAYS = [date(2026, 12, 2), date(2026, 12, 9), date(2026, 12, 16)]
CREATE = "mutation { createCalendarFeed { url feed { createdAt } errors { field code message } } }"
REVOKE = "mutation { revokeCalendarFeed { revoked errors { field code message } } }"
FEED = "query { calendarFeed { createdAt } }"
SUBMIT = """mutation($input: BookingRequestInput!) { submitBookingRequest(input: $input) {
  errors { field code message } } }"""


SERVER = ""  # the live server's address, set by each test (the links name PORTAIL_API_URL's host)


async def fetch(url: str) -> httpx.Response:
    """What a calendar application does: a GET without cookies (to the test server, on loopback)."""
    async with httpx.AsyncClient(timeout=30) as calendar_app:
        return await calendar_app.get(SERVER + urlsplit(url).path)


def events(response: httpx.Response) -> dict[date, Any]:
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return {e.decoded("dtstart"): e for e in calendar.walk("VEVENT")}


async def test_the_planning_in_a_phones_calendar_follows_a_cancellation_and_stops_when_revoked(
    db, browser, clock, smtp, live_server, settings
):
    global SERVER
    SERVER = live_server.url
    at_town_time(clock, TODAY, time(9, 0))
    centre = await make_centre(db)
    family = await family_enrolled(db, browser, centre, "Emma-Rose", "Léo")
    emma = family.children["Emma-Rose"]
    period = str(centre.period.id)
    wednesdays = repeat([emma.id], [centre.unit.id], ["WEDNESDAY"], start=WEDNESDAYS[0], end=WEDNESDAYS[-1])
    booked = await family.client.data(SUBMIT, {"input": {"periodId": period, "repeats": [wednesdays]}})
    assert booked["submitBookingRequest"]["errors"] == []
    assert (await family.client.data(FEED))["calendarFeed"] is None

    # "S'abonner au calendrier": a private link, given once.
    created = (await family.client.data(CREATE))["createCalendarFeed"]
    assert created["errors"] == []
    url = created["url"]
    assert url.startswith(f"{settings.effective_api_url}/calendrier/") and url.endswith(".ics")
    assert (await family.client.data(FEED))["calendarFeed"] == created["feed"]

    first = await fetch(url)
    shown = events(first)
    assert sorted(shown) == WEDNESDAYS
    day = shown[WEDNESDAYS[1]]
    assert str(day["summary"]) == "JOURNEE CENTRE AERE MERCREDI – Emma-Rose"
    assert str(day["status"]) == "CONFIRMED"
    assert day.decoded("dtend") == date(2026, 12, 10)  # an all-day event
    assert "Présence acceptée" in str(day["description"])
    assert first.headers["cache-control"] == "private, no-cache"
    assert "TEST" in str(Calendar.from_ical(first.content)["x-wr-calname"])

    # The 9th cancelled in the portal: the next fetch shows it cancelled, same UID, a higher SEQUENCE.
    cancelled = await family.client.data(
        SUBMIT, {"input": {"periodId": period, "changes": [change(emma.id, centre.unit.id, WEDNESDAYS[1], "CANCEL")]}}
    )
    assert cancelled["submitBookingRequest"]["errors"] == []
    again = events(await fetch(url))
    assert str(again[WEDNESDAYS[1]]["status"]) == "CANCELLED"
    assert str(again[WEDNESDAYS[1]]["uid"]) == str(day["uid"])
    assert int(again[WEDNESDAYS[1]]["sequence"]) > int(day["sequence"])
    assert [str(again[d]["status"]) for d in (WEDNESDAYS[0], WEDNESDAYS[2])] == ["CONFIRMED", "CONFIRMED"]

    # The feed costs the same statements however many bookings it shows.
    with statements(live_server.app.state.db) as seen:
        await fetch(url)
    assert len(seen) <= 4, seen

    # A new link revokes the old one; revoking leaves none; a forged link looks the same.
    renewed = (await family.client.data(CREATE))["createCalendarFeed"]["url"]
    assert renewed != url
    assert (await fetch(url)).status_code == 404
    assert sorted(events(await fetch(renewed))) == WEDNESDAYS
    assert (await family.client.data(REVOKE))["revokeCalendarFeed"] == {"revoked": True, "errors": []}
    gone = await fetch(renewed)
    assert gone.status_code == 404 and "révoqué" in gone.text
    assert (await family.client.data(REVOKE))["revokeCalendarFeed"]["revoked"] is False
    assert (await family.client.data(FEED))["calendarFeed"] is None
    forged = renewed.rsplit("/", 1)[0] + "/" + "A" * 43 + ".ics"
    assert (await fetch(forged)).status_code == 404
    assert (await fetch(f"{settings.effective_api_url}/calendrier/%3Cscript%3E.ics")).status_code == 404


async def test_each_household_sees_only_its_own_planning_and_anonymous_callers_get_no_link(
    db, browser, clock, smtp, live_server, settings
):
    global SERVER
    SERVER = live_server.url
    at_town_time(clock, TODAY, time(9, 0))
    centre = await make_centre(db)
    ours = await family_enrolled(db, browser, centre, "Emma-Rose")
    theirs = await family_enrolled(db, browser, centre, "Basile", email="autre@famille.test", name="AUTRE")
    basile = theirs.children["Basile"]
    booked = await theirs.client.data(
        SUBMIT, {"input": {"periodId": str(centre.period.id), "changes": [change(basile.id, centre.unit.id, WEDNESDAYS[0])]}}
    )
    assert booked["submitBookingRequest"]["errors"] == []

    our_url = (await ours.client.data(CREATE))["createCalendarFeed"]["url"]
    their_url = (await theirs.client.data(CREATE))["createCalendarFeed"]["url"]
    assert events(await fetch(our_url)) == {}
    assert list(events(await fetch(their_url))) == [WEDNESDAYS[0]]
    # One family revoking its link leaves the other's working.
    await ours.client.data(REVOKE)
    assert (await fetch(their_url)).status_code == 200

    anonymous = await browser()(CREATE)
    assert anonymous["data"] is None and anonymous["errors"]
