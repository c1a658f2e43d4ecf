"""The money side: the basket of requests paid at booking ("Mon panier"), payments (online through
PayFiP or recorded at the desk) and what each one covers."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from portail.db.models.base import UTCDateTime, created_at_field, id_field


class BasketEntry(SQLModel, table=True):
    """A booking request of an activity paid at booking, held in the family's basket for its regie.

    Its bookings hold their places (pending) until the request is paid, removed by the family, or
    expired at ``pay_before`` ("Sans validation avant le délai d'expiration, elles seront
    automatiquement annulées").
    """

    __tablename__ = "basket_entry"
    __table_args__ = (
        Index("ix_basket_entry_household", "household_id", "state"),
        # The expiry job's scan: unpaid entries past their time.
        Index("ix_basket_entry_due", "state", "pay_before"),
    )

    request_id: uuid.UUID = Field(foreign_key="booking_request.id", primary_key=True)
    household_id: uuid.UUID = Field(foreign_key="household.id")
    regie_id: uuid.UUID = Field(foreign_key="regie.id")
    # unpaid, paid, removed (by the family), expired
    state: str = Field(default="unpaid", max_length=10)
    created_at: datetime = created_at_field()
    pay_before: datetime = Field(sa_type=UTCDateTime)
    settled_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # The payment that paid it.
    payment_id: uuid.UUID | None = Field(default=None, foreign_key="payment.id")


class Payment(SQLModel, table=True):
    """A payment to a regie, online through PayFiP (a basket, or invoices) or recorded at the desk.

    An online payment is written (``created``) before PayFiP is called, so that a crash between the
    two leaves a trace the reconciliation job settles; its ``refdet`` is unique per attempt.
    """

    __tablename__ = "payment"
    __table_args__ = (Index("ix_payment_household", "household_id", "created_at"),)

    id: uuid.UUID = id_field()
    household_id: uuid.UUID = Field(foreign_key="household.id")
    regie_id: uuid.UUID = Field(foreign_key="regie.id", index=True)
    # basket, invoices
    purpose: str = Field(max_length=10)
    # payfip, cash, cheque, cesu, card, credit (the household's credit deducted: nothing collected)
    method: str = Field(default="payfip", max_length=10)
    amount: int
    # A basket's PayFiP payment: the household's credit deducted from what PayFiP collects (``amount``),
    # consumed when the payment succeeds.
    credit_used: int = 0
    # created (PayFiP not answered yet), at_payfip (the payer was sent), paid, refused, abandoned,
    # failed (PayFiP could not open it)
    state: str = Field(default="created", max_length=10, index=True)
    refdet: str = Field(max_length=30, unique=True)
    idop: str | None = Field(default=None, max_length=64, unique=True)
    payer_email: str = Field(default="", max_length=254)
    created_at: datetime = created_at_field()
    decided_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # PayFiP's answer: resultrans, numauto, and when the payer paid (dattrans, heurtrans).
    result: str = Field(default="", max_length=1)
    authorisation: str = Field(default="", max_length=20)
    paid_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # Paid for debts no longer owed (a basket that expired meanwhile and whose places went): the
    # cash office refunds it.
    needs_refund: bool = False
    recorded_by: uuid.UUID | None = Field(default=None, foreign_key="account.id")
    note: str = Field(default="", max_length=200)


class PaymentItem(SQLModel, table=True):
    """What a payment covers: a basket's request, or an invoice, and how much of it."""

    __tablename__ = "payment_item"

    id: uuid.UUID = id_field()
    payment_id: uuid.UUID = Field(foreign_key="payment.id", index=True)
    request_id: uuid.UUID | None = Field(default=None, foreign_key="booking_request.id", index=True)
    invoice_id: uuid.UUID | None = Field(default=None, foreign_key="invoice.id", index=True)
    amount: int
