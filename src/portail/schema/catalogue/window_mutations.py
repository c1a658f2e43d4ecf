"""Staff set when bookings open, and for whom: a period's booking window, the town's postcodes and
INSEE codes, a
household's category, and the suspension of a household's online bookings. Each change is audited."""

from __future__ import annotations

from typing import Annotated

import strawberry

from portail.resolvers import booking_windows as use_cases
from portail.resolvers import catalogue_reading as reading
from portail.resolvers.rows import Household as HouseholdRow
from portail.resolvers.rows import Period as PeriodRow
from portail.schema.catalogue.inputs import TariffBracketInput
from portail.schema.catalogue.mutations import PeriodPayload, UnitPayload
from portail.schema.catalogue.types import Period, Unit
from portail.schema.catalogue.windows import BookingWindowInput
from portail.schema.context import Info
from portail.schema.errors import UserError
from portail.schema.households.types import Household
from portail.schema.ids import parse_id
from portail.schema.mutations import run_mutation
from portail.schema.permissions import STAFF


@strawberry.type(description="Result of `setResidentPostcodes`.")
class ResidentPostcodesPayload:
    postcodes: list[str] | None = strawberry.field(
        description="The town's postcodes as they now are; null on error."
    )
    insee_codes: list[str] | None = strawberry.field(
        description="The town's INSEE codes as they now are (left as they were when `inseeCodes` was not "
        "sent); null on error."
    )
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type(
    description="Result of `setHouseholdCategory`, `suspendOnlineBooking` and `resumeOnlineBooking`."
)
class HouseholdBookingPayload:
    household: Household | None = strawberry.field(
        description="The household as it now is (see `onlineBooking`); null on error."
    )
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


def _household_payload(row: HouseholdRow | None, errors: list[UserError]) -> HouseholdBookingPayload:
    return HouseholdBookingPayload(household=Household.from_row(row) if row else None, errors=errors)


@strawberry.type
class BookingWindowMutations:
    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: set when families book a period (the whole window: what is omitted is cleared): "
        'its opening for everyone and per group ("habitants d\'abord, extérieurs une semaine plus tard"), '
        "whether it is for the listed groups only, its close, its read-only date and intro text. Before the "
        "opening lines are `BOOKING_NOT_OPEN`, after the close `BOOKING_CLOSED`, from the read-only date "
        "`PERIOD_READ_ONLY`, for other households `NOT_FOR_HOUSEHOLD`. Staff decisions are not held back. "
        "Each change is an entry of the audit trail.",
    )
    async def set_booking_window(
        self,
        info: Info,
        period_id: Annotated[strawberry.ID, strawberry.argument(description="The period.")],
        input: Annotated[BookingWindowInput, strawberry.argument(description="The whole window.")],
    ) -> PeriodPayload:
        async def update() -> PeriodRow:
            return await use_cases.set_booking_window(info.context.app, parse_id(period_id), input.data())

        row, errors = await run_mutation(info, update)
        if row is None:
            return PeriodPayload(period=None, errors=errors)
        return PeriodPayload(period=Period.of(await reading.load_catalogue(info.context.app), row), errors=[])

    @strawberry.mutation(
        permission_classes=STAFF,
        description='Staff: give a unit an out-of-town tariff ("tarif extérieur"): what households outside '
        "the town (`Household.onlineBooking.resident` false) pay, by quotient like `tariff`; null takes it "
        "away (every household pays `tariff`). Days already booked keep their price. Audited.",
    )
    async def set_non_resident_tariff(
        self,
        info: Info,
        unit_id: Annotated[strawberry.ID, strawberry.argument(description="The unit.")],
        tariff: Annotated[
            list[TariffBracketInput] | None,
            strawberry.argument(description="The grid, in cents; null (or left out): none."),
        ] = None,
    ) -> UnitPayload:
        brackets = None if tariff is None else [(b.max_quotient, b.price) for b in tariff]
        row, errors = await run_mutation(
            info, lambda: use_cases.set_non_resident_tariff(info.context.app, parse_id(unit_id), brackets)
        )
        return UnitPayload(unit=Unit.from_row(row) if row else None, errors=errors)

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: list the town's postcodes and, apart, its communes' INSEE codes (each the whole "
        "list, 30 at most): a household whose address lies in the town is resident (`RESIDENTS`), the "
        "others `NON_RESIDENTS`. Where the household's address carries its INSEE code (`Address.inseeCode`) "
        "and the town lists INSEE codes, the INSEE code decides (a neighbouring commune sharing the town's "
        "postcode is not resident); otherwise the postcode does. A wrong code is `INVALID` on "
        "`postcodes.<i>` or `inseeCodes.<i>`, and nothing is written. Each list changed is audited.",
    )
    async def set_resident_postcodes(
        self,
        info: Info,
        postcodes: Annotated[
            list[str],
            strawberry.argument(
                description='The postcodes (five digits), e.g. ["56860"]; INSEE codes go in `inseeCodes`.'
            ),
        ],
        insee_codes: Annotated[
            list[str] | None,
            strawberry.argument(
                description='The INSEE codes ("code officiel géographique", 2A/2B for Corsica), e.g. '
                '["56243"]; [] clears them (the postcode decides for everyone); null (or left out) leaves '
                "them as they are."
            ),
        ] = None,
    ) -> ResidentPostcodesPayload:
        town, errors = await run_mutation(
            info, lambda: use_cases.set_resident_postcodes(info.context.app, postcodes, insee_codes)
        )
        if town is None:
            return ResidentPostcodesPayload(postcodes=None, insee_codes=None, errors=errors)
        return ResidentPostcodesPayload(
            postcodes=list(town.postcodes), insee_codes=list(town.insee_codes), errors=[]
        )

    @strawberry.mutation(
        permission_classes=STAFF,
        description='Staff: give a household a category (e.g. "AGENTS": capitals, digits and _), or none '
        '(""): periods may open to a category earlier, or only to it. The family sees it read-only. Audited.',
    )
    async def set_household_category(
        self,
        info: Info,
        household_id: Annotated[strawberry.ID, strawberry.argument(description="The household.")],
        category: Annotated[str, strawberry.argument(description='The code; "" takes it away.')],
    ) -> HouseholdBookingPayload:
        row, errors = await run_mutation(
            info, lambda: use_cases.set_household_category(info.context.app, parse_id(household_id), category)
        )
        return _household_payload(row, errors)

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: suspend a household's online bookings, saying why (`REASON_REQUIRED` on `reason` "
        "without one): every line it previews or submits, booking or cancelling, is then "
        "`BOOKING_SUSPENDED` with the reason, and `Household.onlineBooking.suspension` shows it. Audited.",
    )
    async def suspend_online_booking(
        self,
        info: Info,
        household_id: Annotated[strawberry.ID, strawberry.argument(description="The household.")],
        reason: Annotated[str, strawberry.argument(description="Why (500 characters): the family reads it.")],
    ) -> HouseholdBookingPayload:
        row, errors = await run_mutation(
            info, lambda: use_cases.suspend_online_booking(info.context.app, parse_id(household_id), reason)
        )
        return _household_payload(row, errors)

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: let a suspended household book online again. Audited.",
    )
    async def resume_online_booking(
        self,
        info: Info,
        household_id: Annotated[strawberry.ID, strawberry.argument(description="The household.")],
    ) -> HouseholdBookingPayload:
        row, errors = await run_mutation(
            info, lambda: use_cases.resume_online_booking(info.context.app, parse_id(household_id))
        )
        return _household_payload(row, errors)
