"""The town's accounting over a date range: invoices and credit notes by the day they were issued,
then payments received by the day they were paid (a payment made with the household's credit is
listed too: its method says so). Each is an entry with its regie, its household and its amount
(a credit note's is negative), so that a spreadsheet sums each kind."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa
from sqlmodel import col

from portail.db.models import Household
from portail.db.models.invoices import Invoice
from portail.db.models.payments import Payment
from portail.resolvers.catalogue_reading import Catalogue, load_catalogue
from portail.resolvers.context import RequestContext
from portail.resolvers.exports.base import Export, Key
from portail.resolvers.exports.bookings import check_range
from portail.rules import csv_format as f
from portail.rules.invoices import invoice_number_text, method_label
from portail.rules.validity import TOWN_ZONE

INVOICES, PAYMENTS = 0, 1
KIND_LABELS = {"invoice": "Facture", "credit_note": "Avoir", "payment": "Règlement"}
PAID = "paid"


@dataclass(frozen=True)
class AccountingParams:
    start: date
    end: date
    catalogue: Catalogue

    @property
    def since(self) -> datetime:
        return datetime.combine(self.start, time(0), tzinfo=TOWN_ZONE)

    @property
    def until(self) -> datetime:
        """The first instant after the range (the town's midnight)."""
        return datetime.combine(self.end + timedelta(days=1), time(0), tzinfo=TOWN_ZONE)


@dataclass
class Entry:
    """An invoice, a credit note or a payment."""

    section: int
    at: datetime
    id: uuid.UUID
    kind: str  # invoice, credit_note, payment
    number: str
    regie_name: str
    household_name: str
    amount: int
    method: str
    state: str

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


async def accounting_params(ctx: RequestContext, start: date, end: date) -> AccountingParams:
    check_range(start, end)
    return AccountingParams(start, end, await load_catalogue(ctx))


def key(entry: Entry) -> Key:
    return (entry.section, entry.at, entry.id)


def _regie(catalogue: Catalogue, regie_id: uuid.UUID) -> tuple[str, str]:
    regie = catalogue.by_id.get(regie_id)
    return (regie.name, regie.invoice_prefix) if regie is not None else ("", "")


async def _invoices(
    ctx: RequestContext, params: AccountingParams, after: Key | None, limit: int
) -> list[Entry]:
    query = (
        sa.select(Invoice, col(Household.name))
        .join(Household, col(Household.id) == Invoice.household_id)
        .where(col(Invoice.issued_at) >= params.since, col(Invoice.issued_at) < params.until)
        .order_by(col(Invoice.issued_at), col(Invoice.id))
        .limit(limit)
    )
    if after is not None:
        query = query.where(
            sa.tuple_(col(Invoice.issued_at), col(Invoice.id))
            > sa.tuple_(sa.literal(after[1], Invoice.__table__.c.issued_at.type), sa.literal(after[2]))  # type: ignore[attr-defined]
        )
    entries = []
    for invoice, household in (await ctx.session.exec(query)).all():
        regie, prefix = _regie(params.catalogue, invoice.regie_id)
        entries.append(
            Entry(
                INVOICES,
                invoice.issued_at,
                invoice.id,
                invoice.kind,
                invoice_number_text(invoice.year, invoice.number, prefix),
                regie,
                household,
                invoice.total,
                "",
                invoice.state,
            )
        )
    return entries


async def _payments(
    ctx: RequestContext, params: AccountingParams, after: Key | None, limit: int
) -> list[Entry]:
    query = (
        sa.select(Payment, col(Household.name))
        .join(Household, col(Household.id) == Payment.household_id)
        .where(
            col(Payment.state) == PAID,
            col(Payment.paid_at) >= params.since,
            col(Payment.paid_at) < params.until,
        )
        .order_by(col(Payment.paid_at), col(Payment.id))
        .limit(limit)
    )
    if after is not None:
        query = query.where(
            sa.tuple_(col(Payment.paid_at), col(Payment.id))
            > sa.tuple_(sa.literal(after[1], Payment.__table__.c.paid_at.type), sa.literal(after[2]))  # type: ignore[attr-defined]
        )
    entries = []
    for payment, household in (await ctx.session.exec(query)).all():
        assert payment.paid_at is not None  # a paid payment has its time
        entries.append(
            Entry(
                PAYMENTS,
                payment.paid_at,
                payment.id,
                "payment",
                payment.refdet,
                _regie(params.catalogue, payment.regie_id)[0],
                household,
                payment.amount,
                payment.method,
                payment.state,
            )
        )
    return entries


async def page(ctx: RequestContext, params: AccountingParams, after: Key | None, limit: int) -> list[Entry]:
    """The entries after ``after``: invoices first, then payments; at most two statements a page."""
    entries: list[Entry] = []
    if after is None or after[0] == INVOICES:
        entries = await _invoices(ctx, params, after, limit)
        after = None
    if len(entries) < limit:
        entries += await _payments(ctx, params, after, limit - len(entries))
    return entries


COLUMNS: list[f.Column[Entry]] = [
    f.Column("Type", lambda e: e.kind_label),
    f.Column("Date", lambda e: f.moment(e.at)),
    f.Column("Numéro", lambda e: f.text(e.number)),
    f.Column("Régie", lambda e: f.text(e.regie_name)),
    f.Column("Foyer", lambda e: f.text(e.household_name)),
    f.Column("Montant (€)", lambda e: f.amount(e.amount)),
    f.Column("Mode de règlement", lambda e: f.text(method_label(e.method)) if e.method else ""),
]


def filename(params: AccountingParams) -> str:
    return f.filename("comptabilite", params.start, params.end)


ACCOUNTING: Export[Entry] = Export("accounting", page, key, COLUMNS, filename)
