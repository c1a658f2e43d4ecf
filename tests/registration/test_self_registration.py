"""A family creates its own account ("Créer un compte"), over HTTP: the town opens it, the family solves
the ALTCHA proof of work, registers, confirms its address, waits for the town, and staff merge it into the
household the town already knows; bots, replays, known addresses and impatient families are kept out."""

from __future__ import annotations

import base64
import json
import uuid
from datetime import date, timedelta
from typing import Any

import altcha
import pytest
from sqlmodel import func, select

from portail.db.models import (
    Account,
    AuditEntry,
    Child,
    ConsentDefinition,
    Guardian,
    Household,
    HouseholdChild,
    TownSetting,
)
from portail.resolvers.registration import SELF_REGISTRATION_KEY, TERMS_KIND
from tests.support.accounts import outbox, signed_in
from tests.support.bookings import SUBMIT, change
from tests.support.builders import make_family, make_staff
from tests.support.documents import make_child

PASSWORD = "Cerf-Volant-Marais-57"
TOWN = "{ town { selfRegistration termsOfUse { version title } } }"
CHALLENGE = "{ altchaChallenge { algorithm challenge salt signature maxnumber expiresAt } }"
REGISTER = """mutation($input: RegisterFamilyInput!) { registerFamily(input: $input) {
  ok errors { field code message } } }"""
CONFIRM = """mutation($token: String!) { confirmAccount(token: $token) {
  viewer { account { email confirmed } household { name awaitingValidation } } errors { field code } } }"""
WAITING = """{ waitingRegistrations { edges { node { id email registeredAt
  household { id name awaitingValidation children { firstName } }
  lookAlikes { id name } } } pageInfo { hasNextPage } } }"""
MERGE = """mutation($id: ID!, $into: ID!) { mergeRegistration(householdId: $id, intoHouseholdId: $into) {
  household { id name awaitingValidation } errors { field code } } }"""
APPROVE = """mutation($id: ID!) { approveRegistration(householdId: $id) {
  household { id name awaitingValidation } errors { field code } } }"""
SWITCH = """mutation($on: Boolean!) { setSelfRegistration(enabled: $on) {
  town { selfRegistration } errors { field code } } }"""
ENROL = """mutation($c: ID!, $p: ID!) { enrollChild(childId: $c, periodId: $p) { enrolment { id } errors { field code } } }"""


@pytest.fixture
def settings(settings):
    """An easy proof of work: the tests solve their challenges themselves, as a browser would."""
    return settings.model_copy(update={"altcha_max_number": 1000})


def solve(challenge: dict[str, Any]) -> str:
    """What the ALTCHA widget hands over once it solved ``challenge``: its payload, base64 JSON."""
    solution = altcha.solve_challenge_v1(
        challenge["challenge"], challenge["salt"], challenge["algorithm"], challenge["maxnumber"]
    )
    assert solution is not None
    payload = {key: challenge[key] for key in ("algorithm", "challenge", "salt", "signature")}
    return base64.b64encode(json.dumps({**payload, "number": solution.number}).encode()).decode()


async def solved(client) -> str:
    return solve((await client.data(CHALLENGE))["altchaChallenge"])


def family(altcha_payload: str, email: str = "marc.durand@example.org", **changes: Any) -> dict[str, Any]:
    return {"input": {
        "email": email, "password": PASSWORD, "firstName": "Marc", "lastName": "Durand",
        "householdName": "Durand", "acceptedTermsVersion": 1, "altcha": altcha_payload,
        "children": [{"firstName": "Lucas", "birthDate": "2018-03-04"}], **changes,
    }}


async def open_registration(db, text: str = "…") -> None:
    """The town published its terms of use and opened self-registration."""
    async with db.transaction() as session:
        session.add(ConsentDefinition(kind=TERMS_KIND, title="Conditions d'utilisation", text=text, scope="household"))
        session.add(TownSetting(key=SELF_REGISTRATION_KEY, value="on"))


async def counts(db) -> dict[str, int]:
    async with db.read_sessions() as session:
        return {
            table.__name__: (await session.exec(select(func.count()).select_from(table))).one()
            for table in (Account, Household, Guardian, Child, HouseholdChild)
        }


def codes(answer: dict[str, Any]) -> list[tuple[str | None, str]]:
    return [(e["field"], e["code"]) for e in answer["registerFamily"]["errors"]]


async def test_a_family_registers_confirms_waits_and_is_merged_into_the_household_the_town_knows(
    db, gql, browser, smtp
):
    # The town knows the DURAND family: Julie (who signs in), Marc (no account yet) and Lucas.
    known = await make_family(db, "julie.durand@example.org", name="DURAND", first_name="Julie")
    async with db.transaction() as session:
        session.add(Guardian(household_id=known.household.id, rank=2, first_name="Marc", last_name="DURAND"))
    lucas = await make_child(db, known.household, "Lucas", birth_date=date(2018, 3, 4))
    staff = await signed_in(browser(), (agent := await make_staff(db)).email, agent.password)

    # Self-registration is closed: "Créer un compte" is not shown, and a registration is refused.
    assert (await gql.data(TOWN))["town"] == {"selfRegistration": False, "termsOfUse": None}
    closed = await gql.data(REGISTER, family(await solved(gql)))
    assert codes(closed) == [(None, "REGISTRATION_CLOSED")]

    # Staff open it: first the terms of use families accept, then the switch (audited).
    refused = await staff.data(SWITCH, {"on": True})
    assert refused["setSelfRegistration"]["errors"] == [{"field": "enabled", "code": "TERMS_OF_USE_MISSING"}]
    published = await staff.data("""mutation { publishConsent(kind: "CONDITIONS_UTILISATION",
      title: "Conditions d'utilisation", text: "Je m'engage à donner des informations exactes.", perChild: false)
      { definition { version } errors { code } } }""")
    assert published["publishConsent"]["definition"]["version"] == 1
    opened = await staff.data(SWITCH, {"on": True})
    assert opened["setSelfRegistration"] == {"town": {"selfRegistration": True}, "errors": []}
    town = (await gql.data(TOWN))["town"]
    assert town == {"selfRegistration": True, "termsOfUse": {"version": 1, "title": "Conditions d'utilisation"}}

    # The family solves a challenge and registers: the answer says nothing more than "ok".
    challenge = (await gql.data(CHALLENGE))["altchaChallenge"]
    assert challenge["algorithm"] == "SHA-256" and challenge["maxnumber"] == 1000
    assert "expires=" in challenge["salt"]
    registered = await gql.data(REGISTER, family(solve(challenge)))
    assert registered == {"registerFamily": {"ok": True, "errors": []}}

    # A mail arrives with the link confirming the address; until then the account cannot sign in.
    [mail] = await smtp.wait_for("marc.durand@example.org")
    assert "Confirmez votre adresse" in mail.subject
    assert mail.link().startswith("http://portail.test/confirmer-inscription?token=")
    login = await browser().data("""mutation($e: String!, $p: String!) { login(email: $e, password: $p) {
      errors { code } } }""", {"e": "marc.durand@example.org", "p": PASSWORD})
    assert login["login"]["errors"] == [{"code": "INVALID_CREDENTIALS"}]
    confirmed = (await gql.data(CONFIRM, {"token": mail.token()}))["confirmAccount"]
    assert confirmed["errors"] == []
    assert confirmed["viewer"]["household"] == {"name": "Durand", "awaitingValidation": True}
    [_, done] = await smtp.wait_for("marc.durand@example.org", count=2)
    assert "adresse e-mail est confirmée" in done.subject and "en attente de validation" in done.text

    # While it waits, the household may not book nor enrol (its records it may fill in).
    own_child = (await gql.data("{ children { id firstName } }"))["children"]
    assert [c["firstName"] for c in own_child] == ["Lucas"]
    booking = await gql.data(SUBMIT, {"input": {"periodId": str(uuid.uuid4()), "changes": [
        change(own_child[0]["id"], uuid.uuid4(), date(2027, 1, 6))]}})
    assert [(e["field"], e["code"]) for e in booking["submitBookingRequest"]["errors"]] == [
        (None, "HOUSEHOLD_AWAITING_VALIDATION")]
    enrol = await gql.data(ENROL, {"c": own_child[0]["id"], "p": str(uuid.uuid4())})
    assert enrol["enrollChild"]["errors"] == [{"field": None, "code": "HOUSEHOLD_AWAITING_VALIDATION"}]
    filled = await gql.data("""mutation { updateProfile(input: {mobilePhone: "0611223344"}) { errors { code } } }""")
    assert filled["updateProfile"]["errors"] == []

    # Staff see it waiting, with the household that looks like the same family.
    [edge] = (await staff.data(WAITING))["waitingRegistrations"]["edges"]
    waiting = edge["node"]
    assert waiting["email"] == "marc.durand@example.org"
    assert waiting["household"]["awaitingValidation"] is True
    assert waiting["lookAlikes"] == [{"id": str(known.household.id), "name": "DURAND"}]

    # They merge it into DURAND; the family is mailed.
    merged = (await staff.data(MERGE, {"id": waiting["id"], "into": str(known.household.id)}))["mergeRegistration"]
    assert merged == {"household": {"id": str(known.household.id), "name": "DURAND", "awaitingValidation": False},
                      "errors": []}
    [*_, notice] = await smtp.wait_for("marc.durand@example.org", count=3)
    assert "rattaché" in notice.subject and "DURAND" in notice.text
    assert (await staff.data(WAITING))["waitingRegistrations"]["edges"] == []

    # Marc signs in to DURAND, as its guardian Marc, and sees its children (Lucas once).
    marc = await signed_in(browser(), "marc.durand@example.org", PASSWORD)
    seen = (await marc.data("""{ viewer { profile { firstName mobilePhone } household { id name awaitingValidation
      guardians { firstName } } } children { id firstName } }"""))
    assert seen["viewer"]["household"] == {"id": str(known.household.id), "name": "DURAND", "awaitingValidation": False,
                                           "guardians": [{"firstName": "Julie"}, {"firstName": "Marc"}]}
    assert seen["children"] == [{"id": str(lucas.id), "firstName": "Lucas"}]
    async with db.read_sessions() as session:
        assert (await session.get(Household, uuid.UUID(waiting["id"]))) is None
        assert (await session.exec(select(func.count()).select_from(Child))).one() == 1
        audit = (await session.exec(select(AuditEntry.field))).all()
        assert {"selfRegistration", "mergedRegistration"} <= set(audit)


async def test_staff_approve_a_new_family_which_may_then_book(db, gql, browser, smtp):
    await open_registration(db)
    staff = await signed_in(browser(), (agent := await make_staff(db)).email, agent.password)
    assert (await gql.data(REGISTER, family(await solved(gql), children=[])))["registerFamily"]["ok"]
    [mail] = await smtp.wait_for("marc.durand@example.org")
    # Not confirmed yet: staff do not see it (a mistyped address, or a robot's).
    assert (await staff.data(WAITING))["waitingRegistrations"]["edges"] == []
    assert (await gql.data(CONFIRM, {"token": mail.token()}))["confirmAccount"]["errors"] == []
    [edge] = (await staff.data(WAITING))["waitingRegistrations"]["edges"]
    assert edge["node"]["lookAlikes"] == []
    approved = (await staff.data(APPROVE, {"id": edge["node"]["id"]}))["approveRegistration"]
    assert approved["errors"] == [] and approved["household"]["awaitingValidation"] is False
    again = (await staff.data(APPROVE, {"id": edge["node"]["id"]}))["approveRegistration"]
    assert again == {"household": None, "errors": [{"field": "householdId", "code": "NOT_FOUND"}]}
    [*_, notice] = await smtp.wait_for("marc.durand@example.org", count=3)
    assert "validé" in notice.subject
    booking = await gql.data(SUBMIT, {"input": {"periodId": str(uuid.uuid4()), "changes": []}})
    assert "HOUSEHOLD_AWAITING_VALIDATION" not in {e["code"] for e in booking["submitBookingRequest"]["errors"]}


async def test_a_known_address_gets_the_same_answer_a_notice_and_no_new_rows(db, gql, browser, smtp):
    await open_registration(db)
    known = await make_family(db, "lola@example.org")
    before = await counts(db)
    answer = await gql.data(REGISTER, family(await solved(gql), email="LOLA@example.org"))
    fresh = await browser().data(REGISTER, family(await solved(gql), email="nouvelle@example.org"))
    assert answer == fresh == {"registerFamily": {"ok": True, "errors": []}}
    [notice] = await smtp.wait_for(known.email)
    assert "tenté de créer un compte" in notice.subject
    assert "Mot de passe oublié" in notice.text and notice.link() == "http://portail.test/connexion"
    assert [m.template for m in await outbox(db, known.email)] == ["registration_address_in_use"]
    after = await counts(db)
    # The new address made its household, guardian, account and child; the known one nothing.
    assert {k: after[k] - before[k] for k in after} == {
        "Account": 1, "Household": 1, "Guardian": 1, "Child": 1, "HouseholdChild": 1}


async def test_replayed_altered_and_expired_solutions_and_old_terms_are_refused(db, gql, clock, smtp):
    await open_registration(db)
    payload = await solved(gql)
    assert (await gql.data(REGISTER, family(payload)))["registerFamily"]["ok"]
    # One solved challenge registers one family.
    replayed = await gql.data(REGISTER, family(payload, email="autre@example.org"))
    assert codes(replayed) == [("altcha", "ALTCHA_REPLAYED")]
    # An altered solution, or something that is no solution at all.
    data = json.loads(base64.b64decode(await solved(gql)))
    altered = base64.b64encode(json.dumps({**data, "number": data["number"] + 1}).encode()).decode()
    assert codes(await gql.data(REGISTER, family(altered, email="autre@example.org"))) == [
        ("altcha", "ALTCHA_INVALID")]
    assert codes(await gql.data(REGISTER, family("pas-une-solution", email="autre@example.org"))) == [
        ("altcha", "ALTCHA_INVALID")]
    # A challenge solved too late.
    late = await solved(gql)
    clock.travel(timedelta(minutes=21))
    assert codes(await gql.data(REGISTER, family(late, email="autre@example.org"))) == [
        ("altcha", "ALTCHA_EXPIRED")]
    # Terms of use other than the current ones, and bad fields, each named.
    wrong = await gql.data(REGISTER, family(await solved(gql), email="pas-une-adresse", acceptedTermsVersion=2,
                                            children=[{"firstName": "", "birthDate": "2099-01-01"}]))
    assert set(codes(wrong)) == {("email", "INVALID_EMAIL"), ("acceptedTermsVersion", "TERMS_NOT_ACCEPTED"),
                                 ("children.0.firstName", "REQUIRED"), ("children.0.birthDate", "DATE_IN_FUTURE")}
    async with db.read_sessions() as session:
        emails = (await session.exec(select(Account.email))).all()
    assert emails == ["marc.durand@example.org"]


async def test_one_client_address_registering_over_and_over_waits(db, gql, clock):
    await open_registration(db)
    for _ in range(6):
        assert codes(await gql.data(REGISTER, family("pas-une-solution"))) == [("altcha", "ALTCHA_INVALID")]
    blocked = await gql.data(REGISTER, family(await solved(gql)))
    assert codes(blocked) == [(None, "TOO_MANY_ATTEMPTS")]
    clock.travel(timedelta(minutes=1))
    assert (await gql.data(REGISTER, family(await solved(gql))))["registerFamily"]["ok"]


async def test_the_waiting_list_costs_the_same_statements_for_one_or_three_registrations(
    db, browser, live_server
):
    from collections import Counter

    from portail.db.models.base import utcnow
    from tests.support.counts import statements

    staff = await signed_in(browser(), (agent := await make_staff(db)).email, agent.password)
    counts, seen = [], []
    for n in (1, 3):
        async with db.transaction() as session:
            for i in range(n):
                known = Household(name=f"FAMILLE{n}{i}")
                waiting = Household(name=f"Famille{n}{i}", awaiting_validation_since=utcnow())
                kid = Child(first_name="Zoé", last_name=known.name, birth_date=date(2017, 1, 1 + i))
                session.add_all([known, waiting, kid])
                await session.flush()
                guardian = Guardian(household_id=waiting.id, rank=1, first_name="Ana", last_name=known.name,
                                    email=f"ana{n}{i}@example.org")
                session.add_all([guardian, HouseholdChild(household_id=known.id, child_id=kid.id)])
                await session.flush()
                session.add(Account(email=guardian.email, guardian_id=guardian.id, confirmed_at=utcnow()))
        await staff.data(WAITING)  # warm what is not per request
        with statements(live_server.app.state.db) as seen_now:
            edges = (await staff.data(WAITING))["waitingRegistrations"]["edges"]
        assert len(edges) == (1 if n == 1 else 4)
        assert all(len(e["node"]["lookAlikes"]) == 1 for e in edges)
        counts.append(len(seen_now))
        seen.append(Counter(" ".join(x.split())[:60] for x in seen_now))
    assert counts[0] == counts[1], (seen[0] - seen[1], seen[1] - seen[0])


async def test_an_account_staff_opened_still_needs_its_password_to_be_confirmed(db, gql, browser, smtp):
    opened = await make_family(db, "sans.mot.de.passe@example.org", confirmed=False)
    staff = await signed_in(browser(), (agent := await make_staff(db)).email, agent.password)
    sent = await staff.data("mutation($id: ID!) { resendAccountConfirmation(accountId: $id) { errors { code } } }",
                            {"id": str(opened.account.id)})
    assert sent["resendAccountConfirmation"]["errors"] == []
    [mail] = await smtp.wait_for(opened.email)
    assert mail.link().startswith("http://portail.test/confirmer-compte?token=")
    refused = (await gql.data(CONFIRM, {"token": mail.token()}))["confirmAccount"]
    assert refused == {"viewer": None, "errors": [{"field": "password", "code": "REQUIRED"}]}


async def test_the_demo_shows_a_registration_waiting_that_staff_merge_into_household_test(
    db, browser, clock, settings, monkeypatch, live_server
):
    import portail.demo
    from tests.support.bookings import at_town_time

    at_town_time(clock, date(2026, 11, 27))
    monkeypatch.setattr(portail.demo, "Clock", lambda: clock)
    await portail.demo.load_demo(db, settings)
    staff = await signed_in(browser(), portail.demo.STAFF_EMAIL, portail.demo.STAFF_PASSWORD)
    assert (await browser().data(TOWN))["town"]["selfRegistration"] is True
    [edge] = (await staff.data(WAITING))["waitingRegistrations"]["edges"]
    waiting = edge["node"]
    assert waiting["email"] == portail.demo.REGISTERED_EMAIL
    [test] = waiting["lookAlikes"]
    assert test["name"] == "TEST"
    merged = (await staff.data(MERGE, {"id": waiting["id"], "into": test["id"]}))["mergeRegistration"]
    assert merged["errors"] == []
    marc = await signed_in(browser(), portail.demo.REGISTERED_EMAIL, portail.demo.REGISTERED_PASSWORD)
    seen = await marc.data("{ viewer { profile { firstName } household { name } } children { firstName } }")
    assert seen["viewer"] == {"profile": {"firstName": "Marc"}, "household": {"name": "TEST"}}
    assert sorted(c["firstName"] for c in seen["children"]) == ["Emma-Rose", "Paul"]
