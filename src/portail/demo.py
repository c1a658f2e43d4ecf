"""The guide's demo town: household "TEST", children Paul and Emma-Rose, a family and a staff login.

Safe to run twice: what exists is left as it is (passwords are set again to the printed ones).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import select

from portail.adapters.hashing import hash_password
from portail.db.engine import AsyncSession, Database
from portail.db.models import Account, Child, DocumentType, Guardian, Household, HouseholdChild
from portail.db.models.base import utcnow

FAMILY_EMAIL = "famille.test@example.org"
FAMILY_PASSWORD = "Surveillance-15-Compiegne"
STAFF_EMAIL = "agent.enfance@example.org"
STAFF_PASSWORD = "Enfance-Mairie-Sene-2026"


@dataclass(frozen=True)
class DemoLogins:
    """What ``portail demo`` prints."""

    family_email: str = FAMILY_EMAIL
    family_password: str = FAMILY_PASSWORD
    staff_email: str = STAFF_EMAIL
    staff_password: str = STAFF_PASSWORD


async def load_demo(db: Database) -> DemoLogins:
    """Create (or refresh) the demo household and logins."""
    family_hash = await hash_password(FAMILY_PASSWORD)
    staff_hash = await hash_password(STAFF_PASSWORD)
    async with db.transaction() as session:
        account = (await session.exec(select(Account).where(Account.email == FAMILY_EMAIL))).first()
        if account is None:
            household = Household(
                name="TEST",
                civility="M. et Mme",
                address_number="15",
                address_street="Rue de la Surveillance",
                postcode="60200",
                city="COMPIEGNE",
            )
            guardian = Guardian(
                household_id=household.id,
                rank=1,
                civility="Mme",
                first_name="Lola",
                last_name="TEST",
                email=FAMILY_EMAIL,
                mobile_phone="+33612345678",
            )
            other = Guardian(
                household_id=household.id,
                rank=2,
                civility="M.",
                first_name="Marc",
                last_name="TEST",
            )
            paul = Child(first_name="Paul", last_name="TEST", birth_date=date(2014, 5, 12), sex="M")
            emma = Child(first_name="Emma-Rose", last_name="TEST", birth_date=date(2016, 9, 3), sex="F")
            account = Account(email=FAMILY_EMAIL, guardian_id=guardian.id, confirmed_at=utcnow())
            # No ORM relationships: parents are flushed before the rows that point to them.
            session.add_all([household, paul, emma])
            await session.flush()
            session.add_all([guardian, other])
            await session.flush()
            session.add_all(
                [
                    HouseholdChild(household_id=household.id, child_id=paul.id),
                    HouseholdChild(household_id=household.id, child_id=emma.id),
                    account,
                ]
            )
        account.password_hash = family_hash
        account.confirmed_at = account.confirmed_at or utcnow()

        staff = (await session.exec(select(Account).where(Account.email == STAFF_EMAIL))).first()
        if staff is None:
            staff = Account(
                email=STAFF_EMAIL,
                is_staff=True,
                first_name="Agent",
                last_name="Enfance",
                confirmed_at=utcnow(),
            )
            session.add(staff)
        staff.password_hash = staff_hash
    async with db.transaction() as session:
        await _document_types(session)
    return DemoLogins()


# The supporting documents the town asks for: (code, label, per child, validity in months).
DEMO_DOCUMENT_TYPES = (
    ("ATTESTATION_CAF", "Attestation CAF (quotient familial)", False, 12),
    ("ASSURANCE", "Attestation d'assurance (responsabilité civile et extrascolaire)", False, 12),
    ("VACCINATIONS", "Carnet de vaccinations (pages des vaccins)", True, None),
    ("PAI", "Projet d'accueil individualisé (PAI)", True, 12),
    ("JUSTIFICATIF_DOMICILE", "Justificatif de domicile de moins de 3 mois", False, None),
)


async def _document_types(session: AsyncSession) -> None:
    """The demo's document types; those already there are left as staff set them."""
    existing = set((await session.exec(select(DocumentType.code))).all())
    for code, label, per_child, months in DEMO_DOCUMENT_TYPES:
        if code not in existing:
            session.add(DocumentType(code=code, label=label, per_child=per_child, validity_months=months))
