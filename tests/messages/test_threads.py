"""A family writes to the service about its child's allergy, with the doctor's certificate; the service's
inbox is told without the content; an agent answers from the shared inbox; the family reads it."""

from __future__ import annotations

import uuid
from datetime import timedelta

from tests.support.accounts import signed_in
from tests.support.builders import make_family, make_staff
from tests.support.counts import statements
from tests.support.documents import codes, link_path, make_child, pdf_bytes, png_bytes
from tests.support.messages import (
    CLOSE,
    INBOX,
    MARK_READ,
    REOPEN,
    THREAD,
    THREADS,
    UNREAD,
    post_files,
    reply,
    start_thread,
    table_counts,
)
from tests.support.pages import end_cursor, has_next, nodes

SERVICE = "enfance@portail.test"  # PORTAIL_SERVICE_EMAIL's default for the tests' public URL
ALLERGY = "Léo est allergique à l'arachide : voici le certificat du Dr Morvan."


async def test_a_family_writes_about_health_and_an_agent_answers(db, browser, smtp, clock, live_server):
    family = await make_family(db, "lola.martin@example.org", name="MARTIN")
    leo = await make_child(db, family.household, "Léo")
    staff = await make_staff(db)
    client = await signed_in(browser(), family.email, family.password)
    certificate = pdf_bytes("Certificat medical", "Allergie arachide")

    # "Nouveau message": topic Dossier / santé, about Léo, the certificate attached.
    started = await start_thread(
        client,
        [("certificat.pdf", certificate, "application/pdf")],
        topic="HEALTH",
        subject="Allergie de Léo",
        body=ALLERGY,
        childId=str(leo.id),
    )
    assert started["errors"] == []
    thread = started["thread"]
    assert (thread["topic"], thread["topicLabel"], thread["childName"]) == (
        "HEALTH",
        "Dossier / santé",
        "Léo MARTIN",
    )
    [message] = thread["messages"]
    assert (message["body"], message["fromService"], message["authorName"]) == (ALLERGY, False, "Lola MARTIN")
    [attachment] = message["attachments"]
    assert (attachment["fileName"], attachment["format"], attachment["size"]) == (
        "certificat.pdf",
        "PDF",
        len(certificate),
    )
    opened = await client.http.get(link_path(attachment["viewUrl"]))
    assert opened.status_code == 200 and opened.content == certificate

    # The service's inbox is told, without the family's name, the subject, the body or even the
    # health topic (the portal's inbox says who wrote).
    [mail] = await smtp.wait_for(SERVICE)
    assert mail.link() == f"http://portail.test/messages/{thread['id']}"
    assert mail.subject == "Nouveau message d'une famille"
    for secret in ("MARTIN", "allergi", "arachide", "Allergie de Léo", "Dossier / santé", "Léo"):
        assert secret.lower() not in (mail.subject + mail.text + mail.html).lower(), secret

    # The agent finds it unread in the shared inbox, opens the certificate and answers.
    agent = await signed_in(browser(), staff.email, staff.password)
    assert (await agent.data(UNREAD))["unreadMessageCount"] == 1
    inbox = nodes((await agent.data(INBOX, {"unreadOnly": True}))["staffMessageThreads"])
    assert [(t["id"], t["householdName"], t["unreadCount"]) for t in inbox] == [(thread["id"], "MARTIN", 1)]
    shown = (await agent.data(THREAD, {"id": thread["id"]}))["messageThread"]
    staff_copy = shown["messages"][0]["attachments"][0]
    assert (await agent.http.get(link_path(staff_copy["downloadUrl"]))).content == certificate

    clock.travel(timedelta(minutes=5))
    answered = await reply(agent, thread["id"], "Bien reçu, nous prévenons la cantine.\nBonne journée.")
    assert answered["errors"] == []
    messages = answered["thread"]["messages"]
    assert [m["fromService"] for m in messages] == [False, True]
    assert messages[1]["authorName"] == "Agnès Agent"
    # Answering read the family's message; the inbox has nothing unread left.
    assert messages[0]["readAt"] is not None and messages[1]["readAt"] is None
    assert (await agent.data(UNREAD))["unreadMessageCount"] == 0
    assert nodes((await agent.data(INBOX, {"unreadOnly": True}))["staffMessageThreads"]) == []

    # The family is mailed (no content) and sees one unread message until it reads the thread.
    [to_family] = await smtp.wait_for(family.email)
    assert to_family.link() == f"http://portail.test/messages/{thread['id']}"
    assert "cantine" not in to_family.text and "Dossier / santé" not in to_family.text
    assert (await client.data(UNREAD))["unreadMessageCount"] == 1
    listed = nodes((await client.data(THREADS))["messageThreads"])
    assert [(t["id"], t["unreadCount"], t["messages"]) for t in listed] == [(thread["id"], 1, None)]
    read = (await client.data(MARK_READ, {"threadId": thread["id"]}))["markThreadRead"]
    assert read["errors"] == [] and read["thread"]["unreadCount"] == 0
    assert read["thread"]["messages"][1]["readAt"] is not None
    assert (await client.data(UNREAD))["unreadMessageCount"] == 0


async def test_staff_close_and_a_family_reply_reopens(db, browser, smtp):
    family = await make_family(db)
    staff = await make_staff(db)
    client = await signed_in(browser(), family.email, family.password)
    agent = await signed_in(browser(), staff.email, staff.password)
    thread = (await start_thread(client, topic="INVOICES", subject="Facture de novembre"))["thread"]

    closed = (await agent.data(CLOSE, {"threadId": thread["id"]}))["closeMessageThread"]
    assert closed["thread"]["closed"] is True and closed["thread"]["closedAt"]
    again = await reply(client, thread["id"], "Une dernière question.")
    assert again["thread"]["closed"] is False
    closed = (await agent.data(CLOSE, {"threadId": thread["id"]}))["closeMessageThread"]
    reopened = (await agent.data(REOPEN, {"threadId": thread["id"]}))["reopenMessageThread"]
    assert reopened["thread"]["closed"] is False

    # The non-health topic is named in the service's mail; never the subject.
    mails = await smtp.wait_for("enfance@portail.test", count=2)
    assert "Factures" in mails[0].text and "novembre" not in mails[0].text

    # Families may not close threads.
    refused = await client(CLOSE, {"threadId": thread["id"]})
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_another_familys_thread_is_not_found_and_nothing_is_written(db, browser):
    a = await make_family(db, "a@famille-a.test", name="ALPHA")
    b = await make_family(db, "b@famille-b.test", name="BRAVO")
    b_child = await make_child(db, b.household, "Basile")
    alpha = await signed_in(browser(), a.email, a.password)
    bravo = await signed_in(browser(), b.email, b.password)
    thread_b = (await start_thread(bravo, subject="Secret"))["thread"]["id"]
    before = await table_counts(db)

    for thread_id in (thread_b, str(uuid.uuid4()), "pas-un-id"):
        answer = await alpha(THREAD, {"id": thread_id})
        assert answer["data"] is None
        assert answer["errors"][0]["extensions"] == {"code": "NOT_FOUND", "field": "id"}
        assert codes(await reply(alpha, thread_id, "Coucou")) == [("threadId", "NOT_FOUND")]
        read = (await alpha.data(MARK_READ, {"threadId": thread_id}))["markThreadRead"]
        assert codes(read) == [("threadId", "NOT_FOUND")]
    foreign_child = await start_thread(alpha, childId=str(b_child.id))
    assert codes(foreign_child) == [("childId", "NOT_FOUND")]
    assert nodes((await alpha.data(THREADS))["messageThreads"]) == []
    assert (await alpha.data(UNREAD))["unreadMessageCount"] == 0
    assert await table_counts(db) == before


async def test_bad_input_names_its_fields_and_writes_nothing(db, browser, settings):
    family = await make_family(db)
    client = await signed_in(browser(), family.email, family.password)
    before = await table_counts(db)

    empty = await start_thread(client, subject="  ", body="")
    assert codes(empty) == [("subject", "REQUIRED"), ("body", "REQUIRED")]
    too_long = await start_thread(client, subject="x" * 201, body="y" * 5001)
    assert codes(too_long) == [("subject", "TOO_LONG"), ("body", "TOO_LONG")]
    bad_topic = await client(
        'mutation { startMessageThread(input: {topic: URGENT, subject: "a", body: "b"}) { errors { code } } }'
    )
    assert "errors" in bad_topic and bad_topic.get("data") is None

    # A program renamed .pdf, and four files where three are allowed.
    disguised = ("certificat.pdf", b"MZ\x90\x00" + b"\x00" * 100, "application/pdf")
    refused = await start_thread(client, [("ok.png", png_bytes(), "image/png"), disguised])
    assert codes(refused) == [("attachments.1", "FILE_FORMAT_REFUSED")]
    four = [("p.png", png_bytes(), "image/png")] * 4
    assert codes(await start_thread(client, four)) == [("attachments", "INVALID")]
    assert await table_counts(db) == before
    storage = settings.storage_path
    assert not storage.exists() or not any(p.is_file() for p in storage.rglob("*"))

    # A reply with an empty body, in a real thread.
    thread = (await start_thread(client))["thread"]["id"]
    assert codes(await reply(client, thread, " \n ")) == [("body", "REQUIRED")]
    answer = await post_files(
        client,
        'mutation($t: ID!, $f: [Upload!]) { replyToThread(threadId: $t, body: "x", attachments: $f) { errors { field code } } }',
        {"t": thread, "f": [None]},
        ["f.0"],
        [("vide.pdf", b"", "application/pdf")],
    )
    assert answer["data"]["replyToThread"]["errors"] == [{"field": "attachments.0", "code": "FILE_EMPTY"}]


async def test_thread_lists_page_in_constant_statements(db, browser, clock, live_server):
    staff = await make_staff(db)
    families = []
    for index in range(5):
        family = await make_family(db, f"parent{index}@famille.test", name=f"FAMILLE{index}")
        child = await make_child(db, family.household, f"Enfant{index}")
        families.append((family, child))
    first = await signed_in(browser(), families[0][0].email, families[0][0].password)
    started = []
    for index, (family, child) in enumerate(families):
        client = first if index == 0 else await signed_in(browser(), family.email, family.password)
        thread = await start_thread(client, subject=f"Sujet {index}", childId=str(child.id))
        started.append(thread["thread"]["id"])
        clock.travel(timedelta(minutes=1))
    # Family 0 has five threads of its own too.
    own = []
    for index in range(5):
        own.append((await start_thread(first, subject=f"Le mien {index}"))["thread"]["id"])
        clock.travel(timedelta(minutes=1))
    agent = await signed_in(browser(), staff.email, staff.password)
    await agent.data(UNREAD)
    await first.data(UNREAD)

    for client, query, name, expected in (
        (agent, INBOX, "staffMessageThreads", list(reversed(started + own))),
        (first, THREADS, "messageThreads", list(reversed([started[0], *own]))),
    ):
        seen, after, counts = [], None, []
        while True:
            with statements(live_server.app.state.db) as sql:
                page = (await client.data(query, {"first": 2, "after": after}))[name]
            counts.append(len(sql))
            seen += [t["id"] for t in nodes(page)]
            if not has_next(page):
                break
            after = end_cursor(page)
        assert seen == expected
        assert len(set(counts)) == 1, counts
    # The inbox filtered on one household.
    one = nodes(
        (await agent.data(INBOX, {"householdId": str(families[1][0].household.id)}))["staffMessageThreads"]
    )
    assert [t["id"] for t in one] == [started[1]]
