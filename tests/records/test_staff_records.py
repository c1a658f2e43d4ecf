"""Staff side of the records: find a household, read its record and audit, set the town's
certification period, publish a new version of a consent (families are asked again)."""

from __future__ import annotations

from datetime import timedelta

from tests.support.builders import make_family, make_staff
from tests.support.pages import end_cursor, has_next, nodes

LOGIN = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { errors { code } } }"
SEARCH = """query($s: String!, $after: String) { households(search: $s, first: 2, after: $after) {
  edges { node { id name } } pageInfo { hasNextPage endCursor } } }"""


async def signed_in(browser, who):
    client = browser()
    assert (await client.data(LOGIN, {"e": who.email, "p": who.password}))["login"]["errors"] == []
    return client


async def test_staff_find_households_by_name_or_email_page_by_page(db, browser):
    for name, email in (("MARTIN", "l.martin@example.org"), ("MARTINEZ", "marti@example.org"),
                        ("BERNARD", "bernard@example.org"), ("PETIT", "martine.petit@example.org")):
        await make_family(db, email=email, name=name)
    agent = await signed_in(browser, await make_staff(db))
    first = (await agent.data(SEARCH, {"s": "Marti"}))["households"]
    assert [h["name"] for h in nodes(first)] == ["MARTIN", "MARTINEZ"]
    second = (await agent.data(SEARCH, {"s": "Marti", "after": end_cursor(first)}))["households"]
    assert [h["name"] for h in nodes(second)] == ["PETIT"]  # found by the guardian's e-mail
    assert not has_next(second)
    bad = await agent(SEARCH, {"s": "", "after": "not-a-cursor"})
    assert bad["errors"][0]["extensions"] == {"code": "INVALID", "field": "after"}

    family = await signed_in(browser, await make_family(db, email="curieux@example.org", name="CURIEUX"))
    refused = await family(SEARCH, {"s": ""})
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_staff_read_a_household_and_its_audit_a_family_only_its_own(db, browser):
    martin = await make_family(db, email="martin@example.org", name="MARTIN")
    other = await make_family(db, email="other@example.org", name="OTHER")
    parent = await signed_in(browser, martin)
    await parent.data('mutation { updateHousehold(input: {me: {profession: "Boulangère"}}) { errors { code } } }')
    agent = await signed_in(browser, await make_staff(db))
    query = "query($id: ID) { household(id: $id) { name me { profession } } }"
    assert (await agent.data(query, {"id": str(martin.household.id)}))["household"] == {
        "name": "MARTIN", "me": {"profession": "Boulangère"},
    }
    trail = "query($id: ID) { auditTrail(householdId: $id) { edges { node { field after } } } }"
    assert nodes((await agent.data(trail, {"id": str(martin.household.id)}))["auditTrail"]) == [
        {"field": "profession", "after": "Boulangère"}
    ]
    # A family naming another household reads nothing, exactly as for an unknown id.
    snooper = await signed_in(browser, other)
    assert (await snooper.data(query, {"id": str(martin.household.id)}))["household"] is None
    assert nodes((await snooper.data(trail, {"id": str(martin.household.id)}))["auditTrail"]) == []


async def test_certification_expires_after_the_towns_period(db, browser, clock):
    family = await make_family(db)
    parent = await signed_in(browser, family)
    agent = await signed_in(browser, await make_staff(db))
    period = await agent.data("mutation { setCertificationPeriod(months: 6) { months errors { code } } }")
    assert period["setCertificationPeriod"] == {"months": 6, "errors": []}
    wrong = await agent.data("mutation { setCertificationPeriod(months: 0) { months errors { field code } } }")
    assert wrong["setCertificationPeriod"]["errors"] == [{"field": "months", "code": "INVALID"}]

    confirmed = await parent.data("mutation { confirmRecords { household { certification { needsConfirmation expiresAt } } errors { code } } }")
    assert confirmed["confirmRecords"]["household"]["certification"]["needsConfirmation"] is False
    todo = "{ viewer { toComplete { section } } }"
    assert "CONFIRMATION" not in [i["section"] for i in (await parent.data(todo))["viewer"]["toComplete"]]
    clock.travel(timedelta(days=200))
    parent = await signed_in(browser, family)  # the session itself ended long ago
    assert "CONFIRMATION" in [i["section"] for i in (await parent.data(todo))["viewer"]["toComplete"]]


async def test_a_new_version_of_a_consent_asks_the_family_again(db, browser):
    family = await make_family(db)
    parent = await signed_in(browser, family)
    agent = await signed_in(browser, await make_staff(db))
    publish = """mutation($text: String!) { publishConsent(kind: "rules_canteen", title: "Règlement de la cantine",
      text: $text, perChild: false) { definition { id kind version } errors { code } } }"""
    v1 = (await agent.data(publish, {"text": "Version 1"}))["publishConsent"]["definition"]
    assert v1["kind"] == "RULES_CANTEEN" and v1["version"] == 1
    answer = "mutation($id: ID!) { answerConsents(answers: [{definitionId: $id, granted: true}]) { errors { field code } } }"
    assert (await parent.data(answer, {"id": v1["id"]}))["answerConsents"]["errors"] == []
    consents = "{ household { consents { granted previousAnswer definition { version } } } }"
    assert (await parent.data(consents))["household"]["consents"] == [
        {"granted": True, "previousAnswer": None, "definition": {"version": 1}}
    ]
    v2 = (await agent.data(publish, {"text": "Version 2 : nouveaux horaires"}))["publishConsent"]["definition"]
    assert v2["version"] == 2
    assert (await parent.data(consents))["household"]["consents"] == [
        {"granted": None, "previousAnswer": True, "definition": {"version": 2}}
    ]
    todo = (await parent.data("{ viewer { toComplete { section missingFields } } }"))["viewer"]["toComplete"]
    assert {"section": "HOUSEHOLD_CONSENTS", "missingFields": ["RULES_CANTEEN"]} in todo
    stale = (await parent.data(answer, {"id": v1["id"]}))["answerConsents"]["errors"]
    assert stale == [{"field": "answers.0.definitionId", "code": "NOT_FOUND"}]
