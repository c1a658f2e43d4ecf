"""The family web client's "Mes documents" and "Inscription aux services" in headless Chromium, as the
demo family (household TEST) clicks through them: a supporting document handed in (a real PDF),
seen awaiting review and its file replaced, a disguised file and an oversized one refused beside the file field, the
child's fiche sanitaire downloaded; a child enrolled in a service, withdrawn after a confirmation,
and an enrolment refused with what is missing. Each journey ends with the database's own state.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from sqlmodel import select

from portail.adapters.storage import storage_for
from portail.db.models import Child, Document, DocumentType, Enrolment, Period
from portail.demo import FAMILY_EMAIL, FAMILY_PASSWORD, load_demo
from tests.browser import test_family_client
from tests.support.documents import caf_certificate, pdf_bytes

# The app serves the built client on its own address (the fixtures of the first client journey).
built_client = test_family_client.built_client
settings = test_family_client.settings

# What a renamed program looks like to the API: a Windows executable's first bytes, named ".pdf".
DISGUISED = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 512


async def _sign_in_from(page: Any, url: str) -> None:
    """Open ``url`` signed out: the sign-in page comes first, then the page asked for."""
    await page.goto(url)
    await page.get_by_role("heading", name="Connexion").wait_for()
    await page.get_by_label("Adresse e-mail").fill(FAMILY_EMAIL)
    await page.get_by_label("Mot de passe").fill(FAMILY_PASSWORD)
    await page.get_by_role("button", name="Se connecter").click()


async def _documents(db: Any) -> list[Document]:
    async with db.read_sessions() as session:
        return list((await session.exec(select(Document))).all())


async def test_a_family_hands_in_a_document_sees_it_pending_and_downloads_the_health_form(
    db, settings, live_server, chromium
):
    await load_demo(db, settings)
    # The vaccination record takes 1 KB at most here, so that a real PDF is too large for it.
    async with db.transaction() as session:
        vaccinations = (
            await session.exec(select(DocumentType).where(DocumentType.code == "VACCINATIONS"))
        ).one()
        vaccinations.max_bytes = 1024
        session.add(vaccinations)
    before = await _documents(db)

    page = await chromium.new_page()
    await _sign_in_from(page, f"{live_server.url}/mes-documents")
    await page.get_by_role("heading", name="Mes documents", exact=True).wait_for()
    assert page.url == f"{live_server.url}/mes-documents"
    assert await page.title() == "Mes documents – Portail Familles"
    # The certificate the demo family handed in earlier, awaiting review, said in words.
    handed_in = page.get_by_role("row").filter(has_text="attestation-caf-2026.pdf")
    assert "En attente de vérification" in await handed_in.inner_text()

    # "Ajouter un document": a household document, a real PDF.
    certificate = caf_certificate()
    await page.get_by_label("Type de document").select_option(
        label="Attestation d'assurance (responsabilité civile et extrascolaire)"
    )
    assert await page.get_by_label("Enfant concerné").count() == 0  # the household's, not a child's
    await page.get_by_label("Fichier").set_input_files(
        {"name": "assurance-2026.pdf", "mimeType": "application/pdf", "buffer": certificate}
    )
    await page.get_by_role("button", name="Envoyer le document").click()
    await page.get_by_role("status").filter(has_text="« assurance-2026.pdf » envoyé").wait_for()
    row = page.get_by_role("row").filter(has_text="assurance-2026.pdf")
    await row.wait_for()
    assert "Attestation d'assurance" in await row.inner_text()
    assert "En attente de vérification" in await row.inner_text()

    # Still awaiting review: the family puts another file in its place.
    second = pdf_bytes("Attestation d'assurance scolaire 2026-2027", "Foyer TEST")
    await row.get_by_role("button", name="Remplacer").click()
    await page.get_by_role("heading", name="Remplacer « assurance-2026.pdf »").wait_for()
    await page.get_by_label("Nouveau fichier").set_input_files(
        {"name": "assurance-2026-signee.pdf", "mimeType": "application/pdf", "buffer": second}
    )
    await page.get_by_role("button", name="Remplacer le fichier").click()
    await page.get_by_role("status").filter(has_text="« assurance-2026-signee.pdf »").wait_for()
    await page.get_by_role("row").filter(has_text="assurance-2026-signee.pdf").wait_for()

    # A program renamed ".pdf", for a child's document: refused, said beside the file field.
    await page.get_by_label("Type de document").select_option(
        label="Carnet de vaccinations (pages des vaccins)"
    )
    await page.get_by_label("Enfant concerné").select_option(label="Emma-Rose TEST")
    file_field = page.get_by_label("Fichier")
    await file_field.set_input_files(
        {"name": "vaccins.pdf", "mimeType": "application/pdf", "buffer": DISGUISED}
    )
    await page.get_by_role("button", name="Envoyer le document").click()
    await page.wait_for_function(
        "() => document.querySelector('input[type=file][aria-invalid=true]') !== null"
    )
    described = await file_field.get_attribute("aria-describedby")
    assert described is not None
    refusal = await page.locator(f"#{described.split()[-1]}").inner_text()
    assert "programme" in refusal

    # A real PDF over the type's limit: the size is said beside the file field too.
    assert len(certificate) > 1024
    await file_field.set_input_files(
        {"name": "vaccins.pdf", "mimeType": "application/pdf", "buffer": certificate}
    )
    await page.get_by_role("button", name="Envoyer le document").click()
    await (
        page.locator(f"#{described.split()[-1]}")
        .filter(has_text="taille maximale autorisée (1 Ko)")
        .wait_for()
    )

    # "Mes documents à éditer": Emma-Rose's fiche sanitaire, downloaded ("Flèche"): a PDF.
    forms = page.get_by_role("table", name="Formulaires à éditer")
    health = forms.get_by_role("row").filter(has_text="Emma-Rose")
    async with page.expect_download() as waiting:
        await health.get_by_role("link", name="Télécharger").click()
    download = await waiting.value
    pdf = await asyncio.to_thread(Path(await download.path()).read_bytes)
    assert pdf.startswith(b"%PDF")
    assert chromium.problems == []
    assert chromium.beyond(live_server.url) == []

    # The API's own state: one document more, pending, its file stored as sent; nothing else.
    after = await _documents(db)
    [new] = [d for d in after if d.id not in {b.id for b in before}]
    assert (new.filename, new.state, new.child_id, new.content_type) == (
        "assurance-2026-signee.pdf",
        "pending",
        None,
        "application/pdf",
    )
    assert await storage_for(settings).get(new.storage_key) == second


async def test_a_family_enrols_a_child_withdraws_and_is_told_what_is_missing(
    db, settings, live_server, chromium
):
    await load_demo(db, settings)
    page = await chromium.new_page()
    await _sign_in_from(page, f"{live_server.url}/inscriptions")
    await page.get_by_role("heading", name="Inscription aux services").wait_for()
    await page.get_by_label("Enfant").select_option(label="Emma-Rose TEST")

    # The day-care asks who may pick the child up: Emma-Rose's record lacks it. Said before asking,
    # and the API's refusal shown in the period when the family asks all the same.
    daycare = page.get_by_role("article", name="GARDERIE 2026-2027")
    await daycare.wait_for()
    assert "Pas d'inscription" in await daycare.inner_text()
    missing = await daycare.get_by_role("list").inner_text()
    assert missing.strip()
    await daycare.get_by_role("button", name="Demander l'inscription").click()
    refusal = daycare.get_by_role("alert")
    await refusal.get_by_role("listitem").first.wait_for()
    assert (await refusal.inner_text()).strip().splitlines()[0] in missing

    # The canteen takes her at once.
    canteen = page.get_by_role("article", name="RESTAURATION SCOLAIRE 2026-2027")
    await canteen.get_by_role("button", name="Demander l'inscription").click()
    await canteen.get_by_text("Inscription acceptée", exact=True).wait_for()
    await canteen.get_by_role("status").filter(has_text="Inscription acceptée :").wait_for()

    # The Wednesday day-care: staff decide; the request waits.
    wednesdays = page.get_by_role("article", name="MERCREDI POMPIDOU B ELEMENTAIRE / 2026-2027")
    await wednesdays.get_by_role("button", name="Demander l'inscription").click()
    await wednesdays.get_by_text("Inscription en attente de validation par les services").wait_for()

    # Withdrawn after a confirmation (cancelling first changes nothing).
    await canteen.get_by_role("button", name="Retirer l'inscription").click()
    await canteen.get_by_role("button", name="Annuler").click()
    await canteen.get_by_role("button", name="Retirer l'inscription").click()
    await canteen.get_by_role("button", name="Confirmer le retrait").click()
    await canteen.get_by_role("status").filter(has_text="Inscription retirée.").wait_for()
    await canteen.get_by_text("Inscription retirée", exact=True).wait_for()
    assert chromium.problems == []

    # The API's own state.
    async with db.read_sessions() as session:
        emma = (await session.exec(select(Child).where(Child.first_name == "Emma-Rose"))).one()
        periods = {p.id: p.name for p in (await session.exec(select(Period))).all()}
        rows = (await session.exec(select(Enrolment).where(Enrolment.child_id == emma.id))).all()
    states = {periods[r.period_id]: r.state for r in rows}
    assert states == {
        "RESTAURATION SCOLAIRE 2026-2027": "withdrawn",
        "MERCREDI POMPIDOU B ELEMENTAIRE / 2026-2027": "pending",
    }
