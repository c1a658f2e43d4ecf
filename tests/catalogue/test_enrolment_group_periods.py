"""Groups per period: the leisure centre's "Maternelles" runs all year, its "Été 2027 – Maternelles" only
on the summer period. Staff limit a group to some of the activity's periods (audited, field-named errors);
"Inscription aux services" lists for each period only its groups, and a group of another period is refused
at enrolment with a field-named error, nothing written."""

from __future__ import annotations

import uuid
from datetime import date

from sqlmodel import select

from portail.db.models import AuditEntry
from portail.db.models.catalogue import Enrolment, EnrolmentGroup, Period
from tests.catalogue.test_enrolment_groups import (
    CREATE_GROUP,
    ENROLL,
    UPDATE_GROUP,
    club,
    families,
    rows,
    staff,
)
from tests.support.catalogue import make_service

GROUP = "group { id name periodIds }"
CREATE = CREATE_GROUP.replace("group { id name position capacity }", GROUP)
UPDATE = UPDATE_GROUP.replace("group { id name position capacity }", GROUP)
CATALOGUE = """query($childId: ID!) { catalogue(childId: $childId) { activities { periods { id name
  groups { id name } } } } }"""
FACILITIES = "{ facilities { activities { name groups { name periodIds } } } }"


def codes(payload):
    return [(e["field"], e["code"]) for e in payload["errors"]]


async def test_a_group_offered_for_one_period_only(db, browser, smtp):
    service = await club(db)
    summer = Period(activity_id=service.activity.id, name="ÉTÉ 2027", start=date(2027, 7, 7), end=date(2027, 8, 27),
                    weekdays="0,1,2,3,4")
    elsewhere = await make_service(db)  # the canteen: another activity's period
    async with db.transaction() as session:
        session.add(summer)
    agent = await staff(db, browser)
    activity_id, year_id, summer_id = str(service.activity.id), str(service.period.id), str(summer.id)

    # Another activity's period, like an unknown id, is NOT_FOUND on its place in the list; nothing written.
    bad = (await agent.data(CREATE, {"activityId": activity_id, "input": {
        "name": "Été 2027 – Maternelles", "periodIds": [str(elsewhere.period.id), "inconnu", summer_id, summer_id]}}))
    assert codes(bad["createEnrolmentGroup"]) == [
        ("periodIds.0", "NOT_FOUND"), ("periodIds.1", "NOT_FOUND"), ("periodIds.3", "INVALID")]
    assert await rows(db, EnrolmentGroup) == [] and await rows(db, AuditEntry) == []

    all_year = (await agent.data(CREATE, {"activityId": activity_id, "input": {"name": "Maternelles"}}))
    assert all_year["createEnrolmentGroup"]["errors"] == []
    assert all_year["createEnrolmentGroup"]["group"]["periodIds"] == []  # every period
    created = (await agent.data(CREATE, {"activityId": activity_id, "input": {
        "name": "Été 2027 – Maternelles", "position": 1, "periodIds": [summer_id]}}))["createEnrolmentGroup"]
    assert created["errors"] == [] and created["group"]["periodIds"] == [summer_id]
    summer_group = created["group"]["id"]
    # Staff widen it to both periods, then take the school year away again: each change audited.
    both = (await agent.data(UPDATE, {"id": summer_group, "input": {"periodIds": [summer_id, year_id]}}))
    assert both["updateEnrolmentGroup"]["group"]["periodIds"] == [summer_id, year_id]
    wrong = (await agent.data(UPDATE, {"id": summer_group, "input": {"periodIds": [str(elsewhere.period.id)]}}))
    assert codes(wrong["updateEnrolmentGroup"]) == [("periodIds.0", "NOT_FOUND")]
    again = (await agent.data(UPDATE, {"id": summer_group, "input": {"periodIds": [summer_id]}}))
    assert again["updateEnrolmentGroup"]["errors"] == []
    trail = [(a.before, a.after) for a in sorted(await rows(db, AuditEntry), key=lambda a: a.at)
             if a.entity_id == uuid.UUID(summer_group) and a.field == "periodIds"]
    assert trail == [("", summer_id), (summer_id, f"{summer_id},{year_id}"), (f"{summer_id},{year_id}", summer_id)]
    listed = (await agent.data(FACILITIES))["facilities"]
    assert {"name": "Été 2027 – Maternelles", "periodIds": [summer_id]} in [
        g for f in listed for a in f["activities"] for g in a["groups"]]

    # The family sees, per period, only its groups.
    [(_, child, family)] = await families(db, browser, 1)
    shown = (await family.data(CATALOGUE, {"childId": str(child.id)}))["catalogue"]
    periods = {p["id"]: [g["name"] for g in p["groups"]] for f in shown for a in f["activities"] for p in a["periods"]}
    assert periods[year_id] == ["Maternelles"]
    assert periods[summer_id] == ["Maternelles", "Été 2027 – Maternelles"]

    # The summer's group for the school year: refused on groupId, nothing written.
    refused = (await family.data(ENROLL, {"childId": str(child.id), "periodId": year_id, "groupId": summer_group}))
    assert codes(refused["enrollChild"]) == [("groupId", "GROUP_NOT_IN_PERIOD")]
    assert "« Maternelles »" in refused["enrollChild"]["errors"][0]["message"]
    assert await rows(db, Enrolment) == []
    # A group of another activity is still unknown.
    unknown = (await family.data(ENROLL, {"childId": str(child.id), "periodId": year_id, "groupId": str(uuid.uuid4())}))
    assert codes(unknown["enrollChild"]) == [("groupId", "NOT_FOUND")]
    # For the summer it is taken.
    taken = (await family.data(ENROLL, {"childId": str(child.id), "periodId": summer_id, "groupId": summer_group}))
    assert taken["enrollChild"]["errors"] == []
    assert taken["enrollChild"]["enrolment"]["groupName"] == "Été 2027 – Maternelles"
    async with db.read_sessions() as session:
        [row] = (await session.exec(select(Enrolment))).all()
    assert (row.period_id, str(row.group_id)) == (summer.id, summer_group)
