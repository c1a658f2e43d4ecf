"""'Mes factures': the household's invoices and credit notes, the count still to pay, one invoice's
detail, and the monthly invoicing run that issues them (activities invoiced afterwards)."""

from __future__ import annotations

import asyncio
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial
from typing import Any

import sqlalchemy as sa
from sqlmodel import col, func, select

from portail.adapters import invoice_pdf as pdf
from portail.db.bulk import insert_rows
from portail.db.locks import next_number, next_numbers
from portail.db.models import Account, Attendance, Booking, Child, Guardian, Household, Regie
from portail.db.models.base import new_id
from portail.db.models.catalogue import Activity, Period, Unit
from portail.db.models.invoices import Invoice, InvoiceLine
from portail.db.models.payments import Payment, PaymentItem
from portail.resolvers.catalogue_reading import tariff_of
from portail.resolvers.context import RequestContext, today
from portail.resolvers.errors import ErrorCode, UserErrors
from portail.resolvers.households import viewer_household_id
from portail.resolvers.invoicing import billed_address
from portail.resolvers.mail import client_link, send_mail
from portail.resolvers.transactions import in_transaction
from portail.resolvers.validation import Validator
from portail.rules.basket import line_designation
from portail.rules.booking_states import BookingState
from portail.rules.invoices import (
    InvoiceState,
    due_date,
    invoice_number_text,
    invoice_state,
    method_label,
    number_counter,
    overdue_before,
    unbooked_designation,
    unbooked_price,
)
from portail.rules.pricing import format_amount
from portail.rules.quantities import items
from portail.rules.validity import town_date

MAX_PAGE = 100
# What is still owed on these.
OPEN_STATES = (InvoiceState.UNPAID.value, InvoiceState.PARTLY_PAID.value)
# Households invoiced per transaction by the monthly run: each batch commits on its own (a crash
# loses nothing: running the month again issues only what is missing).
RUN_BATCH = 500


@dataclass
class InvoicePayment:
    """A payment settling (part of) an invoice."""

    payment: Payment
    amount: int


@dataclass
class InvoiceView:
    """An invoice with its regie, lines and payments."""

    invoice: Invoice
    regie: Regie
    lines: list[InvoiceLine] = field(default_factory=list)
    payments: list[InvoicePayment] = field(default_factory=list)

    @property
    def number_text(self) -> str:
        return invoice_number_text(self.invoice.year, self.invoice.number, self.regie.invoice_prefix)

    @property
    def left_to_pay(self) -> int:
        if self.invoice.state not in OPEN_STATES:
            return 0
        return max(0, self.invoice.total - self.invoice.paid)


@dataclass
class InvoicePage:
    views: list[InvoiceView]
    has_next: bool


# ---------------------------------------------------------------------------------------------
# Reading


async def invoices(
    ctx: RequestContext, *, first: int, after: tuple[date, int, str] | None, to_pay_only: bool
) -> InvoicePage:
    """The household's invoices and credit notes, newest first, a page at a time."""
    household_id = await viewer_household_id(ctx)
    if household_id is None:
        return InvoicePage([], False)
    return await _page(ctx, household_id, None, to_pay_only, first, after)


async def _page(
    ctx: RequestContext,
    household_id: uuid.UUID | None,
    regie_id: uuid.UUID | None,
    to_pay_only: bool,
    first: int,
    after: tuple[date, int, str] | None,
) -> InvoicePage:
    """A page of invoices, newest first (by issue time, then number), filtered as asked."""
    limit = max(1, min(first, MAX_PAGE))
    order = (col(Invoice.issued_at).desc(), col(Invoice.number).desc(), col(Invoice.id).desc())
    query = select(Invoice).order_by(*order).limit(limit + 1)
    if household_id is not None:
        query = query.where(Invoice.household_id == household_id)
    if regie_id is not None:
        query = query.where(Invoice.regie_id == regie_id)
    if to_pay_only:
        query = query.where(col(Invoice.state).in_(OPEN_STATES))
    if after is not None:
        issued, number, id_ = after
        query = query.where(
            sa.tuple_(col(Invoice.issued_at), col(Invoice.number), col(Invoice.id))
            < sa.tuple_(sa.literal(issued), sa.literal(number), sa.literal(uuid.UUID(id_)))
        )
    rows = list((await ctx.session.exec(query)).all())
    return InvoicePage(await _views(ctx, rows[:limit]), len(rows) > limit)


async def invoice(ctx: RequestContext, invoice_id: uuid.UUID | None) -> InvoiceView | None:
    """One of the household's invoices (another family's: None, like an unknown id)."""
    household_id = await viewer_household_id(ctx)
    if household_id is None or invoice_id is None:
        return None
    row = (
        await ctx.session.exec(
            select(Invoice).where(Invoice.id == invoice_id, Invoice.household_id == household_id)
        )
    ).first()
    return (await _views(ctx, [row]))[0] if row else None


async def unpaid_invoice_count(ctx: RequestContext) -> int:
    """How many of the household's invoices are still to pay (the guide's counter)."""
    household_id = await viewer_household_id(ctx)
    if household_id is None:
        return 0
    count = await ctx.session.exec(
        select(func.count())
        .select_from(Invoice)
        .where(Invoice.household_id == household_id, col(Invoice.state).in_(OPEN_STATES))
    )
    return int(count.one())


async def overdue_message(ctx: RequestContext, household_id: uuid.UUID, activity: Activity) -> str:
    """Why the household may not book the activity now (an invoice of its regie unpaid too long past its
    due date, when the activity says so), or "" when it may."""
    days = activity.block_overdue_days
    if days is None or activity.regie_id is None:
        return ""
    late = await ctx.session.exec(
        select(func.count())
        .select_from(Invoice)
        .where(
            Invoice.household_id == household_id,
            Invoice.regie_id == activity.regie_id,
            col(Invoice.state).in_(OPEN_STATES),
            col(Invoice.due_date) < overdue_before(today(ctx), days),
        )
    )
    if not late.one():
        return ""
    return (
        "Des factures de cette régie restent impayées après leur échéance : réglez-les dans « Mes factures » "
        "pour réserver de nouveau."
    )


async def _views(ctx: RequestContext, rows: list[Invoice]) -> list[InvoiceView]:
    """The invoices with their regies, lines and payments, in a fixed number of statements."""
    if not rows:
        return []
    ids = [r.id for r in rows]
    regies = {
        r.id: r
        for r in (
            await ctx.session.exec(select(Regie).where(col(Regie.id).in_({r.regie_id for r in rows})))
        ).all()
    }
    views = {r.id: InvoiceView(r, regies[r.regie_id]) for r in rows}
    lines = await ctx.session.exec(
        select(InvoiceLine).where(col(InvoiceLine.invoice_id).in_(ids)).order_by(col(InvoiceLine.position))
    )
    for line in lines.all():
        views[line.invoice_id].lines.append(line)
    paid = await ctx.session.exec(
        select(PaymentItem, Payment)
        .join(Payment, col(Payment.id) == PaymentItem.payment_id)
        .where(col(PaymentItem.invoice_id).in_(ids), Payment.state == "paid")
        .order_by(col(Payment.paid_at))
    )
    for item, payment in paid.all():
        assert item.invoice_id is not None
        views[item.invoice_id].payments.append(InvoicePayment(payment, item.amount))
    return [views[i] for i in ids]


# ---------------------------------------------------------------------------------------------
# The monthly run


@dataclass
class InvoicingRun:
    """What a run issued: invoices (new ones only), for how much in all."""

    month: str
    issued: int = 0
    total: int = 0
    already: int = 0


def month_bounds(month: str) -> tuple[date, date] | None:
    """The first and last day of "2027-01" (None when it is not such a month)."""
    try:
        year, number = (int(part) for part in month.split("-"))
        first = date(year, number, 1)
    except ValueError:
        return None
    if len(month) != 7 or not 2000 <= year <= 2999:
        return None
    following = date(year + number // 12, number % 12 + 1, 1)
    return first, following - timedelta(days=1)


async def run_month(
    ctx: RequestContext, month: str, regie_id: uuid.UUID | None, *, regie_given: bool
) -> InvoicingRun:
    """Issue, for ``month``, one invoice per household and regie of what its activities invoiced
    afterwards delivered: the days booked and accepted (a cancellation still asked counts: the place
    was held). Running a month again issues nothing twice (the households already invoiced are
    skipped); numbers follow each other per regie and year. Runs its own transactions, a batch of
    households at a time."""
    bounds = month_bounds(month)
    if bounds is None:
        raise UserErrors.one("month", ErrorCode.INVALID, "Le mois s'écrit AAAA-MM, par exemple 2027-01.")
    if bounds[1] >= today(ctx):
        # A month is invoiced once over: a day booked later in it would never be invoiced.
        raise UserErrors.one("month", ErrorCode.INVALID, "Ce mois n'est pas terminé : il se facture ensuite.")
    regies = list((await ctx.session.exec(select(Regie).order_by(col(Regie.name)))).all())
    if regie_given:
        regies = [r for r in regies if r.id == regie_id]
        if not regies:
            raise UserErrors.one("regieId", ErrorCode.NOT_FOUND, "Cette régie n'existe pas.")
    run = InvoicingRun(month)
    for regie in regies:
        await _run_regie(ctx, regie, month, bounds, run)
    return run


async def _run_regie(
    ctx: RequestContext, regie: Regie, month: str, bounds: tuple[date, date], run: InvoicingRun
) -> None:
    already = await ctx.session.exec(
        select(func.count())
        .select_from(Invoice)
        .where(Invoice.regie_id == regie.id, Invoice.month == month, Invoice.origin == "monthly")
    )
    run.already += int(already.one())
    # The households already invoiced for the month are left out by the query itself: running a month
    # again reads nothing of theirs.
    billable = await _charges(ctx, regie.id, month, bounds)
    households = sorted(billable)
    for start in range(0, len(households), RUN_BATCH):
        batch = households[start : start + RUN_BATCH]
        await in_transaction(ctx, partial(_issue_batch, ctx, regie, month, batch, billable, run))


@dataclass
class Charge:
    """A day to invoice: a booking kept (or cancelled too late where the activity charges it), or a
    presence without booking at the "non réservé" price."""

    child: Child
    unit: Unit
    day: date
    price: int
    booking: Booking | None

    @property
    def booking_id(self) -> uuid.UUID | None:
        return self.booking.id if self.booking is not None else None

    @property
    def quantity(self) -> int | None:
        """The items booked, for a unit counted in quantities (None: a day)."""
        return self.booking.quantity if self.booking is not None else None

    @property
    def designation(self) -> str:
        b = self.booking
        if b is None:
            return unbooked_designation(self.unit.name, self.day)
        if b.cancelled_late:
            return line_designation(self.unit.name, self.day, cancel=True, late=True)
        return line_designation(self.unit.name, self.day, late=b.booked_late)


def _not_invoiced(household: Any, regie_id: uuid.UUID, month: str) -> Any:
    """A condition: ``household`` has no invoice of the month's run for the regie yet."""
    return ~sa.exists().where(
        col(Invoice.household_id) == household,
        col(Invoice.regie_id) == regie_id,
        col(Invoice.month) == month,
        col(Invoice.origin) == "monthly",
    )


async def _charges(
    ctx: RequestContext, regie_id: uuid.UUID, month: str, bounds: tuple[date, date]
) -> dict[uuid.UUID, list[Charge]]:
    """The month's days to invoice for the regie, per household, in three statements: the days booked
    and kept, or cancelled past the deadline where the activity charges it (an excused absence is not
    charged), and the children present without booking."""
    held = [BookingState.ACCEPTED.value, BookingState.CANCELLATION_REQUESTED.value]
    charged = sa.or_(
        col(Booking.state).in_(held),
        sa.and_(col(Booking.state) == BookingState.CANCELLED.value, col(Booking.cancelled_late)),
    )
    of_regie = (
        col(Activity.regie_id) == regie_id,
        col(Activity.payment) == "invoice",
    )
    bookings = await ctx.session.exec(
        select(Booking, Unit, Child)
        .join(Unit, col(Unit.id) == Booking.unit_id)
        .join(Period, col(Period.id) == Unit.period_id)
        .join(Activity, col(Activity.id) == Period.activity_id)
        .join(Child, col(Child.id) == Booking.child_id)
        .where(
            *of_regie,
            col(Booking.day).between(*bounds),
            charged,
            _not_invoiced(Booking.household_id, regie_id, month),
        )
    )
    seen = await ctx.session.exec(
        select(Attendance, Unit, Child)
        .join(Unit, col(Unit.id) == Attendance.unit_id)
        .join(Period, col(Period.id) == Unit.period_id)
        .join(Activity, col(Activity.id) == Period.activity_id)
        .join(Child, col(Child.id) == Attendance.child_id)
        .where(
            *of_regie,
            col(Attendance.day).between(*bounds),
            _not_invoiced(Attendance.household_id, regie_id, month),
        )
    )
    seen_rows = list(seen.all())
    excused = {(a.child_id, a.unit_id, a.day) for a, _, _ in seen_rows if a.status == "excused"}
    per_household: dict[uuid.UUID, list[Charge]] = defaultdict(list)
    kept: set[tuple[uuid.UUID, uuid.UUID, date]] = set()
    for booking, unit, child in bookings.all():
        key = (booking.child_id, booking.unit_id, booking.day)
        kept.add(key)
        if key not in excused:
            per_household[booking.household_id].append(
                Charge(child, unit, booking.day, booking.price, booking)
            )
    unbooked = [
        (a, u, c)
        for a, u, c in seen_rows
        if a.status == "present" and (a.child_id, a.unit_id, a.day) not in kept
    ]
    if unbooked:
        quotients = dict(
            (
                await ctx.session.exec(
                    select(col(Household.id), col(Household.family_quotient)).where(
                        col(Household.id).in_({a.household_id for a, _, _ in unbooked})
                    )
                )
            ).all()
        )
        for a, unit, child in unbooked:
            price = unbooked_price(unit.unbooked_price, tariff_of(unit), quotients.get(a.household_id))
            per_household[a.household_id].append(Charge(child, unit, a.day, price, None))
    for charges in per_household.values():
        charges.sort(
            key=lambda c: (c.child.last_name, c.child.first_name, c.day, c.unit.position, c.unit.name)
        )
    return per_household


async def _issue_batch(
    ctx: RequestContext,
    regie: Regie,
    month: str,
    households: list[uuid.UUID],
    billable: dict[uuid.UUID, list[Charge]],
    run: InvoicingRun,
) -> None:
    s = ctx.session
    # Again under this transaction: a run started meanwhile may have invoiced some of them.
    done = set(
        (
            await s.exec(
                select(Invoice.household_id).where(
                    Invoice.regie_id == regie.id,
                    Invoice.month == month,
                    Invoice.origin == "monthly",
                    col(Invoice.household_id).in_(households),
                )
            )
        ).all()
    )
    households = [h for h in households if h not in done]
    if not households:
        return
    rows = {h.id: h for h in (await s.exec(select(Household).where(col(Household.id).in_(households)))).all()}
    issued_on = today(ctx)
    # A block of numbers, taken last (its counter row stays locked to the commit: no gap, no double).
    first_number = await next_numbers(s, number_counter(regie.id, issued_on.year), len(households))
    now = ctx.now()
    invoice_rows, line_rows = [], []
    for offset, household_id in enumerate(households):
        days = billable[household_id]
        invoice_id = new_id()
        total = sum(charge.price for charge in days)
        household = rows[household_id]
        invoice_rows.append(
            {
                "id": invoice_id,
                "regie_id": regie.id,
                "household_id": household_id,
                "year": issued_on.year,
                "number": first_number + offset,
                "kind": "invoice",
                "origin": "monthly",
                "month": month,
                "issued_at": now,
                "due_date": due_date(issued_on, regie.payment_days),
                "total": total,
                "paid": 0,
                "state": InvoiceState.UNPAID.value if total > 0 else InvoiceState.PAID.value,
                "cancels_id": None,
                "cancelled_by_id": None,
                "billed_name": household.name,
                "billed_address": billed_address(household),
                "issued_by": ctx.viewer.account.id if ctx.viewer else None,
            }
        )
        for position, charge in enumerate(days):
            line_rows.append(
                {
                    "id": new_id(),
                    "invoice_id": invoice_id,
                    "position": position,
                    "child_id": charge.child.id,
                    "child_name": f"{charge.child.last_name} {charge.child.first_name}",
                    "designation": charge.designation,
                    "day": charge.day,
                    # A booking counted in quantities: its items, each at its price (the line says 3 ×).
                    "quantity": items(charge.price, charge.quantity)[0],
                    "unit_price": items(charge.price, charge.quantity)[1],
                    "amount": charge.price,
                    "booking_id": charge.booking_id,
                }
            )
        run.issued += 1
        run.total += total
    await insert_rows(s, Invoice, invoice_rows)
    await insert_rows(s, InvoiceLine, line_rows)
    await _mail_invoices(ctx, regie, month, invoice_rows)


async def _mail_invoices(
    ctx: RequestContext, regie: Regie, month: str, invoice_rows: list[dict[str, object]]
) -> None:
    """Each household's guardians with an account are told of their invoice."""
    by_household = {row["household_id"]: row for row in invoice_rows}
    accounts = await ctx.session.exec(
        select(Guardian.household_id, Account.email)
        .join(Account, col(Account.guardian_id) == Guardian.id)
        .where(col(Guardian.household_id).in_(list(by_household)), col(Account.confirmed_at).is_not(None))
    )
    for household_id, email in accounts.all():
        row = by_household[household_id]
        send_mail(
            ctx,
            "invoice_issued",
            email,
            regie=regie.name,
            month=month,
            number=invoice_number_text(int(str(row["year"])), int(str(row["number"])), regie.invoice_prefix),
            total=format_amount(int(str(row["total"]))),
            due=row["due_date"].strftime("%d/%m/%Y") if isinstance(row["due_date"], date) else "",
            link=client_link(ctx, "/factures"),
        )


# ---------------------------------------------------------------------------------------------
# The PDF ("Aperçu", "Télécharger")


async def invoice_file(ctx: RequestContext, invoice_id: uuid.UUID) -> tuple[bytes, str] | None:
    """The invoice's PDF and file name, made from the invoice as it now stands (None: no such invoice).
    The signed link is the credential: whoever was given it may open it until it expires."""
    row = await ctx.session.get(Invoice, invoice_id)
    if row is None:
        return None
    [view] = await _views(ctx, [row])
    cancels = await ctx.session.get(Invoice, row.cancels_id) if row.cancels_id else None
    settings = ctx.settings
    document = pdf.InvoiceDocument(
        town=pdf.Town(settings.town_name, tuple(settings.town_address), settings.town_siret or None),
        regie=pdf.Regie(view.regie.name, view.regie.payfip_client_number),
        kind="credit_note" if row.kind == "credit_note" else "invoice",
        number=view.number_text,
        issued_on=town_date(row.issued_at),
        billed=pdf.BilledParty(row.billed_name, tuple(row.billed_address.splitlines())),
        lines=tuple(
            pdf.InvoiceLine(line.child_name, line.designation, line.quantity, line.unit_price, line.amount)
            for line in view.lines
        ),
        total=row.total,
        paid=row.paid,
        left_to_pay=view.left_to_pay,
        due_on=row.due_date,
        month_label=month_label(row.month),
        cancels=invoice_number_text(cancels.year, cancels.number, view.regie.invoice_prefix)
        if cancels
        else "",
        payments=tuple(
            pdf.Payment(
                town_date(p.payment.paid_at or p.payment.created_at),
                method_label(p.payment.method),
                p.amount,
            )
            for p in view.payments
        ),
    )
    name = ("avoir" if row.kind == "credit_note" else "facture") + f"-{view.number_text}.pdf"
    # In a thread: a page of lines takes 15-20 ms to lay out, which would hold every other request.
    return await asyncio.to_thread(pdf.invoice_pdf, document), name


MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def month_label(month: str) -> str:
    """ "2027-01" → "Janvier 2027" ("" for no month)."""
    bounds = month_bounds(month) if month else None
    if bounds is None:
        return ""
    return f"{MONTHS[bounds[0].month - 1].capitalize()} {bounds[0].year}"


# ---------------------------------------------------------------------------------------------
# Staff: the regies' invoices, payments at the desk, credit notes

# The counter online payments are numbered from too (resolvers.payments.COUNTER).
PAYMENT_COUNTER = "payment"
DESK_METHODS = ("cash", "cheque", "cesu", "card")


async def staff_invoices(
    ctx: RequestContext,
    *,
    household_id: uuid.UUID | None,
    regie_id: uuid.UUID | None,
    to_pay_only: bool,
    first: int,
    after: tuple[date, int, str] | None,
) -> InvoicePage:
    """Staff: the invoices of every household (or one, or one regie's), newest first."""
    return await _page(ctx, household_id, regie_id, to_pay_only, first, after)


async def _locked_invoice(ctx: RequestContext, invoice_id: uuid.UUID | None) -> Invoice:
    row = None
    if invoice_id is not None:
        row = (
            await ctx.session.exec(
                select(Invoice)
                .where(Invoice.id == invoice_id)
                .with_for_update()
                .execution_options(populate_existing=True)
            )
        ).first()
    if row is None:
        raise UserErrors.one("invoiceId", ErrorCode.NOT_FOUND, "Cette facture n'existe pas.")
    return row


async def record_payment(
    ctx: RequestContext, invoice_id: uuid.UUID | None, method: str, amount: int, note: str
) -> InvoiceView:
    """Staff: a payment made at the regie's desk (cash, cheque, CESU, card) against an invoice, at most
    what is still owed; the family gets the payment's confirmation."""
    v = Validator()
    note = v.text("note", note, max_length=200)
    if method not in DESK_METHODS:
        v.add("method", ErrorCode.INVALID, "Mode de règlement inconnu.")
    if amount <= 0:
        v.add("amount", ErrorCode.INVALID, "Le montant doit être positif (en centimes).")
    v.raise_if_any()
    row = await _locked_invoice(ctx, invoice_id)
    owed = row.total - row.paid
    if row.kind != "invoice" or row.state not in OPEN_STATES:
        raise UserErrors.one("invoiceId", ErrorCode.NOTHING_TO_PAY, "Cette facture n'est plus à régler.")
    if amount > owed:
        raise UserErrors.one(
            "amount", ErrorCode.INVALID, f"Le montant dépasse le reste à payer ({format_amount(owed)})."
        )
    assert ctx.viewer is not None
    now = ctx.now()
    number = await next_number(ctx.session, PAYMENT_COUNTER)
    payment = Payment(
        household_id=row.household_id,
        regie_id=row.regie_id,
        purpose="invoices",
        method=method,
        amount=amount,
        state="paid",
        refdet=f"{town_date(now):%Y%m%d}G{number}",  # G: "guichet", the desk (online ones have X)
        created_at=now,
        decided_at=now,
        paid_at=now,
        recorded_by=ctx.viewer.account.id,
        note=note,
    )
    ctx.session.add(payment)
    await ctx.session.flush()
    ctx.session.add(PaymentItem(payment_id=payment.id, invoice_id=row.id, amount=amount))
    row.paid += amount
    row.state = invoice_state(row.total, row.paid, False).value
    ctx.session.add(row)
    await ctx.session.flush()
    [view] = await _views(ctx, [row])
    await _mail_family(
        ctx,
        row,
        "desk_payment_received",
        amount=format_amount(amount),
        number=view.number_text,
        method=method_label(method),
        left=format_amount(view.left_to_pay),
    )
    return view


async def cancel_invoice(ctx: RequestContext, invoice_id: uuid.UUID | None, reason: str) -> InvoiceView:
    """Staff: cancel an issued invoice with a credit note ("avoir"), never by editing it: the note
    copies its lines with opposite amounts, takes the next number of its regie and year, and the
    family is told (what it had paid is to be refunded by the regie)."""
    v = Validator()
    reason = v.reason(reason, refused=True)
    v.raise_if_any()
    row = await _locked_invoice(ctx, invoice_id)
    if row.kind != "invoice" or row.state == InvoiceState.CANCELLED:
        raise UserErrors.one("invoiceId", ErrorCode.ALREADY_DECIDED, "Cette facture est déjà annulée.")
    assert ctx.viewer is not None
    [view] = await _views(ctx, [row])
    issued_on = today(ctx)
    number = await next_numbers(ctx.session, number_counter(row.regie_id, issued_on.year), 1)
    credit = Invoice(
        regie_id=row.regie_id,
        household_id=row.household_id,
        year=issued_on.year,
        number=number,
        kind="credit_note",
        origin="credit",
        issued_at=ctx.now(),
        due_date=issued_on,
        total=-row.total,
        paid=0,
        state=InvoiceState.PAID.value,  # nothing to pay on a credit note
        cancels_id=row.id,
        billed_name=row.billed_name,
        billed_address=row.billed_address,
        issued_by=ctx.viewer.account.id,
    )
    ctx.session.add(credit)
    await ctx.session.flush()
    for line in view.lines:
        ctx.session.add(
            InvoiceLine(
                invoice_id=credit.id,
                position=line.position,
                child_id=line.child_id,
                child_name=line.child_name,
                designation=line.designation,
                day=line.day,
                quantity=-line.quantity,
                unit_price=line.unit_price,
                amount=-line.amount,
                booking_id=line.booking_id,
            )
        )
    row.cancelled_by_id = credit.id
    row.state = InvoiceState.CANCELLED.value
    ctx.session.add(row)
    await ctx.session.flush()
    [credit_view] = await _views(ctx, [credit])
    await _mail_family(
        ctx,
        row,
        "invoice_cancelled",
        number=view.number_text,
        credit=credit_view.number_text,
        reason=reason,
        refund=format_amount(row.paid) if row.paid else "",
    )
    return credit_view


async def _mail_family(ctx: RequestContext, row: Invoice, template: str, **context: Any) -> None:
    """A mail about an invoice to the household's guardians with an account."""
    accounts = await ctx.session.exec(
        select(Account.email)
        .join(Guardian, col(Guardian.id) == Account.guardian_id)
        .where(Guardian.household_id == row.household_id, col(Account.confirmed_at).is_not(None))
    )
    regie = await ctx.session.get(Regie, row.regie_id)
    for email in accounts.all():
        send_mail(
            ctx,
            template,
            email,
            regie=regie.name if regie else "",
            link=client_link(ctx, "/factures"),
            **context,
        )
