"""Phone numbers: parsed, checked and kept in E.164 (French numbers by default), shown the French way."""

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


# Regions dialled from France with the national trunk prefix: metropolitan France and the overseas
# departments and collectivities that share its numbering plan ("06 12 34 56 78", "0692 12 34 56").
_FRENCH_PLAN_REGIONS = frozenset({"FR", "RE", "GP", "GF", "MQ", "YT", "PM", "BL", "MF"})


def display_phone(stored: str) -> str:
    """A stored number as a French reader expects it: "02 97 00 00 01" for French numbers, the
    international format ("+44 20 7946 0958") for the others; what cannot be parsed, as it is."""
    if not stored:
        return ""
    try:
        number = phonenumbers.parse(stored, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return stored
    if not phonenumbers.is_valid_number(number):
        return stored
    region = phonenumbers.region_code_for_number(number)
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if region in _FRENCH_PLAN_REGIONS
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, style)
