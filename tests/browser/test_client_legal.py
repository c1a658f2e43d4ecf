"""The pages the law requires in the family web client, in headless Chromium, on the demo data: every
page's footer links to the legal notices, the accessibility statement (its link carries the status,
as the RGAA requires) and the privacy notice; each opens as a page of its own, the statement with its
status and its audit's result above the town's text."""

from __future__ import annotations

from portail.demo import load_demo
from tests.browser.test_client_money import built_client, settings  # noqa: F401  (fixtures)

FOOTER = "{ town { legalPages { kind footerLabel updatedAt } } }"


async def test_a_visitor_opens_each_legal_page_from_the_footer(
    db, settings, live_server, chromium, browser, clock  # noqa: F811
):
    await load_demo(db, settings)
    page = await chromium.new_page()
    await page.set_viewport_size({"width": 390, "height": 844})
    await page.goto(f"{live_server.url}/")
    footer = page.get_by_role("navigation", name="Informations légales")
    links = footer.get_by_role("link")
    await links.first.wait_for()
    assert await links.all_inner_texts() == [
        "Mentions légales", "Accessibilité : partiellement conforme", "Données personnelles"]

    await footer.get_by_role("link", name="Accessibilité : partiellement conforme").click()
    await page.get_by_role("heading", name="Déclaration d'accessibilité", level=1).wait_for()
    assert page.url == f"{live_server.url}/accessibilite"
    assert await page.title() == "Déclaration d'accessibilité – Portail Familles"
    conformity = page.get_by_role("region", name="État de conformité")
    await conformity.get_by_text("partiellement conforme", exact=True).wait_for()
    assert "72,41 % des critères du RGAA version 4.1.2 sont respectés" in await conformity.inner_text()
    await page.get_by_role("heading", name="Voies de recours", level=2).wait_for()

    await footer.get_by_role("link", name="Mentions légales").click()
    await page.get_by_role("heading", name="Mentions légales", level=1).wait_for()
    await page.get_by_role("heading", name="Directeur de la publication", level=2).wait_for()
    assert await page.get_by_role("region", name="État de conformité").count() == 0
    await footer.get_by_role("link", name="Données personnelles").click()
    await page.get_by_role("heading", name="Données personnelles", level=1).wait_for()
    await page.get_by_role("table").get_by_role("columnheader", name="Base légale").wait_for()
    assert "Mise à jour le " in await page.get_by_role("main").inner_text()

    # What the API serves: the same labels, each page dated.
    served = (await browser().data(FOOTER))["town"]["legalPages"]
    assert [p["footerLabel"] for p in served] == await links.all_inner_texts()
    assert all(p["updatedAt"] for p in served)
    assert chromium.problems == []
    assert chromium.beyond(live_server.url) == []
