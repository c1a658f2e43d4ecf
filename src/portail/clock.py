"""The server's clock; tests move it to cross deadlines and expiries."""

from __future__ import annotations

from datetime import datetime, timedelta

from portail.db.models.base import utcnow


class Clock:
    """Now, in UTC, shifted by ``offset`` (zero outside tests)."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def now(self) -> datetime:
        return utcnow() + self.offset

    def travel(self, delta: timedelta) -> None:
        self.offset += delta

    def travel_to(self, moment: datetime) -> None:
        """Make now ``moment`` (aware); time goes on from there."""
        self.offset = moment - utcnow()
