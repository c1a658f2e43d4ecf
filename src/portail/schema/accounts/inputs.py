"""Input types of accounts, and their conversion into the use cases' plain data."""

from __future__ import annotations

import datetime

import strawberry

from portail.resolvers import accounts as use_cases
from portail.schema.partial import given, optional


@strawberry.input(description="A family account as staff open it.")
class OpenFamilyAccountInput:
    email: str = strawberry.field(description="The guardian's e-mail address: it becomes the sign-in.")
    household_name: str = strawberry.field(description='The household\'s name, e.g. "TEST".')
    first_name: str = strawberry.field(description="The guardian's first name.")
    last_name: str = strawberry.field(description="The guardian's last name.")
    civility: str = strawberry.field(default="", description='"M." or "Mme" (optional).')


@strawberry.input(
    description='Changes to "Mon profil": omitted fields stay as they are; null clears a field that may '
    "be empty and is refused on `email`, `firstName` and `lastName`."
)
class UpdateProfileInput:
    email: str | None = optional(
        "A new sign-in address: it takes effect once confirmed from the mail sent to it. "
        "The answer never tells whether another account already uses it: such an address is answered "
        "the same (it shows in `pendingEmail`), its owner is mailed instead, and it can never be confirmed."
    )
    civility: str | None = optional('"M.", "Mme" or empty.')
    first_name: str | None = optional("First name (required).")
    last_name: str | None = optional("Last name (required).")
    birth_date: datetime.date | None = optional("Birth date, not in the future; null clears it.")
    mobile_phone: str | None = optional("Mobile phone; empty or null clears it.")
    home_phone: str | None = optional("Home phone; empty or null clears it.")
    profession: str | None = optional("Profession.")
    employer: str | None = optional("Employer.")
    work_phone: str | None = optional("Work phone; empty or null clears it.")


# The profile's fields an explicit null clears (to empty, or no birth date); it is refused on the others.
CLEARABLE = frozenset(
    {"civility", "birth_date", "mobile_phone", "home_phone", "profession", "employer", "work_phone"}
)


def profile_changes(input: UpdateProfileInput) -> use_cases.ProfileChanges:
    values = given(input, CLEARABLE)
    text = {k: ("" if v is None else v) for k, v in values.items() if k != "birth_date"}
    return use_cases.ProfileChanges(
        email=text.get("email"),
        civility=text.get("civility"),
        first_name=text.get("first_name"),
        last_name=text.get("last_name"),
        birth_date=values.get("birth_date"),
        clear_birth_date="birth_date" in values and values["birth_date"] is None,
        mobile_phone=text.get("mobile_phone"),
        home_phone=text.get("home_phone"),
        profession=text.get("profession"),
        employer=text.get("employer"),
        work_phone=text.get("work_phone"),
    )


def open_family_account(input: OpenFamilyAccountInput) -> use_cases.OpenFamilyAccount:
    return use_cases.OpenFamilyAccount(
        email=input.email,
        household_name=input.household_name,
        first_name=input.first_name,
        last_name=input.last_name,
        civility=input.civility,
    )
