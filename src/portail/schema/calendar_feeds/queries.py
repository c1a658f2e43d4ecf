"""The calendar feed domain's queries."""

from __future__ import annotations

import strawberry

from portail.resolvers import calendar_feeds
from portail.schema.calendar_feeds.types import CalendarFeed
from portail.schema.context import Info
from portail.schema.permissions import FAMILY


@strawberry.type
class CalendarFeedQueries:
    @strawberry.field(
        permission_classes=FAMILY,
        description="The account's calendar link in use (without its URL, shown only when created); "
        "null: none.",
    )
    async def calendar_feed(self, info: Info) -> CalendarFeed | None:
        row = await calendar_feeds.active_feed(info.context.app)
        return CalendarFeed.from_row(row) if row is not None else None
