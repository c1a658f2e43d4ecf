"""Staff anonymise a household that has left: its invoices, payments and their amounts stay, and
nothing that identifies a person is left anywhere (searched for in every column of every table). A
household that still has business with the town is refused; a family cannot reach the mutation; a child
shared with another household stays as that household knows it."""

from __future__ import annotations

import uuid
from datetime import date

import sqlalchemy as sa
from sqlmodel import SQLModel, select

import portail.db.models  # noqa: F401  (every table in the metadata)
from portail.db.models import (
    AuthorizedPerson,
    Child,
    ChildDiet,
    ChildIllness,
    ChildInsurance,
    Guardian,
    HealthListItem,
    Household,
    HouseholdChild,
    Vaccination,
)
from portail.db.models.invoices import Invoice, InvoiceLine
from portail.db.models.payments import Payment
from portail.resolvers.anonymisation import ERASURE
from portail.resolvers.personal_data import HELD
from portail.schema.ids import to_id
from tests.payments.test_invoices import RECORD, RUN, invoiced_family
from tests.support.accounts import login_codes
from tests.support.builders import make_family
from tests.support.documents import make_document_type, pdf_bytes, upload
from tests.support.messages import start_thread

ANONYMISE = """mutation($id: ID!) { anonymiseHousehold(householdId: $id) { householdId anonymisedAt
  errors { field code message } } }"""
MARK = "zorglub"  # in every name, address, phone note and free text of the household below
EMAIL = "lola@famille.test"  # invoiced_family's sign-in address


def test_every_table_about_households_says_what_anonymising_does_to_it():
    assert sorted(ERASURE) == sorted(h.table for h in HELD)


async def everything_said_about(db, *needles: str) -> list[str]:
    """Every table.column whose value holds one of ``needles`` (case-insensitive), all rows read."""
    found = []
    async with db.read_sessions() as session:
        for table in SQLModel.metadata.tables.values():
            for row in (await session.exec(sa.select(table))).all():
                for column, value in row._mapping.items():
                    text = str(value).lower()
                    if any(n.lower() in text for n in needles):
                        found.append(f"{table.name}.{column}")
    return sorted(set(found))


async def test_a_household_that_left_keeps_its_invoices_and_names_no_one(
    db, browser, clock, smtp, live_server, settings
):
    _, family, client, agent = await invoiced_family(db, browser, clock, smtp)
    household_id = family.built.household.id
    emma = family.children["Emma-Rose"]
    # The household's record, filled the way families fill it (each value carries the mark).
    async with db.transaction() as session:
        household = await session.get(Household, household_id)
        household.name = "ZORGLUB"
        household.address_street, household.city = "Rue Zorglub", "Zorglubville"
        household.insee_code = "2A004"  # the commune goes with the address
        household.main_phone, household.caf_number = "+33297000042", "ZORGLUB42"
        household.remarks = "Zorglub : portail bleu"
        household.booking_suspension_reason = "M. Zorglub doit passer en mairie"
        guardian = await session.get(Guardian, family.built.guardian.id)
        guardian.first_name, guardian.last_name, guardian.employer = "Zorglubine", "ZORGLUB", "Zorglub SA"
        guardian.birth_date = date(1985, 4, 1)
        child = await session.get(Child, emma.id)
        child.first_name, child.last_name = "Zorglubette", "ZORGLUB"
        child.doctor_name, child.allergies = "Dr Zorglub", "zorglubine (arachide)"
        child.medical_notes = "Asthme, ventoline : Zorglub"
        child.doctor_address = "3 rue Zorglub"
        session.add_all([
            household, guardian, child,
            AuthorizedPerson(child_id=emma.id, first_name="Mamie", last_name="ZORGLUB", mobile_phone="+33612345678"),
            Vaccination(child_id=emma.id, vaccine="DTP Zorglub", vaccinated_on=date(2020, 1, 1)),
        ])
    # A message to the service about the allergy, with the certificate (the mark in its text and file).
    started = await start_thread(
        client, [("zorglub-certificat.pdf", pdf_bytes("Certificat Zorglub"), "application/pdf")],
        topic="HEALTH", subject="Allergie Zorglub", body="Zorglubette est allergique.",
    )
    assert started["errors"] == [], started
    caf = await make_document_type(db)
    handed_in = await upload(client, ("zorglub-caf.pdf", pdf_bytes("CAF Zorglub"), "application/pdf"), str(caf.id))
    assert handed_in["errors"] == []
    # The health form: a diet and an illness of the town's lists, an insurance whose certificate was handed in.
    diet = HealthListItem(kind="DIET", code="NO_PORK", label="Sans porc")
    illness = HealthListItem(kind="ILLNESS", code="VARICELLE", label="Varicelle")
    async with db.transaction() as session:
        session.add_all([diet, illness])
        await session.flush()
        session.add_all([
            ChildDiet(child_id=emma.id, item_id=diet.id),
            ChildIllness(child_id=emma.id, item_id=illness.id, year=2020),
            ChildInsurance(child_id=emma.id, company="Zorglub Assurances", policy_number="ZORGLUB-1",
                           certificate_id=uuid.UUID(handed_in["document"]["id"])),
        ])
    # January invoiced to "ZORGLUB": the invoice keeps the name it was billed to until anonymised.
    assert (await agent.data(RUN, {"month": "2027-01"}))["runInvoicing"]["errors"] == []
    async with db.read_sessions() as session:
        [invoice] = (await session.exec(select(Invoice))).all()
    assert MARK in invoice.billed_name.lower()

    # Money still owed: refused, nothing written.
    owed = (await agent.data(ANONYMISE, {"id": str(household_id)}))["anonymiseHousehold"]
    assert [(e["field"], e["code"]) for e in owed["errors"]] == [("householdId", "HOUSEHOLD_STILL_ACTIVE")]
    assert "facture" in owed["errors"][0]["message"]
    assert await everything_said_about(db, MARK) != []

    # Paid at the desk; a family cannot anonymise (not even itself); staff can.
    paid = (await agent.data(RECORD, {"id": str(to_id(invoice.id)), "method": "CHEQUE", "amount": invoice.total}))
    assert paid["recordPayment"]["errors"] == []
    refused = await client(ANONYMISE, {"id": str(household_id)})
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    done = (await agent.data(ANONYMISE, {"id": str(household_id)}))["anonymiseHousehold"]
    assert done["errors"] == [] and done["householdId"] == str(household_id) and done["anonymisedAt"]

    # Nothing names anyone, anywhere; the invoice, its lines and the payment keep their amounts.
    assert await everything_said_about(db, MARK, EMAIL, "+33297000042", "+33612345678", "1985-04-01") == []
    async with db.read_sessions() as session:
        assert (await session.get(Household, household_id)).insee_code is None  # digits: read, not searched
        [kept] = (await session.exec(select(Invoice))).all()
        lines = (await session.exec(select(InvoiceLine))).all()
        [payment] = (await session.exec(select(Payment))).all()
    assert (kept.number, kept.total, kept.paid, kept.state, kept.billed_name) == (
        invoice.number, invoice.total, invoice.total, "paid", "ANONYME"
    )
    assert sum(line.amount for line in lines) == invoice.total and len(lines) == 3
    async with db.read_sessions() as session:
        for table in (ChildDiet, ChildIllness, ChildInsurance):
            assert (await session.exec(select(table))).all() == [], table
    assert (payment.amount, payment.method) == (invoice.total, "cheque")
    # The files handed in (the CAF certificate, the message's attachment) are gone from the storage.
    assert not [p for p in settings.storage_path.rglob("*") if p.is_file()]
    # The family can no longer sign in; the household is not anonymised twice; an unknown id is not found.
    assert await login_codes(browser(), EMAIL, family.built.password) == ["INVALID_CREDENTIALS"]
    twice = (await agent.data(ANONYMISE, {"id": str(household_id)}))["anonymiseHousehold"]
    assert [e["code"] for e in twice["errors"]] == ["ALREADY_ANONYMISED"]
    unknown = (await agent.data(ANONYMISE, {"id": str(uuid.uuid4())}))["anonymiseHousehold"]
    assert [e["code"] for e in unknown["errors"]] == ["NOT_FOUND"]


async def test_a_shared_child_stays_with_the_other_household(db, browser, clock, smtp, live_server):
    _, family, _, agent = await invoiced_family(db, browser, clock, smtp)
    # January was only booked, not invoiced: nothing owed, nothing ahead (it is February).
    shared = family.children["Emma-Rose"]
    other = await make_family(db, "pere@famille.test", name="DURAND")
    async with db.transaction() as session:
        session.add(HouseholdChild(household_id=other.household.id, child_id=shared.id))
    done = (await agent.data(ANONYMISE, {"id": str(family.built.household.id)}))["anonymiseHousehold"]
    assert done["errors"] == []
    async with db.read_sessions() as session:
        child = await session.get(Child, shared.id)
        links = (await session.exec(select(HouseholdChild).where(HouseholdChild.child_id == shared.id))).all()
    assert child.first_name == "Emma-Rose"
    assert [link.household_id for link in links] == [other.household.id]
