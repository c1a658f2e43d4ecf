"""The enums of messages and reminders."""

from __future__ import annotations

from enum import Enum

import strawberry

from portail.rules import messages as topics
from portail.rules import reminders


@strawberry.enum(description="What a thread is about, picked by the family from a short list.")
class MessageTopic(Enum):
    BOOKINGS = strawberry.enum_value(topics.BOOKINGS, description='"Réservations".')
    INVOICES = strawberry.enum_value(topics.INVOICES, description='"Factures".')
    HEALTH = strawberry.enum_value(
        topics.HEALTH,
        description='"Dossier / santé": the mails about its messages do not even name the topic.',
    )
    OTHER = strawberry.enum_value(topics.OTHER, description='"Autre".')


@strawberry.enum(description="A kind of reminder mailed to a household's guardians, each switched on or off.")
class ReminderKind(Enum):
    BOOKING_DEADLINE = strawberry.enum_value(
        reminders.BOOKING_DEADLINE,
        description="A child enrolled in a period that opens days next month has no booking there yet: "
        "sent from 3 days before the booking deadline of next month's first open day. Off by default.",
    )
    INVOICE_DUE = strawberry.enum_value(
        reminders.INVOICE_DUE,
        description="An invoice still to pay falls due within 5 days. On by default.",
    )
    DOCUMENT_EXPIRING = strawberry.enum_value(
        reminders.DOCUMENT_EXPIRING,
        description="An accepted supporting document stops being valid within 30 days (and no newer one "
        "of its type was handed in). On by default.",
    )
    SECTION_TO_RECERTIFY = strawberry.enum_value(
        reminders.SECTION_TO_RECERTIFY,
        description="The household's or a child's records, certified exact, must be confirmed again "
        "within 30 days. On by default.",
    )
