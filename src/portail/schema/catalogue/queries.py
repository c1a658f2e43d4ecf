"""The catalogue's queries: staff read the regies, the whole catalogue and the enrolments waiting for a
decision; a family reads what a child is offered (``resolvers/offer.py`` builds it)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from portail.resolvers import catalogue as use_cases
from portail.resolvers import catalogue_reading as reading
from portail.resolvers import offer
from portail.resolvers.errors import UserErrors
from portail.schema.catalogue.enums import EnrolmentState
from portail.schema.catalogue.types import Enrolment, EnrolmentConnection, Facility, OfferedFacility, Regie
from portail.schema.context import Info
from portail.schema.enums import value_of
from portail.schema.errors import not_found
from portail.schema.ids import parse_id
from portail.schema.pagination import AT, ID, After, Cursors, PageSize, page_size
from portail.schema.permissions import FAMILY, STAFF

_PENDING_ENROLMENTS = Cursors("pendingEnrolments", (AT, ID))


@strawberry.type
class CatalogueQueries:
    @strawberry.field(permission_classes=STAFF, description="Staff: the regies, by name.")
    async def regies(self, info: Info) -> list[Regie]:
        return [Regie.from_row(r) for r in (await reading.load_catalogue(info.context.app)).regies]

    @strawberry.field(
        permission_classes=STAFF,
        description="Staff: the whole catalogue, facility > activity > period > units, with the calendars.",
    )
    async def facilities(self, info: Info) -> list[Facility]:
        catalogue = await reading.load_catalogue(info.context.app)
        return [Facility.of(catalogue, f.id) for f in catalogue.facilities]

    @strawberry.field(
        permission_classes=FAMILY,
        description="What a child may be enrolled in or book: facility > activity > period (not over yet), "
        "each with the child's enrolment, what is missing, and each unit's price for this family. An "
        "unknown `childId` (or another family's) is a `NOT_FOUND` error.",
    )
    async def catalogue(
        self, info: Info, child_id: Annotated[strawberry.ID, strawberry.argument(description="The child.")]
    ) -> list[OfferedFacility]:
        try:
            offered = await offer.child_offer(info.context.app, parse_id(child_id))
        except UserErrors as refused:
            # A query has no payload: the refusal is a top-level NOT_FOUND error.
            raise not_found("childId", refused.errors[0].message) from None
        return [OfferedFacility.from_view(f) for f in offered]

    @strawberry.field(
        permission_classes=STAFF,
        description="Staff: enrolments waiting for a decision (or, with `state`, in another state), oldest "
        "first, each with its group and, WAITING, its rank on its line.",
    )
    async def pending_enrolments(
        self,
        info: Info,
        first: PageSize = 50,
        after: After = None,
        state: Annotated[
            EnrolmentState,
            strawberry.argument(description="Which enrolments: PENDING (default), or WAITING the lines, …"),
        ] = EnrolmentState.PENDING,
    ) -> EnrolmentConnection:
        ctx = info.context.app
        key = _PENDING_ENROLMENTS.decode(after)
        limit = page_size(first)
        rows = await use_cases.enrolments(
            ctx, value_of(state).lower(), limit + 1, (key[0], key[1]) if key else None
        )
        views = await offer.enrolment_views(ctx, rows[:limit])
        return _PENDING_ENROLMENTS.connection(
            EnrolmentConnection,
            views,
            lambda v: (v.enrolment.created_at, v.enrolment.id),
            Enrolment.from_view,
            len(rows) > limit,
        )
