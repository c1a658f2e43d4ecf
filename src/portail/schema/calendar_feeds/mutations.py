"""The calendar feed domain's mutations."""

from __future__ import annotations

import strawberry

from portail.resolvers import calendar_feeds
from portail.schema.calendar_feeds.types import (
    CalendarFeed,
    CreateCalendarFeedPayload,
    RevokeCalendarFeedPayload,
)
from portail.schema.context import Info
from portail.schema.mutations import run_mutation
from portail.schema.permissions import FAMILY


@strawberry.type
class CalendarFeedMutations:
    @strawberry.mutation(
        permission_classes=FAMILY,
        description="Create the account's private link to the household's planning as an iCalendar feed "
        "(to subscribe to from a phone's calendar). A link created before is revoked: one link per account.",
    )
    async def create_calendar_feed(self, info: Info) -> CreateCalendarFeedPayload:
        created, errors = await run_mutation(info, lambda: calendar_feeds.create(info.context.app))
        if created is None:
            return CreateCalendarFeedPayload(url=None, feed=None, errors=errors)
        return CreateCalendarFeedPayload(
            url=created.url, feed=CalendarFeed.from_row(created.feed), errors=errors
        )

    @strawberry.mutation(
        permission_classes=FAMILY,
        description="Revoke the account's calendar link: calendars subscribed to it get 404 from now on.",
    )
    async def revoke_calendar_feed(self, info: Info) -> RevokeCalendarFeedPayload:
        revoked, errors = await run_mutation(info, lambda: calendar_feeds.revoke(info.context.app))
        return RevokeCalendarFeedPayload(revoked=bool(revoked), errors=errors)
