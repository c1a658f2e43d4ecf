"""The payments domain's queries: a payment's outcome (the page PayFiP sends the payer back to)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from portail.resolvers import payments
from portail.schema.context import Info
from portail.schema.errors import not_found
from portail.schema.ids import parse_id
from portail.schema.pagination import AT, ID, After, Cursors, PageSize, empty
from portail.schema.payments.types import Payment, PaymentRecord, PaymentRecordConnection
from portail.schema.permissions import FAMILY, STAFF

_STAFF_PAYMENTS = Cursors("staffPayments", (AT, ID))


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

    @strawberry.field(
        permission_classes=STAFF,
        description="Staff: every payment (online and at the desk) with its state at PayFiP, newest first; "
        "those the regie must refund with `toRefundOnly`. An unknown regie gives an empty list.",
    )
    async def staff_payments(
        self,
        info: Info,
        first: PageSize = 20,
        after: After = None,
        regie_id: Annotated[strawberry.ID | None, strawberry.argument(description="Only this regie.")] = None,
        to_refund_only: Annotated[bool, strawberry.argument(description="Only those to refund.")] = False,
    ) -> PaymentRecordConnection:
        regie = parse_id(regie_id)
        if regie_id is not None and regie is None:
            return empty(PaymentRecordConnection)
        key = _STAFF_PAYMENTS.decode(after)
        page = await payments.staff_payments(
            info.context.app,
            regie_id=regie,
            to_refund_only=to_refund_only,
            first=first,
            after=(key[0], str(key[1])) if key else None,
        )
        return _STAFF_PAYMENTS.connection(
            PaymentRecordConnection,
            page.rows,
            lambda r: (r[0].created_at, r[0].id),
            lambda r: PaymentRecord.of(*r),
            page.has_next,
        )
