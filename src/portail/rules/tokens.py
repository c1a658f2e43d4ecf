"""Secrets handed to clients (session cookies, link tokens) and how we keep them.

The client gets a random token; we store only its HMAC under the server's secret key, so that a
leaked table gives no usable session or link.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

TOKEN_BYTES = 32
# token_urlsafe(32) is 43 characters; anything much longer is not one of ours.
MAX_TOKEN_LENGTH = 100


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str, secret_key: str) -> str:
    return hmac.new(secret_key.encode(), token.encode(), hashlib.sha256).hexdigest()


def looks_like_token(token: str) -> bool:
    """Cheap shape check before touching the database."""
    return 20 <= len(token) <= MAX_TOKEN_LENGTH and all(
        c.isascii() and (c.isalnum() or c in "-_") for c in token
    )
