"""A family hands in its CAF certificate for the quotient; staff review it; the family is mailed."""

from __future__ import annotations

from datetime import date, timedelta

from portail.rules.validity import add_months, town_date
from tests.support.accounts import signed_in
from tests.support.builders import make_family, make_staff
from tests.support.counts import statements
from tests.support.documents import (
    DOCUMENTS,
    REVIEW,
    TO_REVIEW,
    caf_certificate,
    codes,
    link_path,
    make_child,
    make_document_type,
    pdf_bytes,
    png_bytes,
    upload,
)
from tests.support.pages import end_cursor, has_next, nodes


async def test_family_hands_in_the_caf_certificate_and_staff_accept_it(db, browser, smtp, clock, live_server):
    family = await make_family(db, "lola.martin@example.org", name="MARTIN")
    staff = await make_staff(db)
    caf = await make_document_type(db, "ATTESTATION_CAF", "Attestation CAF", validity_months=12)
    client = await signed_in(browser(), family.email, family.password)

    pdf = caf_certificate()
    handed_in = await upload(client, ("attestation caf 2026.pdf", pdf, "application/pdf"), str(caf.id))
    assert handed_in["errors"] == []
    document = handed_in["document"]
    assert document["state"] == "PENDING"
    assert (document["fileName"], document["format"], document["size"]) == (
        "attestation caf 2026.pdf",
        "PDF",
        len(pdf),
    )
    assert document["type"]["code"] == "ATTESTATION_CAF" and document["childId"] is None
    assert document["validUntil"] is None

    # The family finds it in its list and can open it.
    listed = (await client.data(DOCUMENTS))["documents"]
    assert [d["id"] for d in listed] == [document["id"]]
    opened = await client.http.get(link_path(listed[0]["viewUrl"]))
    assert opened.status_code == 200 and opened.content == pdf
    assert opened.headers["content-type"] == "application/pdf"

    # Staff find it awaiting review, open the same bytes, and accept it.
    agent = await signed_in(browser(), staff.email, staff.password)
    page = (await agent.data(TO_REVIEW))["documentsToReview"]
    assert page["totalCount"] == 1 and not has_next(page)
    item = nodes(page)[0]
    assert (item["id"], item["householdName"]) == (document["id"], "MARTIN")
    assert (await agent.http.get(link_path(item["downloadUrl"]))).content == pdf

    accepted = (await agent.data(REVIEW, {"id": document["id"], "accept": True}))["reviewDocument"]
    assert accepted["errors"] == []
    expected_until = add_months(town_date(clock.now()), 12)
    assert accepted["document"]["state"] == "ACCEPTED"
    assert accepted["document"]["validUntil"] == expected_until.isoformat()

    mail = (await smtp.wait_for(family.email))[0]
    assert "Attestation CAF" in mail.subject and "accepté" in mail.subject
    assert "Bonjour Lola MARTIN" in mail.text
    assert expected_until.strftime("%d/%m/%Y") in mail.text
    assert "http://portail.test/mes-documents" in mail.text

    # The family sees the decision; the review list is empty.
    mine = (await client.data(DOCUMENTS))["documents"][0]
    assert (mine["state"], mine["validUntil"]) == ("ACCEPTED", expected_until.isoformat())
    assert (await agent.data(TO_REVIEW))["documentsToReview"]["totalCount"] == 0

    # A decided document is not decided again.
    again = (await agent.data(REVIEW, {"id": document["id"], "accept": False, "reason": "x"}))[
        "reviewDocument"
    ]
    assert codes(again) == [("id", "ALREADY_DECIDED")]


async def test_a_rejection_needs_a_reason_which_the_family_reads(db, browser, smtp):
    family = await make_family(db)
    staff = await make_staff(db)
    insurance = await make_document_type(db, "ASSURANCE", "Attestation d'assurance", validity_months=None)
    client = await signed_in(browser(), family.email, family.password)
    document = (await upload(client, ("assurance.png", png_bytes(), "image/png"), str(insurance.id)))[
        "document"
    ]
    assert document["format"] == "PNG"
    agent = await signed_in(browser(), staff.email, staff.password)

    for reason in (None, "   "):
        refused = await agent.data(REVIEW, {"id": document["id"], "accept": False, "reason": reason})
        assert codes(refused["reviewDocument"]) == [("reason", "REASON_REQUIRED")]
    assert (await client.data(DOCUMENTS))["documents"][0]["state"] == "PENDING"

    reason = "Attestation illisible <b>: merci de la renvoyer</b>"
    rejected = await agent.data(REVIEW, {"id": document["id"], "accept": False, "reason": reason})
    assert rejected["reviewDocument"]["document"]["state"] == "REJECTED"
    assert rejected["reviewDocument"]["document"]["reason"] == reason

    mail = (await smtp.wait_for(family.email))[0]
    assert "n'a pas pu être accepté" in mail.subject
    assert f"Motif : {reason}" in mail.text
    assert "Attestation illisible &lt;b&gt;" in mail.html  # escaped in HTML
    mine = (await client.data(DOCUMENTS))["documents"][0]
    assert (mine["state"], mine["reason"], mine["validUntil"]) == ("REJECTED", reason, None)


async def test_per_child_documents_name_their_child(db, browser):
    family = await make_family(db)
    paul = await make_child(db, family.household, "Paul", birth_date=date(2014, 5, 12))
    emma = await make_child(db, family.household, "Emma-Rose")
    vaccinations = await make_document_type(db, "VACCINATIONS", "Vaccinations", per_child=True)
    client = await signed_in(browser(), family.email, family.password)
    file = ("carnet.pdf", pdf_bytes("Carnet de vaccinations"), "application/pdf")

    missing = await upload(client, file, str(vaccinations.id))
    assert codes(missing) == [("childId", "REQUIRED")]

    for child in (paul, emma):
        payload = await upload(client, file, str(vaccinations.id), str(child.id))
        assert payload["errors"] == [] and payload["document"]["childId"] == str(child.id)

    pauls = (await client.data(DOCUMENTS, {"childId": str(paul.id)}))["documents"]
    assert [d["childName"] for d in pauls] == ["Paul MARTIN"]
    assert len((await client.data(DOCUMENTS))["documents"]) == 2


async def test_staff_review_list_is_paginated_oldest_first_in_constant_statements(
    db, browser, clock, live_server
):
    staff = await make_staff(db)
    caf = await make_document_type(db)
    uploaded = []
    for index in range(5):
        family = await make_family(db, f"parent{index}@famille.test", name=f"FAMILLE{index}")
        client = await signed_in(browser(), family.email, family.password)
        document = await upload(client, ("caf.pdf", caf_certificate(), "application/pdf"), str(caf.id))
        uploaded.append(document["document"]["id"])
        clock.travel(timedelta(minutes=1))
    agent = await signed_in(browser(), staff.email, staff.password)
    await agent.data("{ viewer { roles } }")

    # Pages of 2, 2 and 1 documents: the same statements each time.
    seen, after, statement_counts = [], None, []
    while True:
        with statements(live_server.app.state.db) as sql:
            page = (await agent.data(TO_REVIEW, {"first": 2, "after": after}))["documentsToReview"]
        statement_counts.append(len(sql))
        assert page["totalCount"] == 5
        seen += [d["id"] for d in nodes(page)]
        if not has_next(page):
            break
        after = end_cursor(page)
    assert seen == uploaded
    assert len(set(statement_counts)) == 1, statement_counts

    bad = await agent(TO_REVIEW, {"after": "pas-un-curseur"})
    assert bad["errors"][0]["extensions"] == {"code": "INVALID", "field": "after"}
