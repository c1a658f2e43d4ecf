"""What a child is offered (facility > activity > period not over yet): the child's enrolment, what keeps
the child from enrolling, and each unit's price for the family and its worded deadlines; and enrolments
as families and staff read them (the child's name, the period's path).

The schema maps these views field by field: every decision (the price by family quotient, the wording of
deadlines and prices, whether ``enrollChild`` would be taken) is taken here or in ``rules/``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import col, select

from portail.db.models import Child
from portail.db.models.catalogue import Activity, Enrolment, Facility, Period, Unit
from portail.resolvers import households
from portail.resolvers.booking_windows import household_standing, period_status, residence_matters
from portail.resolvers.catalogue import ACTIVE_ENROLMENT, Missing, child_catalogue
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
from portail.resolvers.memo import memo
from portail.rules.booking_windows import WindowStatus
from portail.rules.pricing import format_amount, unit_price


@dataclass(frozen=True)
class EnrolmentView:
    """An enrolment with the child's name and the period's path."""

    enrolment: Enrolment
    child_name: str
    period_path: str


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
    window: WindowStatus


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


def may_enrol(missing: Sequence[Missing], enrolment: Enrolment | None) -> bool:
    """Whether a child lacking ``missing``, with ``enrolment`` in the period, may ask to enrol (as
    ``enroll_child`` decides: nothing missing, and no enrolment pending or accepted)."""
    return not missing and (enrolment is None or enrolment.state not in ACTIVE_ENROLMENT)


def enrolment_view(catalogue: Catalogue, row: Enrolment, child: Child) -> EnrolmentView:
    return EnrolmentView(row, child_name(child), period_path(catalogue, catalogue.by_id[row.period_id]))


async def enrolment_views(ctx: RequestContext, rows: Sequence[Enrolment]) -> list[EnrolmentView]:
    """``rows`` with their children's names and periods' paths (two statements at most, whatever the
    number of rows: the catalogue is loaded once per request)."""
    children = await households.children_by_id(ctx, {r.child_id for r in rows})
    catalogue = await load_catalogue(ctx)
    return [enrolment_view(catalogue, r, children[r.child_id]) for r in rows]


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
    by_child: dict[uuid.UUID, list[EnrolmentView]] = {}
    for row in rows:
        by_child.setdefault(row.child_id, []).append(enrolment_view(catalogue, row, children[row.child_id]))
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
    by_activity: dict[uuid.UUID, list[OfferedPeriod]] = {}
    for offer in offers:
        period, enrolment = offer.period, offer.enrolment
        activity: Activity = catalogue.by_id[period.activity_id]
        by_activity.setdefault(period.activity_id, []).append(
            OfferedPeriod(
                period=period,
                path=offer.path,
                weekdays=weekdays_of(period),
                payment=activity.payment,
                enrolment=enrolment_view(catalogue, enrolment, child) if enrolment else None,
                missing=offer.missing,
                can_enrol=may_enrol(offer.missing, enrolment),
                units=[offered_unit(u, quotient, standing.resident) for u in catalogue.units_of(period.id)],
                window=period_status(period, standing, now),
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
