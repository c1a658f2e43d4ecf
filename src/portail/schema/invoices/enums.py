"""The invoices domain's enums."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description='Where an invoice stands (the "Etat" column of "Mes factures").')
class InvoiceState(Enum):
    UNPAID = strawberry.enum_value("UNPAID", description="Nothing paid yet.")
    PARTLY_PAID = strawberry.enum_value("PARTLY_PAID", description="Partly paid: `leftToPay` is still owed.")
    PAID = strawberry.enum_value("PAID", description='Paid in full ("Facture acquittée").')
    CANCELLED = strawberry.enum_value("CANCELLED", description="Cancelled by a credit note: nothing is owed.")


@strawberry.enum(description="An invoice, or a credit note cancelling one.")
class InvoiceKind(Enum):
    INVOICE = strawberry.enum_value("INVOICE", description='An invoice ("facture").')
    CREDIT_NOTE = strawberry.enum_value(
        "CREDIT_NOTE", description='A credit note ("avoir"): a negative total.'
    )


@strawberry.enum(description="How a payment was made at the regie's desk.")
class DeskMethod(Enum):
    CASH = strawberry.enum_value("CASH", description="Espèces.")
    CHEQUE = strawberry.enum_value("CHEQUE", description="Chèque.")
    CESU = strawberry.enum_value("CESU", description="Chèque emploi service universel.")
    CARD = strawberry.enum_value("CARD", description="Carte bancaire au guichet.")
