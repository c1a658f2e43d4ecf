"""GraphQL types, queries and mutations of documents: "Mes documents à éditer" (printable forms and
the fiche sanitaire), supporting documents handed in by families, and their review by staff.

Files travel in GraphQL multipart requests (the ``Upload`` scalar) and come back through signed,
short-lived links (``viewUrl``/``downloadUrl``) served by ``GET /files/{token}``.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Annotated, Any

import strawberry
from starlette.datastructures import UploadFile
from strawberry.file_uploads import Upload

from portail.resolvers import document_types as type_use_cases
from portail.resolvers import documents as use_cases
from portail.resolvers import printable_forms as form_use_cases
from portail.resolvers import uploads
from portail.resolvers.errors import UserErrors
from portail.resolvers.file_links import document_version, link_tokens
from portail.resolvers.rows import Child as ChildRow
from portail.resolvers.rows import DocumentType as DocumentTypeRow
from portail.rules import file_links
from portail.schema.context import Info
from portail.schema.documents.enums import DocumentState, FileFormat, PrintableFormKind
from portail.schema.errors import UserError, not_found
from portail.schema.ids import parse_id, to_id
from portail.schema.mutations import run_mutation
from portail.schema.pagination import AT, ID, After, Connection, PageSize, decode_cursor, edges, page_info
from portail.schema.partial import given, optional
from portail.schema.payloads import DonePayload
from portail.schema.permissions import FAMILY, SIGNED_IN, STAFF

# ---------------------------------------------------------------------------------------------
# Links


def _links(info: Info, kind: str, id_: uuid.UUID, version: str = "") -> tuple[str, str, datetime.datetime]:
    """View and download URLs on this server, and when they stop working."""
    ctx = info.context.app
    base = str(info.context.request.base_url).rstrip("/")
    view, download = link_tokens(ctx, kind, id_, version)
    expires = ctx.now() + datetime.timedelta(minutes=ctx.settings.file_link_minutes)
    return f"{base}/files/{view}", f"{base}/files/{download}", expires


def _child_name(child: ChildRow | None) -> str | None:
    return f"{child.first_name} {child.last_name}".strip() if child else None


# ---------------------------------------------------------------------------------------------
# Types


@strawberry.type(name="DocumentType", description="A kind of supporting document the town asks for.")
class DocumentKind:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    code: str = strawberry.field(description='Stable code, e.g. "ATTESTATION_CAF".')
    label: str = strawberry.field(description='What families read, e.g. "Attestation CAF".')
    accepted_formats: list[FileFormat] = strawberry.field(description="The formats accepted.")
    max_bytes: int = strawberry.field(description="The largest file accepted, in bytes.")
    validity_months: int | None = strawberry.field(
        description="How many months an accepted document holds (null: it does not expire)."
    )
    per_child: bool = strawberry.field(
        description="Whether each document concerns one child (`childId` required) or the household."
    )
    active: bool = strawberry.field(description="Whether families may hand it in (inactive: staff only).")

    @classmethod
    def from_row(cls, row: DocumentTypeRow) -> DocumentKind:
        return cls(
            id=to_id(row.id),
            code=row.code,
            label=row.label,
            accepted_formats=[FileFormat(f) for f in type_use_cases.formats_of(row)],
            max_bytes=row.max_bytes,
            validity_months=row.validity_months,
            per_child=row.per_child,
            active=row.active,
        )


@strawberry.type(description='A supporting document a family handed in ("pièce justificative").')
class Document:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    type: DocumentKind = strawberry.field(description="What kind of document it is.")
    state: DocumentState = strawberry.field(description="Where its review stands.")
    reason: str = strawberry.field(description="Staff's reason (always given on rejection), or empty.")
    valid_until: datetime.date | None = strawberry.field(
        description="Last day an accepted document holds (null: not accepted, or no expiry)."
    )
    file_name: str = strawberry.field(description="The file's name as the family sent it.")
    format: FileFormat = strawberry.field(description="The format found in the file's content.")
    size: int = strawberry.field(description="Size in bytes.")
    uploaded_at: datetime.datetime = strawberry.field(description="When the current file was handed in.")
    reviewed_at: datetime.datetime | None = strawberry.field(description="When staff reviewed it.")
    child_id: strawberry.ID | None = strawberry.field(
        description="The child it concerns (null: the household)."
    )
    child_name: str | None = strawberry.field(description='The child\'s "first name LAST NAME", or null.')
    household_name: str | None = strawberry.field(
        description="The household's name (in staff lists; null in a family's own list)."
    )
    view_url: str = strawberry.field(
        description='"Œil": a link showing the file in the browser (10 minutes).'
    )
    download_url: str = strawberry.field(description='"Flèche": a link downloading the file (10 minutes).')
    links_expire_at: datetime.datetime = strawberry.field(description="When `viewUrl`/`downloadUrl` expire.")

    @classmethod
    def from_view(cls, info: Info, view: use_cases.DocumentView) -> Document:
        row = view.row
        view_url, download_url, expires = _links(info, file_links.DOCUMENT, row.id, document_version(row))
        return cls(
            id=to_id(row.id),
            type=DocumentKind.from_row(view.type),
            state=DocumentState(row.state),
            reason=row.reason,
            valid_until=row.valid_until,
            file_name=row.filename,
            format=FileFormat(row.content_type),
            size=row.size,
            uploaded_at=row.uploaded_at,
            reviewed_at=row.reviewed_at,
            child_id=to_id(row.child_id) if row.child_id else None,
            child_name=_child_name(view.child),
            household_name=view.household.name if view.household else None,
            view_url=view_url,
            download_url=download_url,
            links_expire_at=expires,
        )


@strawberry.type(
    description='A line of "Mes documents à éditer": a form to view ("Œil") or download ("Flèche").'
)
class PrintableForm:
    id: strawberry.ID = strawberry.field(
        description="The published form's id; for a fiche sanitaire, the child's id (see `kind`)."
    )
    kind: PrintableFormKind = strawberry.field(description="A child's fiche sanitaire or a published form.")
    title: str = strawberry.field(description="What the line shows.")
    description: str = strawberry.field(description="A word on what the form is for, or empty.")
    file_name: str = strawberry.field(description="The name the downloaded file gets.")
    format: FileFormat = strawberry.field(description="The file's format.")
    child_id: strawberry.ID | None = strawberry.field(
        description="The child of a fiche sanitaire, else null."
    )
    child_name: str | None = strawberry.field(
        description="The child's name for a fiche sanitaire, else null."
    )
    published_at: datetime.datetime | None = strawberry.field(
        description="When staff published the form (null for a fiche sanitaire, made on the fly)."
    )
    view_url: str = strawberry.field(
        description='"Œil": a link showing the file in the browser (10 minutes).'
    )
    download_url: str = strawberry.field(description='"Flèche": a link downloading the file (10 minutes).')
    links_expire_at: datetime.datetime = strawberry.field(description="When `viewUrl`/`downloadUrl` expire.")

    @classmethod
    def from_view(cls, info: Info, view: form_use_cases.FormView) -> PrintableForm:
        kind = file_links.HEALTH_FORM if view.kind == form_use_cases.HEALTH_FORM else file_links.TOWN_FORM
        view_url, download_url, expires = _links(info, kind, view.id)
        return cls(
            id=to_id(view.id),
            kind=PrintableFormKind(view.kind),
            title=view.title,
            description=view.description,
            file_name=view.filename,
            format=FileFormat(view.content_type),
            child_id=to_id(view.child.id) if view.child else None,
            child_name=_child_name(view.child),
            published_at=view.created_at,
            view_url=view_url,
            download_url=download_url,
            links_expire_at=expires,
        )


@strawberry.type(description="A page of documents awaiting review, oldest first.")
class DocumentConnection(Connection[Document]):
    total_count: int = strawberry.field(description="How many documents await review in all.")


# ---------------------------------------------------------------------------------------------
# Payloads and inputs


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


@strawberry.input(description="A new kind of supporting document.")
class CreateDocumentTypeInput:
    code: str = strawberry.field(description='Stable code: capitals, digits and "_", e.g. "ATTESTATION_CAF".')
    label: str = strawberry.field(description='What families read, e.g. "Attestation CAF".')
    accepted_formats: list[FileFormat] | None = strawberry.field(
        default=None, description="Formats accepted (default: PDF, JPEG and PNG)."
    )
    max_bytes: int | None = strawberry.field(
        default=None, description="Largest file accepted, in bytes (default and maximum: 10 MB)."
    )
    validity_months: int | None = strawberry.field(
        default=None, description="Months an accepted document holds (null: no expiry)."
    )
    per_child: bool = strawberry.field(default=False, description="Whether each document concerns one child.")


@strawberry.input(
    description="Changes to a kind of supporting document: omitted fields stay as they are; null clears "
    "`validityMonths` (no expiry) and is refused elsewhere."
)
class UpdateDocumentTypeInput:
    code: str | None = optional("Stable code.")
    label: str | None = optional("What families read.")
    accepted_formats: list[FileFormat] | None = optional("Formats accepted.")
    max_bytes: int | None = optional("Largest file accepted, in bytes.")
    validity_months: int | None = optional("Months an accepted document holds; null: no expiry.")
    per_child: bool | None = optional("Whether each concerns one child.")
    active: bool | None = optional("False hides the type from families (documents already in stay).")


# ---------------------------------------------------------------------------------------------
# Helpers


async def _incoming(file: Upload) -> uploads.IncomingFile:
    """The uploaded part as the use cases take it (bounded by the request size limit)."""
    if isinstance(file, UploadFile):
        return uploads.IncomingFile(filename=file.filename or "", data=await file.read())
    # Not a file part (e.g. a string in a JSON request): refused as a file without name or content.
    return uploads.IncomingFile(filename="", data=b"")


def _type_changes(input: CreateDocumentTypeInput) -> type_use_cases.DocumentTypeChanges:
    validity = input.validity_months
    unset = validity is strawberry.UNSET
    formats = input.accepted_formats
    return type_use_cases.DocumentTypeChanges(
        code=input.code,
        label=input.label,
        accepted_formats=[f.value for f in formats] if formats is not None else None,
        max_bytes=input.max_bytes,
        validity_months=None if unset else validity,
        clear_validity=not unset and validity is None,
        per_child=input.per_child,
        active=None,
    )


def _type_update(input: UpdateDocumentTypeInput) -> type_use_cases.DocumentTypeChanges:
    """The changes ``input`` gives (an explicit null refused, but on ``validityMonths``)."""
    values = given(input, frozenset({"validity_months"}))
    formats = values.get("accepted_formats")
    return type_use_cases.DocumentTypeChanges(
        code=values.get("code"),
        label=values.get("label"),
        accepted_formats=[f.value for f in formats] if formats is not None else None,
        max_bytes=values.get("max_bytes"),
        validity_months=values.get("validity_months"),
        clear_validity="validity_months" in values and values["validity_months"] is None,
        per_child=values.get("per_child"),
        active=values.get("active"),
    )


# ---------------------------------------------------------------------------------------------
# Queries


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
        viewer = info.context.app.viewer
        rows = await type_use_cases.document_types(
            info.context.app, include_inactive=include_inactive and viewer is not None and viewer.is_staff
        )
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
        key = decode_cursor(after, "documentsToReview", (AT, ID))
        page = await use_cases.documents_to_review(info.context.app, first=first, after=key)  # type: ignore[arg-type]
        items = edges(
            "documentsToReview",
            page.items,
            lambda v: (v.row.uploaded_at, v.row.id),
            lambda v: Document.from_view(info, v),
        )
        return DocumentConnection(
            edges=items, page_info=page_info(items, page.has_next), total_count=page.total
        )


# ---------------------------------------------------------------------------------------------
# Mutations


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
        incoming = await _incoming(file)
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
        incoming = await _incoming(file)
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
        changes = _type_changes(input)
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
            return await type_use_cases.update_document_type(ctx, parse_id(id), _type_update(input))

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
        incoming = await _incoming(file)
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
