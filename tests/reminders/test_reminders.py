"""A family's reminders: the invoice falling due, the CAF certificate running out, the records to confirm
again, next month's canteen not booked yet; each switched on or off in its preferences, each mailed once
by the mail worker's job, however many instances run it and however often."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

import pytest
from sqlalchemy import func
from sqlmodel import select

from portail.db.engine import Database
from portail.db.models import Document, Invoice, OutboxMail, ReminderSent
from portail.resolvers.reminders import send_reminders
from tests.support.accounts import signed_in
from tests.support.bookings import at_town_time, enrol
from tests.support.builders import make_family
from tests.support.catalogue import make_service
from tests.support.documents import codes, make_child, make_document_type

PREFERENCES = "{ notificationPreferences { kind label enabled isDefault leadDays } }"
UPDATE = """mutation($p: [NotificationPreferenceInput!]!) {
  updateNotificationPreferences(preferences: $p) { preferences { kind enabled isDefault } errors { field code message } }
}"""


async def sent(db: Database, kind: str | None = None) -> int:
    async with db.read_sessions() as session:
        query = select(func.count()).select_from(ReminderSent)
        if kind:
            query = query.where(ReminderSent.kind == kind)
        return (await session.exec(query)).one()


async def queued(db: Database, template: str) -> list[OutboxMail]:
    async with db.read_sessions() as session:
        return list((await session.exec(select(OutboxMail).where(OutboxMail.template == template))).all())


async def make_invoice(db: Database, family, regie, due: date, number: int = 1, state: str = "unpaid") -> Invoice:
    invoice = Invoice(
        regie_id=regie.id, household_id=family.household.id, year=2026, number=number, origin="basket",
        due_date=due, total=4140, paid=0, state=state, billed_name="MARTIN",
    )
    async with db.transaction() as session:
        session.add(invoice)
    return invoice


async def test_preferences_default_and_switch(db, browser):
    family = await make_family(db)
    client = await signed_in(browser(), family.email, family.password)
    defaults = (await client.data(PREFERENCES))["notificationPreferences"]
    assert [(p["kind"], p["enabled"], p["isDefault"], p["leadDays"]) for p in defaults] == [
        ("BOOKING_DEADLINE", False, True, 3),
        ("INVOICE_DUE", True, True, 5),
        ("DOCUMENT_EXPIRING", True, True, 30),
        ("SECTION_TO_RECERTIFY", True, True, 30),
    ]
    assert defaults[1]["label"] == "Une facture à payer arrive à échéance"
    changed = (await client.data(UPDATE, {"p": [{"kind": "BOOKING_DEADLINE", "enabled": True},
                                                {"kind": "INVOICE_DUE", "enabled": False}]}))
    prefs = changed["updateNotificationPreferences"]["preferences"]
    assert [(p["kind"], p["enabled"], p["isDefault"]) for p in prefs] == [
        ("BOOKING_DEADLINE", True, False),
        ("INVOICE_DUE", False, False),
        ("DOCUMENT_EXPIRING", True, True),
        ("SECTION_TO_RECERTIFY", True, True),
    ]
    # Set again: the later choice wins.
    again = await client.data(UPDATE, {"p": [{"kind": "INVOICE_DUE", "enabled": True}]})
    assert again["updateNotificationPreferences"]["preferences"][1]["enabled"] is True
    twice = (await client.data(UPDATE, {"p": [{"kind": "INVOICE_DUE", "enabled": True},
                                              {"kind": "INVOICE_DUE", "enabled": False}]}))
    assert codes(twice["updateNotificationPreferences"]) == [("preferences.1.kind", "INVALID")]
    assert (await client.data(PREFERENCES))["notificationPreferences"][1]["enabled"] is True


async def test_an_invoice_falling_due_is_reminded_once(db, browser, settings, smtp, clock, live_server):
    at_town_time(clock, date(2027, 1, 5))
    family = await make_family(db, "lola.martin@example.org")
    service = await make_service(db)
    await make_invoice(db, family, service.regie, date(2027, 1, 15))

    # Ten days ahead: not yet.
    await send_reminders(db, settings, clock)
    assert await sent(db) == 0

    # Five days ahead: the family is mailed, with the invoice's number, amount and due date.
    at_town_time(clock, date(2027, 1, 10))
    await send_reminders(db, settings, clock)
    [mail] = await smtp.wait_for(family.email)
    assert "à régler avant le 15/01/2027" in mail.subject
    assert "41,40" in mail.text and mail.link() == "http://portail.test/factures"

    # Not again: the next hour, the next day, on its due date.
    for moment in (timedelta(hours=1), timedelta(days=1), timedelta(days=4)):
        clock.travel(moment)
        await send_reminders(db, settings, clock)
    await asyncio.sleep(0.5)
    assert await sent(db, "invoice_due") == 1
    assert len(await queued(db, "reminder_invoice_due")) == 1
    assert len(smtp.to(family.email)) == 1


async def test_switched_off_a_reminder_is_not_sent(db, browser, settings, smtp, clock, live_server):
    at_town_time(clock, date(2027, 1, 10))
    family = await make_family(db)
    client = await signed_in(browser(), family.email, family.password)
    off = await client.data(UPDATE, {"p": [{"kind": "INVOICE_DUE", "enabled": False}]})
    assert off["updateNotificationPreferences"]["errors"] == []
    service = await make_service(db)
    await make_invoice(db, family, service.regie, date(2027, 1, 12))
    await send_reminders(db, settings, clock)
    assert await sent(db) == 0

    # Switched on again: it goes out (its due date has not passed).
    await client.data(UPDATE, {"p": [{"kind": "INVOICE_DUE", "enabled": True}]})
    await send_reminders(db, settings, clock)
    assert await sent(db, "invoice_due") == 1
    assert (await smtp.wait_for(family.email))[0].subject.startswith("Votre facture")


async def test_a_document_running_out_and_records_to_confirm(db, browser, settings, smtp, clock, live_server):
    at_town_time(clock, date(2027, 1, 10))
    family = await make_family(db)
    emma = await make_child(db, family.household, "Emma-Rose")
    caf = await make_document_type(db, "ATTESTATION_CAF", "Attestation CAF")
    document = Document(
        household_id=family.household.id, type_id=caf.id, filename="caf.pdf", content_type="application/pdf",
        size=10, sha256="0" * 64, storage_key="k", state="accepted", uploaded_by=family.account.id,
        valid_until=date(2027, 1, 31),
    )
    # Emma-Rose's records were certified a year ago (the town's default: 12 months).
    emma.certified_at = clock.now() - timedelta(days=350)
    async with db.transaction() as session:
        session.add(document)
        session.add(emma)

    await send_reminders(db, settings, clock)
    mails = await smtp.wait_for(family.email, count=2)
    subjects = sorted(m.subject for m in mails)
    assert subjects[0].startswith("Confirmez le dossier d'Emma-Rose MARTIN avant le")
    assert subjects[1] == "Votre document « Attestation CAF » expire le 31/01/2027"
    await send_reminders(db, settings, clock)
    assert await sent(db) == 2


async def test_next_months_canteen_not_booked_is_reminded_when_switched_on(
    db, browser, settings, smtp, clock, live_server
):
    at_town_time(clock, date(2027, 1, 27))
    family = await make_family(db)
    leo = await make_child(db, family.household, "Léo")
    canteen = await make_service(db)  # REPAS: booked up to 2 days before, 10:00
    await enrol(db, leo.id, canteen, family.household, family.account.id)

    # Off by default.
    await send_reminders(db, settings, clock)
    assert await sent(db) == 0

    client = await signed_in(browser(), family.email, family.password)
    await client.data(UPDATE, {"p": [{"kind": "BOOKING_DEADLINE", "enabled": True}]})
    await send_reminders(db, settings, clock)
    [mail] = await smtp.wait_for(family.email)
    assert mail.subject == "Réservez avant le 30/01/2027 à 10:00 pour Léo MARTIN"
    assert "01/02/2027" in mail.text and mail.link() == "http://portail.test/planning"
    assert await sent(db, "booking_deadline") == 1


@pytest.mark.postgresql_only
async def test_two_instances_running_the_job_at_once_send_it_once(db, settings, clock):
    at_town_time(clock, date(2027, 1, 10))
    families = [await make_family(db, f"parent{i}@famille.test", name=f"FAMILLE{i}") for i in range(5)]
    service = await make_service(db)
    for i, family in enumerate(families):
        await make_invoice(db, family, service.regie, date(2027, 1, 12), number=i + 1)
    other = Database(settings.database_url)
    try:
        counts = await asyncio.gather(
            send_reminders(db, settings, clock), send_reminders(other, settings, clock),
            send_reminders(db, settings, clock), send_reminders(other, settings, clock),
        )
    finally:
        await other.dispose()
    assert sum(counts) == 5
    assert await sent(db) == 5
    mails = await queued(db, "reminder_invoice_due")
    assert sorted(m.recipient for m in mails) == sorted(f.email for f in families)

