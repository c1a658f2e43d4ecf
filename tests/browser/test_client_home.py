"""The guide's public home page in the family web client, in headless Chromium, on the demo data
(``portail.demo``): "Actualités" (pinned first, "Lire la suite", the scheduled item not there yet),
"Restauration scolaire" (this week's menus, labels and allergens in words, the next week), "Liens
utiles", "Guide utilisateur" (`/guide#…`), "Contact"; `/menus` with the week and the site in its
address; a signed-in family still sees its greeting and "À compléter" first. Each journey ends by
checking what the API serves, not only the screen.

The demo dates its news and menus from the wall clock when it loads (the pinned item published 20
days ago, one 3 days ago, one scheduled in 7 days; the menus of this week and the next, from this
week's Monday): the server's clock (the ``clock`` fixture) is left at now, so they are current. The
week is the town's (``town.today``), which the test reads from the API as the client does.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from playwright.async_api import expect

from portail.demo import FAMILY_EMAIL, FAMILY_PASSWORD, load_demo
from tests.browser.test_client_money import built_client, settings  # noqa: F401  (fixtures)
from tests.support.accounts import signed_in
from tests.support.content import SET_MENU, create_news, make_site, staff_client

NEWS = "{ news(first: 10) { edges { node { title pinned bodyHtml imageUrl imageAlt } } } }"
MENUS = """query($from: Date!, $to: Date!) { town { today }
  canteenMenus(from: $from, to: $to) { date site { id name }
    starter { name labelWords allergenWords } mainCourse { name labelWords allergenWords }
    dairy { name labelWords allergenWords } dessert { name labelWords allergenWords } } }"""
LINKS = "{ usefulLinks { label url } guideSections { title bodyHtml } town { phone phoneUri today } }"
PINNED = "Inscriptions à la restauration scolaire 2026-2027"
SCHEDULED = "Stages sportifs des vacances d'hiver"


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


async def town_week(anyone: Any) -> tuple[date, list[dict[str, Any]], list[dict[str, Any]]]:
    """The town's Monday, and the menus the API serves for this week and the next."""
    today = date.fromisoformat((await anyone.data(LINKS))["town"]["today"])
    monday = monday_of(today)
    this = await anyone.data(MENUS, {"from": monday.isoformat(), "to": (monday + timedelta(days=6)).isoformat()})
    nxt = await anyone.data(
        MENUS, {"from": (monday + timedelta(days=7)).isoformat(), "to": (monday + timedelta(days=13)).isoformat()}
    )
    return monday, this["canteenMenus"], nxt["canteenMenus"]


async def test_a_visitor_reads_the_news_the_menus_the_links_and_the_guide(
    db, settings, live_server, chromium, browser, clock  # noqa: F811
):
    await load_demo(db, settings)
    anyone = browser()
    page = await chromium.new_page()
    await page.set_viewport_size({"width": 390, "height": 844})
    await page.goto(f"{live_server.url}/")
    # No longer sent to /connexion: the public home page, "Se connecter" at hand.
    await page.get_by_role("heading", name="Bienvenue sur le Portail Familles", level=1).wait_for()
    assert page.url == f"{live_server.url}/"
    assert await page.title() == "Accueil – Portail Familles"
    sign_in = page.get_by_role("main").get_by_role("link", name="Se connecter", exact=True)
    assert await sign_in.get_attribute("href") == "/connexion"

    # "Actualités": the pinned item first, with its picture and its alternative text.
    news = page.get_by_role("region", name="Actualités")
    titles = news.get_by_role("heading", level=3)
    await expect(titles.first).to_have_text(PINNED)
    shown = await titles.all_inner_texts()
    assert shown[:2] == [PINNED, "Fermeture de la mairie le 24 décembre après-midi"]
    assert SCHEDULED not in shown  # scheduled in a week: not published yet
    pinned = news.get_by_role("article", name=PINNED)
    assert "À la une" in await pinned.inner_text()
    picture = pinned.get_by_role("img", name="Des enfants à la cantine")
    await expect(picture).to_be_visible()
    await page.wait_for_function(
        "() => [...document.querySelectorAll('.news__image')].every(i => i.complete && i.naturalWidth > 0)"
    )
    # "Lire la suite": the full text, the server's safe HTML (no script in the DOM).
    more = pinned.get_by_role("button", name=re.compile("^Lire la suite"))
    assert await more.get_attribute("aria-expanded") == "false"
    await more.click()
    toggle = pinned.get_by_role("button", name=re.compile("^Réduire"))
    assert await toggle.get_attribute("aria-expanded") == "true"
    body = pinned.locator(".news__body")
    await expect(body.locator("strong")).to_have_text("Inscription aux services")
    await expect(body.locator("em")).to_have_text("quotient familial")
    assert await page.evaluate("document.querySelectorAll('main script, main [onclick], main [onerror]').length") == 0

    # "Liens utiles": the links lead where staff said.
    links = page.get_by_role("region", name="Liens utiles")
    caf = links.get_by_role("link", name="CAF du Morbihan")
    assert await caf.get_attribute("href") == "https://www.caf.fr/allocataires/caf-du-morbihan"
    assert await links.get_by_role("link").count() == 4

    # "Contact": the phone as a tel: link.
    contact = page.get_by_role("region", name="Contact")
    phone = contact.get_by_role("link", name="02 97 66 90 62")
    assert await phone.get_attribute("href") == "tel:+33297669062"
    assert "Mercredi" in await contact.inner_text()

    # "Restauration scolaire": this week's menus (the town's week), then the next.
    monday, this_week, next_week = await town_week(anyone)
    canteen = page.get_by_role("region", name="Restauration scolaire")
    first_day = this_week[0]
    first_main = first_day["mainCourse"]
    day_card = canteen.get_by_role("listitem").filter(has_text=first_main["name"])
    await day_card.wait_for()
    text = await day_card.inner_text()
    assert "Allergènes : " + ", ".join(first_main["allergenWords"]) in text
    assert first_main["allergenWords"]  # the demo's first main course has allergens: in words
    first_starter = first_day["starter"]
    assert first_starter["name"] in text and first_starter["labelWords"][0] in text  # "Bio"
    assert f"{monday.day}" in await canteen.get_by_role("heading", level=3).first.inner_text()
    await canteen.get_by_role("button", name="Semaine suivante").click()
    await canteen.get_by_text(next_week[0]["mainCourse"]["name"]).wait_for()
    assert await canteen.get_by_text(first_main["name"]).count() == 0
    later = monday + timedelta(days=7)
    await expect(canteen.get_by_role("link", name="Les menus sur une page à part")).to_have_attribute(
        "href", re.compile(rf"^/menus\?semaine={later.isoformat()}&site=")
    )

    # "Guide utilisateur": a section's title leads to it on /guide.
    guide = page.get_by_role("region", name="Guide utilisateur")
    await guide.get_by_role("link", name="Mes factures").click()
    await page.wait_for_url(f"{live_server.url}/guide#mes-factures")
    section = page.get_by_role("heading", name="Mes factures", level=2)
    await expect(section).to_be_focused()
    await page.get_by_text("payez-les en ligne par carte bancaire").wait_for()
    assert await page.get_by_role("heading", level=2).count() == 4  # "Sommaire" and the three sections
    assert await page.evaluate("document.documentElement.scrollWidth") <= 390

    # What the API serves: the pinned item first, the scheduled one absent, the same links and menus.
    served = [e["node"] for e in (await anyone.data(NEWS))["news"]["edges"]]
    assert served[0]["title"] == PINNED and served[0]["pinned"]
    assert SCHEDULED not in [n["title"] for n in served]
    assert "<script" not in served[0]["bodyHtml"] and "<strong>Inscription aux services</strong>" in served[0]["bodyHtml"]
    assert served[0]["imageAlt"] == "Des enfants à la cantine"
    content = await anyone.data(LINKS)
    assert {"label": "CAF du Morbihan", "url": "https://www.caf.fr/allocataires/caf-du-morbihan"} in content["usefulLinks"]
    assert [s["title"] for s in content["guideSections"]][-1] == "Mes factures"
    assert {m["site"]["name"] for m in this_week + next_week} == {"Restaurant scolaire Pompidou"}
    assert [date.fromisoformat(m["date"]).weekday() for m in this_week] == [0, 1, 3, 4]
    assert chromium.problems == []
    assert chromium.beyond(live_server.url) == []


async def test_the_menus_page_keeps_the_week_and_the_site_in_its_address(
    db, settings, live_server, chromium, browser, clock  # noqa: F811
):
    await load_demo(db, settings)
    anyone = browser()
    monday, this_week, next_week = await town_week(anyone)
    site = this_week[0]["site"]["id"]
    page = await chromium.new_page()
    await page.goto(f"{live_server.url}/")
    await page.get_by_role("navigation", name="Menu principal").get_by_role("link", name="Restauration scolaire").click()
    await page.get_by_role("heading", name="Restauration scolaire", level=1).wait_for()
    assert await page.title() == "Restauration scolaire – Portail Familles"
    await page.get_by_text(this_week[0]["mainCourse"]["name"]).wait_for()

    await page.get_by_role("button", name="Semaine suivante").click()
    later = monday + timedelta(days=7)
    await page.wait_for_url(f"{live_server.url}/menus?semaine={later.isoformat()}&site={site}")
    dessert = next_week[-1]["dessert"]
    await page.get_by_text(dessert["name"], exact=True).wait_for()
    assert "Semaine du" in await page.get_by_role("heading", level=2).first.inner_text()
    # The week after: none published, said so; the back button returns to the week before.
    await page.get_by_role("button", name="Semaine suivante").click()
    await page.get_by_text("Pas de menu publié cette semaine.").wait_for()
    await page.go_back()
    await page.get_by_text(dessert["name"], exact=True).wait_for()
    # The address alone opens that week (a bookmark); a week given by any of its days too.
    await page.goto(f"{live_server.url}/menus?semaine={(later + timedelta(days=2)).isoformat()}&site={site}")
    await page.get_by_text(dessert["name"], exact=True).wait_for()
    day = next_week[-1]
    days = page.get_by_role("listitem").filter(has_text=dessert["name"])
    for course in ("starter", "mainCourse", "dessert"):
        dish = day[course]
        if dish and dish["allergenWords"]:
            assert "Allergènes : " + ", ".join(dish["allergenWords"]) in await days.inner_text()

    # What the API serves for that week: the same dessert, on the site in the address.
    served = (await anyone.data(MENUS, {"from": later.isoformat(), "to": (later + timedelta(days=6)).isoformat()}))
    assert served["canteenMenus"][-1]["dessert"]["name"] == dessert["name"]
    assert served["canteenMenus"][-1]["site"]["id"] == site
    assert chromium.problems == []


async def test_a_signed_in_family_sees_what_to_complete_first_then_the_public_home(
    db, settings, live_server, chromium, browser, clock  # noqa: F811
):
    await load_demo(db, settings)
    page = await chromium.new_page()
    await page.goto(f"{live_server.url}/")
    await page.get_by_role("main").get_by_role("link", name="Se connecter", exact=True).click()
    await page.get_by_role("heading", name="Connexion").wait_for()
    await page.get_by_label("Adresse e-mail").fill(FAMILY_EMAIL)
    await page.get_by_label("Mot de passe").fill(FAMILY_PASSWORD)
    await page.get_by_role("button", name="Se connecter").click()
    await page.get_by_role("heading", name="Bonjour Lola", level=1).wait_for()
    assert page.url == f"{live_server.url}/"
    await page.get_by_role("heading", name="Actualités", level=2).wait_for()
    headings = await page.get_by_role("heading", level=2).all_inner_texts()
    assert headings == ["À compléter", "Actualités", "Restauration scolaire", "Liens utiles", "Guide utilisateur", "Contact"]
    assert await page.get_by_role("main").get_by_role("link", name="Se connecter", exact=True).count() == 0
    await expect(page.get_by_role("article").first).to_have_accessible_name(PINNED)

    # What the API serves the family: the same news, and sections still to complete.
    client = await signed_in(browser(), FAMILY_EMAIL, FAMILY_PASSWORD)
    answer = await client.data("{ viewer { toComplete { label } } news(first: 1) { edges { node { title } } } }")
    assert answer["viewer"]["toComplete"]
    assert answer["news"]["edges"][0]["node"]["title"] == PINNED
    assert chromium.problems == []


async def test_more_news_a_page_at_a_time_and_no_script_from_a_body(
    db, settings, live_server, chromium, browser, clock  # noqa: F811
):
    """Five more items published today (the newest one's Markdown trying a script, an event attribute
    and an image): the home page shows five, "Plus d'actualités" the other two, the focus on the first
    of them; the unfolded text carries none of what the server removed."""
    await load_demo(db, settings)
    staff = await staff_client(db, browser)
    now = clock.now()
    for n in range(5, 0, -1):  # "Brève 1" the newest
        body = f"Brève numéro {n}, en **gras**."
        if n == 1:
            body += ' <script>window.pwned = 1</script><img src="x" onerror="window.pwned = 2"> [lien](javascript:alert(1))'
        await create_news(staff, title=f"Brève {n}", body=body, publishAt=now - timedelta(hours=n))
    page = await chromium.new_page()
    await page.goto(f"{live_server.url}/")
    news = page.get_by_role("region", name="Actualités")
    titles = news.get_by_role("heading", level=3)
    await expect(titles).to_have_count(5)
    assert await titles.all_inner_texts() == [PINNED, "Brève 1", "Brève 2", "Brève 3", "Brève 4"]
    await page.wait_for_function(
        "() => [...document.querySelectorAll('.news__image')].every(i => i.complete && i.naturalWidth > 0)"
    )

    await news.get_by_role("article", name="Brève 1").get_by_role("button", name=re.compile("^Lire la suite")).click()
    body = news.get_by_role("article", name="Brève 1").locator(".news__body")
    await expect(body.locator("strong")).to_have_text("gras")
    assert await body.locator("script, img, [onerror]").count() == 0
    assert await body.locator("a").count() == 0  # the javascript: link is not one
    assert "<script>window.pwned = 1</script>" in await body.inner_text()  # shown as text, not run
    assert await page.evaluate("window.pwned === undefined")

    await news.get_by_role("button", name="Plus d'actualités").click()
    await expect(titles).to_have_count(7)
    assert (await titles.all_inner_texts())[5:] == ["Brève 5", "Fermeture de la mairie le 24 décembre après-midi"]
    await expect(news.get_by_role("heading", name="Brève 5")).to_be_focused()
    await expect(news.get_by_role("button", name="Plus d'actualités")).to_have_count(0)

    # What the API serves: the same order over two pages, the body without what was removed.
    first = (await browser().data(NEWS))["news"]["edges"]
    assert [e["node"]["title"] for e in first][:7] == [
        PINNED, "Brève 1", "Brève 2", "Brève 3", "Brève 4", "Brève 5", "Fermeture de la mairie le 24 décembre après-midi",
    ]
    html = first[1]["node"]["bodyHtml"]
    # Raw HTML is kept as text (escaped), the javascript: link as plain text: no tag, no attribute.
    assert "<script" not in html and "<img" not in html and "href=" not in html
    assert "&lt;script&gt;" in html
    assert chromium.problems == []


async def test_a_site_chosen_among_several_on_the_menus_page_and_the_home_page(
    db, settings, live_server, chromium, browser, clock  # noqa: F811
):
    """A second school restaurant with a Wednesday's menu this week: "Restaurant scolaire" offers the
    choice; the chosen site's menu (its note, a dish's allergen in words) replaces Pompidou's."""
    await load_demo(db, settings)
    staff = await staff_client(db, browser)
    anyone = browser()
    monday, this_week, _ = await town_week(anyone)
    cousteau = await make_site(staff, "Restaurant scolaire Cousteau")
    wednesday = (monday + timedelta(days=2)).isoformat()
    dish = {"name": "Poulet aux cacahuètes", "labels": ["LOCAL"], "allergens": ["PEANUTS"]}
    written = await staff.data(SET_MENU, {"site": cousteau, "date": wednesday, "input": {"mainCourse": dish, "note": "Repas du monde"}})
    assert written["setCanteenMenu"]["errors"] == []
    words = written["setCanteenMenu"]["menu"]["mainCourse"]["allergenWords"]

    # The API's order (by position): the page shows the first site's menus until another is chosen.
    sites = [s["name"] for s in (await anyone.data("{ canteenSites { id name } }"))["canteenSites"]]
    assert sorted(sites) == ["Restaurant scolaire Cousteau", "Restaurant scolaire Pompidou"]
    page = await chromium.new_page()
    await page.goto(f"{live_server.url}/menus?site={this_week[0]['site']['id']}")
    await page.get_by_text(this_week[0]["mainCourse"]["name"]).wait_for()
    choice = page.get_by_label("Restaurant scolaire")
    assert await choice.locator("option").all_inner_texts() == sites
    await choice.select_option(label="Restaurant scolaire Cousteau")
    await page.wait_for_url(f"{live_server.url}/menus?semaine={monday.isoformat()}&site={cousteau}")
    day = page.get_by_role("listitem").filter(has_text="Poulet aux cacahuètes")
    await day.wait_for()
    text = await day.inner_text()
    assert "Repas du monde" in text and "Allergènes : " + ", ".join(words) in text and "Produit local" in text
    assert await page.get_by_text(this_week[0]["mainCourse"]["name"]).count() == 0

    # The home page offers the same choice.
    await page.goto(f"{live_server.url}/")
    canteen = page.get_by_role("region", name="Restauration scolaire")
    await canteen.get_by_label("Restaurant scolaire").select_option(label="Restaurant scolaire Pompidou")
    await canteen.get_by_text(this_week[0]["mainCourse"]["name"]).wait_for()
    await canteen.get_by_label("Restaurant scolaire").select_option(label="Restaurant scolaire Cousteau")
    await canteen.get_by_text("Poulet aux cacahuètes").wait_for()

    # What the API serves: Cousteau's one menu this week.
    served = await anyone.data(
        MENUS.replace("$to: Date!)", "$to: Date!, $site: ID)").replace("to: $to)", "to: $to, siteId: $site)"),
        {"from": monday.isoformat(), "to": (monday + timedelta(days=6)).isoformat(), "site": cousteau},
    )
    assert [(m["date"], m["mainCourse"]["name"]) for m in served["canteenMenus"]] == [(wednesday, "Poulet aux cacahuètes")]
    assert chromium.problems == []
