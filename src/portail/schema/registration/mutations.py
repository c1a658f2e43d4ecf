"""Payloads and mutations of registration."""

from __future__ import annotations

from typing import Annotated

import strawberry

from portail.resolvers import registration as use_cases
from portail.resolvers import uploads
from portail.schema.context import Info
from portail.schema.errors import UserError
from portail.schema.households.types import Household
from portail.schema.ids import parse_id
from portail.schema.mutations import run_mutation
from portail.schema.payloads import DonePayload
from portail.schema.permissions import STAFF
from portail.schema.registration.inputs import RegisterFamilyInput, registration


@strawberry.type(description="Result of `approveRegistration` and `mergeRegistration`.")
class RegistrationDecisionPayload:
    household: Household | None = strawberry.field(
        description="The household the family now belongs to (approved, or the one merged into); null "
        "on error."
    )
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type
class RegistrationMutations:
    @strawberry.mutation(
        description='"Créer un compte", when the town allows it (`town.selfRegistration`): the family '
        "registers itself with an ALTCHA solution (`altchaChallenge`). The answer is the same whether or "
        "not the address already has an account (`ok`): a new address is mailed a link to confirm it "
        "(`confirmAccount` with the token and no password), and its household waits for the town's "
        "validation (it may fill in its records, not enrol nor book: `HOUSEHOLD_AWAITING_VALIDATION`); a "
        "known address gets nothing but a mailed notice. Refused: `REGISTRATION_CLOSED`, "
        "`ALTCHA_INVALID` / `ALTCHA_EXPIRED` / `ALTCHA_REPLAYED` on `altcha`, `TERMS_NOT_ACCEPTED` on "
        "`acceptedTermsVersion`, the `PASSWORD_*` codes on `password`, and `TOO_MANY_ATTEMPTS` when one "
        "client address registers too often."
    )
    async def register_family(
        self,
        info: Info,
        input: Annotated[
            RegisterFamilyInput, strawberry.argument(description="The family and its proof of work.")
        ],
    ) -> DonePayload:
        data = registration(input)
        _, errors = await run_mutation(info, lambda: use_cases.register_family(info.context.app, data))
        return DonePayload(ok=not errors, errors=errors)

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: the waiting household is a family the town did not know: it becomes a household "
        "like any other (enrolments and bookings open), and the family is mailed.",
    )
    async def approve_registration(
        self,
        info: Info,
        household_id: Annotated[strawberry.ID, strawberry.argument(description="The waiting household.")],
    ) -> RegistrationDecisionPayload:
        household, errors = await run_mutation(
            info, lambda: use_cases.approve_registration(info.context.app, parse_id(household_id))
        )
        return RegistrationDecisionPayload(
            household=Household.from_row(household) if household else None, errors=errors
        )

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: the waiting household is not one the town will serve: it is removed with its "
        "account and whatever the family handed in (nothing is kept but an audit entry: its name and the "
        "reason), and the family is mailed the reason. Refused: `NOT_FOUND` on `householdId` (not waiting, "
        "or already decided), `REQUIRED` / `TOO_LONG` on `reason` (1000 characters at most).",
    )
    async def reject_registration(
        self,
        info: Info,
        household_id: Annotated[strawberry.ID, strawberry.argument(description="The waiting household.")],
        reason: Annotated[
            str, strawberry.argument(description="Why, in words for the family (the mail quotes it).")
        ],
    ) -> DonePayload:
        ctx = info.context.app
        removed, errors = await run_mutation(
            info, lambda: use_cases.reject_registration(ctx, parse_id(household_id), reason)
        )
        if removed is not None:
            for key in removed.stored_files:
                await uploads.discard(ctx, key)
        return DonePayload(ok=not errors, errors=errors)

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: the waiting household is a family the town knows: it goes into that household. "
        "The family's account signs in as that household's guardian of the same first and last names (or "
        "joins it as a guardian), its children are the known ones of the same first name and birth date "
        "(or join it), what it handed in while waiting follows, and the waiting household is removed. "
        "The family is mailed.",
    )
    async def merge_registration(
        self,
        info: Info,
        household_id: Annotated[strawberry.ID, strawberry.argument(description="The waiting household.")],
        into_household_id: Annotated[
            strawberry.ID, strawberry.argument(description="The household the town knows.")
        ],
    ) -> RegistrationDecisionPayload:
        household, errors = await run_mutation(
            info,
            lambda: use_cases.merge_registration(
                info.context.app, parse_id(household_id), parse_id(into_household_id)
            ),
        )
        return RegistrationDecisionPayload(
            household=Household.from_row(household) if household else None, errors=errors
        )
