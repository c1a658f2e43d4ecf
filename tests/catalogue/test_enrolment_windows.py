"""Enrolment windows ("campagne d'inscription"): staff open the summer holidays' enrolments on 1 June at
08:00 and close them on 30 June at 18:00 (town time); a family asking a second early is told when they
open, one asking at 18:00 that they are closed; "Inscription aux services" shows the window and whether
it is open now. A period may set its own bounds over its activity's."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlmodel import select

from portail.db.models import AuditEntry
from portail.db.models.catalogue import Activity, Enrolment, Period
from portail.rules.validity import TOWN_ZONE
from tests.support.accounts import signed_in
from tests.support.builders import make_family, make_staff
from tests.support.catalogue import ERRORS, make_service
from tests.support.documents import make_child

SUMMER = (date(2027, 7, 7), date(2027, 8, 27))
OPENS = datetime(2027, 6, 1, 8, 0, tzinfo=TOWN_ZONE)
CLOSES = datetime(2027, 6, 30, 18, 0, tzinfo=TOWN_ZONE)
SECOND = timedelta(seconds=1)

ENROLL = f"""mutation($childId: ID!, $periodId: ID!) {{ enrollChild(childId: $childId, periodId: $periodId) {{
  enrolment {{ id state }} {ERRORS} }} }}"""
CATALOGUE = """query($childId: ID!) { catalogue(childId: $childId) { activities { periods {
  id canEnrol enrolmentOpensAt enrolmentClosesAt enrolmentOpen } } } }"""
UPDATE_ACTIVITY = f"""mutation($id: ID!, $input: UpdateActivityInput!) {{ updateActivity(id: $id, input: $input) {{
  activity {{ enrolmentOpensAt enrolmentClosesAt periods {{ enrolmentOpensAt enrolmentClosesAt }} }} {ERRORS} }} }}"""
UPDATE_PERIOD = f"""mutation($id: ID!, $input: UpdatePeriodInput!) {{ updatePeriod(id: $id, input: $input) {{
  period {{ enrolmentOpensAt enrolmentClosesAt }} {ERRORS} }} }}"""


async def summer_centre(db, **settings):
    return await make_service(db, "CENTRE DE LOISIRS", "VACANCES D'ETE", "ETE 2027", "JOURNEE",
                              weekdays="0,1,2,3,4", dates=SUMMER, open_during="always", **settings)


async def family(db, browser):
    """Emma-Rose, and a way to sign her family in (again after the clock jumps: sessions expire)."""
    built = await make_family(db, "lola@famille.test")
    emma = await make_child(db, built.household, "Emma-Rose", class_level="CE2")
    return emma, lambda: signed_in(browser(), built.email, built.password)


def at(clock, moment):
    """The clock at ``moment`` (it runs on from there: set it just before the request it is for)."""
    clock.travel_to(moment)


async def staff(db, browser):
    row = await make_staff(db)
    return await signed_in(browser(), row.email, row.password)


def offered(data):
    [period] = [p for a in data["catalogue"][0]["activities"] for p in a["periods"]]
    return period


async def enrolments(db):
    async with db.read_sessions() as session:
        return list((await session.exec(select(Enrolment))).all())


async def test_staff_open_and_close_the_window_and_families_are_told_when_at_the_second(db, browser, clock):
    centre = await summer_centre(db)
    emma, login = await family(db, browser)
    clock.travel_to(datetime(2027, 5, 20, 12, 0, tzinfo=TOWN_ZONE))
    agent = await staff(db, browser)

    done = (await agent.data(UPDATE_ACTIVITY, {"id": str(centre.activity.id), "input": {
        "enrolmentOpensAt": "2027-06-01T08:00:00+02:00", "enrolmentClosesAt": "2027-06-30T18:00:00+02:00"}}))
    assert done["updateActivity"]["errors"] == []
    assert done["updateActivity"]["activity"]["enrolmentOpensAt"] == "2027-06-01T06:00:00+00:00"
    async with db.read_sessions() as session:
        audited = (await session.exec(select(AuditEntry).where(AuditEntry.entity_id == centre.activity.id))).all()
    assert {(a.field, a.before, a.after) for a in audited} == {
        ("enrolmentOpensAt", "", "2027-06-01T06:00:00+00:00"),
        ("enrolmentClosesAt", "", "2027-06-30T16:00:00+00:00"),
    }

    variables = {"childId": str(emma.id), "periodId": str(centre.period.id)}
    clock.travel_to(OPENS - timedelta(minutes=5))
    client = await login()
    at(clock, OPENS - SECOND)
    seen = offered(await client.data(CATALOGUE, {"childId": str(emma.id)}))
    assert (seen["enrolmentOpen"], seen["canEnrol"]) == (False, False), seen
    assert seen["enrolmentOpensAt"] == "2027-06-01T06:00:00+00:00"
    assert seen["enrolmentClosesAt"] == "2027-06-30T16:00:00+00:00"
    at(clock, OPENS - SECOND)
    early = (await client.data(ENROLL, variables))["enrollChild"]
    assert early["errors"] == [{"field": "periodId", "code": "ENROLMENT_NOT_OPEN",
                                "message": "Les inscriptions ouvrent le 01/06/2027 à 08:00."}]
    assert await enrolments(db) == []

    at(clock, OPENS)
    seen = offered(await client.data(CATALOGUE, {"childId": str(emma.id)}))
    assert (seen["enrolmentOpen"], seen["canEnrol"]) == (True, True)
    taken = (await client.data(ENROLL, variables))["enrollChild"]
    assert taken["errors"] == [] and taken["enrolment"]["state"] == "ACCEPTED"


async def test_enrolments_close_at_the_closing_instant(db, browser, clock):
    centre = await summer_centre(db, enrolment_opens_at=OPENS, enrolment_closes_at=CLOSES)
    emma, login = await family(db, browser)
    variables = {"childId": str(emma.id), "periodId": str(centre.period.id)}

    clock.travel_to(CLOSES - timedelta(minutes=5))
    client = await login()
    at(clock, CLOSES)
    late = (await client.data(ENROLL, variables))["enrollChild"]
    assert late["errors"] == [{"field": "periodId", "code": "ENROLMENT_CLOSED",
                               "message": "Les inscriptions sont closes depuis le 30/06/2027 à 18:00."}]
    assert offered(await client.data(CATALOGUE, {"childId": str(emma.id)}))["enrolmentOpen"] is False
    assert await enrolments(db) == []

    at(clock, CLOSES - SECOND)
    just_in_time = (await client.data(ENROLL, variables))["enrollChild"]
    assert just_in_time["errors"] == [] and just_in_time["enrolment"]["state"] == "ACCEPTED"


async def test_a_period_sets_its_own_bound_over_its_activitys(db, browser, clock):
    centre = await summer_centre(db, enrolment_opens_at=OPENS, enrolment_closes_at=CLOSES)
    emma, login = await family(db, browser)
    clock.travel_to(datetime(2027, 5, 15, 9, 0, tzinfo=TOWN_ZONE))
    client, agent = await login(), await staff(db, browser)
    # Families of the town enrol earlier for the summer: the period opens on 10 May.
    done = await agent.data(UPDATE_PERIOD, {"id": str(centre.period.id),
                                            "input": {"enrolmentOpensAt": "2027-05-10T08:00:00+02:00"}})
    assert done["updatePeriod"] == {"period": {"enrolmentOpensAt": "2027-05-10T06:00:00+00:00",
                                               "enrolmentClosesAt": None}, "errors": []}
    seen = offered(await client.data(CATALOGUE, {"childId": str(emma.id)}))
    assert seen["enrolmentOpensAt"] == "2027-05-10T06:00:00+00:00"
    assert seen["enrolmentClosesAt"] == "2027-06-30T16:00:00+00:00"  # the activity's
    assert seen["enrolmentOpen"] is True
    taken = (await client.data(ENROLL, {"childId": str(emma.id), "periodId": str(centre.period.id)}))
    assert taken["enrollChild"]["errors"] == []

    # Null gives the activity's bound back.
    cleared = await agent.data(UPDATE_PERIOD, {"id": str(centre.period.id), "input": {"enrolmentOpensAt": None}})
    assert cleared["updatePeriod"]["period"]["enrolmentOpensAt"] is None
    assert offered(await client.data(CATALOGUE, {"childId": str(emma.id)}))["enrolmentOpen"] is False


async def test_bad_bounds_are_refused_field_by_field_and_nothing_is_written(db, browser):
    centre = await summer_centre(db)
    agent = await staff(db, browser)

    backwards = (await agent.data(UPDATE_ACTIVITY, {"id": str(centre.activity.id), "input": {
        "enrolmentOpensAt": "2027-06-30T18:00:00+02:00", "enrolmentClosesAt": "2027-06-01T08:00:00+02:00"}}))
    assert [(e["field"], e["code"]) for e in backwards["updateActivity"]["errors"]] == [
        ("enrolmentClosesAt", "INVALID")]
    # A moment without its offset is ambiguous (summer or winter time?): refused before any use case.
    naive = await agent(UPDATE_PERIOD, {"id": str(centre.period.id), "input": {
        "enrolmentOpensAt": "2027-06-01T08:00:00"}})
    assert naive["data"] is None
    assert [e["extensions"]["code"] for e in naive["errors"]] == ["BAD_USER_INPUT"]
    async with db.read_sessions() as session:
        activity = await session.get(Activity, centre.activity.id)
        period = await session.get(Period, centre.period.id)
        audited = (await session.exec(select(AuditEntry))).all()
    assert activity.enrolment_opens_at is None and activity.enrolment_closes_at is None
    assert period.enrolment_opens_at is None
    assert audited == []


async def test_without_a_window_enrolments_are_always_open(db, browser, clock):
    centre = await summer_centre(db)
    emma, login = await family(db, browser)
    clock.travel_to(datetime(2027, 1, 3, 23, 59, tzinfo=UTC))
    client = await login()
    seen = offered(await client.data(CATALOGUE, {"childId": str(emma.id)}))
    assert (seen["enrolmentOpensAt"], seen["enrolmentClosesAt"], seen["enrolmentOpen"]) == (None, None, True)
    taken = (await client.data(ENROLL, {"childId": str(emma.id), "periodId": str(centre.period.id)}))
    assert taken["enrollChild"]["errors"] == []
