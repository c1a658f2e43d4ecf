"""Private links to a household's planning as an iCalendar feed, which a phone's calendar subscribes
to; revocable."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlmodel import Field, SQLModel

from portail.db.models.base import UTCDateTime, created_at_field, id_field


class CalendarFeed(SQLModel, table=True):
    """An account's link to its household's planning (``/calendrier/<token>.ics``).

    The link is the only credential (a calendar application fetches it without signing in): only its
    keyed hash is stored, and revoking it (or asking for a new one) makes it answer 404.
    """

    __tablename__ = "calendar_feed"

    id: uuid.UUID = id_field()
    household_id: uuid.UUID = Field(foreign_key="household.id", index=True)
    account_id: uuid.UUID = Field(foreign_key="account.id", index=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    created_at: datetime = created_at_field()
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
