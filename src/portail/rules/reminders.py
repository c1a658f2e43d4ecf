"""When a reminder is due: the four kinds a family may switch on or off, their defaults, and the day
each is about.

A reminder is about one thing (an enrolment, an invoice, a document, a record) and one due date; it
is due from ``LEAD_DAYS[kind]`` days before that date until the date itself, and is sent once per
(household, kind, thing, due date): a new due date (the next month's deadline, a document accepted
again) makes a new reminder.

- ``BOOKING_DEADLINE``: a child enrolled (accepted) in a period that opens days next month, with no
  booking in that period next month yet (any state but cancelled, refused or expired): the due date is
  the booking deadline of next month's first open day (the earliest of the period's units'
  deadlines), so a family that books its months ahead is reminded before the first one closes.
- ``INVOICE_DUE``: an invoice still to pay (unpaid or partly paid): the due date is its due date.
- ``DOCUMENT_EXPIRING``: an accepted supporting document with a last valid day, not renewed (no newer
  document of the same type and child handed in since): the due date is its last valid day.
- ``SECTION_TO_RECERTIFY``: a household's record or a child's record certified once, whose
  certification expires: the due date is the town date it expires on.

Defaults: the three about something the family owes the service (a bill, a document it asked for,
records the family must keep true) are on; they are transactional mail a family expects, sent about
its own dealings, and each can be switched off. The booking deadline is off until the family switches
it on: it prompts the family to use a service more than it reminds it of an obligation, and a family
that books only some months would get it every month.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta

BOOKING_DEADLINE = "booking_deadline"
INVOICE_DUE = "invoice_due"
DOCUMENT_EXPIRING = "document_expiring"
SECTION_TO_RECERTIFY = "section_to_recertify"
KINDS = (BOOKING_DEADLINE, INVOICE_DUE, DOCUMENT_EXPIRING, SECTION_TO_RECERTIFY)

DEFAULT_ON: Mapping[str, bool] = {
    BOOKING_DEADLINE: False,
    INVOICE_DUE: True,
    DOCUMENT_EXPIRING: True,
    SECTION_TO_RECERTIFY: True,
}
# What each kind says, as "Mes rappels par courriel" lists them.
LABELS: Mapping[str, str] = {
    INVOICE_DUE: "Une facture à payer arrive à échéance",
    DOCUMENT_EXPIRING: "Un justificatif accepté arrive en fin de validité",
    SECTION_TO_RECERTIFY: "Les informations de mon foyer ou de mes enfants sont à confirmer de nouveau",
    BOOKING_DEADLINE: "La date limite de réservation du mois prochain approche et je n'ai rien réservé",
}
# How many days before its due date a reminder goes out.
LEAD_DAYS: Mapping[str, int] = {
    BOOKING_DEADLINE: 3,
    INVOICE_DUE: 5,
    DOCUMENT_EXPIRING: 30,
    SECTION_TO_RECERTIFY: 30,
}
# Invoice states still to pay; booking states that count as a booking.
OPEN_INVOICE_STATES = ("unpaid", "partly_paid")
BOOKING_GONE_STATES = ("cancelled", "refused", "expired")


def enabled(kind: str, choices: Mapping[str, bool]) -> bool:
    """Whether the household gets ``kind``: its choice, else the kind's default."""
    return choices.get(kind, DEFAULT_ON[kind])


def window(kind: str, today: date) -> tuple[date, date]:
    """The due dates a reminder of ``kind`` is due for on ``today`` (both ends included)."""
    return today, today + timedelta(days=LEAD_DAYS[kind])


def is_due(kind: str, today: date, due: date | None) -> bool:
    """Whether a reminder of ``kind`` about ``due`` goes out on ``today``."""
    if due is None:
        return False
    first, last = window(kind, today)
    return first <= due <= last


def next_month(today: date) -> tuple[date, date]:
    """The first and last days of the month after ``today``'s."""
    first = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return first, last


def booking_deadline_due(
    today: date, open_days: Iterable[date], deadlines: Iterable[date], *, booked: bool
) -> date | None:
    """The due date of a booking deadline reminder on ``today``, or None.

    ``open_days``: the period's open days next month; ``deadlines``: the booking deadlines (town dates)
    of the first of them, one per unit; ``booked``: the child already has a booking there next month.
    """
    if booked or not any(True for _ in open_days):
        return None
    due = min(deadlines, default=None)
    return due if is_due(BOOKING_DEADLINE, today, due) else None


def invoice_due(today: date, due_date: date, state: str) -> date | None:
    """The due date of an invoice reminder on ``today``, or None (paid, cancelled, not yet due)."""
    if state not in OPEN_INVOICE_STATES:
        return None
    return due_date if is_due(INVOICE_DUE, today, due_date) else None


def document_expiring(today: date, valid_until: date | None, *, accepted: bool, renewed: bool) -> date | None:
    """The due date of a document reminder on ``today``, or None."""
    if not accepted or renewed:
        return None
    return valid_until if is_due(DOCUMENT_EXPIRING, today, valid_until) else None


def section_to_recertify(today: date, expires_on: date | None) -> date | None:
    """The due date of a record's reminder on ``today``, or None (never certified: the portal asks
    for it on every visit already; a reminder is for a certification running out)."""
    return expires_on if is_due(SECTION_TO_RECERTIFY, today, expires_on) else None
