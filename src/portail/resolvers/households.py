"""The viewer's own guardian and household id (for "Mon profil", records and documents)."""

from __future__ import annotations

import uuid

from portail.db.models import Guardian
from portail.resolvers.context import RequestContext
from portail.resolvers.memo import memo


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
