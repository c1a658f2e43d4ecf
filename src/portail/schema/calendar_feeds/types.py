"""The calendar feed domain's types."""

from __future__ import annotations

import datetime

import strawberry

from portail.resolvers.rows import CalendarFeed as CalendarFeedRow
from portail.schema.errors import UserError


@strawberry.type(
    description="The account's private link to its household's planning as an iCalendar feed (RFC 5545), "
    "which a phone's calendar subscribes to: every booking of the household's children from a month ago "
    "to a year ahead, one all-day event each, updated as bookings change (a cancelled day stays, marked "
    "cancelled). Its URL is given once, when created."
)
class CalendarFeed:
    created_at: datetime.datetime = strawberry.field(description="When the link was created.")

    @classmethod
    def from_row(cls, row: CalendarFeedRow) -> CalendarFeed:
        return cls(created_at=row.created_at)


@strawberry.type(description="Result of `createCalendarFeed`.")
class CreateCalendarFeedPayload:
    url: str | None = strawberry.field(
        description="The link to subscribe to (`…/calendrier/<token>.ics`), shown this once: only its "
        "hash is kept. Calendars that want `webcal://` take the same address with that scheme. Null on error."
    )
    feed: CalendarFeed | None = strawberry.field(description="The link; null on error.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type(description="Result of `revokeCalendarFeed`.")
class RevokeCalendarFeedPayload:
    revoked: bool = strawberry.field(description="A link was revoked (false: there was none).")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")
