"""Staff reject a self-registration (``rejectRegistration``): the household, its account and whatever the
family handed in go, nothing is kept but an audit entry, and the family is mailed the reason. And the
registrations whose address is never confirmed are removed by the mail worker's job after
``registration_unconfirmed_days``, safely on several server instances at once."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta
from typing import Any

import pytest
from sqlmodel import func, select

from portail.db.models import (
    Account,
    AuditEntry,
    AuthSession,
    Child,
    Consent,
    Guardian,
    Household,
    HouseholdChild,
    OneTimeToken,
)
from portail.resolvers.registration import purge_unconfirmed_registrations
from tests.registration.test_self_registration import (
    CONFIRM,
    REGISTER,
    WAITING,
    family,
    open_registration,
    solved,
)
from tests.support.accounts import signed_in
from tests.support.builders import make_family, make_staff

REJECT = """mutation($id: ID!, $reason: String!) { rejectRegistration(householdId: $id, reason: $reason) {
  ok errors { field code } } }"""
REASON = "Votre foyer n'habite pas la commune : adressez-vous à la mairie de votre domicile."


@pytest.fixture
def settings(settings):
    """An easy proof of work, room for every registration from the one test address, and the app's own
    mail worker polling rarely: it runs the purge job too (on its polls), and the tests call it."""
    return settings.model_copy(
        update={"altcha_max_number": 1000, "registration_address_free_attempts": 50, "mail_poll_seconds": 3600}
    )


async def rows_left(db) -> dict[str, int]:
    async with db.read_sessions() as session:
        return {
            table.__name__: (await session.exec(select(func.count()).select_from(table))).one()
            for table in (Household, Guardian, Account, Child, HouseholdChild, Consent, AuthSession, OneTimeToken)
        }


async def registered(gql: Any, smtp: Any, email: str, *, confirm: bool) -> None:
    assert (await gql.data(REGISTER, family(await solved(gql), email)))["registerFamily"]["ok"]
    if confirm:
        [mail] = await smtp.wait_for(email)
        assert (await gql.data(CONFIRM, {"token": mail.token()}))["confirmAccount"]["errors"] == []


async def test_staff_reject_a_registration_which_leaves_nothing_but_an_audit_entry(db, gql, browser, smtp):
    await open_registration(db)
    known = await make_family(db, "julie.durand@example.org", name="DURAND")
    staff = await signed_in(browser(), (agent := await make_staff(db)).email, agent.password)
    before = await rows_left(db)
    await registered(gql, smtp, "marc.durand@example.org", confirm=True)  # gql is now signed in as Marc
    [edge] = (await staff.data(WAITING))["waitingRegistrations"]["edges"]
    waiting = edge["node"]["id"]

    # No reason, or one too long: said on `reason`, nothing removed.
    for reason, code in (("  ", "REQUIRED"), ("x" * 1001, "TOO_LONG")):
        refused = (await staff.data(REJECT, {"id": waiting, "reason": reason}))["rejectRegistration"]
        assert refused == {"ok": False, "errors": [{"field": "reason", "code": code}]}
    # A household that does not wait (the town's), or one that does not exist: not found.
    for other in (str(known.household.id), str(uuid.uuid4())):
        refused = (await staff.data(REJECT, {"id": other, "reason": REASON}))["rejectRegistration"]
        assert refused == {"ok": False, "errors": [{"field": "householdId", "code": "NOT_FOUND"}]}
    assert (await rows_left(db))["Household"] == before["Household"] + 1

    rejected = (await staff.data(REJECT, {"id": waiting, "reason": REASON}))["rejectRegistration"]
    assert rejected == {"ok": True, "errors": []}

    # Nothing of the family is left (the town's DURAND untouched), its session ended, the reason mailed.
    assert await rows_left(db) == before
    assert (await gql.data("{ viewer { account { email } } }"))["viewer"] is None
    [*_, mail] = await smtp.wait_for("marc.durand@example.org", count=3)
    assert "pas été acceptée" in mail.subject and REASON in mail.text
    async with db.read_sessions() as session:
        [audit] = (await session.exec(select(AuditEntry).where(AuditEntry.entity_id == uuid.UUID(waiting)))).all()
    assert (audit.field, audit.before, audit.after, audit.household_id) == (
        "rejectedRegistration", "Durand", REASON, None)
    assert audit.author_id is not None
    again = (await staff.data(REJECT, {"id": waiting, "reason": REASON}))["rejectRegistration"]
    assert again["errors"] == [{"field": "householdId", "code": "NOT_FOUND"}]
    # The address is free again: the family may register anew.
    assert (await gql.data(REGISTER, family(await solved(gql))))["registerFamily"]["ok"]
    assert (await rows_left(db))["Household"] == before["Household"] + 1


async def test_registrations_never_confirmed_are_removed_after_the_days_set(db, gql, settings, clock, smtp):
    await open_registration(db)
    before = await rows_left(db)
    await registered(gql, smtp, "jamais.confirme@example.org", confirm=False)
    await registered(gql, smtp, "confirme@example.org", confirm=True)
    assert settings.registration_unconfirmed_days == 7

    # Six days on: nothing is due.
    clock.travel_to(clock.now() + timedelta(days=6))
    assert await purge_unconfirmed_registrations(db, settings, clock) == 0
    assert (await rows_left(db))["Household"] == before["Household"] + 2

    # Past seven days: the unconfirmed one goes, with its account and its token; the confirmed one stays.
    clock.travel_to(clock.now() + timedelta(days=1, minutes=1))
    assert await purge_unconfirmed_registrations(db, settings, clock) == 1
    async with db.read_sessions() as session:
        emails = (await session.exec(select(Account.email))).all()
        [audit] = (await session.exec(select(AuditEntry).where(AuditEntry.field == "unconfirmedRegistration"))).all()
        households = (await session.exec(select(Household.name))).all()
    assert emails == ["confirme@example.org"]
    assert households == ["Durand"]
    assert (audit.before, audit.after, audit.household_id, audit.author_id) == ("Durand", "supprimé", None, None)
    assert await purge_unconfirmed_registrations(db, settings, clock) == 0


@pytest.mark.postgresql_only
async def test_several_instances_purging_at_once_remove_each_registration_once(db, gql, settings, clock, smtp):
    await open_registration(db)
    for i in range(4):
        await registered(gql, smtp, f"famille{i}@example.org", confirm=False)
    clock.travel_to(clock.now() + timedelta(days=8))
    done = await asyncio.gather(*(purge_unconfirmed_registrations(db, settings, clock) for _ in range(3)))
    # The app's own mail worker may take part (a fourth instance): each household is removed once.
    for _ in range(500):
        if (await rows_left(db))["Household"] == 0:
            break
        await asyncio.sleep(0.01)
    assert await rows_left(db) == dict.fromkeys(await rows_left(db), 0)
    async with db.read_sessions() as session:
        audit = (await session.exec(select(AuditEntry.entity_id).where(AuditEntry.field == "unconfirmedRegistration"))).all()
    assert len(audit) == len(set(audit)) == 4
    assert 1 <= sum(done) <= 4
