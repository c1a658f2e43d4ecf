"""The server's clock; tests move it to cross deadlines and expiries."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from portail.db.models.base import utcnow


class Clock:
    """Now, in UTC, shifted by ``offset`` (zero outside tests)."""

    def __init__(self) -> None:
        self.offset = timedelta(0)
        # Set by a test that needs the very second (09:00:00, not a few hundred milliseconds after).
        self.stopped_at: datetime | None = None

    def now(self) -> datetime:
        if self.stopped_at is not None:
            return self.stopped_at
        return utcnow() + self.offset

    def travel(self, delta: timedelta) -> None:
        self.offset += delta

    def travel_to(self, moment: datetime) -> None:
        """Make now ``moment`` (aware); time goes on from there."""
        self.stopped_at = None
        self.offset = moment - utcnow()

    def stop_at(self, moment: datetime) -> None:
        """Make now ``moment`` (aware) and keep it there until the next ``travel_to``."""
        self.travel_to(moment)
        self.stopped_at = moment.astimezone(UTC)
