"""The demo town's footer: its three legal pages, written for the town as `town` names it, with the
facts only a town knows left as visible placeholders; loaded twice, written once."""

from __future__ import annotations

from datetime import date

import portail.demo
from tests.support.bookings import at_town_time

FOOTER = "{ town { name address legalPages { kind footerLabel updatedAt } } }"
READ = """query($kind: LegalPageKind!) { legalPage(kind: $kind) {
  bodyHtml accessibility { status complianceRate auditDate } } }"""


async def test_the_demo_publishes_the_three_pages(db, browser, clock, settings, monkeypatch):
    at_town_time(clock, date(2026, 12, 1))
    monkeypatch.setattr(portail.demo, "Clock", lambda: clock)
    await portail.demo.load_demo(db, settings)
    anyone = browser()
    town = (await anyone.data(FOOTER))["town"]
    footer = town["legalPages"]
    assert [p["footerLabel"] for p in footer] == [
        "Mentions légales", "Accessibilité : partiellement conforme", "Données personnelles"]
    assert all(p["updatedAt"] for p in footer)

    pages = {kind: (await anyone.data(READ, {"kind": kind}))["legalPage"]
             for kind in ("LEGAL_NOTICE", "ACCESSIBILITY", "PRIVACY")}
    for page in pages.values():
        assert town["name"] in page["bodyHtml"]
        assert "[À COMPLÉTER : " in page["bodyHtml"]
    assert town["address"][0] in pages["LEGAL_NOTICE"]["bodyHtml"]
    assert "Directeur de la publication" in pages["LEGAL_NOTICE"]["bodyHtml"]
    assert "Défenseur des droits" in pages["ACCESSIBILITY"]["bodyHtml"]
    assert pages["ACCESSIBILITY"]["accessibility"] == {
        "status": "PARTIALLY_COMPLIANT", "complianceRate": 72.41, "auditDate": "2026-10-15"}
    privacy = pages["PRIVACY"]["bodyHtml"]
    for words in ("Délégué à la protection des données", "Base légale", "Télécharger mes données",
                  "anonymisé", "CNIL"):
        assert words in privacy, words

    # Loaded again: the pages are left as they are (staff may have changed them).
    await portail.demo.load_demo(db, settings)
    assert (await anyone.data(FOOTER))["town"]["legalPages"] == footer
