"""Invoices' rules: their numbers, their terms and where they stand."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from enum import StrEnum

from portail.rules.pricing import TariffGrid, unit_price

# How a payment was made, in the words of "Mes factures", the invoice PDF and the mails.
METHOD_LABELS = {
    "payfip": "Paiement en ligne (PayFiP)",
    "cash": "Espèces",
    "cheque": "Chèque",
    "cesu": "CESU",
    "card": "Carte bancaire au guichet",
    "credit": "Avoir déduit",
}


def method_label(method: str) -> str:
    """A stored payment method in French (an unknown one as it is stored)."""
    return METHOD_LABELS.get(method, method)


class InvoiceState(StrEnum):
    """Where an invoice stands ("Etat" in "Mes factures")."""

    UNPAID = "unpaid"
    PARTLY_PAID = "partly_paid"
    PAID = "paid"
    CANCELLED = "cancelled"


INVOICE_STATE_LABELS: dict[InvoiceState, str] = {
    InvoiceState.UNPAID: "À payer",
    InvoiceState.PARTLY_PAID: "Partiellement payée",
    InvoiceState.PAID: "Payée",
    InvoiceState.CANCELLED: "Annulée",
}
"""The words of "Etat" in "Mes factures" (the guide's symbol, said in words)."""


def invoice_state(total: int, paid: int, cancelled: bool) -> InvoiceState:
    """An invoice's state from its total and what was paid of it (cents); a credit note cancels it."""
    if cancelled:
        return InvoiceState.CANCELLED
    if paid >= total:
        return InvoiceState.PAID
    return InvoiceState.PARTLY_PAID if paid > 0 else InvoiceState.UNPAID


def number_counter(regie_id: uuid.UUID, year: int) -> str:
    """The counter an invoice number is drawn from: one per regie and year, so that each regie's
    invoices of a year follow each other without gaps (the public accountant checks it)."""
    return f"invoice:{regie_id}:{year}"


def invoice_number_text(year: int, number: int, prefix: str = "") -> str:
    """An invoice number as printed: "2027-000012", or "CAM-2027-000012" with the regie's prefix (each
    regie numbers its own invoices: the prefix tells two regies' "000012" apart)."""
    return f"{prefix}-{year}-{number:06d}" if prefix else f"{year}-{number:06d}"


def overdue_before(today: date, days: int) -> date:
    """Invoices due before this day are overdue by more than ``days`` days."""
    return today - timedelta(days=days)


def due_date(issued_on: date, payment_days: int) -> date:
    """The day an invoice issued on ``issued_on`` is due."""
    return issued_on + timedelta(days=payment_days)


def unbooked_price(unbooked: int | None, grid: TariffGrid, quotient: int | None) -> int:
    """What a child present without booking costs: the unit's "non réservé" price when the town set
    one, else what the family pays for a booked day."""
    return unbooked if unbooked is not None else unit_price(grid, quotient)


def unbooked_designation(unit_name: str, day: date) -> str:
    """The invoice line of a presence without booking: "REPAS NON RESERVE (05/01)"."""
    return f"{unit_name.upper()} NON RESERVE ({day:%d/%m})"
