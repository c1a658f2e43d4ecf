"""The household-with-children benchmark's data, query and fiche sanitaire timing.

``fill_household`` turns the demo household into the benchmark's: three children, every section
of each filled in (schooling, meals, health, two vaccinations, two authorised persons, an answer
to every consent the town asks), written straight into the tables.
"""

from __future__ import annotations

import statistics
import time
import uuid
from dataclasses import dataclass
from datetime import date

from sqlmodel import col, delete, select

from portail.adapters.pdf import HealthFormData, health_form_pdf
from portail.clock import Clock
from portail.db.engine import Database
from portail.db.models import (
    Account,
    AuthorizedPerson,
    Child,
    Consent,
    ConsentDefinition,
    Guardian,
    Household,
    HouseholdChild,
    Vaccination,
)
from portail.demo import FAMILY_EMAIL
from portail.resolvers.printable_forms import health_form, health_form_data

CHILDREN = 3

HOUSEHOLD_QUERY = (
    "{ household { name address { number street postcode city mainPhone } "
    "complementary { cafNumber familyQuotient insuranceCompany } "
    "guardians { firstName lastName mobilePhone email } "
    "children { id firstName lastName birthDate sex schooling { school classLevel } "
    "meals { diet foodAllergies } health { doctorName doctorPhone allergies medicalNotes hasPai } "
    "vaccinations { vaccine vaccinatedOn } "
    "authorizedPersons { firstName lastName mobilePhone mayPickUp emergencyContact } } } }"
)

PRINTABLE_FORMS_QUERY = "{ printableForms { kind childId downloadUrl } }"

# Per child: identity and every section, as a family would fill them in.
CHILD_RECORDS = (
    dict(
        first_name="Paul",
        birth_date=date(2014, 5, 12),
        sex="M",
        school="École Albert Camus",
        class_level="CM2",
        diet="NO_PORK",
        food_allergies="Arachides, fruits à coque",
        doctor_name="Dr Le Goff",
        doctor_phone="+33344000001",
        allergies="Pénicilline",
        medical_notes="Asthme d'effort : Ventoline dans le sac, à prendre avant le sport.",
        has_pai=True,
    ),
    dict(
        first_name="Emma-Rose",
        birth_date=date(2016, 9, 3),
        sex="F",
        school="École Georges Pompidou",
        class_level="CE2",
        diet="VEGETARIAN",
        food_allergies="Lait de vache",
        doctor_name="Dr Martin",
        doctor_phone="+33344000002",
        allergies="Pollen de graminées",
        medical_notes="Lunettes à porter en classe.",
        has_pai=False,
    ),
    dict(
        first_name="Louis",
        birth_date=date(2019, 2, 21),
        sex="M",
        school="École maternelle Les Tilleuls",
        class_level="MS",
        diet="NONE",
        food_allergies="Kiwi",
        doctor_name="Dr Martin",
        doctor_phone="+33344000002",
        allergies="Piqûres de guêpe (réaction locale)",
        medical_notes="Sieste l'après-midi.",
        has_pai=False,
    ),
)

# Used only when the demo brings no consent of its own.
FALLBACK_CONSENTS = (
    ("IMAGE_RIGHTS", "Droit à l'image"),
    ("EMERGENCY_CARE", "Soins d'urgence"),
    ("LEAVE_ALONE", "Départ seul"),
    ("OUTINGS_TRANSPORT", "Sorties et transports"),
)


async def fill_household(db: Database) -> None:
    """The demo household with exactly ``CHILDREN`` children, each with every section filled in."""
    async with db.transaction() as session:
        account = (await session.exec(select(Account).where(Account.email == FAMILY_EMAIL))).one()
        me = await session.get(Guardian, account.guardian_id)
        assert me is not None
        household = await session.get(Household, me.household_id)
        assert household is not None
        household.address_complement = "Bâtiment B"
        household.main_phone = "+33344123456"
        household.caf_number = "1234567"
        household.family_quotient = 850
        household.quotient_from = date(2026, 1, 1)
        household.insurance_company = "MAIF"
        household.insurance_policy = "MA-0042-7781"
        session.add(household)
        for guardian in (
            await session.exec(select(Guardian).where(Guardian.household_id == household.id))
        ).all():
            guardian.mobile_phone = guardian.mobile_phone or f"+3361234567{guardian.rank}"
            guardian.email = guardian.email or f"guardian{guardian.rank}.test@example.org"
            guardian.relationship = guardian.relationship or ("Mère" if guardian.rank == 1 else "Père")
            session.add(guardian)

        children = list(
            (
                await session.exec(
                    select(Child)
                    .join(HouseholdChild, col(HouseholdChild.child_id) == Child.id)
                    .where(HouseholdChild.household_id == household.id)
                    .order_by(col(Child.birth_date), col(Child.first_name))
                )
            ).all()
        )
        if len(children) > CHILDREN:
            raise RuntimeError(f"the demo household has {len(children)} children, the bench wants {CHILDREN}")
        while len(children) < CHILDREN:
            child = Child(first_name="?", last_name=household.name)
            session.add(child)
            await session.flush()
            session.add(HouseholdChild(household_id=household.id, child_id=child.id))
            children.append(child)
        await session.flush()

        ids = [c.id for c in children]
        for table in (Vaccination, AuthorizedPerson):
            await session.exec(delete(table).where(col(table.child_id).in_(ids)))  # type: ignore[call-overload]
        await session.exec(delete(Consent).where(col(Consent.household_id) == household.id))  # type: ignore[call-overload]

        definitions = list(
            (await session.exec(select(ConsentDefinition).where(col(ConsentDefinition.active)))).all()
        )
        if not any(d.scope == "child" for d in definitions):
            for kind, title in FALLBACK_CONSENTS:
                definition = ConsentDefinition(
                    kind=kind, title=title, text=f"{title} (bench).", scope="child"
                )
                session.add(definition)
                definitions.append(definition)
            await session.flush()

        for i, (child, values) in enumerate(zip(children, CHILD_RECORDS, strict=True)):
            for name, value in values.items():
                setattr(child, name, value)
            child.last_name = household.name
            session.add(child)
            session.add_all(
                [
                    Vaccination(child_id=child.id, vaccine="DTP", vaccinated_on=date(2020 + i, 3, 1)),
                    Vaccination(child_id=child.id, vaccine="ROR", vaccinated_on=date(2020 + i, 9, 15)),
                    AuthorizedPerson(
                        child_id=child.id,
                        first_name="Jeanne",
                        last_name="DUPONT",
                        relation="Grand-mère",
                        mobile_phone="+33698765432",
                        other_phone="+33344556677",
                        may_pick_up=True,
                        emergency_contact=True,
                    ),
                    AuthorizedPerson(
                        child_id=child.id,
                        first_name="Karim",
                        last_name="BENALI",
                        relation="Voisin",
                        mobile_phone="+33687654321",
                        may_pick_up=True,
                        emergency_contact=False,
                    ),
                ]
            )
        for definition in definitions:
            targets: list[uuid.UUID | None] = list(ids) if definition.scope == "child" else [None]
            for child_id in targets:
                session.add(
                    Consent(
                        definition_id=definition.id,
                        household_id=household.id,
                        child_id=child_id,
                        granted=True,
                        decided_by=account.id,
                    )
                )


# ---------------------------------------------------------------------------------------------
# Fiche sanitaire, in process


@dataclass
class PdfTiming:
    """Generating one child's fiche sanitaire in the bench process."""

    child: str
    pdf_bytes: int
    pages: int
    render_ms: list[float]  # ``health_form_pdf`` alone, from data already read
    full_ms: list[float]  # ``health_form``: read the child's records, then render (what the route does)

    @property
    def render_rate(self) -> float:
        return 1000 / statistics.mean(self.render_ms)


async def time_health_form(url: str, renders: int, full: int, town: str = "Ville de Séné") -> PdfTiming:
    """``renders`` calls of ``health_form_pdf`` for the eldest child, then ``full`` of ``health_form``."""
    db = Database(url)
    try:
        clock = Clock()
        async with db.read_sessions() as session:
            account = (await session.exec(select(Account).where(Account.email == FAMILY_EMAIL))).one()
            me = await session.get(Guardian, account.guardian_id)
            assert me is not None
            child = (
                await session.exec(
                    select(Child)
                    .join(HouseholdChild, col(HouseholdChild.child_id) == Child.id)
                    .where(HouseholdChild.household_id == me.household_id)
                    .order_by(col(Child.birth_date))
                )
            ).first()
            assert child is not None
            data: HealthFormData = await health_form_data(session, child, town, clock.now())
            pdf = health_form_pdf(data)
            render_ms = []
            for _ in range(renders):
                started = time.perf_counter()
                health_form_pdf(data)
                render_ms.append((time.perf_counter() - started) * 1000)
        full_ms = []
        for _ in range(full):
            # A new session each time, as each download has: nothing comes from its identity map.
            started = time.perf_counter()
            async with db.read_sessions() as session:
                await health_form(session, child.id, town, clock.now())
            full_ms.append((time.perf_counter() - started) * 1000)
        if not pdf.startswith(b"%PDF-") or not pdf.rstrip().endswith(b"%%EOF"):
            raise RuntimeError("the fiche sanitaire is not a PDF")
        pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
        return PdfTiming(f"{child.first_name} {child.last_name}", len(pdf), pages, render_ms, full_ms)
    finally:
        await db.dispose()
