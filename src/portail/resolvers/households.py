"""Reading the household: the viewer's own guardian, household id and children, children by id and the
family quotient (for "Mon profil", records, documents, catalogue, bookings)."""

from __future__ import annotations

import uuid

from sqlmodel import col, select

from portail.db.models import Child, Guardian, Household, HouseholdChild
from portail.resolvers.context import RequestContext
from portail.resolvers.memo import memo


def child_name(child: Child | None) -> str | None:
    """A child's "first name LAST NAME" as documents and forms show it (None without a child)."""
    return f"{child.first_name} {child.last_name}".strip() if child else None


async def viewer_guardian(ctx: RequestContext) -> Guardian | None:
    """The guardian the viewer signs in as (None for staff or anonymous)."""
    if ctx.viewer is None or ctx.viewer.account.guardian_id is None:
        return None
    guardian_id = ctx.viewer.account.guardian_id
    return await memo(ctx, ("viewer_guardian",), lambda: ctx.session.get(Guardian, guardian_id))


async def viewer_household_id(ctx: RequestContext) -> uuid.UUID | None:
    """The household of the signed-in guardian (None for staff or anonymous)."""
    guardian = await viewer_guardian(ctx)
    return guardian.household_id if guardian else None


async def household_children(ctx: RequestContext, household_id: uuid.UUID | None) -> list[Child]:
    """The household's children, eldest first (as "Mes enfants" and the planning list them)."""
    query = (
        select(Child)
        .join(HouseholdChild, col(HouseholdChild.child_id) == Child.id)
        .where(HouseholdChild.household_id == household_id)
        .order_by(col(Child.birth_date), col(Child.first_name), col(Child.id))
    )
    return list((await ctx.session.exec(query)).all())


async def family_quotient(ctx: RequestContext, household_id: uuid.UUID) -> int | None:
    household = await ctx.session.get(Household, household_id)
    return household.family_quotient if household else None


async def children_by_id(ctx: RequestContext, ids: set[uuid.UUID]) -> dict[uuid.UUID, Child]:
    if not ids:
        return {}
    rows = (await ctx.session.exec(select(Child).where(col(Child.id).in_(ids)))).all()
    return {c.id: c for c in rows}
