"""The pages the law requires: staff write the legal notices, the accessibility statement and the
privacy notice; anyone reads them without signing in, from the footer's links (`town { legalPages }`),
in HTML cleaned as the news are; each change is audited, and refused input writes nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlmodel import select

from portail.db.models import AuditEntry, LegalPage
from tests.support.accounts import signed_in
from tests.support.builders import make_family, make_staff
from tests.support.content import ERRORS, codes, staff_client

FACTS = "status statusLabel complianceRate auditDate auditedBy rgaaVersion"
PAGE = f"kind title footerLabel body bodyHtml updatedAt accessibility {{ {FACTS} }}"
READ = f"query($kind: LegalPageKind!) {{ legalPage(kind: $kind) {{ {PAGE} }} }}"
FOOTER = "{ town { name legalPages { kind title footerLabel updatedAt } } }"
UPDATE = f"""mutation($kind: LegalPageKind!, $input: UpdateLegalPageInput!) {{
  updateLegalPage(kind: $kind, input: $input) {{ legalPage {{ {PAGE} }} {ERRORS} }} }}"""
UPDATE_STATEMENT = f"""mutation($input: UpdateAccessibilityStatementInput!) {{
  updateAccessibilityStatement(input: $input) {{ legalPage {{ {PAGE} }} {ERRORS} }} }}"""

NOTICE = """## Éditeur

Ville de Séné, Place de la Fontaine, 56860 SÉNÉ.

<script>alert("pris")</script>

[Écrire à la mairie](mailto:mairie@sene.fr) · [piège](javascript:alert(1))
"""


async def _audit(db, field: str | None = None) -> list[AuditEntry]:
    async with db.read_sessions() as session:
        query = select(AuditEntry).where(AuditEntry.entity == "legal_page")
        if field is not None:
            query = query.where(AuditEntry.field == field)
        return list((await session.exec(query.order_by(AuditEntry.at))).all())


async def _pages(db) -> list[LegalPage]:
    async with db.read_sessions() as session:
        return list((await session.exec(select(LegalPage))).all())


async def test_staff_write_the_legal_notices_and_anyone_reads_them_without_signing_in(db, browser, clock):
    anyone = browser()
    never = (await anyone.data(READ, {"kind": "LEGAL_NOTICE"}))["legalPage"]
    assert never == {"kind": "LEGAL_NOTICE", "title": "Mentions légales", "footerLabel": "Mentions légales",
                     "body": "", "bodyHtml": "", "updatedAt": None, "accessibility": None}

    clock.travel_to(datetime(2026, 12, 1, 10, 0, tzinfo=UTC))
    agent = await make_staff(db)
    staff = await signed_in(browser(), agent.email, agent.password)
    payload = (await staff.data(UPDATE, {"kind": "LEGAL_NOTICE", "input": {"body": NOTICE}}))["updateLegalPage"]
    assert payload["errors"] == []

    page = (await anyone.data(READ, {"kind": "LEGAL_NOTICE"}))["legalPage"]
    assert page["body"] == NOTICE.strip()
    assert page["updatedAt"].startswith("2026-12-01T10:00")
    html = page["bodyHtml"]
    assert "<h2>Éditeur</h2>" in html
    assert '<a href="mailto:mairie@sene.fr" rel="noopener noreferrer">Écrire à la mairie</a>' in html
    # Sanitised as the news are: the script is text, the javascript: link is no link.
    assert "<script" not in html and "&lt;script&gt;" in html
    assert 'href="javascript:' not in html and html.count("<a ") == 1
    assert page == payload["legalPage"]

    # The change is audited: which page and field, before, after, who.
    [entry] = await _audit(db)
    assert (entry.field, entry.before, entry.after) == ("LEGAL_NOTICE.body", "", page["body"])
    assert (entry.household_id, entry.author_id) == (None, agent.account.id)


async def test_the_footer_links_the_three_pages_in_order(db, browser, clock):
    anyone = browser()
    footer = (await anyone.data(FOOTER))["town"]["legalPages"]
    assert [(p["kind"], p["title"], p["footerLabel"], p["updatedAt"]) for p in footer] == [
        ("LEGAL_NOTICE", "Mentions légales", "Mentions légales", None),
        ("ACCESSIBILITY", "Déclaration d'accessibilité", "Accessibilité : non conforme", None),
        ("PRIVACY", "Données personnelles", "Données personnelles", None),
    ]
    clock.travel_to(datetime(2026, 12, 1, 10, 0, tzinfo=UTC))
    staff = await staff_client(db, browser)
    privacy = "## Responsable du traitement\n\nVille de Séné.\n\n## Réclamation\n\nAuprès de la CNIL."
    assert (await staff.data(UPDATE, {"kind": "PRIVACY", "input": {"body": privacy}}))["updateLegalPage"]["errors"] == []
    footer = (await anyone.data(FOOTER))["town"]["legalPages"]
    assert [p["updatedAt"] is not None for p in footer] == [False, False, True]
    assert footer[2]["updatedAt"].startswith("2026-12-01T10:00")
    page = (await anyone.data(READ, {"kind": "PRIVACY"}))["legalPage"]
    assert "<h2>Réclamation</h2>" in page["bodyHtml"]


async def test_the_accessibility_status_follows_the_audit(db, browser, clock):
    clock.travel_to(datetime(2026, 12, 1, 10, 0, tzinfo=UTC))
    staff = await staff_client(db, browser)
    anyone = browser()

    async def save(**input):
        payload = (await staff.data(UPDATE_STATEMENT, {"input": input}))["updateAccessibilityStatement"]
        assert payload["errors"] == [], payload
        return payload["legalPage"]

    written = await save(body="## Contenus non accessibles\n\n- Les factures PDF.")
    assert written["accessibility"] == {"status": "NON_COMPLIANT", "statusLabel": "non conforme",
                                        "complianceRate": None, "auditDate": None, "auditedBy": "",
                                        "rgaaVersion": "4.1.2"}

    audited = await save(complianceRate=64.52, auditDate="2026-10-15", auditedBy="Accessibilité Conseil")
    assert audited["accessibility"] == {"status": "PARTIALLY_COMPLIANT", "statusLabel": "partiellement conforme",
                                        "complianceRate": 64.52, "auditDate": "2026-10-15",
                                        "auditedBy": "Accessibilité Conseil", "rgaaVersion": "4.1.2"}
    assert audited["body"] == written["body"]  # left out: kept
    page = (await anyone.data(READ, {"kind": "ACCESSIBILITY"}))["legalPage"]
    assert page["footerLabel"] == "Accessibilité : partiellement conforme"
    assert page["accessibility"] == audited["accessibility"]

    assert (await save(complianceRate=49.99))["accessibility"]["status"] == "NON_COMPLIANT"
    assert (await save(complianceRate=100, rgaaVersion="4.1"))["accessibility"]["statusLabel"] == "totalement conforme"
    cleared = await save(complianceRate=None)  # no audit: its day goes with its rate
    assert (cleared["accessibility"]["status"], cleared["accessibility"]["auditDate"]) == ("NON_COMPLIANT", None)

    rates = [(e.before, e.after) for e in await _audit(db, "ACCESSIBILITY.complianceRate")]
    assert rates == [("", "64.52"), ("64.52", "49.99"), ("49.99", "100"), ("100", "")]
    assert [(e.before, e.after) for e in await _audit(db, "ACCESSIBILITY.auditDate")] == [
        ("", "2026-10-15"), ("2026-10-15", "")]


async def test_refused_input_writes_nothing_and_names_the_field(db, browser, clock):
    clock.travel_to(datetime(2026, 12, 1, 10, 0, tzinfo=UTC))
    staff = await staff_client(db, browser)

    async def refused(document, variables, root):
        payload = (await staff.data(document, variables))[root]
        assert payload["legalPage"] is None
        assert all(e["message"] for e in payload["errors"])
        return codes(payload)

    notice = {"kind": "LEGAL_NOTICE"}
    assert await refused(UPDATE, {**notice, "input": {"body": "  "}}, "updateLegalPage") == [("body", "REQUIRED")]
    assert await refused(UPDATE, {**notice, "input": {"body": None}}, "updateLegalPage") == [("body", "REQUIRED")]
    assert await refused(UPDATE, {**notice, "input": {"body": "x" * 50_001}}, "updateLegalPage") == [
        ("body", "TOO_LONG")]
    assert await refused(UPDATE, {**notice, "input": {"body": "Texte\x07caché"}}, "updateLegalPage") == [
        ("body", "INVALID")]
    # A page's first save brings its text: the audit's facts alone would publish an empty statement.
    assert await refused(UPDATE_STATEMENT, {"input": {"complianceRate": 80, "auditDate": "2026-10-15"}},
                         "updateAccessibilityStatement") == [("body", "REQUIRED")]
    tomorrow = (date(2026, 12, 1) + timedelta(days=1)).isoformat()
    assert await refused(UPDATE_STATEMENT, {"input": {
        "body": "Texte", "complianceRate": 120.5, "auditDate": tomorrow, "auditedBy": "x" * 201, "rgaaVersion": "",
    }}, "updateAccessibilityStatement") == [
        ("complianceRate", "INVALID"), ("auditDate", "DATE_IN_FUTURE"), ("auditedBy", "TOO_LONG"),
        ("rgaaVersion", "REQUIRED")]
    assert await refused(UPDATE_STATEMENT, {"input": {"body": "Texte", "complianceRate": 80}},
                         "updateAccessibilityStatement") == [("auditDate", "REQUIRED")]
    assert await refused(UPDATE_STATEMENT, {"input": {"body": "Texte", "auditDate": "2026-10-15"}},
                         "updateAccessibilityStatement") == [("complianceRate", "REQUIRED")]
    assert await refused(UPDATE_STATEMENT, {"input": {"body": "Texte", "auditedBy": None}},
                         "updateAccessibilityStatement") == [("auditedBy", "REQUIRED")]
    assert await _pages(db) == [] and await _audit(db) == []

    # Once written, a refused change leaves the page as it was.
    await staff.data(UPDATE_STATEMENT, {"input": {"body": "Texte", "complianceRate": 80, "auditDate": "2026-10-15"}})
    before = await _pages(db), await _audit(db)
    assert await refused(UPDATE_STATEMENT, {"input": {"body": "Nouveau", "auditDate": tomorrow}},
                         "updateAccessibilityStatement") == [("auditDate", "DATE_IN_FUTURE")]
    assert await refused(UPDATE_STATEMENT, {"input": {"complianceRate": None, "auditDate": "2026-11-02"}},
                         "updateAccessibilityStatement") == [("complianceRate", "REQUIRED")]
    assert (await _pages(db), await _audit(db)) == before


async def test_saving_the_same_text_changes_neither_the_date_nor_the_audit(db, browser, clock):
    clock.travel_to(datetime(2026, 12, 1, 10, 0, tzinfo=UTC))
    staff = await staff_client(db, browser)
    variables = {"kind": "PRIVACY", "input": {"body": "## Vos droits\n\nÉcrivez au DPO."}}
    first = (await staff.data(UPDATE, variables))["updateLegalPage"]["legalPage"]
    clock.travel_to(datetime(2026, 12, 1, 11, 0, tzinfo=UTC))
    again = (await staff.data(UPDATE, variables))["updateLegalPage"]["legalPage"]
    assert again["updatedAt"] == first["updatedAt"] and first["updatedAt"].startswith("2026-12-01T10:00")
    assert len(await _audit(db)) == 1


async def test_families_and_visitors_cannot_write_them(db, browser):
    family = await make_family(db)
    parent = await signed_in(browser(), family.email, family.password)
    for client, code in ((parent, "FORBIDDEN"), (browser(), "UNAUTHENTICATED")):
        for document, variables in (
            (UPDATE, {"kind": "LEGAL_NOTICE", "input": {"body": "Piraté"}}),
            (UPDATE_STATEMENT, {"input": {"complianceRate": 100, "auditDate": "2026-10-15"}}),
        ):
            body = await client(document, variables)
            assert body["data"] is None
            assert [e["extensions"]["code"] for e in body["errors"]] == [code]
    assert await _pages(db) == [] and await _audit(db) == []
