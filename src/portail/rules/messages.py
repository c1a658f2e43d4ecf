"""Messages between a family and the service: the topics a family picks from, the limits of a message,
and what a new message's mail may say."""

from __future__ import annotations

BOOKINGS, INVOICES, HEALTH, OTHER = "bookings", "invoices", "health", "other"
TOPICS = (BOOKINGS, INVOICES, HEALTH, OTHER)
TOPIC_LABELS = {
    BOOKINGS: "Réservations",
    INVOICES: "Factures",
    HEALTH: "Dossier / santé",
    OTHER: "Autre",
}

SUBJECT_MAX = 200
BODY_MAX = 5000
MAX_ATTACHMENTS = 3
# Each attachment: PDF, JPEG or PNG, as supporting documents are.
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024

FAMILY, STAFF = "family", "staff"


def mailed_topic(topic: str) -> str:
    """The topic a new message's mail may name: never the health one (the mail says only that a
    message waits); the mail never carries the subject or the body, whatever the topic."""
    return "" if topic == HEALTH else TOPIC_LABELS.get(topic, "")
