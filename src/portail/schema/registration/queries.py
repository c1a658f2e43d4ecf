"""Queries of registration."""

from __future__ import annotations

import strawberry

from portail.resolvers import registration as use_cases
from portail.schema.context import Info
from portail.schema.pagination import AT, ID, After, Cursors, PageSize, page_size
from portail.schema.permissions import STAFF
from portail.schema.registration.types import AltchaChallenge, Registration, RegistrationConnection

_REGISTRATIONS = Cursors("waitingRegistrations", (AT, ID))


@strawberry.type
class RegistrationQueries:
    @strawberry.field(
        description='A new ALTCHA proof-of-work challenge for "Créer un compte" (no sign-in needed). Each '
        "solved challenge registers one family, before its `expiresAt`."
    )
    def altcha_challenge(self, info: Info) -> AltchaChallenge:
        return AltchaChallenge.of(use_cases.altcha_challenge(info.context.app))

    @strawberry.field(
        permission_classes=STAFF,
        description="Staff: households that registered themselves and wait for validation (their address "
        "confirmed), oldest first, each with the households that look like the same family.",
    )
    async def waiting_registrations(
        self, info: Info, first: PageSize = 20, after: After = None
    ) -> RegistrationConnection:
        key = _REGISTRATIONS.decode(after)
        limit = page_size(first)
        rows = await use_cases.waiting_registrations(info.context.app, limit + 1, key)
        return _REGISTRATIONS.connection(
            RegistrationConnection,
            rows[:limit],
            lambda r: (r.registered_at, r.household.id),
            Registration.of,
            len(rows) > limit,
        )
