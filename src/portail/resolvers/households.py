"""Reading the household: the viewer's own guardian, household id and children, children by id and the
family quotient (for "Mon profil", records, documents, catalogue, bookings)."""

from __future__ import annotations

import uuid

from sqlalchemy import bindparam
from sqlmodel import col, select

from portail.db.engine import AsyncSession
from portail.db.models import Child, Guardian, Household, HouseholdChild
from portail.resolvers.context import RequestContext
from portail.resolvers.errors import ErrorCode, UserErrors
from portail.resolvers.memo import memo, remember


def child_name(child: Child | None) -> str | None:
    """A child's "first name LAST NAME" as documents and forms show it (None without a child)."""
    return f"{child.first_name} {child.last_name}".strip() if child else None


# Memo keys: the viewer's guardian, and household rows by id.
VIEWER_GUARDIAN = ("viewer_guardian",)
HOUSEHOLD = "household"
# The (guardian, household) pair the session lookup read, until a mutation's transaction takes it.
LOOKED_UP = ("viewer_rows_looked_up",)


# The viewer's guardian when the session lookup did not bring it (a request's second mutation, a
# session opened by the request): built once. The household comes in the same statement: the use
# cases that need the guardian mostly need the household next (its quotient prices the days).
_GUARDIAN_QUERY = (
    select(Guardian, Household)
    .join(Household, col(Household.id) == Guardian.household_id)
    .where(col(Guardian.id) == bindparam("guardian_id"))
)


async def viewer_guardian(ctx: RequestContext) -> Guardian | None:
    """The guardian the viewer signs in as (None for staff or anonymous)."""
    if ctx.viewer is None or ctx.viewer.account.guardian_id is None:
        return None
    guardian_id = ctx.viewer.account.guardian_id

    async def load() -> Guardian | None:
        row = (await ctx.session.exec(_GUARDIAN_QUERY, params={"guardian_id": guardian_id})).first()
        if row is None:
            return None
        guardian, household = row
        remember(ctx, (HOUSEHOLD, household.id), household)
        return guardian

    return await memo(ctx, VIEWER_GUARDIAN, load)


def remember_viewer_guardian(ctx: RequestContext, guardian: Guardian, household: Household) -> None:
    """The viewer's guardian and household, read with the session (``viewer_for_token``): what
    ``viewer_guardian`` and ``household_row`` answer for the rest of the request, and what its first
    mutation's transaction starts from (``carry_viewer_guardian``)."""
    remember(ctx, VIEWER_GUARDIAN, guardian)
    remember(ctx, (HOUSEHOLD, household.id), household)
    remember(ctx, LOOKED_UP, (guardian, household))


def forget_viewer_guardian(ctx: RequestContext) -> None:
    """``viewer_guardian`` and the household rows read again when next asked: after the request's
    viewer changed (signing in), and as a mutation's transaction begins, so that what it changes is
    what later reads of the request see (the rows of its own session)."""
    read = [
        k
        for k in ctx.cache
        if k in (VIEWER_GUARDIAN, LOOKED_UP) or (isinstance(k, tuple) and k[0] == HOUSEHOLD)
    ]
    for key in read:
        del ctx.cache[key]


def carry_viewer_guardian(ctx: RequestContext, session: AsyncSession) -> None:
    """As a mutation's transaction begins in ``session``: the household rows read before are
    forgotten (``forget_viewer_guardian``), but the viewer's guardian and household that came with
    the session lookup, a moment ago, are handed to ``session`` as they were read (``merge`` without
    a SELECT), once per request: the transaction sees them as a statement of its own would have read
    them then, and what it changes in them is what later reads of the request see. That saves every
    family mutation a statement. A use case that must lock one of them reads it FOR UPDATE, which
    reads the row again whatever the session holds (``AsyncSession.get``, ``refresh``). Rows of an
    earlier mutation of the same request are not carried: that mutation may have changed them without
    these objects knowing."""
    looked_up = ctx.cache.get(LOOKED_UP)
    forget_viewer_guardian(ctx)
    if looked_up is None or not looked_up.done() or looked_up.exception() is not None:
        return
    guardian, household = looked_up.result()
    merge = session.sync_session.merge  # no I/O with load=False
    remember(ctx, VIEWER_GUARDIAN, merge(guardian, load=False))
    remember(ctx, (HOUSEHOLD, household.id), merge(household, load=False))


async def viewer_household_id(ctx: RequestContext) -> uuid.UUID | None:
    """The household of the signed-in guardian (None for staff or anonymous)."""
    guardian = await viewer_guardian(ctx)
    return guardian.household_id if guardian else None


# Built once (the household bound): the planning, the records and every booking read it.
_CHILDREN_QUERY = (
    select(Child)
    .join(HouseholdChild, col(HouseholdChild.child_id) == Child.id)
    .where(col(HouseholdChild.household_id) == bindparam("household_id"))
    .order_by(col(Child.birth_date), col(Child.first_name), col(Child.id))
)


async def household_children(ctx: RequestContext, household_id: uuid.UUID | None) -> list[Child]:
    """The household's children, eldest first (as "Mes enfants" and the planning list them)."""
    return list((await ctx.session.exec(_CHILDREN_QUERY, params={"household_id": household_id})).all())


async def household_row(ctx: RequestContext, household_id: uuid.UUID) -> Household | None:
    """The household's row, read once per request (``viewer_guardian`` brings the viewer's along)."""
    return await memo(ctx, (HOUSEHOLD, household_id), lambda: ctx.session.get(Household, household_id))


def forget_household_row(ctx: RequestContext, household_id: uuid.UUID) -> None:
    """After a change to the row that later reads of this request must see again."""
    ctx.cache.pop((HOUSEHOLD, household_id), None)


async def family_quotient(ctx: RequestContext, household_id: uuid.UUID) -> int | None:
    household = await household_row(ctx, household_id)
    return household.family_quotient if household else None


async def children_by_id(ctx: RequestContext, ids: set[uuid.UUID]) -> dict[uuid.UUID, Child]:
    if not ids:
        return {}
    rows = (await ctx.session.exec(select(Child).where(col(Child.id).in_(ids)))).all()
    return {c.id: c for c in rows}


async def refuse_if_awaiting_validation(ctx: RequestContext, household_id: uuid.UUID | None) -> None:
    """Refuse what a household waiting for the town's validation (it registered itself, see
    ``resolvers.registration``) may not do yet: enrol, book. Its records it may fill in."""
    if household_id is None:
        return
    household = await household_row(ctx, household_id)
    if household is not None and household.awaiting_validation_since is not None:
        raise UserErrors.one(
            None,
            ErrorCode.HOUSEHOLD_AWAITING_VALIDATION,
            "Votre foyer est en attente de validation par la mairie : les inscriptions et les réservations "
            "seront possibles une fois votre compte validé. Vous pouvez déjà compléter vos informations.",
        )
