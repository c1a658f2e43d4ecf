"""Groups and places ("Maternelles", "Élémentaires"): staff give the after-school club two groups, the
first with two places; families choose a group when they enrol, the third family is told the group is
full (or stands on its waiting line where the club keeps one, and moves up when a place frees, by
itself or once staff accept it). "Inscription aux services" shows each group's places left, and the
family its rank on the line; staff list the lines."""

from __future__ import annotations

import uuid

from sqlmodel import select

from portail.db.models import AuditEntry
from portail.db.models.catalogue import Enrolment, EnrolmentGroup
from tests.support.accounts import signed_in
from tests.support.builders import make_family, make_staff
from tests.support.catalogue import ERRORS, make_service
from tests.support.counts import statements
from tests.support.documents import make_child
from tests.support.pages import nodes

CLUB = "ACCUEIL PERISCOLAIRE > GARDERIE > GARDERIE 2026-2027"

CREATE_GROUP = f"""mutation($activityId: ID!, $input: EnrolmentGroupInput!) {{
  createEnrolmentGroup(activityId: $activityId, input: $input) {{ group {{ id name position capacity }} {ERRORS} }} }}"""
UPDATE_GROUP = f"""mutation($id: ID!, $input: UpdateEnrolmentGroupInput!) {{
  updateEnrolmentGroup(id: $id, input: $input) {{ group {{ id name position capacity }} {ERRORS} }} }}"""
DELETE_GROUP = f"""mutation($id: ID!) {{ deleteEnrolmentGroup(id: $id) {{ group {{ id name }} {ERRORS} }} }}"""
ENROLL = f"""mutation($childId: ID!, $periodId: ID!, $groupId: ID) {{
  enrollChild(childId: $childId, periodId: $periodId, groupId: $groupId) {{
    enrolment {{ id state groupId groupName waitingRank }} {ERRORS} }} }}"""
WITHDRAW = f"""mutation($id: ID!) {{ withdrawEnrolment(enrolmentId: $id) {{ enrolment {{ state }} {ERRORS} }} }}"""
DECIDE = f"""mutation($id: ID!, $accept: Boolean!, $reason: String!) {{
  decideEnrolment(id: $id, accept: $accept, reason: $reason) {{ enrolment {{ id state }} {ERRORS} }} }}"""
CATALOGUE = """query($childId: ID!) { catalogue(childId: $childId) { activities { periods {
  canEnrol capacity placesLeft waitingCount keepsWaitingLine
  groups { id name capacity placesLeft waitingCount }
  enrolment { state groupName waitingRank } } } } }"""
LINES = """query($state: EnrolmentState!) { pendingEnrolments(state: $state) { edges { node {
  childName periodPath state groupName waitingRank } } } }"""
FACILITIES = "{ facilities { activities { name groups { name capacity } } } }"


async def club(db, **settings):
    return await make_service(db, "ACCUEIL PERISCOLAIRE", "GARDERIE", "GARDERIE 2026-2027", "SOIR",
                              regie="REGIE PERISCOLAIRE", **settings)


async def staff(db, browser):
    row = await make_staff(db)
    return await signed_in(browser(), row.email, row.password)


async def families(db, browser, n):
    """``n`` families, each with one child: (email, child, client)."""
    result = []
    for i in range(n):
        built = await make_family(db, f"famille{i}@club.test", name=f"FAMILLE{i}")
        child = await make_child(db, built.household, f"Enfant{i}", class_level="GS")
        result.append((built.email, child, await signed_in(browser(), built.email, built.password)))
    return result


def period_of(data):
    [period] = [p for a in data["catalogue"][0]["activities"] for p in a["periods"]]
    return period


async def rows(db, table):
    async with db.read_sessions() as session:
        return list((await session.exec(select(table))).all())


async def test_staff_manage_groups_audited_with_field_named_errors(db, browser):
    service = await club(db)
    agent = await staff(db, browser)

    bad = (await agent.data(CREATE_GROUP, {"activityId": str(service.activity.id),
                                           "input": {"name": " ", "capacity": 0}}))["createEnrolmentGroup"]
    assert [(e["field"], e["code"]) for e in bad["errors"]] == [("name", "REQUIRED"), ("capacity", "INVALID")]
    unknown = (await agent.data(CREATE_GROUP, {"activityId": str(uuid.uuid4()), "input": {"name": "Maternelles"}}))
    assert [(e["field"], e["code"]) for e in unknown["createEnrolmentGroup"]["errors"]] == [
        ("activityId", "NOT_FOUND")]
    assert await rows(db, EnrolmentGroup) == [] and await rows(db, AuditEntry) == []

    small = (await agent.data(CREATE_GROUP, {"activityId": str(service.activity.id),
                                             "input": {"name": "Maternelles", "capacity": 2}}))["createEnrolmentGroup"]
    big = (await agent.data(CREATE_GROUP, {"activityId": str(service.activity.id),
                                           "input": {"name": "Élémentaires", "position": 1}}))["createEnrolmentGroup"]
    assert small["errors"] == [] and big["errors"] == []
    assert small["group"]["capacity"] == 2 and big["group"]["capacity"] is None
    renamed = (await agent.data(UPDATE_GROUP, {"id": small["group"]["id"],
                                               "input": {"name": "Maternelles (PS-GS)"}}))["updateEnrolmentGroup"]
    assert renamed["group"] == {**small["group"], "name": "Maternelles (PS-GS)"}  # the capacity kept
    nulled = (await agent.data(UPDATE_GROUP, {"id": small["group"]["id"], "input": {"name": None}}))
    assert [(e["field"], e["code"]) for e in nulled["updateEnrolmentGroup"]["errors"]] == [("name", "REQUIRED")]
    listed = (await agent.data(FACILITIES))["facilities"][0]["activities"][0]["groups"]
    assert listed == [{"name": "Maternelles (PS-GS)", "capacity": 2}, {"name": "Élémentaires", "capacity": None}]

    audit = await rows(db, AuditEntry)
    assert {(a.entity, a.field, a.before, a.after) for a in audit if a.entity_id == uuid.UUID(small["group"]["id"])
            and a.field in ("name", "capacity")} == {
        ("enrolment_group", "name", "", "Maternelles"), ("enrolment_group", "capacity", "", "2"),
        ("enrolment_group", "name", "Maternelles", "Maternelles (PS-GS)"),
    }

    deleted = (await agent.data(DELETE_GROUP, {"id": big["group"]["id"]}))["deleteEnrolmentGroup"]
    assert deleted == {"group": {"id": big["group"]["id"], "name": "Élémentaires"}, "errors": []}
    assert [g.name for g in await rows(db, EnrolmentGroup)] == ["Maternelles (PS-GS)"]
    assert any(a.entity_id == uuid.UUID(big["group"]["id"]) and a.after == "" and a.before == "Élémentaires"
               for a in await rows(db, AuditEntry))


async def test_families_choose_a_group_and_a_full_group_is_refused(db, browser, smtp):
    service = await club(db)
    agent = await staff(db, browser)
    other = await make_service(db, "CENTRE AERE MERCREDI", "MERCREDIS", "MERCREDIS 2026-2027", weekdays="2")
    small = (await agent.data(CREATE_GROUP, {"activityId": str(service.activity.id),
                                             "input": {"name": "Maternelles", "capacity": 2}}))
    small_id = small["createEnrolmentGroup"]["group"]["id"]
    big_id = (await agent.data(CREATE_GROUP, {"activityId": str(service.activity.id),
                                              "input": {"name": "Élémentaires", "position": 1}}))[
        "createEnrolmentGroup"]["group"]["id"]
    foreign_id = (await agent.data(CREATE_GROUP, {"activityId": str(other.activity.id),
                                                  "input": {"name": "Petite section"}}))[
        "createEnrolmentGroup"]["group"]["id"]
    (a_mail, a, a_client), (_, b, b_client), (_, c, c_client) = await families(db, browser, 3)
    period = str(service.period.id)

    seen = period_of(await a_client.data(CATALOGUE, {"childId": str(a.id)}))
    assert seen["groups"] == [
        {"id": small_id, "name": "Maternelles", "capacity": 2, "placesLeft": 2, "waitingCount": 0},
        {"id": big_id, "name": "Élémentaires", "capacity": None, "placesLeft": None, "waitingCount": 0},
    ]
    assert seen["canEnrol"] is True and seen["keepsWaitingLine"] is False

    no_group = (await a_client.data(ENROLL, {"childId": str(a.id), "periodId": period}))["enrollChild"]
    assert [(e["field"], e["code"]) for e in no_group["errors"]] == [("groupId", "REQUIRED")]
    assert "« Maternelles », « Élémentaires »" in no_group["errors"][0]["message"]
    for wrong in (foreign_id, str(uuid.uuid4()), "pas-un-groupe"):
        refused = (await a_client.data(ENROLL, {"childId": str(a.id), "periodId": period, "groupId": wrong}))
        assert [(e["field"], e["code"]) for e in refused["enrollChild"]["errors"]] == [("groupId", "NOT_FOUND")]
    assert await rows(db, Enrolment) == []

    for child, client in ((a, a_client), (b, b_client)):
        taken = (await client.data(ENROLL, {"childId": str(child.id), "periodId": period, "groupId": small_id}))
        assert taken["enrollChild"]["errors"] == []
        assert taken["enrollChild"]["enrolment"]["groupName"] == "Maternelles"
        assert taken["enrollChild"]["enrolment"]["state"] == "ACCEPTED"
    full = (await c_client.data(ENROLL, {"childId": str(c.id), "periodId": period, "groupId": small_id}))
    assert full["enrollChild"]["errors"] == [{"field": "groupId", "code": "GROUP_FULL",
                                              "message": f"Le groupe « Maternelles » est complet pour « {CLUB} »."}]
    assert len(await rows(db, Enrolment)) == 2
    seen = period_of(await c_client.data(CATALOGUE, {"childId": str(c.id)}))
    assert [(g["name"], g["placesLeft"]) for g in seen["groups"]] == [("Maternelles", 0), ("Élémentaires", None)]
    assert seen["canEnrol"] is True  # Élémentaires has room
    other_group = (await c_client.data(ENROLL, {"childId": str(c.id), "periodId": period, "groupId": big_id}))
    assert other_group["enrollChild"]["enrolment"]["groupName"] == "Élémentaires"
    mine = period_of(await a_client.data(CATALOGUE, {"childId": str(a.id)}))["enrolment"]
    assert mine == {"state": "ACCEPTED", "groupName": "Maternelles", "waitingRank": None}

    exported = await agent.data("""query($p: ID) { enrolmentsExport(periodId: $p) { edges { node {
      firstName groupName stateLabel } } } }""", {"p": period})
    assert [n["node"] for n in exported["enrolmentsExport"]["edges"]] == [
        {"firstName": "Enfant0", "groupName": "Maternelles", "stateLabel": "Acceptée"},
        {"firstName": "Enfant1", "groupName": "Maternelles", "stateLabel": "Acceptée"},
        {"firstName": "Enfant2", "groupName": "Élémentaires", "stateLabel": "Acceptée"},
    ]
    in_use = (await agent.data(DELETE_GROUP, {"id": small_id}))["deleteEnrolmentGroup"]
    assert [(e["field"], e["code"]) for e in in_use["errors"]] == [("id", "GROUP_IN_USE")]
    await smtp.wait_for(a_mail)


async def test_a_full_period_keeps_a_waiting_line_and_the_first_moves_up_when_a_place_frees(db, browser, smtp):
    service = await club(db, enrolment_capacity=1, enrolment_when_full="waiting_list")
    (_, a, a_client), (b_mail, b, b_client), (c_mail, c, c_client) = await families(db, browser, 3)
    agent = await staff(db, browser)
    period = str(service.period.id)

    first = (await a_client.data(ENROLL, {"childId": str(a.id), "periodId": period}))["enrollChild"]
    second = (await b_client.data(ENROLL, {"childId": str(b.id), "periodId": period}))["enrollChild"]
    third = (await c_client.data(ENROLL, {"childId": str(c.id), "periodId": period}))["enrollChild"]
    assert first["enrolment"]["state"] == "ACCEPTED"
    assert (second["enrolment"]["state"], second["enrolment"]["waitingRank"]) == ("WAITING", 1)
    assert (third["enrolment"]["state"], third["enrolment"]["waitingRank"]) == ("WAITING", 2)
    mail = (await smtp.wait_for(c_mail))[0]
    assert f"« {CLUB} » est complet : Enfant2 est sur la liste d'attente, au rang 2." in mail.text
    seen = period_of(await c_client.data(CATALOGUE, {"childId": str(c.id)}))
    assert (seen["capacity"], seen["placesLeft"], seen["waitingCount"], seen["keepsWaitingLine"]) == (1, 0, 2, True)
    assert seen["enrolment"] == {"state": "WAITING", "groupName": None, "waitingRank": 2}
    assert seen["canEnrol"] is False  # already on the line
    lines = nodes((await agent.data(LINES, {"state": "WAITING"}))["pendingEnrolments"])
    assert [(n["childName"], n["waitingRank"]) for n in lines] == [("Enfant1 FAMILLE1", 1), ("Enfant2 FAMILLE2", 2)]
    again = (await b_client.data(ENROLL, {"childId": str(b.id), "periodId": period}))["enrollChild"]
    assert [(e["field"], e["code"]) for e in again["errors"]] == [("periodId", "ALREADY_ENROLLED")]

    smtp.clear()
    left = (await a_client.data(WITHDRAW, {"id": first["enrolment"]["id"]}))["withdrawEnrolment"]
    assert left["errors"] == []
    moved = period_of(await b_client.data(CATALOGUE, {"childId": str(b.id)}))["enrolment"]
    assert moved == {"state": "ACCEPTED", "groupName": None, "waitingRank": None}
    promoted = (await smtp.wait_for(b_mail))[0]
    assert promoted.subject == f"Une place s'est libérée : inscription d'Enfant1 à « {CLUB} »"
    assert "Enfant1 est inscrit(e)" in promoted.text
    still = period_of(await c_client.data(CATALOGUE, {"childId": str(c.id)}))["enrolment"]
    assert still == {"state": "WAITING", "groupName": None, "waitingRank": 1}

    # Leaving the line frees no place: nobody moves.
    out = (await c_client.data(WITHDRAW, {"id": third["enrolment"]["id"]}))["withdrawEnrolment"]
    assert out["enrolment"]["state"] == "WITHDRAWN"
    assert {e.state for e in await rows(db, Enrolment)} == {"withdrawn", "accepted"}


async def test_where_staff_promote_they_accept_the_first_in_line_once_a_place_is_free(db, browser, smtp):
    service = await club(db, enrolment_capacity=1, enrolment_when_full="waiting_list", promotion="staff")
    (_, a, a_client), (b_mail, b, b_client), (_, c, c_client) = await families(db, browser, 3)
    agent = await staff(db, browser)
    period = str(service.period.id)
    first = (await a_client.data(ENROLL, {"childId": str(a.id), "periodId": period}))["enrollChild"]
    second = (await b_client.data(ENROLL, {"childId": str(b.id), "periodId": period}))["enrollChild"]
    third = (await c_client.data(ENROLL, {"childId": str(c.id), "periodId": period}))["enrollChild"]

    full = (await agent.data(DECIDE, {"id": second["enrolment"]["id"], "accept": True, "reason": ""}))
    assert [(e["field"], e["code"]) for e in full["decideEnrolment"]["errors"]] == [("id", "ACTIVITY_FULL")]

    await a_client.data(WITHDRAW, {"id": first["enrolment"]["id"]})
    # Nobody moved by themselves: staff choose.
    assert period_of(await b_client.data(CATALOGUE, {"childId": str(b.id)}))["enrolment"]["state"] == "WAITING"
    smtp.clear()
    accepted = (await agent.data(DECIDE, {"id": second["enrolment"]["id"], "accept": True, "reason": ""}))
    assert accepted["decideEnrolment"]["enrolment"]["state"] == "ACCEPTED"
    assert "la mairie a accepté votre demande" in (await smtp.wait_for(b_mail))[0].text
    refused = (await agent.data(DECIDE, {"id": third["enrolment"]["id"], "accept": False,
                                         "reason": "Plus de place cette année."}))
    assert refused["decideEnrolment"]["enrolment"]["state"] == "REFUSED"


async def test_a_full_period_without_a_line_refuses_and_raising_the_capacity_lets_the_line_in(db, browser):
    service = await club(db, enrolment_capacity=1)
    (_, a, a_client), (_, b, b_client) = await families(db, browser, 2)
    agent = await staff(db, browser)
    period = str(service.period.id)
    assert (await a_client.data(ENROLL, {"childId": str(a.id), "periodId": period}))["enrollChild"]["errors"] == []
    full = (await b_client.data(ENROLL, {"childId": str(b.id), "periodId": period}))["enrollChild"]
    assert [(e["field"], e["code"]) for e in full["errors"]] == [("periodId", "ACTIVITY_FULL")]
    assert period_of(await b_client.data(CATALOGUE, {"childId": str(b.id)}))["canEnrol"] is False

    # Staff open a waiting line, then raise the capacity: the first in line moves up.
    update = f"""mutation($id: ID!, $input: UpdateActivityInput!) {{ updateActivity(id: $id, input: $input) {{
      activity {{ enrolmentCapacity enrolmentWhenFull }} {ERRORS} }} }}"""
    bad = (await agent.data(update, {"id": str(service.activity.id), "input": {"enrolmentCapacity": 0}}))
    assert [(e["field"], e["code"]) for e in bad["updateActivity"]["errors"]] == [("enrolmentCapacity", "INVALID")]
    lined = await agent.data(update, {"id": str(service.activity.id), "input": {"enrolmentWhenFull": "WAITING_LIST"}})
    assert lined["updateActivity"]["activity"] == {"enrolmentCapacity": 1, "enrolmentWhenFull": "WAITING_LIST"}
    waiting = (await b_client.data(ENROLL, {"childId": str(b.id), "periodId": period}))["enrollChild"]
    assert waiting["enrolment"]["state"] == "WAITING"
    await agent.data(update, {"id": str(service.activity.id), "input": {"enrolmentCapacity": 2}})
    assert period_of(await b_client.data(CATALOGUE, {"childId": str(b.id)}))["enrolment"]["state"] == "ACCEPTED"


async def test_the_catalogue_costs_the_same_statements_however_many_groups_and_lines(db, browser, live_server):
    first = await club(db, enrolment_when_full="waiting_list")
    agent = await staff(db, browser)
    (_, a, a_client), (_, b, b_client) = await families(db, browser, 2)

    async def grouped(service, capacity):
        group = await agent.data(CREATE_GROUP, {"activityId": str(service.activity.id),
                                                "input": {"name": "Maternelles", "capacity": capacity}})
        return group["createEnrolmentGroup"]["group"]["id"]

    async def cost():
        await a_client.data(CATALOGUE, {"childId": str(a.id)})  # the catalogue read again after a change
        with statements(live_server.app.state.db) as seen:
            data = await a_client.data(CATALOGUE, {"childId": str(a.id)})
        return len(seen), data

    group = await grouped(first, 1)
    await b_client.data(ENROLL, {"childId": str(b.id), "periodId": str(first.period.id), "groupId": group})
    await a_client.data(ENROLL, {"childId": str(a.id), "periodId": str(first.period.id), "groupId": group})
    one, data = await cost()
    assert [p["enrolment"]["waitingRank"] for a_ in data["catalogue"][0]["activities"] for p in a_["periods"]] == [1]

    # Three more activities with groups, places counted and a child waiting in each.
    for i in range(3):
        more = await make_service(db, f"CENTRE {i}", f"ACTIVITE {i}", f"PERIODE {i}", regie=f"REGIE {i}",
                                  enrolment_when_full="waiting_list")
        extra = await grouped(more, 1)
        await agent.data(CREATE_GROUP, {"activityId": str(more.activity.id), "input": {"name": "Élémentaires"}})
        for child, client in ((b, b_client), (a, a_client)):
            await client.data(ENROLL, {"childId": str(child.id), "periodId": str(more.period.id), "groupId": extra})
    four, data = await cost()
    ranks = [p["enrolment"]["waitingRank"] for f in data["catalogue"] for a_ in f["activities"] for p in a_["periods"]]
    assert ranks == [1, 1, 1, 1]
    assert four == one


async def test_a_groups_line_moves_when_its_group_gets_places_not_when_the_activitys_capacity_changes(
    db, browser
):
    service = await club(db, enrolment_when_full="waiting_list")
    agent = await staff(db, browser)
    (_, a, a_client), (_, b, b_client) = await families(db, browser, 2)
    group = (await agent.data(CREATE_GROUP, {"activityId": str(service.activity.id),
                                             "input": {"name": "Maternelles", "capacity": 1}}))
    group_id = group["createEnrolmentGroup"]["group"]["id"]
    variables = {"periodId": str(service.period.id), "groupId": group_id}
    await a_client.data(ENROLL, {**variables, "childId": str(a.id)})
    waiting = (await b_client.data(ENROLL, {**variables, "childId": str(b.id)}))["enrollChild"]["enrolment"]
    assert waiting["state"] == "WAITING"

    # The activity's own capacity counts where it has no groups: the group is still full.
    update = f"""mutation($id: ID!) {{ updateActivity(id: $id, input: {{enrolmentCapacity: 5}}) {{ {ERRORS} }} }}"""
    assert (await agent.data(update, {"id": str(service.activity.id)}))["updateActivity"]["errors"] == []
    assert period_of(await b_client.data(CATALOGUE, {"childId": str(b.id)}))["enrolment"]["state"] == "WAITING"

    raised = await agent.data(UPDATE_GROUP, {"id": group_id, "input": {"capacity": 2}})
    assert raised["updateEnrolmentGroup"]["errors"] == []
    moved = period_of(await b_client.data(CATALOGUE, {"childId": str(b.id)}))
    assert moved["enrolment"] == {"state": "ACCEPTED", "groupName": "Maternelles", "waitingRank": None}
    assert moved["groups"][0]["placesLeft"] == 0
