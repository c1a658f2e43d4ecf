"""Staff record who came on a day of a unit (the attendance list ticked): present, absent, or absent
with a reason the town excuses. The monthly invoicing reads it: an excused absence is not charged, a
child present without booking is charged the unit's "non réservé" price."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlmodel import col, delete, select

from portail.db.bulk import insert_rows
from portail.db.models import Attendance, Booking
from portail.db.models.base import new_id
from portail.db.models.catalogue import Enrolment, Unit
from portail.resolvers.catalogue_reading import load_catalogue
from portail.resolvers.context import RequestContext, today
from portail.resolvers.errors import ErrorCode, FieldError, UserErrors

STATUSES = ("present", "absent", "excused")
MAX_ENTRIES = 500


@dataclass
class AttendanceEntry:
    """One child ticked on the list."""

    child_id: uuid.UUID | None
    status: str


async def record_attendance(
    ctx: RequestContext, unit_id: uuid.UUID | None, day: date, entries: list[AttendanceEntry]
) -> int:
    """Record (or correct) what staff saw for these children on ``day`` of the unit; returns how
    many. Only children enrolled in the unit's period (or already recorded that day: a correction), on
    a day of the period that has come."""
    catalogue = await load_catalogue(ctx)
    unit = catalogue.by_id.get(unit_id) if unit_id else None
    if not isinstance(unit, Unit):
        raise UserErrors.one("unitId", ErrorCode.NOT_FOUND, "Cette unité n'existe pas.")
    period = catalogue.by_id[unit.period_id]
    errors: list[FieldError] = []
    if not period.start <= day <= period.end:
        errors.append(FieldError("date", ErrorCode.OUTSIDE_PERIOD, "Ce jour n'est pas dans la période."))
    elif day > today(ctx):
        errors.append(FieldError("date", ErrorCode.INVALID, "La présence se note le jour même ou après."))
    if len(entries) > MAX_ENTRIES:
        errors.append(
            FieldError("entries", ErrorCode.TOO_MANY_CHANGES, f"Au plus {MAX_ENTRIES} enfants à la fois.")
        )
    if errors:
        raise UserErrors(errors)
    wanted = {e.child_id for e in entries if e.child_id is not None}
    enrolled = dict(
        (
            await ctx.session.exec(
                select(col(Enrolment.child_id), col(Enrolment.household_id)).where(
                    Enrolment.period_id == period.id,
                    Enrolment.state == "accepted",
                    col(Enrolment.child_id).in_(wanted),
                )
            )
        ).all()
    )
    # A child withdrawn after the day was recorded stays correctable: the record is charged all the same.
    already = dict(
        (
            await ctx.session.exec(
                select(col(Attendance.child_id), col(Attendance.household_id)).where(
                    Attendance.unit_id == unit.id,
                    Attendance.day == day,
                    col(Attendance.child_id).in_(wanted - enrolled.keys()),
                )
            )
        ).all()
        if wanted - enrolled.keys()
        else []
    )
    seen: set[uuid.UUID] = set()
    for i, entry in enumerate(entries):
        if entry.child_id is None or (entry.child_id not in enrolled and entry.child_id not in already):
            errors.append(
                FieldError(f"entries.{i}.childId", ErrorCode.NOT_FOUND, "Cet enfant n'est pas inscrit.")
            )
        elif entry.child_id in seen:
            errors.append(
                FieldError(
                    f"entries.{i}.childId", ErrorCode.DUPLICATE_CHANGE, "Cet enfant est déjà dans la liste."
                )
            )
        else:
            seen.add(entry.child_id)
        if entry.status not in STATUSES:
            errors.append(FieldError(f"entries.{i}.status", ErrorCode.INVALID, "État de présence inconnu."))
    if errors:
        raise UserErrors(errors)
    # The household charged: the booking's when there is one (a shared child), else the enrolment's.
    booked = dict(
        (
            await ctx.session.exec(
                select(col(Booking.child_id), col(Booking.household_id)).where(
                    Booking.unit_id == unit.id, Booking.day == day, col(Booking.child_id).in_(seen)
                )
            )
        ).all()
    )
    assert ctx.viewer is not None
    await ctx.session.exec(
        delete(Attendance).where(
            col(Attendance.unit_id) == unit.id, col(Attendance.day) == day, col(Attendance.child_id).in_(seen)
        )
    )
    now = ctx.now()
    await insert_rows(
        ctx.session,
        Attendance,
        [
            {
                "id": new_id(),
                "child_id": e.child_id,
                "unit_id": unit.id,
                "day": day,
                "household_id": booked.get(e.child_id) or enrolled.get(e.child_id) or already[e.child_id],
                "status": e.status,
                "recorded_by": ctx.viewer.account.id,
                "recorded_at": now,
            }
            for e in entries
            if e.child_id is not None  # every one is, checked above
        ],
    )
    return len(entries)
