"""Input types of registration, and their conversion into the use cases' plain data."""

from __future__ import annotations

import datetime

import strawberry

from portail.resolvers import registration as use_cases


@strawberry.input(
    description="A child the family names at registration, for the town to recognise the family."
)
class RegisteredChildInput:
    first_name: str = strawberry.field(description="First name.")
    birth_date: datetime.date = strawberry.field(description="Birth date (not in the future).")
    last_name: str = strawberry.field(default="", description="Last name; empty: the guardian's.")


@strawberry.input(description='"Créer un compte": what a family types to register itself.')
class RegisterFamilyInput:
    email: str = strawberry.field(description="The guardian's e-mail address: it becomes the sign-in.")
    password: str = strawberry.field(
        description="The password chosen (10 characters or more, not the address or the names, not a "
        "common one: the `PASSWORD_*` codes say why one is refused)."
    )
    first_name: str = strawberry.field(description="The guardian's first name.")
    last_name: str = strawberry.field(description="The guardian's last name.")
    household_name: str = strawberry.field(description='The household\'s name, e.g. "DURAND".')
    accepted_terms_version: int = strawberry.field(
        description="The version of the terms of use the family read and accepted "
        "(`town.termsOfUse.version`)."
    )
    altcha: str = strawberry.field(
        description="The ALTCHA widget's payload for a challenge of `altchaChallenge` (base64 JSON)."
    )
    civility: str = strawberry.field(default="", description='"M." or "Mme" (optional).')
    children: list[RegisteredChildInput] = strawberry.field(
        default_factory=list,
        description='The children, up to 10 (optional: they can be added later in "Mes enfants"); their '
        "birth dates help the town recognise a family it already knows.",
    )


def registration(input: RegisterFamilyInput) -> use_cases.Registration:
    return use_cases.Registration(
        email=input.email,
        password=input.password,
        first_name=input.first_name,
        last_name=input.last_name,
        household_name=input.household_name,
        accepted_terms_version=input.accepted_terms_version,
        altcha=input.altcha,
        civility=input.civility,
        children=[
            use_cases.RegisteredChild(first_name=c.first_name, birth_date=c.birth_date, last_name=c.last_name)
            for c in input.children
        ],
    )
