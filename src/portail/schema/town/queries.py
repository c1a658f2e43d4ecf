"""The town domain's queries."""

from __future__ import annotations

import strawberry

from portail.resolvers import content as use_cases
from portail.resolvers.context import today
from portail.schema.context import Info
from portail.schema.town.types import Town


@strawberry.type
class TownQueries:
    @strawberry.field(
        description="The town that runs the portal, its contact details and opening hours, and today's "
        "date there. No sign-in needed."
    )
    async def town(self, info: Info) -> Town:
        ctx = info.context.app
        return Town.of(await use_cases.town(ctx), today(ctx))
