"""What a family still has to complete at its first connection (grows with the records)."""

from __future__ import annotations

from dataclasses import dataclass

from portail.rules.profile import missing_profile_fields

REQUIRED_ADDRESS_FIELDS = ("number", "street", "postcode", "city")


@dataclass(frozen=True)
class ToComplete:
    """A section with required fields still empty."""

    section: str
    missing_fields: list[str]


def household_to_complete(profile: dict[str, object], address: dict[str, object]) -> list[ToComplete]:
    """The sections of "Mon profil" and "Mon foyer" that miss required fields."""
    items = []
    missing = missing_profile_fields(profile)
    if missing:
        items.append(ToComplete("PROFILE", missing))
    missing_address = [name for name in REQUIRED_ADDRESS_FIELDS if not address.get(name)]
    if missing_address:
        items.append(ToComplete("HOUSEHOLD_ADDRESS", missing_address))
    return items
