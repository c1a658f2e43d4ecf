"""The town domain's mutations."""

from __future__ import annotations

from typing import Annotated

import strawberry

from portail.resolvers import catalogue_bookings, registration
from portail.resolvers import content as use_cases
from portail.resolvers.context import today
from portail.schema.catalogue.mutations import CANCEL_BOOKINGS
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


@strawberry.type(description="Result of `setHolidaySubdivision`.")
class HolidaySubdivisionPayload:
    town: Town | None = strawberry.field(description="The town as it now is; null on error.")
    cancelled: int = strawberry.field(
        default=0, description="How many bookings the change cancelled (`cancelBookings`); 0 otherwise."
    )
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

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: the subdivision whose public holidays the town keeps beyond France's: "
        '"57" (Moselle), "67" (Bas-Rhin), "68" (Haut-Rhin) or "6AE" add Good Friday and 26 December; an '
        'overseas department ("971"…) its own; null: none (the rest of France). From then on it decides, '
        "not the server's `PORTAIL_HOLIDAY_SUBDIVISION` (only a default until staff set it): the openings "
        'closed on public holidays and the deadlines counted "hors jours fériés", in `bookableDays`, '
        "previews, submissions and reminders. A subdivision public holidays are unknown for: `INVALID` on "
        "`subdivision`, nothing written. Bookings on a day it makes a public holiday stand in the way "
        "(`BOOKINGS_IN_THE_WAY` on `subdivision`), unless `cancelBookings` gives the reason to cancel them. "
        "Audited.",
    )
    async def set_holiday_subdivision(
        self,
        info: Info,
        subdivision: Annotated[
            str | None, strawberry.argument(description='The subdivision, e.g. "57"; null: none.')
        ],
        cancel_bookings: Annotated[str | None, strawberry.argument(description=CANCEL_BOOKINGS)] = None,
    ) -> HolidaySubdivisionPayload:
        ctx = info.context.app

        async def choose() -> tuple[use_cases.TownView, int]:
            changed = await catalogue_bookings.set_holiday_subdivision(ctx, subdivision, cancel_bookings)
            return await use_cases.town(ctx), changed.cancelled

        done, errors = await run_mutation(info, choose)
        if done is None:
            return HolidaySubdivisionPayload(town=None, errors=errors)
        view, cancelled = done
        return HolidaySubdivisionPayload(town=Town.of(view, today(ctx)), cancelled=cancelled, errors=errors)
