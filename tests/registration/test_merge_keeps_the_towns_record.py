"""A family that registered itself fills in its child's health form while it waits; staff merge it into
the household the town knows, whose record of the same child already has an insurance and a diet: the
town's record wins where both say the same thing (one insurance, one row per diet), what only the family
said joins it, and the merge goes through."""

from __future__ import annotations

from datetime import date

from sqlmodel import select

from portail.db.models import ChildDiet, ChildInsurance, HealthListItem
from tests.registration.test_self_registration import (
    CONFIRM,
    MERGE,
    REGISTER,
    WAITING,
    family,
    open_registration,
    settings,  # noqa: F401 - the easy proof of work the registration tests use
    solved,
)
from tests.support.accounts import signed_in
from tests.support.builders import make_family, make_staff
from tests.support.documents import make_child

DIETS = """mutation($c: ID!, $codes: [String!]!) { setChildDiets(childId: $c, codes: $codes) {
  errors { field code } } }"""
INSURANCE = """mutation($c: ID!, $input: ChildInsuranceInput!) { setChildInsurance(childId: $c, input: $input) {
  errors { field code } } }"""


async def test_a_merge_keeps_the_towns_insurance_and_adds_the_familys_other_diets(db, gql, browser, smtp):
    known = await make_family(db, "julie.durand@example.org", name="DURAND", first_name="Julie")
    lucas = await make_child(db, known.household, "Lucas", birth_date=date(2018, 3, 4))
    async with db.transaction() as session:
        no_pork = HealthListItem(kind="DIET", code="NO_PORK", label="Sans porc", position=0)
        vegetarian = HealthListItem(kind="DIET", code="VEGETARIAN", label="Végétarien", position=1)
        session.add_all([no_pork, vegetarian])
        await session.flush()
        session.add(ChildDiet(child_id=lucas.id, item_id=no_pork.id))
        session.add(ChildInsurance(child_id=lucas.id, company="MAIF", policy_number="123"))
    await open_registration(db)
    staff = await signed_in(browser(), (agent := await make_staff(db)).email, agent.password)

    # Marc registers the family with Lucas, confirms his address, and fills in Lucas's health form.
    assert (await gql.data(REGISTER, family(await solved(gql))))["registerFamily"]["errors"] == []
    [mail] = await smtp.wait_for("marc.durand@example.org")
    assert (await gql.data(CONFIRM, {"token": mail.token()}))["confirmAccount"]["errors"] == []
    [child] = (await gql.data("{ children { id } }"))["children"]
    diets = await gql.data(DIETS, {"c": child["id"], "codes": ["NO_PORK", "VEGETARIAN"]})
    assert diets["setChildDiets"]["errors"] == []
    insured = await gql.data(INSURANCE, {"c": child["id"], "input": {"company": "MACIF", "policyNumber": "999"}})
    assert insured["setChildInsurance"]["errors"] == []

    # Staff merge it into DURAND: the same child, with both records.
    [edge] = (await staff.data(WAITING))["waitingRegistrations"]["edges"]
    merged = await staff.data(MERGE, {"id": edge["node"]["id"], "into": str(known.household.id)})
    assert merged["mergeRegistration"]["errors"] == []

    async with db.read_sessions() as session:
        insurances = (await session.exec(select(ChildInsurance))).all()
        kept_diets = (await session.exec(select(ChildDiet))).all()
    assert [(i.child_id, i.company) for i in insurances] == [(lucas.id, "MAIF")]
    assert sorted(d.item_id for d in kept_diets) == sorted([no_pork.id, vegetarian.id])
    assert {d.child_id for d in kept_diets} == {lucas.id}
