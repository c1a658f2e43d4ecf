"""The attendance list of a day for an activity, as a file: every child expected (an accepted booking,
or a cancellation still awaiting staff), by unit then name, with what the staff on the day must know:
class, school, diet, allergies, PAI, and who may pick the child up."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlmodel import col

from portail.db.models import Child, Household
from portail.db.models.bookings import Booking
from portail.db.models.catalogue import Activity, Unit
from portail.db.models.households import AuthorizedPerson
from portail.resolvers.catalogue_reading import load_catalogue
from portail.resolvers.context import RequestContext
from portail.resolvers.errors import ErrorCode, UserErrors
from portail.resolvers.exports.base import Export, Key
from portail.rules import csv_format as f
from portail.rules.booking_states import BookingState, state_label
from portail.rules.fields import choice_label

COMING = (BookingState.ACCEPTED.value, BookingState.CANCELLATION_REQUESTED.value)


@dataclass(frozen=True)
class AttendanceParams:
    activity: Activity
    day: date
    units: dict[uuid.UUID, Unit]


@dataclass
class AttendanceRow:
    """A child expected on the day in one unit."""

    booking_id: uuid.UUID
    unit_position: int
    unit_name: str
    state: str
    child_id: uuid.UUID
    last_name: str
    first_name: str
    class_level: str
    school: str
    diet: str
    food_allergies: str
    allergies: str
    has_pai: bool
    household_name: str
    authorised: list[str]

    @property
    def state_label(self) -> str:
        return state_label(BookingState(self.state))

    @property
    def diet_label(self) -> str:
        return choice_label(self.diet) if self.diet else ""


async def attendance_params(
    ctx: RequestContext, activity_id: uuid.UUID | None, day: date
) -> AttendanceParams:
    """The activity's units open on ``day``; an unknown activity is NOT_FOUND on ``activityId``."""
    catalogue = await load_catalogue(ctx)
    activity = catalogue.by_id.get(activity_id) if activity_id else None
    if not isinstance(activity, Activity):
        raise UserErrors.one("activityId", ErrorCode.NOT_FOUND, "Cet accueil n'existe pas.")
    units = {
        u.id: u
        for p in catalogue.periods_of(activity.id)
        if p.start <= day <= p.end
        for u in catalogue.units_of(p.id)
    }
    return AttendanceParams(activity, day, units)


def key(row: AttendanceRow) -> Key:
    return (row.unit_position, row.unit_name, row.last_name, row.first_name, row.booking_id)


async def page(
    ctx: RequestContext, params: AttendanceParams, after: Key | None, limit: int
) -> list[AttendanceRow]:
    """The rows after ``after`` in (unit, name, booking) order: two statements, the children's
    authorised persons read for the whole page at once."""
    if not params.units:
        return []
    order = (col(Unit.position), col(Unit.name), col(Child.last_name), col(Child.first_name), col(Booking.id))
    query = (
        sa.select(
            col(Booking.id),
            col(Unit.position),
            col(Unit.name),
            col(Booking.state),
            Child,
            col(Household.name),
        )
        .join(Unit, col(Unit.id) == Booking.unit_id)
        .join(Child, col(Child.id) == Booking.child_id)
        .join(Household, col(Household.id) == Booking.household_id)
        .where(
            col(Booking.unit_id).in_(list(params.units)),
            col(Booking.day) == params.day,
            col(Booking.state).in_(COMING),
        )
        .order_by(*order)
        .limit(limit)
    )
    if after is not None:
        query = query.where(sa.tuple_(*order) > sa.tuple_(*(sa.literal(v) for v in after)))
    found = (await ctx.session.exec(query)).all()
    if not found:
        return []
    people: dict[uuid.UUID, list[str]] = {}
    persons = await ctx.session.exec(
        sa.select(AuthorizedPerson)
        .where(
            col(AuthorizedPerson.child_id).in_({child.id for *_, child, _ in found}),
            col(AuthorizedPerson.may_pick_up).is_(True),
        )
        .order_by(col(AuthorizedPerson.last_name), col(AuthorizedPerson.first_name))
    )
    for (person,) in persons.all():
        words = f"{person.first_name} {person.last_name}"
        if person.relation:
            words += f" ({person.relation})"
        if person.mobile_phone:
            words += f" {person.mobile_phone}"
        people.setdefault(person.child_id, []).append(words)
    return [
        AttendanceRow(
            booking_id,
            position,
            unit_name,
            state,
            child.id,
            child.last_name,
            child.first_name,
            child.class_level,
            child.school,
            child.diet,
            child.food_allergies,
            child.allergies,
            child.has_pai,
            household,
            people.get(child.id, []),
        )
        for booking_id, position, unit_name, state, child, household in found
    ]


COLUMNS: list[f.Column[AttendanceRow]] = [
    f.Column("Unité", lambda r: f.text(r.unit_name)),
    f.Column("Nom", lambda r: f.text(r.last_name)),
    f.Column("Prénom", lambda r: f.text(r.first_name)),
    f.Column("Classe", lambda r: f.text(r.class_level)),
    f.Column("École", lambda r: f.text(r.school)),
    f.Column("État", lambda r: r.state_label),
    f.Column("Régime alimentaire", lambda r: f.text(r.diet_label)),
    f.Column("Allergies alimentaires", lambda r: f.text(r.food_allergies)),
    f.Column("Allergies", lambda r: f.text(r.allergies)),
    f.Column("PAI", lambda r: f.yes_no(r.has_pai)),
    f.Column("Foyer", lambda r: f.text(r.household_name)),
    f.Column("Personnes autorisées", lambda r: f.text(", ".join(r.authorised))),
]


def filename(params: AttendanceParams) -> str:
    return f.filename("presences", params.day)


ATTENDANCE: Export[AttendanceRow] = Export("attendance", page, key, COLUMNS, filename)
