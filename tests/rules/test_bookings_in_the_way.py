"""Which bookings a catalogue change would strand, the field at fault, and what staff read."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from portail.rules.booking_states import BookingState
from portail.rules.bookings_in_the_way import (
    STANDING,
    InTheWay,
    OverCapacity,
    capacity_message,
    closed_by_change,
    closed_message,
    field_closing,
    group_by_field,
    over_capacity,
)
from portail.rules.calendar import WEDNESDAY, DateSpan, OpenDuring, PeriodCalendar

CENTRE = PeriodCalendar(date(2026, 9, 1), date(2027, 7, 3), frozenset({WEDNESDAY}))
DEC_9, DEC_16, DEC_23 = date(2026, 12, 9), date(2026, 12, 16), date(2026, 12, 23)  # Wednesdays
SATURDAY = date(2026, 12, 12)


def test_standing_bookings_are_those_not_ended():
    assert {BookingState(s) for s in STANDING} == {
        BookingState.PENDING,
        BookingState.ACCEPTED,
        BookingState.CANCELLATION_REQUESTED,
        BookingState.WAITING,
    }


@pytest.mark.parametrize(
    ("new", "days", "fields"),
    [
        # The end moved before 16 December.
        (replace(CENTRE, end=date(2026, 12, 10)), [DEC_9, DEC_16], {DEC_16: "end"}),
        # The start moved after 9 December (a past day counts too).
        (replace(CENTRE, start=date(2026, 12, 10)), [DEC_9, DEC_16], {DEC_9: "start"}),
        # Thursdays instead of Wednesdays.
        (replace(CENTRE, weekdays=frozenset({3})), [DEC_9], {DEC_9: "weekdays"}),
        # A closure over the second span given.
        (
            replace(CENTRE, closures=(DateSpan(DEC_23, DEC_23), DateSpan(DEC_16, DEC_16, "Grève"))),
            [DEC_9, DEC_16],
            {DEC_16: "closures.1"},
        ),
        # Open only during school holidays: 9 December is school time, 23 December the Christmas holidays.
        (replace(CENTRE, open_during=OpenDuring.SCHOOL_HOLIDAYS), [DEC_9, DEC_23], {DEC_9: "openDuring"}),
        # Nothing booked is closed: a weekday added.
        (replace(CENTRE, weekdays=frozenset({WEDNESDAY, 5})), [DEC_9], {}),
    ],
)
def test_the_days_a_change_closes_and_the_field_that_closes_them(new, days, fields):
    closed = closed_by_change(CENTRE, new, days)
    assert {day: field_closing(status, CENTRE, new) for day, status in closed.items()} == fields


def test_an_extra_day_taken_away_is_the_extra_days_fault():
    old = replace(CENTRE, extra_days=(DateSpan(SATURDAY, SATURDAY, "Fête de l'école"),))
    closed = closed_by_change(old, CENTRE, [SATURDAY])
    assert [field_closing(s, old, CENTRE) for s in closed.values()] == ["extraDays"]


def test_a_day_already_closed_before_the_change_is_not_counted():
    # 23 December is in the Christmas holidays: a (legacy) booking there is not this change's doing.
    assert closed_by_change(CENTRE, replace(CENTRE, end=date(2026, 12, 20)), [DEC_23]) == {}


def test_bookings_are_grouped_by_field_with_their_first_and_last_days():
    items = [("end", DEC_16), ("weekdays", DEC_9), ("end", DEC_23), ("end", DEC_16)]
    assert group_by_field(items) == [
        InTheWay("end", 3, DEC_16, DEC_23),
        InTheWay("weekdays", 1, DEC_9, DEC_9),
    ]


def test_the_message_says_how_many_and_when():
    assert closed_message(InTheWay("end", 37, date(2027, 6, 2), date(2027, 6, 30))) == (
        "37 réservations tombent hors de la période (du 02/06/2027 au 30/06/2027) : annulez-les en "
        "indiquant un motif (la famille est prévenue par courriel), ou gardez ces jours ouverts."
    )
    assert closed_message(InTheWay("closures.2", 1, DEC_9, DEC_9)).startswith(
        "1 réservation tombe sur cette fermeture (le 09/12/2026) : annulez-la"
    )


def test_a_capacity_below_the_places_held_from_today_on():
    held = {DEC_9: 3, DEC_16: 5, DEC_23: 5, date(2026, 12, 2): 9}
    today = date(2026, 12, 5)  # 2 December is past: its 9 places were used, they do not count
    assert over_capacity(held, 4, today) == OverCapacity(days=2, excess=2, busiest=DEC_16, held=5)
    assert over_capacity(held, 5, today) is None
    assert over_capacity(held, None, today) is None
    assert capacity_message(OverCapacity(2, 2, DEC_16, 5)) == (
        "2 réservations dépassent cette capacité sur 2 jours (5 places prises le 16/12/2026) : "
        "la capacité ne peut descendre sous 5 tant que ces réservations tiennent."
    )
