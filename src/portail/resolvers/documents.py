"""Supporting documents: families hand them in, replace or delete them while pending; staff review.

Ownership is checked here: another household's document or child answers exactly like an id
that does not exist.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, func, select

from portail.db.models import (
    Account,
    Child,
    ChildInsurance,
    Document,
    DocumentType,
    Guardian,
    Household,
    HouseholdChild,
)
from portail.resolvers.context import RequestContext
from portail.resolvers.errors import ErrorCode, UserErrors
from portail.resolvers.households import viewer_household_id
from portail.resolvers.mail import client_link, send_mail
from portail.resolvers.uploads import CheckedFile, IncomingFile, check_file, store
from portail.resolvers.validation import Validator
from portail.rules.files import DEFAULT_MAX_BYTES, FORMATS, parse_formats
from portail.rules.validity import town_date, valid_until

PENDING, ACCEPTED, REJECTED = "pending", "accepted", "rejected"
# The family client's page of documents, opened from the review mails (see the README).
DOCUMENTS_PATH = "/mes-documents"
REASON_MAX = 500

NO_DOCUMENT = "Ce document n'existe pas."
NO_CHILD = "Cet enfant n'existe pas."
NO_TYPE = "Ce type de document n'existe pas."


@dataclass(frozen=True)
class DocumentView:
    """A document with what a list shows beside it (loaded in batches)."""

    row: Document
    type: DocumentType
    child: Child | None
    household: Household | None = None


# ---------------------------------------------------------------------------------------------
# Ownership


async def own_child(ctx: RequestContext, child_id: uuid.UUID | None) -> Child | None:
    """The child if it belongs to the viewer's household, else None (missing or not theirs)."""
    household_id = await viewer_household_id(ctx)
    if child_id is None or household_id is None:
        return None
    query = (
        select(Child)
        .join(HouseholdChild, col(HouseholdChild.child_id) == Child.id)
        .where(HouseholdChild.household_id == household_id, Child.id == child_id)
    )
    return (await ctx.session.exec(query)).first()


async def _own_document(ctx: RequestContext, document_id: uuid.UUID | None) -> Document:
    """The viewer's household's document, locked; NOT_FOUND on ``id`` otherwise."""
    household_id = await viewer_household_id(ctx)
    row = None
    if document_id is not None and household_id is not None:
        query = (
            select(Document)
            .where(Document.id == document_id, Document.household_id == household_id)
            .with_for_update()
        )
        row = (await ctx.session.exec(query)).first()
    if row is None:
        raise UserErrors.one("id", ErrorCode.NOT_FOUND, NO_DOCUMENT)
    return row


def _still_pending(row: Document) -> None:
    if row.state != PENDING:
        raise UserErrors.one(
            "id",
            ErrorCode.ALREADY_DECIDED,
            "Ce document a déjà été examiné par la mairie : il ne peut plus être modifié ni supprimé.",
        )


# ---------------------------------------------------------------------------------------------
# Lists


async def _views(
    ctx: RequestContext, rows: list[Document], *, with_households: bool = False
) -> list[DocumentView]:
    """Rows with their types, children (and households): one statement per kind, however many rows."""
    type_ids = {r.type_id for r in rows}
    child_ids = {r.child_id for r in rows if r.child_id}
    types = {}
    if type_ids:
        types = {
            t.id: t
            for t in (
                await ctx.session.exec(select(DocumentType).where(col(DocumentType.id).in_(type_ids)))
            ).all()
        }
    children = {}
    if child_ids:
        children = {
            c.id: c for c in (await ctx.session.exec(select(Child).where(col(Child.id).in_(child_ids)))).all()
        }
    households = {}
    if with_households and rows:
        ids = {r.household_id for r in rows}
        households = {
            h.id: h
            for h in (await ctx.session.exec(select(Household).where(col(Household.id).in_(ids)))).all()
        }
    return [
        DocumentView(
            r,
            types[r.type_id],
            children.get(r.child_id) if r.child_id else None,
            households.get(r.household_id),
        )
        for r in rows
    ]


async def family_documents(
    ctx: RequestContext, child_id: uuid.UUID | None, *, filtered: bool
) -> list[DocumentView]:
    """The household's documents, newest first; only one child's when ``filtered``.

    A ``child_id`` that is not one of the household's children raises NOT_FOUND on ``childId``.
    """
    household_id = await viewer_household_id(ctx)
    if household_id is None:
        return []
    query = select(Document).where(Document.household_id == household_id)
    if filtered:
        if await own_child(ctx, child_id) is None:
            raise UserErrors.one("childId", ErrorCode.NOT_FOUND, NO_CHILD)
        query = query.where(Document.child_id == child_id)
    rows = list(
        (await ctx.session.exec(query.order_by(col(Document.uploaded_at).desc(), col(Document.id)))).all()
    )
    return await _views(ctx, rows)


@dataclass(frozen=True)
class ReviewPage:
    """One page of the documents awaiting review."""

    items: list[DocumentView]
    total: int
    has_next: bool


async def documents_to_review(
    ctx: RequestContext, *, first: int, after: tuple[datetime, uuid.UUID] | None
) -> ReviewPage:
    """Pending documents, oldest first, ``first`` of them after the ``after`` (uploaded_at, id) key."""
    first = max(1, min(first, 100))
    pending = select(Document).where(Document.state == PENDING)
    total = (await ctx.session.exec(select(func.count()).select_from(pending.subquery()))).one()
    if after is not None:
        at, last_id = after
        pending = pending.where(
            (col(Document.uploaded_at) > at)
            | ((col(Document.uploaded_at) == at) & (col(Document.id) > last_id))
        )
    query = pending.order_by(col(Document.uploaded_at), col(Document.id)).limit(first + 1)
    rows = list((await ctx.session.exec(query)).all())
    return ReviewPage(await _views(ctx, rows[:first], with_households=True), total, len(rows) > first)


# ---------------------------------------------------------------------------------------------
# Family: hand in, replace, delete


async def _active_type(ctx: RequestContext, type_id: uuid.UUID | None) -> DocumentType | None:
    if type_id is None:
        return None
    row = await ctx.session.get(DocumentType, type_id)
    return row if row is not None and row.active else None


def _check_against(v: Validator, file: IncomingFile, doc_type: DocumentType | None) -> CheckedFile | None:
    """The file checked against its type (the defaults when the type is unknown)."""
    if doc_type is None:
        return check_file(v, "file", file, accepted=FORMATS, max_bytes=DEFAULT_MAX_BYTES)
    accepted = parse_formats(doc_type.accepted_formats)
    return check_file(v, "file", file, accepted=accepted, max_bytes=doc_type.max_bytes)


async def upload_document(
    ctx: RequestContext,
    file: IncomingFile,
    type_id: uuid.UUID | None,
    child_id: uuid.UUID | None,
    *,
    child_given: bool,
) -> DocumentView:
    """Hand in a document of a type (for a child when the type is per child); it awaits review."""
    assert ctx.viewer is not None
    household_id = await viewer_household_id(ctx)
    v = Validator()
    doc_type = await _active_type(ctx, type_id)
    if doc_type is None:
        v.add("typeId", ErrorCode.NOT_FOUND, NO_TYPE)
    child = None
    if child_given:
        child = await own_child(ctx, child_id)
        if child is None:
            v.add("childId", ErrorCode.NOT_FOUND, NO_CHILD)
        elif doc_type is not None and not doc_type.per_child:
            v.add("childId", ErrorCode.INVALID, "Ce document concerne le foyer : n'indiquez pas d'enfant.")
    elif doc_type is not None and doc_type.per_child:
        v.add("childId", ErrorCode.REQUIRED, "Indiquez l'enfant que concerne ce document.")
    checked = _check_against(v, file, doc_type)
    v.raise_if_any()
    assert checked is not None and doc_type is not None and household_id is not None

    row = Document(
        household_id=household_id,
        child_id=child.id if child else None,
        type_id=doc_type.id,
        filename=checked.filename,
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        storage_key="",
        uploaded_by=ctx.viewer.account.id,
        uploaded_at=ctx.now(),
    )
    # Stored only once every check passed: refused input leaves no file behind.
    row.storage_key = await store(ctx, checked)
    ctx.session.add(row)
    await ctx.session.flush()
    return DocumentView(row, doc_type, child)


async def replace_document(
    ctx: RequestContext, document_id: uuid.UUID | None, file: IncomingFile
) -> tuple[DocumentView, str]:
    """Put a new file in place of a pending document's; the view and the old storage key."""
    assert ctx.viewer is not None
    row = await _own_document(ctx, document_id)
    _still_pending(row)
    doc_type = await ctx.session.get(DocumentType, row.type_id)
    v = Validator()
    checked = _check_against(v, file, doc_type)
    v.raise_if_any()
    assert checked is not None and doc_type is not None
    old_key = row.storage_key
    row.storage_key = await store(ctx, checked)
    row.filename, row.content_type = checked.filename, checked.content_type
    row.size, row.sha256 = checked.size, checked.sha256
    row.uploaded_by, row.uploaded_at = ctx.viewer.account.id, ctx.now()
    ctx.session.add(row)
    await ctx.session.flush()
    child = await ctx.session.get(Child, row.child_id) if row.child_id else None
    return DocumentView(row, doc_type, child), old_key


async def delete_document(ctx: RequestContext, document_id: uuid.UUID | None) -> str:
    """Withdraw a pending document; the storage key to forget once committed."""
    row = await _own_document(ctx, document_id)
    _still_pending(row)
    # A child's insurance that named it as its certificate no longer has one (health form).
    for insurance in (
        await ctx.session.exec(select(ChildInsurance).where(ChildInsurance.certificate_id == row.id))
    ).all():
        insurance.certificate_id = None
    await ctx.session.flush()
    await ctx.session.delete(row)
    await ctx.session.flush()
    return row.storage_key


# ---------------------------------------------------------------------------------------------
# Staff: review


async def review_document(
    ctx: RequestContext, document_id: uuid.UUID | None, *, accept: bool, reason: str | None
) -> DocumentView:
    """Accept (the document holds for its type's validity) or reject with a reason; the family is mailed."""
    assert ctx.viewer is not None
    row = None
    if document_id is not None:
        row = (
            await ctx.session.exec(select(Document).where(Document.id == document_id).with_for_update())
        ).first()
    if row is None:
        raise UserErrors.one("id", ErrorCode.NOT_FOUND, NO_DOCUMENT)
    v = Validator()
    text = v.reason(
        reason,
        refused=not accept,
        max_length=REASON_MAX,
        message="Indiquez à la famille pourquoi le document est refusé.",
    )
    if row.state != PENDING:
        v.add("id", ErrorCode.ALREADY_DECIDED, "Ce document a déjà été examiné.")
    v.raise_if_any()

    doc_type = await ctx.session.get(DocumentType, row.type_id)
    assert doc_type is not None
    today = town_date(ctx.now())
    row.state = ACCEPTED if accept else REJECTED
    row.reason = text
    row.reviewed_by, row.reviewed_at = ctx.viewer.account.id, ctx.now()
    row.valid_until = valid_until(today, doc_type.validity_months) if accept else None
    ctx.session.add(row)
    await ctx.session.flush()
    child = await ctx.session.get(Child, row.child_id) if row.child_id else None
    await _mail_decision(ctx, row, doc_type, child)
    return DocumentView(row, doc_type, child, await ctx.session.get(Household, row.household_id))


async def _mail_decision(
    ctx: RequestContext, row: Document, doc_type: DocumentType, child: Child | None
) -> None:
    uploader = await ctx.session.get(Account, row.uploaded_by)
    if uploader is None:
        return
    guardian = await ctx.session.get(Guardian, uploader.guardian_id) if uploader.guardian_id else None
    name = f"{guardian.first_name} {guardian.last_name}".strip() if guardian else uploader.email
    send_mail(
        ctx,
        "document_accepted" if row.state == ACCEPTED else "document_rejected",
        uploader.email,
        name=name,
        document=doc_type.label,
        filename=row.filename,
        child=f"{child.first_name} {child.last_name}".strip() if child else "",
        reason=row.reason,
        valid_until=row.valid_until.strftime("%d/%m/%Y") if row.valid_until else "",
        link=client_link(ctx, DOCUMENTS_PATH),
    )
