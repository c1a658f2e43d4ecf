"""The family's planning as an iCalendar feed (RFC 5545), which a phone's calendar subscribes to.

Each booking is one all-day event whose UID never changes, so a calendar that fetches the feed again
updates the event rather than adding another: a booking cancelled, refused or expired stays in the
feed as STATUS:CANCELLED (calendars strike it out or drop it), with its SEQUENCE raised by each
change of state. Units have no hours, hence all-day events (DTSTART;VALUE=DATE).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from icalendar import Calendar, Event

from portail.rules.booking_states import BookingState, state_label

# How far the feed looks: the last month (a parent checks what happened) and the coming year.
PAST_DAYS = 31
FUTURE_DAYS = 366
# Calendars fetch subscribed feeds on their own schedule; this asks for no more than hourly.
REFRESH = timedelta(hours=1)

_CONFIRMED = {BookingState.ACCEPTED}
_CANCELLED = {BookingState.CANCELLED, BookingState.REFUSED, BookingState.EXPIRED}


@dataclass(frozen=True)
class FeedBooking:
    """A booking as the feed shows it."""

    id: str
    day: date
    child_first_name: str
    unit_name: str
    path: str
    state: BookingState
    changes: int  # changes of state so far (its SEQUENCE)
    changed_at: datetime  # its last change


def feed_window(today: date) -> tuple[date, date]:
    """The days the feed covers."""
    return today - timedelta(days=PAST_DAYS), today + timedelta(days=FUTURE_DAYS)


def event_status(state: BookingState) -> str:
    """RFC 5545's STATUS of a booking in ``state``: CONFIRMED once accepted, CANCELLED when it will not
    take place, TENTATIVE while it waits (for staff, a place, or a decision on its cancellation)."""
    if state in _CONFIRMED:
        return "CONFIRMED"
    if state in _CANCELLED:
        return "CANCELLED"
    return "TENTATIVE"


def calendar_feed(bookings: Iterable[FeedBooking], *, name: str, host: str, now: datetime) -> bytes:
    """The feed's body (text/calendar, CRLF lines, folded at 75 octets by the library)."""
    calendar = Calendar()
    calendar.add("prodid", "-//Portail Familles//Planning//FR")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Paris")
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    for booking in bookings:
        event = Event()
        event.add("uid", f"{booking.id}@{host}")
        event.add("dtstamp", now)
        event.add("dtstart", booking.day)
        event.add("dtend", booking.day + timedelta(days=1))
        event.add("summary", f"{booking.unit_name} – {booking.child_first_name}")
        event.add("description", f"{state_label(booking.state)}\n{booking.path}")
        event.add("status", event_status(booking.state))
        event.add("sequence", booking.changes)
        event.add("last-modified", booking.changed_at)
        event.add("transp", "TRANSPARENT")  # a child's day does not make the parent busy
        calendar.add_component(event)
    return bytes(calendar.to_ical())
