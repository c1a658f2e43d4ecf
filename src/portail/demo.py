"""The guide's demo town: household "TEST", children Paul and Emma-Rose, a family and a staff login,
the town's document types and consents.

Safe to run twice: what exists is left as it is (passwords are set again to the printed ones).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import select

from portail.adapters.hashing import hash_password
from portail.db.engine import AsyncSession, Database
from portail.db.models import (
    Account,
    AuthorizedPerson,
    Child,
    ConsentDefinition,
    DocumentType,
    Guardian,
    Household,
    HouseholdChild,
    Vaccination,
)
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
            # Paul's record is complete; Emma-Rose's still has sections to fill in, as a family
            # finds it at its first connection.
            paul = Child(
                first_name="Paul",
                last_name="TEST",
                birth_date=date(2014, 5, 12),
                sex="M",
                school="École Albert Camus",
                class_level="CM2",
                diet="NONE",
                doctor_name="Dr Le Goff",
                doctor_phone="+33297000001",
                allergies="",
                medical_notes="",
            )
            emma = Child(
                first_name="Emma-Rose",
                last_name="TEST",
                birth_date=date(2016, 9, 3),
                sex="F",
                school="École Georges Pompidou",
                class_level="CE2",
                diet="VEGETARIAN",
                food_allergies="Arachides",
                allergies="Pollen",
            )
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
                    Vaccination(child_id=paul.id, vaccine="DTP", vaccinated_on=date(2015, 7, 1)),
                    Vaccination(child_id=paul.id, vaccine="ROR", vaccinated_on=date(2015, 5, 20)),
                    AuthorizedPerson(
                        child_id=paul.id,
                        first_name="Jeanne",
                        last_name="TEST",
                        relation="Grand-mère",
                        mobile_phone="+33698765432",
                        may_pick_up=True,
                        emergency_contact=True,
                    ),
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
        await _consents(session)
    return DemoLogins()


# The consents the town asks for: (kind, title, text, per child).
DEMO_CONSENTS = (
    (
        "IMAGE_RIGHTS",
        "Droit à l'image",
        "J'autorise la ville à photographier ou filmer mon enfant lors des activités et à diffuser ces "
        "images dans ses publications (journal municipal, site internet), sans usage commercial.",
        True,
    ),
    (
        "EMERGENCY_CARE",
        "Soins d'urgence",
        "J'autorise le responsable de l'accueil à prendre toute mesure d'urgence (SAMU, pompiers, "
        "hospitalisation) rendue nécessaire par l'état de santé de mon enfant.",
        True,
    ),
    (
        "LEAVE_ALONE",
        "Départ seul",
        "J'autorise mon enfant à quitter seul l'accueil à l'heure de fin des activités.",
        True,
    ),
    (
        "OUTINGS_TRANSPORT",
        "Sorties et transports",
        "J'autorise mon enfant à participer aux sorties organisées par l'accueil et à utiliser les "
        "transports prévus (car, minibus, transports en commun).",
        True,
    ),
    (
        "RULES_CHILD_SERVICES",
        "Règlement des services enfance",
        "Je reconnais avoir pris connaissance du règlement intérieur de la restauration scolaire et "
        "des accueils périscolaires et extrascolaires, et je l'accepte.",
        False,
    ),
)


async def _consents(session: AsyncSession) -> None:
    """The demo's consents, first version; those already there are left as staff set them."""
    existing = set((await session.exec(select(ConsentDefinition.kind))).all())
    for kind, title, text, per_child in DEMO_CONSENTS:
        if kind not in existing:
            session.add(
                ConsentDefinition(
                    kind=kind, title=title, text=text, scope="child" if per_child else "household"
                )
            )


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
