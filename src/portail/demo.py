"""The guide's demo town: household "TEST", children Paul and Emma-Rose, a family and a staff login,
the town's document types and consents, the guide's services and Paul's canteen meals of the coming weeks.

Safe to run twice: what exists is left as it is (passwords are set again to the printed ones).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import select

from portail.adapters.hashing import hash_password
from portail.clock import Clock
from portail.db.engine import AsyncSession, Database
from portail.db.models import (
    Account,
    AuthorizedPerson,
    AuthSession,
    Child,
    ConsentDefinition,
    DocumentType,
    Guardian,
    Household,
    HouseholdChild,
    Vaccination,
)
from portail.db.models.base import utcnow
from portail.db.models.bookings import BookingRequest
from portail.db.models.catalogue import Activity, Enrolment, Facility, Period, Regie, Unit
from portail.resolvers import booking_requests
from portail.resolvers.context import RequestContext, Viewer
from portail.resolvers.errors import UserErrors
from portail.resolvers.transactions import in_transaction
from portail.rules.validity import TOWN_ZONE
from portail.settings import Settings

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
    async with db.transaction() as session:
        await _catalogue(session)
    await _bookings(db)
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


# The guide's services for the school year 2026-2027:
# (regie, numcli, facility, activity, period, weekdays, activity settings, units as (name, capacity, tariff)).
SCHOOL_YEAR = (date(2026, 9, 1), date(2027, 7, 3))
DEMO_SERVICES = (
    (
        "REGIE RESTAURATION SCOLAIRE",
        "123455",
        "RESTAURANT SCOLAIRE",
        "RESTAURATION SCOLAIRE",
        "RESTAURATION SCOLAIRE 2026-2027",
        "0,1,3,4",
        {"payment": "invoice", "acceptance": "automatic"},
        (("REPAS", None, [[500, 120], [1000, 250], [None, 410]]),),
    ),
    (
        "REGIE CENTRE AERE MERCREDI",
        "123456",
        "CENTRE AERE MERCREDI",
        "MERCREDIS",
        "MERCREDI POMPIDOU B ELEMENTAIRE / 2026-2027",
        "2",
        {"payment": "basket", "acceptance": "staff", "when_full": "waiting_list", "enrolment": "staff"},
        (("JOURNEE CENTRE AERE MERCREDI", 24, [[500, 300], [1000, 520], [None, 770]]),),
    ),
    (
        "REGIE PERISCOLAIRE",
        "123457",
        "ACCUEIL PERISCOLAIRE",
        "GARDERIE MATIN ET SOIR",
        "GARDERIE 2026-2027",
        "0,1,3,4",
        {"payment": "invoice", "acceptance": "automatic"},
        (("GARDERIE MATIN", 40, [[500, 90], [None, 180]]), ("GARDERIE SOIR", 40, [[500, 130], [None, 260]])),
    ),
)


async def _catalogue(session: AsyncSession) -> None:
    """The guide's services, and Paul enrolled in the canteen; what exists is left as staff set it."""
    regies = {r.name: r for r in (await session.exec(select(Regie))).all()}
    facilities = {f.name: f for f in (await session.exec(select(Facility))).all()}
    activities = {(a.facility_id, a.name): a for a in (await session.exec(select(Activity))).all()}
    periods = {(p.activity_id, p.name): p for p in (await session.exec(select(Period))).all()}
    canteen = None
    for (
        regie_name,
        numcli,
        facility_name,
        activity_name,
        period_name,
        weekdays,
        settings,
        units,
    ) in DEMO_SERVICES:
        regie = regies.get(regie_name) or Regie(name=regie_name, payfip_client_number=numcli)
        facility = facilities.get(facility_name) or Facility(name=facility_name)
        session.add_all([regie, facility])
        await session.flush()
        activity = activities.get((facility.id, activity_name))
        if activity is None:
            activity = Activity(facility_id=facility.id, regie_id=regie.id, name=activity_name, **settings)
            session.add(activity)
            await session.flush()
        period = periods.get((activity.id, period_name))
        if period is None:
            period = Period(
                activity_id=activity.id,
                name=period_name,
                start=SCHOOL_YEAR[0],
                end=SCHOOL_YEAR[1],
                weekdays=weekdays,
            )
            session.add(period)
            await session.flush()
            for position, (unit_name, capacity, tariff) in enumerate(units):
                session.add(
                    Unit(
                        period_id=period.id,
                        name=unit_name,
                        position=position,
                        capacity=capacity,
                        tariff=json.dumps(tariff),
                    )
                )
        if canteen is None:
            canteen = period
    assert canteen is not None
    paul = (
        await session.exec(select(Child).where(Child.first_name == "Paul", Child.last_name == "TEST"))
    ).first()
    account = (await session.exec(select(Account).where(Account.email == FAMILY_EMAIL))).first()
    if paul is None or account is None or account.guardian_id is None:
        return
    enrolled = (
        await session.exec(
            select(Enrolment).where(Enrolment.child_id == paul.id, Enrolment.period_id == canteen.id)
        )
    ).first()
    if enrolled is None:
        guardian = await session.get(Guardian, account.guardian_id)
        assert guardian is not None
        session.add(
            Enrolment(
                child_id=paul.id,
                period_id=canteen.id,
                household_id=guardian.household_id,
                state="accepted",
                requested_by=account.id,
                decided_at=utcnow(),
            )
        )


async def _bookings(db: Database) -> None:
    """Paul's meals at the canteen for the coming weeks, booked as the family would book them (the
    submit use case: a numbered request, its lines, the confirmation mail). Once: never booked again."""
    async with db.read_sessions() as session:
        account = (await session.exec(select(Account).where(Account.email == FAMILY_EMAIL))).first()
        paul = (
            await session.exec(select(Child).where(Child.first_name == "Paul", Child.last_name == "TEST"))
        ).first()
        period = (
            await session.exec(select(Period).where(Period.name == "RESTAURATION SCOLAIRE 2026-2027"))
        ).first()
        if account is None or paul is None or period is None or account.guardian_id is None:
            return
        guardian = await session.get(Guardian, account.guardian_id)
        done = (
            await session.exec(
                select(BookingRequest.id).where(BookingRequest.household_id == guardian.household_id)
            )
        ).first()
        unit = (
            await session.exec(select(Unit).where(Unit.period_id == period.id, Unit.name == "REPAS"))
        ).first()
    if done is not None or unit is None:
        return
    clock = Clock()
    today = clock.now().astimezone(TOWN_ZONE).date()
    # After the booking deadline of the nearest days (2 days before, 10:00), for five weeks.
    start, end = max(today + timedelta(days=3), period.start), min(today + timedelta(days=35), period.end)
    if start > end:
        return
    viewer = Viewer(account, AuthSession(token_hash="", account_id=account.id, expires_at=clock.now()))
    ctx = RequestContext(db=db, settings=Settings(), clock=clock, request_id="demo", viewer=viewer)
    data = booking_requests.RequestData(
        period.id, repeats=[booking_requests.RepeatData([paul.id], [unit.id], [1, 2, 4, 5], start, end)]
    )
    try:
        await in_transaction(ctx, lambda: booking_requests.submit(ctx, data))
    except UserErrors:
        pass  # the weeks ahead are all holidays: nothing to book
    finally:
        await ctx.close()
