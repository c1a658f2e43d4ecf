"""Sign-in throttling: how long a key must wait after its failures.

A key is the typed e-mail address or the client address. The first failures are free; after
that each failure doubles the wait (slowing a guesser down), and past a limit the key is blocked
for a while (and the account's owner is told).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

MAX_BACKOFF = timedelta(seconds=60)
# Failures older than this are forgotten: a user who mistypes now and then is never slowed.
FAILURE_MEMORY = timedelta(hours=1)


@dataclass(frozen=True)
class ThrottlePolicy:
    """When a key starts to wait, and when it is blocked."""

    free_failures: int
    lock_failures: int
    lock_duration: timedelta


def failures_now(failures: int, last_failure_at: datetime | None, now: datetime) -> int:
    """The failures that still count at ``now``."""
    if last_failure_at is None or now - last_failure_at > FAILURE_MEMORY:
        return 0
    return failures


def wait_after(failures: int, policy: ThrottlePolicy) -> timedelta:
    """How long the key waits after its ``failures``-th failure in a row."""
    if failures >= policy.lock_failures:
        return policy.lock_duration
    if failures <= policy.free_failures:
        return timedelta(0)
    # The exponent is capped: past 2**6 s the wait is MAX_BACKOFF anyway (and 2**n would overflow).
    return min(timedelta(seconds=2 ** min(failures - policy.free_failures, 6)), MAX_BACKOFF)


def just_locked(failures: int, policy: ThrottlePolicy) -> bool:
    """Whether this failure is the one that blocks the key (the moment to warn the owner)."""
    return failures == policy.lock_failures
