"""A Vue or React client served from its own origin (a dev server, ``https://app.ville.fr``) signs
in with the cookie, reads "Mon planning" and hands in a document; a page from an origin the town
did not configure gets nothing and writes nothing."""

from __future__ import annotations

import base64
from datetime import timedelta

from sqlmodel import select

from portail.clock import Clock
from portail.db.models import AuthSession
from portail.demo import FAMILY_EMAIL, FAMILY_PASSWORD, load_demo
from portail.rules.validity import TOWN_ZONE
from tests.support.documents import caf_certificate, written


def scenario_args(live_server) -> dict[str, str]:
    today = Clock().now().astimezone(TOWN_ZONE).date()
    return {
        "api": f"{live_server.url}/graphql",
        "email": FAMILY_EMAIL,
        "password": FAMILY_PASSWORD,
        "from": today.isoformat(),
        "to": (today + timedelta(days=40)).isoformat(),
        "typeCode": "JUSTIFICATIF_DOMICILE",
        "file": base64.b64encode(caf_certificate()).decode(),
    }


async def sessions(db) -> int:
    async with db.read_sessions() as session:
        return len((await session.exec(select(AuthSession))).all())


async def test_a_client_on_a_configured_origin_signs_in_reads_the_planning_and_uploads(
    db, settings, live_server, chromium, client_pages
):
    await load_demo(db, settings)  # Paul booked at the canteen in the coming weeks
    before = await written(db, settings.storage_path)
    page = await chromium.new_page()
    await page.goto(client_pages.allowed.origin)

    report = await page.evaluate("args => scenario(args)", scenario_args(live_server))

    assert report.get("error") is None, report
    assert report["steps"] == ["login", "planning", "upload"]
    assert report["login"] == {"errors": []}
    assert report["requestId"]  # X-Request-Id is exposed to the client
    # The cookie set by login went with the next requests: the family is signed in.
    assert report["viewer"] == {"account": {"email": FAMILY_EMAIL}}
    meals = [b["state"] for day in report["planning"]["days"] for b in day["bookings"]]
    assert meals and "ACCEPTED" in meals  # the demo's meals (and its late cancellation, its queue)
    assert report["upload"] == {
        "document": {"fileName": "justificatif.pdf", "state": "PENDING"},
        "errors": [],
    }
    after = await written(db, settings.storage_path)
    assert after["files"] == before["files"] + 1
    # The cookie is the API's, never readable by the page (httpOnly).
    assert await page.evaluate("() => document.cookie") == ""
    assert chromium.beyond(client_pages.allowed.origin, live_server.url) == []
    assert chromium.problems == []


async def test_a_page_from_an_origin_not_configured_is_blocked(
    db, settings, live_server, chromium, client_pages
):
    await load_demo(db, settings)
    before = await written(db, settings.storage_path)
    page = await chromium.new_page()
    await page.goto(client_pages.foreign.origin)

    report = await page.evaluate("args => scenario(args)", scenario_args(live_server))

    # The browser refused at the preflight: not even the login came back to the page.
    assert report["steps"] == []
    assert report["error"] == "TypeError: Failed to fetch"
    assert any("blocked by CORS policy" in problem for problem in chromium.problems), chromium.problems
    assert await sessions(db) == 0
    assert await written(db, settings.storage_path) == before
    assert chromium.beyond(client_pages.foreign.origin, live_server.url) == []
