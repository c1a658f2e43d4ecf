"""The money benchmark (``--only money``): the monthly invoicing run, invoice PDFs, and paying a
basket through PayFiP (the sandbox mounted in the app) over HTTP, alone and while others book.

* ``bench_invoicing``: a fresh database gets, in bulk (``bench.bookings.Writer``), a regie and an
  invoice-paid canteen activity of its own, and ``households`` households (one guardian with a
  confirmed account, one child, the child's enrolment) with one accepted booking of the canteen on
  every weekday of January 2027 (20 days, a price per household from the demo's tariff); then
  ``run_month(ctx, "2027-01", None, regie_given=False)`` in process, twice (the second must issue
  nothing), checked against the bookings.
* ``time_invoice_pdfs``: ``invoice_pdf`` alone on one of those 20-line invoices, and ``invoice_file``
  (read, then render) in a new context each time.
* ``bench_checkout``: families written in bulk (an account and a session each, a child enrolled in
  the demo's Wednesday centre), each books one Wednesday over HTTP (its basket), then pays it one at
  a time: ``checkoutBasket`` (which calls the sandbox's SOAP service), then the payer's click on the
  sandbox's page, whose POST returns once the sandbox has called ``/payfip/notification`` and the
  server has settled the payment. Then the last places of a day: ``holders`` families each hold one
  of the ``holders`` places of a Wednesday in their basket and pay it (checkout, click, and the
  notification sent once more at the same time), while ``others`` families book that day, 16 at a
  time; the places held are then checked against the capacity and the payments against invoices.
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
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from sqlalchemy import func, update
from sqlmodel import SQLModel, col, select

from bench.bookings import JSON_HEADERS, Writer
from bench.loadgen import Call, RawConnection
from portail.adapters import invoice_pdf as pdf_module
from portail.clock import Clock
from portail.db.bulk import insert_rows
from portail.db.engine import Database
from portail.db.models import Account, AuthSession, Booking, Child, Guardian, Household, HouseholdChild, Regie
from portail.db.models.bookings import SlotCounter
from portail.db.models.catalogue import Activity, Enrolment, Facility, Period, PeriodDay, Unit
from portail.db.models.invoices import Invoice, InvoiceLine
from portail.db.models.payments import Payment, PaymentItem
from portail.resolvers.catalogue_reading import period_calendar
from portail.resolvers.context import RequestContext
from portail.resolvers.invoices import invoice_file, run_month
from portail.rules.booking_states import PLACE_HOLDING_VALUES
from portail.rules.calendar import open_days
from portail.rules.tokens import token_hash
from portail.rules.validity import TOWN_ZONE
from portail.settings import Settings

SEED = 20270201
INVOICE_MONTH = "2027-01"
# The run's clock: after the month (a month is invoiced once it is over).
INVOICE_NOW = datetime(2027, 2, 3, 9, 0, tzinfo=TOWN_ZONE)
# Every weekday of January 2027 but New Year's Day: 20 days.
JANUARY = [
    date(2027, 1, 4) + timedelta(days=n)
    for n in range(26)
    if (date(2027, 1, 4) + timedelta(days=n)).weekday() < 5
]
PRICES = (120, 250, 410)  # the demo canteen's tariff, by family quotient
BENCH_REGIE = "REGIE BENCH RESTAURATION"

# The payments' server clock: before the school year, so that every Wednesday can be booked.
CHECKOUT_NOW = datetime(2026, 8, 24, 9, 0, tzinfo=TOWN_ZONE)
CENTRE_PERIOD = "MERCREDI POMPIDOU B ELEMENTAIRE / 2026-2027"
ERRORS = "errors { field code message }"
SUBMIT = (
    "mutation($input: BookingRequestInput!) { submitBookingRequest(input: $input) { "
    f"summary {{ lines {{ outcome refusal }} }} request {{ id number state }} {ERRORS} }} }}"
)
CHECKOUT = (
    "mutation($regieId: ID!) { checkoutBasket(regieId: $regieId) { "
    f"payment {{ id state amount reference }} redirectUrl {ERRORS} }} }}"
)
FORM_HEADERS = {"content-type": "application/x-www-form-urlencoded"}


# ---------------------------------------------------------------------------------------------
# The monthly invoicing run


@dataclass
class Invoicing:
    """One monthly run over ``households`` households, and the same month run again."""

    households: int
    bookings: int
    write_seconds: float
    seconds: float
    issued: int
    total: int
    issued_here: int  # the bench regie's invoices (the demo's own bookings may add a few elsewhere)
    second_seconds: float
    second_issued: int
    second_already: int
    invoice_id: uuid.UUID  # one of the bench regie's invoices, for the PDFs

    @property
    def rate(self) -> float:
        return self.issued / self.seconds


def _settings(tmp: Path, url: str, secret_key: str) -> Settings:
    return Settings(  # type: ignore[call-arg]
        _env_file=None, database_url=url, var_dir=tmp / "var", secret_key=secret_key
    )


def _at(moment: datetime) -> Clock:
    clock = Clock()
    clock.travel_to(moment)
    return clock


async def _invoicing_catalogue(db: Database) -> tuple[uuid.UUID, uuid.UUID, uuid.UUID]:
    """A regie and an invoice-paid canteen of its own: (regie, period, unit)."""
    async with db.transaction() as s:
        regie = Regie(name=BENCH_REGIE, payfip_client_number="123499")
        facility = Facility(name="RESTAURANT SCOLAIRE BENCH")
        s.add_all([regie, facility])
        await s.flush()
        activity = Activity(
            facility_id=facility.id, regie_id=regie.id, name="RESTAURATION BENCH", payment="invoice"
        )
        s.add(activity)
        await s.flush()
        period = Period(
            activity_id=activity.id,
            name="RESTAURATION BENCH 2026-2027",
            start=date(2026, 9, 1),
            end=date(2027, 7, 3),
            weekdays="0,1,2,3,4",
        )
        s.add(period)
        await s.flush()
        unit = Unit(
            period_id=period.id, name="REPAS", tariff=json.dumps([[500, 120], [1000, 250], [None, 410]])
        )
        s.add(unit)
        await s.flush()
        return regie.id, period.id, unit.id


async def write(db: Database, w: Writer, order: Iterable[type[SQLModel]]) -> dict[str, int]:
    """``w``'s rows: on PostgreSQL with ``portail.db.bulk.insert_rows`` (a column per array, unnested:
    a few statements instead of SQLAlchemy's batches of multi-row VALUES), on SQLite as
    ``Writer.write`` (executemany)."""
    if not db.is_postgresql:
        return await w.write(db, order)
    counts = {}
    async with db.transaction() as s:
        for model in order:
            rows = w.rows.pop(model, [])
            for start in range(0, len(rows), 20_000):
                await insert_rows(s, model, rows[start : start + 20_000])
            counts[model.__tablename__] = len(rows)  # type: ignore[attr-defined]
    return counts


async def bench_invoicing(url: str, tmp: Path, households: int, secret_key: str) -> Invoicing:
    """Write the month's bookings of ``households`` households, run the month twice, check it."""
    db = Database(url)
    try:
        started = time.perf_counter()
        regie_id, period_id, unit_id = await _invoicing_catalogue(db)
        rng = random.Random(SEED + households)
        # Ids in increasing order (like time-ordered UUIDs): every index of the bulk write grows at
        # its right end, which keeps the 10,000 households' write in seconds. The run's own rows
        # (invoices, lines, mails) get the app's random ids.
        first_id = random.Random(SEED + households + 1).getrandbits(127)
        next_ids = iter(range(first_id, first_id + 10 * households * (len(JANUARY) + 6)))

        def new_id() -> uuid.UUID:
            return uuid.UUID(int=next(next_ids))

        now = datetime(2026, 6, 1, 8, tzinfo=UTC)
        w = Writer()
        expected_total = 0
        for i in range(households):
            name = f"FACTURE{i:05d}"
            household = w.add(
                Household,
                id=new_id(),
                name=name,
                civility="M. et Mme",
                address_number=str(rng.randint(1, 120)),
                address_street="Rue du Port",
                postcode="56860",
                city="SÉNÉ",
                created_at=now,
            )
            guardian = w.add(
                Guardian,
                id=new_id(),
                household_id=household["id"],
                rank=1,
                civility="Mme",
                first_name="Claire",
                last_name=name,
                mobile_phone=f"+3361{i:07d}",
                email=f"facture{i:05d}@bench.example.org",
                relationship="Mère",
                created_at=now,
            )
            account = w.add(
                Account,
                id=new_id(),
                email=guardian["email"],
                password_hash="x",
                confirmed_at=now,
                guardian_id=guardian["id"],
                created_at=now,
            )
            child = w.add(
                Child,
                id=new_id(),
                first_name="Léo",
                last_name=name,
                birth_date=date(2018, 1, 1) + timedelta(days=rng.randint(0, 1500)),
                sex="M",
                created_at=now,
            )
            w.add(HouseholdChild, household_id=household["id"], child_id=child["id"])
            w.add(
                Enrolment,
                id=new_id(),
                child_id=child["id"],
                period_id=period_id,
                household_id=household["id"],
                state="accepted",
                requested_by=account["id"],
                created_at=now,
                decided_at=now,
            )
            price = rng.choice(PRICES)
            for day in JANUARY:
                w.add(
                    Booking,
                    id=new_id(),
                    child_id=child["id"],
                    unit_id=unit_id,
                    period_id=period_id,
                    day=day,
                    household_id=household["id"],
                    state="accepted",
                    queued_at=now,
                    price=price,
                    updated_at=now,
                )
                expected_total += price
        counts = await write(db, w, (Household, Guardian, Account, Child, HouseholdChild, Enrolment, Booking))
        if db.is_postgresql:
            async with db.engine.connect() as conn:
                await conn.execution_options(isolation_level="AUTOCOMMIT")
                await conn.exec_driver_sql("ANALYZE")
        write_seconds = time.perf_counter() - started

        settings = _settings(tmp, url, secret_key)
        clock = _at(INVOICE_NOW)

        async def run() -> tuple[float, Any]:
            ctx = RequestContext(db=db, settings=settings, clock=clock, request_id="bench-invoicing")
            try:
                started = time.perf_counter()
                result = await run_month(ctx, INVOICE_MONTH, None, regie_given=False)
                return time.perf_counter() - started, result
            finally:
                await ctx.close()

        seconds, first = await run()
        second_seconds, second = await run()

        # Checked against the bookings before anything is reported.
        async with db.read_sessions() as s:
            mine = select(Invoice).where(Invoice.regie_id == regie_id, Invoice.month == INVOICE_MONTH)
            count = (await s.exec(select(func.count()).select_from(mine.subquery()))).one()
            total = (
                await s.exec(
                    select(func.coalesce(func.sum(Invoice.total), 0)).where(Invoice.regie_id == regie_id)
                )
            ).one()
            lines = (
                await s.exec(
                    select(func.count())
                    .select_from(InvoiceLine)
                    .join(Invoice, col(Invoice.id) == InvoiceLine.invoice_id)
                    .where(Invoice.regie_id == regie_id)
                )
            ).one()
            households_invoiced = (
                await s.exec(
                    select(func.count(func.distinct(Invoice.household_id))).where(
                        Invoice.regie_id == regie_id
                    )
                )
            ).one()
            numbers = (
                await s.exec(
                    select(func.min(Invoice.number), func.max(Invoice.number)).where(
                        Invoice.regie_id == regie_id
                    )
                )
            ).one()
            sample = (await s.exec(mine.limit(1))).one()
        problems = []
        if count != households or households_invoiced != households:
            problems.append(f"{count} invoices for {households_invoiced} of {households} households")
        if int(total) != expected_total:
            problems.append(f"invoiced {total}, booked {expected_total}")
        if lines != households * len(JANUARY):
            problems.append(f"{lines} invoice lines for {households * len(JANUARY)} bookings")
        if tuple(numbers) != (1, households):
            problems.append(f"numbers {tuple(numbers)}, expected 1..{households}")
        if second.issued != 0 or second.already != first.issued:
            problems.append(f"the second run issued {second.issued}, found {second.already} already done")
        if problems:
            raise RuntimeError("monthly invoicing is wrong: " + "; ".join(problems))
        return Invoicing(
            households,
            counts["booking"],
            write_seconds,
            seconds,
            first.issued,
            first.total,
            count,
            second_seconds,
            second.issued,
            second.already,
            sample.id,
        )
    finally:
        await db.dispose()


# ---------------------------------------------------------------------------------------------
# Invoice PDFs


@dataclass
class InvoicePdfs:
    render_ms: list[float]
    file_ms: list[float]
    lines: int
    pdf_bytes: int

    @property
    def render_rate(self) -> float:
        return 1000 / statistics.mean(self.render_ms)

    @property
    def file_rate(self) -> float:
        return 1000 / statistics.mean(self.file_ms)


async def time_invoice_pdfs(
    url: str, tmp: Path, invoice_id: uuid.UUID, secret_key: str, renders: int = 200, files: int = 50
) -> InvoicePdfs:
    """``invoice_pdf`` alone ``renders`` times on the document ``invoice_file`` builds, then
    ``invoice_file`` (read the invoice, regie, lines and payments, then render) ``files`` times."""
    db = Database(url)
    settings = _settings(tmp, url, secret_key)
    clock = _at(INVOICE_NOW)
    captured: list[Any] = []
    render = pdf_module.invoice_pdf

    def capture(document: Any) -> bytes:
        captured.append(document)
        return render(document)

    try:
        ctx = RequestContext(db=db, settings=settings, clock=clock, request_id="bench-pdf")
        pdf_module.invoice_pdf = capture  # invoice_file calls it through the module
        try:
            made = await invoice_file(ctx, invoice_id)
        finally:
            pdf_module.invoice_pdf = render
            await ctx.close()
        assert made is not None and made[0].startswith(b"%PDF-")
        document = captured[0]
        render_ms = []
        for _ in range(renders):
            started = time.perf_counter()
            render(document)
            render_ms.append((time.perf_counter() - started) * 1000)
        file_ms = []
        for _ in range(files):
            ctx = RequestContext(db=db, settings=settings, clock=clock, request_id="bench-pdf")
            started = time.perf_counter()
            try:
                answer = await invoice_file(ctx, invoice_id)
            finally:
                await ctx.close()
            file_ms.append((time.perf_counter() - started) * 1000)
            assert answer is not None
        return InvoicePdfs(render_ms, file_ms, len(document.lines), len(made[0]))
    finally:
        await db.dispose()


# ---------------------------------------------------------------------------------------------
# Paying baskets over HTTP


@dataclass(frozen=True)
class Family:
    token: str
    child_id: uuid.UUID
    household_id: uuid.UUID


@dataclass
class CheckoutData:
    regie_id: uuid.UUID
    period_id: uuid.UUID
    unit_id: uuid.UUID
    days: list[date]  # the centre's Wednesdays
    families: list[Family]  # pay one at a time
    holders: list[Family]  # hold the last places of the contest day
    others: list[Family]  # book that day meanwhile


async def fill_families(
    db: Database, secret_key: str, families: int, holders: int, others: int
) -> CheckoutData:
    """Households with a signed-in account and one child enrolled in the demo's Wednesday centre."""
    async with db.transaction() as s:
        period = (await s.exec(select(Period).where(Period.name == CENTRE_PERIOD))).one()
        activity = await s.get(Activity, period.activity_id)
        assert activity is not None and activity.regie_id is not None
        (unit,) = (await s.exec(select(Unit).where(Unit.period_id == period.id))).all()
        closures = list((await s.exec(select(PeriodDay).where(PeriodDay.period_id == period.id))).all())
        days = [d for d in open_days(period_calendar(period, activity, closures, None)) if d > CHECKOUT_NOW.date()]
    ids = random.Random(SEED + 7)

    def new_id() -> uuid.UUID:
        return uuid.UUID(int=ids.getrandbits(128))

    now = datetime(2026, 6, 1, 8, tzinfo=UTC)
    w = Writer()
    made = []
    for i in range(families + holders + others):
        name = f"PANIER{i:04d}"
        household = w.add(Household, id=new_id(), name=name, civility="Mme", city="SÉNÉ", created_at=now)
        guardian = w.add(
            Guardian,
            id=new_id(),
            household_id=household["id"],
            rank=1,
            civility="Mme",
            first_name="Anne",
            last_name=name,
            mobile_phone=f"+3362{i:07d}",
            email=f"panier{i:04d}@bench.example.org",
            relationship="Mère",
            created_at=now,
        )
        account = w.add(
            Account,
            id=new_id(),
            email=guardian["email"],
            password_hash="x",
            confirmed_at=now,
            guardian_id=guardian["id"],
            created_at=now,
        )
        child = w.add(
            Child,
            id=new_id(),
            first_name="Emma",
            last_name=name,
            birth_date=date(2018, 3, 1),
            sex="F",
            school="École Georges Pompidou",
            class_level="CE1",
            created_at=now,
        )
        w.add(HouseholdChild, household_id=household["id"], child_id=child["id"])
        w.add(
            Enrolment,
            id=new_id(),
            child_id=child["id"],
            period_id=period.id,
            household_id=household["id"],
            state="accepted",
            requested_by=account["id"],
            created_at=now,
            decided_at=now,
        )
        token = secrets.token_urlsafe(32)
        w.add(
            AuthSession,
            id=new_id(),
            token_hash=token_hash(token, secret_key),
            account_id=account["id"],
            remember=True,
            created_at=now,
            last_seen_at=now,
            expires_at=now + timedelta(days=3650),
            user_agent="portail-bench",
        )
        made.append(Family(token, child["id"], household["id"]))
    await w.write(db, (Household, Guardian, Account, Child, HouseholdChild, Enrolment, AuthSession))
    return CheckoutData(
        activity.regie_id,
        period.id,
        unit.id,
        days,
        made[:families],
        made[families : families + holders],
        made[families + holders :],
    )


async def set_capacity(db: Database, unit_id: uuid.UUID, capacity: int | None) -> None:
    async with db.transaction() as s:
        await s.exec(update(Unit).where(col(Unit.id) == unit_id).values(capacity=capacity))  # type: ignore[call-overload]


def _graphql(token: str, query: str, variables: dict[str, Any]) -> Call:
    headers = {**JSON_HEADERS, "authorization": f"Bearer {token}"}
    return Call("POST", "/graphql", headers, json.dumps({"query": query, "variables": variables}).encode())


def _book(data: CheckoutData, family: Family, day: date) -> Call:
    changes = [{"childId": str(family.child_id), "unitId": str(data.unit_id), "date": str(day)}]
    return _graphql(family.token, SUBMIT, {"input": {"periodId": str(data.period_id), "changes": changes}})


def _answer(status: int, body: bytes, name: str) -> dict[str, Any]:
    payload = json.loads(body) if status == 200 else {}
    answer = (payload.get("data") or {}).get(name)
    if answer is None:
        raise RuntimeError(f"{name}: {status} {body[:300]!r}")
    return answer


async def _timed(connection: RawConnection, call: Call) -> tuple[float, int, bytes]:
    started = time.perf_counter()
    status, body = await connection.send_once(call)
    return (time.perf_counter() - started) * 1000, status, body


async def book(connection: RawConnection, data: CheckoutData, family: Family, day: date) -> tuple[float, str]:
    """One day in the centre: (ms, the line's outcome or the error's code)."""
    ms, status, body = await _timed(connection, _book(data, family, day))
    answer = _answer(status, body, "submitBookingRequest")
    if answer["errors"]:
        return ms, answer["errors"][0]["code"]
    return ms, answer["summary"]["lines"][0]["outcome"]


async def checkout(connection: RawConnection, data: CheckoutData, family: Family) -> tuple[float, str]:
    """``checkoutBasket`` for the centre's regie: (ms, the sandbox page's idop)."""
    ms, status, body = await _timed(
        connection, _graphql(family.token, CHECKOUT, {"regieId": str(data.regie_id)})
    )
    answer = _answer(status, body, "checkoutBasket")
    if answer["errors"] or not answer["redirectUrl"]:
        raise RuntimeError(f"checkoutBasket: {answer}")
    query = dict(pair.split("=", 1) for pair in urlsplit(answer["redirectUrl"]).query.split("&"))
    return ms, query["idop"]


async def click(connection: RawConnection, idop: str) -> float:
    """The payer's "paid by card" on the sandbox's page; answered once the notification is handled."""
    body = urlencode({"idop": idop, "resultat": "P"}).encode()
    ms, status, answer = await _timed(
        connection, Call("POST", "/payfip-sandbox/tpa/paiementws.web", FORM_HEADERS, body)
    )
    if status != 303:
        raise RuntimeError(f"sandbox decision: {status} {answer[:300]!r}")
    return ms


async def notify(connection: RawConnection, idop: str) -> float:
    """PayFiP's notification, sent by hand (as PayFiP may send it more than once)."""
    ms, status, answer = await _timed(
        connection, Call("POST", "/payfip/notification", FORM_HEADERS, urlencode({"idop": idop}).encode())
    )
    if status != 200:
        raise RuntimeError(f"notification: {status} {answer[:300]!r}")
    return ms


@dataclass
class Contest:
    """The last places of a day: holders pay while others book."""

    day: date
    capacity: int
    holders: int
    others: int
    concurrency: int
    elapsed: float
    outcomes: Counter[str]
    held_after: int
    counter_held: int
    paid: int
    invoices_per_payment: Counter[int]  # invoices per paid payment -> payments

    @property
    def ok(self) -> bool:
        return (
            self.held_after <= self.capacity
            and self.counter_held == self.held_after
            and self.paid == self.holders
            and set(self.invoices_per_payment) == {1}
        )


@dataclass
class Checkouts:
    families: int
    book_ms: list[float] = field(default_factory=list)
    checkout_ms: list[float] = field(default_factory=list)
    click_ms: list[float] = field(default_factory=list)
    again_ms: list[float] = field(default_factory=list)  # a notification repeated once settled
    paid: int = 0
    invoices: int = 0
    contest: Contest | None = None


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def _paid(db: Database, households: list[uuid.UUID]) -> tuple[int, Counter[int]]:
    """Paid payments of these households, and how many basket invoices each one has."""
    async with db.read_sessions() as s:
        payments = (
            await s.exec(
                select(Payment.id).where(col(Payment.household_id).in_(households), Payment.state == "paid")
            )
        ).all()
        per_payment: Counter[uuid.UUID] = Counter({p: 0 for p in payments})
        rows = (
            await s.exec(
                select(PaymentItem.payment_id, func.count())
                .join(Invoice, col(Invoice.id) == PaymentItem.invoice_id)
                .where(col(PaymentItem.payment_id).in_(payments), Invoice.origin == "basket")
                .group_by(col(PaymentItem.payment_id))
            )
        ).all()
        per_payment.update({payment_id: n for payment_id, n in rows})
    return len(payments), Counter(per_payment.values())


async def held_on(db: Database, unit_id: uuid.UUID, day: date) -> tuple[int, int]:
    """Places held that day: counted from the bookings, and the slot's counter."""
    async with db.read_sessions() as s:
        bookings = (
            await s.exec(
                select(func.count())
                .select_from(Booking)
                .where(
                    Booking.unit_id == unit_id,
                    Booking.day == day,
                    col(Booking.state).in_(list(PLACE_HOLDING_VALUES)),
                )
            )
        ).one()
        counter = await s.get(SlotCounter, (unit_id, day))
    return int(bookings), counter.held if counter else 0


async def bench_checkout(base: str, url: str, data: CheckoutData, concurrency: int = 16) -> Checkouts:
    """Each family books a Wednesday then pays it, one at a time; then the contest for the last
    places of another Wednesday."""
    db = Database(url)
    result = Checkouts(len(data.families))
    connection = RawConnection(base)
    try:
        # Room for everyone on the first Wednesdays (the demo's centre has 24 places).
        await set_capacity(db, data.unit_id, 200)
        pay_days = data.days[:2]
        for i, family in enumerate(data.families):
            ms, outcome = await book(connection, data, family, pay_days[i % 2])
            if outcome != "PENDING" and outcome != "TAKEN" and outcome != "ACCEPTED":
                raise RuntimeError(f"booking a Wednesday: {outcome}")
            result.book_ms.append(ms)
        idops = []
        for family in data.families:
            ms, idop = await checkout(connection, data, family)
            result.checkout_ms.append(ms)
            result.click_ms.append(await click(connection, idop))
            idops.append(idop)
        for idop in idops[:20]:
            result.again_ms.append(await notify(connection, idop))
        result.paid, per_payment = await _paid(db, [f.household_id for f in data.families])
        result.invoices = sum(n * k for n, k in per_payment.items())
        if result.paid != len(data.families) or set(per_payment) != {1}:
            raise RuntimeError(
                f"{result.paid} paid of {len(data.families)}; invoices per payment {per_payment}"
            )
        result.contest = await contest(base, db, data, concurrency)
    finally:
        await connection.close()
        await db.dispose()
    return result


async def contest(base: str, db: Database, data: CheckoutData, concurrency: int) -> Contest:
    """``holders`` families hold every place of a Wednesday (capacity = holders) in their basket;
    then, ``concurrency`` at a time, each pays (checkout, click, the notification repeated) while
    ``others`` families book the same day."""
    day = data.days[4]
    capacity = len(data.holders)
    await set_capacity(db, data.unit_id, capacity)
    connection = RawConnection(base)
    try:
        for family in data.holders:
            _, outcome = await book(connection, data, family, day)
            if outcome != "PENDING":
                raise RuntimeError(f"holding a place: {outcome}")
    finally:
        await connection.close()
    outcomes: Counter[str] = Counter()

    async def pay(c: RawConnection, family: Family) -> None:
        _, idop = await checkout(c, data, family)
        # The payer's click (the sandbox notifies) and PayFiP's notification again, at once.
        extra = RawConnection(base)
        try:
            await asyncio.gather(click(c, idop), notify(extra, idop))
        finally:
            await extra.close()
        outcomes["paid"] += 1

    async def other(c: RawConnection, family: Family) -> None:
        _, outcome = await book(c, data, family, day)
        outcomes[f"booked: {outcome}"] += 1

    jobs = [(pay, f) for f in data.holders] + [(other, f) for f in data.others]
    random.Random(SEED).shuffle(jobs)
    queue: asyncio.Queue[tuple[Any, Family]] = asyncio.Queue()
    for job in jobs:
        queue.put_nowait(job)
    connections = [RawConnection(base) for _ in range(concurrency)]

    async def worker(c: RawConnection) -> None:
        while not queue.empty():
            job, family = queue.get_nowait()
            await job(c, family)

    try:
        started = time.perf_counter()
        await asyncio.gather(*(worker(c) for c in connections))
        elapsed = time.perf_counter() - started
    finally:
        for c in connections:
            await c.close()
    held_after, counter_held = await held_on(db, data.unit_id, day)
    paid, per_payment = await _paid(db, [f.household_id for f in data.holders])
    return Contest(
        day,
        capacity,
        len(data.holders),
        len(data.others),
        concurrency,
        elapsed,
        outcomes,
        held_after,
        counter_held,
        paid,
        per_payment,
    )


# ---------------------------------------------------------------------------------------------
# Report


@dataclass
class Money:
    backend: str
    invoicing: list[Invoicing]
    pdfs: InvoicePdfs
    checkouts: Checkouts


def money_report(results: list[Money]) -> list[str]:
    if not results:
        return []
    lines = [
        "",
        f"Money: the monthly invoicing of {INVOICE_MONTH} in process (`run_month`, batches of 500 households), "
        "households of one child booked in an invoice-paid canteen every weekday of the month "
        f"({len(JANUARY)} accepted bookings each), written in bulk; checked: one invoice per household, "
        "a line per booking, totals = the bookings' prices, numbers 1..n; then the same month run again.",
        "",
        "| Database | households | bookings | data written in | run s | invoices/s | invoiced | second run s "
        "(issued / already) | growth vs. previous size |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        previous: Invoicing | None = None
        for i in r.invoicing:
            growth = (
                f"×{i.seconds / previous.seconds:.1f} for ×{i.households / previous.households:.0f}"
                if previous
                else "–"
            )
            lines.append(
                f"| {r.backend} | {i.households:,} | {i.bookings:,} | {i.write_seconds:.1f} s | **{i.seconds:.1f}** "
                f"| {i.rate:,.0f} | {i.issued_here:,} invoices, {i.total / 100:,.2f} € "
                f"| {i.second_seconds:.2f} ({i.second_issued} / {i.second_already:,}) | {growth} |"
            )
            previous = i
    lines += [
        "",
        "| Database | Invoice PDF (20 lines) | PDFs/s | ms median | p90 ms | PDF bytes |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for r in results:
        p = r.pdfs
        lines += [
            f"| {r.backend} | `invoice_pdf` in process (render only), {len(p.render_ms)} PDFs | **{p.render_rate:,.0f}** "
            f"| {statistics.median(p.render_ms):.1f} | {percentile(p.render_ms, 0.9):.1f} | {p.pdf_bytes:,} |",
            f"| {r.backend} | `invoice_file` in process (read, then render), {len(p.file_ms)} PDFs "
            f"| {p.file_rate:,.0f} | {statistics.median(p.file_ms):.1f} | {percentile(p.file_ms, 0.9):.1f} | |",
        ]
    lines += [
        "",
        "| Database | Paying a basket over HTTP (sandbox in the app), one at a time | requests | p50 ms "
        "| p95 ms | max ms |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for r in results:
        c = r.checkouts
        for label, values in (
            ("`submitBookingRequest`, one Wednesday of the centre (into the basket)", c.book_ms),
            (
                "`checkoutBasket` (payment written, SOAP `creerPaiementSecurise` to the sandbox)",
                c.checkout_ms,
            ),
            (
                "payer's click, `POST /payfip-sandbox/tpa/paiementws.web` (includes the notification: "
                "SOAP detail, settle, paid invoice, mails)",
                c.click_ms,
            ),
            ("`POST /payfip/notification` again, payment already settled", c.again_ms),
        ):
            lines.append(
                f"| {r.backend} | {label} | {len(values)} | **{statistics.median(values):.0f}** "
                f"| {percentile(values, 0.95):.0f} | {max(values):.0f} |"
            )
    lines += [
        "",
        "| Database | Last places of a day: holders pay (checkout, click, notification twice) while others book "
        "| concurrency | seconds | outcomes | held after / capacity (slot counter) | paid, invoices per payment |",
        "|---|---|---:|---:|---|---:|---|",
    ]
    for r in results:
        k = r.checkouts.contest
        if k is None:
            continue
        verdict = "ok" if k.ok else "**WRONG**"
        lines.append(
            f"| {r.backend} | {k.holders} holders, {k.others} others, {k.day:%d/%m/%Y} | {k.concurrency} "
            f"| **{k.elapsed:.2f}** | {', '.join(f'{n} {o}' for o, n in sorted(k.outcomes.items()))} "
            f"| {k.held_after} / {k.capacity} ({k.counter_held}) | {k.paid} paid, "
            f"{', '.join(f'{p} with {n}' for n, p in sorted(k.invoices_per_payment.items()))} ({verdict}) |"
        )
    return lines
