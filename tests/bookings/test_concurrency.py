"""Places under concurrent submissions, on PostgreSQL (where writers really run side by side): fifty
families ask for the last places of one Wednesday at the same instant, over HTTP. The slot locks
must let exactly ``capacity`` of them through, number the written requests without gaps, give the
waiting line distinct positions, and never answer with a 500 (deadlock, unique violation)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import update
from sqlmodel import select

from portail.db.engine import Database
from portail.db.models import Account, AuthSession, Child, Guardian, Household, HouseholdChild
from portail.db.models.bookings import BookingRequest
from portail.db.models.catalogue import Enrolment, Unit
from portail.rules.tokens import new_token, token_hash
from tests.support.accounts import signed_in, viewer_email
from tests.support.bookings import (
    PLANNING,
    SUBMIT,
    at_town_time,
    booking_counts,
    bookings,
    change,
    family_enrolled,
    make_centre,
)
from tests.support.builders import FAMILY_PASSWORD, hash_password
from tests.support.catalogue import Service
from tests.support.graphql import GraphQLClient

pytestmark = pytest.mark.postgresql_only

TODAY = date(2026, 11, 27)  # a Friday
WEDNESDAY = date(2026, 12, 2)  # bookable until Monday 30th at 10:00
NEXT_WEDNESDAY = date(2026, 12, 9)
CAPACITY = 10
FAMILIES = 50
FULL_MESSAGE = "Il n'y a plus de place pour ce jour."
ALREADY_BOOKED_MESSAGE = "Une présence est déjà demandée pour ce jour."


@dataclass
class Racer:
    """A signed-in family with one child enrolled in the centre."""

    client: GraphQLClient
    child_id: Any
    email: str


async def set_capacity(db: Database, unit: Unit, capacity: int | None) -> None:
    async with db.transaction() as session:
        await session.exec(update(Unit).where(Unit.id == unit.id).values(capacity=capacity))  # type: ignore[arg-type]


async def racers(db: Database, browser: Any, settings: Any, clock: Any, centre: Service, n: int) -> list[Racer]:
    """``n`` families (guardian, account, one child enrolled in ``centre``), each with a live session
    of its own, written in one transaction: the session rows are made as ``login`` makes them (a
    keyed hash of a random token), which spares fifty argon2 verifications. Each client sends its
    token as a bearer token, as the API accepts."""
    password_hash = await hash_password(FAMILY_PASSWORD)
    now = clock.now()
    secret = settings.effective_secret_key
    households, guardians, accounts, children, links, enrolments, sessions = [], [], [], [], [], [], []
    tokens = []
    for i in range(n):
        name = f"FAMILLE{i:02d}"
        email = f"famille{i:02d}@course.test"
        household = Household(name=name)
        guardian = Guardian(household_id=household.id, rank=1, first_name="Parent", last_name=name, email=email)
        account = Account(email=email, guardian_id=guardian.id, password_hash=password_hash, confirmed_at=now)
        child = Child(first_name=f"Enfant{i:02d}", last_name=name, birth_date=date(2016, 9, 3), class_level="CE2")
        token = new_token()
        households.append(household)
        guardians.append(guardian)
        accounts.append(account)
        children.append(child)
        links.append(HouseholdChild(household_id=household.id, child_id=child.id))
        enrolments.append(Enrolment(child_id=child.id, period_id=centre.period.id, household_id=household.id,
                                    requested_by=account.id, state="accepted"))
        sessions.append(AuthSession(token_hash=token_hash(token, secret), account_id=account.id,
                                    created_at=now, last_seen_at=now, expires_at=now + timedelta(hours=2)))
        tokens.append(token)
    async with db.transaction() as session:
        # Parents before the rows that point at them.
        for rows in (households, guardians, accounts, children, links, enrolments, sessions):
            session.add_all(rows)
            await session.flush()
    result = []
    for account, child, token in zip(accounts, children, tokens, strict=True):
        client = browser()
        client.http.headers["Authorization"] = f"Bearer {token}"
        result.append(Racer(client, child.id, account.email))
    # Every one of them is signed in as its own family (and the server's pool is warm).
    emails = await asyncio.gather(*(viewer_email(r.client) for r in result))
    assert emails == [r.email for r in result]
    return result


async def submit_all(racers_: list[Racer], centre: Service, day: date) -> list[dict[str, Any]]:
    """Every racer submits a booking of ``day`` at once; the ``submitBookingRequest`` payloads, in
    the racers' order. No answer may be an HTTP error or a top-level GraphQL error."""
    def request(r: Racer) -> dict[str, Any]:
        return {"input": {"periodId": str(centre.period.id), "changes": [change(r.child_id, centre.unit.id, day)]}}

    responses = await asyncio.gather(*(r.client.raw(SUBMIT, request(r)) for r in racers_))
    problems = [(res.status_code, res.text[:500]) for res in responses
                if res.status_code != 200 or "errors" in res.json()]
    assert problems == [], problems
    return [res.json()["data"]["submitBookingRequest"] for res in responses]


def refused_for(payload: dict[str, Any], message: str) -> bool:
    """Whether ``payload`` is NOTHING_TO_SUBMIT because each of its lines was refused with ``message``
    (one error per line)."""
    errors = payload["errors"]
    return (
        payload["request"] is None
        and len(errors) >= 1
        and all(e["code"] == "NOTHING_TO_SUBMIT" and message in e["message"] for e in errors)
    )


async def mailed(smtp: Any, written: list[Racer], refused: list[Racer]) -> None:
    """Each family whose request was written gets its mail, the others none. Waiting for the outbox
    to drain also lets the server stop with its mail worker idle: ``MailWorker.stop`` cancels the
    worker once, and on Python 3.11 ``asyncio.wait_for`` can swallow that cancellation when the
    awaited result arrives in the same loop turn (the worker's own wake-up wait, or aiosmtplib's
    reply wait mid-delivery); the worker then loops forever and the server never stops."""
    await asyncio.gather(*(smtp.wait_for(r.email, timeout=60) for r in written))
    assert [r.email for r in refused if smtp.to(r.email)] == []


async def request_numbers(db: Database) -> list[int]:
    async with db.read_sessions() as session:
        return sorted((await session.exec(select(BookingRequest.number))).all())


async def test_fifty_families_race_for_ten_places_exactly_ten_get_one(
    db, browser, settings, clock, smtp, live_server
):
    at_town_time(clock, TODAY)
    centre = await make_centre(db, acceptance="automatic", when_full="refuse")
    await set_capacity(db, centre.unit, CAPACITY)
    families = await racers(db, browser, settings, clock, centre, FAMILIES)

    payloads = await submit_all(families, centre, WEDNESDAY)

    written = [(f, p) for f, p in zip(families, payloads, strict=True) if p["request"] is not None]
    refused = [(f, p) for f, p in zip(families, payloads, strict=True) if p["request"] is None]
    assert len(written) == CAPACITY, [p["errors"] for _, p in refused][:3]
    assert all(p["errors"] == [] for _, p in written)
    for _, p in written:
        assert p["request"]["state"] == "ACCEPTED"
        assert [(line["outcome"], line["refusal"]) for line in p["summary"]["lines"]] == [("ACCEPTED", None)]
    # Everyone else was told the day is full, and nothing was written for them.
    assert len(refused) == FAMILIES - CAPACITY
    assert all(refused_for(p, FULL_MESSAGE) for _, p in refused), [p["errors"] for _, p in refused]

    # The database agrees: ten bookings hold a place, those of the ten families answered so.
    held = await bookings(db)
    assert len(held) == CAPACITY
    assert {b.state for b in held} == {"accepted"}
    assert {(b.unit_id, b.day) for b in held} == {(centre.unit.id, WEDNESDAY)}
    assert {b.child_id for b in held} == {f.child_id for f, _ in written}
    assert await booking_counts(db) == {"booking_request": CAPACITY, "booking_line": CAPACITY,
                                        "booking": CAPACITY, "booking_event": CAPACITY}
    # Request numbers: unique and without gaps (a refused submission gives its number back).
    numbers = sorted(p["request"]["number"] for _, p in written)
    assert numbers == list(range(1, CAPACITY + 1))
    assert await request_numbers(db) == numbers
    await mailed(smtp, [f for f, _ in written], [f for f, _ in refused])


async def test_fifty_families_race_with_a_waiting_list_ten_places_and_forty_distinct_positions(
    db, browser, settings, clock, smtp, live_server
):
    at_town_time(clock, TODAY)
    centre = await make_centre(db, acceptance="automatic", when_full="waiting_list")
    await set_capacity(db, centre.unit, CAPACITY)
    families = await racers(db, browser, settings, clock, centre, FAMILIES)

    payloads = await submit_all(families, centre, WEDNESDAY)

    assert all(p["errors"] == [] and p["request"] is not None for p in payloads), [p["errors"] for p in payloads]
    lines = [p["summary"]["lines"] for p in payloads]
    assert all(len(line) == 1 for line in lines)
    outcomes = [line[0]["outcome"] for line in lines]
    assert outcomes.count("ACCEPTED") == CAPACITY
    assert outcomes.count("WAITING") == FAMILIES - CAPACITY
    waiting = {f.child_id: line[0]["waitingPosition"] for f, line in zip(families, lines, strict=True)
               if line[0]["outcome"] == "WAITING"}
    assert sorted(waiting.values()) == list(range(1, FAMILIES - CAPACITY + 1))
    assert all(line[0]["waitingPosition"] is None for line in lines if line[0]["outcome"] == "ACCEPTED")
    states = {p["request"]["state"] for p, o in zip(payloads, outcomes, strict=True) if o == "WAITING"}
    assert states == {"PENDING"}  # waiting for a place

    held = await bookings(db)
    assert sorted(b.state for b in held) == ["accepted"] * CAPACITY + ["waiting"] * (FAMILIES - CAPACITY)
    assert await request_numbers(db) == list(range(1, FAMILIES + 1))
    assert sorted(p["request"]["number"] for p in payloads) == list(range(1, FAMILIES + 1))
    # The line as the families see it afterwards ("Mon planning") is the one they were told.
    week = {"from": WEDNESDAY.isoformat(), "to": WEDNESDAY.isoformat(), "childIds": None,
            "all": False, "others": False}
    seen = await asyncio.gather(*(f.client.data(PLANNING, week) for f in families))
    shown = {}
    for f, planning in zip(families, seen, strict=True):
        [day] = planning["planning"]["days"]
        [booking] = day["bookings"]
        if booking["state"] == "WAITING":
            shown[f.child_id] = booking["waitingPosition"]
    assert shown == waiting
    await mailed(smtp, families, [])


async def test_one_family_submitting_the_same_day_from_two_browsers_books_it_once(
    db, browser, clock, smtp, live_server
):
    at_town_time(clock, TODAY)
    centre = await make_centre(db, acceptance="automatic", when_full="refuse")
    await set_capacity(db, centre.unit, CAPACITY)
    family = await family_enrolled(db, browser, centre, "Emma-Rose")
    other_tab = await signed_in(browser(), family.email, family.built.password)
    emma = family.children["Emma-Rose"]
    # Several rounds, several Wednesdays: each round is one day asked twice at the same instant.
    days = [date(2026, 12, 2), date(2026, 12, 9), date(2026, 12, 16), date(2027, 1, 6), date(2027, 1, 13)]
    for day in days:
        request = {"input": {"periodId": str(centre.period.id), "changes": [change(emma.id, centre.unit.id, day)]}}
        responses = await asyncio.gather(family.client.raw(SUBMIT, request), other_tab.raw(SUBMIT, request))
        assert [r.status_code for r in responses] == [200, 200], [r.text[:500] for r in responses]
        bodies = [r.json() for r in responses]
        assert all("errors" not in b for b in bodies), bodies
        payloads = [b["data"]["submitBookingRequest"] for b in bodies]
        written = [p for p in payloads if p["request"] is not None]
        assert len(written) == 1, (day, payloads)
        assert written[0]["errors"] == [] and written[0]["request"]["state"] == "ACCEPTED"
        [late] = [p for p in payloads if p["request"] is None]
        assert refused_for(late, ALREADY_BOOKED_MESSAGE), late

    held = await bookings(db)
    assert [(b.day, b.state) for b in held] == [(day, "accepted") for day in days]
    assert await request_numbers(db) == list(range(1, len(days) + 1))
    assert len(await smtp.wait_for(family.email, len(days), timeout=60)) == len(days)


async def test_requests_over_two_days_in_opposite_orders_neither_deadlock_nor_overbook(
    db, browser, settings, clock, smtp, live_server
):
    """Half the families list the second Wednesday first: the slot locks are taken in (unit, day)
    order whatever the order of the lines, so the requests queue instead of deadlocking."""
    at_town_time(clock, TODAY)
    centre = await make_centre(db, acceptance="automatic", when_full="refuse")
    await set_capacity(db, centre.unit, CAPACITY)
    families = await racers(db, browser, settings, clock, centre, 30)

    def request(i: int, r: Racer) -> dict[str, Any]:
        days = [WEDNESDAY, NEXT_WEDNESDAY] if i % 2 else [NEXT_WEDNESDAY, WEDNESDAY]
        return {"input": {"periodId": str(centre.period.id),
                          "changes": [change(r.child_id, centre.unit.id, d) for d in days]}}

    responses = await asyncio.gather(*(r.client.raw(SUBMIT, request(i, r)) for i, r in enumerate(families)))
    problems = [(res.status_code, res.text[:500]) for res in responses
                if res.status_code != 200 or "errors" in res.json()]
    assert problems == [], problems
    payloads = [res.json()["data"]["submitBookingRequest"] for res in responses]
    written = [p for p in payloads if p["request"] is not None]
    assert all(refused_for(p, FULL_MESSAGE) for p in payloads if p["request"] is None)
    taken = [line["date"] for p in written for line in p["summary"]["lines"] if line["outcome"] == "ACCEPTED"]
    assert sorted(taken) == [WEDNESDAY.isoformat()] * CAPACITY + [NEXT_WEDNESDAY.isoformat()] * CAPACITY

    held = await bookings(db)
    per_day = {d: sum(1 for b in held if b.day == d and b.state == "accepted") for d in (WEDNESDAY, NEXT_WEDNESDAY)}
    assert per_day == {WEDNESDAY: CAPACITY, NEXT_WEDNESDAY: CAPACITY}
    assert len(held) == 2 * CAPACITY
    assert await request_numbers(db) == list(range(1, len(written) + 1))
    await mailed(smtp, [f for f, p in zip(families, payloads, strict=True) if p["request"] is not None],
                 [f for f, p in zip(families, payloads, strict=True) if p["request"] is None])
