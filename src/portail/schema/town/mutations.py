"""The town domain's mutations."""

from __future__ import annotations

from typing import Annotated

import strawberry

from portail.resolvers import content as use_cases
from portail.resolvers import registration
from portail.resolvers.context import today
from portail.schema.context import Info
from portail.schema.errors import UserError
from portail.schema.mutations import run_mutation
from portail.schema.permissions import STAFF
from portail.schema.town.inputs import UpdateTownInput, town_changes
from portail.schema.town.types import Town


@strawberry.type(description="Result of `updateTown` and `setSelfRegistration`.")
class TownPayload:
    town: Town | None = strawberry.field(description="The town as it now is; null on error.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type
class TownMutations:
    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: set the town's name, address, phone, e-mail and opening hours shown on the home "
        "page (partial: omitted fields stay). Invoices and mails keep the server's settings.",
    )
    async def update_town(
        self, info: Info, input: Annotated[UpdateTownInput, strawberry.argument(description="The changes.")]
    ) -> TownPayload:
        ctx = info.context.app

        async def update() -> use_cases.TownView:
            return await use_cases.update_town(ctx, town_changes(input))

        view, errors = await run_mutation(info, update)
        return TownPayload(town=Town.of(view, today(ctx)) if view else None, errors=errors)

    @strawberry.mutation(
        permission_classes=STAFF,
        description='Staff: let families create their own account ("Créer un compte") or stop them (an '
        "entry of the audit trail says who and when). Opening needs terms of use to accept "
        "(`TERMS_OF_USE_MISSING` on `enabled`: publish a household consent of kind "
        "`CONDITIONS_UTILISATION`). Accounts already made stay.",
    )
    async def set_self_registration(
        self,
        info: Info,
        enabled: Annotated[bool, strawberry.argument(description="True: families may register themselves.")],
    ) -> TownPayload:
        ctx = info.context.app

        async def switch() -> use_cases.TownView:
            await registration.set_self_registration(ctx, enabled)
            return await use_cases.town(ctx)

        view, errors = await run_mutation(info, switch)
        return TownPayload(town=Town.of(view, today(ctx)) if view else None, errors=errors)
