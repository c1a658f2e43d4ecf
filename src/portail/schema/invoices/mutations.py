"""The invoices domain's mutations: "Payer en ligne", and the staff's monthly invoicing run."""

from __future__ import annotations

from typing import Annotated

import strawberry

from portail.resolvers import invoices, payments
from portail.resolvers.file_links import invoice_links
from portail.schema.context import Info
from portail.schema.enums import value_of
from portail.schema.errors import UserError
from portail.schema.ids import parse_id, to_id
from portail.schema.invoices.enums import DeskMethod
from portail.schema.invoices.types import Invoice, InvoicingRun
from portail.schema.mutations import run_mutation, run_steps
from portail.schema.payments.types import CheckoutPayload, Payment
from portail.schema.permissions import FAMILY, STAFF


@strawberry.type(description="Result of `runInvoicing`.")
class InvoicingRunPayload:
    run: InvoicingRun | None = strawberry.field(description="What the run issued; null on error.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type(description="Result of `recordPayment` and `cancelInvoice`.")
class InvoicePayload:
    invoice: Invoice | None = strawberry.field(
        description="The invoice as it now is (`recordPayment`), or the credit note issued "
        "(`cancelInvoice`); null on error."
    )
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type
class InvoiceMutations:
    @strawberry.mutation(
        permission_classes=FAMILY,
        description='"Payer en ligne": open the PayFiP payment of one or several invoices of one regie and '
        "answer where to send the payer. Errors at `invoiceIds.<i>`: NOT_FOUND (unknown or another "
        "family's), NOTHING_TO_PAY (paid, cancelled, a credit note); on `invoiceIds`: INVALID (several "
        "regies), PAYMENT_IN_PROGRESS, PAYMENT_UNAVAILABLE; INVALID on `returnUrl`.",
    )
    async def pay_invoices(
        self,
        info: Info,
        invoice_ids: Annotated[
            list[strawberry.ID], strawberry.argument(description="The invoices (1 to 50).")
        ],
        return_url: Annotated[
            str | None,
            strawberry.argument(
                description="The client's page PayFiP sends the payer back to (see `checkoutBasket`)."
            ),
        ] = None,
    ) -> CheckoutPayload:
        ids = [parse_id(i) for i in invoice_ids]
        checkout, errors = await run_steps(
            info, lambda: payments.checkout_invoices(info.context.app, ids, return_url)
        )
        if checkout is None:
            return CheckoutPayload(payment=None, redirect_url=None, invoice_id=None, errors=errors)
        return CheckoutPayload(
            payment=Payment.from_row(checkout.payment) if checkout.payment is not None else None,
            redirect_url=checkout.redirect_url,
            invoice_id=to_id(checkout.invoice_id) if checkout.invoice_id is not None else None,
            errors=[],
        )

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: the monthly invoicing run (also `portail invoice --month 2027-01`): one invoice "
        "per household and regie of the days accepted in a month that is over, for the activities "
        "invoiced afterwards; each family is mailed. Running a month again issues nothing twice.",
    )
    async def run_invoicing(
        self,
        info: Info,
        month: Annotated[str, strawberry.argument(description='The month, "2027-01".')],
        regie_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only this regie (null: every regie).")
        ] = None,
    ) -> InvoicingRunPayload:
        regie = parse_id(regie_id) if regie_id is not None else None
        run, errors = await run_steps(
            info,
            lambda: invoices.run_month(info.context.app, month, regie, regie_given=regie_id is not None),
        )
        return InvoicingRunPayload(run=InvoicingRun.of(run) if run is not None else None, errors=errors)

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: a payment made at the regie's desk against an invoice (at most what is still "
        "owed: else INVALID on `amount`); the family is mailed.",
    )
    async def record_payment(
        self,
        info: Info,
        invoice_id: Annotated[strawberry.ID, strawberry.argument(description="The invoice.")],
        method: Annotated[DeskMethod, strawberry.argument(description="How it was paid.")],
        amount: Annotated[int, strawberry.argument(description="The amount, in cents.")],
        note: Annotated[str, strawberry.argument(description="A note (cheque number…).")] = "",
    ) -> InvoicePayload:
        ctx = info.context.app
        view, errors = await run_mutation(
            info,
            lambda: invoices.record_payment(
                ctx, parse_id(invoice_id), value_of(method).lower(), amount, note
            ),
        )
        return InvoicePayload(invoice=_invoice(info, view), errors=errors)

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: cancel an invoice by a credit note (an issued invoice is never edited). The "
        "credit note is answered; the family is mailed with the reason.",
    )
    async def cancel_invoice(
        self,
        info: Info,
        invoice_id: Annotated[strawberry.ID, strawberry.argument(description="The invoice.")],
        reason: Annotated[str, strawberry.argument(description="Why, for the family.")],
    ) -> InvoicePayload:
        ctx = info.context.app
        view, errors = await run_mutation(
            info, lambda: invoices.cancel_invoice(ctx, parse_id(invoice_id), reason)
        )
        return InvoicePayload(invoice=_invoice(info, view), errors=errors)


def _invoice(info: Info, view: invoices.InvoiceView | None) -> Invoice | None:
    if view is None:
        return None
    return Invoice.of(
        view, invoice_links(info.context.app, str(info.context.request.base_url), view.invoice.id)
    )
