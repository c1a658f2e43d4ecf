"""The bookings domain's mutations and their payloads: a family's booking request (preview and
submit) and staff's decisions."""

from __future__ import annotations

import datetime
from typing import Annotated

import strawberry

from portail.resolvers import attendance, booking_decisions, booking_requests
from portail.resolvers.errors import UserErrors
from portail.schema.bookings.enums import BookingDecision
from portail.schema.bookings.inputs import (
    AttendanceEntryInput,
    BookingRequestInput,
    attendance_entries,
    request_data,
)
from portail.schema.bookings.types import BookingRequest, BookingSummary
from portail.schema.context import Info
from portail.schema.errors import UserError
from portail.schema.ids import parse_id
from portail.schema.mutations import run_mutation
from portail.schema.permissions import FAMILY, STAFF


@strawberry.type(description="Result of `previewBookingRequest` and `submitBookingRequest`.")
class BookingRequestPayload:
    summary: BookingSummary | None = strawberry.field(description="The summary; null on error.")
    request: BookingRequest | None = strawberry.field(
        description="Submit: the request written, with its number; null for a preview or on error."
    )
    errors: list[UserError] = strawberry.field(description="What to fix in the input; empty on success.")


@strawberry.type(description="Result of `decideBookings`.")
class DecideBookingsPayload:
    requests: list[BookingRequest] = strawberry.field(description="The requests decided, as they now are.")
    errors: list[UserError] = strawberry.field(description="What to fix; nothing is decided when not empty.")


@strawberry.type(description="Result of `recordAttendance`.")
class AttendancePayload:
    recorded: int = strawberry.field(description="How many children were recorded (0 on error).")
    errors: list[UserError] = strawberry.field(description="What to fix; nothing is recorded when not empty.")


@strawberry.type
class BookingMutations:
    @strawberry.mutation(
        permission_classes=FAMILY,
        description='The summary of a booking request without writing anything ("SUIVANT"): every line '
        "with its "
        "outcome or why it is refused, and the price estimate. Input errors (unknown or foreign ids, dates "
        "outside the period, a child not enrolled, bad repeats, duplicates, too many changes) come in "
        "`errors`.",
    )
    async def preview_booking_request(
        self,
        info: Info,
        input: Annotated[BookingRequestInput, strawberry.argument(description="The request.")],
    ) -> BookingRequestPayload:
        # A preview writes nothing: it reads outside any write transaction (no write lock on SQLite).
        try:
            plan = await booking_requests.preview(info.context.app, request_data(input))
        except UserErrors as refused:
            return BookingRequestPayload(summary=None, request=None, errors=UserError.from_errors(refused))
        return BookingRequestPayload(summary=BookingSummary.of(plan), request=None, errors=[])

    @strawberry.mutation(
        permission_classes=FAMILY,
        description='Submit a booking request ("VALIDER"): written at once with its number, the lines '
        "that can "
        "be taken taking effect and refused ones recorded with their reason; the family is mailed the state "
        "(en attente de traitement, acceptée or refusée). When no line can change anything: "
        "NOTHING_TO_SUBMIT "
        "and nothing is written.",
    )
    async def submit_booking_request(
        self,
        info: Info,
        input: Annotated[BookingRequestInput, strawberry.argument(description="The request.")],
    ) -> BookingRequestPayload:
        plan, errors = await run_mutation(
            info, lambda: booking_requests.submit(info.context.app, request_data(input))
        )
        if plan is None or plan.request is None:
            return BookingRequestPayload(summary=None, request=None, errors=errors)
        return BookingRequestPayload(
            summary=BookingSummary.of(plan),
            request=BookingRequest.of(booking_requests.submitted_request(plan)),
            errors=[],
        )

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: accept or refuse (a reason is required) bookings and cancellation requests "
        "awaiting a "
        "decision. `ids` are request ids (all their lines awaiting a decision) or line ids. A refused "
        "booking, "
        "or a granted cancellation, frees its place for the first in the waiting line. Each family is "
        "mailed.",
    )
    async def decide_bookings(
        self,
        info: Info,
        ids: Annotated[list[strawberry.ID], strawberry.argument(description="Request or line ids.")],
        decision: Annotated[BookingDecision, strawberry.argument(description="Accept or refuse.")],
        reason: Annotated[str, strawberry.argument(description="Why (required to refuse).")] = "",
    ) -> DecideBookingsPayload:
        ctx = info.context.app
        accept = decision == BookingDecision.ACCEPT
        rows, errors = await run_mutation(
            info, lambda: booking_decisions.decide(ctx, [parse_id(i) for i in ids], accept, reason)
        )
        if rows is None:
            return DecideBookingsPayload(requests=[], errors=errors)
        details = await booking_decisions.decided_requests(ctx, rows)
        return DecideBookingsPayload(requests=[BookingRequest.of(d) for d in details], errors=[])

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: record (or correct) the attendance list of a unit on a day that has come: each "
        "child enrolled in its period (or already recorded that day, withdrawn since: a correction) PRESENT, "
        "ABSENT or EXCUSED; `attendance`'s `children` and `notBooked` list them. The monthly invoicing reads "
        "it (an excused absence is not charged, a presence without booking is). Errors at "
        "`entries.<i>.childId` (NOT_FOUND: not enrolled; DUPLICATE_CHANGE), on `date` (OUTSIDE_PERIOD, "
        "INVALID: a day to come).",
    )
    async def record_attendance(
        self,
        info: Info,
        unit_id: Annotated[strawberry.ID, strawberry.argument(description="The unit.")],
        date: Annotated[datetime.date, strawberry.argument(description="The day.")],
        entries: Annotated[
            list[AttendanceEntryInput], strawberry.argument(description="The children ticked.")
        ],
    ) -> AttendancePayload:
        ctx = info.context.app
        recorded, errors = await run_mutation(
            info,
            lambda: attendance.record_attendance(ctx, parse_id(unit_id), date, attendance_entries(entries)),
        )
        return AttendancePayload(recorded=recorded or 0, errors=errors)
