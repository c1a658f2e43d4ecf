"""The GDPR's right of access: a family reads everything the portal holds about its household in one
query, and downloads it with the files it uploaded in one ZIP. A meta-test reads the database's
tables: each is either mapped to the households whose rows it keeps, or said to hold nothing about
families, so a new table cannot escape the export (nor the anonymisation, which walks the same map)."""

from __future__ import annotations

import io
import json
import zipfile

import httpx
from sqlmodel import SQLModel

import portail.db.models  # noqa: F401  (every table in the metadata)
from portail.resolvers.personal_data import FORMAT, HELD, NOT_HOUSEHOLDS, tables_covered
from tests.payments.test_invoices import RUN, invoiced_family
from tests.support.builders import make_family
from tests.support.documents import make_document_type, pdf_bytes, upload

PERSONAL_DATA = "query { personalData { generatedAt data downloadUrl expiresAt } }"


def test_every_table_is_mapped_to_the_households_it_keeps_rows_of_or_said_to_keep_none():
    tables = set(SQLModel.metadata.tables) | {"alembic_version"}
    covered = list(tables_covered())
    assert len(covered) == len(set(covered)), "a table is listed twice"
    assert set(covered) == tables, f"not mapped: {tables - set(covered)}; unknown: {set(covered) - tables}"
    # Each table's owners are gathered by a table above it.
    gathered = {"household"}
    for held in HELD:
        assert held.owners in gathered, held
        gathered |= {key for key, _ in held.gathers}
    assert all(reason for reason in NOT_HOUSEHOLDS.values())


async def test_a_family_reads_and_downloads_everything_the_portal_holds_about_it(
    db, browser, clock, smtp, live_server
):
    _, family, client, agent = await invoiced_family(db, browser, clock, smtp)
    assert (await agent.data(RUN, {"month": "2027-01"}))["runInvoicing"]["errors"] == []
    caf = await make_document_type(db)
    certificate = pdf_bytes("Attestation CAF TEST")
    uploaded = await upload(client, ("attestation-caf.pdf", certificate, "application/pdf"), str(caf.id))
    assert uploaded["errors"] == []
    stranger = await make_family(db, "voisin.inconnu@example.org", name="VOISIN")

    answer = (await client.data(PERSONAL_DATA))["personalData"]
    data = answer["data"]
    assert (data["format"], data["version"]) == (FORMAT, 1)
    tables = data["tables"]
    assert [h["name"] for h in tables["household"]] == ["TEST"]
    assert "insee_code" in tables["household"][0]  # the commune's code goes with the address
    assert [a["email"] for a in tables["account"]] == [family.email]
    assert [c["first_name"] for c in tables["child"]] == ["Emma-Rose"]
    assert len(tables["booking"]) == 3 and len(tables["booking_request"]) == 1
    assert [i["total"] for i in tables["invoice"]] == [3 * 410]
    assert len(tables["invoice_line"]) == 3
    assert [d["filename"] for d in tables["document"]] == ["attestation-caf.pdf"]
    assert tables["outbox_mail"], "the mails sent to the family"
    assert tables["auth_session"], "the sessions it signed in with"
    # No secret handed back, and nothing of another household.
    text = json.dumps(data)
    for secret in ("password_hash", "token_hash", "storage_key", "body_html"):
        assert secret not in text
    assert stranger.email not in text and "VOISIN" not in text

    # "Télécharger mes données": the same document and the uploaded file, in a ZIP.
    async with httpx.AsyncClient(timeout=30) as downloader:
        zipped = await downloader.get(live_server.url + httpx.URL(answer["downloadUrl"]).path)
    assert zipped.status_code == 200 and zipped.headers["content-type"] == "application/zip"
    assert "donnees-personnelles-" in zipped.headers["content-disposition"]
    archive = zipfile.ZipFile(io.BytesIO(zipped.content))
    inside = json.loads(archive.read("donnees.json"))
    assert inside["tables"]["household"] == tables["household"]
    [document_name] = [n for n in archive.namelist() if n.startswith("documents/")]
    assert document_name.endswith("attestation-caf.pdf")
    assert archive.read(document_name) == certificate


async def test_only_a_family_reads_its_data(db, browser, live_server):
    anonymous = await browser()(PERSONAL_DATA)
    assert anonymous["data"] is None and anonymous["errors"]
