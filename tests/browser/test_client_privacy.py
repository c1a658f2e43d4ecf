""""Mon profil" in the family web client, its last two sections: "Mon planning dans mon agenda" (the
demo family makes its private calendar link, a calendar reads it, "Révoquer le lien" ends it) and "Mes
données personnelles" (the download is a ZIP of everything the portal holds about the household). Each
journey ends by checking what the API serves, not only the screen."""

from __future__ import annotations

import io
import json
import zipfile

import httpx
from icalendar import Calendar
from sqlmodel import select

from portail.db.models import CalendarFeed
from portail.demo import load_demo
from tests.browser.test_client_records import sign_in_at
from tests.browser.test_family_client import built_client, settings  # noqa: F401  (fixtures)


async def test_the_planning_goes_to_the_phones_calendar_and_the_data_comes_home_as_a_zip(
    db, settings, live_server, chromium  # noqa: F811
):
    await load_demo(db, settings)
    page = await chromium.new_page()
    await sign_in_at(page, f"{live_server.url}/mon-profil")
    section = page.get_by_role("region", name="Mon planning dans mon agenda")
    await section.get_by_role("button", name="Créer mon lien d'abonnement").click()
    await section.get_by_role("status").filter(has_text="Lien créé").wait_for()
    url = await section.get_by_label("Lien d'abonnement").input_value()
    assert url.startswith(f"{live_server.url}/calendrier/") and url.endswith(".ics")
    webcal = await section.get_by_role("link", name="Ouvrir dans mon agenda").get_attribute("href")
    assert webcal == url.replace("http:", "webcal:", 1)
    async with httpx.AsyncClient(timeout=30) as calendar_app:
        feed = await calendar_app.get(url)
        assert feed.status_code == 200
        events = Calendar.from_ical(feed.content).walk("VEVENT")
        assert any("Paul" in str(e["summary"]) for e in events)  # the demo's canteen meals

        await section.get_by_role("button", name="Révoquer le lien").click()
        await section.get_by_role("status").filter(has_text="Lien révoqué").wait_for()
        assert (await calendar_app.get(url)).status_code == 404
    async with db.read_sessions() as session:
        feeds = (await session.exec(select(CalendarFeed))).all()
    assert [f.revoked_at is not None for f in feeds] == [True]

    # "Télécharger mes données": a ZIP whose donnees.json names the household.
    data = page.get_by_role("region", name="Mes données personnelles")
    async with page.expect_download() as downloading:
        await data.get_by_role("button", name="Télécharger mes données").click()
    download = await downloading.value
    assert download.suggested_filename.startswith("donnees-personnelles-")
    archive = zipfile.ZipFile(io.BytesIO((await download.path()).read_bytes()))
    document = json.loads(archive.read("donnees.json"))
    assert [h["name"] for h in document["tables"]["household"]] == ["TEST"]
    assert chromium.problems == []
