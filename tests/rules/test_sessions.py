"""Session lifetime (``portail.rules.sessions``) and mail retry delays (``portail.rules.retry``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from portail.rules.retry import FIRST_RETRY, LONGEST_WAIT, retry_delay
from portail.rules.sessions import is_alive, session_expiry

NOW = datetime(2026, 9, 1, 7, 45, tzinfo=UTC)
IDLE = timedelta(minutes=120)
REMEMBER = timedelta(days=30)


@pytest.mark.parametrize(
    ("remember", "expires"),
    [
        (False, NOW + timedelta(hours=2)),
        (True, NOW + timedelta(days=30)),
    ],
)
def test_session_expiry(remember: bool, expires: datetime) -> None:
    assert session_expiry(NOW, remember=remember, idle=IDLE, remember_for=REMEMBER) == expires


@pytest.mark.parametrize(
    ("now", "expires_at", "revoked_at", "alive"),
    [
        (NOW, NOW + timedelta(seconds=1), None, True),
        (NOW, NOW + timedelta(days=30), None, True),
        (NOW, NOW, None, False),  # expiry is exclusive
        (NOW, NOW - timedelta(seconds=1), None, False),
        (NOW, NOW + timedelta(hours=1), NOW - timedelta(minutes=5), False),  # revoked
        (NOW, NOW + timedelta(hours=1), NOW + timedelta(minutes=5), False),  # any revocation ends it
    ],
)
def test_is_alive(now: datetime, expires_at: datetime, revoked_at: datetime | None, alive: bool) -> None:
    assert is_alive(now, expires_at, revoked_at) is alive


def test_an_idle_session_dies_after_the_idle_time_unless_remembered() -> None:
    short = session_expiry(NOW, remember=False, idle=IDLE, remember_for=REMEMBER)
    long = session_expiry(NOW, remember=True, idle=IDLE, remember_for=REMEMBER)
    later = NOW + IDLE + timedelta(seconds=1)
    assert is_alive(NOW + IDLE - timedelta(seconds=1), short, None)
    assert not is_alive(later, short, None)
    assert is_alive(later, long, None)
    assert not is_alive(NOW + REMEMBER, long, None)


@pytest.mark.parametrize(
    ("attempts", "delay"),
    [
        (0, timedelta(seconds=30)),
        (1, timedelta(seconds=30)),
        (2, timedelta(minutes=1)),
        (3, timedelta(minutes=2)),
        (4, timedelta(minutes=4)),
        (5, timedelta(minutes=8)),
        (6, timedelta(minutes=16)),
        (7, timedelta(minutes=32)),
        (8, timedelta(hours=1)),  # 64 min, capped
        (12, timedelta(hours=1)),
        (60, timedelta(hours=1)),
    ],
)
def test_retry_delay(attempts: int, delay: timedelta) -> None:
    assert retry_delay(attempts) == delay


def test_retry_delay_grows_and_is_capped() -> None:
    delays = [retry_delay(n) for n in range(1, 40)]
    assert delays == sorted(delays)
    assert delays[0] == FIRST_RETRY
    assert max(delays) == LONGEST_WAIT
