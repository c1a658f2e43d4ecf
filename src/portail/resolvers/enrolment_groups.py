"""Staff manage an activity's enrolment groups ("Maternelles", "Élémentaires", "Petite section"): each
with an optional number of places per period, offered for every period of the activity or only for some
("Été 2027 – Maternelles" on the summer only). Every change is audited; a group enrolments name cannot
be deleted."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from sqlalchemy import func
from sqlmodel import select

from portail.db.models.catalogue import Activity, Enrolment, EnrolmentGroup, Period
from portail.resolvers.audit import audit_settings, settings_of
from portail.resolvers.catalogue import MAX_CAPACITY, get_for_update, promote_lines
from portail.resolvers.catalogue_reading import forget_catalogue, group_periods
from portail.resolvers.context import RequestContext
from portail.resolvers.errors import ErrorCode, UserErrors
from portail.resolvers.validation import Validator

ENTITY = "enrolment_group"
NO_GROUP = "Ce groupe n'existe pas."


@dataclass
class GroupData:
    name: str
    position: int = 0
    capacity: int | None = None
    # The activity's periods it is offered for; empty: every period. None in the list: an id that
    # cannot be one of ours (NOT_FOUND).
    period_ids: list[uuid.UUID | None] = field(default_factory=list)


async def create_group(ctx: RequestContext, activity_id: uuid.UUID | None, data: GroupData) -> EnrolmentGroup:
    activity = await get_for_update(ctx, Activity, activity_id, "activityId", "Cet accueil n'existe pas.")
    row = EnrolmentGroup(activity_id=activity.id, name="")
    await _fill(ctx, row, data)
    audit_settings(ctx, ENTITY, row.id, {}, settings_of(row))
    return row


async def group_settings(ctx: RequestContext, group_id: uuid.UUID | None) -> GroupData:
    """The group's settings as an update's input, locked for the update to come."""
    row = await get_for_update(ctx, EnrolmentGroup, group_id, "id", NO_GROUP)
    return GroupData(row.name, row.position, row.capacity, list(group_periods(row)))


async def update_group(ctx: RequestContext, group_id: uuid.UUID | None, data: GroupData) -> EnrolmentGroup:
    row = await get_for_update(ctx, EnrolmentGroup, group_id, "id", NO_GROUP)
    before = settings_of(row)
    old_capacity = row.capacity
    await _fill(ctx, row, data)
    audit_settings(ctx, ENTITY, row.id, before, settings_of(row))
    if old_capacity is not None and (row.capacity is None or row.capacity > old_capacity):
        # More places: the first in line of each period move up.
        await promote_lines(ctx, row.activity_id, row.id)
    return row


async def delete_group(ctx: RequestContext, group_id: uuid.UUID | None) -> EnrolmentGroup:
    row = await get_for_update(ctx, EnrolmentGroup, group_id, "id", NO_GROUP)
    used = int(
        (
            await ctx.session.exec(
                select(func.count()).select_from(Enrolment).where(Enrolment.group_id == row.id)
            )
        ).one()
    )
    if used:
        raise UserErrors.one(
            "id",
            ErrorCode.GROUP_IN_USE,
            f"{used} inscription(s) nomment ce groupe : il ne peut pas être supprimé.",
        )
    audit_settings(ctx, ENTITY, row.id, settings_of(row), {})
    await ctx.session.delete(row)
    await ctx.session.flush()
    forget_catalogue(ctx)
    return row


async def _fill(ctx: RequestContext, row: EnrolmentGroup, data: GroupData) -> None:
    v = Validator()
    name = v.text("name", data.name, max_length=100, required=True)
    if data.capacity is not None and not 1 <= data.capacity <= MAX_CAPACITY:
        v.add("capacity", ErrorCode.INVALID, f"La capacité est comprise entre 1 et {MAX_CAPACITY} enfants.")
    if not 0 <= data.position <= 1000:
        v.add("position", ErrorCode.INVALID, "La position est comprise entre 0 et 1000.")
    period_ids = await _check_periods(ctx, v, row.activity_id, data.period_ids)
    v.raise_if_any()
    row.name, row.position, row.capacity = name, data.position, data.capacity
    row.period_ids = period_ids
    ctx.session.add(row)
    await ctx.session.flush()
    forget_catalogue(ctx)


async def _check_periods(
    ctx: RequestContext, v: Validator, activity_id: uuid.UUID, ids: list[uuid.UUID | None]
) -> str:
    """The periods as stored (see ``EnrolmentGroup.period_ids``): each a period of the group's activity,
    each once; NOT_FOUND on ``periodIds.<i>`` for another activity's period, as for an unknown id."""
    if not ids:
        return ""
    query = select(Period.id).where(Period.activity_id == activity_id)
    periods = set((await ctx.session.exec(query)).all())
    seen: list[uuid.UUID] = []
    for i, period_id in enumerate(ids):
        if period_id is None or period_id not in periods:
            v.add(f"periodIds.{i}", ErrorCode.NOT_FOUND, "Cette période n'existe pas pour cet accueil.")
        elif period_id in seen:
            v.add(f"periodIds.{i}", ErrorCode.INVALID, "Cette période est déjà dans la liste.")
        else:
            seen.append(period_id)
    return ",".join(str(i) for i in seen)
