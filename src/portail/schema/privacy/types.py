"""The privacy domain's types."""

from __future__ import annotations

import datetime

import strawberry
from strawberry.scalars import JSON

from portail.schema.errors import UserError


@strawberry.type(
    description="Everything the portal holds about the household (the GDPR's right of access), in a "
    "documented, machine-readable format (`docs/personal-data-export.md`): every table's rows about "
    "the household, its guardians' accounts and its children, secrets left out (password and link hashes)."
)
class PersonalData:
    generated_at: datetime.datetime = strawberry.field(description="When it was read.")
    data: JSON = strawberry.field(
        description='The document: `{"format", "version", "generatedAt", "town", "tables": {"<table>": '
        "[rows…]}}`, one key per table, rows as objects (ids as strings, dates and times in ISO 8601)."
    )
    download_url: str = strawberry.field(
        description="The same document (`donnees.json`) and every file the household uploaded, as a ZIP: "
        "a signed link valid a few minutes (`expiresAt`)."
    )
    expires_at: datetime.datetime = strawberry.field(description="When `downloadUrl` stops working.")


@strawberry.type(description="Result of `anonymiseHousehold`.")
class AnonymiseHouseholdPayload:
    household_id: strawberry.ID | None = strawberry.field(
        description="The household anonymised; null on error."
    )
    anonymised_at: datetime.datetime | None = strawberry.field(description="When; null on error.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")
