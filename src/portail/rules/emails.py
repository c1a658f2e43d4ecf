"""E-mail addresses: one normal form, so that sign-in is case-insensitive and trimmed."""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email

MAX_LENGTH = 254


def normalise_email(raw: str) -> str:
    """The form addresses are stored and compared in: trimmed, lower case."""
    return raw.strip().lower()


def is_valid_email(address: str) -> bool:
    """Whether ``address`` (normalised) is a syntactically valid mailbox."""
    if not address or len(address) > MAX_LENGTH:
        return False
    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True
