"""The privacy domain's mutations."""

from __future__ import annotations

from typing import Annotated

import strawberry

from portail.resolvers import anonymisation, uploads
from portail.schema.context import Info
from portail.schema.ids import parse_id, to_id
from portail.schema.mutations import run_mutation
from portail.schema.permissions import STAFF
from portail.schema.privacy.types import AnonymiseHouseholdPayload


@strawberry.type
class PrivacyMutations:
    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: anonymise a household that has left. Kept: its invoices, credit notes, payments "
        'and their amounts, the bookings and attendance they bill, under "ANONYME"; erased: every name, '
        "address, phone, e-mail, birth date, health detail, document, consent, change history, session "
        "and mail. Its accounts can no longer sign in. A child shared with another household stays as that "
        "household knows it. Refused while the household has bookings ahead, invoices to pay, or a basket "
        "or payment under way (HOUSEHOLD_STILL_ACTIVE), and twice (ALREADY_ANONYMISED). Cannot be undone.",
    )
    async def anonymise_household(
        self,
        info: Info,
        household_id: Annotated[strawberry.ID, strawberry.argument(description="The household.")],
    ) -> AnonymiseHouseholdPayload:
        ctx = info.context.app
        done, errors = await run_mutation(info, lambda: anonymisation.anonymise(ctx, parse_id(household_id)))
        if done is None:
            return AnonymiseHouseholdPayload(household_id=None, anonymised_at=None, errors=errors)
        for key in done.stored_files:
            await uploads.discard(ctx, key)
        return AnonymiseHouseholdPayload(
            household_id=to_id(done.household.id), anonymised_at=done.household.anonymised_at, errors=[]
        )
