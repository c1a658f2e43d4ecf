"""Queries of documents."""

from __future__ import annotations

from typing import Annotated

import strawberry

from portail.resolvers import document_types as type_use_cases
from portail.resolvers import documents as use_cases
from portail.resolvers import printable_forms as form_use_cases
from portail.resolvers.errors import UserErrors
from portail.schema.context import Info
from portail.schema.documents.types import Document, DocumentConnection, DocumentKind, PrintableForm
from portail.schema.errors import not_found
from portail.schema.ids import parse_id
from portail.schema.pagination import AT, ID, After, Cursors, PageSize
from portail.schema.permissions import FAMILY, SIGNED_IN, STAFF

_TO_REVIEW = Cursors("documentsToReview", (AT, ID))


@strawberry.type
class DocumentQueries:
    @strawberry.field(
        permission_classes=SIGNED_IN,
        description='"Mes documents à éditer": for a family, each child\'s fiche sanitaire then the '
        "forms staff published; for staff, the published forms. Links last 10 minutes: ask again "
        "for fresh ones.",
    )
    async def printable_forms(self, info: Info) -> list[PrintableForm]:
        views = await form_use_cases.printable_forms(info.context.app)
        return [PrintableForm.from_view(info, v) for v in views]

    @strawberry.field(
        permission_classes=FAMILY,
        description="The household's supporting documents, newest first, with their review. An unknown "
        "`childId` (or another family's) is a `NOT_FOUND` error.",
    )
    async def documents(
        self,
        info: Info,
        child_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only this child's documents.")
        ] = None,
    ) -> list[Document]:
        try:
            views = await use_cases.family_documents(
                info.context.app, parse_id(child_id), filtered=child_id is not None
            )
        except UserErrors as refused:
            raise not_found("childId", refused.errors[0].message) from None
        return [Document.from_view(info, v) for v in views]

    @strawberry.field(
        permission_classes=SIGNED_IN,
        description="The kinds of supporting documents the town asks for, by label (what `uploadDocument` "
        "takes as `typeId`).",
    )
    async def document_types(
        self,
        info: Info,
        include_inactive: Annotated[
            bool, strawberry.argument(description="Staff: include the inactive types too.")
        ] = False,
    ) -> list[DocumentKind]:
        rows = await type_use_cases.document_types(info.context.app, include_inactive=include_inactive)
        return [DocumentKind.from_row(r) for r in rows]

    @strawberry.field(
        permission_classes=STAFF,
        description="Staff: documents awaiting review, oldest first, a page at a time.",
    )
    async def documents_to_review(
        self,
        info: Info,
        first: PageSize = 20,
        after: After = None,
    ) -> DocumentConnection:
        key = _TO_REVIEW.decode(after)
        page = await use_cases.documents_to_review(info.context.app, first=first, after=key)
        return _TO_REVIEW.connection(
            DocumentConnection,
            page.items,
            lambda v: (v.row.uploaded_at, v.row.id),
            lambda v: Document.from_view(info, v),
            page.has_next,
            total_count=page.total,
        )
