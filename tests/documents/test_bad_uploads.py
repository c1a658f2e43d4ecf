"""Bad uploads: each refused with an error naming the field, and nothing written (no row, no file)."""

from __future__ import annotations

import uuid

import pytest

from tests.support.accounts import signed_in
from tests.support.builders import make_family, make_staff
from tests.support.documents import (
    UPLOAD,
    caf_certificate,
    codes,
    make_child,
    make_document_type,
    pdf_bytes,
    png_bytes,
    post_file,
    upload,
    written,
)

WINDOWS_PROGRAM = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200 + b"PE\x00\x00"
)


@pytest.fixture
def storage(settings):
    return settings.storage_path


@pytest.mark.parametrize(
    ("file", "expected"),
    [
        (("attestation.pdf", WINDOWS_PROGRAM, "application/pdf"), [("file", "FILE_FORMAT_REFUSED")]),
        (("script.pdf", b"#!/bin/sh\nrm -rf /\n", "application/pdf"), [("file", "FILE_FORMAT_REFUSED")]),
        (
            ("lettre.pdf", b"<html><script>alert(1)</script></html>", "application/pdf"),
            [("file", "FILE_FORMAT_REFUSED")],
        ),
        (("vide.pdf", b"", "application/pdf"), [("file", "FILE_EMPTY")]),
        (("../../etc/passwd.pdf", caf_certificate(), "application/pdf"), [("file", "FILE_NAME_INVALID")]),
        (("..\\caf.pdf", caf_certificate(), "application/pdf"), [("file", "FILE_NAME_INVALID")]),
        (("caf\x1b[31m.pdf", caf_certificate(), "application/pdf"), [("file", "FILE_NAME_INVALID")]),
        (("caf\u202efdp.exe", caf_certificate(), "application/pdf"), [("file", "FILE_NAME_INVALID")]),
        (("x" * 201 + ".pdf", caf_certificate(), "application/pdf"), [("file", "TOO_LONG")]),
    ],
    ids=[
        "executable-renamed-pdf",
        "script",
        "html",
        "empty",
        "dot-dot-slash",
        "backslash",
        "control",
        "right-to-left",
        "long-name",
    ],
)
async def test_a_disguised_empty_or_badly_named_file_is_refused(db, browser, storage, file, expected):
    family = await make_family(db)
    caf = await make_document_type(db)
    client = await signed_in(browser(), family.email, family.password)
    before = await written(db, storage)

    payload = await upload(client, file, str(caf.id))
    assert codes(payload) == expected
    assert payload["document"] is None
    assert all(e["message"] for e in payload["errors"])
    assert await written(db, storage) == before


async def test_the_executable_message_says_what_is_wrong_in_french(db, browser):
    family = await make_family(db)
    caf = await make_document_type(db)
    client = await signed_in(browser(), family.email, family.password)
    payload = await upload(client, ("attestation.pdf", WINDOWS_PROGRAM, "application/pdf"), str(caf.id))
    assert payload["errors"][0]["message"].startswith("Ce fichier est un programme")


async def test_an_11_mb_file_is_over_the_10_mb_limit(db, browser, storage):
    family = await make_family(db)
    caf = await make_document_type(db)
    client = await signed_in(browser(), family.email, family.password)
    before = await written(db, storage)

    big = caf_certificate() + b"%" * (11_000_000 - len(caf_certificate()))
    payload = await upload(client, ("attestation.pdf", big, "application/pdf"), str(caf.id))
    assert codes(payload) == [("file", "FILE_TOO_LARGE")]
    assert "10 Mo" in payload["errors"][0]["message"]
    assert await written(db, storage) == before


async def test_a_body_over_the_upload_limit_gets_413(db, browser, settings, storage):
    family = await make_family(db)
    caf = await make_document_type(db)
    client = await signed_in(browser(), family.email, family.password)
    before = await written(db, storage)

    huge = caf_certificate() + b"%" * settings.max_upload_bytes
    response = await post_file(client, UPLOAD, {"typeId": str(caf.id)}, ("caf.pdf", huge, "application/pdf"))
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"] == {
        "code": "PAYLOAD_TOO_LARGE",
        "maxBytes": settings.max_upload_bytes,
        "requestId": response.headers["x-request-id"],
    }
    assert await written(db, storage) == before


async def test_a_format_the_type_does_not_accept_is_refused(db, browser, storage):
    family = await make_family(db)
    pdf_only = await make_document_type(db, "PAI", "PAI", formats="application/pdf")
    client = await signed_in(browser(), family.email, family.password)
    before = await written(db, storage)

    # A PNG named .pdf: the content decides, and PNG is not accepted for this type.
    payload = await upload(client, ("pai.pdf", png_bytes(), "application/pdf"), str(pdf_only.id))
    assert codes(payload) == [("file", "FILE_FORMAT_REFUSED")]
    assert "PDF" in payload["errors"][0]["message"]
    assert await written(db, storage) == before


async def test_another_familys_child_answers_like_an_unknown_child(db, browser, storage):
    family = await make_family(db)
    other = await make_family(db, "autre@famille.test", name="DURAND")
    their_child = await make_child(db, other.household, "Léo")
    vaccinations = await make_document_type(db, "VACCINATIONS", "Vaccinations", per_child=True)
    client = await signed_in(browser(), family.email, family.password)
    before = await written(db, storage)
    file = ("carnet.pdf", pdf_bytes("Carnet"), "application/pdf")

    answers = []
    for child_id in (str(their_child.id), str(uuid.uuid4()), "pas-un-id", "1"):
        payload = await upload(client, file, str(vaccinations.id), child_id)
        answers.append((codes(payload), payload["errors"][0]["message"]))
    assert answers == [([("childId", "NOT_FOUND")], "Cet enfant n'existe pas.")] * 4
    assert await written(db, storage) == before


async def test_an_unknown_type_and_a_bad_file_are_told_together(db, browser, storage):
    family = await make_family(db)
    client = await signed_in(browser(), family.email, family.password)
    before = await written(db, storage)
    for type_id in (str(uuid.uuid4()), "ATTESTATION_CAF"):
        payload = await upload(client, ("vide.pdf", b"", "application/pdf"), type_id)
        assert codes(payload) == [("typeId", "NOT_FOUND"), ("file", "FILE_EMPTY")]
    assert await written(db, storage) == before


async def test_a_string_instead_of_a_file_is_refused_as_no_file(db, browser, storage):
    family = await make_family(db)
    caf = await make_document_type(db)
    client = await signed_in(browser(), family.email, family.password)
    before = await written(db, storage)
    body = await client(UPLOAD, {"typeId": str(caf.id), "file": "%PDF-1.4 pas un fichier"})
    assert codes(body["data"]["uploadDocument"]) == [("file", "REQUIRED"), ("file", "FILE_EMPTY")]
    assert await written(db, storage) == before


async def test_staff_cannot_hand_in_a_familys_document(db, browser):
    staff = await make_staff(db)
    caf = await make_document_type(db)
    agent = await signed_in(browser(), staff.email, staff.password)
    response = await post_file(
        agent, UPLOAD, {"typeId": str(caf.id)}, ("caf.pdf", caf_certificate(), "application/pdf")
    )
    assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
