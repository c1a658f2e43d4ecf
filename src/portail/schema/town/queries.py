"""The town domain's queries."""

from __future__ import annotations

import strawberry

from portail.resolvers.context import today
from portail.schema.context import Info
from portail.schema.town.types import Town


@strawberry.type
class TownQueries:
    @strawberry.field(description="The town that runs the portal, and today's date there. No sign-in needed.")
    def town(self, info: Info) -> Town:
        ctx = info.context.app
        settings = ctx.settings
        return Town(name=settings.town_name, address=list(settings.town_address), today=today(ctx))
