"""Payloads and mutations of the legal pages: staff only, each change audited."""

from __future__ import annotations

from typing import Annotated

import strawberry

from portail.resolvers import legal as use_cases
from portail.rules.legal import ACCESSIBILITY
from portail.schema.context import Info
from portail.schema.enums import value_of
from portail.schema.errors import UserError
from portail.schema.legal.enums import LegalPageKind
from portail.schema.legal.inputs import (
    UpdateAccessibilityStatementInput,
    UpdateLegalPageInput,
    page_changes,
    statement_changes,
)
from portail.schema.legal.types import LegalPage
from portail.schema.mutations import run_mutation
from portail.schema.permissions import STAFF


@strawberry.type(description="Result of `updateLegalPage` and `updateAccessibilityStatement`.")
class LegalPagePayload:
    legal_page: LegalPage | None = strawberry.field(description="The page as it now is; null on error.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type
class LegalMutations:
    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: write a legal page's text (partial: omitted fields stay). It shows at once in "
        "`legalPage`; its `updatedAt` moves when the text changed, and every change is audited (before, "
        "after, who). The accessibility statement's audit facts: `updateAccessibilityStatement`.",
    )
    async def update_legal_page(
        self,
        info: Info,
        kind: Annotated[LegalPageKind, strawberry.argument(description="Which page.")],
        input: Annotated[UpdateLegalPageInput, strawberry.argument(description="The changes.")],
    ) -> LegalPagePayload:
        ctx = info.context.app

        async def update() -> use_cases.LegalPageView:
            return await use_cases.save_page(ctx, value_of(kind), page_changes(input))

        view, errors = await run_mutation(info, update)
        return LegalPagePayload(legal_page=LegalPage.from_view(view) if view else None, errors=errors)

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: write the accessibility statement, its text and its audit's facts (partial: "
        "omitted fields stay). The status follows from the rate (`AccessibilityStatus`); every change is "
        "audited.",
    )
    async def update_accessibility_statement(
        self,
        info: Info,
        input: Annotated[UpdateAccessibilityStatementInput, strawberry.argument(description="The changes.")],
    ) -> LegalPagePayload:
        ctx = info.context.app

        async def update() -> use_cases.LegalPageView:
            return await use_cases.save_page(ctx, ACCESSIBILITY, statement_changes(input))

        view, errors = await run_mutation(info, update)
        return LegalPagePayload(legal_page=LegalPage.from_view(view) if view else None, errors=errors)
