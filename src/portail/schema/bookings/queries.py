"""The bookings domain's queries: the legend, "Mon planning" and its day window, the history, and the
staff's queue, attendance lists, places taken and a booking's history."""

from __future__ import annotations

import datetime
from typing import Annotated

import strawberry

from portail.resolvers import booking_decisions, booking_requests, planning
from portail.schema.bookings.enums import BookingRequestState
from portail.schema.bookings.inputs import parse_ids
from portail.schema.bookings.types import (
    LEGEND,
    REQUEST_STATES,
    AttendanceList,
    BookableDays,
    BookingLegendEntry,
    BookingQueueConnection,
    BookingRequest,
    BookingRequestConnection,
    BookingRequestFilters,
    BookingStateChange,
    Planning,
    RequestedPeriod,
    SlotUse,
)
from portail.schema.context import Info
from portail.schema.ids import parse_id, to_id
from portail.schema.pagination import INT, After, Cursors, PageSize
from portail.schema.permissions import FAMILY, STAFF

# Pages of requests are keyed by request number.
_BOOKING_REQUESTS = Cursors("bookingRequests", (INT,))
_BOOKING_QUEUE = Cursors("bookingQueue", (INT,))


def _number_cursor(cursors: Cursors, value: str | None) -> int | None:
    """The request number a page's cursor stands for."""
    key = cursors.decode(value)
    return key[0] if key else None


def _number(detail: booking_requests.RequestDetail) -> tuple[int]:
    return (detail.request.number,)


@strawberry.type
class BookingQueries:
    @strawberry.field(
        description="The planning's legend: every state a booking can be in, with its words, in the "
        "guide's order. The same for everyone (no sign-in needed)."
    )
    def booking_legend(self) -> list[BookingLegendEntry]:
        return LEGEND

    @strawberry.field(
        permission_classes=FAMILY,
        description='"Mon planning": the household\'s bookings day by day from `from` to `to` (at most 93 '
        "days). "
        "Cancelled, refused and expired bookings only with `includeCancelledAndRefused`; a shared child's "
        "bookings made by the other household only with `includeOtherAccounts`. An unknown child id is "
        "NOT_FOUND.",
    )
    async def planning(
        self,
        info: Info,
        start: Annotated[datetime.date, strawberry.argument(name="from", description="First day.")],
        end: Annotated[datetime.date, strawberry.argument(name="to", description="Last day (included).")],
        child_ids: Annotated[
            list[strawberry.ID] | None,
            strawberry.argument(
                description='The children to show ("Voir les réservations des usagers"); null: all.'
            ),
        ] = None,
        include_cancelled_and_refused: Annotated[
            bool, strawberry.argument(description='"Afficher les annulations et refus".')
        ] = False,
        include_other_accounts: Annotated[
            bool, strawberry.argument(description='"Afficher les réservations liées à d\'autres comptes".')
        ] = False,
    ) -> Planning:
        view = await planning.planning(
            info.context.app,
            start,
            end,
            parse_ids(child_ids),
            include_cancelled_and_refused,
            include_other_accounts,
        )
        return Planning.of(view)

    @strawberry.field(
        permission_classes=FAMILY,
        description="The day window of the planning for one child and one period: each day from `from` to "
        "`to` "
        "(at most 93) open or not and why, and per unit whether it can be booked or cancelled now, places "
        "left, "
        "deadlines, the price for this family and the child's booking. Unknown (or another family's) "
        "child or "
        "period: NOT_FOUND.",
    )
    async def bookable_days(
        self,
        info: Info,
        child_id: Annotated[strawberry.ID, strawberry.argument(description="The child.")],
        period_id: Annotated[strawberry.ID, strawberry.argument(description="The period.")],
        start: Annotated[datetime.date, strawberry.argument(name="from", description="First day.")],
        end: Annotated[datetime.date, strawberry.argument(name="to", description="Last day (included).")],
    ) -> BookableDays:
        view = await planning.bookable_days(
            info.context.app, parse_id(child_id), parse_id(period_id), start, end
        )
        return BookableDays.of(view)

    @strawberry.field(
        permission_classes=FAMILY,
        description='"Historique": the household\'s booking requests, newest first, with their lines; '
        "filter by "
        "child, state or period; pages of `first` (1 to 100) after `after` (the previous page's "
        "`endCursor`).",
    )
    async def booking_requests(
        self,
        info: Info,
        first: PageSize = 20,
        after: After = None,
        child_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only requests for this child.")
        ] = None,
        state: Annotated[
            BookingRequestState | None,
            strawberry.argument(description="Only requests in this state."),
        ] = None,
        period_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only this period.")
        ] = None,
    ) -> BookingRequestConnection:
        ctx = info.context.app
        page = await booking_requests.history(
            ctx,
            first=first,
            after=_number_cursor(_BOOKING_REQUESTS, after),
            child_id=parse_id(child_id),
            child_given=child_id is not None,
            state=state.name.lower() if state is not None else None,
            period_id=parse_id(period_id),
            period_given=period_id is not None,
        )
        details = await booking_requests.request_details(ctx, page.items)
        return _BOOKING_REQUESTS.connection(
            BookingRequestConnection, details, _number, BookingRequest.of, page.has_next
        )

    @strawberry.field(
        permission_classes=FAMILY,
        description='The choices of "Historique"\'s filters: the request states with their words, and the '
        "periods the household has requests in.",
    )
    async def booking_request_filters(self, info: Info) -> BookingRequestFilters:
        periods = await booking_requests.history_periods(info.context.app)
        return BookingRequestFilters(
            states=REQUEST_STATES,
            periods=[RequestedPeriod(id=to_id(p.period.id), path=p.path) for p in periods],
        )

    @strawberry.field(
        permission_classes=STAFF,
        description="Staff: requests with lines awaiting a decision (bookings to accept, cancellation "
        "requests), "
        "oldest first, a page at a time.",
    )
    async def booking_queue(
        self,
        info: Info,
        first: PageSize = 20,
        after: After = None,
    ) -> BookingQueueConnection:
        ctx = info.context.app
        page = await booking_decisions.queue(ctx, first=first, after=_number_cursor(_BOOKING_QUEUE, after))
        details = await booking_requests.request_details(ctx, page.items, page.households)
        return _BOOKING_QUEUE.connection(
            BookingQueueConnection, details, _number, BookingRequest.of, page.has_next, total_count=page.total
        )

    @strawberry.field(
        permission_classes=STAFF,
        description="Staff: the attendance list of a day for each unit of an activity: children expected, "
        "with their diets, allergies and PAI, and the enrolled children without booking that staff may "
        "tick present (`notBooked`), with what `recordAttendance` recorded for each.",
    )
    async def attendance(
        self,
        info: Info,
        activity_id: Annotated[strawberry.ID, strawberry.argument(description="The activity.")],
        date: Annotated[datetime.date, strawberry.argument(description="The day.")],
    ) -> list[AttendanceList]:
        lists = await booking_decisions.attendance(info.context.app, parse_id(activity_id), date)
        return [AttendanceList.of(a) for a in lists]

    @strawberry.field(
        permission_classes=STAFF,
        description="Staff: per unit of a period and day (from `from` to `to`, at most 93 days) with any "
        "booking, "
        "the bookings by state against the capacity.",
    )
    async def places_taken(
        self,
        info: Info,
        period_id: Annotated[strawberry.ID, strawberry.argument(description="The period.")],
        start: Annotated[datetime.date, strawberry.argument(name="from", description="First day.")],
        end: Annotated[datetime.date, strawberry.argument(name="to", description="Last day (included).")],
    ) -> list[SlotUse]:
        uses = await booking_decisions.places_taken(info.context.app, parse_id(period_id), start, end)
        return [SlotUse.of(use) for use in uses]

    @strawberry.field(
        permission_classes=STAFF,
        description="Staff: every change of a booking's state, oldest first (who, when, why). The booking "
        "ids "
        "are those of `planning`, `attendance`… An unknown id is NOT_FOUND.",
    )
    async def booking_history(
        self,
        info: Info,
        booking_id: Annotated[strawberry.ID, strawberry.argument(description="The booking.")],
    ) -> list[BookingStateChange]:
        changes = await booking_decisions.booking_history(info.context.app, parse_id(booking_id))
        return [BookingStateChange.of(c) for c in changes]
