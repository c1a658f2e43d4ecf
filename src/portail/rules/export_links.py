"""Signed, short-lived export links: what a ``/exports/{token}`` token carries and how it is checked.

A sibling of ``file_links``: the same server secret, but its own salt, so that a file link's token
is never read as an export's (nor the reverse). A token names the export, its parameters, the staff
account that asked (the route checks it is still staff when the file is read) and its expiry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from itsdangerous import BadData, URLSafeSerializer

from portail.rules.file_links import LinkExpired, LinkInvalid

SALT = "portail.export-link.v1"
MAX_TOKEN = 1000

__all__ = ["SALT", "ExportToken", "LinkExpired", "LinkInvalid", "read_export_token", "sign_export_token"]


@dataclass(frozen=True)
class ExportToken:
    """What a valid token stands for."""

    kind: str
    account_id: str
    params: dict[str, str]
    expires_at: datetime


def _serializer(secret: str) -> URLSafeSerializer:
    return URLSafeSerializer(secret, salt=SALT)


def sign_export_token(secret: str, token: ExportToken) -> str:
    """The token of ``token`` (URL-safe)."""
    payload = [token.kind, token.account_id, token.params, int(token.expires_at.timestamp())]
    return str(_serializer(secret).dumps(payload))


def read_export_token(secret: str, token: str, kinds: tuple[str, ...], now: datetime) -> ExportToken:
    """The export behind ``token``; ``LinkInvalid`` (not ours, altered, another purpose's, an unknown
    kind) or ``LinkExpired`` otherwise."""
    if not token or len(token) > MAX_TOKEN:
        raise LinkInvalid
    try:
        payload = _serializer(secret).loads(token)
    except BadData as exc:
        raise LinkInvalid from exc
    if not (isinstance(payload, list) and len(payload) == 4):
        raise LinkInvalid
    kind, account_id, params, expires = payload
    if kind not in kinds or not isinstance(account_id, str) or not isinstance(expires, int):
        raise LinkInvalid
    if not (isinstance(params, dict) and all(isinstance(v, str) for v in params.values())):
        raise LinkInvalid
    expires_at = datetime.fromtimestamp(expires, UTC)
    if expires_at <= now:
        raise LinkExpired
    return ExportToken(kind, account_id, params, expires_at)
