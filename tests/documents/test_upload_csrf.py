"""An upload is a multipart request, which any site could make a browser send: it is accepted only
with the custom header and an allowed Origin, so that no other site posts a file in a family's name."""

from __future__ import annotations

from tests.support.accounts import signed_in
from tests.support.builders import make_family
from tests.support.documents import (
    CLIENT_ORIGIN,
    UPLOAD,
    caf_certificate,
    make_document_type,
    post_file,
    written,
)


async def test_an_upload_needs_the_csrf_header_and_an_allowed_origin(db, browser, settings, live_server):
    family = await make_family(db)
    caf = await make_document_type(db)
    client = await signed_in(browser(), family.email, family.password)
    file = ("caf.pdf", caf_certificate(), "application/pdf")
    variables = {"typeId": str(caf.id)}
    before = await written(db, settings.storage_path)

    refusals = {
        "no CSRF header": ({"Origin": CLIENT_ORIGIN}, "CSRF_REFUSED"),
        "foreign origin": ({"x-portail-csrf": "1", "Origin": "https://evil.example"}, "ORIGIN_REFUSED"),
        "no origin": ({"x-portail-csrf": "1"}, "ORIGIN_REFUSED"),
        "neither": ({}, "CSRF_REFUSED"),
    }
    for case, (headers, code) in refusals.items():
        response = await post_file(client, UPLOAD, variables, file, headers=headers)
        assert response.status_code == 403, case
        assert response.json()["errors"][0]["extensions"]["code"] == code, case
        assert response.json()["errors"][0]["message"].startswith("Requête refusée"), case
    assert await written(db, settings.storage_path) == before

    # The family client's origin and the server's own (GraphiQL) are accepted.
    for origin in (CLIENT_ORIGIN, live_server.url):
        response = await post_file(
            client, UPLOAD, variables, file, headers={"x-portail-csrf": "1", "Origin": origin}
        )
        assert response.status_code == 200 and response.json()["data"]["uploadDocument"]["errors"] == []
