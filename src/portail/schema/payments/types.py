"""The payments domain's types."""

from __future__ import annotations

import datetime

import strawberry

from portail.resolvers.rows import Payment as PaymentRow
from portail.rules.invoices import method_label
from portail.rules.pricing import format_amount
from portail.schema.errors import UserError
from portail.schema.ids import to_id
from portail.schema.pagination import Connection
from portail.schema.payments.enums import PaymentMethod, PaymentPurpose, PaymentState


@strawberry.type(description="A payment to a regie: online through PayFiP, or recorded at the desk.")
class Payment:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    state: PaymentState = strawberry.field(description="Where it stands.")
    purpose: PaymentPurpose = strawberry.field(
        description="What it pays: a basket (back to \"Mon panier\" when refused) or invoices."
    )
    regie_id: strawberry.ID = strawberry.field(description="The regie paid.")
    amount: int = strawberry.field(description="Amount, in cents.")
    amount_text: str = strawberry.field(description="Amount in French.")
    reference: str = strawberry.field(
        description='"Référence de la dette" (PayFiP\'s refdet), e.g. "20211220X19".'
    )
    created_at: datetime.datetime = strawberry.field(description="When it was opened.")
    paid_at: datetime.datetime | None = strawberry.field(description="When the payer paid (PayFiP's time).")
    method: PaymentMethod = strawberry.field(description="Online, or at the regie's desk (and how).")
    method_label: str = strawberry.field(description='`method` in French, e.g. "Espèces".')
    needs_refund: bool = strawberry.field(
        description="Paid for what is no longer owed (a basket that expired and whose places went, an "
        "amount above what was due): the regie refunds it."
    )

    @classmethod
    def from_row(cls, row: PaymentRow) -> Payment:
        return cls(
            id=to_id(row.id),
            state=PaymentState.of(row.state),
            purpose=PaymentPurpose[row.purpose.upper()],
            regie_id=to_id(row.regie_id),
            amount=row.amount,
            amount_text=format_amount(row.amount),
            reference=row.refdet,
            created_at=row.created_at,
            paid_at=row.paid_at,
            method=PaymentMethod[row.method.upper()],
            method_label=method_label(row.method),
            needs_refund=row.needs_refund,
        )


@strawberry.type(description="Result of `checkoutBasket` and `payInvoices`: where to send the payer.")
class CheckoutPayload:
    payment: Payment | None = strawberry.field(
        description="The payment opened; null on error, and for a basket validated at once."
    )
    redirect_url: str | None = strawberry.field(
        description="Where to send the browser (a full page load, not a fetch): PayFiP's payment page, "
        "which sends the payer back to `returnUrl` with `?payment=<id>`; or, for a basket validated at "
        "once, `returnUrl` itself with `?invoice=<id>`. Null on error."
    )
    invoice_id: strawberry.ID | None = strawberry.field(
        description="A basket validated at once, with nothing for PayFiP to collect (the household's "
        "credit covered it, or it only cancelled paid days): the invoice or credit note it issued (see "
        "`invoice(id)`). Null otherwise: a paid basket's invoice comes with PayFiP's notification."
    )
    errors: list[UserError] = strawberry.field(description="What went wrong; empty on success.")


@strawberry.type(description="Staff: a payment with its household and what the cash office noted.")
class PaymentRecord:
    payment: Payment = strawberry.field(description="The payment.")
    household_name: str = strawberry.field(description="The household that paid.")
    note: str = strawberry.field(description="The cash office's note (a cheque number, why to refund).")
    payfip_result: str | None = strawberry.field(
        description="PayFiP's own result code (resultrans: P, V paid; R, Z refused; A abandoned), when known."
    )

    @classmethod
    def of(cls, row: PaymentRow, household_name: str) -> PaymentRecord:
        return cls(
            payment=Payment.from_row(row),
            household_name=household_name,
            note=row.note,
            payfip_result=row.result or None,
        )


@strawberry.type(description="Staff: a page of payments, newest first.")
class PaymentRecordConnection(Connection[PaymentRecord]):
    pass
