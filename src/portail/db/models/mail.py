"""The mail outbox: every mail is a row written in the transaction that causes it."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Index, Text
from sqlmodel import Field, SQLModel

from portail.db.models.base import UTCDateTime, created_at_field, id_field


class OutboxMail(SQLModel, table=True):
    """A rendered mail waiting for delivery, or its delivery record once sent."""

    __tablename__ = "outbox_mail"
    __table_args__ = (Index("ix_outbox_mail_due", "sent_at", "next_attempt_at"),)

    id: uuid.UUID = id_field()
    template: str = Field(max_length=64)
    recipient: str = Field(max_length=254)
    subject: str = Field(max_length=300)
    body_text: str = Field(sa_type=Text)
    body_html: str = Field(sa_type=Text)
    # Stable Message-ID: a resend after a crash mid-delivery can be recognised by the receiver.
    message_id: str = Field(max_length=200)
    created_at: datetime = created_at_field()
    attempts: int = 0
    next_attempt_at: datetime = created_at_field()
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    failed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_error: str = Field(default="", max_length=500)
