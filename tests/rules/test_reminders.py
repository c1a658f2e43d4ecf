"""When each reminder is due, without a database: the window of each kind, both ends, and what stops it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from portail.rules import reminders as r

TODAY = date(2026, 12, 28)


@pytest.mark.parametrize("kind", r.KINDS)
def test_each_kind_is_due_from_its_lead_days_before_until_the_day(kind):
    lead = r.LEAD_DAYS[kind]
    assert r.window(kind, TODAY) == (TODAY, TODAY + timedelta(days=lead))
    for offset in range(-3, lead + 4):
        due = TODAY + timedelta(days=offset)
        assert r.is_due(kind, TODAY, due) is (0 <= offset <= lead), offset
    assert r.is_due(kind, TODAY, None) is False


def test_defaults_are_on_for_what_the_family_owes_and_off_for_booking_prompts():
    assert r.DEFAULT_ON == {
        r.BOOKING_DEADLINE: False,
        r.INVOICE_DUE: True,
        r.DOCUMENT_EXPIRING: True,
        r.SECTION_TO_RECERTIFY: True,
    }
    for kind in r.KINDS:
        assert r.enabled(kind, {}) is r.DEFAULT_ON[kind]
        assert r.enabled(kind, {kind: True}) is True
        assert r.enabled(kind, {kind: False}) is False
        other = {k: not r.DEFAULT_ON[k] for k in r.KINDS if k != kind}
        assert r.enabled(kind, other) is r.DEFAULT_ON[kind]


@pytest.mark.parametrize(
    ("today", "first", "last"),
    [
        (date(2026, 12, 28), date(2027, 1, 1), date(2027, 1, 31)),
        (date(2027, 1, 31), date(2027, 2, 1), date(2027, 2, 28)),
        (date(2028, 1, 15), date(2028, 2, 1), date(2028, 2, 29)),
        (date(2027, 2, 1), date(2027, 3, 1), date(2027, 3, 31)),
        (date(2027, 11, 30), date(2027, 12, 1), date(2027, 12, 31)),
    ],
)
def test_next_month(today, first, last):
    assert r.next_month(today) == (first, last)


def test_booking_deadline_takes_the_earliest_unit_deadline_of_next_months_first_day():
    days = [date(2027, 1, 4), date(2027, 1, 5)]
    deadlines = [date(2026, 12, 31), date(2026, 12, 30)]
    assert r.booking_deadline_due(TODAY, days, deadlines, booked=False) == date(2026, 12, 30)
    # Already booked there next month, no open day next month, no unit: nothing.
    assert r.booking_deadline_due(TODAY, days, deadlines, booked=True) is None
    assert r.booking_deadline_due(TODAY, [], deadlines, booked=False) is None
    assert r.booking_deadline_due(TODAY, days, [], booked=False) is None
    # Too early (more than 3 days ahead), or the deadline passed.
    assert r.booking_deadline_due(TODAY, days, [date(2027, 1, 1)], booked=False) is None
    assert r.booking_deadline_due(TODAY, days, [date(2026, 12, 27)], booked=False) is None
    assert r.booking_deadline_due(TODAY, days, [TODAY], booked=False) == TODAY


@pytest.mark.parametrize(
    ("state", "offset", "due"),
    [
        ("unpaid", 0, True),
        ("unpaid", 5, True),
        ("unpaid", 6, False),
        ("unpaid", -1, False),
        ("partly_paid", 3, True),
        ("paid", 3, False),
        ("cancelled", 3, False),
    ],
)
def test_invoice_due(state, offset, due):
    day = TODAY + timedelta(days=offset)
    assert r.invoice_due(TODAY, day, state) == (day if due else None)


@pytest.mark.parametrize(
    ("offset", "accepted", "renewed", "due"),
    [
        (30, True, False, True),
        (31, True, False, False),
        (0, True, False, True),
        (-1, True, False, False),
        (10, False, False, False),
        (10, True, True, False),
    ],
)
def test_document_expiring(offset, accepted, renewed, due):
    day = TODAY + timedelta(days=offset)
    assert r.document_expiring(TODAY, day, accepted=accepted, renewed=renewed) == (day if due else None)
    assert r.document_expiring(TODAY, None, accepted=accepted, renewed=renewed) is None


@pytest.mark.parametrize(("offset", "due"), [(-1, False), (0, True), (30, True), (31, False)])
def test_section_to_recertify(offset, due):
    day = TODAY + timedelta(days=offset)
    assert r.section_to_recertify(TODAY, day) == (day if due else None)
    assert r.section_to_recertify(TODAY, None) is None
