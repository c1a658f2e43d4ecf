"""Every booking over a date range (all states), by day: what the services and the accounts check
against the invoices. The rows name the unit by id; the catalogue, loaded once, names it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlmodel import col

from portail.db.models import Child, Household
from portail.db.models.bookings import Booking
from portail.resolvers.catalogue_reading import Catalogue, load_catalogue, period_path
from portail.resolvers.context import RequestContext
from portail.resolvers.errors import ErrorCode, FieldError, UserErrors
from portail.resolvers.exports.base import Export, Key
from portail.rules import csv_format as f
from portail.rules.booking_states import BookingState, state_label

MAX_DAYS = 366


def check_range(start: date, end: date, max_days: int = MAX_DAYS) -> None:
    """A date range an export may cover; errors name ``to``."""
    if end < start:
        raise UserErrors(
            [FieldError("to", ErrorCode.END_BEFORE_START, "La date de fin est avant la date de début.")]
        )
    if (end - start).days + 1 > max_days:
        raise UserErrors.one("to", ErrorCode.RANGE_TOO_LONG, f"Au plus {max_days} jours à la fois.")


@dataclass(frozen=True)
class BookingsParams:
    start: date
    end: date
    catalogue: Catalogue


@dataclass
class BookingRow:
    id: uuid.UUID
    day: date
    path: str
    unit_name: str
    last_name: str
    first_name: str
    household_name: str
    state: str
    price: int
    booked_late: bool

    @property
    def state_label(self) -> str:
        return state_label(BookingState(self.state))


async def bookings_params(ctx: RequestContext, start: date, end: date) -> BookingsParams:
    check_range(start, end)
    return BookingsParams(start, end, await load_catalogue(ctx))


def key(row: BookingRow) -> Key:
    return (row.day, row.id)


async def page(
    ctx: RequestContext, params: BookingsParams, after: Key | None, limit: int
) -> list[BookingRow]:
    """The bookings after ``after`` in (day, id) order: one statement."""
    query = (
        sa.select(
            col(Booking.id),
            col(Booking.day),
            col(Booking.unit_id),
            col(Booking.state),
            col(Booking.price),
            col(Booking.booked_late),
            col(Child.last_name),
            col(Child.first_name),
            col(Household.name),
        )
        .join(Child, col(Child.id) == Booking.child_id)
        .join(Household, col(Household.id) == Booking.household_id)
        .where(col(Booking.day).between(params.start, params.end))
        .order_by(col(Booking.day), col(Booking.id))
        .limit(limit)
    )
    if after is not None:
        query = query.where(
            sa.tuple_(col(Booking.day), col(Booking.id))
            > sa.tuple_(sa.literal(after[0]), sa.literal(after[1]))
        )
    catalogue = params.catalogue
    rows = []
    for id_, day, unit_id, state, price, late, last, first, household in (
        await ctx.session.exec(query)
    ).all():
        unit = catalogue.by_id.get(unit_id)
        period = catalogue.by_id.get(unit.period_id) if unit is not None else None
        rows.append(
            BookingRow(
                id_,
                day,
                period_path(catalogue, period) if period is not None else "",
                unit.name if unit is not None else "",
                last,
                first,
                household,
                state,
                price,
                late,
            )
        )
    return rows


COLUMNS: list[f.Column[BookingRow]] = [
    f.Column("Date", lambda r: f.day(r.day)),
    f.Column("Accueil", lambda r: f.text(r.path)),
    f.Column("Unité", lambda r: f.text(r.unit_name)),
    f.Column("Nom", lambda r: f.text(r.last_name)),
    f.Column("Prénom", lambda r: f.text(r.first_name)),
    f.Column("Foyer", lambda r: f.text(r.household_name)),
    f.Column("État", lambda r: r.state_label),
    f.Column("Prix (€)", lambda r: f.amount(r.price)),
    f.Column("Hors délai", lambda r: f.yes_no(r.booked_late)),
]


def filename(params: BookingsParams) -> str:
    return f.filename("reservations", params.start, params.end)


BOOKINGS: Export[BookingRow] = Export("bookings", page, key, COLUMNS, filename)
