"""Issuing invoices: numbered without gaps per regie and year, their lines copied from what they bill,
never edited afterwards (a correction is a credit note)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from portail.db.locks import next_number
from portail.db.models import Booking, Household
from portail.db.models.invoices import Invoice, InvoiceLine
from portail.db.models.payments import Payment, PaymentItem
from portail.resolvers.catalogue_reading import load_catalogue
from portail.resolvers.context import RequestContext, today
from portail.resolvers.households import children_by_id
from portail.rules.basket import line_designation
from portail.rules.invoices import InvoiceState, due_date, invoice_number_text, invoice_state, number_counter
from portail.rules.quantities import items


@dataclass
class IssuedInvoice:
    """An invoice just issued, with its printed number."""

    invoice: Invoice
    lines: list[InvoiceLine]
    prefix: str = ""  # the regie's

    @property
    def number_text(self) -> str:
        return invoice_number_text(self.invoice.year, self.invoice.number, self.prefix)


def billed_address(household: Household) -> str:
    """The household's correspondence address as an invoice prints it, one line per part."""
    street = " ".join(p for p in (household.address_number, household.address_street) if p)
    city = " ".join(p for p in (household.postcode, household.city) if p)
    return "\n".join(p for p in (street, household.address_complement, city) if p)


async def issue_basket_invoice(
    ctx: RequestContext,
    household_id: uuid.UUID,
    regie_id: uuid.UUID,
    booked: list[Booking],
    cancelled: list[Booking],
    settled: list[Payment],
) -> IssuedInvoice:
    """The invoice of a validated basket: a line per day booked, and per paid day it cancelled at the
    opposite price, settled by ``settled`` (the household's credit, then PayFiP's payment). One that
    gives back more than it books is a credit note: what it gives back is the household's credit at
    the regie ("avoir"), deducted from its next payments there."""
    catalogue = await load_catalogue(ctx)
    children = await children_by_id(ctx, {b.child_id for b in booked + cancelled})
    household = await ctx.session.get(Household, household_id)
    assert household is not None
    regie = catalogue.by_id[regie_id]
    issued_on = today(ctx)
    year = issued_on.year
    total = sum(b.price for b in booked) - sum(b.price for b in cancelled)
    paying = sum(p.amount for p in settled)
    # Taken last: the counter row stays locked until the commit (no gap, no number twice).
    number = await next_number(ctx.session, number_counter(regie.id, year))
    gives_back = total < 0
    invoice = Invoice(
        regie_id=regie.id,
        household_id=household.id,
        year=year,
        number=number,
        kind="credit_note" if gives_back else "invoice",
        origin="basket",
        issued_at=ctx.now(),
        due_date=due_date(issued_on, 0),
        total=total,
        paid=0 if gives_back else min(total, paying),
        credit_left=-total if gives_back else 0,
        state=InvoiceState.PAID.value,
        billed_name=household.name,
        billed_address=billed_address(household),
    )
    if not gives_back:
        invoice.state = invoice_state(total, invoice.paid, False).value
    ctx.session.add(invoice)
    await ctx.session.flush()
    lines: list[InvoiceLine] = []
    days = [(b, False) for b in booked] + [(b, True) for b in cancelled]
    for position, (booking, cancel) in enumerate(
        sorted(days, key=lambda d: (d[0].day, str(d[0].child_id), d[1]))
    ):
        child = children[booking.child_id]
        count, each = items(booking.price, booking.quantity)
        line = InvoiceLine(
            invoice_id=invoice.id,
            position=position,
            child_id=child.id,
            child_name=f"{child.last_name} {child.first_name}",
            designation=line_designation(
                catalogue.by_id[booking.unit_id].name, booking.day, cancel=cancel, late=booking.booked_late
            ),
            day=booking.day,
            # A booking counted in quantities: its items, each at its price.
            quantity=-count if cancel else count,
            unit_price=each,
            amount=-booking.price if cancel else booking.price,
            booking_id=booking.id,
        )
        ctx.session.add(line)
        lines.append(line)
    owed = invoice.paid
    for payment in settled:
        share = min(owed, payment.amount)
        owed -= share
        ctx.session.add(PaymentItem(payment_id=payment.id, invoice_id=invoice.id, amount=share))
        if payment.amount > share and payment.method == "payfip":
            # A day staff cancelled between the checkout and the payment: paid for, not owed.
            payment.needs_refund = True
            payment.note = f"Trop-perçu de {payment.amount - share} centimes : à rembourser."
            ctx.session.add(payment)
    return IssuedInvoice(invoice, lines, regie.invoice_prefix)
