"""Output types of documents, and their mappers from the use cases' views."""

from __future__ import annotations

import datetime

import strawberry

from portail.resolvers import document_types as type_use_cases
from portail.resolvers import documents as use_cases
from portail.resolvers import printable_forms as form_use_cases
from portail.resolvers.file_links import document_links, form_links
from portail.resolvers.households import child_name
from portail.resolvers.rows import DocumentType as DocumentTypeRow
from portail.schema.context import Info
from portail.schema.documents.enums import DocumentState, FileFormat, PrintableFormKind
from portail.schema.ids import to_id
from portail.schema.pagination import Connection


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
        links = document_links(info.context.app, str(info.context.request.base_url), row)
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
            child_name=child_name(view.child),
            household_name=view.household.name if view.household else None,
            view_url=links.view_url,
            download_url=links.download_url,
            links_expire_at=links.expires_at,
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
        links = form_links(info.context.app, str(info.context.request.base_url), view)
        return cls(
            id=to_id(view.id),
            kind=PrintableFormKind(view.kind),
            title=view.title,
            description=view.description,
            file_name=view.filename,
            format=FileFormat(view.content_type),
            child_id=to_id(view.child.id) if view.child else None,
            child_name=child_name(view.child),
            published_at=view.created_at,
            view_url=links.view_url,
            download_url=links.download_url,
            links_expire_at=links.expires_at,
        )


@strawberry.type(description="A page of documents awaiting review, oldest first.")
class DocumentConnection(Connection[Document]):
    total_count: int = strawberry.field(description="How many documents await review in all.")
