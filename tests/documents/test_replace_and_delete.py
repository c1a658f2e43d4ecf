"""A family replaces or deletes a document while it awaits review, never after; another family's
document answers exactly like one that does not exist."""

from __future__ import annotations

import uuid

from tests.support.accounts import signed_in
from tests.support.builders import make_family, make_staff
from tests.support.documents import (
    DELETE,
    DOCUMENTS,
    REPLACE,
    REVIEW,
    caf_certificate,
    codes,
    make_child,
    make_document_type,
    pdf_bytes,
    png_bytes,
    post_file,
    upload,
    upload_data,
    written,
)


async def replace(client, document_id: str, file) -> dict:
    return (await upload_data(client, REPLACE, {"id": document_id}, file))["replaceDocument"]


async def test_a_pending_document_is_replaced_then_deleted(db, browser, settings):
    family = await make_family(db)
    caf = await make_document_type(db)
    client = await signed_in(browser(), family.email, family.password)
    document = (await upload(client, ("caf.pdf", caf_certificate(), "application/pdf"), str(caf.id)))[
        "document"
    ]
    assert (await written(db, settings.storage_path))["files"] == 1

    replaced = await replace(client, document["id"], ("scan caf.png", png_bytes(), "image/png"))
    assert replaced["errors"] == []
    assert replaced["document"]["id"] == document["id"]
    assert (replaced["document"]["fileName"], replaced["document"]["format"]) == ("scan caf.png", "PNG")
    assert replaced["document"]["state"] == "PENDING"
    # The old file is gone from the storage, the new one is there.
    assert (await written(db, settings.storage_path))["files"] == 1

    # A bad replacement changes nothing.
    bad = await replace(client, document["id"], ("caf.pdf", b"MZ\x90\x00", "application/pdf"))
    assert codes(bad) == [("file", "FILE_FORMAT_REFUSED")]
    assert (await client.data(DOCUMENTS))["documents"][0]["fileName"] == "scan caf.png"

    deleted = (await client.data(DELETE, {"id": document["id"]}))["deleteDocument"]
    assert deleted == {"ok": True, "errors": []}
    assert (await client.data(DOCUMENTS))["documents"] == []
    counts = await written(db, settings.storage_path)
    assert (counts["document"], counts["files"]) == (0, 0)


async def test_a_reviewed_document_can_no_longer_be_replaced_nor_deleted(db, browser, settings):
    family = await make_family(db)
    staff = await make_staff(db)
    caf = await make_document_type(db)
    client = await signed_in(browser(), family.email, family.password)
    document = (await upload(client, ("caf.pdf", caf_certificate(), "application/pdf"), str(caf.id)))[
        "document"
    ]
    agent = await signed_in(browser(), staff.email, staff.password)
    assert (await agent.data(REVIEW, {"id": document["id"], "accept": True}))["reviewDocument"][
        "errors"
    ] == []
    before = await written(db, settings.storage_path)

    replaced = await replace(client, document["id"], ("caf.pdf", pdf_bytes("autre"), "application/pdf"))
    assert codes(replaced) == [("id", "ALREADY_DECIDED")]
    deleted = (await client.data(DELETE, {"id": document["id"]}))["deleteDocument"]
    assert (deleted["ok"], codes(deleted)) == (False, [("id", "ALREADY_DECIDED")])
    assert await written(db, settings.storage_path) == before
    assert (await client.data(DOCUMENTS))["documents"][0]["state"] == "ACCEPTED"


async def test_another_familys_document_or_child_answers_like_an_unknown_one(db, browser, settings):
    family = await make_family(db)
    other = await make_family(db, "autre@famille.test", name="DURAND")
    their_child = await make_child(db, other.household, "Léo")
    caf = await make_document_type(db)
    theirs = await signed_in(browser(), other.email, other.password)
    their_document = (await upload(theirs, ("caf.pdf", caf_certificate(), "application/pdf"), str(caf.id)))[
        "document"
    ]
    client = await signed_in(browser(), family.email, family.password)
    before = await written(db, settings.storage_path)
    file = ("caf.pdf", pdf_bytes("intrus"), "application/pdf")

    ids = [their_document["id"], str(uuid.uuid4()), "pas-un-id", ""]
    deletions = [(await client.data(DELETE, {"id": i}))["deleteDocument"] for i in ids]
    assert deletions == [
        {
            "ok": False,
            "errors": [{"field": "id", "code": "NOT_FOUND", "message": "Ce document n'existe pas."}],
        }
    ] * len(ids)
    replacements = [(await replace(client, i, file))["errors"] for i in ids]
    assert replacements == [
        [{"field": "id", "code": "NOT_FOUND", "message": "Ce document n'existe pas."}]
    ] * len(ids)

    # Listing another family's child's documents: the same error as for a child that does not exist.
    listings = []
    for child_id in (str(their_child.id), str(uuid.uuid4()), "pas-un-id"):
        body = await client(DOCUMENTS, {"childId": child_id})
        assert body["data"] is None
        listings.append((body["errors"][0]["message"], body["errors"][0]["extensions"]))
    assert listings == [("Cet enfant n'existe pas.", {"code": "NOT_FOUND", "field": "childId"})] * 3

    assert await written(db, settings.storage_path) == before
    assert (await client.data(DOCUMENTS))["documents"] == []
    assert len((await theirs.data(DOCUMENTS))["documents"]) == 1


async def test_a_documents_link_only_comes_to_its_family(db, browser):
    family = await make_family(db)
    other = await make_family(db, "autre@famille.test", name="DURAND")
    caf = await make_document_type(db)
    client = await signed_in(browser(), family.email, family.password)
    await upload(client, ("caf.pdf", caf_certificate(), "application/pdf"), str(caf.id))
    stranger = await signed_in(browser(), other.email, other.password)
    assert (await stranger.data(DOCUMENTS))["documents"] == []
    # Uploading to a foreign document id via replace over multipart is refused the same way.
    response = await post_file(
        stranger, REPLACE, {"id": str(uuid.uuid4())}, ("a.pdf", caf_certificate(), "application/pdf")
    )
    assert response.json()["data"]["replaceDocument"]["errors"][0]["code"] == "NOT_FOUND"
