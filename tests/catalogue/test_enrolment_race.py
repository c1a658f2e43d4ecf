"""The last places of a group under concurrent enrolments, on PostgreSQL (where writers really run side
by side): thirty families ask for the five places of "Maternelles" at the same instant, over HTTP. The
group's row lock lets exactly five through; with a waiting line the others wait with distinct ranks;
no answer is a 500 (deadlock, unique violation)."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from typing import Any

import pytest
from sqlmodel import select

from portail.db.models import Account, AuthSession, Child, Guardian, Household, HouseholdChild
from portail.db.models.catalogue import Enrolment, EnrolmentGroup
from portail.rules.tokens import new_token, token_hash
from tests.support.accounts import viewer_email
from tests.support.builders import FAMILY_PASSWORD, hash_password
from tests.support.catalogue import ERRORS, make_service

pytestmark = pytest.mark.postgresql_only

FAMILIES = 30
CAPACITY = 5
ENROLL = f"""mutation($childId: ID!, $periodId: ID!, $groupId: ID) {{
  enrollChild(childId: $childId, periodId: $periodId, groupId: $groupId) {{
    enrolment {{ id state waitingRank }} {ERRORS} }} }}"""


async def families(db, browser, settings, clock, n):
    """``n`` signed-in families with one child each (sessions written as ``login`` writes them)."""
    password_hash = await hash_password(FAMILY_PASSWORD)
    now = clock.now()
    batches: list[list[Any]] = [[], [], [], [], [], []]
    racers = []
    for i in range(n):
        email = f"famille{i:02d}@course.test"
        household = Household(name=f"FAMILLE{i:02d}")
        guardian = Guardian(household_id=household.id, rank=1, first_name="Parent", last_name=household.name,
                            email=email)
        account = Account(email=email, guardian_id=guardian.id, password_hash=password_hash, confirmed_at=now)
        child = Child(first_name=f"Enfant{i:02d}", last_name=household.name, birth_date=date(2021, 3, 3),
                      class_level="MS")
        token = new_token()
        session = AuthSession(token_hash=token_hash(token, settings.effective_secret_key), account_id=account.id,
                              created_at=now, last_seen_at=now, expires_at=now + timedelta(hours=2))
        for batch, row in zip(batches, (household, guardian, account, child,
                                        HouseholdChild(household_id=household.id, child_id=child.id), session),
                              strict=True):
            batch.append(row)
        client = browser()
        client.http.headers["Authorization"] = f"Bearer {token}"
        racers.append((client, child.id, email))
    async with db.transaction() as s:
        for batch in batches:
            s.add_all(batch)
            await s.flush()
    emails = await asyncio.gather(*(viewer_email(c) for c, _, _ in racers))
    assert emails == [e for _, _, e in racers]
    return racers


async def race(racers, period_id, group_id):
    responses = await asyncio.gather(*(
        client.raw(ENROLL, {"childId": str(child_id), "periodId": str(period_id), "groupId": str(group_id)})
        for client, child_id, _ in racers))
    problems = [(r.status_code, r.text[:300]) for r in responses if r.status_code != 200 or "errors" in r.json()]
    assert problems == [], problems
    return [r.json()["data"]["enrollChild"] for r in responses]


async def club_with_group(db, **settings):
    service = await make_service(db, "ACCUEIL PERISCOLAIRE", "GARDERIE", "GARDERIE 2026-2027", "SOIR",
                                 regie="REGIE PERISCOLAIRE", **settings)
    group = EnrolmentGroup(activity_id=service.activity.id, name="Maternelles", capacity=CAPACITY)
    async with db.transaction() as session:
        session.add(group)
    return service, group


async def stored(db):
    async with db.read_sessions() as session:
        return list((await session.exec(select(Enrolment))).all())


async def test_thirty_families_race_for_five_places_of_a_group_exactly_five_get_one(
    db, browser, settings, clock, smtp, live_server
):
    service, group = await club_with_group(db)
    racers = await families(db, browser, settings, clock, FAMILIES)

    payloads = await race(racers, service.period.id, group.id)

    taken = [p for p in payloads if p["enrolment"] is not None]
    refused = [p for p in payloads if p["enrolment"] is None]
    assert len(taken) == CAPACITY
    assert {p["enrolment"]["state"] for p in taken} == {"ACCEPTED"}
    assert len(refused) == FAMILIES - CAPACITY
    assert {(e["field"], e["code"]) for p in refused for e in p["errors"]} == {("groupId", "GROUP_FULL")}
    rows = await stored(db)
    assert len(rows) == CAPACITY and {r.state for r in rows} == {"accepted"}
    assert {r.group_id for r in rows} == {group.id}
    # Let the mail worker finish before the server stops (see tests/bookings/test_concurrency.py).
    await asyncio.gather(*(smtp.wait_for(e, timeout=60) for (c, child, e), p in zip(racers, payloads, strict=True)
                           if p["enrolment"] is not None))


async def test_with_a_waiting_line_five_get_a_place_and_the_others_distinct_ranks(
    db, browser, settings, clock, smtp, live_server
):
    service, group = await club_with_group(db, enrolment_when_full="waiting_list")
    racers = await families(db, browser, settings, clock, FAMILIES)

    payloads = await race(racers, service.period.id, group.id)

    assert all(p["errors"] == [] for p in payloads), [p["errors"] for p in payloads][:3]
    states = [p["enrolment"]["state"] for p in payloads]
    assert states.count("ACCEPTED") == CAPACITY
    assert states.count("WAITING") == FAMILIES - CAPACITY
    ranks = sorted(p["enrolment"]["waitingRank"] for p in payloads if p["enrolment"]["state"] == "WAITING")
    assert ranks == list(range(1, FAMILIES - CAPACITY + 1))
    rows = await stored(db)
    assert sum(r.state == "accepted" for r in rows) == CAPACITY
    assert sum(r.state == "waiting" for r in rows) == FAMILIES - CAPACITY
    await asyncio.gather(*(smtp.wait_for(e, timeout=60) for _, _, e in racers))
