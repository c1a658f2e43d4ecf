""""La restauration scolaire": staff publish a site's menus day by day, each dish with its labels and
allergens; anyone reads a week of them, with the French words for a legend."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from tests.support.content import MENUS, SET_MENU, codes, make_site, staff_client

MONDAY = date(2026, 12, 7)


def dish(name: str, labels: list[str] | None = None, allergens: list[str] | None = None) -> dict:
    return {"name": name, "labels": labels or [], "allergens": allergens or []}


WEEK = [
    {"starter": dish("Carottes râpées", ["ORGANIC"]), "mainCourse": dish("Poisson pané", [], ["FISH", "GLUTEN"]),
     "dairy": dish("Yaourt nature", ["LOCAL"], ["MILK"]), "dessert": dish("Pomme", ["ORGANIC", "LOCAL"])},
    {"starter": dish("Velouté de potiron", [], ["CELERY"]),
     "mainCourse": dish("Omelette", ["VEGETARIAN"], ["EGGS", "MILK"]), "dessert": dish("Crème dessert", [], ["MILK"])},
    {"mainCourse": dish("Sauté de porc au caramel", [], ["SOYBEANS", "SULPHITES"])},
    {"starter": dish("Salade de crevettes", [], ["CRUSTACEANS", "MUSTARD"]),
     "mainCourse": dish("Bœuf bourguignon", ["LOCAL"], ["SULPHITES", "CELERY"]),
     "dessert": dish("Tarte aux noix", ["HOMEMADE"], ["NUTS", "GLUTEN", "EGGS", "MILK"])},
]


async def test_a_week_of_menus_with_labels_and_allergens(db, browser, clock):
    clock.travel_to(datetime(2026, 12, 4, 10, 0, tzinfo=UTC))
    staff = await staff_client(db, browser)
    site = await make_site(staff)
    for offset, menu in zip((0, 1, 3, 4), WEEK, strict=True):  # no menu on Wednesday
        payload = (await staff.data(SET_MENU, {"site": site, "date": str(MONDAY + timedelta(days=offset)),
                                               "input": menu}))["setCanteenMenu"]
        assert payload["errors"] == [], payload

    week = (await browser().data(MENUS, {"from": str(MONDAY), "to": str(MONDAY + timedelta(days=6))}))["canteenMenus"]
    assert [m["date"] for m in week] == ["2026-12-07", "2026-12-08", "2026-12-10", "2026-12-11"]
    assert {m["weekStart"] for m in week} == {"2026-12-07"}
    monday = week[0]
    assert monday["site"] == {"name": "Restaurant scolaire Pompidou"}
    assert monday["starter"] == {"name": "Carottes râpées", "labels": ["ORGANIC"], "labelWords": ["Bio"],
                                 "allergens": [], "allergenWords": []}
    assert monday["mainCourse"]["allergens"] == ["GLUTEN", "FISH"]  # the regulation's order
    assert monday["mainCourse"]["allergenWords"] == ["Céréales contenant du gluten", "Poissons"]
    assert monday["dessert"] == {"name": "Pomme", "labels": ["ORGANIC", "LOCAL"], "allergens": []}
    assert monday["allergens"] == ["GLUTEN", "FISH", "MILK"]
    thursday = week[2]
    assert thursday["starter"] is None and thursday["dessert"] is None
    friday = week[3]
    assert friday["dessert"]["allergens"] == ["GLUTEN", "EGGS", "MILK", "NUTS"]
    assert friday["allergens"] == ["GLUTEN", "CRUSTACEANS", "EGGS", "MILK", "NUTS", "CELERY", "MUSTARD", "SULPHITES"]


async def test_a_course_left_out_stays_and_null_removes_it(db, browser, clock):
    clock.travel_to(datetime(2026, 12, 4, 10, 0, tzinfo=UTC))
    staff = await staff_client(db, browser)
    site = await make_site(staff)
    day = str(MONDAY)
    await staff.data(SET_MENU, {"site": site, "date": day, "input": WEEK[0]})
    changed = (await staff.data(SET_MENU, {"site": site, "date": day, "input": {
        "dessert": dish("Clémentine", ["ORGANIC"]), "dairy": None, "note": "Semaine du goût"}}))["setCanteenMenu"]
    menu = changed["menu"]
    assert menu["starter"]["name"] == "Carottes râpées"
    assert menu["dessert"]["name"] == "Clémentine" and menu["dairy"] is None
    assert menu["note"] == "Semaine du goût"
    refused = (await staff.data(SET_MENU, {"site": site, "date": day, "input": {"starter": dish(" ")}}))
    assert codes(refused["setCanteenMenu"]) == [("starter.name", "REQUIRED")]

    delete = "mutation($s: ID!, $d: Date!) { deleteCanteenMenu(siteId: $s, date: $d) { ok errors { code } } }"
    assert (await staff.data(delete, {"s": site, "d": day}))["deleteCanteenMenu"] == {"ok": True, "errors": []}
    assert (await browser().data(MENUS, {"from": day, "to": day}))["canteenMenus"] == []


async def test_menus_by_site_and_the_range_asked(db, browser, clock):
    clock.travel_to(datetime(2026, 12, 4, 10, 0, tzinfo=UTC))
    staff = await staff_client(db, browser)
    pompidou = await make_site(staff)
    centre = await make_site(staff, "Restaurant scolaire Centre")
    for site, name in ((pompidou, "Lasagnes"), (centre, "Couscous")):
        await staff.data(SET_MENU, {"site": site, "date": str(MONDAY), "input": {"mainCourse": dish(name)}})
    anyone = browser()
    both = (await anyone.data(MENUS, {"from": str(MONDAY), "to": str(MONDAY)}))["canteenMenus"]
    assert [m["mainCourse"]["name"] for m in both] == ["Couscous", "Lasagnes"]  # by site name
    one = (await anyone.data(MENUS, {"from": str(MONDAY), "to": str(MONDAY), "site": centre}))["canteenMenus"]
    assert [m["mainCourse"]["name"] for m in one] == ["Couscous"]

    too_long = await anyone(MENUS, {"from": "2026-12-01", "to": "2027-01-01"})
    assert too_long["data"] is None
    assert too_long["errors"][0]["extensions"] == {"code": "RANGE_TOO_LONG", "field": "to"}
    backwards = await anyone(MENUS, {"from": "2026-12-10", "to": "2026-12-01"})
    assert backwards["errors"][0]["extensions"] == {"code": "END_BEFORE_START", "field": "to"}
    unknown = await anyone(MENUS, {"from": "2026-12-01", "to": "2026-12-31", "site": "inconnu"})
    assert unknown["errors"][0]["extensions"] == {"code": "NOT_FOUND", "field": "siteId"}
    assert len((await anyone.data(MENUS, {"from": "2026-12-01", "to": "2026-12-31"}))["canteenMenus"]) == 2

    # A deactivated site leaves the families' lists.
    hide = "mutation($id: ID!) { updateCanteenSite(id: $id, active: false) { site { active } errors { code } } }"
    assert (await staff.data(hide, {"id": centre}))["updateCanteenSite"]["errors"] == []
    names = (await anyone.data("{ canteenSites { name } }"))["canteenSites"]
    assert names == [{"name": "Restaurant scolaire Pompidou"}]
    duplicate = await staff.data("mutation { createCanteenSite(name: \"Restaurant scolaire Pompidou\") { errors { field code } } }")
    assert duplicate["createCanteenSite"]["errors"] == [{"field": "name", "code": "CODE_ALREADY_USED"}]


async def test_the_legend_lists_the_fourteen_allergens_in_french(browser):
    legend = (await browser().data("{ canteenLegend { allergens { allergen words } labels { label words } } }"))
    allergens = legend["canteenLegend"]["allergens"]
    assert len(allergens) == 14
    assert {"allergen": "NUTS", "words": "Fruits à coque"} in allergens
    assert {"label": "ORGANIC", "words": "Bio"} in legend["canteenLegend"]["labels"]
