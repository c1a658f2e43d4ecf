"""Invoices ("Mes factures") and credit notes: issued once, never edited, numbered without gaps per
regie and year."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Index, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from portail.db.models.base import created_at_field, id_field


class Invoice(SQLModel, table=True):
    """An invoice of a regie to a household, or a credit note cancelling one.

    What it bills is copied onto its lines when issued (names, days, prices), so that a later change
    to a child, a unit or a tariff never changes an issued invoice; a correction is a credit note.
    """

    __tablename__ = "invoice"
    __table_args__ = (
        UniqueConstraint("regie_id", "year", "number", name="uq_invoice_regie_year_number"),
        Index("ix_invoice_household", "household_id", "issued_at"),
        # The monthly run makes at most one invoice per household, regie and month: running a month
        # again finds it and creates nothing.
        Index(
            "uq_invoice_monthly",
            "household_id",
            "regie_id",
            "month",
            unique=True,
            sqlite_where=text("origin = 'monthly'"),
            postgresql_where=text("origin = 'monthly'"),
        ),
    )

    id: uuid.UUID = id_field()
    regie_id: uuid.UUID = Field(foreign_key="regie.id")
    household_id: uuid.UUID = Field(foreign_key="household.id")
    year: int
    number: int
    # invoice, credit_note
    kind: str = Field(default="invoice", max_length=12)
    # monthly (the invoicing run), basket (a basket paid at booking), credit (a credit note)
    origin: str = Field(max_length=10)
    # The month billed ("2027-01"), for the monthly run.
    month: str = Field(default="", max_length=7)
    issued_at: datetime = created_at_field()
    due_date: date
    # In cents; a credit note's total is negative.
    total: int
    paid: int = 0
    # A credit note of the basket: what is still to deduct from the household's next payments to the
    # regie (cents, >= 0; the other invoices and credit notes: 0).
    credit_left: int = 0
    # unpaid, partly_paid, paid, cancelled (by a credit note); kept in step with total and paid.
    state: str = Field(default="unpaid", max_length=12, index=True)
    # A credit note: the invoice it cancels. An invoice: the credit note that cancelled it.
    cancels_id: uuid.UUID | None = Field(default=None, foreign_key="invoice.id")
    cancelled_by_id: uuid.UUID | None = Field(default=None, foreign_key="invoice.id")
    # The addressee as it was when issued.
    billed_name: str = Field(max_length=200)
    billed_address: str = Field(default="", max_length=500)
    issued_by: uuid.UUID | None = Field(default=None, foreign_key="account.id")


class InvoiceLine(SQLModel, table=True):
    """A line of an invoice: "JOURNEE CENTRE AERE MERCREDI RESERVE (05/01)", 1 × 7,70 €."""

    __tablename__ = "invoice_line"

    id: uuid.UUID = id_field()
    invoice_id: uuid.UUID = Field(foreign_key="invoice.id", index=True)
    position: int
    child_id: uuid.UUID | None = Field(default=None, foreign_key="child.id")
    child_name: str = Field(default="", max_length=200)
    designation: str = Field(max_length=300)
    day: date | None = None
    quantity: int = 1
    unit_price: int
    amount: int
    booking_id: uuid.UUID | None = Field(default=None, foreign_key="booking.id")
