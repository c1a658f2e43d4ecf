"""What "Mon profil" requires, and what is still missing from it."""

from __future__ import annotations

from collections.abc import Mapping

# The fields a guardian must fill in before using the services (guide: "Informations du compte").
REQUIRED_PROFILE_FIELDS = ("civility", "firstName", "lastName", "mobilePhone")
CIVILITIES = ("M.", "Mme")


def missing_profile_fields(profile: Mapping[str, object]) -> list[str]:
    """The required fields of ``profile`` (GraphQL names) that are empty."""
    return [name for name in REQUIRED_PROFILE_FIELDS if not profile.get(name)]
