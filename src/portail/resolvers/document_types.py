"""The kinds of supporting documents staff configure (CAF certificate, insurance, PAI…)."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import col, select

from portail.db.models import Document, DocumentType
from portail.db.models.catalogue import Activity
from portail.resolvers.catalogue_reading import forget_catalogue
from portail.resolvers.context import RequestContext
from portail.resolvers.errors import ErrorCode, UserErrors
from portail.resolvers.validation import Validator
from portail.rules.files import DEFAULT_MAX_BYTES, FORMATS, parse_formats

_CODE = re.compile(r"^[A-Z][A-Z0-9_]{1,39}$")
MAX_BYTES_CEILING = 10 * 1024 * 1024
MAX_VALIDITY_MONTHS = 120


@dataclass
class DocumentTypeChanges:
    """What staff set on a document type; None leaves a field as it is (on update)."""

    code: str | None = None
    label: str | None = None
    accepted_formats: list[str] | None = None
    max_bytes: int | None = None
    validity_months: int | None = None
    clear_validity: bool = False
    per_child: bool | None = None
    active: bool | None = None


async def document_types(ctx: RequestContext, *, include_inactive: bool) -> list[DocumentType]:
    """The types, by label; the inactive ones only when asked, and only to staff (a family asking
    gets the active ones, as if it had not)."""
    query = select(DocumentType)
    staff = ctx.viewer is not None and ctx.viewer.is_staff
    if not (include_inactive and staff):
        query = query.where(col(DocumentType.active).is_(True))
    return list((await ctx.session.exec(query.order_by(col(DocumentType.label), col(DocumentType.id)))).all())


def _validate(v: Validator, changes: DocumentTypeChanges, row: DocumentType) -> None:
    if changes.code is not None:
        code = changes.code.strip().upper()
        if not _CODE.match(code):
            v.add(
                "code",
                ErrorCode.INVALID,
                "Le code s'écrit en majuscules, chiffres et « _ » (2 à 40 caractères), ex. ATTESTATION_CAF.",
            )
        row.code = code
    if changes.label is not None:
        row.label = v.text("label", changes.label, max_length=100, required=True)
    if changes.accepted_formats is not None:
        formats = tuple(dict.fromkeys(changes.accepted_formats))
        if not formats or any(f not in FORMATS for f in formats):
            v.add("acceptedFormats", ErrorCode.INVALID, "Choisissez au moins un format : PDF, JPEG ou PNG.")
        row.accepted_formats = ",".join(formats)
    if changes.max_bytes is not None:
        if not 1024 <= changes.max_bytes <= MAX_BYTES_CEILING:
            v.add(
                "maxBytes",
                ErrorCode.INVALID,
                f"La taille maximale va de 1 Ko à {MAX_BYTES_CEILING // (1024 * 1024)} Mo.",
            )
        row.max_bytes = changes.max_bytes
    if changes.clear_validity:
        row.validity_months = None
    elif changes.validity_months is not None:
        if not 1 <= changes.validity_months <= MAX_VALIDITY_MONTHS:
            v.add(
                "validityMonths",
                ErrorCode.INVALID,
                f"La durée de validité va de 1 à {MAX_VALIDITY_MONTHS} mois.",
            )
        row.validity_months = changes.validity_months
    if changes.per_child is not None:
        row.per_child = changes.per_child
    if changes.active is not None:
        row.active = changes.active


async def _code_taken(ctx: RequestContext, code: str, other_than: uuid.UUID) -> bool:
    query = select(DocumentType.id).where(DocumentType.code == code, DocumentType.id != other_than)
    return (await ctx.session.exec(query)).first() is not None


async def _save(ctx: RequestContext, v: Validator, row: DocumentType) -> DocumentType:
    # The row holds the input, valid or not: flushing it before the refusal would send PostgreSQL a
    # label longer than its column (an error, not the field's TOO_LONG).
    with ctx.session.no_autoflush:
        taken = not v.has_error("code") and await _code_taken(ctx, row.code, row.id)
    if taken:
        v.add("code", ErrorCode.CODE_ALREADY_USED, "Un autre type de document porte déjà ce code.")
    v.raise_if_any()
    ctx.session.add(row)
    await ctx.session.flush()
    return row


async def create_document_type(ctx: RequestContext, changes: DocumentTypeChanges) -> DocumentType:
    """A new type; formats default to PDF, JPEG and PNG and the size limit to 10 MB."""
    row = DocumentType(code="", label="", max_bytes=DEFAULT_MAX_BYTES)
    v = Validator()
    if changes.code is None or not changes.code.strip():
        v.add("code", ErrorCode.REQUIRED, "Ce champ est obligatoire.")
        changes.code = None
    if changes.label is None:
        changes.label = ""
    _validate(v, changes, row)
    return await _save(ctx, v, row)


async def update_document_type(
    ctx: RequestContext, type_id: uuid.UUID | None, changes: DocumentTypeChanges
) -> DocumentType:
    """Change a type; documents already handed in keep their review."""
    row = await ctx.session.get(DocumentType, type_id, with_for_update=True) if type_id else None
    if row is None:
        raise UserErrors.one("id", ErrorCode.NOT_FOUND, "Ce type de document n'existe pas.")
    old_code, was_per_child, was_active = row.code, row.per_child, row.active
    # The new values sit on the row before they are checked: the look-ups below must not flush them
    # (an over-long label would reach its column: an error of the database, not a field error).
    with ctx.session.no_autoflush:
        v = Validator()
        _validate(v, changes, row)
        deactivated = was_active and not row.active
        requiring = await _activities_requiring(ctx, old_code) if deactivated or row.code != old_code else []
        if deactivated:
            pending = await _documents_of(ctx, row.id, state="pending")
            if requiring:
                message = f"{_required_by(requiring)} : retirez-le d'abord de leurs pièces."
                v.add("active", ErrorCode.IN_USE, message)
            if pending:
                v.add(
                    "active",
                    ErrorCode.IN_USE,
                    f"{_documents(pending)} de ce type {'attend' if pending == 1 else 'attendent'} encore "
                    f"l'examen : examinez-{'le' if pending == 1 else 'les'} d'abord.",
                )
        if row.per_child != was_per_child:
            handed_in = await _documents_of(ctx, row.id)
            if handed_in:
                v.add(
                    "perChild",
                    ErrorCode.IN_USE,
                    f"{_documents(handed_in)} de ce type {'est' if handed_in == 1 else 'sont'} déjà remis "
                    f"{'par enfant' if was_per_child else 'pour le foyer'} : créez plutôt un autre type.",
                )
    saved = await _save(ctx, v, row)
    if saved.code != old_code:
        # The activities name their required documents by code: the requirement follows the type.
        for activity in requiring:
            activity.required_documents = ",".join(
                saved.code if c == old_code else c for c in activity.required_documents.split(",")
            )
            ctx.session.add(activity)
        await ctx.session.flush()
        forget_catalogue(ctx)
    return saved


async def _activities_requiring(ctx: RequestContext, code: str) -> list[Activity]:
    """The activities that require documents of type ``code`` to enrol, locked (by name)."""
    rows = (
        await ctx.session.exec(
            select(Activity)
            .where(col(Activity.required_documents).contains(code))
            .order_by(col(Activity.name), col(Activity.id))
            .with_for_update()
        )
    ).all()
    return [a for a in rows if code in a.required_documents.split(",")]


async def _documents_of(ctx: RequestContext, type_id: uuid.UUID, state: str | None = None) -> int:
    query = select(func.count()).select_from(Document).where(Document.type_id == type_id)
    if state is not None:
        query = query.where(Document.state == state)
    return int((await ctx.session.exec(query)).one())


def _documents(count: int) -> str:
    return "1 justificatif" if count == 1 else f"{count} justificatifs"


def _required_by(activities: list[Activity]) -> str:
    names = ", ".join(f"« {a.name} »" for a in activities)
    if len(activities) == 1:
        return f"1 accueil exige ce justificatif ({names})"
    return f"{len(activities)} accueils exigent ce justificatif ({names})"


def formats_of(row: DocumentType) -> tuple[str, ...]:
    return parse_formats(row.accepted_formats)
