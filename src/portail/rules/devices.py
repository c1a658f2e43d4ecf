"""Device cookies: a browser that signed in to an account before is recognised by that account.

OWASP's "Slow Down Online Guessing Attacks with Device Cookies": after a successful sign-in the
browser gets a cookie saying "this device signed in as <address>", signed with the server's key.
A later sign-in to that address presenting it is a *trusted* attempt: its failures count against
that device alone, so that an attacker guessing from elsewhere (untrusted clients) cannot lock the
owner out of the browsers they use.

The cookie holds a few entries (a family computer may be shared by two parents), each
``<nonce>.<issued day>.<signature>``; the address is only inside the signature, so the cookie does
not show which accounts signed in on the browser. The nonce names the device's own failure counter.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

# Entries kept in one browser's cookie (the newest ones).
MAX_ENTRIES = 5
# An entry longer than this is not one of ours (a nonce, a day number, a signature).
MAX_ENTRY_LENGTH = 80
SEPARATOR = "~"
EPOCH = datetime(2020, 1, 1).date()


def _signature(email: str, nonce: str, day: int, secret_key: str) -> str:
    message = f"portail-device|{email}|{nonce}|{day}".encode()
    digest = hmac.new(secret_key.encode(), message, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:24]).decode().rstrip("=")


def _day(now: datetime) -> int:
    return (now.date() - EPOCH).days


def _entries(cookie: str) -> list[tuple[str, int, str]]:
    """The well-formed entries of a cookie value, oldest first; anything else is dropped."""
    entries = []
    for raw in cookie.split(SEPARATOR)[-MAX_ENTRIES * 2 :] if cookie else []:
        parts = raw.split(".")
        if len(raw) > MAX_ENTRY_LENGTH or len(parts) != 3 or not parts[1].isdigit():
            continue
        entries.append((parts[0], int(parts[1]), parts[2]))
    return entries


def _valid_for(
    entry: tuple[str, int, str], email: str, secret_key: str, now: datetime, lifetime: timedelta
) -> bool:
    nonce, day, signature = entry
    if not 0 <= _day(now) - day <= lifetime.days:
        return False
    return hmac.compare_digest(signature, _signature(email, nonce, day, secret_key))


def trusted_device(
    cookie: str, email: str, secret_key: str, now: datetime, lifetime: timedelta
) -> str | None:
    """The nonce of the cookie's live entry for ``email`` (the device's name), or None: untrusted."""
    for entry in reversed(_entries(cookie)):
        if _valid_for(entry, email, secret_key, now, lifetime):
            return entry[0]
    return None


def new_nonce() -> str:
    return secrets.token_urlsafe(16)


def with_device(
    cookie: str, email: str, nonce: str, secret_key: str, now: datetime, lifetime: timedelta
) -> str:
    """The cookie after a successful sign-in to ``email``: a fresh entry for it, replacing the
    address's earlier one; other live-looking entries kept, the newest ``MAX_ENTRIES`` in all."""
    kept = [
        f"{n}.{d}.{s}"
        for n, d, s in _entries(cookie)
        if 0 <= _day(now) - d <= lifetime.days and not _valid_for((n, d, s), email, secret_key, now, lifetime)
    ]
    day = _day(now)
    kept.append(f"{nonce}.{day}.{_signature(email, nonce, day, secret_key)}")
    return SEPARATOR.join(kept[-MAX_ENTRIES:])
