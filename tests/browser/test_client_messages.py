"""The family web client's messages and reminders in headless Chromium, as the demo family (household
TEST) clicks through them: it writes to the service about Emma-Rose's allergy with the doctor's
certificate (an empty message and a disguised file first, refused beside their fields with nothing
written), the service's inbox is mailed; an agent answers through the API; the family follows the link
of the mail it received, reads the answer (the header's count goes back to none) and replies with a
photo; another household's conversation and an unknown one are "Ce message n'existe pas". Then "Mes
rappels par courriel" of "Mon profil", switched and saved. Each journey ends with the database's own
state (or the API's)."""

from __future__ import annotations

import re
import uuid
from typing import Any

import sqlalchemy as sa
from sqlmodel import select

from portail.adapters.storage import storage_for
from portail.db.models import (
    Child,
    Household,
    Message,
    MessageAttachment,
    MessageThread,
    NotificationPreference,
)
from portail.demo import FAMILY_EMAIL, OTHER_EMAIL, OTHER_PASSWORD, load_demo
from tests.browser.test_client_records import sign_in_at
from tests.browser.test_family_client import built_client, settings  # noqa: F401  (fixtures)
from tests.support.accounts import signed_in
from tests.support.builders import make_staff
from tests.support.documents import pdf_bytes, png_bytes
from tests.support.messages import THREAD, reply, start_thread, table_counts

DISGUISED = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 512
ALLERGY = "Bonjour,\nEmma-Rose est allergique à l'arachide.\nVoici le certificat du Dr Morvan."
ANSWER = "Bien reçu, merci.\nNous prévenons la cantine dès demain."


async def _errors_of(page: Any, field: Any) -> str:
    """The messages said beside ``field`` (the list its aria-describedby names last)."""
    described = await field.get_attribute("aria-describedby")
    assert described, "no message beside the field"
    return await page.locator(f"#{described.split()[-1]}").inner_text()


async def test_a_family_writes_about_an_allergy_follows_the_mail_to_the_answer_and_replies(
    db, settings, live_server, chromium, browser, smtp  # noqa: F811
):
    await load_demo(db, settings)
    # The demo's conversation set aside: this journey starts with none, so the rows it checks are its own.
    async with db.transaction() as session:
        await session.exec(sa.delete(Message))
        await session.exec(sa.delete(MessageThread))
    staff = await make_staff(db)
    async with db.read_sessions() as session:
        emma = (await session.exec(select(Child).where(Child.first_name == "Emma-Rose"))).one()
        household = (await session.exec(select(Household).where(Household.name == "TEST"))).one()
    assert (await table_counts(db))["message_thread"] == 0

    page = await chromium.new_page()
    await sign_in_at(page, f"{live_server.url}/messages")
    await page.get_by_role("heading", name="Mes messages", level=1).wait_for()
    assert await page.title() == "Mes messages – Portail Familles"
    await page.get_by_text("Vous n'avez pas encore écrit au service.").wait_for()

    # "Nouveau message": the form opens, its heading focused.
    await page.get_by_role("button", name="Nouveau message").click()
    form_heading = page.get_by_role("heading", name="Nouveau message")
    await form_heading.wait_for()
    assert await form_heading.evaluate("h => h === document.activeElement")
    await page.get_by_label("Sujet").select_option(label="Dossier / santé")
    await page.get_by_label("Enfant concerné (facultatif)").select_option(label="Emma-Rose TEST")
    await page.get_by_label("Objet").fill("Allergie d'Emma-Rose")

    # No text, and a program renamed ".pdf": both said beside their fields; nothing is written.
    await page.get_by_label("Fichier 1").set_input_files(
        {"name": "certificat.pdf", "mimeType": "application/pdf", "buffer": DISGUISED}
    )
    await page.get_by_role("button", name="Envoyer le message").click()
    body = page.get_by_label("Message", exact=True)
    await page.wait_for_function("() => document.querySelector('textarea[aria-invalid=true]') !== null")
    assert await _errors_of(page, body)
    file_field = page.get_by_label("Fichier 1")
    assert await file_field.get_attribute("aria-invalid") == "true"
    assert "programme" in await _errors_of(page, file_field)
    assert (await table_counts(db))["message_thread"] == 0

    # The text, and the real certificate: the conversation opens, the message sent said.
    certificate = pdf_bytes("Certificat medical", "Allergie arachide")
    await body.fill(ALLERGY)
    await file_field.set_input_files(
        {"name": "certificat.pdf", "mimeType": "application/pdf", "buffer": certificate}
    )
    await page.get_by_role("button", name="Envoyer le message").click()
    await page.get_by_role("heading", name="Allergie d'Emma-Rose", level=1).wait_for()
    await page.get_by_role("status").filter(has_text="Votre message est envoyé").wait_for()
    thread_id = page.url.rsplit("/", 1)[1]
    assert page.url == f"{live_server.url}/messages/{thread_id}"
    assert "Dossier / santé · Emma-Rose TEST" in await page.locator(".threads__meta").inner_text()
    first = page.locator(".conversation__message").first
    assert await first.locator(".conversation__body").inner_text() == ALLERGY  # line breaks kept
    assert await first.get_by_role("link", name="Ouvrir « certificat.pdf » (nouvelle fenêtre)").count() == 1
    assert await first.get_by_role("link", name="Télécharger « certificat.pdf »").count() == 1

    # Written: the thread, its message, the certificate stored as sent; the service's inbox mailed.
    async with db.read_sessions() as session:
        [thread] = (await session.exec(select(MessageThread))).all()
        [message] = (await session.exec(select(Message))).all()
        [attachment] = (await session.exec(select(MessageAttachment))).all()
    assert (str(thread.id), thread.topic, thread.child_id, thread.household_id, thread.subject) == (
        thread_id, "health", emma.id, household.id, "Allergie d'Emma-Rose"
    )
    assert (message.thread_id, message.from_staff, message.body) == (thread.id, False, ALLERGY)
    assert (attachment.message_id, attachment.filename, attachment.content_type, attachment.size) == (
        message.id, "certificat.pdf", "application/pdf", len(certificate)
    )
    assert await storage_for(settings).get(attachment.storage_key) == certificate
    # (The app's public address is the live server's: the mails' links open its own client.)
    # The second mail to the service's inbox (the demo's conversation sent the first).
    to_service = (await smtp.wait_for(settings.effective_service_email, count=2))[-1]
    assert to_service.link() == f"{live_server.url}/messages/{thread_id}"

    # The service answers (an agent, through the API); the family's header counts it.
    agent = await signed_in(browser(), staff.email, staff.password)
    before = len(smtp.to(FAMILY_EMAIL))  # the demo's own mails
    assert (await reply(agent, thread_id, ANSWER))["errors"] == []
    to_family = (await smtp.wait_for(FAMILY_EMAIL, count=before + 1))[-1]
    await page.get_by_role("link", name="Accueil").click()
    messages_link = page.get_by_role("navigation", name="Menu principal").get_by_role("link", name=re.compile("^Mes messages"))
    await page.wait_for_function(
        "() => [...document.querySelectorAll('nav a')].some(a => a.textContent.includes('1 non lu'))"
    )
    assert re.sub(r"\s+", " ", await messages_link.inner_text()).strip() == "Mes messages1 non lu"

    # The mail's link leads to the answer.
    assert to_family.link() == f"{live_server.url}/messages/{thread_id}"
    await page.goto(to_family.link())
    await page.get_by_role("heading", name="Allergie d'Emma-Rose", level=1).wait_for()
    answer = page.locator(".conversation__message").nth(1)
    await answer.get_by_role("heading", name="Service enfance").wait_for()
    assert await answer.locator(".conversation__body").inner_text() == ANSWER
    await page.wait_for_function(
        "() => [...document.querySelectorAll('nav a')].some(a => a.textContent.trim() === 'Mes messages')"
    )
    async with db.read_sessions() as session:
        answered = (await session.exec(select(Message).where(Message.from_staff))).one()
    assert answered.read_at is not None

    # A reply with a photo.
    photo = png_bytes()
    await page.get_by_label("Votre réponse").fill("Merci ! Voici aussi la photo de la boîte de médicaments.")
    await page.get_by_label("Fichier 1").set_input_files({"name": "medicaments.png", "mimeType": "image/png", "buffer": photo})
    await page.get_by_role("button", name="Envoyer la réponse").click()
    await page.get_by_role("status").filter(has_text="Votre message est envoyé").wait_for()
    await page.get_by_role("link", name="Ouvrir « medicaments.png » (nouvelle fenêtre)").wait_for()
    assert await page.locator(".conversation__message").count() == 3
    assert await page.get_by_label("Votre réponse").input_value() == ""
    shown = (await agent.data(THREAD, {"id": thread_id}))["messageThread"]
    assert [m["fromService"] for m in shown["messages"]] == [False, True, False]
    assert [a["fileName"] for a in shown["messages"][2]["attachments"]] == ["medicaments.png"]
    counts = await table_counts(db)
    assert (counts["message_thread"], counts["message"], counts["message_attachment"]) == (1, 3, 2)

    # Another household's conversation and an unknown one look the same: they do not exist.
    other = await signed_in(browser(), OTHER_EMAIL, OTHER_PASSWORD)
    theirs = (await start_thread(other, subject="Facture de mars", topic="INVOICES"))["thread"]["id"]
    for missing in (theirs, str(uuid.uuid4())):
        await page.goto(f"{live_server.url}/messages/{missing}")
        await page.get_by_role("heading", name="Ce message n'existe pas", level=1).wait_for()
        assert "Facture de mars" not in await page.content()

    # "Mes messages" lists the conversation, nothing unread.
    await page.get_by_role("link", name="Mes messages").first.click()
    item = page.locator(".threads__item").filter(has_text="Allergie d'Emma-Rose")
    await item.wait_for()
    assert "Dossier / santé · Emma-Rose TEST" in await item.inner_text()
    assert "non lu" not in await item.inner_text()
    assert chromium.problems == []
    assert chromium.beyond(live_server.url) == []


async def test_a_family_switches_its_reminders_and_saves_them(
    db, settings, live_server, chromium  # noqa: F811
):
    await load_demo(db, settings)
    page = await chromium.new_page()
    await sign_in_at(page, f"{live_server.url}/mon-profil")
    section = page.get_by_role("region", name="Mes rappels par courriel")
    invoices = section.get_by_label("Une facture à payer arrive à échéance")
    deadline = section.get_by_label("La date limite de réservation du mois prochain approche")
    await invoices.wait_for()
    assert await invoices.is_checked() and not await deadline.is_checked()  # the kinds' defaults
    assert await section.get_by_label("Un justificatif accepté arrive en fin de validité").is_checked()

    await invoices.uncheck()
    await deadline.check()
    await section.get_by_role("button", name="Enregistrer").click()
    await section.get_by_role("status").filter(has_text="Vos rappels sont enregistrés : 3 rappels activés sur 4").wait_for()

    async with db.read_sessions() as session:
        household = (await session.exec(select(Household).where(Household.name == "TEST"))).one()
        rows = (
            await session.exec(select(NotificationPreference).where(NotificationPreference.household_id == household.id))
        ).all()
    assert {r.kind: r.enabled for r in rows} == {
        "invoice_due": False,
        "booking_deadline": True,
        "document_expiring": True,
        "section_to_recertify": True,
    }

    # Shown again as saved.
    await page.reload()
    await section.get_by_label("Une facture à payer arrive à échéance").wait_for()
    assert not await section.get_by_label("Une facture à payer arrive à échéance").is_checked()
    assert await section.get_by_label("La date limite de réservation du mois prochain approche").is_checked()
    assert chromium.problems == []
