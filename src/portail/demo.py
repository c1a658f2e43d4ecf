"""The guide's demo town: household "TEST", children Paul and Emma-Rose, a family and a staff login,
the town's document types and consents, the guide's services and Paul's canteen meals of the coming weeks,
and something to show on every screen, made through the same use cases a family and staff run:

- "Mon planning" / "Historique": Paul's meals, a meal whose cancellation came after the deadline
  ("Demande d'annulation"), Paul's sports Wednesdays awaiting staff (the staff queue);
- "Inscription aux services": Emma-Rose blocked from the garderie by a section still to complete
  (the authorized persons), and from the summer holiday centre (ETE 2027) by her missing DTP;
- the health form: the town's lists of illnesses, diets and vaccines; Paul's insurance, doctor's address
  and chickenpox; Emma-Rose's two diets (vegetarian, gluten-free);
- "Afficher les réservations liées à d'autres comptes": Paul is shared with his father's household
  (DURAND, its own login), which books him the canteen's Mondays and Tuesdays after those weeks;
- staff's reviews: a CAF certificate handed in and an address change, both awaiting review;
- "Créer un compte": families may register themselves (the town's switch on, its terms of use
  published), and one did: Marc TEST, Paul's father in household TEST, whose household waits for staff
  in ``waitingRegistrations`` with TEST as its look-alike (merge it with ``mergeRegistration``);
- the public home page: three news items (one pinned with a picture, one scheduled for next week),
  four useful links, the town's contact details and opening hours, three sections of the user guide,
  and two weeks of menus of the "Restaurant scolaire Pompidou" with their labels and allergens;
- the footer's legal pages: legal notices, accessibility statement ("partiellement conforme", its
  audit's rate and date) and privacy notice, for the town's name and address, with what only a town
  knows (SIRET, mayor, host, DPO) left as "[À COMPLÉTER : …]".

Safe to run twice: what exists is left as it is (passwords are set again to the printed ones); each
scene is made once.
"""

from __future__ import annotations

import io
import json
import struct
import zlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import partial
from typing import Any, TypedDict, TypeVar

from reportlab.pdfgen.canvas import Canvas
from sqlmodel import col, select

from portail.adapters.hashing import hash_password
from portail.clock import Clock
from portail.db.engine import AsyncSession, Database
from portail.db.models import (
    Account,
    AuthorizedPerson,
    AuthSession,
    CanteenSite,
    Child,
    ChildDiet,
    ChildIllness,
    ChildInsurance,
    Consent,
    ConsentDefinition,
    Document,
    DocumentType,
    Guardian,
    GuideSection,
    HealthListItem,
    Household,
    HouseholdChild,
    LegalPage,
    MessageThread,
    NewsItem,
    TownProfile,
    TownSetting,
    UsefulLink,
    Vaccination,
)
from portail.db.models.base import utcnow
from portail.db.models.bookings import BookingRequest
from portail.db.models.catalogue import Activity, Enrolment, EnrolmentGroup, Facility, Period, Regie, Unit
from portail.db.models.invoices import Invoice
from portail.db.models.records import PendingChange
from portail.db.models.town_questions import TownQuestion
from portail.demo_legal import (
    DEMO_AUDIT_DATE,
    DEMO_AUDIT_RATE,
    DEMO_AUDITED_BY,
    accessibility_statement,
    legal_notice,
    privacy_notice,
)
from portail.resolvers import (
    booking_requests,
    catalogue,
    content,
    documents,
    invoices,
    legal,
    menus,
    messages,
    news,
    records,
    town_questions,
)
from portail.resolvers.booking_windows import RESIDENT_INSEE_CODES_KEY, RESIDENT_POSTCODES_KEY
from portail.resolvers.catalogue_reading import HOLIDAY_SUBDIVISION_KEY, cancel_rule, subdivision_in_effect
from portail.resolvers.context import RequestContext, Viewer
from portail.resolvers.errors import UserErrors
from portail.resolvers.health_rows import vaccine_named
from portail.resolvers.registration import SELF_REGISTRATION_KEY, TERMS_KIND
from portail.resolvers.transactions import in_transaction
from portail.resolvers.uploads import IncomingFile
from portail.rules import deadlines, health
from portail.rules.booking_windows import NON_RESIDENTS, RESIDENTS
from portail.rules.legal import ACCESSIBILITY, LEGAL_NOTICE, PRIVACY
from portail.rules.validity import TOWN_ZONE
from portail.settings import Settings

FAMILY_EMAIL = "famille.test@example.org"
FAMILY_PASSWORD = "Surveillance-15-Compiegne"
STAFF_EMAIL = "agent.enfance@example.org"
STAFF_PASSWORD = "Enfance-Mairie-Sene-2026"
T = TypeVar("T")
OTHER_EMAIL = "foyer.durand@example.org"
OTHER_PASSWORD = "Durand-Garde-Alternee-2026"
REGISTERED_EMAIL = "marc.test@example.org"
REGISTERED_PASSWORD = "Marc-Inscription-Attente-2026"


@dataclass(frozen=True)
class DemoLogins:
    """What ``portail demo`` prints."""

    family_email: str = FAMILY_EMAIL
    family_password: str = FAMILY_PASSWORD
    staff_email: str = STAFF_EMAIL
    staff_password: str = STAFF_PASSWORD
    other_email: str = OTHER_EMAIL
    other_password: str = OTHER_PASSWORD


async def load_demo(db: Database, settings: Settings | None = None) -> DemoLogins:
    """Create (or refresh) the demo households and logins, and the scenes of every screen."""
    settings = settings or Settings()
    family_hash = await hash_password(FAMILY_PASSWORD)
    staff_hash = await hash_password(STAFF_PASSWORD)
    other_hash = await hash_password(OTHER_PASSWORD)
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
        await _other_household(session, other_hash)
    async with db.transaction() as session:
        await _document_types(session)
        await _consents(session)
    async with db.transaction() as session:
        await _catalogue(session)
        await _summer(session)
        await _winter_holidays(session)
    async with db.transaction() as session:
        await _health_form(session)
    await _bookings(db, settings)
    await _scenes(db, settings)
    await _town_questions(db, settings)
    await _money(db, settings)
    await _public_content(db, settings)
    await _legal_pages(db, settings)
    await _messages(db, settings)
    async with db.transaction() as session:
        await _registration(session, await hash_password(REGISTERED_PASSWORD))
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
        TERMS_KIND,
        "Conditions d'utilisation du Portail Familles",
        "Le Portail Familles permet aux familles de tenir à jour leur dossier, d'inscrire leurs enfants aux "
        "services municipaux, de réserver et de payer en ligne. Je m'engage à donner des informations "
        "exactes et à les tenir à jour. La mairie traite ces données pour gérer les services enfance "
        "(restauration scolaire, accueils périscolaires et de loisirs) ; je peux les consulter, les "
        "télécharger et demander leur rectification depuis le portail.",
        False,
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


class _ActivityOptions(TypedDict, total=False):
    """Activity fields a demo service sets (the others keep their defaults)."""

    payment: str
    acceptance: str
    when_full: str
    enrolment: str
    required_sections: str
    late_cancellation: str


# Name, capacity, tariff grid, late price ("hors délai"; None: no late booking).
_DemoUnit = tuple[str, int | None, list[list[int | None]], int | None]
_DemoService = tuple[str, str, str, str, str, str, _ActivityOptions, tuple[_DemoUnit, ...]]
DEMO_SERVICES: tuple[_DemoService, ...] = (
    (
        "REGIE RESTAURATION SCOLAIRE",
        "123455",
        "RESTAURANT SCOLAIRE",
        "RESTAURATION SCOLAIRE",
        "RESTAURATION SCOLAIRE 2026-2027",
        "0,1,3,4",
        {"payment": "invoice", "acceptance": "automatic"},
        # A meal booked past Thursday noon's deadline ("hors délai") costs 6,00 € whatever the quotient.
        (
            ("REPAS", None, [[500, 120], [1000, 250], [None, 410]], 600),
            # Counted in quantities (DEMO_QUANTITIES): up to 5 a child a day, each at the tariff's price.
            ("REPAS À EMPORTER", None, [[500, 150], [None, 300]], None),
        ),
    ),
    (
        "REGIE CENTRE AERE MERCREDI",
        "123456",
        "CENTRE AERE MERCREDI",
        "MERCREDIS",
        "MERCREDI POMPIDOU B ELEMENTAIRE / 2026-2027",
        "2",
        {"payment": "basket", "acceptance": "staff", "when_full": "waiting_list", "enrolment": "staff"},
        (("JOURNEE CENTRE AERE MERCREDI", 24, [[500, 300], [1000, 520], [None, 770]], None),),
    ),
    (
        "REGIE PERISCOLAIRE",
        "123457",
        "ACCUEIL PERISCOLAIRE",
        "GARDERIE MATIN ET SOIR",
        "GARDERIE 2026-2027",
        "0,1,3,4",
        # Who may pick a child up must be known: Emma-Rose's record still lacks it.
        # A late cancellation is taken (the place goes to others) and the session invoiced all the same.
        {
            "payment": "invoice",
            "acceptance": "automatic",
            "required_sections": "AUTHORIZED_PERSONS",
            "late_cancellation": "charge",
        },
        (
            ("GARDERIE MATIN", 40, [[500, 90], [None, 180]], None),
            # Counted in hours (DEMO_DEADLINES): the price of each quarter-hour begun, 16h30 to 18h30.
            ("GARDERIE SOIR", 40, [[500, 33], [None, 65]], None),
        ),
    ),
    (
        # Staff decide each booking (places are few): what the staff queue ("bookingQueue") shows.
        "REGIE ACCUEIL DE LOISIRS",
        "123458",
        "ACCUEIL DE LOISIRS",
        "STAGES SPORTIFS",
        "STAGES SPORTIFS DU MERCREDI 2026-2027",
        "2",
        {"payment": "invoice", "acceptance": "staff", "when_full": "waiting_list"},
        (
            ("APRES-MIDI SPORTIF", 12, [[500, 250], [None, 500]], None),
            # Linked (DEMO_UNIT_LINKS): the snack only with the afternoon it follows.
            ("GOUTER SPORTIF", 12, [[None, 80]], None),
            # An event (DEMO_EVENTS): two outings of the year, 8 places, one per child.
            ("SORTIE PISCINE", 8, [[500, 400], [None, 900]], None),
        ),
    ),
)

# Linked units (``Unit.requires``): a unit booked only with one of these units of its period that day.
DEMO_UNIT_LINKS: dict[str, tuple[str, ...]] = {"GOUTER SPORTIF": ("APRES-MIDI SPORTIF",)}

# Events (``Unit.event_dates``, ``Unit.per_child_cap``): booked on their own dates only, a cap per child.
DEMO_EVENTS: dict[str, dict[str, Any]] = {
    "SORTIE PISCINE": {"event_dates": "2027-03-17,2027-05-19", "per_child_cap": 1},
}


# Units counted in quantities (``Unit.counted_in`` "quantity", ``portail.rules.quantities``): the canteen's
# take-away meals, a family taking up to five a child on a day it runs, each at the tariff's price; a
# booking takes one place whatever its quantity.
DEMO_QUANTITIES: dict[str, dict[str, Any]] = {
    "REPAS À EMPORTER": {"counted_in": "quantity", "max_quantity": 5},
}


# Units whose deadlines are other than the default "2 jours avant, 10h00" (Unit's columns): the garderie
# books its mornings by the month ("avant le 20 du mois précédent, 18h00"), cancelled 3 days before
# without counting Wednesdays (it is closed then) nor public holidays; its evenings a fortnight ahead
# ("le jeudi deux semaines avant, 12h00"), and are counted in hours: the arrival and departure booked,
# each quarter-hour begun priced (portail.rules.hours).
DEMO_DEADLINES: dict[str, dict[str, Any]] = {
    "GARDERIE MATIN": {
        "booking_rule": "day_of_previous_month",
        "booking_month_day": 20,
        "booking_at": time(18, 0),
        "cancel_days": 3,
        "cancel_skipped_weekdays": "2",
        "cancel_skips_holidays": True,
    },
    "GARDERIE SOIR": {
        "counted_in": "hours",
        "opens_at": time(16, 30),
        "closes_at": time(18, 30),
        "step_minutes": 15,
        "booking_rule": "weekday_of_week_before",
        "booking_weekday": 3,
        "booking_weeks": 2,
        "booking_at": time(12, 0),
    },
}


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
        # Each regie's invoices carry its initials ("REGIE CENTRE AERE MERCREDI": "CAM-2026-000001").
        prefix = "".join(word[0] for word in regie_name.split()[1:] if len(word) > 2)
        regie = regies.get(regie_name) or Regie(
            name=regie_name, payfip_client_number=numcli, invoice_prefix=prefix
        )
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
            rows = {
                unit_name: Unit(
                    period_id=period.id,
                    name=unit_name,
                    position=position,
                    capacity=capacity,
                    tariff=json.dumps(tariff),
                    late_price=late_price,
                    **DEMO_DEADLINES.get(unit_name, {}),
                    **DEMO_EVENTS.get(unit_name, {}),
                    **DEMO_QUANTITIES.get(unit_name, {}),
                )
                for position, (unit_name, capacity, tariff, late_price) in enumerate(units)
            }
            for unit_name, required in DEMO_UNIT_LINKS.items():
                if unit_name in rows:
                    rows[unit_name].requires = ",".join(str(rows[name].id) for name in required)
            session.add_all(rows.values())
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


async def _health_form(session: AsyncSession) -> None:
    """The town's lists of the health form (those missing are added, the others left as staff set them);
    Paul's health form filled in (diets none, chickenpox had, an insurance, his vaccinations linked to
    the list), Emma-Rose's diets, and no DTP for her: the summer holiday centre (``_summer``), which
    requires DTP, refuses her enrolment until the family records it."""
    items = list((await session.exec(select(HealthListItem))).all())
    have = {(i.kind, i.code) for i in items}
    for kind, entries in health.DEFAULT_LISTS.items():
        for position, (code, label) in enumerate(entries):
            if (kind, code) not in have:
                item = HealthListItem(kind=kind, code=code, label=label, position=position)
                session.add(item)
                items.append(item)
    await session.flush()
    by_code = {(i.kind, i.code): i for i in items}

    children = {
        c.first_name: c for c in (await session.exec(select(Child).where(Child.last_name == "TEST"))).all()
    }
    paul, emma = children.get("Paul"), children.get("Emma-Rose")
    # The demo's vaccinations were written by name: linked to the list as a family's would be.
    for vaccination in (
        await session.exec(select(Vaccination).where(col(Vaccination.vaccine_id).is_(None)))
    ).all():
        found = vaccine_named(items, vaccination.vaccine)
        if found is not None:
            vaccination.vaccine_id = found.id
    if paul is not None and await session.get(ChildInsurance, paul.id) is None:
        paul.doctor_address = "12 rue de la République\n60200 COMPIEGNE"
        session.add(
            ChildInsurance(
                child_id=paul.id,
                company="MAIF",
                policy_number="3412789 P",
                valid_from=SCHOOL_YEAR[0],
                valid_until=date(2027, 8, 31),
            )
        )
        session.add(
            ChildIllness(child_id=paul.id, item_id=by_code[(health.ILLNESS, "VARICELLE")].id, year=2019)
        )
    if emma is not None:
        diets = set(
            (await session.exec(select(ChildDiet.item_id).where(ChildDiet.child_id == emma.id))).all()
        )
        for code in ("VEGETARIAN", "NO_GLUTEN"):
            item = by_code[(health.DIET, code)]
            if item.id not in diets:
                session.add(ChildDiet(child_id=emma.id, item_id=item.id))


# The summer holidays' day-care: residents of the town (Séné: postcode 56860, INSEE code 56243; a
# household giving its INSEE code is decided by it, one without by its postcode) book from
# Saturday 1 May 2027 at 9:00, the others a week later; household TEST (Compiègne) is one of the others,
# DURAND (Séné) a resident. A holiday centre must check DTP ("fiche sanitaire de liaison"): Emma-Rose,
# without it, is refused (``_health_form``).
SUMMER_PERIOD = "ÉTÉ 2027"
SUMMER_INTRO = (
    "Les réservations de l'été ouvrent le samedi 1er mai 2027 à 9h00 pour les habitants de Séné, "
    "le samedi 8 mai à 9h00 pour les autres familles.\n\n"
    "Réservez à la journée ; les annulations restent possibles jusqu'à deux jours avant."
)
TOWN_POSTCODES = "56860"
TOWN_INSEE_CODES = "56243"


async def _summer(session: AsyncSession) -> None:
    """The summer period and its booking window, and the town's postcodes and INSEE codes; made once,
    then left as staff set them."""
    if await session.get(TownSetting, RESIDENT_POSTCODES_KEY) is None:
        session.add(TownSetting(key=RESIDENT_POSTCODES_KEY, value=TOWN_POSTCODES))
    if await session.get(TownSetting, RESIDENT_INSEE_CODES_KEY) is None:
        session.add(TownSetting(key=RESIDENT_INSEE_CODES_KEY, value=TOWN_INSEE_CODES))
    facility = (await session.exec(select(Facility).where(Facility.name == "ACCUEIL DE LOISIRS"))).first()
    regie = (await session.exec(select(Regie).where(Regie.name == "REGIE ACCUEIL DE LOISIRS"))).first()
    if facility is None or regie is None:
        return
    activity = (
        await session.exec(
            select(Activity).where(Activity.facility_id == facility.id, Activity.name == "VACANCES D'ÉTÉ")
        )
    ).first()
    if activity is not None:
        return
    activity = Activity(
        facility_id=facility.id,
        regie_id=regie.id,
        name="VACANCES D'ÉTÉ",
        open_during="always",
        required_vaccines="DTP",
        min_age=3,
        max_age=14,
    )
    session.add(activity)
    await session.flush()
    period = Period(
        activity_id=activity.id,
        name=SUMMER_PERIOD,
        start=date(2027, 7, 7),
        end=date(2027, 8, 27),
        weekdays="0,1,2,3,4",
        booking_openings=json.dumps(
            [
                [RESIDENTS, datetime(2027, 5, 1, 9, 0, tzinfo=TOWN_ZONE).isoformat()],
                [NON_RESIDENTS, datetime(2027, 5, 8, 9, 0, tzinfo=TOWN_ZONE).isoformat()],
            ]
        ),
        booking_closes_at=datetime(2027, 8, 20, 18, 0, tzinfo=TOWN_ZONE),
        booking_intro=SUMMER_INTRO,
    )
    session.add(period)
    await session.flush()
    session.add(
        Unit(
            period_id=period.id,
            name="JOURNEE ETE",
            capacity=40,
            tariff=json.dumps([[500, 600], [None, 1200]]),
        )
    )


# The winter holidays' day camp, enrolled in by group within a window ("campagne d'inscription"), with a
# waiting line, and the outings consent required: Élémentaires has one place left (Paul holds the other),
# and Emma-Rose's family sees the consent it still has to give.
WINTER = ("VACANCES D'HIVER", "VACANCES D'HIVER 2027", date(2027, 2, 8), date(2027, 2, 19))
WINTER_WINDOW = (
    datetime(2026, 11, 16, 8, 0, tzinfo=TOWN_ZONE),
    datetime(2027, 1, 29, 18, 0, tzinfo=TOWN_ZONE),
)
WINTER_GROUPS = (("Maternelles", 8), ("Élémentaires", 2))


async def _winter_holidays(session: AsyncSession) -> None:
    """The winter day camp of "ACCUEIL DE LOISIRS", once; what exists is left as staff set it."""
    facility = (await session.exec(select(Facility).where(Facility.name == "ACCUEIL DE LOISIRS"))).first()
    regie = (await session.exec(select(Regie).where(Regie.name == "REGIE ACCUEIL DE LOISIRS"))).first()
    if facility is None or regie is None:
        return
    activity_name, period_name, start, end = WINTER
    found = (
        await session.exec(
            select(Activity).where(Activity.facility_id == facility.id, Activity.name == activity_name)
        )
    ).first()
    if found is not None:
        return
    activity = Activity(
        facility_id=facility.id,
        regie_id=regie.id,
        name=activity_name,
        open_during="always",
        required_consents="OUTINGS_TRANSPORT",
        enrolment_opens_at=WINTER_WINDOW[0].astimezone(UTC),
        enrolment_closes_at=WINTER_WINDOW[1].astimezone(UTC),
        enrolment_when_full="waiting_list",
    )
    session.add(activity)
    await session.flush()
    period = Period(activity_id=activity.id, name=period_name, start=start, end=end, weekdays="0,1,2,3,4")
    groups = [
        EnrolmentGroup(activity_id=activity.id, name=name, position=i, capacity=capacity)
        for i, (name, capacity) in enumerate(WINTER_GROUPS)
    ]
    session.add_all([period, *groups])
    await session.flush()
    session.add(
        Unit(
            period_id=period.id,
            name="JOURNEE VACANCES",
            capacity=24,
            tariff=json.dumps([[500, 600], [1000, 900], [None, 1400]]),
        )
    )
    paul = (
        await session.exec(select(Child).where(Child.first_name == "Paul", Child.last_name == "TEST"))
    ).first()
    account = (await session.exec(select(Account).where(Account.email == FAMILY_EMAIL))).first()
    guardian = await session.get(Guardian, account.guardian_id) if account and account.guardian_id else None
    if paul is not None and account is not None and guardian is not None:
        session.add(
            Enrolment(
                child_id=paul.id,
                period_id=period.id,
                household_id=guardian.household_id,
                group_id=groups[1].id,
                state="accepted",
                requested_by=account.id,
                decided_at=utcnow(),
            )
        )


async def _bookings(db: Database, settings: Settings) -> None:
    """Paul's meals at the canteen for the coming weeks, booked as the family would book them (the
    submit use case: a numbered request, its lines, the confirmation mail); before them, the meals of
    the next days booked a week ago, the first of which the family now cancels too late: a
    "demande d'annulation" for staff. Once: never booked again."""
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
        assert guardian is not None  # the account's guardian (foreign key)
        done = (
            await session.exec(
                select(BookingRequest.id).where(BookingRequest.household_id == guardian.household_id)
            )
        ).first()
        unit = (
            await session.exec(select(Unit).where(Unit.period_id == period.id, Unit.name == "REPAS"))
        ).first()
        # The town's holiday subdivision in effect: staff's, else the deployment's.
        stored = await session.get(TownSetting, HOLIDAY_SUBDIVISION_KEY)
        subdivision = subdivision_in_effect(stored.value if stored else None, settings)
    if done is not None or unit is None:
        return
    clock = Clock()
    now = clock.now()
    today = now.astimezone(TOWN_ZONE).date()
    # The days whose cancellation deadline (2 days before, 10:00) has passed: booked a week ago.
    late = [
        day
        for day in (today + timedelta(days=n) for n in range(3))
        if period.start <= day <= period.end
        and not deadlines.is_open(now, day, cancel_rule(unit), subdivision=subdivision)
    ]
    week_ago = _Shifted(clock, timedelta(days=-7))
    booked = None
    if late:
        changes = [booking_requests.ChangeData(paul.id, unit.id, day) for day in late]
        booked = await _run(
            db,
            settings,
            week_ago,
            account,
            lambda ctx: booking_requests.submit(ctx, booking_requests.RequestData(period.id, changes)),
        )
    # After the booking deadline of the nearest days (2 days before, 10:00), for five weeks.
    start, end = max(today + timedelta(days=3), period.start), min(today + timedelta(days=35), period.end)
    if start <= end:
        data = booking_requests.RequestData(
            period.id, repeats=[booking_requests.RepeatData([paul.id], [unit.id], [1, 2, 4, 5], start, end)]
        )
        await _run(db, settings, clock, account, lambda ctx: booking_requests.submit(ctx, data))
    taken = [line for line in booked.lines if not line.refused] if booked is not None else []
    if taken:
        cancel = booking_requests.ChangeData(paul.id, unit.id, taken[0].day, cancel=True)
        await _run(
            db,
            settings,
            clock,
            account,
            lambda ctx: booking_requests.submit(ctx, booking_requests.RequestData(period.id, [cancel])),
        )


class _Shifted(Clock):
    """Another clock, ``delta`` away: what the family did some days ago."""

    def __init__(self, base: Clock, delta: timedelta) -> None:
        super().__init__()
        self.base, self.delta = base, delta

    def now(self) -> datetime:
        return self.base.now() + self.delta


async def _run(
    db: Database,
    settings: Settings,
    clock: Clock,
    account: Account,
    use_case: Callable[[RequestContext], Awaitable[T]],
) -> T | None:
    """Run ``use_case`` as ``account`` in a transaction of its own, as a request would; None when it
    refuses (the weeks ahead are holidays, nothing to book)."""
    viewer = Viewer(account, AuthSession(token_hash="", account_id=account.id, expires_at=clock.now()))
    ctx = RequestContext(db=db, settings=settings, clock=clock, request_id="demo", viewer=viewer)
    try:
        return await in_transaction(ctx, lambda: use_case(ctx))
    except UserErrors:
        return None
    finally:
        await ctx.close()


async def _other_household(session: AsyncSession, password_hash: str) -> None:
    """Paul's father's household (separated parents): its own login, Paul shared with household TEST."""
    account = (await session.exec(select(Account).where(Account.email == OTHER_EMAIL))).first()
    paul = (
        await session.exec(select(Child).where(Child.first_name == "Paul", Child.last_name == "TEST"))
    ).first()
    if account is None and paul is not None:
        household = Household(
            name="DURAND",
            civility="M.",
            address_number="8",
            address_street="Allée des Tilleuls",
            postcode="56860",
            insee_code="56243",  # Séné
            city="SENE",
        )
        session.add(household)
        await session.flush()
        guardian = Guardian(
            household_id=household.id,
            rank=1,
            civility="M.",
            first_name="Thomas",
            last_name="DURAND",
            email=OTHER_EMAIL,
            mobile_phone="+33611223344",
        )
        session.add(guardian)
        await session.flush()
        account = Account(email=OTHER_EMAIL, guardian_id=guardian.id, confirmed_at=utcnow())
        session.add_all([account, HouseholdChild(household_id=household.id, child_id=paul.id)])
    if account is not None:
        account.password_hash = password_hash
        account.confirmed_at = account.confirmed_at or utcnow()


async def _scenes(db: Database, settings: Settings) -> None:
    """What the other screens show, each made once through the use cases."""
    async with db.read_sessions() as session:
        accounts = {
            a.email: a
            for a in (
                await session.exec(select(Account).where(col(Account.email).in_([FAMILY_EMAIL, OTHER_EMAIL])))
            ).all()
        }
        children = {
            c.first_name: c
            for c in (await session.exec(select(Child).where(Child.last_name == "TEST"))).all()
        }
        periods = {p.name: p for p in (await session.exec(select(Period))).all()}
        family, other = accounts.get(FAMILY_EMAIL), accounts.get(OTHER_EMAIL)
        paul = children.get("Paul")
        canteen = periods.get("RESTAURATION SCOLAIRE 2026-2027")
        sports = periods.get("STAGES SPORTIFS DU MERCREDI 2026-2027")
        if (
            family is None
            or other is None
            or paul is None
            or canteen is None
            or sports is None
            or family.guardian_id is None
        ):
            return
        guardian = await session.get(Guardian, family.guardian_id)
        assert guardian is not None  # the account's guardian (foreign key)
        household_id = guardian.household_id
        units = {(u.period_id, u.name): u for u in (await session.exec(select(Unit))).all()}
        at_sports = (
            await session.exec(
                select(Enrolment.id).where(Enrolment.child_id == paul.id, Enrolment.period_id == sports.id)
            )
        ).first()
        booked_by_other = (
            await session.exec(select(BookingRequest.id).where(BookingRequest.requested_by == other.id))
        ).first()
        handed_in = (
            await session.exec(select(Document.id).where(Document.household_id == household_id))
        ).first()
        changed = (
            await session.exec(select(PendingChange.id).where(PendingChange.household_id == household_id))
        ).first()
        caf = (await session.exec(select(DocumentType).where(DocumentType.code == "ATTESTATION_CAF"))).first()
    assert family and other and paul and canteen and sports
    clock = Clock()
    today = clock.now().astimezone(TOWN_ZONE).date()
    if at_sports is None:
        # Paul enrolled in the Wednesday sports afternoons, and his next Wednesdays asked for: staff
        # decide each one, so the staff queue has a request waiting.
        await _run(db, settings, clock, family, lambda ctx: catalogue.enroll_child(ctx, paul.id, sports.id))
        unit = units[(sports.id, "APRES-MIDI SPORTIF")]
        start = max(today + timedelta(days=3), sports.start)
        end = min(start + timedelta(days=27), sports.end)
        if start <= end:
            data = booking_requests.RequestData(
                sports.id, repeats=[booking_requests.RepeatData([paul.id], [unit.id], [3], start, end)]
            )
            await _run(db, settings, clock, family, lambda ctx: booking_requests.submit(ctx, data))
    if booked_by_other is None:
        # Paul's Mondays and Tuesdays at the canteen after the weeks household TEST booked, booked from
        # his father's account: TEST sees them with "Afficher les réservations liées à d'autres comptes".
        unit = units[(canteen.id, "REPAS")]
        start = max(today + timedelta(days=36), canteen.start)
        end = min(today + timedelta(days=63), canteen.end)
        if start <= end:
            data = booking_requests.RequestData(
                canteen.id, repeats=[booking_requests.RepeatData([paul.id], [unit.id], [1, 2], start, end)]
            )
            await _run(db, settings, clock, other, lambda ctx: booking_requests.submit(ctx, data))
    if handed_in is None and caf is not None:
        certificate = IncomingFile(
            "attestation-caf-2026.pdf", _pdf("Attestation CAF", "Foyer TEST", "QF : 812")
        )
        await _run(
            db,
            settings,
            clock,
            family,
            lambda ctx: documents.upload_document(ctx, certificate, caf.id, None, child_given=False),
        )
    if changed is None:
        # The family moves: the address is checked by staff before it applies.
        await _run(
            db,
            settings,
            clock,
            family,
            lambda ctx: records.update_household_section(
                ctx, None, "ADDRESS", {"number": "4", "street": "Rue des Écoles"}
            ),
        )


# The town's own questions: (scope, kind, label, choices, required, activity's name or None).
DEMO_QUESTIONS: tuple[tuple[str, str, str, list[str], bool, str | None], ...] = (
    (
        "household",
        "choice",
        "Comment avez-vous connu l'accueil de loisirs ?",
        ["Par la mairie (journal, site)", "Par l'école", "Par d'autres parents", "Autrement"],
        False,
        None,
    ),
    ("child", "yes_no", "Votre enfant sait-il nager ?", [], True, "STAGES SPORTIFS"),
)


async def _town_questions(db: Database, settings: Settings) -> None:
    """The town's questions, asked once through staff's use case (left as staff changed them); the
    household answers how it heard of the centre and that Paul, at the sports afternoons, can swim;
    Emma-Rose's answer is missing, so her catalogue says the sports afternoons wait for it."""
    async with db.read_sessions() as session:
        staff = (await session.exec(select(Account).where(Account.email == STAFF_EMAIL))).first()
        family = (await session.exec(select(Account).where(Account.email == FAMILY_EMAIL))).first()
        asked = (await session.exec(select(TownQuestion.id))).first() is not None
        activities = {a.name: a.id for a in (await session.exec(select(Activity))).all()}
        paul = (
            await session.exec(select(Child).where(Child.first_name == "Paul", Child.last_name == "TEST"))
        ).first()
    if staff is None or family is None or paul is None or asked:
        return
    clock = Clock()
    made = []
    for scope, kind, label, choices, required, activity in DEMO_QUESTIONS:
        data = town_questions.QuestionData(
            label=label, choices=choices, required=required, activity_id=activities.get(activity or "")
        )
        made.append(
            await _run(
                db,
                settings,
                clock,
                staff,
                partial(town_questions.create_question, scope=scope, kind=kind, data=data),
            )
        )
    how, swim = made
    if how is not None:
        await _run(
            db,
            settings,
            clock,
            family,
            partial(town_questions.answer_questions, child_id=None, answers=[(how.id, "Par l'école")]),
        )
    if swim is not None:
        await _run(
            db,
            settings,
            clock,
            family,
            partial(town_questions.answer_questions, child_id=paul.id, answers=[(swim.id, "oui")]),
        )


async def _money(db: Database, settings: Settings) -> None:
    """ "Mes factures" and "Mon panier": Paul's canteen meals of last month, booked then and invoiced by
    the month's run; and his next Wednesday at the Centre aéré (paid at booking), waiting in the
    basket for its two hours. Each once."""
    async with db.read_sessions() as session:
        family = (await session.exec(select(Account).where(Account.email == FAMILY_EMAIL))).first()
        paul = (
            await session.exec(select(Child).where(Child.first_name == "Paul", Child.last_name == "TEST"))
        ).first()
        periods = {p.name: p for p in (await session.exec(select(Period))).all()}
        canteen = periods.get("RESTAURATION SCOLAIRE 2026-2027")
        centre = periods.get("MERCREDI POMPIDOU B ELEMENTAIRE / 2026-2027")
        if family is None or paul is None or canteen is None or centre is None or family.guardian_id is None:
            return
        guardian = await session.get(Guardian, family.guardian_id)
        assert guardian is not None  # the account's guardian (foreign key)
        household_id = guardian.household_id
        units = {(u.period_id, u.name): u for u in (await session.exec(select(Unit))).all()}
        invoiced = (
            await session.exec(select(Invoice.id).where(Invoice.household_id == household_id))
        ).first()
        at_centre = (
            await session.exec(
                select(Enrolment.id).where(Enrolment.child_id == paul.id, Enrolment.period_id == centre.id)
            )
        ).first()
    clock = Clock()
    today = clock.now().astimezone(TOWN_ZONE).date()
    last_month_end = today.replace(day=1) - timedelta(days=1)
    last_month = last_month_end.strftime("%Y-%m")
    first = max(last_month_end.replace(day=1), canteen.start)
    if invoiced is None and first <= last_month_end:
        # Booked in time, some weeks before that month began.
        before = _Shifted(clock, -(today - first) - timedelta(days=14))
        meals = booking_requests.RequestData(
            canteen.id,
            repeats=[
                booking_requests.RepeatData(
                    [paul.id], [units[(canteen.id, "REPAS")].id], [1, 2, 4, 5], first, last_month_end
                )
            ],
        )
        await _run(db, settings, before, family, lambda ctx: booking_requests.submit(ctx, meals, mail=False))
        ctx = RequestContext(db=db, settings=settings, clock=clock, request_id="demo")
        try:
            await invoices.run_month(ctx, last_month, None, regie_given=False)
        except UserErrors:
            pass
        finally:
            await ctx.close()
    if at_centre is None:
        async with db.transaction() as session:
            session.add(
                Enrolment(
                    child_id=paul.id,
                    period_id=centre.id,
                    household_id=household_id,
                    state="accepted",
                    requested_by=family.id,
                    decided_at=clock.now(),
                )
            )
        wednesday = today + timedelta(days=(2 - today.weekday()) % 7 + 7)
        if centre.start <= wednesday <= centre.end:
            day = booking_requests.ChangeData(
                paul.id, units[(centre.id, "JOURNEE CENTRE AERE MERCREDI")].id, wednesday
            )
            await _run(
                db,
                settings,
                clock,
                family,
                lambda ctx: booking_requests.submit(ctx, booking_requests.RequestData(centre.id, [day])),
            )


def _pdf(*lines: str) -> bytes:
    """A one-page PDF holding ``lines`` (a document the family hands in)."""
    out = io.BytesIO()
    canvas = Canvas(out)
    for n, line in enumerate(lines):
        canvas.drawString(50, 800 - 20 * n, line)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# The public home page


DEMO_NEWS = (
    # (title, Markdown body, pinned, days from now it is published)
    (
        "Inscriptions à la restauration scolaire 2026-2027",
        "Les inscriptions sont ouvertes sur le portail : rendez-vous dans **Inscription aux services**.\n\n"
        "Pensez à mettre à jour votre *quotient familial* avant la rentrée.",
        True,
        -20,
    ),
    (
        "Fermeture de la mairie le 24 décembre après-midi",
        "L'accueil de la mairie fermera à **12 h** le 24 décembre. Le portail reste ouvert.",
        False,
        -3,
    ),
    (
        "Stages sportifs des vacances d'hiver",
        "Le programme des stages est en ligne : voir [le site de la ville](https://www.sene.bzh).",
        False,
        7,
    ),
)

DEMO_LINKS = (
    ("CAF du Morbihan", "https://www.caf.fr/allocataires/caf-du-morbihan", "Quotient familial, aides"),
    ("Service-public.fr", "https://www.service-public.fr", "Vos droits et démarches"),
    ("Site de la ville de Séné", "https://www.sene.bzh", "Actualités et services municipaux"),
    ("Paiement en ligne (PayFiP)", "https://www.payfip.gouv.fr", "Payer une facture de la ville"),
)

DEMO_GUIDE = (
    (
        "Se connecter à son compte famille",
        "**Identifiant** : votre adresse mail.\n\n**Mot de passe** : celui que vous avez créé lors de "
        "la validation de votre compte.",
    ),
    (
        "Mes réservations",
        "Choisissez l'enfant, le mois, puis cliquez sur les jours voulus. Validez la demande : elle "
        "apparaît dans l'**Historique**.",
    ),
    (
        "Mes factures",
        "Retrouvez vos factures dans **Mes factures** et payez-les en ligne par carte bancaire.",
    ),
)

DEMO_HOURS = (
    ("MONDAY", "8 h 30 – 12 h / 13 h 30 – 17 h 30"),
    ("TUESDAY", "8 h 30 – 12 h / 13 h 30 – 17 h 30"),
    ("WEDNESDAY", "8 h 30 – 12 h"),
    ("THURSDAY", "8 h 30 – 12 h / 13 h 30 – 17 h 30"),
    ("FRIDAY", "8 h 30 – 12 h / 13 h 30 – 17 h"),
    ("SATURDAY", "9 h – 12 h"),
)

# Two weeks of the canteen (Mondays, Tuesdays, Thursdays, Fridays): per course, (name, labels, allergens).
_D = tuple[str, list[str], list[str]]
DEMO_MENUS: tuple[dict[str, _D], ...] = (
    {
        "STARTER": ("Carottes râpées", ["ORGANIC"], []),
        "MAIN_COURSE": ("Poisson pané, riz", [], ["FISH", "GLUTEN"]),
        "DAIRY": ("Yaourt nature", ["LOCAL"], ["MILK"]),
        "DESSERT": ("Pomme", ["ORGANIC", "LOCAL"], []),
    },
    {
        "STARTER": ("Velouté de potiron", ["HOMEMADE"], ["CELERY", "MILK"]),
        "MAIN_COURSE": ("Omelette, haricots verts", ["VEGETARIAN"], ["EGGS"]),
        "DESSERT": ("Crème dessert vanille", [], ["MILK"]),
    },
    {
        "STARTER": ("Salade de lentilles", ["ORGANIC"], ["MUSTARD"]),
        "MAIN_COURSE": ("Sauté de porc au caramel", [], ["SOYBEANS", "SULPHITES"]),
        "DAIRY": ("Emmental", [], ["MILK"]),
        "DESSERT": ("Clémentine", [], []),
    },
    {
        "MAIN_COURSE": ("Lasagnes de légumes", ["VEGETARIAN", "HOMEMADE"], ["GLUTEN", "MILK", "EGGS"]),
        "DAIRY": ("Fromage blanc", ["LOCAL"], ["MILK"]),
        "DESSERT": ("Tarte aux noix", ["HOMEMADE"], ["NUTS", "GLUTEN", "EGGS", "MILK"]),
    },
    {
        "STARTER": ("Betteraves vinaigrette", ["ORGANIC"], ["MUSTARD"]),
        "MAIN_COURSE": ("Bœuf bourguignon, pâtes", ["LOCAL"], ["SULPHITES", "CELERY", "GLUTEN"]),
        "DESSERT": ("Poire", ["ORGANIC"], []),
    },
    {
        "STARTER": ("Salade de crevettes", [], ["CRUSTACEANS", "MUSTARD"]),
        "MAIN_COURSE": ("Couscous de légumes", ["VEGETARIAN"], ["GLUTEN", "CELERY"]),
        "DAIRY": ("Yaourt à la vanille", ["LOCAL"], ["MILK"]),
        "DESSERT": ("Compote", ["HOMEMADE"], []),
    },
    {
        "STARTER": ("Œuf mayonnaise", [], ["EGGS", "MUSTARD"]),
        "MAIN_COURSE": ("Poulet rôti, frites", ["LOCAL"], []),
        "DESSERT": ("Gâteau au chocolat", ["HOMEMADE"], ["GLUTEN", "EGGS", "MILK", "SOYBEANS"]),
    },
    {
        "STARTER": ("Houmous et pain", [], ["SESAME", "GLUTEN"]),
        "MAIN_COURSE": ("Filet de colin, purée", [], ["FISH", "MILK"]),
        "DAIRY": ("Camembert", ["LOCAL"], ["MILK"]),
        "DESSERT": ("Banane", ["ORGANIC"], []),
    },
)
DEMO_SITE = "Restaurant scolaire Pompidou"


def _png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A plain PNG of one colour (the demo news item's picture)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + body


async def _public_content(db: Database, settings: Settings) -> None:
    """The home page's content, each kind made once (left as staff changed it afterwards)."""
    async with db.read_sessions() as session:
        staff = (await session.exec(select(Account).where(Account.email == STAFF_EMAIL))).first()
        has_news = (await session.exec(select(NewsItem.id))).first() is not None
        has_links = (await session.exec(select(UsefulLink.id))).first() is not None
        has_guide = (await session.exec(select(GuideSection.id))).first() is not None
        has_town = (await session.exec(select(TownProfile.key))).first() is not None
        has_site = (await session.exec(select(CanteenSite.id))).first() is not None
    if staff is None:
        return
    clock = Clock()
    now = clock.now()

    async def as_staff(use_case: Callable[[RequestContext], Awaitable[T]]) -> T | None:
        return await _run(db, settings, clock, staff, use_case)

    if not has_news:
        for title, body, pinned, days in DEMO_NEWS:
            written = news.NewsChanges(
                title=title, body=body, pinned=pinned, publish_at=now + timedelta(days=days)
            )
            view = await as_staff(partial(news.create_news, changes=written))
            if view is not None and pinned:
                picture = IncomingFile("inscriptions.png", _png(64, 40, (31, 78, 121)))
                await as_staff(
                    partial(news.set_image, news_id=view.row.id, file=picture, alt="Des enfants à la cantine")
                )
    if not has_links:
        for position, (label, url, description) in enumerate(DEMO_LINKS, start=1):
            link = content.LinkChanges(label, url, description, position)
            await as_staff(partial(content.create_link, changes=link))
    if not has_guide:
        for position, (title, body) in enumerate(DEMO_GUIDE, start=1):
            section = content.SectionChanges(title, body, position)
            await as_staff(partial(content.create_section, changes=section))
    if not has_town:
        town = content.TownChanges(
            phone="02 97 66 90 62",
            email="enfance@example.org",
            opening_hours=[content.HoursLine(day, hours) for day, hours in DEMO_HOURS],
        )
        await as_staff(partial(content.update_town, changes=town))
    if not has_site:
        site = await as_staff(
            partial(menus.save_site, site_id=None, name=DEMO_SITE, position=1, active=None, creating=True)
        )
        if site is None:
            return
        today = now.astimezone(TOWN_ZONE).date()
        monday = today - timedelta(days=today.weekday())
        menu_days = [monday + timedelta(days=w * 7 + d) for w in (0, 1) for d in (0, 1, 3, 4)]
        for day, menu in zip(menu_days, DEMO_MENUS, strict=True):
            courses: dict[str, menus.DishChanges | None] = {
                course: menus.DishChanges(name, labels, allergens)
                for course, (name, labels, allergens) in menu.items()
            }
            await as_staff(
                partial(menus.set_menu, site_id=site.id, day=day, changes=menus.MenuChanges(courses=courses))
            )


async def _legal_pages(db: Database, settings: Settings) -> None:
    """The footer's pages, written for the town as ``town`` names it; once (left as staff changed them)."""
    async with db.read_sessions() as session:
        staff = (await session.exec(select(Account).where(Account.email == STAFF_EMAIL))).first()
        written = (await session.exec(select(LegalPage.id))).first() is not None
    if staff is None or written:
        return
    clock = Clock()

    async def write(ctx: RequestContext) -> None:
        town = await content.town(ctx)
        portal = settings.public_url
        await legal.save_page(ctx, LEGAL_NOTICE, legal.PageChanges(body=legal_notice(town, portal)))
        statement = legal.PageChanges(
            body=accessibility_statement(town, portal),
            compliance_rate=DEMO_AUDIT_RATE,
            audit_date=DEMO_AUDIT_DATE,
            audited_by=DEMO_AUDITED_BY,
            rgaa_version="4.1.2",
        )
        await legal.save_page(ctx, ACCESSIBILITY, statement)
        await legal.save_page(ctx, PRIVACY, legal.PageChanges(body=privacy_notice(town)))

    await _run(db, settings, clock, staff, write)


async def _messages(db: Database, settings: Settings) -> None:
    """ "Mes messages": the family asked the service about Paul's Wednesday, and the service answered
    (unread: the header counts it). Once."""
    async with db.read_sessions() as session:
        family = (await session.exec(select(Account).where(Account.email == FAMILY_EMAIL))).first()
        staff = (await session.exec(select(Account).where(Account.email == STAFF_EMAIL))).first()
        paul = (
            await session.exec(select(Child).where(Child.first_name == "Paul", Child.last_name == "TEST"))
        ).first()
        written = (await session.exec(select(MessageThread.id))).first() is not None
    if family is None or staff is None or paul is None or written:
        return
    clock = Clock()
    question = messages.NewThread(
        topic="bookings",
        subject="Sortie de Paul mercredi",
        body="Bonjour,\nPaul ira chez le dentiste mercredi à 15 h : son père viendra le chercher à "
        "14 h 30 à l'accueil. Faut-il remplir une autorisation ?\nMerci, Lola TEST",
        child_id=paul.id,
        child_given=True,
    )
    started = await _run(db, settings, clock, family, lambda ctx: messages.start_thread(ctx, question))
    if started is None:
        return
    answer = (
        "Bonjour Madame TEST,\nSon père figure parmi les personnes autorisées : il suffit de le signaler "
        "à l'animateur en arrivant.\nBonne journée, le service enfance"
    )
    await _run(db, settings, clock, staff, lambda ctx: messages.reply(ctx, started.row.id, answer, []))


async def _registration(session: AsyncSession, password_hash: str) -> None:
    """Self-registration open, TEST and DURAND having accepted the terms of use, and Marc TEST (Paul's
    father in household TEST) registered himself with his own address: his household waits, looking
    like TEST (the same name; he gave no child). Once."""
    if await session.get(TownSetting, SELF_REGISTRATION_KEY) is None:
        session.add(TownSetting(key=SELF_REGISTRATION_KEY, value="on"))
    terms = (
        await session.exec(select(ConsentDefinition).where(ConsentDefinition.kind == TERMS_KIND))
    ).first()
    if terms is None:
        return
    answered = set(
        (await session.exec(select(Consent.household_id).where(Consent.definition_id == terms.id))).all()
    )
    for email in (FAMILY_EMAIL, OTHER_EMAIL):
        row = (
            await session.exec(
                select(Account, Guardian)
                .join(Guardian, col(Guardian.id) == Account.guardian_id)
                .where(Account.email == email)
            )
        ).first()
        if row is not None and row[1].household_id not in answered:
            account, guardian = row
            session.add(
                Consent(
                    definition_id=terms.id,
                    household_id=guardian.household_id,
                    granted=True,
                    decided_by=account.id,
                )
            )
    if (await session.exec(select(Account).where(Account.email == REGISTERED_EMAIL))).first() is not None:
        return
    now = utcnow()
    # No child given, and the name spelt "Test": the demo's other scenes (and tests) find Paul and
    # Emma-Rose by their first names, and household TEST by its name as spelt there.
    household = Household(name="Test", awaiting_validation_since=now)
    session.add(household)
    await session.flush()
    guardian = Guardian(
        household_id=household.id,
        rank=1,
        civility="M.",
        first_name="Marc",
        last_name="TEST",
        email=REGISTERED_EMAIL,
    )
    session.add(guardian)
    await session.flush()
    account = Account(
        email=REGISTERED_EMAIL,
        guardian_id=guardian.id,
        password_hash=password_hash,
        password_changed_at=now,
        confirmed_at=now,
    )
    session.add(account)
    await session.flush()
    session.add(
        Consent(definition_id=terms.id, household_id=household.id, granted=True, decided_by=account.id)
    )
