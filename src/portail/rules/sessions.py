"""How long a signed-in session lives."""

from __future__ import annotations

from datetime import datetime, timedelta


def session_expiry(now: datetime, *, remember: bool, idle: timedelta, remember_for: timedelta) -> datetime:
    """When a session touched at ``now`` ends.

    "Se souvenir de moi" keeps it for ``remember_for``; otherwise it ends after ``idle`` without
    activity (and with the browser, the cookie having no expiry).
    """
    return now + (remember_for if remember else idle)


def is_alive(now: datetime, expires_at: datetime, revoked_at: datetime | None) -> bool:
    return revoked_at is None and now < expires_at
