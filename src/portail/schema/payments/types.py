"""The payments domain's types."""

from __future__ import annotations

import datetime

import strawberry

from portail.resolvers.rows import Payment as PaymentRow
from portail.rules.pricing import format_amount
from portail.schema.errors import UserError
from portail.schema.ids import to_id
from portail.schema.payments.enums import PaymentState


@strawberry.type(description="A payment to a regie: online through PayFiP, or recorded at the desk.")
class Payment:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    state: PaymentState = strawberry.field(description="Where it stands.")
    amount: int = strawberry.field(description="Amount, in cents.")
    amount_text: str = strawberry.field(description="Amount in French.")
    reference: str = strawberry.field(
        description='"Référence de la dette" (PayFiP\'s refdet), e.g. "20211220X19".'
    )
    created_at: datetime.datetime = strawberry.field(description="When it was opened.")
    paid_at: datetime.datetime | None = strawberry.field(description="When the payer paid (PayFiP's time).")

    @classmethod
    def from_row(cls, row: PaymentRow) -> Payment:
        return cls(
            id=to_id(row.id),
            state=PaymentState.of(row.state),
            amount=row.amount,
            amount_text=format_amount(row.amount),
            reference=row.refdet,
            created_at=row.created_at,
            paid_at=row.paid_at,
        )


@strawberry.type(description="Result of `checkoutBasket` and `payInvoices`: where to send the payer.")
class CheckoutPayload:
    payment: Payment | None = strawberry.field(description="The payment opened; null on error.")
    redirect_url: str | None = strawberry.field(
        description="PayFiP's payment page for it: send the browser there (a full page load, not a "
        "fetch). PayFiP sends the payer back to `returnUrl` with `?payment=<id>`."
    )
    errors: list[UserError] = strawberry.field(description="What went wrong; empty on success.")
