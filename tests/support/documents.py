"""Documents in tests: GraphQL documents, multipart uploads as a browser sends them, real file bytes,
children with health records, and counts showing that a refused request wrote nothing."""

from __future__ import annotations

import asyncio
import io
import json
import struct
import zlib
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pypdf
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import text

from portail.db.engine import Database
from portail.db.models import Child, DocumentType, Household, HouseholdChild
from tests.support.graphql import GraphQLClient

CLIENT_ORIGIN = "http://portail.test"  # PORTAIL_PUBLIC_URL of the test settings
UPLOAD_HEADERS = {"x-portail-csrf": "1", "Origin": CLIENT_ORIGIN}

DOCUMENT_FIELDS = """
  id state reason validUntil fileName format size childId childName householdName
  viewUrl downloadUrl linksExpireAt
  type { id code label perChild validityMonths }
"""
UPLOAD = f"""
mutation Upload($file: Upload!, $typeId: ID!, $childId: ID) {{
  uploadDocument(file: $file, typeId: $typeId, childId: $childId) {{
    document {{ {DOCUMENT_FIELDS} }}
    errors {{ field code message }}
  }}
}}"""
REPLACE = f"""
mutation Replace($id: ID!, $file: Upload!) {{
  replaceDocument(id: $id, file: $file) {{ document {{ {DOCUMENT_FIELDS} }} errors {{ field code message }} }}
}}"""
DELETE = """
mutation Delete($id: ID!) { deleteDocument(id: $id) { ok errors { field code message } } }"""
REVIEW = f"""
mutation Review($id: ID!, $accept: Boolean!, $reason: String) {{
  reviewDocument(id: $id, accept: $accept, reason: $reason) {{
    document {{ {DOCUMENT_FIELDS} }}
    errors {{ field code message }}
  }}
}}"""
DOCUMENTS = f"""
query Documents($childId: ID) {{ documents(childId: $childId) {{ {DOCUMENT_FIELDS} }} }}"""
TO_REVIEW = f"""
query ToReview($first: Int, $after: String) {{
  documentsToReview(first: $first, after: $after) {{
    edges {{ cursor node {{ {DOCUMENT_FIELDS} }} }}
    pageInfo {{ hasNextPage endCursor }}
    totalCount
  }}
}}"""
PRINTABLE_FORMS = """
{ printableForms {
    id kind title description fileName format childId childName publishedAt viewUrl downloadUrl linksExpireAt
} }"""
PUBLISH = """
mutation Publish($file: Upload!, $title: String!, $description: String) {
  publishPrintableForm(file: $file, title: $title, description: $description) {
    printableForm { id kind title description fileName format viewUrl downloadUrl }
    errors { field code message }
  }
}"""
ARCHIVE = """
mutation Archive($id: ID!) {
  archivePrintableForm(id: $id) { printableForm { id } errors { field code message } }
}"""


# ---------------------------------------------------------------------------------------------
# Real files


def pdf_bytes(*lines: str) -> bytes:
    """A real one-page PDF holding ``lines``."""
    out = io.BytesIO()
    canvas = Canvas(out)
    y = 800
    for line in lines:
        canvas.drawString(50, y, line)
        y -= 20
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def caf_certificate() -> bytes:
    return pdf_bytes(
        "Caisse d'allocations familiales du Morbihan",
        "Attestation de quotient familial",
        "Allocataire n° 1234567 - Quotient familial : 642 EUR au 01/01/2026",
    )


def png_bytes() -> bytes:
    """A real 1×1 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


def pdf_text(data: bytes) -> str:
    """The text of a PDF, pages joined (pypdf)."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


# ---------------------------------------------------------------------------------------------
# Multipart requests (GraphQL multipart request spec)


async def post_file(
    client: GraphQLClient,
    query: str,
    variables: dict[str, Any],
    file: tuple[str, bytes, str],
    *,
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    """POST ``query`` with ``file`` as ``$file``, as a browser's client sends an upload."""
    operations = {"query": query, "variables": {**variables, "file": None}}
    files = {
        "operations": (None, json.dumps(operations)),
        "map": (None, json.dumps({"0": ["variables.file"]})),
        "0": file,
    }
    return await client.http.post(
        "/graphql", files=files, headers=UPLOAD_HEADERS if headers is None else headers
    )


async def upload_data(
    client: GraphQLClient, query: str, variables: dict[str, Any], file: tuple[str, bytes, str]
) -> dict[str, Any]:
    """``data`` of an upload, asserting that there was no top-level error."""
    response = await post_file(client, query, variables, file)
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


async def upload(
    client: GraphQLClient, file: tuple[str, bytes, str], type_id: str, child_id: str | None = None
) -> dict[str, Any]:
    """The ``uploadDocument`` payload."""
    variables = {"typeId": type_id, "childId": child_id}
    return (await upload_data(client, UPLOAD, variables, file))["uploadDocument"]


def codes(payload: dict[str, Any]) -> list[tuple[str | None, str]]:
    return [(e["field"], e["code"]) for e in payload["errors"]]


def link_path(url: str) -> str:
    """The path of a file link (the tests' HTTP client has the server as base URL)."""
    return "/" + url.split("/", 3)[3]


# ---------------------------------------------------------------------------------------------
# Builders


async def make_document_type(
    db: Database,
    code: str = "ATTESTATION_CAF",
    label: str = "Attestation CAF",
    *,
    per_child: bool = False,
    validity_months: int | None = 12,
    formats: str = "application/pdf,image/jpeg,image/png",
) -> DocumentType:
    row = DocumentType(
        code=code, label=label, per_child=per_child, validity_months=validity_months, accepted_formats=formats
    )
    async with db.transaction() as session:
        session.add(row)
    return row


async def make_child(
    db: Database, household: Household, first_name: str = "Emma-Rose", **fields: Any
) -> Child:
    """A child of ``household`` with the given records."""
    child = Child(
        first_name=first_name,
        last_name=fields.pop("last_name", household.name),
        birth_date=fields.pop("birth_date", date(2016, 9, 3)),
        **fields,
    )
    async with db.transaction() as session:
        session.add(child)
        await session.flush()
        session.add(HouseholdChild(household_id=household.id, child_id=child.id))
    return child


# ---------------------------------------------------------------------------------------------
# What was written


DOCUMENT_TABLES = ("document", "printable_form", "document_type", "outbox_mail")


async def written(db: Database, storage: Path) -> dict[str, int]:
    """Rows of the document tables and files in the storage folder."""
    counts: dict[str, int] = {}
    async with db.read_sessions() as session:
        for table in DOCUMENT_TABLES:
            counts[table] = (await session.exec(text(f'SELECT COUNT(*) FROM "{table}"'))).one()[0]
    counts["files"] = await asyncio.to_thread(_files_in, storage)
    return counts


def _files_in(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*") if p.is_file()) if folder.exists() else 0

