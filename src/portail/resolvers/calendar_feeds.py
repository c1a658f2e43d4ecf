"""The household's planning as an iCalendar feed: the private link an account creates (one at a time:
a new link revokes the previous one), revokes, and the feed a calendar application fetches with it.

The link is a bearer credential read by software that cannot sign in: it names no account in clear,
only its keyed hash is stored, and an unknown, altered or revoked link answers exactly the same (None).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import sqlalchemy as sa
from sqlmodel import col, select

from portail.db.models import Account, Child, Guardian, HouseholdChild
from portail.db.models.bookings import Booking, BookingEvent
from portail.db.models.catalogue import Activity, Facility, Period, Unit
from portail.db.models.feeds import CalendarFeed
from portail.db.models.households import Household
from portail.resolvers.catalogue_reading import path_of
from portail.resolvers.context import RequestContext, today
from portail.resolvers.households import viewer_household_id
from portail.rules.booking_states import BookingState
from portail.rules.calendar_feed import FeedBooking, calendar_feed, feed_window
from portail.rules.tokens import looks_like_token, new_token, token_hash

FEED_PATH = "/calendrier/"


@dataclass
class NewFeed:
    """A link just created: its URL is shown once (only its hash is kept)."""

    feed: CalendarFeed
    url: str


def feed_url(ctx: RequestContext, token: str) -> str:
    """Where calendars fetch the feed: this server (the API), not the client's pages."""
    return f"{ctx.settings.effective_api_url}{FEED_PATH}{token}.ics"


async def _active_feeds(ctx: RequestContext) -> list[CalendarFeed]:
    assert ctx.viewer is not None
    query = select(CalendarFeed).where(
        col(CalendarFeed.account_id) == ctx.viewer.account.id, col(CalendarFeed.revoked_at).is_(None)
    )
    return list((await ctx.session.exec(query)).all())


async def active_feed(ctx: RequestContext) -> CalendarFeed | None:
    """The account's link in use, if any (without its URL, which was shown when it was created)."""
    feeds = await _active_feeds(ctx)
    return max(feeds, key=lambda f: f.created_at) if feeds else None


async def revoke(ctx: RequestContext) -> bool:
    """Revoke the account's link: calendars subscribed to it get 404 from now on. False: there was none."""
    feeds = await _active_feeds(ctx)
    now = ctx.now()
    for feed in feeds:
        feed.revoked_at = now
        ctx.session.add(feed)
    await ctx.session.flush()
    return bool(feeds)


async def create(ctx: RequestContext) -> NewFeed:
    """A new link for the account's household; the previous one (if any) is revoked."""
    assert ctx.viewer is not None
    household_id = await viewer_household_id(ctx)
    assert household_id is not None
    await revoke(ctx)
    token = new_token()
    feed = CalendarFeed(
        household_id=household_id,
        account_id=ctx.viewer.account.id,
        token_hash=token_hash(token, ctx.settings.effective_secret_key),
        created_at=ctx.now(),
    )
    ctx.session.add(feed)
    await ctx.session.flush()
    return NewFeed(feed, feed_url(ctx, token))


async def feed_body(ctx: RequestContext, token: str) -> bytes | None:
    """The feed of the link (None: unknown, altered or revoked link, or an account since disabled)."""
    if not looks_like_token(token):
        return None
    found = (
        await ctx.session.exec(
            sa.select(CalendarFeed, Household)
            .join(Household, col(Household.id) == CalendarFeed.household_id)
            # The account must still be a guardian of the household (one who left it loses the feed).
            .join(Account, col(Account.id) == CalendarFeed.account_id)
            .join(Guardian, col(Guardian.id) == Account.guardian_id)
            .where(
                col(CalendarFeed.token_hash) == token_hash(token, ctx.settings.effective_secret_key),
                col(CalendarFeed.revoked_at).is_(None),
                col(Guardian.household_id) == CalendarFeed.household_id,
            )
        )
    ).first()
    if found is None:
        return None
    feed, household = found
    start, end = feed_window(today(ctx))
    changes = (
        sa.select(
            col(BookingEvent.booking_id),
            sa.func.count().label("changes"),
            sa.func.max(BookingEvent.at).label("changed_at"),
        )
        .group_by(col(BookingEvent.booking_id))
        .subquery()
    )
    rows: list[Any] = list(
        (
            await ctx.session.exec(
                sa.select(
                    col(Booking.id),
                    col(Booking.day),
                    col(Booking.state),
                    col(Facility.name).label("facility_name"),
                    col(Activity.name).label("activity_name"),
                    col(Period.name).label("period_name"),
                    col(Child.first_name),
                    col(Unit.name).label("unit_name"),
                    changes.c.changes,
                    changes.c.changed_at,
                )
                .join(HouseholdChild, col(HouseholdChild.child_id) == Booking.child_id)
                .join(Child, col(Child.id) == Booking.child_id)
                .join(Unit, col(Unit.id) == Booking.unit_id)
                .join(Period, col(Period.id) == Booking.period_id)
                .join(Activity, col(Activity.id) == Period.activity_id)
                .join(Facility, col(Facility.id) == Activity.facility_id)
                .outerjoin(changes, changes.c.booking_id == Booking.id)
                .where(
                    col(HouseholdChild.household_id) == feed.household_id,
                    # The household's own bookings, as "Mon planning" shows them by default.
                    col(Booking.household_id) == feed.household_id,
                    col(Booking.day).between(start, end),
                )
                .order_by(col(Booking.day), col(Child.first_name), col(Unit.position), col(Booking.id))
            )
        ).all()
    )
    bookings = [
        FeedBooking(
            id=str(r.id),
            day=r.day,
            child_first_name=r.first_name,
            unit_name=r.unit_name,
            path=path_of(r.facility_name, r.activity_name, r.period_name),
            state=BookingState(r.state),
            changes=max(int(r.changes or 1) - 1, 0),
            changed_at=r.changed_at or feed.created_at,
        )
        for r in rows
    ]
    host = urlsplit(ctx.settings.effective_api_url).hostname or "portail-familles"
    return calendar_feed(bookings, name=f"Planning – {household.name}", host=host, now=ctx.now())
