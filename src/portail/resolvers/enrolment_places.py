"""Places of a period, or of a group of its activity, in enrolled children; the waiting line.

A "line" is one period's places: the whole period's (``Activity.enrolment_capacity``) where the activity
has no groups, or one group's (``EnrolmentGroup.capacity``) in that period. A writer locks the line's
row (the group, or the period) before it counts, so that two families asking for the last place at once
cannot both have it (``rules/enrolment_places.py`` decides; a race test proves the lock on PostgreSQL).
Lock order: an enrolment row, then its line (what ``enroll_child``, ``decide_enrolment`` and a
withdrawal all take).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import col, select

from portail.db.models import Account, Child
from portail.db.models.catalogue import Activity, Enrolment, EnrolmentGroup, Period
from portail.resolvers.catalogue_reading import Catalogue, load_catalogue, period_path
from portail.resolvers.context import RequestContext
from portail.resolvers.mail import ENROLMENTS_PATH, PLANNING_PATH, client_link, send_mail
from portail.resolvers.memo import memo
from portail.rules.enrolment_places import HOLDING, WAITING, Placement, placement, promotions, waiting_ranks

WAITING_LINE = "waiting_list"


def has_capacity(catalogue: Catalogue, activity: Activity) -> bool:
    """Whether the activity's enrolments count places (its groups', or its own)."""
    groups = catalogue.groups_of(activity.id)
    if groups:
        return any(g.capacity is not None for g in groups)
    return activity.enrolment_capacity is not None


def capacity_of(activity: Activity, group: EnrolmentGroup | None) -> int | None:
    return group.capacity if group is not None else activity.enrolment_capacity


async def _lock_line(ctx: RequestContext, period_id: uuid.UUID, group_id: uuid.UUID | None) -> None:
    if group_id is not None:
        await ctx.session.get(EnrolmentGroup, group_id, with_for_update=True)
    else:
        await ctx.session.get(Period, period_id, with_for_update=True)


async def _count(
    ctx: RequestContext, period_id: uuid.UUID, group_id: uuid.UUID | None, states: Sequence[str]
) -> int:
    query = (
        select(func.count())
        .select_from(Enrolment)
        .where(Enrolment.period_id == period_id, col(Enrolment.state).in_(states))
    )
    if group_id is not None:
        query = query.where(Enrolment.group_id == group_id)
    return int((await ctx.session.exec(query)).one())


async def place_for(
    ctx: RequestContext, activity: Activity, period_id: uuid.UUID, group: EnrolmentGroup | None
) -> Placement:
    """Where a new enrolment in the period (and group) goes, the line locked until the transaction ends."""
    capacity = capacity_of(activity, group)
    if capacity is None:
        return Placement.TAKE
    group_id = group.id if group is not None else None
    await _lock_line(ctx, period_id, group_id)
    holding = await _count(ctx, period_id, group_id, HOLDING)
    return placement(capacity, holding, activity.enrolment_when_full == WAITING_LINE)


async def has_free_place(
    ctx: RequestContext, activity: Activity, period_id: uuid.UUID, group: EnrolmentGroup | None
) -> bool:
    """Whether a waiting enrolment may take a place now (staff promote it), the line locked."""
    capacity = capacity_of(activity, group)
    if capacity is None:
        return True
    group_id = group.id if group is not None else None
    await _lock_line(ctx, period_id, group_id)
    return await _count(ctx, period_id, group_id, HOLDING) < capacity


async def rank_of(ctx: RequestContext, row: Enrolment) -> int:
    """The rank of a waiting enrolment on its line (1: next to get a place)."""
    return (await ranks(ctx, [row])).get(row.id, 0)


async def promote(ctx: RequestContext, period_id: uuid.UUID, group_id: uuid.UUID | None) -> list[Enrolment]:
    """A place of the line was freed (an enrolment withdrawn or refused, a capacity raised): where the
    activity keeps a waiting line and promotes by itself, the first in line get the free places, each
    accepted (or pending, where staff accept enrolments) and mailed. Where staff promote, they accept a
    waiting enrolment themselves (``decideEnrolment``)."""
    catalogue = await load_catalogue(ctx)
    period: Period = catalogue.by_id[period_id]
    activity: Activity = catalogue.by_id[period.activity_id]
    if activity.enrolment_when_full != WAITING_LINE or activity.promotion != "automatic":
        return []
    if group_id is None and catalogue.groups_for(period):
        # An enrolment from before the activity had groups: its place is no group's to give.
        return []
    group: EnrolmentGroup | None = catalogue.by_id.get(group_id) if group_id is not None else None
    await _lock_line(ctx, period_id, group_id)
    holding = await _count(ctx, period_id, group_id, HOLDING)
    waiting_query = (
        select(Enrolment)
        .where(Enrolment.period_id == period_id, Enrolment.state == WAITING)
        .order_by(col(Enrolment.created_at), col(Enrolment.id))
    )
    if group_id is not None:
        waiting_query = waiting_query.where(Enrolment.group_id == group_id)
    line = list((await ctx.session.exec(waiting_query.with_for_update())).all())
    chosen = line[: promotions(capacity_of(activity, group), holding, len(line))]
    for row in chosen:
        accepted = activity.enrolment == "automatic"
        row.state = "accepted" if accepted else "pending"
        row.decided_at, row.decided_by = (ctx.now(), None) if accepted else (None, None)
        ctx.session.add(row)
        child = await ctx.session.get(Child, row.child_id)
        author = await ctx.session.get(Account, row.requested_by)
        if child is not None and author is not None:
            send_mail(
                ctx,
                "enrolment_promoted",
                author.email,
                accepted=accepted,
                child_name=child.first_name,
                child_sex=child.sex,
                path=period_path(catalogue, period),
                group=group.name if group is not None else "",
                link=client_link(ctx, PLANNING_PATH if accepted else ENROLMENTS_PATH),
            )
    await ctx.session.flush()
    return chosen


async def ranks(ctx: RequestContext, rows: Sequence[Enrolment]) -> dict[uuid.UUID, int]:
    """The waiting rank of each waiting enrolment among ``rows``: one statement for all the lines they
    stand on, none when none waits."""
    lines = {(r.period_id, r.group_id) for r in rows if r.state == WAITING}
    if not lines:
        return {}
    periods = {p for p, _ in lines}
    everyone = (
        await ctx.session.exec(
            select(
                col(Enrolment.id),
                col(Enrolment.period_id),
                col(Enrolment.group_id),
                col(Enrolment.created_at),
            ).where(col(Enrolment.period_id).in_(periods), Enrolment.state == WAITING)
        )
    ).all()
    result: dict[uuid.UUID, int] = {}
    by_line: dict[tuple[uuid.UUID, uuid.UUID | None], list[tuple[object, uuid.UUID]]] = {}
    for enrolment_id, period_id, group_id, created_at in everyone:
        by_line.setdefault((period_id, group_id), []).append((created_at, enrolment_id))
    for line in lines:
        result.update(waiting_ranks(by_line.get(line, [])))  # type: ignore[arg-type]
    return result


@dataclass(frozen=True)
class LineCount:
    """Enrolments holding places and waiting on one line."""

    holding: int = 0
    waiting: int = 0


async def line_counts(
    ctx: RequestContext, period_ids: Sequence[uuid.UUID]
) -> dict[tuple[uuid.UUID, uuid.UUID | None], LineCount]:
    """Per (period, group), how many enrolments hold places and wait: one statement, once per request.
    A period's own line (no group) counts every group's."""
    wanted = sorted(set(period_ids))

    async def load() -> dict[tuple[uuid.UUID, uuid.UUID | None], LineCount]:
        if not wanted:
            return {}
        rows = (
            await ctx.session.exec(
                select(col(Enrolment.period_id), col(Enrolment.group_id), col(Enrolment.state), func.count())
                .where(col(Enrolment.period_id).in_(wanted), col(Enrolment.state).in_((*HOLDING, WAITING)))
                .group_by(col(Enrolment.period_id), col(Enrolment.group_id), col(Enrolment.state))
            )
        ).all()
        counts: dict[tuple[uuid.UUID, uuid.UUID | None], list[int]] = {}
        for period_id, group_id, state, n in rows:
            for key in {(period_id, group_id), (period_id, None)}:
                pair = counts.setdefault(key, [0, 0])
                pair[0 if state in HOLDING else 1] += int(n)
        return {key: LineCount(h, w) for key, (h, w) in counts.items()}

    return await memo(ctx, ("enrolment_line_counts", *wanted), load)
