"""Staff configure the kinds of supporting documents: code, label, formats, size limit, validity."""

from __future__ import annotations

from tests.support.accounts import signed_in
from tests.support.builders import make_family, make_staff
from tests.support.documents import codes, make_document_type

CREATE = """
mutation Create($input: CreateDocumentTypeInput!) {
  createDocumentType(input: $input) {
    documentType { id code label acceptedFormats maxBytes validityMonths perChild active }
    errors { field code message }
  }
}"""
UPDATE = """
mutation Update($id: ID!, $input: UpdateDocumentTypeInput!) {
  updateDocumentType(id: $id, input: $input) {
    documentType { id code label acceptedFormats maxBytes validityMonths perChild active }
    errors { field code message }
  }
}"""
TYPES = """
query Types($all: Boolean! = false) { documentTypes(includeInactive: $all) { code active } }"""


async def test_staff_create_and_update_a_document_type(db, browser):
    staff = await make_staff(db)
    agent = await signed_in(browser(), staff.email, staff.password)

    created = await agent.data(CREATE, {"input": {"code": "pai", "label": "PAI", "perChild": True}})
    created = created["createDocumentType"]
    assert created["errors"] == []
    assert created["documentType"] | {"id": None} == {
        "id": None,
        "code": "PAI",
        "label": "PAI",
        "acceptedFormats": ["PDF", "JPEG", "PNG"],
        "maxBytes": 10 * 1024 * 1024,
        "validityMonths": None,
        "perChild": True,
        "active": True,
    }
    type_id = created["documentType"]["id"]

    changes = {"acceptedFormats": ["PDF"], "maxBytes": 2 * 1024 * 1024, "validityMonths": 12}
    updated = (await agent.data(UPDATE, {"id": type_id, "input": changes}))["updateDocumentType"]
    assert updated["errors"] == []
    document_type = updated["documentType"]
    assert (document_type["acceptedFormats"], document_type["maxBytes"]) == (["PDF"], 2 * 1024 * 1024)
    assert (document_type["validityMonths"], document_type["label"]) == (12, "PAI")

    cleared = await agent.data(UPDATE, {"id": type_id, "input": {"validityMonths": None, "active": False}})
    assert cleared["updateDocumentType"]["documentType"]["validityMonths"] is None
    assert cleared["updateDocumentType"]["documentType"]["acceptedFormats"] == ["PDF"]  # left out: stays
    # A label cannot be cleared: refused on its field, the type unchanged.
    refused = (await agent.data(UPDATE, {"id": type_id, "input": {"label": None}}))["updateDocumentType"]
    assert codes(refused) == [("label", "REQUIRED")]

    # Inactive types are hidden from families, listed for staff on demand.
    family = await make_family(db)
    client = await signed_in(browser(), family.email, family.password)
    assert (await client.data(TYPES, {"all": True}))["documentTypes"] == []
    assert (await agent.data(TYPES, {"all": True}))["documentTypes"] == [{"code": "PAI", "active": False}]


async def test_bad_document_types_are_refused_field_by_field(db, browser):
    staff = await make_staff(db)
    await make_document_type(db, "ATTESTATION_CAF")
    agent = await signed_in(browser(), staff.email, staff.password)

    taken = await agent.data(CREATE, {"input": {"code": "attestation_caf", "label": "Autre"}})
    assert codes(taken["createDocumentType"]) == [("code", "CODE_ALREADY_USED")]
    bad = {
        "code": "é !",
        "label": "",
        "acceptedFormats": [],
        "maxBytes": 50 * 1024 * 1024,
        "validityMonths": 0,
    }
    refused = (await agent.data(CREATE, {"input": bad}))["createDocumentType"]
    assert codes(refused) == [
        ("code", "INVALID"),
        ("label", "REQUIRED"),
        ("acceptedFormats", "INVALID"),
        ("maxBytes", "INVALID"),
        ("validityMonths", "INVALID"),
    ]
    unknown = (await agent.data(UPDATE, {"id": "pas-un-id", "input": {"label": "x"}}))["updateDocumentType"]
    assert codes(unknown) == [("id", "NOT_FOUND")]
    assert [t["code"] for t in (await agent.data(TYPES))["documentTypes"]] == ["ATTESTATION_CAF"]


async def test_families_cannot_configure_document_types(db, browser):
    family = await make_family(db)
    client = await signed_in(browser(), family.email, family.password)
    body = await client(CREATE, {"input": {"code": "X_Y", "label": "X"}})
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_a_label_longer_than_its_column_is_too_long_on_update_too(db, browser):
    # Found by the fuzz test: on PostgreSQL the code check flushed the 100,000-character label into
    # its column first (StringDataRightTruncation, an internal error) instead of answering TOO_LONG.
    staff = await make_staff(db)
    kind = await make_document_type(db, "ATTESTATION_CAF")
    agent = await signed_in(browser(), staff.email, staff.password)
    refused = await agent.data(UPDATE, {"id": str(kind.id), "input": {"label": "x" * 100_000, "code": "CAF"}})
    assert codes(refused["updateDocumentType"]) == [("label", "TOO_LONG")]
    assert [t["code"] for t in (await agent.data(TYPES))["documentTypes"]] == ["ATTESTATION_CAF"]
