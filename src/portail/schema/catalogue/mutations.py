"""The catalogue's mutations and their payloads: staff manage regies, facilities, activities, periods and
units; families enrol a child and withdraw; staff decide enrolments. Each calls one use case through
``run_mutation`` and maps its rows (or its user errors) onto the payload."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from portail.resolvers import catalogue as use_cases
from portail.resolvers import catalogue_bookings as guarded
from portail.resolvers import catalogue_reading as reading
from portail.resolvers import enrolment_groups as groups
from portail.resolvers import enrolment_withdrawal as withdrawal
from portail.resolvers import offer
from portail.resolvers.rows import Enrolment as EnrolmentRow
from portail.resolvers.rows import Period as PeriodRow
from portail.schema.catalogue.inputs import (
    ActivityInput,
    DateSpanInput,
    EnrolmentGroupInput,
    PeriodInput,
    RegieInput,
    UnitInput,
    UpdateActivityInput,
    UpdateEnrolmentGroupInput,
    UpdatePeriodInput,
    UpdateRegieInput,
    UpdateUnitInput,
    activity_changes,
    activity_data,
    group_changes,
    group_data,
    period_changes,
    period_data,
    regie_changes,
    regie_data,
    span_data,
    unit_changes,
    unit_data,
)
from portail.schema.catalogue.types import Activity, Enrolment, EnrolmentGroup, Facility, Period, Regie, Unit
from portail.schema.context import Info
from portail.schema.errors import UserError
from portail.schema.ids import parse_id
from portail.schema.mutations import run_mutation
from portail.schema.permissions import FAMILY, STAFF

CANCEL_BOOKINGS = (
    "To go through although bookings stand on days this change closes: the reason (in French, the "
    'families read it, e.g. "Grève du personnel de restauration"). Those bookings (pending, accepted, '
    "cancellation requested, waiting; past days included) are cancelled by staff with this reason, their "
    "places freed, and each family is mailed its days. Omitted or null: the change is refused with "
    "`BOOKINGS_IN_THE_WAY` on the field at fault, saying how many bookings stand in the way."
)


@strawberry.type(description="Result of a change to a regie.")
class RegiePayload:
    regie: Regie | None = strawberry.field(description="The regie as it now is; null on error.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type(description="Result of a change to a facility.")
class FacilityPayload:
    facility: Facility | None = strawberry.field(description="The facility as it now is; null on error.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type(description="Result of a change to an activity.")
class ActivityPayload:
    activity: Activity | None = strawberry.field(description="The activity as it now is; null on error.")
    cancelled_bookings: int = strawberry.field(
        default=0, description="How many bookings the change cancelled (`cancelBookings`); 0 otherwise."
    )
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type(description="Result of a change to a period (its dates, its calendar).")
class PeriodPayload:
    period: Period | None = strawberry.field(description="The period as it now is; null on error.")
    cancelled_bookings: int = strawberry.field(
        default=0, description="How many bookings the change cancelled (`cancelBookings`); 0 otherwise."
    )
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type(description="Result of a change to a unit.")
class UnitPayload:
    unit: Unit | None = strawberry.field(description="The unit as it now is; null on error.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type(description="Result of a change to an enrolment group.")
class EnrolmentGroupPayload:
    group: EnrolmentGroup | None = strawberry.field(
        description="The group as it now is (deleted: as it was); null on error."
    )
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type(description="Result of `enrollChild` or `decideEnrolment`.")
class EnrolmentPayload:
    enrolment: Enrolment | None = strawberry.field(description="The enrolment; null on error.")
    errors: list[UserError] = strawberry.field(
        description="What to fix; when prerequisites fail, one error per missing item."
    )


WITHDRAW_DESCRIPTION = (
    "Withdraw a pending, accepted or waiting enrolment: it becomes WITHDRAWN (the child may be enrolled "
    "again later). Its bookings from today on are cancelled as the family would cancel them, in one numbered "
    'request of "Historique": a day past its cancellation deadline becomes a "demande d\'annulation" '
    "where the activity takes late cancellations as requests, and stays booked (and billed) elsewhere; "
    "days the other household of a shared child booked are theirs. The family is mailed what became of "
    "each day. A place it held goes to the first in line of its period or group. Another family's "
    "enrolment is NOT_FOUND; a refused or withdrawn one is NOT_WITHDRAWABLE."
)


@strawberry.type(description="Result of `withdrawEnrolment`: the enrolment and what became of its days.")
class WithdrawEnrolmentPayload:
    enrolment: Enrolment | None = strawberry.field(description="The enrolment, now WITHDRAWN; null on error.")
    request_number: str | None = strawberry.field(
        description='The number ("000007") of the request that cancelled the days ahead, in "Historique"; '
        "null when there were none to cancel (or none could be)."
    )
    cancelled_count: int = strawberry.field(description="Days ahead cancelled (places freed).")
    cancellation_requested_count: int = strawberry.field(
        description='Days past their cancellation deadline now "demande d\'annulation", for staff to decide.'
    )
    kept_count: int = strawberry.field(
        description="Days past their cancellation deadline the activity keeps booked (and billed)."
    )
    errors: list[UserError] = strawberry.field(description="What went wrong (NOT_FOUND, NOT_WITHDRAWABLE).")


async def _period(info: Info, row: PeriodRow) -> Period:
    return Period.of(await reading.load_catalogue(info.context.app), row)


async def _enrolment(info: Info, row: EnrolmentRow) -> Enrolment:
    (view,) = await offer.enrolment_views(info.context.app, [row])
    return Enrolment.from_view(view)


@strawberry.type
class CatalogueMutations:
    @strawberry.mutation(permission_classes=STAFF, description="Staff: create a regie.")
    async def create_regie(
        self, info: Info, input: Annotated[RegieInput, strawberry.argument(description="The regie.")]
    ) -> RegiePayload:
        row, errors = await run_mutation(
            info,
            lambda: use_cases.save_regie(info.context.app, None, regie_data(input), create=True),
        )
        return RegiePayload(regie=Regie.from_row(row) if row else None, errors=errors)

    @strawberry.mutation(permission_classes=STAFF, description="Staff: change a regie.")
    async def update_regie(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The regie.")],
        input: Annotated[UpdateRegieInput, strawberry.argument(description="What changes.")],
    ) -> RegiePayload:
        async def update() -> Any:
            ctx = info.context.app
            data = regie_changes(await use_cases.regie_settings(ctx, parse_id(id)), input)
            return await use_cases.save_regie(ctx, parse_id(id), data, create=False)

        row, errors = await run_mutation(info, update)
        return RegiePayload(regie=Regie.from_row(row) if row else None, errors=errors)

    @strawberry.mutation(permission_classes=STAFF, description='Staff: create a facility ("établissement").')
    async def create_facility(
        self, info: Info, name: Annotated[str, strawberry.argument(description="Its name.")]
    ) -> FacilityPayload:
        row, errors = await run_mutation(
            info, lambda: use_cases.save_facility(info.context.app, None, name, create=True)
        )
        return FacilityPayload(
            facility=Facility.of(await reading.load_catalogue(info.context.app), row.id) if row else None,
            errors=errors,
        )

    @strawberry.mutation(permission_classes=STAFF, description="Staff: rename a facility.")
    async def update_facility(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The facility.")],
        name: Annotated[str, strawberry.argument(description="Its new name.")],
    ) -> FacilityPayload:
        row, errors = await run_mutation(
            info, lambda: use_cases.save_facility(info.context.app, parse_id(id), name, create=False)
        )
        return FacilityPayload(
            facility=Facility.of(await reading.load_catalogue(info.context.app), row.id) if row else None,
            errors=errors,
        )

    @strawberry.mutation(permission_classes=STAFF, description='Staff: create an activity ("accueil").')
    async def create_activity(
        self,
        info: Info,
        facility_id: Annotated[strawberry.ID, strawberry.argument(description="Its facility.")],
        input: Annotated[ActivityInput, strawberry.argument(description="Its settings.")],
    ) -> ActivityPayload:
        row, errors = await run_mutation(
            info,
            lambda: use_cases.create_activity(info.context.app, parse_id(facility_id), activity_data(input)),
        )
        return ActivityPayload(
            activity=Activity.of(await reading.load_catalogue(info.context.app), row) if row else None,
            errors=errors,
        )

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: change an activity's settings. Changing `openDuring` closes days of its periods "
        "(school holidays, or school time): bookings standing on them are `BOOKINGS_IN_THE_WAY` on "
        "`openDuring`, unless `cancelBookings` gives the reason to cancel them.",
    )
    async def update_activity(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The activity.")],
        input: Annotated[UpdateActivityInput, strawberry.argument(description="What changes.")],
        cancel_bookings: Annotated[str | None, strawberry.argument(description=CANCEL_BOOKINGS)] = None,
    ) -> ActivityPayload:
        async def update() -> Any:
            ctx = info.context.app
            data = activity_changes(await use_cases.activity_settings(ctx, parse_id(id)), input)
            return await guarded.update_activity(ctx, parse_id(id), data, cancel_bookings)

        done, errors = await run_mutation(info, update)
        return ActivityPayload(
            activity=Activity.of(await reading.load_catalogue(info.context.app), done.row) if done else None,
            cancelled_bookings=done.cancelled if done else 0,
            errors=errors,
        )

    @strawberry.mutation(permission_classes=STAFF, description="Staff: create a period of an activity.")
    async def create_period(
        self,
        info: Info,
        activity_id: Annotated[strawberry.ID, strawberry.argument(description="Its activity.")],
        input: Annotated[PeriodInput, strawberry.argument(description="Its name, dates and weekdays.")],
    ) -> PeriodPayload:
        row, errors = await run_mutation(
            info, lambda: use_cases.create_period(info.context.app, parse_id(activity_id), period_data(input))
        )
        return PeriodPayload(period=await _period(info, row) if row else None, errors=errors)

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: change a period's name, dates, weekdays. Bookings standing on days the new dates "
        "or weekdays close are `BOOKINGS_IN_THE_WAY` on `start`, `end` or `weekdays` (with how many and "
        "when), unless `cancelBookings` gives the reason to cancel them.",
    )
    async def update_period(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The period.")],
        input: Annotated[UpdatePeriodInput, strawberry.argument(description="What changes.")],
        cancel_bookings: Annotated[str | None, strawberry.argument(description=CANCEL_BOOKINGS)] = None,
    ) -> PeriodPayload:
        async def update() -> Any:
            ctx = info.context.app
            data = period_changes(await use_cases.period_settings(ctx, parse_id(id)), input)
            return await guarded.update_period(ctx, parse_id(id), data, cancel_bookings)

        done, errors = await run_mutation(info, update)
        return PeriodPayload(
            period=await _period(info, done.row) if done else None,
            cancelled_bookings=done.cancelled if done else 0,
            errors=errors,
        )

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: replace a period's closures and extra opening days (within the period's dates). "
        "Bookings standing on days this closes (a new closure, an extra day taken away) are "
        "`BOOKINGS_IN_THE_WAY` on `closures.<i>` or `extraDays`, unless `cancelBookings` gives the reason "
        "to cancel them: what a town does for a strike or an unplanned closure.",
    )
    async def set_period_calendar(
        self,
        info: Info,
        period_id: Annotated[strawberry.ID, strawberry.argument(description="The period.")],
        closures: Annotated[list[DateSpanInput], strawberry.argument(description="Days closed.")],
        extra_days: Annotated[list[DateSpanInput], strawberry.argument(description="Days opened besides.")],
        cancel_bookings: Annotated[str | None, strawberry.argument(description=CANCEL_BOOKINGS)] = None,
    ) -> PeriodPayload:
        done, errors = await run_mutation(
            info,
            lambda: guarded.set_period_days(
                info.context.app,
                parse_id(period_id),
                span_data(closures),
                span_data(extra_days),
                cancel_bookings,
            ),
        )
        return PeriodPayload(
            period=await _period(info, done.row) if done else None,
            cancelled_bookings=done.cancelled if done else 0,
            errors=errors,
        )

    @strawberry.mutation(permission_classes=STAFF, description="Staff: create a unit of a period.")
    async def create_unit(
        self,
        info: Info,
        period_id: Annotated[strawberry.ID, strawberry.argument(description="Its period.")],
        input: Annotated[UnitInput, strawberry.argument(description="Its settings.")],
    ) -> UnitPayload:
        row, errors = await run_mutation(
            info, lambda: use_cases.create_unit(info.context.app, parse_id(period_id), unit_data(input))
        )
        return UnitPayload(unit=Unit.from_row(row) if row else None, errors=errors)

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: change a unit's settings. A `capacity` below the places already held on a day "
        "from today on is refused (`BOOKINGS_IN_THE_WAY` on `capacity`, saying how many bookings exceed "
        "it and the lowest capacity allowed): held places are never taken back; to free them, cancel "
        "those days (`setPeriodCalendar` with `cancelBookings`). A capacity raised (or made unlimited) "
        "gives the new places to the first in each day's waiting line at once; they are mailed. Likewise an "
        "event's date taken away while children are booked on it (`eventDates`), or a `maxQuantity` below "
        "what a booking from today on asked (`maxQuantity`), is refused with `BOOKINGS_IN_THE_WAY`.",
    )
    async def update_unit(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The unit.")],
        input: Annotated[UpdateUnitInput, strawberry.argument(description="What changes.")],
    ) -> UnitPayload:
        async def update() -> Any:
            ctx = info.context.app
            data = unit_changes(await use_cases.unit_settings(ctx, parse_id(id)), input)
            return await guarded.update_unit(ctx, parse_id(id), data)

        row, errors = await run_mutation(info, update)
        return UnitPayload(unit=Unit.from_row(row) if row else None, errors=errors)

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: add an enrolment group to an activity (audited). Once an activity has groups, "
        "`enrollChild` requires one.",
    )
    async def create_enrolment_group(
        self,
        info: Info,
        activity_id: Annotated[strawberry.ID, strawberry.argument(description="The activity.")],
        input: Annotated[EnrolmentGroupInput, strawberry.argument(description="The group.")],
    ) -> EnrolmentGroupPayload:
        row, errors = await run_mutation(
            info, lambda: groups.create_group(info.context.app, parse_id(activity_id), group_data(input))
        )
        return EnrolmentGroupPayload(group=EnrolmentGroup.from_row(row) if row else None, errors=errors)

    @strawberry.mutation(permission_classes=STAFF, description="Staff: change an enrolment group (audited).")
    async def update_enrolment_group(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The group.")],
        input: Annotated[UpdateEnrolmentGroupInput, strawberry.argument(description="What changes.")],
    ) -> EnrolmentGroupPayload:
        async def update() -> Any:
            ctx = info.context.app
            data = group_changes(await groups.group_settings(ctx, parse_id(id)), input)
            return await groups.update_group(ctx, parse_id(id), data)

        row, errors = await run_mutation(info, update)
        return EnrolmentGroupPayload(group=EnrolmentGroup.from_row(row) if row else None, errors=errors)

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: delete an enrolment group no enrolment names (else `GROUP_IN_USE`; audited).",
    )
    async def delete_enrolment_group(
        self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The group.")]
    ) -> EnrolmentGroupPayload:
        row, errors = await run_mutation(info, lambda: groups.delete_group(info.context.app, parse_id(id)))
        return EnrolmentGroupPayload(group=EnrolmentGroup.from_row(row) if row else None, errors=errors)

    @strawberry.mutation(
        permission_classes=FAMILY,
        description='Enrol a child in a period ("Inscription aux services"): accepted at once or pending '
        "staff, per activity; refused with one error per missing item (age, class, record section, document, "
        "consent) when prerequisites fail. Outside the enrolment window: `ENROLMENT_NOT_OPEN` or "
        "`ENROLMENT_CLOSED` on `periodId`, the message saying when. Where the period offers groups (the "
        "activity's not limited to other periods) a `groupId` is required (`REQUIRED` on `groupId`); a group "
        "of the activity limited to other periods is `GROUP_NOT_IN_PERIOD` on `groupId`. A full group or "
        "period: `GROUP_FULL` on `groupId` "
        "or `ACTIVITY_FULL` on `periodId`, or, where the activity keeps a waiting line, the enrolment is "
        "WAITING with its `waitingRank` (the family is mailed). Another family's child, an unknown period "
        "or a group of another activity is NOT_FOUND.",
    )
    async def enroll_child(
        self,
        info: Info,
        child_id: Annotated[strawberry.ID, strawberry.argument(description="The child.")],
        period_id: Annotated[strawberry.ID, strawberry.argument(description="The period.")],
        group_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="The group, where the period offers groups (`catalogue`'s `groups`)."
            ),
        ] = None,
    ) -> EnrolmentPayload:
        row, errors = await run_mutation(
            info,
            lambda: use_cases.enroll_child(
                info.context.app,
                parse_id(child_id),
                parse_id(period_id),
                parse_id(group_id) if group_id is not None else None,
                group_id is not None,
            ),
        )
        return EnrolmentPayload(enrolment=await _enrolment(info, row) if row else None, errors=errors)

    @strawberry.mutation(
        permission_classes=FAMILY,
        description=WITHDRAW_DESCRIPTION,
    )
    async def withdraw_enrolment(
        self,
        info: Info,
        enrolment_id: Annotated[strawberry.ID, strawberry.argument(description="The enrolment.")],
    ) -> WithdrawEnrolmentPayload:
        done, errors = await run_mutation(
            info, lambda: withdrawal.withdraw_enrolment(info.context.app, parse_id(enrolment_id))
        )
        if done is None:
            return WithdrawEnrolmentPayload(
                enrolment=None,
                request_number=None,
                cancelled_count=0,
                cancellation_requested_count=0,
                kept_count=0,
                errors=errors,
            )
        return WithdrawEnrolmentPayload(
            enrolment=await _enrolment(info, done.enrolment),
            request_number=done.request_number,
            cancelled_count=len(done.cancelled),
            cancellation_requested_count=len(done.requested),
            kept_count=len(done.kept),
            errors=[],
        )

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: accept or refuse (reason required) a pending or waiting enrolment; the family is "
        "mailed. Accepting a waiting one gives it a place if one is free (else `GROUP_FULL` or "
        "`ACTIVITY_FULL` on `id`); refusing one that held a place frees it for the first in line.",
    )
    async def decide_enrolment(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The enrolment.")],
        accept: Annotated[bool, strawberry.argument(description="True to accept, false to refuse.")],
        reason: Annotated[str, strawberry.argument(description="Why (required to refuse).")] = "",
    ) -> EnrolmentPayload:
        row, errors = await run_mutation(
            info, lambda: use_cases.decide_enrolment(info.context.app, parse_id(id), accept, reason)
        )
        return EnrolmentPayload(enrolment=await _enrolment(info, row) if row else None, errors=errors)
