"""The bookings benchmark's data set, GraphQL documents and timed runs.

``fill_bookings`` writes a school year of a town straight into the tables (bulk inserts, not the
API): about 500 households, 1,000 children and 160,000 bookings over 2026-09-01..2027-07-03, with
their requests and lines, on the guide's services (the demo's catalogue, given realistic
capacities and an "ETUDE SURVEILLEE" unit so that a child can have four units on a school day).
It also opens sessions (tokens written straight into ``auth_session``) for the households the
runs sign in as: the demo family (the ``planning`` household: three children, each booked in the
canteen, the morning and evening care and supervised homework on Mondays, Tuesdays, Thursdays and
Fridays, and in the Wednesday centre), the "repeat" households (a child enrolled in the
périscolaire but booked in none of its units: each books the whole year once), the "savers" of
``bench/latency.py`` (the same, each saving months of one unit), and the "contenders" of the
concurrency run.
"""

from __future__ import annotations

import asyncio
import json
import random
import secrets
import statistics
import time
import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
from pydantic_core import PydanticUndefined
from sqlalchemy import func, insert, update
from sqlmodel import SQLModel, col, select

from bench.loadgen import Call, RawConnection, process_cpu
from portail.adapters.hashing import hash_password
from portail.db.engine import Database
from portail.db.locks import recount_slots
from portail.db.models import Account, AuthSession, Child, Guardian, Household, HouseholdChild
from portail.db.models.bookings import (
    Booking,
    BookingEvent,
    BookingLine,
    BookingRequest,
    RequestNumberCounter,
)
from portail.db.models.catalogue import Activity, Enrolment, Period, PeriodDay, Unit
from portail.demo import DEMO_SERVICES, FAMILY_EMAIL
from portail.resolvers.booking_changes import AWAITING_STAFF, book_line_state, derived_state
from portail.resolvers.catalogue_reading import period_calendar, tariff_of
from portail.rules.booking_states import PLACE_HOLDING_VALUES, BookingState
from portail.rules.calendar import open_days
from portail.rules.pricing import unit_price
from portail.rules.tokens import token_hash
from portail.rules.validity import TOWN_ZONE

SEED = 20260901
HOUSEHOLDS = 500
# Children per household: 135 with one, 250 with two, 95 with three, 20 with four: 1,000 children.
FAMILY_SIZES = (1,) * 135 + (2,) * 250 + (3,) * 95 + (4,) * 20

# The month the planning is read for, and where the server's clock stands for the writes: mid-August,
# before the first booking deadline of the year, so that the whole year is ahead (the demo's morning care
# books September by 20 August, 18h00, its evenings by Thursday 20 August, 12h00).
PLANNING_MONTH = (date(2027, 1, 1), date(2027, 1, 31))
BENCH_NOW = datetime(2026, 8, 17, 9, 0, tzinfo=TOWN_ZONE)

CANTEEN = "RESTAURATION SCOLAIRE 2026-2027"
CARE = "GARDERIE 2026-2027"
WEDNESDAY = "MERCREDI POMPIDOU B ELEMENTAIRE / 2026-2027"
MORNING, HOMEWORK, EVENING = "GARDERIE MATIN", "ETUDE SURVEILLEE", "GARDERIE SOIR"
MEAL = "REPAS"
# Capacities a town of 1,000 children would set (the demo's are the guide's, for a few families);
# None: no limit. Homework is short of places, the Wednesday centre is full every week.
CAPACITIES = {MEAL: None, MORNING: 160, HOMEWORK: 90, EVENING: 200, "JOURNEE CENTRE AERE MERCREDI": 120}
UNIT_ORDER = (MORNING, HOMEWORK, EVENING)
HOMEWORK_TARIFF = [[500, 100], [None, 200]]
# Places the data leave free each day in the morning and evening care, at least, for the repeat
# households and the savers (``fill_bookings``' ``room``: ``bench/run.py`` gives the repeats plus the
# latency part's saves a day when that is more).
REPEAT_ROOM = 20
# Waiting bookings kept per Wednesday when more families ask than there are places.
MAX_WAITING = 15


def _words(text: str) -> list[str]:
    return text.split()


FIRST_NAMES = _words(
    "Léa Emma Jade Louise Alice Chloé Lina Rose Anna Mila Inès Ambre Julia Zoé Léna Agathe Juliette "
    "Gabriel Raphaël Léo Louis Lucas Adam Arthur Jules Hugo Maël Liam Noah Ethan Paul Nathan Sacha Tom "
    "Victor Nina Manon Sarah Camille Théo Timéo Axel Eden Lou Romy Iris Mathis Noé"
)
LAST_NAMES = _words(
    "MARTIN BERNARD THOMAS PETIT ROBERT RICHARD DURAND DUBOIS MOREAU LAURENT SIMON MICHEL LEFEBVRE "
    "LEROY ROUX DAVID BERTRAND MOREL FOURNIER GIRARD BONNET DUPONT LAMBERT FONTAINE ROUSSEAU VINCENT "
    "MULLER LEFEVRE FAURE ANDRE MERCIER BLANC GUERIN BOYER GARNIER CHEVALIER FRANCOIS LEGRAND GAUTHIER "
    "GARCIA PERRIN ROBIN CLEMENT MORIN NICOLAS HENRY ROUSSEL MATHIEU GAUTIER MASSON LE_GOFF JAOUEN"
)
SCHOOLS = ("École Albert Camus", "École Georges Pompidou", "École maternelle Les Tilleuls", "École du Port")
CLASS_LEVELS = ("PS", "MS", "GS", "CP", "CE1", "CE2", "CM1", "CM2")

PLANNING_QUERY = (
    "{ bookingLegend { state label } "
    f'planning(from: "{PLANNING_MONTH[0]}", to: "{PLANNING_MONTH[1]}") {{ from to '
    "children { id firstName lastName } units { id name periodId activityName } "
    "days { date bookings { id childId unitId state fromOtherAccount waitingPosition } } } }"
)
ERRORS = "errors { field code message }"
SUMMARY = (
    "summary { state stateLabel takenCount refusedCount total totalText "
    "lines { position childName unitName date action outcome refusal message price waitingPosition } "
    "estimate { regie total lines { label quantity unitPrice amount } } }"
)
REQUEST = (
    "request { id number numberText state stateLabel path firstDay lastDay children createdAt "
    "lines { id position childName unitName date action state refusal message } }"
)
PREVIEW = (
    "mutation($input: BookingRequestInput!) { previewBookingRequest(input: $input) { "
    f"{SUMMARY} {ERRORS} }} }}"
)
SUBMIT = (
    "mutation($input: BookingRequestInput!) { submitBookingRequest(input: $input) { "
    f"{SUMMARY} {REQUEST} {ERRORS} }} }}"
)
SUBMIT_LEAN = (
    "mutation($input: BookingRequestInput!) { submitBookingRequest(input: $input) { "
    f"request {{ id number numberText state }} {ERRORS} }} }}"
)
JSON_HEADERS = {"content-type": "application/json"}


# ---------------------------------------------------------------------------------------------
# What the data set holds, for the runs


@dataclass(frozen=True)
class Signed:
    """A household the bench signs in as, and the child it books for."""

    token: str
    child_id: uuid.UUID


@dataclass
class BookingData:
    """What ``fill_bookings`` wrote, and what the runs need of it."""

    family_token: str  # the demo family: the ``planning`` household
    care_period: uuid.UUID
    morning: uuid.UUID
    evening: uuid.UUID
    homework: uuid.UUID
    homework_capacity: int
    repeat_days: int  # days the repeat books (morning and evening care, from the first day)
    care_days: list[date]  # the périscolaire's open days
    repeats: list[Signed]
    savers: list[Signed]  # ``bench/latency.py``'s households: like the repeats, none booked in the care
    contenders: list[Signed]
    contest_days: list[date]
    contest_places: int  # places left on each contest day, before the run
    rows: dict[str, int]  # rows per table
    states: dict[str, int]  # bookings per state
    planning_bookings: int  # the planning household's active bookings in the month
    seconds: float


def _defaults(model: type[SQLModel]) -> dict[str, Any]:
    """The model's plain defaults (Core inserts do not apply them)."""
    return {
        name: f.default
        for name, f in model.model_fields.items()
        if f.default is not PydanticUndefined and f.default_factory is None
    }


class Writer:
    """Rows gathered per table, inserted parents first with executemany in chunks."""

    CHUNK = 5_000

    def __init__(self) -> None:
        self.rows: dict[type[SQLModel], list[dict[str, Any]]] = {}
        self.defaults: dict[type[SQLModel], dict[str, Any]] = {}

    def add(self, model: type[SQLModel], **values: Any) -> dict[str, Any]:
        defaults = self.defaults.get(model)
        if defaults is None:
            defaults = self.defaults[model] = _defaults(model)
        row = {**defaults, **values}
        self.rows.setdefault(model, []).append(row)
        return row

    async def write(self, db: Database, order: Iterable[type[SQLModel]]) -> dict[str, int]:
        """executemany in chunks. SQLite: its C loop, with a larger page cache for the random-UUID
        indexes. PostgreSQL: batched into multi-row ``INSERT … VALUES`` ("insertmanyvalues", which
        SQLAlchemy uses only with RETURNING by default: asyncpg would send one statement per row)."""
        counts = {}
        async with db.write_engine.begin() as conn:
            if db.is_postgresql:
                conn.sync_connection.dialect.use_insertmanyvalues_wo_returning = True  # type: ignore[union-attr]
            else:
                await conn.exec_driver_sql("PRAGMA cache_size=-262144")
            for model in order:
                rows = self.rows.pop(model, [])
                table = model.__table__  # type: ignore[attr-defined]
                for start in range(0, len(rows), self.CHUNK):
                    await conn.execute(insert(table), rows[start : start + self.CHUNK])
                counts[table.name] = len(rows)
        return counts


@dataclass
class Service:
    period: Period
    activity: Activity
    units: dict[str, Unit]
    days: list[date]


async def _catalogue(db: Database) -> dict[str, Service]:
    """The demo's three services (``load_demo`` made them), with the bench's capacities and the
    homework unit between the morning and evening care."""
    async with db.transaction() as s:
        services: dict[str, Service] = {}
        for service in DEMO_SERVICES:
            period_name = service[4]  # (regie, PayFiP number, facility, activity, period, …)
            period = (await s.exec(select(Period).where(Period.name == period_name))).first()
            if period is None:
                raise RuntimeError(f"the demo's period {period_name!r} is missing: load the demo first")
            activity = await s.get(Activity, period.activity_id)
            assert activity is not None
            rows = {u.name: u for u in (await s.exec(select(Unit).where(Unit.period_id == period.id))).all()}
            if period_name == CARE and HOMEWORK not in rows:
                rows[HOMEWORK] = Unit(period_id=period.id, name=HOMEWORK, tariff=json.dumps(HOMEWORK_TARIFF))
            for name, unit in rows.items():
                if name in CAPACITIES:
                    unit.capacity = CAPACITIES[name]
                if name in UNIT_ORDER:
                    unit.position = UNIT_ORDER.index(name)
                s.add(unit)
            await s.flush()
            closures = list((await s.exec(select(PeriodDay).where(PeriodDay.period_id == period.id))).all())
            days = open_days(period_calendar(period, activity, closures, None))
            services[period_name] = Service(period, activity, rows, days)
        return services


def _pattern(rng: random.Random, weekdays: tuple[int, ...], mix: tuple[float, float]) -> frozenset[int]:
    """The weekdays a child comes: every one (``mix[0]``), all but one (``mix[1]``), or two."""
    draw = rng.random()
    if draw < mix[0]:
        return frozenset(weekdays)
    keep = len(weekdays) - 1 if draw < mix[0] + mix[1] else 2
    return frozenset(rng.sample(weekdays, keep))


def _state(rng: random.Random, wednesday: bool) -> BookingState:
    """A booking's state as a year goes: mostly accepted, a few cancelled; the Wednesday centre
    (paid at booking) also has baskets awaiting payment and expired ones."""
    draw = rng.random()
    if wednesday:
        for state, share in (
            (BookingState.PENDING, 0.04),
            (BookingState.EXPIRED, 0.03),
            (BookingState.CANCELLED, 0.05),
        ):
            if draw < share:
                return state
            draw -= share
        return BookingState.ACCEPTED
    if draw < 0.035:
        return BookingState.CANCELLED
    if draw < 0.04:
        return BookingState.CANCELLATION_REQUESTED
    return BookingState.ACCEPTED


async def fill_bookings(
    db: Database,
    secret_key: str,
    *,
    repeats: int = 16,
    contenders: int = 24,
    contest_rounds: int = 4,
    contest_places: int = 3,
    savers: int = 0,
    room: int = REPEAT_ROOM,
) -> BookingData:
    """Write the school year (see the module's docstring); returns what the runs need. ``room``: the
    places left free each day, at least, in the morning and evening care (the other families are
    cut there), for the repeats and the savers."""
    started = time.perf_counter()
    rng = random.Random(SEED)
    ids = random.Random(SEED + 1)

    def new_id() -> uuid.UUID:
        return uuid.UUID(int=ids.getrandbits(128))

    services = await _catalogue(db)
    canteen, care, centre = services[CANTEEN], services[CARE], services[WEDNESDAY]
    meal = canteen.units[MEAL]
    morning, homework, evening = (care.units[n] for n in (MORNING, HOMEWORK, EVENING))
    (centre_unit,) = centre.units.values()
    password_hash = await hash_password(secrets.token_urlsafe(12))

    async with db.read_sessions() as s:
        family_account = (await s.exec(select(Account).where(Account.email == FAMILY_EMAIL))).one()
        family_guardian = await s.get(Guardian, family_account.guardian_id)
        assert family_guardian is not None
        family_household = await s.get(Household, family_guardian.household_id)
        assert family_household is not None
        family_children = list(
            (
                await s.exec(
                    select(Child)
                    .join(HouseholdChild, col(HouseholdChild.child_id) == Child.id)
                    .where(HouseholdChild.household_id == family_household.id)
                    .order_by(col(Child.birth_date), col(Child.first_name))
                )
            ).all()
        )
        existing = {
            (b.child_id, b.unit_id, b.day)
            for b in (await s.exec(select(Booking.child_id, Booking.unit_id, Booking.day))).all()
        }
        enrolled_already = {(e.child_id, e.period_id) for e in (await s.exec(select(Enrolment))).all()}
        last_number = (await s.exec(select(func.max(BookingRequest.number)))).one() or 0
        counter = await s.get(RequestNumberCounter, "booking_request")
        last_number = max(last_number, counter.value if counter else 0)

    w = Writer()
    now = datetime.now(UTC)

    # Households, guardians, accounts, children ----------------------------------------------
    @dataclass
    class Home:
        id: uuid.UUID
        account: uuid.UUID
        quotient: int | None
        children: list[uuid.UUID] = field(default_factory=list)

    homes = [
        Home(
            family_household.id,
            family_account.id,
            family_household.family_quotient,
            [c.id for c in family_children],
        )
    ]
    sizes = list(FAMILY_SIZES)
    rng.shuffle(sizes)
    for i, size in enumerate(sizes[:HOUSEHOLDS]):
        name = rng.choice(LAST_NAMES).replace("_", " ")
        quotient = rng.choice([None, *range(300, 2100, 50)])
        household = w.add(
            Household,
            id=new_id(),
            name=name,
            civility="M. et Mme",
            address_number=str(rng.randint(1, 120)),
            address_street=rng.choice(
                ("Rue du Port", "Allée des Tilleuls", "Route de Vannes", "Rue de la Poste")
            ),
            postcode="56860",
            city="SÉNÉ",
            main_phone=f"+332970{i:05d}",
            family_quotient=quotient,
            quotient_from=date(2026, 1, 1) if quotient else None,
            created_at=now,
        )
        guardians = [
            w.add(
                Guardian,
                id=new_id(),
                household_id=household["id"],
                rank=rank,
                civility="Mme" if rank == 1 else "M.",
                first_name=rng.choice(FIRST_NAMES),
                last_name=name,
                mobile_phone=f"+3361{rank}{i:06d}",
                email=f"famille{i:03d}.{rank}@bench.example.org",
                relationship="Mère" if rank == 1 else "Père",
                created_at=now,
            )
            for rank in ((1, 2) if rng.random() < 0.8 else (1,))
        ]
        account = w.add(
            Account,
            id=new_id(),
            email=guardians[0]["email"],
            password_hash=password_hash,
            confirmed_at=now,
            guardian_id=guardians[0]["id"],
            created_at=now,
        )
        home = Home(household["id"], account["id"], quotient)
        for _ in range(size):
            child = w.add(
                Child,
                id=new_id(),
                first_name=rng.choice(FIRST_NAMES),
                last_name=name,
                birth_date=date(2015, 1, 1) + timedelta(days=rng.randint(0, 7 * 365)),
                sex=rng.choice("MF"),
                school=rng.choice(SCHOOLS),
                class_level=rng.choice(CLASS_LEVELS),
                diet=rng.choice(("NONE", "NONE", "NONE", "NO_PORK", "VEGETARIAN")),
                created_at=now,
            )
            w.add(HouseholdChild, household_id=home.id, child_id=child["id"])
            home.children.append(child["id"])
        homes.append(home)

    # Who comes when ----------------------------------------------------------------------------
    family, others = homes[0], homes[1:]
    repeat_homes = others[-repeats:] if repeats else []
    contender_homes = others[-repeats - contenders : -repeats or None] if contenders else []
    saver_homes = others[-repeats - contenders - savers : -repeats - contenders or None] if savers else []
    if len(repeat_homes) + len(contender_homes) + len(saver_homes) != repeats + contenders + savers:
        raise RuntimeError(f"{repeats} + {contenders} + {savers} households asked, {len(others)} written")
    reserved = {h.children[0] for h in repeat_homes + contender_homes + saver_homes}
    school_days = (0, 1, 3, 4)
    asks: dict[tuple[uuid.UUID, date], list[uuid.UUID]] = {}  # (unit, day) -> children, in priority order
    enrol: set[tuple[uuid.UUID, uuid.UUID]] = set()

    def wants(child_id: uuid.UUID, unit: Unit, days: list[date], weekdays: frozenset[int]) -> None:
        for day in days:
            if day.weekday() in weekdays:
                asks.setdefault((unit.id, day), []).append(child_id)

    for child_id in family.children:
        every = frozenset(school_days)
        for unit in (meal, morning, homework, evening):
            wants(child_id, unit, canteen.days if unit is meal else care.days, every)
        wants(child_id, centre_unit, centre.days, frozenset({2}))
        enrol.update(
            {(child_id, canteen.period.id), (child_id, care.period.id), (child_id, centre.period.id)}
        )
    children = [(h, c) for h in others for c in h.children]
    rng.shuffle(children)
    for _, child_id in children:
        if rng.random() < 0.85:
            enrol.add((child_id, canteen.period.id))
            wants(child_id, meal, canteen.days, _pattern(rng, school_days, (0.65, 0.20)))
        if child_id in reserved or rng.random() < 0.40:
            enrol.add((child_id, care.period.id))
            if child_id not in reserved:
                for unit, share in ((morning, 0.40), (evening, 0.50), (homework, 0.30)):
                    if rng.random() < share:
                        wants(child_id, unit, care.days, _pattern(rng, school_days, (0.5, 0.25)))
        if child_id not in reserved and rng.random() < 0.22:
            enrol.add((child_id, centre.period.id))
            if rng.random() < 0.7:
                wants(child_id, centre_unit, centre.days, frozenset({2}))
            else:
                start = rng.randrange(2)
                wants(child_id, centre_unit, centre.days[start::2], frozenset({2}))

    # The planning household's youngest waits for a place one Wednesday of the month.
    waiting_day = next(d for d in centre.days if PLANNING_MONTH[0] <= d <= PLANNING_MONTH[1])
    line = asks[(centre_unit.id, waiting_day)]
    line.remove(family.children[-1])
    line.insert(min(len(line), (centre_unit.capacity or 0) + 1), family.children[-1])
    # The contest days: homework days in June with enough families asking to leave only
    # ``contest_places`` places.
    contest_days = [
        d
        for d in care.days
        if d >= date(2027, 6, 1) and len(asks.get((homework.id, d), [])) >= homework.capacity - contest_places
    ][:contest_rounds]

    # Bookings, as the requests that made them ------------------------------------------------
    home_of = {c: h for h in homes for c in h.children}
    unit_of = {u.id: u for u in (meal, morning, homework, evening, centre_unit)}
    service_of = {
        meal.id: canteen,
        morning.id: care,
        homework.id: care,
        evening.id: care,
        centre_unit.id: centre,
    }
    # (household, period) -> [(child, unit, day, state or None when refused FULL)]
    asked: dict[
        tuple[uuid.UUID, uuid.UUID], list[tuple[uuid.UUID, uuid.UUID, date, BookingState | None]]
    ] = {}
    for (unit_id, day), wanting in asks.items():
        unit = unit_of[unit_id]
        service = service_of[unit_id]
        if unit.capacity is None:
            places = len(wanting)
        elif unit is homework and day in contest_days:
            places = unit.capacity - contest_places
        elif unit in (morning, evening):
            places = unit.capacity - room
        else:
            places = unit.capacity
        wednesday = unit is centre_unit
        for rank, child_id in enumerate(wanting):
            if (child_id, unit_id, day) in existing:
                continue
            if rank < places:
                # Every place of a contest day is held, so that exactly ``contest_places`` are left.
                contest = unit is homework and day in contest_days
                state: BookingState | None = BookingState.ACCEPTED if contest else _state(rng, wednesday)
            elif wednesday:
                if rank >= places + MAX_WAITING:
                    continue
                state = BookingState.WAITING
            else:
                state = None  # refused: full
            asked.setdefault((home_of[child_id].id, service.period.id), []).append(
                (child_id, unit_id, day, state)
            )

    for child_id, period_id in enrol - enrolled_already:
        w.add(
            Enrolment,
            id=new_id(),
            child_id=child_id,
            period_id=period_id,
            household_id=home_of[child_id].id,
            state="accepted",
            requested_by=home_of[child_id].account,
            created_at=datetime(2026, 6, 2, 8, tzinfo=UTC),
            decided_at=datetime(2026, 6, 3, 8, tzinfo=UTC),
        )

    def event(
        booking: dict[str, Any],
        before: str,
        after: str,
        actor: str,
        account: uuid.UUID | None,
        request_id: uuid.UUID | None,
        at: datetime,
    ) -> None:
        w.add(
            BookingEvent,
            id=new_id(),
            booking_id=booking["id"],
            from_state=before,
            to_state=after,
            actor=actor,
            account_id=account,
            request_id=request_id,
            at=at,
        )

    homes_by_id = {h.id: h for h in homes}
    number = last_number
    prices: dict[tuple[uuid.UUID, int | None], int] = {}
    planning_bookings = 0
    keys = sorted(asked, key=lambda k: rng.random())  # the order families booked in
    stamps = sorted(
        datetime(2026, 6, 15, 8, tzinfo=UTC) + timedelta(seconds=rng.randint(0, 68 * 86400)) for _ in keys
    )
    cancellations: list[tuple[uuid.UUID, uuid.UUID, list[dict[str, Any]]]] = []
    for (household_id, period_id), created in zip(keys, stamps, strict=True):
        home = homes_by_id[household_id]
        items = sorted(
            asked[(household_id, period_id)],
            key=lambda a: (home.children.index(a[0]), a[2], unit_of[a[1]].position),
        )
        number += 1
        request = w.add(
            BookingRequest,
            id=new_id(),
            number=number,
            household_id=household_id,
            period_id=period_id,
            requested_by=home.account,
            first_day=min(a[2] for a in items),
            last_day=max(a[2] for a in items),
            created_at=created,
            updated_at=created,
        )
        line_states, cancelled = [], []
        for position, (child_id, unit_id, day, state) in enumerate(items, start=1):
            unit = unit_of[unit_id]
            price = prices.get((unit_id, home.quotient))
            if price is None:
                price = prices[(unit_id, home.quotient)] = unit_price(tariff_of(unit), home.quotient)
            line = w.add(
                BookingLine,
                id=new_id(),
                request_id=request["id"],
                position=position,
                child_id=child_id,
                unit_id=unit_id,
                day=day,
                action="book",
                state=BookingState.REFUSED.value,
                price=price,
            )
            if state is None:
                line["refusal"], line["message"] = "FULL", "Il n'y a plus de place pour ce jour."
                continue
            booking = w.add(
                Booking,
                id=new_id(),
                child_id=child_id,
                unit_id=unit_id,
                period_id=period_id,
                day=day,
                household_id=household_id,
                state=state.value,
                book_line_id=line["id"],
                queued_at=created,
                queue_number=number,
                queue_line=position,
                price=price,
                updated_at=created,
            )
            line["booking_id"] = booking["id"]
            line["state"] = book_line_state(state.value)
            line_states.append(line["state"])
            # Its history: booked (a basket pending until paid, a full day waiting), then what became
            # of it (paid or expired; a cancellation comes with its own request, below).
            first = BookingState.PENDING if unit is centre_unit else BookingState.ACCEPTED
            if state is BookingState.WAITING:
                first = state
            event(booking, "", first.value, "family", home.account, request["id"], created)
            if first is BookingState.PENDING and state is not first:
                paid = BookingState.EXPIRED if state is BookingState.EXPIRED else BookingState.ACCEPTED
                event(booking, first.value, paid.value, "system", None, None, created + timedelta(minutes=20))
            if state in (BookingState.CANCELLED, BookingState.CANCELLATION_REQUESTED):
                cancelled.append(booking)
            if (
                household_id == family.id
                and PLANNING_MONTH[0] <= day <= PLANNING_MONTH[1]
                and state.value in (*PLACE_HOLDING_VALUES, BookingState.WAITING.value)
            ):
                planning_bookings += 1
        request["state"] = derived_state(line_states).value
        request["awaiting_staff"] = any(st in AWAITING_STAFF for st in line_states)
        if cancelled:
            cancellations.append((household_id, period_id, cancelled))

    # The cancellations: one later request per household and period.
    for household_id, period_id, cancelled in cancellations:
        home = homes_by_id[household_id]
        number += 1
        created = datetime(2026, 8, 23, 8, tzinfo=UTC) - timedelta(minutes=rng.randint(0, 20_000))
        request = w.add(
            BookingRequest,
            id=new_id(),
            number=number,
            household_id=household_id,
            period_id=period_id,
            requested_by=home.account,
            first_day=min(b["day"] for b in cancelled),
            last_day=max(b["day"] for b in cancelled),
            created_at=created,
            updated_at=created,
        )
        line_states = []
        for position, booking in enumerate(cancelled, start=1):
            line = w.add(
                BookingLine,
                id=new_id(),
                request_id=request["id"],
                position=position,
                child_id=booking["child_id"],
                unit_id=booking["unit_id"],
                day=booking["day"],
                action="cancel",
                state=booking["state"],
                booking_id=booking["id"],
                price=booking["price"],
            )
            booking["cancel_line_id"] = line["id"]
            booking["updated_at"] = created
            event(booking, "accepted", booking["state"], "family", home.account, request["id"], created)
            line_states.append(line["state"])
        request["state"] = derived_state(line_states).value
        request["awaiting_staff"] = any(st in AWAITING_STAFF for st in line_states)

    # Sessions for the households the runs sign in as --------------------------------------------
    def session_for(account_id: uuid.UUID) -> str:
        token = secrets.token_urlsafe(32)
        w.add(
            AuthSession,
            id=new_id(),
            token_hash=token_hash(token, secret_key),
            account_id=account_id,
            remember=True,
            created_at=now,
            last_seen_at=now,
            expires_at=now + timedelta(days=3650),
            user_agent="portail-bench",
        )
        return token

    family_token = session_for(family.account)
    signed_repeats = [Signed(session_for(h.account), h.children[0]) for h in repeat_homes]
    signed_contenders = [Signed(session_for(h.account), h.children[0]) for h in contender_homes]
    signed_savers = [Signed(session_for(h.account), h.children[0]) for h in saver_homes]

    states = Counter(b["state"] for b in w.rows.get(Booking, []))
    rows = await w.write(
        db,
        (
            Household,
            Guardian,
            Account,
            Child,
            HouseholdChild,
            Enrolment,
            BookingRequest,
            Booking,
            BookingLine,
            BookingEvent,
            AuthSession,
        ),
    )
    async with db.transaction() as s:
        # The slots' counters of places held and waiting, as the app keeps them when it books.
        await recount_slots(s)
        if counter is None:
            s.add(RequestNumberCounter(name="booking_request", value=number))
        else:
            await s.exec(
                update(RequestNumberCounter)
                .where(col(RequestNumberCounter.name) == "booking_request")
                .values(value=number)
            )  # type: ignore[call-overload]
    async with db.read_sessions() as s:
        totals = {
            model.__tablename__: (await s.exec(select(func.count()).select_from(model))).one()  # type: ignore[attr-defined]
            for model in (Household, Child, Enrolment, BookingRequest, Booking, BookingLine, BookingEvent)
        }
    rows.update(totals)
    if db.is_postgresql:
        async with db.engine.connect() as conn:
            await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.exec_driver_sql("ANALYZE")
    return BookingData(
        family_token=family_token,
        care_period=care.period.id,
        morning=morning.id,
        evening=evening.id,
        homework=homework.id,
        homework_capacity=homework.capacity or 0,
        repeat_days=len(care.days),
        care_days=list(care.days),
        repeats=signed_repeats,
        savers=signed_savers,
        contenders=signed_contenders,
        contest_days=contest_days,
        contest_places=contest_places,
        rows=rows,
        states=dict(states),
        planning_bookings=planning_bookings,
        seconds=time.perf_counter() - started,
    )


# ---------------------------------------------------------------------------------------------
# Runs: the whole-year repeat, and concurrent submits for the last places of a day

SCHOOL_WEEKDAYS = ["MONDAY", "TUESDAY", "THURSDAY", "FRIDAY"]


def graphql_call(token: str, query: str, variables: dict[str, Any]) -> Call:
    headers = {**JSON_HEADERS, "authorization": f"Bearer {token}"}
    return Call("POST", "/graphql", headers, json.dumps({"query": query, "variables": variables}).encode())


def repeat_input(data: BookingData, child_id: uuid.UUID) -> dict[str, Any]:
    """The whole school year, morning and evening care, every Monday, Tuesday, Thursday and Friday."""
    return {
        "periodId": str(data.care_period),
        "repeats": [
            {
                "childIds": [str(child_id)],
                "unitIds": [str(data.morning), str(data.evening)],
                "weekdays": SCHOOL_WEEKDAYS,
            }
        ],
    }


@dataclass
class Timed:
    """Requests sent one at a time: latency, the server's CPU and SQL statements for each."""

    label: str
    ms: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)
    statements: list[int] = field(default_factory=list)
    lines: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)

    def percentile(self, q: float) -> float:
        values = sorted(self.ms)
        return values[min(len(values) - 1, int(q * len(values)))]

    @property
    def p50(self) -> float:
        return statistics.median(self.ms)


async def _statements(client: httpx.AsyncClient, path: str) -> int:
    return int((await client.get(path)).json()["statements"])


async def _timed(
    connection: RawConnection,
    client: httpx.AsyncClient,
    statements_path: str,
    pid: int,
    call: Call,
    into: Timed | None,
) -> dict[str, Any]:
    before = await _statements(client, statements_path)
    cpu = process_cpu(pid)
    started = time.perf_counter()
    status, body = await connection.send(call)
    elapsed = time.perf_counter() - started
    cpu = process_cpu(pid) - cpu
    count = await _statements(client, statements_path) - before
    payload = json.loads(body)
    if status != 200 or payload.get("errors"):
        raise RuntimeError(f"{status}: {body[:500]!r}")
    if into is not None:
        into.ms.append(elapsed * 1000)
        into.cpu_ms.append(cpu * 1000)
        into.statements.append(count)
    return payload  # type: ignore[no-any-return]


async def time_repeats(
    base: str, pid: int, data: BookingData, statements_path: str, previews: int = 2
) -> tuple[Timed, Timed, Timed]:
    """Per repeat household, ``previews`` previews then the submit of its whole-year repeat (a
    household whose child has no booking in the unit yet, so that the submit really writes). Every
    other submit asks for the whole answer (the summary and the request's lines, as the tests'
    documents do), the others only for the request's number and state."""
    preview = Timed("`previewBookingRequest` (the summary's lines and estimate asked)")
    submit = Timed("`submitBookingRequest` (the summary's and the request's lines asked)")
    lean = Timed("`submitBookingRequest` (only the request's number and state asked)")
    connection = RawConnection(base)
    expected = 2 * data.repeat_days
    try:
        async with httpx.AsyncClient(base_url=base, timeout=60) as client:

            async def send(signed: Signed, query: str, into: Timed | None) -> dict[str, Any]:
                call = graphql_call(signed.token, query, {"input": repeat_input(data, signed.child_id)})
                return await _timed(connection, client, statements_path, pid, call, into)

            # Warm-up, not counted: the first request of a kind fills the server's caches.
            await send(data.repeats[0], PREVIEW, None)
            for i, signed in enumerate(data.repeats):
                for _ in range(previews):
                    summary = (await send(signed, PREVIEW, preview))["data"]["previewBookingRequest"][
                        "summary"
                    ]
                    preview.lines = len(summary["lines"])
                    preview.outcomes.update(f"lines {x['outcome'] or x['refusal']}" for x in summary["lines"])
                timed = submit if i % 2 == 0 else lean
                answer = (await send(signed, SUBMIT if timed is submit else SUBMIT_LEAN, timed))["data"][
                    "submitBookingRequest"
                ]
                if answer["errors"] or answer["request"] is None:
                    raise RuntimeError(f"submit refused: {answer['errors']}")
                timed.lines = preview.lines
                timed.outcomes[f"requests {answer['request']['state']}"] += 1
                if timed is submit:
                    if len(answer["request"]["lines"]) != expected:
                        raise RuntimeError(
                            f"{len(answer['request']['lines'])} lines written, {expected} asked"
                        )
                    lines = answer["summary"]["lines"]
                    timed.outcomes.update(f"lines {x['outcome'] or x['refusal']}" for x in lines)
    finally:
        await connection.close()
    if preview.lines != expected:
        raise RuntimeError(f"a repeat has {preview.lines} lines, {expected} expected")
    return preview, submit, lean


@dataclass
class ContestRound:
    day: date
    held_before: int
    held_after: int
    capacity: int
    elapsed: float
    latencies: list[float]
    outcomes: Counter[str]

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.elapsed


async def held(db: Database, unit_id: uuid.UUID, day: date) -> int:
    """Places held on the unit that day, read straight from the table."""
    async with db.read_sessions() as s:
        query = (
            select(func.count())
            .select_from(Booking)
            .where(
                Booking.unit_id == unit_id,
                Booking.day == day,
                col(Booking.state).in_(list(PLACE_HOLDING_VALUES)),
            )
        )
        return int((await s.exec(query)).one())


async def contest(base: str, url: str, data: BookingData) -> list[ContestRound]:
    """Each contest day, every contender submits a booking of the homework unit at the same moment
    (one connection each, opened beforehand); counts who got a place and the places held after."""
    connections = [RawConnection(base) for _ in data.contenders]
    db = Database(url)
    rounds = []
    try:
        await asyncio.gather(*(c.send(Call("GET", "/healthz", {})) for c in connections))
        for day in data.contest_days:
            calls = [
                graphql_call(
                    c.token,
                    SUBMIT,
                    {
                        "input": {
                            "periodId": str(data.care_period),
                            "changes": [
                                {"childId": str(c.child_id), "unitId": str(data.homework), "date": str(day)}
                            ],
                        }
                    },
                )
                for c in data.contenders
            ]
            before = await held(db, data.homework, day)

            async def send(connection: RawConnection, call: Call) -> tuple[float, int, bytes]:
                started = time.perf_counter()
                status, body = await connection.send(call)
                return time.perf_counter() - started, status, body

            started = time.perf_counter()
            answers = await asyncio.gather(
                *(send(c, call) for c, call in zip(connections, calls, strict=True))
            )
            elapsed = time.perf_counter() - started
            outcomes: Counter[str] = Counter()
            for _, status, body in answers:
                payload = json.loads(body) if status == 200 else {}
                answer = (payload.get("data") or {}).get("submitBookingRequest")
                if answer is None:
                    outcomes[f"error {status}: {body[:200]!r}"] += 1
                elif answer["errors"]:
                    outcomes[answer["errors"][0]["code"]] += 1
                else:
                    outcomes[answer["summary"]["lines"][0]["outcome"]] += 1
            rounds.append(
                ContestRound(
                    day,
                    before,
                    await held(db, data.homework, day),
                    data.homework_capacity,
                    elapsed,
                    [a[0] for a in answers],
                    outcomes,
                )
            )
    finally:
        for connection in connections:
            await connection.close()
        await db.dispose()
    return rounds
