"""Handing out signed file links and opening them (the ``GET /files/{token}`` route's use case)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from portail.adapters.storage import FileNotStored, storage_for
from portail.db.models import Document, MessageAttachment, PrintableForm
from portail.resolvers import personal_data
from portail.resolvers.context import RequestContext
from portail.resolvers.invoices import invoice_file
from portail.resolvers.printable_forms import HEALTH_FORM, FormView, health_form
from portail.rules import file_links as links
from portail.rules.files import served_name


class FileGone(LookupError):
    """The link was valid but its file no longer exists (deleted, replaced or archived)."""


@dataclass(frozen=True)
class ServedFile:
    """What the route sends back."""

    data: bytes
    content_type: str
    filename: str
    disposition: str


def link_tokens(ctx: RequestContext, kind: str, id_: uuid.UUID, version: str = "") -> tuple[str, str]:
    """The tokens to view ("Œil", inline) and download ("Flèche", attachment) a file."""
    expires_at = ctx.now() + timedelta(minutes=ctx.settings.file_link_minutes)
    secret = ctx.settings.effective_secret_key

    def sign(disposition: str) -> str:
        return links.sign_link(secret, links.FileLink(kind, str(id_), disposition, version, expires_at))

    return sign(links.INLINE), sign(links.ATTACHMENT)


def document_version(row: Document) -> str:
    """Binds a document's links to its current file: a replaced file's old links stop working."""
    return row.sha256[:16]


@dataclass(frozen=True)
class FileLinks:
    """A file's view ("Œil") and download ("Flèche") URLs on this server, and when they stop working."""

    view_url: str
    download_url: str
    expires_at: datetime


def file_links(ctx: RequestContext, base_url: str, kind: str, id_: uuid.UUID, version: str = "") -> FileLinks:
    """The links to a file of ``kind`` served under ``base_url`` (the server's address)."""
    base = base_url.rstrip("/")
    view, download = link_tokens(ctx, kind, id_, version)
    expires = ctx.now() + timedelta(minutes=ctx.settings.file_link_minutes)
    return FileLinks(f"{base}/files/{view}", f"{base}/files/{download}", expires)


def document_links(ctx: RequestContext, base_url: str, row: Document) -> FileLinks:
    """The links to a supporting document's current file."""
    return file_links(ctx, base_url, links.DOCUMENT, row.id, document_version(row))


def form_links(ctx: RequestContext, base_url: str, view: FormView) -> FileLinks:
    """The links to a line of "Mes documents à éditer": a fiche sanitaire is made on the fly."""
    kind = links.HEALTH_FORM if view.kind == HEALTH_FORM else links.TOWN_FORM
    return file_links(ctx, base_url, kind, view.id)


def personal_data_links(ctx: RequestContext, base_url: str, household_id: uuid.UUID) -> FileLinks:
    """The links to the household's data and documents (a ZIP made on the fly)."""
    return file_links(ctx, base_url, links.PERSONAL_DATA, household_id)


def attachment_links(ctx: RequestContext, base_url: str, row: MessageAttachment) -> FileLinks:
    """The links to a file joined to a message (bound to its content, like a document's)."""
    return file_links(ctx, base_url, links.MESSAGE_ATTACHMENT, row.id, row.sha256[:16])


def invoice_links(ctx: RequestContext, base_url: str, invoice_id: uuid.UUID) -> FileLinks:
    """The links to an invoice's PDF ("Aperçu", "Télécharger"), made on the fly."""
    return file_links(ctx, base_url, links.INVOICE, invoice_id)


async def open_link(ctx: RequestContext, token: str) -> ServedFile:
    """The file behind a link; ``LinkInvalid``, ``LinkExpired`` or ``FileGone`` otherwise."""
    link = links.read_link(ctx.settings.effective_secret_key, token, ctx.now())
    try:
        file_id = uuid.UUID(link.id)
    except ValueError as exc:
        raise links.LinkInvalid from exc
    session = ctx.session
    if link.kind == links.HEALTH_FORM:
        try:
            data, name = await health_form(session, file_id, ctx.settings.town_name, ctx.now())
        except LookupError as exc:
            raise FileGone from exc
        return ServedFile(data, "application/pdf", name, link.disposition)
    if link.kind == links.PERSONAL_DATA:
        data, name = await personal_data.archive(ctx, file_id)
        return ServedFile(data, "application/zip", name, link.disposition)
    if link.kind == links.INVOICE:
        made = await invoice_file(ctx, file_id)
        if made is None:
            raise FileGone
        return ServedFile(made[0], "application/pdf", made[1], link.disposition)
    storage = storage_for(ctx.settings)
    row: Document | PrintableForm | MessageAttachment | None
    if link.kind == links.DOCUMENT:
        row = await session.get(Document, file_id)
        if row is None or document_version(row) != link.version:
            raise FileGone
    elif link.kind == links.MESSAGE_ATTACHMENT:
        row = await session.get(MessageAttachment, file_id)
        if row is None or row.sha256[:16] != link.version:
            raise FileGone
    else:
        row = await session.get(PrintableForm, file_id)
        if row is None or not row.active:
            raise FileGone
    try:
        data = await storage.get(row.storage_key)
    except FileNotStored as exc:
        raise FileGone from exc
    return ServedFile(data, row.content_type, served_name(row.filename, row.content_type), link.disposition)
