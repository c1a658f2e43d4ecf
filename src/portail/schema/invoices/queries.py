"""The invoices domain's queries: "Mes factures", its counter, an invoice's detail."""

from __future__ import annotations

from typing import Annotated

import strawberry

from portail.resolvers import invoices
from portail.resolvers.errors import UserErrors
from portail.resolvers.file_links import FileLinks, invoice_links
from portail.schema.context import Info
from portail.schema.errors import not_found
from portail.schema.ids import parse_id
from portail.schema.invoices.types import Invoice, InvoiceConnection
from portail.schema.pagination import AT, ID, INT, After, Cursors, PageSize, empty
from portail.schema.permissions import FAMILY, STAFF

_INVOICES = Cursors("invoices", (AT, INT, ID))
_STAFF_INVOICES = Cursors("staffInvoices", (AT, INT, ID))


def _links(info: Info, view: invoices.InvoiceView) -> FileLinks:
    return invoice_links(info.context.app, str(info.context.request.base_url), view.invoice.id)


def _key(view: invoices.InvoiceView) -> tuple[object, ...]:
    """An invoice's place in both lists: newest first, then by number."""
    return (view.invoice.issued_at, view.invoice.number, view.invoice.id)


@strawberry.type
class InvoiceQueries:
    @strawberry.field(
        permission_classes=FAMILY,
        description='"Mes factures": the household\'s invoices and credit notes, newest first.',
    )
    async def invoices(
        self,
        info: Info,
        first: PageSize = 20,
        after: After = None,
        to_pay_only: Annotated[
            bool, strawberry.argument(description="Only those still to pay (unpaid or partly paid).")
        ] = False,
    ) -> InvoiceConnection:
        key = _INVOICES.decode(after)
        try:
            page = await invoices.invoices(
                info.context.app,
                first=first,
                after=(key[0], key[1], str(key[2])) if key else None,
                to_pay_only=to_pay_only,
            )
        except UserErrors:
            return empty(InvoiceConnection)
        return _INVOICES.connection(
            InvoiceConnection, page.views, _key, lambda v: Invoice.of(v, _links(info, v)), page.has_next
        )

    @strawberry.field(
        permission_classes=FAMILY,
        description='How many invoices are still to pay (the number beside "Mes factures").',
    )
    async def unpaid_invoice_count(self, info: Info) -> int:
        return await invoices.unpaid_invoice_count(info.context.app)

    @strawberry.field(
        permission_classes=FAMILY,
        description='One invoice in detail (the "..." of "Mes factures"). Another family\'s id: NOT_FOUND.',
    )
    async def invoice(
        self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The invoice's id.")]
    ) -> Invoice:
        view = await invoices.invoice(info.context.app, parse_id(id))
        if view is None:
            raise not_found("id", "Cette facture n'existe pas.")
        return Invoice.of(view, _links(info, view))

    @strawberry.field(
        permission_classes=STAFF,
        description="Staff: the invoices of every household, newest first; filtered by household, regie, or "
        "those still to pay. Unknown ids give an empty list.",
    )
    async def staff_invoices(
        self,
        info: Info,
        first: PageSize = 20,
        after: After = None,
        household_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only this household.")
        ] = None,
        regie_id: Annotated[strawberry.ID | None, strawberry.argument(description="Only this regie.")] = None,
        to_pay_only: Annotated[bool, strawberry.argument(description="Only those still to pay.")] = False,
    ) -> InvoiceConnection:
        household, regie = parse_id(household_id), parse_id(regie_id)
        if (household_id is not None and household is None) or (regie_id is not None and regie is None):
            return empty(InvoiceConnection)
        key = _STAFF_INVOICES.decode(after)
        page = await invoices.staff_invoices(
            info.context.app,
            household_id=household,
            regie_id=regie,
            to_pay_only=to_pay_only,
            first=first,
            after=(key[0], key[1], str(key[2])) if key else None,
        )
        return _STAFF_INVOICES.connection(
            InvoiceConnection, page.views, _key, lambda v: Invoice.of(v, _links(info, v)), page.has_next
        )
