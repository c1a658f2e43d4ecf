"""Messages between a family and the service, notification preferences and the reminders sent."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from portail.db.models.base import UTCDateTime, created_at_field, id_field


class MessageThread(SQLModel, table=True):
    """A conversation between a household and the service (the shared inbox), on one topic."""

    __tablename__ = "message_thread"
    __table_args__ = (
        Index("ix_message_thread_household", "household_id", "last_message_at"),
        Index("ix_message_thread_inbox", "last_message_at"),
    )

    id: uuid.UUID = id_field()
    household_id: uuid.UUID = Field(foreign_key="household.id")
    child_id: uuid.UUID | None = Field(default=None, foreign_key="child.id")
    # rules.messages.TOPICS: bookings, invoices, health, other
    topic: str = Field(max_length=20)
    subject: str = Field(max_length=200)
    started_by: uuid.UUID = Field(foreign_key="account.id")
    created_at: datetime = created_at_field()
    last_message_at: datetime = Field(sa_type=UTCDateTime)
    # Messages of the other side each has not read yet (kept by conditional updates).
    family_unread: int = 0
    staff_unread: int = 0
    closed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    closed_by: uuid.UUID | None = Field(default=None, foreign_key="account.id")


class Message(SQLModel, table=True):
    """One message of a thread, written by a guardian (``from_staff`` false) or by staff."""

    __tablename__ = "message"
    __table_args__ = (Index("ix_message_thread", "thread_id", "created_at"),)

    id: uuid.UUID = id_field()
    thread_id: uuid.UUID = Field(foreign_key="message_thread.id")
    author_id: uuid.UUID = Field(foreign_key="account.id")
    from_staff: bool = False
    body: str = Field(max_length=5000)
    created_at: datetime = created_at_field()
    # When the other side marked the thread read after this message came.
    read_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class MessageAttachment(SQLModel, table=True):
    """A file joined to a message, kept in the file storage like documents."""

    __tablename__ = "message_attachment"

    id: uuid.UUID = id_field()
    message_id: uuid.UUID = Field(foreign_key="message.id", index=True)
    position: int = 0
    filename: str = Field(max_length=200)
    content_type: str = Field(max_length=50)
    size: int
    sha256: str = Field(max_length=64)
    storage_key: str = Field(max_length=100)


class NotificationPreference(SQLModel, table=True):
    """A household's choice for one kind of reminder (no row: the kind's default)."""

    __tablename__ = "notification_preference"

    household_id: uuid.UUID = Field(foreign_key="household.id", primary_key=True)
    # rules.reminders.KINDS
    kind: str = Field(max_length=30, primary_key=True)
    enabled: bool
    updated_at: datetime = created_at_field()


class ReminderSent(SQLModel, table=True):
    """A reminder mailed to a household: its unique key makes the reminders job send each once, however
    many instances run it."""

    __tablename__ = "reminder_sent"
    __table_args__ = (
        UniqueConstraint("household_id", "kind", "subject_id", "due_date", name="uq_reminder_sent"),
    )

    id: uuid.UUID = id_field()
    household_id: uuid.UUID = Field(foreign_key="household.id")
    kind: str = Field(max_length=30)
    # What it is about: an enrolment, an invoice, a document, a household or a child (their records).
    subject_id: uuid.UUID
    due_date: date
    sent_at: datetime = created_at_field()
