"""The basket domain's queries: "Mon panier"."""

from __future__ import annotations

import strawberry

from portail.resolvers import basket
from portail.schema.basket.types import Basket
from portail.schema.context import Info
from portail.schema.permissions import FAMILY


@strawberry.type
class BasketQueries:
    @strawberry.field(
        permission_classes=FAMILY,
        description='"Mon panier": what the household still has to pay for its bookings, per regie.',
    )
    async def basket(self, info: Info) -> Basket:
        return Basket.of(await basket.basket(info.context.app))
