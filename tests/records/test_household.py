"""The guide's "Mon foyer" and "Mes enfants": read, edit one section at a time ("Crayon", then
"VALIDER"), changes the town checks wait for staff, the audit trail, and completeness."""

from __future__ import annotations

from sqlmodel import select

from portail.db.models import AuditEntry, Child, FieldRule, Household, HouseholdChild, PendingChange
from tests.support.builders import make_family, make_staff
from tests.support.pages import nodes

LOGIN = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { errors { code } } }"
HOUSEHOLD = """{ household { id name
  me { civility firstName lastName mobilePhone profession relationship }
  otherGuardian { firstName lastName mobilePhone }
  address { number street postcode city country mainPhone }
  complementary { cafNumber familyQuotient quotientFrom insuranceCompany insurancePolicy }
  sections { section state missingFields pendingFields }
  pendingChanges { id field state newValue }
  children { id firstName sections { section state missingFields } }
} }"""
UPDATE = """mutation($input: UpdateHouseholdInput!) { updateHousehold(input: $input) {
  household { me { firstName mobilePhone } address { number street postcode city }
              complementary { familyQuotient insuranceCompany } sections { section state pendingFields } }
  changedFields pendingFields errors { field code message } } }"""
DECIDE = """mutation($id: ID!, $approve: Boolean!, $reason: String! = "") {
  decidePendingChange(id: $id, approve: $approve, reason: $reason) { change { state reason } errors { field code } } }"""


async def signed_in(browser, who):
    client = browser()
    assert (await client.data(LOGIN, {"e": who.email, "p": who.password}))["login"]["errors"] == []
    return client


def by_section(sections):
    return {s["section"]: s for s in sections}


async def test_edit_moi_then_valider_and_read_it_back(db, browser):
    family = await make_family(db)
    parent = await signed_in(browser, family)
    edited = (await parent.data(UPDATE, {"input": {"me": {
        "civility": "Mme", "mobilePhone": "06 12 34 56 78", "profession": "Infirmière", "relationship": "Mère",
    }}}))["updateHousehold"]
    assert edited["errors"] == []
    assert sorted(edited["changedFields"]) == ["civility", "mobilePhone", "profession", "relationship"]
    household = (await parent.data(HOUSEHOLD))["household"]
    assert household["me"] == {"civility": "Mme", "firstName": "Lola", "lastName": "MARTIN",
                               "mobilePhone": "+33612345678", "profession": "Infirmière", "relationship": "Mère"}
    assert by_section(household["sections"])["ME"]["state"] == "COMPLETE"
    async with db.read_sessions() as session:
        audit = (await session.exec(select(AuditEntry).where(AuditEntry.field == "mobilePhone"))).one()
    assert (audit.before, audit.after, audit.author_id) == ("", "+33612345678", family.account.id)


async def test_address_and_quotient_changes_wait_for_staff_then_apply_with_a_mail(db, browser, smtp):
    family = await make_family(db, email="martin@example.org")
    staff = await make_staff(db)
    parent = await signed_in(browser, family)
    moved = (await parent.data(UPDATE, {"input": {"address": {
        "number": "15", "street": "Rue de la Surveillance", "postcode": "56860", "city": "SÉNÉ", "mainPhone": "0297000000",
    }}}))["updateHousehold"]
    assert moved["errors"] == []
    assert moved["changedFields"] == ["mainPhone"]
    assert sorted(moved["pendingFields"]) == ["city", "number", "postcode", "street"]
    sections = by_section(moved["household"]["sections"])
    assert sections["ADDRESS"]["state"] == "AWAITING_REVIEW"
    assert moved["household"]["address"]["street"] == ""  # not applied yet

    quotient = (await parent.data(UPDATE, {"input": {"complementary": {"familyQuotient": 640}}}))["updateHousehold"]
    assert quotient["pendingFields"] == ["familyQuotient"]

    agent = await signed_in(browser, staff)
    queue = nodes((await agent.data("{ pendingChanges { edges { node { id field newValue householdId } } } }"))["pendingChanges"])
    assert sorted(c["field"] for c in queue) == ["city", "familyQuotient", "number", "postcode", "street"]
    for change in queue:
        if change["field"] == "city":
            decided = await agent.data(DECIDE, {"id": change["id"], "approve": False})
            assert decided["decidePendingChange"]["errors"][0]["code"] == "REASON_REQUIRED"
            decided = await agent.data(DECIDE, {"id": change["id"], "approve": False, "reason": "Écrire SENE sans accent"})
            assert decided["decidePendingChange"]["change"] == {"state": "REJECTED", "reason": "Écrire SENE sans accent"}
        else:
            decided = await agent.data(DECIDE, {"id": change["id"], "approve": True})
            assert decided["decidePendingChange"]["change"]["state"] == "APPROVED"
    again = await agent.data(DECIDE, {"id": queue[0]["id"], "approve": True})
    assert again["decidePendingChange"]["errors"][0]["code"] == "ALREADY_DECIDED"

    household = (await parent.data(HOUSEHOLD))["household"]
    assert household["address"]["street"] == "Rue de la Surveillance"
    assert household["address"]["city"] == ""
    assert household["complementary"]["familyQuotient"] == 640
    assert household["pendingChanges"] == []
    reviewed = (await parent.data("{ household { reviewedChanges { field state reason } } }"))["household"]
    assert {"field": "city", "state": "REJECTED", "reason": "Écrire SENE sans accent"} in reviewed["reviewedChanges"]
    assert len(reviewed["reviewedChanges"]) == 5
    mails = await smtp.wait_for("martin@example.org", count=5)
    assert sum("acceptée" in m.subject for m in mails) == 4
    [refused] = [m for m in mails if "refusée" in m.subject]
    assert "Écrire SENE sans accent" in refused.text


async def test_bad_input_names_the_field_and_writes_nothing(db, browser):
    family = await make_family(db)
    parent = await signed_in(browser, family)
    bad = (await parent.data(UPDATE, {"input": {"me": {
        "mobilePhone": "12", "birthDate": "2999-01-01", "firstName": "", "civility": "Dr",
    }}}))["updateHousehold"]
    assert {(e["field"], e["code"]) for e in bad["errors"]} == {
        ("mobilePhone", "INVALID_PHONE"), ("birthDate", "DATE_IN_FUTURE"), ("firstName", "REQUIRED"), ("civility", "INVALID"),
    }
    postcode = (await parent.data(UPDATE, {"input": {"address": {"postcode": "ABCDE"}}}))["updateHousehold"]
    assert [(e["field"], e["code"]) for e in postcode["errors"]] == [("postcode", "INVALID_POSTCODE")]
    abroad = (await parent.data(UPDATE, {"input": {"address": {"postcode": "SW1A 1AA", "country": "GB"}}}))["updateHousehold"]
    assert abroad["errors"] == []
    huge = (await parent.data(UPDATE, {"input": {"complementary": {"remarks": "x" * 100_000}}}))["updateHousehold"]
    assert [(e["field"], e["code"]) for e in huge["errors"]] == [("remarks", "TOO_LONG")]
    two_sections = await parent(UPDATE, {"input": {"me": {"firstName": "A"}, "address": {"city": "B"}}})
    assert "errors" in two_sections and two_sections["data"] is None
    async with db.read_sessions() as session:
        assert (await session.exec(select(AuditEntry))).all() == []
        assert len((await session.exec(select(PendingChange))).all()) == 2  # only the foreign address waits


async def test_script_in_a_name_is_stored_as_text(db, browser):
    family = await make_family(db)
    parent = await signed_in(browser, family)
    answer = (await parent.data(UPDATE, {"input": {"otherGuardian": {"firstName": "<script>alert(1)</script>", "lastName": "MARTIN"}}}))
    assert answer["updateHousehold"]["errors"] == []
    household = (await parent.data(HOUSEHOLD))["household"]
    assert household["otherGuardian"]["firstName"] == "<script>alert(1)</script>"


async def test_the_town_makes_a_field_read_only_or_required(db, browser):
    family = await make_family(db)
    staff = await make_staff(db)
    agent = await signed_in(browser, staff)
    rule = await agent.data("""mutation { setFieldRule(entity: GUARDIAN, field: "profession", mode: READ_ONLY) {
      field { field mode needsReview } errors { code } } }""")
    assert rule["setFieldRule"]["field"] == {"field": "profession", "mode": "READ_ONLY", "needsReview": False}
    required = await agent.data("""mutation { setFieldRule(entity: GUARDIAN, field: "employer", mode: REQUIRED) { errors { code } } }""")
    assert required["setFieldRule"]["errors"] == []
    unknown = await agent.data("""mutation { setFieldRule(entity: GUARDIAN, field: "shoeSize", mode: REQUIRED) { errors { field code } } }""")
    assert unknown["setFieldRule"]["errors"] == [{"field": "field", "code": "NOT_FOUND"}]

    parent = await signed_in(browser, family)
    refused = (await parent.data(UPDATE, {"input": {"me": {"profession": "Pilote"}}}))["updateHousehold"]
    assert [(e["field"], e["code"]) for e in refused["errors"]] == [("profession", "FIELD_NOT_EDITABLE")]
    fields = (await parent.data("{ recordFields(entity: GUARDIAN) { field mode } }"))["recordFields"]
    assert {"field": "employer", "mode": "REQUIRED"} in fields
    household = (await parent.data(HOUSEHOLD))["household"]
    assert "employer" in by_section(household["sections"])["ME"]["missingFields"]
    forbidden = await parent("""mutation { setFieldRule(entity: GUARDIAN, field: "employer", mode: HIDDEN) { errors { code } } }""")
    assert forbidden["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    async with db.read_sessions() as session:
        assert len((await session.exec(select(FieldRule))).all()) == 2


async def test_a_field_rule_changes_only_what_is_given(db, browser):
    staff = await make_staff(db)
    agent = await signed_in(browser, staff)
    rule = """mutation($mode: FieldMode, $review: Boolean) {
      setFieldRule(entity: HOUSEHOLD, field: "street", mode: $mode, needsReview: $review) {
        field { mode needsReview } errors { field code } } }"""
    # The street is required and checked by staff by default: making it optional keeps the check.
    optional = (await agent.data(rule, {"mode": "EDITABLE"}))["setFieldRule"]
    assert optional == {"field": {"mode": "EDITABLE", "needsReview": True}, "errors": []}
    unchecked = (await agent.data(rule, {"review": False}))["setFieldRule"]
    assert unchecked == {"field": {"mode": "EDITABLE", "needsReview": False}, "errors": []}
    refused = (await agent.data(rule, {"mode": None}))["setFieldRule"]
    assert refused == {"field": None, "errors": [{"field": "mode", "code": "REQUIRED"}]}
    async with db.read_sessions() as session:
        [row] = (await session.exec(select(FieldRule))).all()
        assert (row.mode, row.needs_review) == ("editable", False)


async def test_a_shared_child_is_seen_by_both_households_and_changes_are_audited(db, browser):
    mother = await make_family(db, email="mere@example.org", name="DUPONT")
    father = await make_family(db, email="pere@example.org", name="DURAND", first_name="Marc")
    stranger = await make_family(db, email="autre@example.org", name="AUTRE")
    child = Child(first_name="Lina", last_name="DUPONT")
    async with db.transaction() as session:
        session.add(child)
        await session.flush()
        session.add_all([HouseholdChild(household_id=mother.household.id, child_id=child.id),
                         HouseholdChild(household_id=father.household.id, child_id=child.id)])
    query = "query($id: ID!) { child(id: $id) { firstName sharedWithAnotherHousehold health { allergies } } }"
    edit = """mutation($id: ID!) { updateChild(id: $id, input: {health: {allergies: "Arachides"}}) {
      child { health { allergies } } errors { field code } } }"""
    mum = await signed_in(browser, mother)
    dad = await signed_in(browser, father)
    other = await signed_in(browser, stranger)
    assert (await mum.data(edit, {"id": str(child.id)}))["updateChild"]["errors"] == []
    seen = (await dad.data(query, {"id": str(child.id)}))["child"]
    assert seen == {"firstName": "Lina", "sharedWithAnotherHousehold": True, "health": {"allergies": "Arachides"}}
    # Another family's child answers exactly like an unknown id.
    assert (await other.data(query, {"id": str(child.id)}))["child"] is None
    refused = (await other.data(edit, {"id": str(child.id)}))["updateChild"]
    unknown = (await other.data(edit, {"id": "5b0c3e1e-0000-4000-8000-000000000000"}))["updateChild"]
    assert refused == unknown == {"child": None, "errors": [{"field": "id", "code": "NOT_FOUND"}]}
    trail = "query($id: ID) { auditTrail(childId: $id) { edges { node { field before after authorId } } } }"
    for parent in (mum, dad):
        entries = nodes((await parent.data(trail, {"id": str(child.id)}))["auditTrail"])
        assert entries == [{"field": "allergies", "before": "", "after": "Arachides", "authorId": str(mother.account.id)}]
    assert nodes((await other.data(trail, {"id": str(child.id)}))["auditTrail"]) == []
    async with db.read_sessions() as session:
        assert (await session.get(Household, stranger.household.id)) is not None


async def test_record_fields_say_what_input_each_field_needs(db, browser):
    """A client builds its forms from `recordFields`: kind, longest text, choices in French."""
    family = await make_family(db)
    parent = await signed_in(browser, family)
    query = "query($e: RecordEntity!) { recordFields(entity: $e) { field kind maxLength choices { value label } } }"
    child = {f["field"]: f for f in (await parent.data(query, {"e": "CHILD"}))["recordFields"]}
    assert child["diet"]["kind"] == "CHOICE"
    assert {"value": "VEGETARIAN", "label": "Végétarien"} in child["diet"]["choices"]
    assert [c["label"] for c in child["sex"]["choices"]] == ["Fille", "Garçon"]
    assert child["birthDate"]["kind"] == "DATE" and child["doctorPhone"]["kind"] == "PHONE"
    assert child["medicalNotes"]["kind"] == "LONG_TEXT" and child["hasPai"]["kind"] == "YES_NO"
    household = {f["field"]: f for f in (await parent.data(query, {"e": "HOUSEHOLD"}))["recordFields"]}
    assert (household["postcode"]["kind"], household["postcode"]["maxLength"]) == ("POSTCODE", 10)
    assert (household["inseeCode"]["kind"], household["inseeCode"]["maxLength"]) == ("INSEE_CODE", 5)
    assert household["familyQuotient"]["kind"] == "NUMBER" and household["cafNumber"]["kind"] == "DIGITS"
    assert household["street"]["choices"] == []
    guardian = {f["field"]: f for f in (await parent.data(query, {"e": "GUARDIAN"}))["recordFields"]}
    assert [c["value"] for c in guardian["civility"]["choices"]] == ["M.", "Mme"]
