"""Sign-in throttling: which counters a sign-in attempt answers to, and how long a counter must
wait after its failures.

A counter (a key) is one of:

- ``device:<nonce>``: a browser that signed in to the typed address before (a device cookie, see
  ``rules.devices``). Its attempts count against it alone and nothing else: the owner keeps their
  own allowance on their own browsers whatever happens elsewhere.
- ``email:<address>``: every *untrusted* client (no device cookie for the address) together. An
  attacker can lock it, but that only locks out browsers the address never signed in on.
- ``address:<client address>``: one untrusted client, whatever addresses it tries.

The first failures are free; after that each failure doubles the wait (slowing a guesser down),
and past a limit the key is blocked for a while (the account's owner is told when the untrusted
counter of their address locks).
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


def device_key(nonce: str) -> str:
    return f"device:{nonce}"


def email_key(email: str) -> str:
    return f"email:{email}"


def address_key(address: str) -> str:
    return f"address:{address}"


def registration_key(address: str) -> str:
    """The counter of self-registrations ("Créer un compte") from one client address."""
    return f"registration:{address}"


def warns_owner(key: str) -> bool:
    """Whether the lock of ``key`` is mailed to the account's owner: an address's or a device's
    lock concerns one account; a client address's concerns whoever it tried."""
    return not key.startswith("address:")


def sign_in_keys(
    email: str, client_address: str, device: str | None, *, per_client: bool = True
) -> list[str]:
    """The counters an attempt for ``email`` waits on and counts its failure against.

    The first is the one a success clears (the client address's failures are kept: a client that
    guesses at many addresses and gets one right is still that client). A trusted ``device`` answers
    for itself only; an untrusted attempt answers to the address's untrusted counter and, when
    ``per_client``, to its client address's.
    """
    if device is not None:
        return [device_key(device)]
    return [email_key(email), *([address_key(client_address)] if per_client else [])]


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


# "Mot de passe oublié ?" requests are counted over this window.
RESET_WINDOW = timedelta(hours=1)


def reset_request_allowed(
    recent_for_email: int, recent_from_client: int, *, per_email: int, per_client: int
) -> bool:
    """Whether one more reset request may be queued, given those of the last ``RESET_WINDOW``
    for the typed address and from the client address (the same answer for any address, account
    or not: a request never says whether an account exists)."""
    return recent_for_email < per_email and recent_from_client < per_client


def reset_mail_allowed(recent_links: int, *, per_account: int) -> bool:
    """Whether the worker may mail an account one more link (reset or confirmation), given those
    made for it in the last ``RESET_WINDOW``: no mail bombing, even past the request's limits."""
    return recent_links < per_account
