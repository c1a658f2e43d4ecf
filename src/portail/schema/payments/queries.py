"""The payments domain's queries: a payment's outcome (the page PayFiP sends the payer back to)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from portail.resolvers import payments
from portail.schema.context import Info
from portail.schema.errors import not_found
from portail.schema.ids import parse_id
from portail.schema.payments.types import Payment
from portail.schema.permissions import FAMILY


@strawberry.type
class PaymentQueries:
    @strawberry.field(
        permission_classes=FAMILY,
        description="One of the household's payments, e.g. on the page PayFiP sends the payer back to "
        "(`?payment=<id>`): poll it until it is no longer IN_PROGRESS. Another family's id: NOT_FOUND.",
    )
    async def payment(
        self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The payment's id.")]
    ) -> Payment:
        row = await payments.payment_of(info.context.app, parse_id(id))
        if row is None:
            raise not_found("id", "Ce paiement n'existe pas.")
        return Payment.from_row(row)
