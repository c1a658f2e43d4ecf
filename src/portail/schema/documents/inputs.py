"""Input types of documents, and their conversion into the use cases' plain data (uploaded files
included)."""

from __future__ import annotations

import strawberry
from starlette.datastructures import UploadFile
from strawberry.file_uploads import Upload

from portail.resolvers import document_types as type_use_cases
from portail.resolvers import uploads
from portail.schema.documents.enums import FileFormat
from portail.schema.enums import value_of
from portail.schema.partial import given, optional


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


async def incoming_file(file: Upload) -> uploads.IncomingFile:
    """The uploaded part as the use cases take it (bounded by the request size limit)."""
    if isinstance(file, UploadFile):
        return uploads.IncomingFile(filename=file.filename or "", data=await file.read())
    # Not a file part (e.g. a string in a JSON request): refused as a file without name or content.
    return uploads.IncomingFile(filename="", data=b"")


def type_changes(input: CreateDocumentTypeInput) -> type_use_cases.DocumentTypeChanges:
    validity = input.validity_months
    unset = validity is strawberry.UNSET
    formats = input.accepted_formats
    return type_use_cases.DocumentTypeChanges(
        code=input.code,
        label=input.label,
        accepted_formats=[value_of(f) for f in formats] if formats is not None else None,
        max_bytes=input.max_bytes,
        validity_months=None if unset else validity,
        clear_validity=not unset and validity is None,
        per_child=input.per_child,
        active=None,
    )


def type_update(input: UpdateDocumentTypeInput) -> type_use_cases.DocumentTypeChanges:
    """The changes ``input`` gives (an explicit null refused, but on ``validityMonths``)."""
    values = given(input, frozenset({"validity_months"}))
    formats = values.get("accepted_formats")
    return type_use_cases.DocumentTypeChanges(
        code=values.get("code"),
        label=values.get("label"),
        accepted_formats=[value_of(f) for f in formats] if formats is not None else None,
        max_bytes=values.get("max_bytes"),
        validity_months=values.get("validity_months"),
        clear_validity="validity_months" in values and values["validity_months"] is None,
        per_child=values.get("per_child"),
        active=values.get("active"),
    )
