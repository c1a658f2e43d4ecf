"""Queries of the legal pages: anyone reads them, signed in or not."""

from __future__ import annotations

from typing import Annotated

import strawberry

from portail.resolvers import legal as use_cases
from portail.schema.context import Info
from portail.schema.enums import value_of
from portail.schema.legal.enums import LegalPageKind
from portail.schema.legal.types import LegalPage


@strawberry.type
class LegalQueries:
    @strawberry.field(
        description="A page the law requires, with its last update date (the footer's links to the three: "
        "`town { legalPages { kind footerLabel } }`). No sign-in needed."
    )
    async def legal_page(
        self,
        info: Info,
        kind: Annotated[LegalPageKind, strawberry.argument(description="Which page.")],
    ) -> LegalPage:
        return LegalPage.from_view(await use_cases.legal_page(info.context.app, value_of(kind)))
