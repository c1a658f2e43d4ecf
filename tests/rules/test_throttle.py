"""Sign-in throttling rules (``portail.rules.throttle``), as tables."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from portail.rules.throttle import (
    FAILURE_MEMORY,
    MAX_BACKOFF,
    ThrottlePolicy,
    failures_now,
    just_locked,
    wait_after,
)

POLICY = ThrottlePolicy(free_failures=3, lock_failures=10, lock_duration=timedelta(minutes=15))
NOW = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("failures", "wait"),
    [
        (0, timedelta(0)),
        (1, timedelta(0)),
        (2, timedelta(0)),
        (3, timedelta(0)),  # the free failures
        (4, timedelta(seconds=2)),  # then the wait doubles
        (5, timedelta(seconds=4)),
        (6, timedelta(seconds=8)),
        (7, timedelta(seconds=16)),
        (8, timedelta(seconds=32)),
        (9, timedelta(seconds=60)),  # 64 s, capped
        (10, timedelta(minutes=15)),  # locked
        (11, timedelta(minutes=15)),
        (500, timedelta(minutes=15)),
    ],
)
def test_wait_after(failures: int, wait: timedelta) -> None:
    assert wait_after(failures, POLICY) == wait


@pytest.mark.parametrize(
    ("policy", "failures", "wait"),
    [
        # The client-address key: 25 free failures, locked at 50.
        (ThrottlePolicy(25, 50, timedelta(minutes=15)), 25, timedelta(0)),
        (ThrottlePolicy(25, 50, timedelta(minutes=15)), 26, timedelta(seconds=2)),
        (ThrottlePolicy(25, 50, timedelta(minutes=15)), 40, MAX_BACKOFF),
        (ThrottlePolicy(25, 50, timedelta(minutes=15)), 49, MAX_BACKOFF),
        (ThrottlePolicy(25, 50, timedelta(minutes=15)), 50, timedelta(minutes=15)),
        # A short lock is still a lock, even shorter than the back-off before it.
        (ThrottlePolicy(0, 3, timedelta(seconds=1)), 2, timedelta(seconds=4)),
        (ThrottlePolicy(0, 3, timedelta(seconds=1)), 3, timedelta(seconds=1)),
        # No free failures: the first failure already waits.
        (ThrottlePolicy(0, 10, timedelta(minutes=5)), 1, timedelta(seconds=2)),
    ],
)
def test_wait_after_other_policies(policy: ThrottlePolicy, failures: int, wait: timedelta) -> None:
    assert wait_after(failures, policy) == wait


def test_wait_never_decreases_until_the_lock() -> None:
    waits = [wait_after(n, POLICY) for n in range(0, 30)]
    assert waits == sorted(waits)
    assert max(waits[: POLICY.lock_failures]) <= MAX_BACKOFF


@pytest.mark.parametrize(
    ("failures", "locked"),
    [(1, False), (3, False), (9, False), (10, True), (11, False), (20, False)],
)
def test_just_locked_only_at_the_locking_failure(failures: int, locked: bool) -> None:
    # The owner is warned once: at the failure that locks, not at the ones after.
    assert just_locked(failures, POLICY) is locked


@pytest.mark.parametrize(
    ("failures", "last_failure_at", "counted"),
    [
        (0, None, 0),
        (7, None, 0),
        (7, NOW, 7),
        (7, NOW - timedelta(minutes=59), 7),
        (7, NOW - FAILURE_MEMORY, 7),  # exactly an hour: still remembered
        (7, NOW - FAILURE_MEMORY - timedelta(seconds=1), 0),  # forgotten after an hour
        (10, NOW - timedelta(days=2), 0),
    ],
)
def test_failures_are_forgotten_after_an_hour(
    failures: int, last_failure_at: datetime | None, counted: int
) -> None:
    assert failures_now(failures, last_failure_at, NOW) == counted


def test_failure_memory_is_one_hour() -> None:
    assert timedelta(hours=1) == FAILURE_MEMORY
