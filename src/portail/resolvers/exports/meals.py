"""The kitchen's meal counts: for the canteen (an activity) and the next days, how many children are
expected per school and day, by diet. A small list (schools × days × diets): one statement, no paging."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from sqlmodel import col

from portail.db.models import Child
from portail.db.models.bookings import Booking
from portail.resolvers.catalogue_reading import load_catalogue
from portail.resolvers.context import RequestContext
from portail.resolvers.errors import ErrorCode, FieldError, UserErrors
from portail.resolvers.exports.attendance import COMING, attendance_params
from portail.resolvers.exports.base import Export, Key
from portail.rules import csv_format as f
from portail.rules.fields import DIETS, choice_label

MAX_DAYS = 31
NO_SCHOOL = "(école non renseignée)"


@dataclass(frozen=True)
class MealParams:
    activity_name: str
    unit_ids: list[uuid.UUID]
    start: date
    days: int

    @property
    def end(self) -> date:
        return self.start + timedelta(days=self.days - 1)


@dataclass
class MealCount:
    """Children expected at one school on one day with one diet."""

    day: date
    school: str
    diet: str
    count: int

    @property
    def diet_label(self) -> str:
        return choice_label(self.diet)


async def meal_params(
    ctx: RequestContext, activity_id: uuid.UUID | None, start: date, days: int
) -> MealParams:
    """Errors: an unknown activity (NOT_FOUND on ``activityId``), ``days`` outside 1 to 31."""
    errors: list[FieldError] = []
    if not 1 <= days <= MAX_DAYS:
        errors.append(FieldError("days", ErrorCode.RANGE_TOO_LONG, f"De 1 à {MAX_DAYS} jours à la fois."))
    try:
        found = await attendance_params(ctx, activity_id, start)
    except UserErrors as refused:
        raise UserErrors(refused.errors + errors) from None
    if errors:
        raise UserErrors(errors)
    catalogue = await load_catalogue(ctx)
    end = start + timedelta(days=days - 1)
    units = [
        u.id
        for p in catalogue.periods_of(found.activity.id)
        if p.start <= end and start <= p.end
        for u in catalogue.units_of(p.id)
    ]
    return MealParams(found.activity.name, units, start, days)


def key(row: MealCount) -> Key:
    return (row.day, row.school, row.diet)


async def meal_counts(ctx: RequestContext, params: MealParams) -> list[MealCount]:
    """Per day, school and diet, the children expected (a child booked on two units of the day, e.g.
    two services, counts once per unit: a meal each)."""
    if not params.unit_ids:
        return []
    rows = (
        await ctx.session.exec(
            sa.select(col(Booking.day), col(Child.school), col(Child.diet), sa.func.count())
            .join(Child, col(Child.id) == Booking.child_id)
            .where(
                col(Booking.unit_id).in_(params.unit_ids),
                col(Booking.day).between(params.start, params.end),
                col(Booking.state).in_(COMING),
            )
            .group_by(col(Booking.day), col(Child.school), col(Child.diet))
        )
    ).all()
    order = {d: i for i, d in enumerate(DIETS)}
    counts: dict[tuple[date, str, str], int] = {}
    for day, school, diet, count in rows:
        # A record without a diet eats the ordinary menu.
        k = (day, school or NO_SCHOOL, diet or "NONE")
        counts[k] = counts.get(k, 0) + count
    return [
        MealCount(day, school, diet, count)
        for (day, school, diet), count in sorted(
            counts.items(), key=lambda i: (i[0][0], i[0][1], order.get(i[0][2], 99))
        )
    ]


async def page(ctx: RequestContext, params: MealParams, after: Key | None, limit: int) -> list[MealCount]:
    """The whole list at once (the CSV reads it as a single chunk)."""
    return [] if after is not None else await meal_counts(ctx, params)


COLUMNS: list[f.Column[MealCount]] = [
    f.Column("Date", lambda r: f.day(r.day)),
    f.Column("École", lambda r: f.text(r.school)),
    f.Column("Régime alimentaire", lambda r: f.text(r.diet_label)),
    f.Column("Repas", lambda r: f.integer(r.count)),
]


def filename(params: MealParams) -> str:
    return f.filename("repas", params.start, params.end)


MEALS: Export[MealCount] = Export("meal_counts", page, key, COLUMNS, filename)
