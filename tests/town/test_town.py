"""The town a client shows: its name and address, and today's date there. A family's phone may be set to
another time zone or a wrong date; the planning opens on the town's month and counts deadlines from the
town's day, so the API says which day it is (no sign-in needed, as on the sign-in page)."""

from __future__ import annotations

from datetime import UTC, datetime

TOWN = "query { town { name address today } }"


async def test_anyone_reads_the_towns_name_address_and_date(browser, clock, settings):
    clock.travel_to(datetime(2026, 12, 14, 9, 0, tzinfo=UTC))
    town = (await browser().data(TOWN))["town"]
    assert town == {"name": settings.town_name, "address": settings.town_address, "today": "2026-12-14"}


async def test_the_date_is_the_towns_not_utcs(browser, clock):
    # 23:30 UTC on New Year's Eve is already 00:30 on 1 January in Paris (UTC+1 in winter); in summer,
    # 22:30 UTC is 00:30 the next day (UTC+2).
    clock.travel_to(datetime(2026, 12, 31, 23, 30, tzinfo=UTC))
    assert (await browser().data(TOWN))["town"]["today"] == "2027-01-01"
    clock.travel_to(datetime(2027, 6, 30, 22, 30, tzinfo=UTC))
    assert (await browser().data(TOWN))["town"]["today"] == "2027-07-01"
    clock.travel_to(datetime(2027, 6, 30, 21, 30, tzinfo=UTC))
    assert (await browser().data(TOWN))["town"]["today"] == "2027-06-30"
