"""The home page's "Les actualités": staff write news, schedule them, pin one, withdraw another; anyone
reads what is published at the time of the request, pinned items first, then the newest first, a
page at a time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.support.content import (
    NEWS,
    PUBLISH_NEWS,
    STAFF_NEWS,
    UPDATE_NEWS,
    WITHDRAW_NEWS,
    codes,
    create_news,
    public_titles,
    staff_client,
)
from tests.support.counts import statements

MONDAY = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)


async def test_a_scheduled_item_appears_at_its_time_and_leaves_at_its_end(db, browser, clock):
    clock.travel_to(MONDAY)
    staff = await staff_client(db, browser)
    anyone = browser()
    await create_news(
        staff,
        title="Inscriptions au centre de loisirs",
        body="Ouvertes **jusqu'au 18 décembre**.",
        publishAt=MONDAY + timedelta(days=2),
        unpublishAt=MONDAY + timedelta(days=9),
    )
    await create_news(staff, title="Brouillon", body="Pas encore prêt.")

    # Before its time, nobody reads it; staff see it scheduled, the draft as a draft.
    assert await public_titles(anyone) == []
    states = {n["node"]["title"]: n["node"]["state"] for n in (await staff.data(STAFF_NEWS))["staffNews"]["edges"]}
    assert states == {"Inscriptions au centre de loisirs": "SCHEDULED", "Brouillon": "DRAFT"}

    clock.travel_to(MONDAY + timedelta(days=2))
    [item] = (await anyone.data(NEWS, {"first": 10}))["news"]["edges"]
    assert item["node"]["title"] == "Inscriptions au centre de loisirs"
    assert item["node"]["state"] == "PUBLISHED"
    assert item["node"]["bodyHtml"] == "<p>Ouvertes <strong>jusqu'au 18 décembre</strong>.</p>\n"
    assert item["node"]["excerpt"] == "Ouvertes jusqu'au 18 décembre."

    clock.travel_to(MONDAY + timedelta(days=9))
    assert await public_titles(anyone) == []
    staff = await staff_client(db, browser, "agent2@mairie.test")  # the first session has timed out
    states = {n["node"]["title"]: n["node"]["state"] for n in (await staff.data(STAFF_NEWS))["staffNews"]["edges"]}
    assert states["Inscriptions au centre de loisirs"] == "WITHDRAWN"


async def test_staff_publish_now_withdraw_and_publish_again(db, browser, clock):
    clock.travel_to(MONDAY)
    staff = await staff_client(db, browser)
    anyone = browser()
    draft = await create_news(staff, title="Menu de Noël")

    published = (await staff.data(PUBLISH_NEWS, {"id": draft["id"]}))["publishNews"]
    assert published["errors"] == [] and published["news"]["state"] == "PUBLISHED"
    assert await public_titles(anyone) == ["Menu de Noël"]

    clock.travel(timedelta(hours=1))
    withdrawn = (await staff.data(WITHDRAW_NEWS, {"id": draft["id"]}))["withdrawNews"]
    assert withdrawn["news"]["state"] == "WITHDRAWN"
    assert await public_titles(anyone) == []

    # Published again: the past end is lifted.
    again = (await staff.data(PUBLISH_NEWS, {"id": draft["id"]}))["publishNews"]
    assert again["news"]["state"] == "PUBLISHED" and again["news"]["unpublishAt"] is None
    assert await public_titles(anyone) == ["Menu de Noël"]

    # Scheduled for tomorrow: back out of the list until then.
    later = (MONDAY + timedelta(days=1)).isoformat()
    scheduled = (await staff.data(PUBLISH_NEWS, {"id": draft["id"], "at": later}))["publishNews"]
    assert scheduled["news"]["state"] == "SCHEDULED"
    assert await public_titles(anyone) == []


async def test_pinned_first_then_the_newest_published_first_a_page_at_a_time(db, browser, clock):
    clock.travel_to(MONDAY)
    staff = await staff_client(db, browser)
    for day, title in enumerate(["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi"]):
        await create_news(staff, title=title, publishAt=MONDAY - timedelta(days=10 - day))
    await create_news(staff, title="Épinglée (ancienne)", pinned=True, publishAt=MONDAY - timedelta(days=30))
    # Two items published at the same instant are still ordered (by id) and each paged once.
    await create_news(staff, title="Même instant A", publishAt=MONDAY - timedelta(days=1))
    await create_news(staff, title="Même instant B", publishAt=MONDAY - timedelta(days=1))

    everything = await public_titles(browser())
    assert everything[0] == "Épinglée (ancienne)"
    assert set(everything[1:3]) == {"Même instant A", "Même instant B"}
    assert everything[3:] == ["Vendredi", "Jeudi", "Mercredi", "Mardi", "Lundi"]

    anyone = browser()
    seen, after = [], None
    while True:
        page = (await anyone.data(NEWS, {"first": 3, "after": after}))["news"]
        seen += [e["node"]["title"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == everything


async def test_a_partial_update_keeps_what_it_leaves_out_and_checks_the_dates(db, browser, clock):
    clock.travel_to(MONDAY)
    staff = await staff_client(db, browser)
    item = await create_news(staff, title="Fermeture", body="La mairie ferme.", publishAt=MONDAY)

    changed = (await staff.data(UPDATE_NEWS, {"id": item["id"], "input": {"pinned": True}}))["updateNews"]
    assert changed["errors"] == []
    assert (changed["news"]["title"], changed["news"]["body"], changed["news"]["pinned"]) == (
        "Fermeture", "La mairie ferme.", True)
    assert changed["news"]["publishAt"] == item["publishAt"]

    # The end before the start, an empty title, and null on a title: every error at once, nothing written.
    refused = (await staff.data(UPDATE_NEWS, {"id": item["id"], "input": {
        "title": "  ", "unpublishAt": (MONDAY - timedelta(hours=1)).isoformat()}}))["updateNews"]
    assert codes(refused) == [("title", "REQUIRED"), ("unpublishAt", "END_BEFORE_START")]
    assert refused["news"] is None
    refused = (await staff.data(UPDATE_NEWS, {"id": item["id"], "input": {"title": None}}))["updateNews"]
    assert codes(refused) == [("title", "REQUIRED")]
    refused = (await staff.data(UPDATE_NEWS, {"id": item["id"], "input": {"title": "x" * 201}}))["updateNews"]
    assert codes(refused) == [("title", "TOO_LONG")]

    # Null on publishAt takes it back to a draft.
    draft = (await staff.data(UPDATE_NEWS, {"id": item["id"], "input": {"publishAt": None}}))["updateNews"]
    assert draft["news"]["state"] == "DRAFT"
    assert await public_titles(browser()) == []

    unknown = (await staff.data(UPDATE_NEWS, {"id": "0192f0c4-0000-7000-8000-000000000000",
                                              "input": {"pinned": False}}))["updateNews"]
    assert codes(unknown) == [("id", "NOT_FOUND")]


async def test_families_and_visitors_cannot_write_news(db, browser, clock):
    from tests.support.accounts import signed_in
    from tests.support.builders import make_family

    clock.travel_to(MONDAY)
    family = await make_family(db, "famille@exemple.test")
    parent = await signed_in(browser(), family.email, family.password)
    create = "mutation { createNews(input: {title: \"Pirate\"}) { news { id } errors { code } } }"
    refused = await parent(create)
    assert refused["data"] is None
    assert [e["extensions"]["code"] for e in refused["errors"]] == ["FORBIDDEN"]
    anonymous = await browser()(create)
    assert [e["extensions"]["code"] for e in anonymous["errors"]] == ["UNAUTHENTICATED"]
    staff_list = await parent("query { staffNews { edges { node { id } } } }")
    assert [e["extensions"]["code"] for e in staff_list["errors"]] == ["FORBIDDEN"]


async def test_the_news_list_costs_the_same_statements_for_three_items_or_thirty(db, browser, clock, live_server):
    clock.travel_to(MONDAY)
    staff = await staff_client(db, browser)
    anyone = browser()

    async def count() -> int:
        with statements(live_server.app.state.db) as seen:
            await anyone.data(NEWS, {"first": 100})
        return len(seen)

    for i in range(3):
        await create_news(staff, title=f"Actualité {i}", body="*Texte*", publishAt=MONDAY - timedelta(hours=i))
    few = await count()
    for i in range(3, 30):
        await create_news(staff, title=f"Actualité {i}", body="*Texte*", publishAt=MONDAY - timedelta(hours=i),
                          pinned=i % 7 == 0)
    assert len(await public_titles(anyone)) == 30
    assert await count() == few <= 2
