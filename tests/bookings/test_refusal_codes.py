"""A refused line names why with a `BookingRefusal` code; the codes are decided by the booking rules
(`RefusalCode`) and the request's calendar checks (`LineRefusal`), and the schema only documents them.
This test reads the rules, so a new reason a family's booking or cancellation can be refused cannot
reach the API without its documented code (it would be an internal error)."""

from __future__ import annotations

from dataclasses import fields
from itertools import product

from portail.resolvers.booking_requests import LineRefusal
from portail.rules.booking_states import (
    Actor,
    BookingEvent,
    BookingPolicy,
    BookingState,
    Refusal,
    RefusalCode,
    transition,
)
from portail.rules.calendar import DayReason
from portail.schema.bookings.enums import BookingRefusal, DayStatusCode

FAMILY_EVENTS = (
    BookingEvent.BOOK,
    BookingEvent.BOOK_WHEN_FULL,
    BookingEvent.CANCEL_BEFORE_DEADLINE,
    BookingEvent.CANCEL_AFTER_DEADLINE,
)
POLICIES = [
    BookingPolicy(*flags) for flags in product((False, True), repeat=len(fields(BookingPolicy)))
]


def test_every_refusal_a_family_line_can_get_is_a_documented_code():
    documented = {code.value for code in BookingRefusal}
    reached = set()
    for state, event, policy in product((None, *BookingState), FAMILY_EVENTS, POLICIES):
        outcome = transition(state, event, Actor.FAMILY, policy)
        if isinstance(outcome, Refusal):
            reached.add(str(outcome.code))
    reached |= {
        value for name, value in vars(LineRefusal).items() if not name.startswith("_") and isinstance(value, str)
    }
    assert reached <= documented, reached - documented


def test_each_documented_refusal_is_decided_somewhere():
    decided = {code.value for code in RefusalCode} | {
        value for name, value in vars(LineRefusal).items() if not name.startswith("_") and isinstance(value, str)
    }
    assert {code.value for code in BookingRefusal} <= decided


def test_a_days_status_codes_are_the_calendar_rules_reasons():
    assert [code.value for code in DayStatusCode] == [reason.value for reason in DayReason]
