"""Password hashing with argon2id (argon2-cffi), off the event loop."""

from __future__ import annotations

import asyncio

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# argon2-cffi's defaults are RFC 9106's "second recommended" profile: argon2id, t=3, m=64 MiB, p=4.
_hasher = PasswordHasher()
# Verified when the account does not exist, so that the answer takes the same time.
_DUMMY_HASH = _hasher.hash("portail-familles: no such account")


def parameters() -> str:
    """The hashing parameters in use, for the benchmark's report."""
    p = _hasher
    return f"argon2id t={p.time_cost} m={p.memory_cost} KiB p={p.parallelism}"


async def hash_password(password: str) -> str:
    return await asyncio.to_thread(_hasher.hash, password)


def _verify(password_hash: str | None, password: str) -> tuple[bool, bool]:
    try:
        _hasher.verify(password_hash or _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return False, False
    if password_hash is None:
        return False, False
    return True, _hasher.check_needs_rehash(password_hash)


async def verify_password(password_hash: str | None, password: str) -> tuple[bool, bool]:
    """(matches, needs rehash). With no hash, a dummy is verified so timing stays the same."""
    return await asyncio.to_thread(_verify, password_hash, password)
