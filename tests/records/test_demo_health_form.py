"""The demo's health form: the town's lists loaded, Paul's form filled in, Emma-Rose without DTP, so
the summer holiday centre refuses her enrolment; loading the demo twice adds nothing."""

from __future__ import annotations

from sqlmodel import func, select

from portail.db.models import ChildDiet, ChildIllness, ChildInsurance, HealthListItem
from portail.demo import FAMILY_EMAIL, FAMILY_PASSWORD, load_demo
from tests.support.accounts import signed_in
from tests.support.catalogue import CATALOGUE, ENROLL

SUMMER = "ACCUEIL DE LOISIRS > VACANCES D'ÉTÉ > ÉTÉ 2027"


async def counts(db):
    async with db.read_sessions() as session:
        return [
            (await session.exec(select(func.count()).select_from(table))).one()
            for table in (HealthListItem, ChildDiet, ChildIllness, ChildInsurance)
        ]


async def test_the_demo_holiday_centre_refuses_emma_rose_without_dtp(db, browser, settings):
    await load_demo(db, settings)
    loaded = await counts(db)
    await load_demo(db, settings)
    assert await counts(db) == loaded == [21, 2, 1, 1]

    family = await signed_in(browser(), FAMILY_EMAIL, FAMILY_PASSWORD)
    children = {c["firstName"]: c for c in (await family.data("""{ children { id firstName
      diets { code } illnesses { illness { label } year } insurance { company validUntil }
      vaccinations { vaccine vaccineEntry { code } } } }"""))["children"]}
    paul, emma = children["Paul"], children["Emma-Rose"]
    assert paul["insurance"] == {"company": "MAIF", "validUntil": "2027-08-31"}
    assert paul["illnesses"] == [{"illness": {"label": "Varicelle"}, "year": 2019}]
    assert {v["vaccineEntry"]["code"] for v in paul["vaccinations"]} == {"DTP", "ROR"}
    assert [d["code"] for d in emma["diets"]] == ["VEGETARIAN", "NO_GLUTEN"]

    def summer(child):
        return next(p for f in child for a in f["activities"] for p in a["periods"] if p["path"] == SUMMER)

    paul_offer = summer((await family.data(CATALOGUE, {"childId": paul["id"]}))["catalogue"])
    emma_offer = summer((await family.data(CATALOGUE, {"childId": emma["id"]}))["catalogue"])
    assert paul_offer["missing"] == []
    assert [(m["kind"], m["code"]) for m in emma_offer["missing"]] == [("VACCINE", "DTP")]
    refused = (await family.data(ENROLL, {"childId": emma["id"], "periodId": emma_offer["id"]}))["enrollChild"]
    assert [(e["field"], e["code"]) for e in refused["errors"]] == [("childId", "VACCINE_MISSING")]
