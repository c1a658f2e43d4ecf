"""The payments domain's enums."""

from __future__ import annotations

from enum import Enum

import strawberry

from portail.resolvers.payments import PaymentState as Stored


@strawberry.enum(description="Where a payment stands.")
class PaymentState(Enum):
    IN_PROGRESS = strawberry.enum_value(
        "IN_PROGRESS", description="Opened at PayFiP: the payer has not finished (or PayFiP not told us yet)."
    )
    PAID = strawberry.enum_value("PAID", description="Paid: what it covered is settled.")
    REFUSED = strawberry.enum_value("REFUSED", description="The card (or direct debit) was refused.")
    ABANDONED = strawberry.enum_value(
        "ABANDONED", description="The payer gave up, or the payment page expired."
    )
    FAILED = strawberry.enum_value(
        "FAILED", description="PayFiP could not open the payment: nothing was paid."
    )

    @classmethod
    def of(cls, stored: str) -> PaymentState:
        """The API's state for a stored one."""
        if stored in (Stored.CREATED, Stored.AT_PAYFIP):
            return cls.IN_PROGRESS
        return cls[stored.upper()]


@strawberry.enum(description="How a payment was made.")
class PaymentMethod(Enum):
    PAYFIP = strawberry.enum_value("PAYFIP", description="Online, through PayFiP.")
    CASH = strawberry.enum_value("CASH", description="Cash at the regie's desk.")
    CHEQUE = strawberry.enum_value("CHEQUE", description="Cheque at the regie's desk.")
    CESU = strawberry.enum_value("CESU", description="CESU vouchers at the regie's desk.")
    CARD = strawberry.enum_value("CARD", description="Card at the regie's desk.")
    CREDIT = strawberry.enum_value(
        "CREDIT",
        description='The household\'s credit ("avoir") deducted when its basket was validated: nothing '
        "collected.",
    )


@strawberry.enum(description="What a payment pays.")
class PaymentPurpose(Enum):
    BASKET = strawberry.enum_value(
        "BASKET", description='A basket at one regie ("Mon panier" > "Valider et payer").'
    )
    INVOICES = strawberry.enum_value(
        "INVOICES", description='Invoices ("Mes factures" > "Payer en ligne", or at the regie\'s desk).'
    )
