"""Signed, short-lived file links: what a ``/files/{token}`` token carries and how it is checked.

A token names one file (its kind, its id and the stored version it was minted for), how to show
it, and when the link stops working; the server secret signs it, so it cannot be altered nor
minted by anyone else. No database row: links are cheap to hand out in every list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from itsdangerous import BadData, URLSafeSerializer

SALT = "portail.file-link.v1"

DOCUMENT = "document"
TOWN_FORM = "form"
HEALTH_FORM = "health"
INVOICE = "invoice"  # made on the fly from the invoice, like the health form
PERSONAL_DATA = "personal-data"  # a household's data and documents (a ZIP), made on the fly
MESSAGE_ATTACHMENT = "message"  # a file joined to a message
KINDS = (DOCUMENT, TOWN_FORM, HEALTH_FORM, INVOICE, PERSONAL_DATA, MESSAGE_ATTACHMENT)

INLINE = "inline"
ATTACHMENT = "attachment"


class LinkInvalid(Exception):
    """The token is not one we signed (altered, truncated, or made up)."""


class LinkExpired(Exception):
    """The token is ours but its time is over."""


@dataclass(frozen=True)
class FileLink:
    """What a valid token stands for."""

    kind: str
    id: str
    disposition: str
    version: str
    expires_at: datetime


def _serializer(secret: str) -> URLSafeSerializer:
    return URLSafeSerializer(secret, salt=SALT)


def sign_link(secret: str, link: FileLink) -> str:
    """The token of ``link`` (URL-safe)."""
    payload = [link.kind, link.id, link.disposition, link.version, int(link.expires_at.timestamp())]
    return str(_serializer(secret).dumps(payload))


def read_link(secret: str, token: str, now: datetime) -> FileLink:
    """The link behind ``token``; ``LinkInvalid`` or ``LinkExpired`` otherwise."""
    if not token or len(token) > 500:
        raise LinkInvalid
    try:
        payload = _serializer(secret).loads(token)
    except BadData as exc:
        raise LinkInvalid from exc
    if not (isinstance(payload, list) and len(payload) == 5):
        raise LinkInvalid
    kind, id_, disposition, version, expires = payload
    if kind not in KINDS or disposition not in (INLINE, ATTACHMENT) or not isinstance(expires, int):
        raise LinkInvalid
    if not (isinstance(id_, str) and isinstance(version, str)):
        raise LinkInvalid
    expires_at = datetime.fromtimestamp(expires, UTC)
    if expires_at <= now:
        raise LinkExpired
    return FileLink(kind, id_, disposition, version, expires_at)
