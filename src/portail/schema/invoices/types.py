"""The invoices domain's types: "Mes factures", an invoice's detail."""

from __future__ import annotations

import datetime

import strawberry

from portail.resolvers import invoices
from portail.resolvers.file_links import FileLinks
from portail.resolvers.rows import InvoiceLine as InvoiceLineRow
from portail.rules.invoices import INVOICE_STATE_LABELS, method_label
from portail.rules.invoices import InvoiceState as RuleInvoiceState
from portail.rules.pricing import format_amount
from portail.schema.catalogue.types import Regie
from portail.schema.ids import to_id
from portail.schema.invoices.enums import InvoiceKind, InvoiceState
from portail.schema.pagination import Connection
from portail.schema.payments.enums import PaymentMethod


@strawberry.type(
    description='A line of an invoice: "JOURNEE CENTRE AERE MERCREDI RESERVE (05/01)", 1 × 7,70 €.'
)
class InvoiceLine:
    child_name: str = strawberry.field(
        description='The child, "LAST First" (empty for a line about no child).'
    )
    designation: str = strawberry.field(description='"Désignation".')
    date: datetime.date | None = strawberry.field(description="The day billed, when the line is about one.")
    quantity: int = strawberry.field(description='"Quantité".')
    unit_price: int = strawberry.field(description='"Tarif", in cents.')
    unit_price_text: str = strawberry.field(description="The tariff in French.")
    amount: int = strawberry.field(description='"Montant", in cents.')
    amount_text: str = strawberry.field(description="The amount in French.")

    @classmethod
    def from_row(cls, row: InvoiceLineRow) -> InvoiceLine:
        return cls(
            child_name=row.child_name,
            designation=row.designation,
            date=row.day,
            quantity=row.quantity,
            unit_price=row.unit_price,
            unit_price_text=format_amount(row.unit_price),
            amount=row.amount,
            amount_text=format_amount(row.amount),
        )


@strawberry.type(description="A payment settling (part of) an invoice.")
class InvoicePayment:
    reference: str = strawberry.field(description="The payment's reference (PayFiP's refdet online).")
    online: bool = strawberry.field(description="Paid online through PayFiP (else at the regie's desk).")
    method: PaymentMethod = strawberry.field(
        description="How: PayFiP, at the desk (and how), or the household's credit."
    )
    method_label: str = strawberry.field(description='`method` in French, e.g. "Avoir déduit".')
    paid_at: datetime.datetime | None = strawberry.field(description="When it was paid.")
    amount: int = strawberry.field(description="What it settled of this invoice, in cents.")
    amount_text: str = strawberry.field(description="That amount in French.")

    @classmethod
    def of(cls, paid: invoices.InvoicePayment) -> InvoicePayment:
        return cls(
            reference=paid.payment.refdet,
            online=paid.payment.method == "payfip",
            method=PaymentMethod[paid.payment.method.upper()],
            method_label=method_label(paid.payment.method),
            paid_at=paid.payment.paid_at,
            amount=paid.amount,
            amount_text=format_amount(paid.amount),
        )


@strawberry.type(description='An invoice of "Mes factures" (or a credit note), with its lines and payments.')
class Invoice:
    id: strawberry.ID = strawberry.field(description="Opaque id (what `payInvoices` takes).")
    number: str = strawberry.field(
        description='Its number, e.g. "2027-000012" (per regie and year, no gaps).'
    )
    kind: InvoiceKind = strawberry.field(description="An invoice or a credit note.")
    state: InvoiceState = strawberry.field(description='"Etat": paid or not.')
    state_label: str = strawberry.field(
        description='"Etat" in French: "À payer", "Partiellement payée", "Payée" or "Annulée".'
    )
    regie: Regie = strawberry.field(description="The regie it is owed to (and paid through).")
    month: str | None = strawberry.field(
        description='The month it bills ("2027-01"); null for a paid basket.'
    )
    issued_at: datetime.datetime = strawberry.field(description="When it was issued.")
    due_date: datetime.date = strawberry.field(description="When it is due.")
    billed_name: str = strawberry.field(description="The household billed, as it was named when issued.")
    billed_address: str = strawberry.field(description="Its address when issued, one line per part.")
    total: int = strawberry.field(description="Total, in cents (negative for a credit note).")
    total_text: str = strawberry.field(description="Total in French.")
    paid: int = strawberry.field(description="What was paid of it, in cents.")
    paid_text: str = strawberry.field(description="What was paid of it, in French.")
    left_to_pay: int = strawberry.field(
        description="What is still owed, in cents (0 when paid or cancelled)."
    )
    left_to_pay_text: str = strawberry.field(description="What is still owed, in French.")
    credit_left: int = strawberry.field(
        description='A credit note of a basket that gave back paid days: what is still to be deducted '
        "from the household's next basket payments to the regie, in cents; 0 for the others."
    )
    credit_left_text: str = strawberry.field(description="`creditLeft` in French.")
    lines: list[InvoiceLine] = strawberry.field(description="Its lines.")
    payments: list[InvoicePayment] = strawberry.field(description="The payments that settled it.")
    view_url: str = strawberry.field(
        description='"Aperçu": a link showing its PDF in the browser (10 minutes).'
    )
    download_url: str = strawberry.field(
        description='"Télécharger": a link downloading its PDF (10 minutes).'
    )
    links_expire_at: datetime.datetime = strawberry.field(description="When `viewUrl`/`downloadUrl` expire.")

    @classmethod
    def of(cls, view: invoices.InvoiceView, links: FileLinks) -> Invoice:
        row = view.invoice
        return cls(
            id=to_id(row.id),
            number=view.number_text,
            kind=InvoiceKind[row.kind.upper()],
            state=InvoiceState[row.state.upper()],
            state_label=INVOICE_STATE_LABELS[RuleInvoiceState(row.state)],
            regie=Regie.from_row(view.regie),
            month=row.month or None,
            issued_at=row.issued_at,
            due_date=row.due_date,
            billed_name=row.billed_name,
            billed_address=row.billed_address,
            total=row.total,
            total_text=format_amount(row.total),
            paid=row.paid,
            paid_text=format_amount(row.paid),
            left_to_pay=view.left_to_pay,
            left_to_pay_text=format_amount(view.left_to_pay),
            credit_left=row.credit_left,
            credit_left_text=format_amount(row.credit_left),
            lines=[InvoiceLine.from_row(line) for line in view.lines],
            payments=[InvoicePayment.of(p) for p in view.payments],
            view_url=links.view_url,
            download_url=links.download_url,
            links_expire_at=links.expires_at,
        )


@strawberry.type(description='A page of the household\'s invoices ("Mes factures"), newest first.')
class InvoiceConnection(Connection[Invoice]):
    pass


@strawberry.type(description="What an invoicing run issued.")
class InvoicingRun:
    month: str = strawberry.field(description='The month invoiced ("2027-01").')
    issued: int = strawberry.field(
        description="Invoices issued by this run (those already issued are not again)."
    )
    already_invoiced: int = strawberry.field(
        description="Households of the month invoiced by an earlier run."
    )
    total: int = strawberry.field(description="What the new invoices add up to, in cents.")
    total_text: str = strawberry.field(description="That total in French.")

    @classmethod
    def of(cls, run: invoices.InvoicingRun) -> InvoicingRun:
        return cls(
            month=run.month,
            issued=run.issued,
            already_invoiced=run.already,
            total=run.total,
            total_text=format_amount(run.total),
        )
