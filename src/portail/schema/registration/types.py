"""Output types of registration: the ALTCHA challenge, a waiting registration."""

from __future__ import annotations

import datetime

import strawberry

from portail.resolvers import registration as use_cases
from portail.schema.households.types import Household
from portail.schema.ids import to_id
from portail.schema.pagination import Connection


@strawberry.type(
    description="An ALTCHA proof-of-work challenge, as the ALTCHA widget reads it from its `challengeurl` "
    "(the same fields, `maxnumber` in lower case): find the number `n` from 0 to `maxnumber` such that "
    "SHA-256(`salt` + `n`) is `challenge` in hex. The widget then hands over its payload (base64 JSON of "
    "`algorithm`, `challenge`, `number`, `salt`, `signature`), which `registerFamily` takes as `altcha`. "
    "Self-hosted: no third party is called, nothing tracks the visitor."
)
class AltchaChallenge:
    algorithm: str = strawberry.field(description='The hash, "SHA-256".')
    challenge: str = strawberry.field(description="The hash to find, in hex.")
    salt: str = strawberry.field(
        description="What the number is appended to; it carries the expiry (`expires=` Unix seconds)."
    )
    signature: str = strawberry.field(description="The server's signature of the challenge (HMAC-SHA-256).")
    maxnumber: int = strawberry.field(description="The largest number to try (the difficulty).")
    expires_at: datetime.datetime = strawberry.field(
        description="When the challenge expires: solve and submit before (a new one is free)."
    )

    @classmethod
    def of(cls, view: use_cases.AltchaChallengeView) -> AltchaChallenge:
        return cls(
            algorithm=view.algorithm,
            challenge=view.challenge,
            salt=view.salt,
            signature=view.signature,
            maxnumber=view.max_number,
            expires_at=view.expires_at,
        )


@strawberry.type(
    description='A household that registered itself and waits for staff ("en attente de validation"), with '
    "the households the town knows that look like the same family."
)
class Registration:
    id: strawberry.ID = strawberry.field(
        description="The waiting household's id (`approveRegistration`, `mergeRegistration`)."
    )
    household: Household = strawberry.field(description="The waiting household, as the family filled it in.")
    email: str = strawberry.field(description="The address the family registered (confirmed).")
    registered_at: datetime.datetime = strawberry.field(description="When the family registered.")
    look_alikes: list[Household] = strawberry.field(
        description="Households the town knows that may be this family, by name: a name in common (the "
        "household's, or a guardian's last name; case, accents and hyphens aside) and, when the family "
        "gave its children's birth dates, a child born on one of those days. Empty: a new family. Staff "
        "check by eye before merging."
    )

    @classmethod
    def of(cls, view: use_cases.WaitingRegistration) -> Registration:
        return cls(
            id=to_id(view.household.id),
            household=Household.from_row(view.household),
            email=view.email,
            registered_at=view.registered_at,
            look_alikes=[Household.from_row(h) for h in view.look_alikes],
        )


@strawberry.type(description="A page of waiting registrations, oldest first.")
class RegistrationConnection(Connection[Registration]):
    pass
