"""The rest of the home page: "Les liens utiles", "Le guide utilisateur" and the town's contact details
and opening hours, set by staff and read by anyone."""

from __future__ import annotations

from tests.support.content import ERRORS, codes, staff_client

CREATE_LINK = f"""mutation($input: CreateUsefulLinkInput!) {{ createUsefulLink(input: $input) {{
  usefulLink {{ id label url description position }} {ERRORS} }} }}"""
UPDATE_LINK = f"""mutation($id: ID!, $input: UpdateUsefulLinkInput!) {{ updateUsefulLink(id: $id, input: $input) {{
  usefulLink {{ id label url description position }} {ERRORS} }} }}"""
LINKS = "{ usefulLinks { label url description position } }"
CREATE_SECTION = f"""mutation($input: CreateGuideSectionInput!) {{ createGuideSection(input: $input) {{
  guideSection {{ id title bodyHtml position }} {ERRORS} }} }}"""
GUIDE = "{ guideSections { title body bodyHtml position } }"
UPDATE_TOWN = f"""mutation($input: UpdateTownInput!) {{ updateTown(input: $input) {{
  town {{ name address phone phoneUri email openingHours {{ weekday day hours }} }} {ERRORS} }} }}"""
TOWN = "{ town { name address phone phoneUri email openingHours { weekday day hours } } }"


async def test_useful_links_in_the_order_staff_give_them(db, browser):
    staff = await staff_client(db, browser)
    for position, label, url in ((2, "CAF", "https://www.caf.fr"), (1, "Service public", "https://www.service-public.fr")):
        payload = (await staff.data(CREATE_LINK, {"input": {"label": label, "url": url, "position": position}}))
        assert payload["createUsefulLink"]["errors"] == []
    links = (await browser().data(LINKS))["usefulLinks"]
    assert [link["label"] for link in links] == ["Service public", "CAF"]

    caf = (await staff.data(CREATE_LINK, {"input": {"label": "Impôts", "url": "http://www.impots.gouv.fr"}}))
    link_id = caf["createUsefulLink"]["usefulLink"]["id"]
    moved = (await staff.data(UPDATE_LINK, {"id": link_id, "input": {"description": "Déclarer ses revenus"}}))
    assert moved["updateUsefulLink"]["usefulLink"] == {
        "id": link_id, "label": "Impôts", "url": "http://www.impots.gouv.fr", "description": "Déclarer ses revenus",
        "position": 0}


async def test_a_link_leads_only_to_a_web_page(db, browser):
    staff = await staff_client(db, browser)
    for url in ("javascript:alert(1)", "data:text/html,hi", "ftp://exemple.test", "https://", "https://exemple",
                "https://exemple .fr", "file:///etc/passwd", "//exemple.test", "x" * 501):
        payload = (await staff.data(CREATE_LINK, {"input": {"label": "Piège", "url": url}}))["createUsefulLink"]
        assert payload["usefulLink"] is None
        assert [field for field, _ in codes(payload)] == ["url"], url
    assert (await browser().data(LINKS))["usefulLinks"] == []
    unknown = await staff.data(UPDATE_LINK, {"id": "inconnu", "input": {"label": "X"}})
    assert codes(unknown["updateUsefulLink"]) == [("id", "NOT_FOUND")]


async def test_the_guide_sections_in_order_rendered_safely(db, browser):
    staff = await staff_client(db, browser)
    await staff.data(CREATE_SECTION, {"input": {"title": "Réserver", "position": 2,
                                                "body": "Cliquez sur **Réserver**.\n\n<script>x()</script>"}})
    await staff.data(CREATE_SECTION, {"input": {"title": "Se connecter", "position": 1,
                                                "body": "Votre *adresse mail* et votre mot de passe."}})
    guide = (await browser().data(GUIDE))["guideSections"]
    assert [s["title"] for s in guide] == ["Se connecter", "Réserver"]
    assert guide[0]["bodyHtml"] == "<p>Votre <em>adresse mail</em> et votre mot de passe.</p>\n"
    assert "<script" not in guide[1]["bodyHtml"]


async def test_the_towns_contact_details_fall_back_on_the_settings_until_staff_set_them(db, browser, settings):
    anyone = browser()
    town = (await anyone.data(TOWN))["town"]
    assert town == {"name": settings.town_name, "address": settings.town_address, "phone": None,
                    "phoneUri": None, "email": None, "openingHours": []}

    staff = await staff_client(db, browser)
    hours = [{"weekday": "MONDAY", "hours": "8 h 30 – 12 h / 13 h 30 – 17 h 30"},
             {"weekday": "SATURDAY", "hours": "9 h – 12 h"}]
    payload = (await staff.data(UPDATE_TOWN, {"input": {
        "phone": "02 97 66 90 62", "email": "enfance@sene.fr", "openingHours": hours}}))["updateTown"]
    assert payload["errors"] == []
    town = (await anyone.data(TOWN))["town"]
    assert town["name"] == settings.town_name  # left out: still the settings'
    assert (town["phone"], town["phoneUri"], town["email"]) == ("02 97 66 90 62", "tel:+33297669062", "enfance@sene.fr")
    assert town["openingHours"] == [
        {"weekday": "MONDAY", "day": "Lundi", "hours": "8 h 30 – 12 h / 13 h 30 – 17 h 30"},
        {"weekday": "SATURDAY", "day": "Samedi", "hours": "9 h – 12 h"}]

    refused = (await staff.data(UPDATE_TOWN, {"input": {"phone": "12", "email": "pas une adresse",
                                                        "openingHours": [{"weekday": "MONDAY", "hours": ""}]}}))
    assert codes(refused["updateTown"]) == [
        ("phone", "INVALID_PHONE"), ("email", "INVALID_EMAIL"), ("openingHours.0.hours", "REQUIRED")]

    named = (await staff.data(UPDATE_TOWN, {"input": {"name": "Mairie de Séné", "address": ["Place de la Fontaine",
                                                                                          "56860 SÉNÉ"]}}))
    assert named["updateTown"]["town"]["name"] == "Mairie de Séné"
    assert named["updateTown"]["town"]["openingHours"][1]["day"] == "Samedi"  # left out: kept
    cleared = (await staff.data(UPDATE_TOWN, {"input": {"name": None, "phone": None}}))["updateTown"]["town"]
    assert cleared["name"] == settings.town_name and cleared["phone"] is None
    assert cleared["address"] == ["Place de la Fontaine", "56860 SÉNÉ"]
