"""Phone numbers: parsed, checked and kept in E.164 (French numbers by default)."""

from __future__ import annotations

import phonenumbers

DEFAULT_REGION = "FR"


def normalise_phone(raw: str) -> str | None:
    """``raw`` in E.164 (``+33612345678``), or None when it is not a valid number."""
    if len(raw) > 40:
        return None
    try:
        number = phonenumbers.parse(raw, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
