"""Payloads and mutations of documents."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from strawberry.file_uploads import Upload

from portail.resolvers import document_types as type_use_cases
from portail.resolvers import documents as use_cases
from portail.resolvers import printable_forms as form_use_cases
from portail.resolvers import uploads
from portail.schema.context import Info
from portail.schema.documents.inputs import (
    CreateDocumentTypeInput,
    UpdateDocumentTypeInput,
    incoming_file,
    type_changes,
    type_update,
)
from portail.schema.documents.types import Document, DocumentKind, PrintableForm
from portail.schema.errors import UserError
from portail.schema.ids import parse_id
from portail.schema.mutations import run_mutation
from portail.schema.payloads import DonePayload
from portail.schema.permissions import FAMILY, STAFF


@strawberry.type(description="Result of `uploadDocument`, `replaceDocument` and `reviewDocument`.")
class DocumentPayload:
    document: Document | None = strawberry.field(description="The document as it now is; null on error.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type(description="Result of `createDocumentType` and `updateDocumentType`.")
class DocumentTypePayload:
    document_type: DocumentKind | None = strawberry.field(description="The type as it now is; null on error.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type(description="Result of `publishPrintableForm` and `archivePrintableForm`.")
class PrintableFormPayload:
    printable_form: PrintableForm | None = strawberry.field(description="The form; null on error.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type
class DocumentMutations:
    @strawberry.mutation(
        permission_classes=FAMILY,
        description="Hand in a supporting document (GraphQL multipart request: send the header "
        "`X-Portail-CSRF: 1`; the `Origin` header is required). Its format is read from the content "
        "(an executable renamed `.pdf` is refused), its size checked against the type's limit. It "
        "awaits staff review.",
    )
    async def upload_document(
        self,
        info: Info,
        file: Annotated[Upload, strawberry.argument(description="The file (PDF, JPEG or PNG per the type).")],
        type_id: Annotated[strawberry.ID, strawberry.argument(description="The document type.")],
        child_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(description="The child it concerns (required for per-child types)."),
        ] = None,
    ) -> DocumentPayload:
        incoming = await incoming_file(file)
        ctx = info.context.app
        view, errors = await run_mutation(
            info,
            lambda: use_cases.upload_document(
                ctx, incoming, parse_id(type_id), parse_id(child_id), child_given=child_id is not None
            ),
        )
        return DocumentPayload(document=Document.from_view(info, view) if view else None, errors=errors)

    @strawberry.mutation(
        permission_classes=FAMILY,
        description="Put a new file in place of a document still awaiting review (multipart request).",
    )
    async def replace_document(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The document.")],
        file: Annotated[Upload, strawberry.argument(description="The new file.")],
    ) -> DocumentPayload:
        incoming = await incoming_file(file)
        ctx = info.context.app
        result, errors = await run_mutation(
            info, lambda: use_cases.replace_document(ctx, parse_id(id), incoming)
        )
        if result is None:
            return DocumentPayload(document=None, errors=errors)
        view, old_key = result
        await uploads.discard(ctx, old_key)
        return DocumentPayload(document=Document.from_view(info, view), errors=[])

    @strawberry.mutation(
        permission_classes=FAMILY,
        description="Withdraw a document still awaiting review.",
    )
    async def delete_document(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The document.")],
    ) -> DonePayload:
        ctx = info.context.app
        key, errors = await run_mutation(info, lambda: use_cases.delete_document(ctx, parse_id(id)))
        if key is not None:
            await uploads.discard(ctx, key)
        return DonePayload(ok=not errors, errors=errors)

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: accept a document (it holds for its type's validity) or reject it with a "
        "reason. The family is mailed either way.",
    )
    async def review_document(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The document.")],
        accept: Annotated[bool, strawberry.argument(description="True to accept, false to reject.")],
        reason: Annotated[
            str | None,
            strawberry.argument(description="Why (required to reject; shown to the family, 500 characters)."),
        ] = None,
    ) -> DocumentPayload:
        ctx = info.context.app
        view, errors = await run_mutation(
            info, lambda: use_cases.review_document(ctx, parse_id(id), accept=accept, reason=reason)
        )
        return DocumentPayload(document=Document.from_view(info, view) if view else None, errors=errors)

    @strawberry.mutation(permission_classes=STAFF, description="Staff: add a kind of supporting document.")
    async def create_document_type(
        self,
        info: Info,
        input: Annotated[CreateDocumentTypeInput, strawberry.argument(description="The new type.")],
    ) -> DocumentTypePayload:
        ctx = info.context.app
        changes = type_changes(input)
        row, errors = await run_mutation(info, lambda: type_use_cases.create_document_type(ctx, changes))
        return DocumentTypePayload(document_type=DocumentKind.from_row(row) if row else None, errors=errors)

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: change a kind of supporting document. A new `code` is carried into the "
        "activities that require the type. Refused with `IN_USE`: `active: false` while activities "
        "require the type or documents of it await review (the message says how many), and a change of "
        "`perChild` once documents of the type were handed in.",
    )
    async def update_document_type(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The type.")],
        input: Annotated[UpdateDocumentTypeInput, strawberry.argument(description="The fields to change.")],
    ) -> DocumentTypePayload:
        ctx = info.context.app

        async def update() -> Any:
            return await type_use_cases.update_document_type(ctx, parse_id(id), type_update(input))

        row, errors = await run_mutation(info, update)
        return DocumentTypePayload(document_type=DocumentKind.from_row(row) if row else None, errors=errors)

    @strawberry.mutation(
        permission_classes=STAFF,
        description='Staff: publish a form in every family\'s "Mes documents à éditer" (multipart request; '
        "PDF, JPEG or PNG up to 10 MB).",
    )
    async def publish_printable_form(
        self,
        info: Info,
        file: Annotated[Upload, strawberry.argument(description="The form's file.")],
        title: Annotated[str, strawberry.argument(description="What the line shows (200 characters).")],
        description: Annotated[
            str, strawberry.argument(description="A word on what it is for (1000 characters).")
        ] = "",
    ) -> PrintableFormPayload:
        incoming = await incoming_file(file)
        ctx = info.context.app
        view, errors = await run_mutation(
            info, lambda: form_use_cases.publish_form(ctx, incoming, title, description)
        )
        return PrintableFormPayload(
            printable_form=PrintableForm.from_view(info, view) if view else None, errors=errors
        )

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: withdraw a published form; families no longer see it and its links stop working.",
    )
    async def archive_printable_form(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The published form.")],
    ) -> PrintableFormPayload:
        ctx = info.context.app
        view, errors = await run_mutation(info, lambda: form_use_cases.archive_form(ctx, parse_id(id)))
        return PrintableFormPayload(
            printable_form=PrintableForm.from_view(info, view) if view else None, errors=errors
        )
