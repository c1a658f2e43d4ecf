"""Issuing invoices: numbered without gaps per regie and year, their lines copied from what they bill,
never edited afterwards (a correction is a credit note)."""

from __future__ import annotations

from dataclasses import dataclass

from portail.db.locks import next_number
from portail.db.models import Booking, Household
from portail.db.models.invoices import Invoice, InvoiceLine
from portail.db.models.payments import Payment, PaymentItem
from portail.resolvers.catalogue_reading import load_catalogue
from portail.resolvers.context import RequestContext, today
from portail.resolvers.households import children_by_id
from portail.rules.basket import line_designation
from portail.rules.invoices import InvoiceState, due_date, invoice_number_text, number_counter


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


async def issue_paid_basket_invoice(
    ctx: RequestContext, payment: Payment, bookings: list[Booking]
) -> IssuedInvoice:
    """The invoice of a basket paid online: one line per day paid for, settled by ``payment``."""
    catalogue = await load_catalogue(ctx)
    children = await children_by_id(ctx, {b.child_id for b in bookings})
    household = await ctx.session.get(Household, payment.household_id)
    assert household is not None
    regie = catalogue.by_id[payment.regie_id]
    issued_on = today(ctx)
    year = issued_on.year
    # Taken last: the counter row stays locked until the commit (no gap, no number twice).
    number = await next_number(ctx.session, number_counter(regie.id, year))
    invoice = Invoice(
        regie_id=regie.id,
        household_id=household.id,
        year=year,
        number=number,
        origin="basket",
        issued_at=ctx.now(),
        due_date=due_date(issued_on, 0),
        total=sum(b.price for b in bookings),
        paid=sum(b.price for b in bookings),
        state=InvoiceState.PAID.value,
        billed_name=household.name,
        billed_address=billed_address(household),
    )
    ctx.session.add(invoice)
    await ctx.session.flush()
    lines: list[InvoiceLine] = []
    for position, booking in enumerate(sorted(bookings, key=lambda b: (b.day, str(b.child_id)))):
        child = children[booking.child_id]
        line = InvoiceLine(
            invoice_id=invoice.id,
            position=position,
            child_id=child.id,
            child_name=f"{child.last_name} {child.first_name}",
            designation=line_designation(
                catalogue.by_id[booking.unit_id].name, booking.day, late=booking.booked_late
            ),
            day=booking.day,
            quantity=1,
            unit_price=booking.price,
            amount=booking.price,
            booking_id=booking.id,
        )
        ctx.session.add(line)
        lines.append(line)
    ctx.session.add(PaymentItem(payment_id=payment.id, invoice_id=invoice.id, amount=invoice.paid))
    if payment.amount > invoice.paid:
        # A day staff cancelled between the checkout and the payment: paid for, not owed.
        payment.needs_refund = True
        payment.note = f"Trop-perçu de {payment.amount - invoice.paid} centimes : à rembourser."
        ctx.session.add(payment)
    return IssuedInvoice(invoice, lines, regie.invoice_prefix)
