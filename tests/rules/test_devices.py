"""Device cookies (``portail.rules.devices``) and the throttle keys an attempt answers to."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from portail.rules.devices import MAX_ENTRIES, SEPARATOR, trusted_device, with_device
from portail.rules.throttle import sign_in_keys, warns_owner

KEY = "secret-" + "k" * 40
NOW = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)
YEAR = timedelta(days=365)
LOLA = "lola.martin@example.org"
PAUL = "paul.durand@example.org"


def cookie_for(email: str, nonce: str, *, cookie: str = "", now: datetime = NOW, key: str = KEY) -> str:
    return with_device(cookie, email, nonce, key, now, YEAR)


def test_a_browser_is_trusted_by_the_address_it_signed_in_to_only() -> None:
    cookie = cookie_for(LOLA, "nonce-lola")
    assert trusted_device(cookie, LOLA, KEY, NOW, YEAR) == "nonce-lola"
    assert trusted_device(cookie, PAUL, KEY, NOW, YEAR) is None
    # The address is not written in the cookie.
    assert "martin" not in cookie and "example" not in cookie


@pytest.mark.parametrize(
    "spoil",
    [
        lambda c: c[:-1] + ("A" if c[-1] != "A" else "B"),  # signature altered
        lambda c: c.replace("nonce-lola", "nonce-paul"),  # another counter claimed
        lambda c: c.replace(c.split(".")[1], str(int(c.split(".")[1]) + 1)),  # day moved
        lambda c: "",
        lambda c: "garbage",
        lambda c: "a.b.c~" + "x" * 5000,
    ],
)
def test_an_altered_cookie_is_not_trusted(spoil) -> None:  # type: ignore[no-untyped-def]
    assert trusted_device(spoil(cookie_for(LOLA, "nonce-lola")), LOLA, KEY, NOW, YEAR) is None


def test_another_server_key_or_an_old_entry_is_not_trusted() -> None:
    cookie = cookie_for(LOLA, "nonce-lola")
    assert trusted_device(cookie, LOLA, "another-" + "k" * 40, NOW, YEAR) is None
    assert trusted_device(cookie, LOLA, KEY, NOW + timedelta(days=365), YEAR) == "nonce-lola"
    assert trusted_device(cookie, LOLA, KEY, NOW + timedelta(days=366), YEAR) is None
    # An entry dated in the future (a clock set back since) is not trusted either.
    assert trusted_device(cookie, LOLA, KEY, NOW - timedelta(days=1), YEAR) is None


def test_a_shared_browser_keeps_an_entry_per_address_the_newest_ones() -> None:
    cookie = cookie_for(LOLA, "nonce-lola-1")
    cookie = cookie_for(PAUL, "nonce-paul", cookie=cookie)
    # Signing in again replaces the address's entry: a new nonce, a new counter.
    cookie = cookie_for(LOLA, "nonce-lola-2", cookie=cookie)
    assert len(cookie.split(SEPARATOR)) == 2
    assert trusted_device(cookie, LOLA, KEY, NOW, YEAR) == "nonce-lola-2"
    assert trusted_device(cookie, PAUL, KEY, NOW, YEAR) == "nonce-paul"

    for i in range(MAX_ENTRIES):
        cookie = cookie_for(f"parent{i}@example.org", f"nonce-{i}", cookie=cookie)
    assert len(cookie.split(SEPARATOR)) == MAX_ENTRIES
    assert trusted_device(cookie, LOLA, KEY, NOW, YEAR) is None  # the oldest went
    assert trusted_device(cookie, "parent4@example.org", KEY, NOW, YEAR) == "nonce-4"
    # Garbage and expired entries are dropped when the cookie is written again.
    assert with_device("junk~a.b.c", LOLA, "n", KEY, NOW, YEAR).count(SEPARATOR) == 0
    old = cookie_for(PAUL, "nonce-paul", now=NOW - timedelta(days=400))
    assert cookie_for(LOLA, "n", cookie=old).count(SEPARATOR) == 0


@pytest.mark.parametrize(
    ("device", "per_client", "keys"),
    [
        # A trusted browser answers for itself only: not to the address, not to its client address.
        ("abc", True, ["device:abc"]),
        ("abc", False, ["device:abc"]),
        # Untrusted clients share the address's counter, and each has its client address's.
        (None, True, [f"email:{LOLA}", "address:192.0.2.1"]),
        (None, False, [f"email:{LOLA}"]),
    ],
)
def test_sign_in_keys(device: str | None, per_client: bool, keys: list[str]) -> None:
    assert sign_in_keys(LOLA, "192.0.2.1", device, per_client=per_client) == keys


def test_who_is_told_of_a_lock() -> None:
    assert warns_owner(f"email:{LOLA}") and warns_owner("device:abc")
    assert not warns_owner("address:192.0.2.1")
