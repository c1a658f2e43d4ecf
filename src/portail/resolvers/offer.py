"""What a child is offered (facility > activity > period not over yet): the child's enrolment, what keeps
the child from enrolling, and each unit's price for the family and its worded deadlines; and enrolments
as families and staff read them (the child's name, the period's path).

The schema maps these views field by field: every decision (the price by family quotient, the wording of
deadlines and prices, whether ``enrollChild`` would be taken) is taken here or in ``rules/``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlmodel import col, select

from portail.db.models import Child
from portail.db.models.catalogue import Activity, Enrolment, EnrolmentGroup, Facility, Period, Unit
from portail.resolvers import households
from portail.resolvers.booking_windows import household_standing, period_status, residence_matters
from portail.resolvers.catalogue import ACTIVE_ENROLMENT, Missing, child_catalogue, enrolment_window
from portail.resolvers.catalogue_reading import (
    Catalogue,
    booking_deadline,
    cancellation_deadline,
    load_catalogue,
    period_path,
    tariff_for,
    weekdays_of,
)
from portail.resolvers.context import RequestContext
from portail.resolvers.enrolment_places import WAITING_LINE, LineCount, has_capacity, line_counts, ranks
from portail.resolvers.memo import memo
from portail.rules.booking_windows import WindowStatus
from portail.rules.enrolment_places import places_left
from portail.rules.enrolment_window import EnrolmentWindow, WindowState, window_state
from portail.rules.pricing import format_amount, unit_price


@dataclass(frozen=True)
class EnrolmentView:
    """An enrolment with the child's name, the period's path, its group's name and, waiting, its rank."""

    enrolment: Enrolment
    child_name: str
    period_path: str
    group_name: str | None = None
    waiting_rank: int | None = None  # 1: next to get a place; None unless waiting


@dataclass(frozen=True)
class OfferedGroup:
    """A group of the period's activity, with its places left in the period."""

    group: EnrolmentGroup
    places_left: int | None  # None: unlimited
    waiting: int  # enrolments on its waiting line


@dataclass(frozen=True)
class OfferedUnit:
    """A unit as a family sees it: its price for this family and its deadlines, in French."""

    unit: Unit
    price: int  # cents, by the family quotient
    price_text: str  # "7,70 €"
    booking_deadline: str  # "2 jours avant, 10h00"
    cancellation_deadline: str


@dataclass(frozen=True)
class OfferedPeriod:
    """A period as one child sees it."""

    period: Period
    path: str
    weekdays: list[int]  # 0 is Monday
    payment: str  # the activity's: "invoice" or "basket"
    enrolment: EnrolmentView | None
    missing: list[Missing]
    can_enrol: bool  # whether enroll_child would take it now
    units: list[OfferedUnit]
    # Where the period's booking window stands for the household now (``rules.booking_windows``).
    booking_window: WindowStatus
    # When the period takes enrolments (``rules.enrolment_window``).
    window: EnrolmentWindow = field(default_factory=EnrolmentWindow)
    enrolment_open: bool = True  # the window takes enrolments now
    groups: list[OfferedGroup] = field(default_factory=list)
    capacity: int | None = None  # the period's places, where the activity has no groups
    places_left: int | None = None
    waiting: int = 0  # enrolments on the period's own waiting line
    keeps_waiting_line: bool = False


@dataclass(frozen=True)
class OfferedActivity:
    activity: Activity
    periods: list[OfferedPeriod]


@dataclass(frozen=True)
class OfferedFacility:
    facility: Facility
    activities: list[OfferedActivity]


def child_name(child: Child) -> str:
    return f"{child.first_name} {child.last_name}".strip()


def may_enrol(
    missing: Sequence[Missing], enrolment: Enrolment | None, open_now: bool = True, room: bool = True
) -> bool:
    """Whether a child lacking ``missing``, with ``enrolment`` in the period, may ask to enrol (as
    ``enroll_child`` decides: the window open, nothing missing, no enrolment pending, accepted or
    waiting, and a place free somewhere or a waiting line to stand on)."""
    return (
        open_now and room and not missing and (enrolment is None or enrolment.state not in ACTIVE_ENROLMENT)
    )


def enrolment_view(
    catalogue: Catalogue, row: Enrolment, child: Child, ranks: dict[uuid.UUID, int] | None = None
) -> EnrolmentView:
    group = catalogue.by_id.get(row.group_id) if row.group_id else None
    return EnrolmentView(
        row,
        child_name(child),
        period_path(catalogue, catalogue.by_id[row.period_id]),
        group.name if group is not None else None,
        (ranks or {}).get(row.id),
    )


async def enrolment_views(ctx: RequestContext, rows: Sequence[Enrolment]) -> list[EnrolmentView]:
    """``rows`` with their children's names, periods' paths, groups and waiting ranks (three statements
    at most, whatever the number of rows: the catalogue is loaded once per request)."""
    children = await households.children_by_id(ctx, {r.child_id for r in rows})
    catalogue = await load_catalogue(ctx)
    waiting = await ranks(ctx, rows)
    return [enrolment_view(catalogue, r, children[r.child_id], waiting) for r in rows]


async def child_enrolments(
    ctx: RequestContext, household_id: uuid.UUID, child_id: uuid.UUID
) -> list[EnrolmentView]:
    """The child's enrolments in any state, newest first. Every child of the household is read in the
    same statement, once per request, however many children the query lists."""
    by_child = await memo(
        ctx, ("household_enrolments", household_id), lambda: _household_enrolments(ctx, household_id)
    )
    return by_child.get(child_id, [])


async def _household_enrolments(
    ctx: RequestContext, household_id: uuid.UUID
) -> dict[uuid.UUID, list[EnrolmentView]]:
    children = {c.id: c for c in await households.household_children(ctx, household_id)}
    if not children:
        return {}
    rows = (
        await ctx.session.exec(
            select(Enrolment)
            .where(col(Enrolment.child_id).in_(children))
            .order_by(col(Enrolment.created_at).desc(), col(Enrolment.id))
        )
    ).all()
    catalogue = await load_catalogue(ctx)
    waiting = await ranks(ctx, rows)
    by_child: dict[uuid.UUID, list[EnrolmentView]] = {}
    for row in rows:
        by_child.setdefault(row.child_id, []).append(
            enrolment_view(catalogue, row, children[row.child_id], waiting)
        )
    return by_child


def offered_unit(unit: Unit, quotient: int | None, resident: bool) -> OfferedUnit:
    price = unit_price(tariff_for(unit, resident), quotient)
    return OfferedUnit(
        unit=unit,
        price=price,
        price_text=format_amount(price),
        booking_deadline=booking_deadline(unit).description,
        cancellation_deadline=cancellation_deadline(unit).description,
    )


async def child_offer(ctx: RequestContext, child_id: uuid.UUID | None) -> list[OfferedFacility]:
    """What ``child_id`` may be enrolled in or book, facility > activity > period not over yet (facilities
    and activities without such a period left out); another family's child: NOT_FOUND on ``childId``."""
    child, household_id, offers = await child_catalogue(ctx, child_id)
    catalogue = await load_catalogue(ctx)
    quotient = await households.family_quotient(ctx, household_id)
    shown = [offer.period for offer in offers]
    standing = await household_standing(
        ctx,
        household_id,
        residence=residence_matters(shown, [u for p in shown for u in catalogue.units_of(p.id)]),
    )
    now = ctx.now()
    # Places are counted (one statement) only where an activity counts them.
    counted = [o.period.id for o in offers if has_capacity(catalogue, catalogue.by_id[o.period.activity_id])]
    counts = await line_counts(ctx, counted) if counted else {}
    waiting = await ranks(ctx, [o.enrolment for o in offers if o.enrolment is not None])
    by_activity: dict[uuid.UUID, list[OfferedPeriod]] = {}
    for offer in offers:
        period, enrolment = offer.period, offer.enrolment
        activity: Activity = catalogue.by_id[period.activity_id]
        window = enrolment_window(catalogue, period)
        open_now = window_state(window, now) is WindowState.OPEN
        keeps_line = activity.enrolment_when_full == WAITING_LINE
        groups = [
            OfferedGroup(
                g,
                places_left(g.capacity, counts.get((period.id, g.id), LineCount()).holding),
                counts.get((period.id, g.id), LineCount()).waiting,
            )
            for g in catalogue.groups_for(period)
        ]
        own = counts.get((period.id, None), LineCount())
        left = None if groups else places_left(activity.enrolment_capacity, own.holding)
        room = keeps_line or (any(g.places_left != 0 for g in groups) if groups else left != 0)
        by_activity.setdefault(period.activity_id, []).append(
            OfferedPeriod(
                period=period,
                path=offer.path,
                weekdays=weekdays_of(period),
                payment=activity.payment,
                enrolment=enrolment_view(catalogue, enrolment, child, waiting) if enrolment else None,
                missing=offer.missing,
                can_enrol=may_enrol(offer.missing, enrolment, open_now, room),
                units=[offered_unit(u, quotient, standing.resident) for u in catalogue.units_of(period.id)],
                booking_window=period_status(period, standing, now),
                window=window,
                enrolment_open=open_now,
                groups=groups,
                capacity=None if groups else activity.enrolment_capacity,
                places_left=left,
                waiting=0 if groups else own.waiting,
                keeps_waiting_line=keeps_line,
            )
        )
    result = []
    for facility in catalogue.facilities:
        activities = [
            OfferedActivity(a, by_activity[a.id])
            for a in catalogue.activities_of(facility.id)
            if a.id in by_activity
        ]
        if activities:
            result.append(OfferedFacility(facility, activities))
    return result
