"""File links are signed, short-lived and bound to one file: an expired or altered link is refused
with a clear French message, and a replaced file's old link no longer opens anything."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from portail.rules.file_links import HEALTH_FORM, INLINE, FileLink, sign_link
from tests.support.accounts import signed_in
from tests.support.builders import make_family
from tests.support.documents import (
    DOCUMENTS,
    PRINTABLE_FORMS,
    REPLACE,
    caf_certificate,
    link_path,
    make_child,
    make_document_type,
    pdf_bytes,
    upload,
    upload_data,
)


async def test_a_link_expires_after_ten_minutes(db, browser, clock):
    family = await make_family(db)
    await make_child(db, family.household, "Paul")
    client = await signed_in(browser(), family.email, family.password)
    form = (await client.data(PRINTABLE_FORMS))["printableForms"][0]

    clock.travel(timedelta(minutes=9))
    assert (await client.http.get(link_path(form["downloadUrl"]))).status_code == 200

    clock.travel(timedelta(minutes=2))
    expired = await client.http.get(link_path(form["downloadUrl"]))
    assert expired.status_code == 403
    assert expired.text.startswith("Ce lien a expiré")
    assert expired.headers["content-type"].startswith("text/plain")
    assert expired.headers["cache-control"] == "private, no-store"

    # Asking again gives fresh links.
    fresh = (await client.data(PRINTABLE_FORMS))["printableForms"][0]
    assert (await client.http.get(link_path(fresh["downloadUrl"]))).status_code == 200


async def test_an_altered_link_is_refused(db, browser):
    family = await make_family(db)
    await make_child(db, family.household, "Paul")
    client = await signed_in(browser(), family.email, family.password)
    path = link_path((await client.data(PRINTABLE_FORMS))["printableForms"][0]["viewUrl"])

    token = path.rsplit("/", 1)[1]
    payload, signature = token.rsplit(".", 1)
    # Flip the first character: the last one of a base64 signature partly encodes padding bits,
    # so changing it does not always change the signature.
    flipped = ("A" if signature[0] != "A" else "B") + signature[1:]
    for altered in (f"{payload}.{flipped}", token[:-5], "x" + token, "pas-un-lien", "a" * 600):
        response = await client.http.get(f"/files/{altered}")
        assert response.status_code == 404, altered
        assert response.text.startswith("Lien invalide")


async def test_a_link_made_with_another_secret_is_refused(db, browser, settings):
    family = await make_family(db)
    child = await make_child(db, family.household, "Paul")
    client = await signed_in(browser(), family.email, family.password)
    forged = sign_link(
        "un-autre-secret-" + "y" * 32,
        FileLink(HEALTH_FORM, str(child.id), INLINE, "", datetime.now(UTC) + timedelta(minutes=5)),
    )
    assert (await client.http.get(f"/files/{forged}")).status_code == 404
    genuine = sign_link(
        settings.effective_secret_key,
        FileLink(HEALTH_FORM, str(child.id), INLINE, "", datetime.now(UTC) + timedelta(minutes=5)),
    )
    assert (await client.http.get(f"/files/{genuine}")).status_code == 200


async def test_a_replaced_files_old_link_opens_nothing(db, browser):
    family = await make_family(db)
    caf = await make_document_type(db)
    client = await signed_in(browser(), family.email, family.password)
    first = (await upload(client, ("caf.pdf", caf_certificate(), "application/pdf"), str(caf.id)))["document"]

    new_pdf = pdf_bytes("Attestation CAF mise à jour")
    replaced = (
        await upload_data(client, REPLACE, {"id": first["id"]}, ("caf-2.pdf", new_pdf, "application/pdf"))
    )["replaceDocument"]
    assert replaced["errors"] == []

    old = await client.http.get(link_path(first["downloadUrl"]))
    assert old.status_code == 404 and "n'est plus disponible" in old.text
    current = (await client.data(DOCUMENTS))["documents"][0]
    assert (await client.http.get(link_path(current["downloadUrl"]))).content == new_pdf
