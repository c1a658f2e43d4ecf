"""Queries of the health form."""

from __future__ import annotations

from typing import Annotated

import strawberry

from portail.resolvers import health
from portail.schema.context import Info
from portail.schema.enums import value_of
from portail.schema.health.types import HealthListEntry, HealthListKind


@strawberry.type
class HealthQueries:
    @strawberry.field(
        description="The town's list of illnesses, diets or vaccines the health form picks from, in list "
        "order (all three when `kind` is left out). No sign-in needed: the lists name no one.",
    )
    async def health_list(
        self,
        info: Info,
        kind: Annotated[
            HealthListKind | None, strawberry.argument(description="Which list; null: all.")
        ] = None,
        include_retired: Annotated[
            bool, strawberry.argument(description="Staff: retired entries too (ignored for families).")
        ] = False,
    ) -> list[HealthListEntry]:
        rows = await health.town_list(
            info.context.app, value_of(kind) if kind else None, include_retired=include_retired
        )
        return [HealthListEntry.from_row(r) for r in rows]
