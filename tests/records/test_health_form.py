"""The health form a holiday centre must hold ("fiche sanitaire de liaison", issue 15): staff keep the
town's lists of illnesses, diets and vaccines; a family picks the child's diets and the illnesses had,
gives the child's insurance and records the vaccines; the holiday centre requires DTP, so a child
without it (or whose last injection no longer holds) cannot be enrolled; an edit after the family
confirmed its records asks it to confirm that record again; the printable form shows it all."""

from __future__ import annotations

from datetime import date

from sqlmodel import select

from portail.db.models import AuditEntry, ChildDiet, ChildIllness, ChildInsurance, HealthListItem
from portail.db.models.catalogue import Enrolment
from tests.support.accounts import signed_in
from tests.support.builders import make_family, make_staff
from tests.support.catalogue import CATALOGUE, ENROLL, make_service
from tests.support.documents import (
    PRINTABLE_FORMS,
    link_path,
    make_child,
    make_document_type,
    pdf_bytes,
    pdf_text,
    upload,
)

ERRORS = "errors { field code message }"
CREATE = f"""mutation($kind: HealthListKind!, $input: HealthListEntryInput!) {{
  createHealthListEntry(kind: $kind, input: $input) {{ entry {{ id kind code label position active validityYears }}
  {ERRORS} }} }}"""
UPDATE = f"""mutation($id: ID!, $input: UpdateHealthListEntryInput!) {{
  updateHealthListEntry(id: $id, input: $input) {{ entry {{ code label active validityYears }} {ERRORS} }} }}"""
LIST = """query($kind: HealthListKind, $retired: Boolean) { healthList(kind: $kind, includeRetired: $retired) {
  code label active } }"""
CHILD_FIELDS = """id diets { code label } illnesses { illness { code label } year }
  insurance { company policyNumber validFrom validUntil certificateId }
  health { doctorAddress } vaccinations { vaccine vaccinatedOn vaccineEntry { code } }
  certification { needsConfirmation }"""
DIETS = f"""mutation($id: ID!, $codes: [String!]!) {{ setChildDiets(childId: $id, codes: $codes) {{
  child {{ {CHILD_FIELDS} }} {ERRORS} }} }}"""
ILLNESSES = f"""mutation($id: ID!, $illnesses: [IllnessInput!]!) {{
  setChildIllnesses(childId: $id, illnesses: $illnesses) {{ child {{ {CHILD_FIELDS} }} {ERRORS} }} }}"""
INSURANCE = f"""mutation($id: ID!, $input: ChildInsuranceInput!) {{ setChildInsurance(childId: $id, input: $input) {{
  child {{ {CHILD_FIELDS} }} {ERRORS} }} }}"""
VACCINATIONS = f"""mutation($id: ID!, $list: [VaccinationInput!]!) {{
  updateChild(id: $id, input: {{vaccinations: $list}}) {{ child {{ {CHILD_FIELDS} }} {ERRORS} }} }}"""
DOCTOR = f"""mutation($id: ID!, $address: String) {{
  updateChild(id: $id, input: {{health: {{doctorAddress: $address}}}}) {{ child {{ {CHILD_FIELDS} }} {ERRORS} }} }}"""
CHILD = f"query($id: ID!) {{ child(id: $id) {{ {CHILD_FIELDS} }} }}"
CONFIRM_ALL = "mutation { confirmRecords { errors { code } } }"
CONFIRM_CHILD = f"""mutation($id: ID!) {{ confirmChildRecord(id: $id) {{ child {{ certification {{ needsConfirmation }} }}
  {ERRORS} }} }}"""
TO_COMPLETE = "{ viewer { toComplete { section childId missingFields } } }"
UPDATE_ACTIVITY = f"""mutation($id: ID!, $input: UpdateActivityInput!) {{ updateActivity(id: $id, input: $input) {{
  activity {{ requiredVaccines }} {ERRORS} }} }}"""
SUMMER = (date(2027, 7, 7), date(2027, 8, 27))
CENTRE = "ACCUEIL DE LOISIRS > VACANCES D'ETE > ETE 2027"


def codes(payload):
    return [(e["field"], e["code"]) for e in payload["errors"]]


async def town_lists(agent, *, dtp_validity=None):
    """The official form's lists, as staff type them."""
    entries = {
        "ILLNESS": [("RUBEOLE", "Rubéole"), ("VARICELLE", "Varicelle"), ("OREILLONS", "Oreillons")],
        "DIET": [("NO_PORK", "Sans porc"), ("NO_GLUTEN", "Sans gluten"), ("VEGETARIAN", "Végétarien")],
        "VACCINE": [("DTP", "DTP (diphtérie, tétanos, poliomyélite)"), ("ROR", "ROR (rougeole, oreillons, rubéole)")],
    }
    ids = {}
    for kind, items in entries.items():
        for position, (code, label) in enumerate(items):
            validity = dtp_validity if code == "DTP" else None
            result = (await agent.data(CREATE, {"kind": kind, "input": {
                "code": code, "label": label, "position": position, "validityYears": validity}}))
            assert result["createHealthListEntry"]["errors"] == [], result
            ids[(kind, code)] = result["createHealthListEntry"]["entry"]["id"]
    return ids


async def holiday_centre(db, agent):
    service = await make_service(db, "ACCUEIL DE LOISIRS", "VACANCES D'ETE", "ETE 2027", "JOURNEE",
                                 regie="REGIE ENFANCE", dates=SUMMER, weekdays="0,1,2,3,4")
    result = await agent.data(UPDATE_ACTIVITY, {"id": str(service.activity.id), "input": {"requiredVaccines": ["dtp"]}})
    assert result["updateActivity"] == {"activity": {"requiredVaccines": ["DTP"]}, "errors": []}
    return service


async def test_staff_keep_the_towns_lists_with_field_named_errors_and_an_audit(db, browser):
    agent = await signed_in(browser(), *(lambda s: (s.email, s.password))(await make_staff(db)))
    ids = await town_lists(agent)

    # Lower case and accents are folded into the code; the same code twice in a list is refused.
    made = (await agent.data(CREATE, {"kind": "VACCINE", "input": {"code": "Hépatite b", "label": "Hépatite B"}}))
    assert made["createHealthListEntry"]["entry"]["code"] == "HEPATITE_B"
    twice = (await agent.data(CREATE, {"kind": "VACCINE", "input": {"code": "dtp", "label": "Encore"}}))
    assert codes(twice["createHealthListEntry"]) == [("code", "CODE_ALREADY_USED")]
    # The same code in another list is another entry ("Coqueluche" the illness, "Coqueluche" the vaccine).
    other_list = await agent.data(CREATE, {"kind": "ILLNESS", "input": {"code": "ROR", "label": "Pas un vaccin"}})
    assert other_list["createHealthListEntry"]["errors"] == []
    bad = await agent.data(CREATE, {"kind": "DIET", "input": {
        "code": "", "label": " ", "position": 5000, "validityYears": 3}})
    assert codes(bad["createHealthListEntry"]) == [
        ("code", "REQUIRED"), ("label", "REQUIRED"), ("position", "INVALID"), ("validityYears", "INVALID")]

    # A booster every 10 years for DTP; "Végétarien" retired: families no longer see it.
    dtp = await agent.data(UPDATE, {"id": ids[("VACCINE", "DTP")], "input": {"validityYears": 10}})
    assert dtp["updateHealthListEntry"]["entry"]["validityYears"] == 10
    wrong = await agent.data(UPDATE, {"id": ids[("VACCINE", "DTP")], "input": {"validityYears": 99, "label": ""}})
    assert codes(wrong["updateHealthListEntry"]) == [("label", "REQUIRED"), ("validityYears", "INVALID")]
    retired = await agent.data(UPDATE, {"id": ids[("DIET", "VEGETARIAN")], "input": {"active": False}})
    assert retired["updateHealthListEntry"]["entry"]["active"] is False
    unknown = await agent.data(UPDATE, {"id": "bm9wZQ", "input": {"active": False}})
    assert codes(unknown["updateHealthListEntry"]) == [("id", "NOT_FOUND")]

    async with db.read_sessions() as session:
        audit = (await session.exec(select(AuditEntry).where(AuditEntry.entity == "health_list"))).all()
    fields = {(a.field, a.before, a.after) for a in audit}
    assert ("VACCINE.DTP.validityYears", "", "10") in fields
    assert ("DIET.VEGETARIAN.active", "True", "False") in fields
    assert ("VACCINE.HEPATITE_B.label", "", "Hépatite B") in fields
    assert not any("99" in a.after for a in audit)  # refused: nothing written

    family = await make_family(db, "lola@famille.test")
    parent = await signed_in(browser(), family.email, family.password)
    diets = (await parent.data(LIST, {"kind": "DIET", "retired": True}))["healthList"]
    assert [d["code"] for d in diets] == ["NO_PORK", "NO_GLUTEN"]  # retired ones are staff's business
    staff_view = (await agent.data(LIST, {"kind": "DIET", "retired": True}))["healthList"]
    assert [d["code"] for d in staff_view] == ["NO_PORK", "NO_GLUTEN", "VEGETARIAN"]
    refused = await parent(CREATE, {"kind": "DIET", "input": {"code": "X", "label": "X"}})
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_a_missing_dtp_blocks_the_holiday_centre_until_it_is_recorded(db, browser):
    agent = await signed_in(browser(), *(lambda s: (s.email, s.password))(await make_staff(db)))
    await town_lists(agent)
    service = await holiday_centre(db, agent)
    unknown = await agent.data(UPDATE_ACTIVITY, {"id": str(service.activity.id), "input": {"requiredVaccines": ["BCG"]}})
    assert codes(unknown["updateActivity"]) == [("requiredVaccines", "NOT_FOUND")]
    async with db.read_sessions() as session:
        audit = (await session.exec(select(AuditEntry).where(AuditEntry.entity == "activity"))).all()
    assert [(a.field, a.before, a.after) for a in audit if a.field == "requiredVaccines"] == [
        ("requiredVaccines", "", "DTP")
    ]

    family = await make_family(db, "lola@famille.test")
    emma = await make_child(db, family.household, "Emma-Rose", birth_date=date(2017, 5, 2))
    parent = await signed_in(browser(), family.email, family.password)
    # ROR recorded, but no DTP: the catalogue says so, and the enrolment is refused on childId.
    await parent.data(VACCINATIONS, {"id": str(emma.id), "list": [{"vaccine": "ror", "vaccinatedOn": "2018-06-01"}]})
    periods = {p["path"]: p for f in (await parent.data(CATALOGUE, {"childId": str(emma.id)}))["catalogue"]
               for a in f["activities"] for p in a["periods"]}
    assert [(m["kind"], m["code"]) for m in periods[CENTRE]["missing"]] == [("VACCINE", "DTP")]
    refused = (await parent.data(ENROLL, {"childId": str(emma.id), "periodId": str(service.period.id)}))["enrollChild"]
    assert refused["enrolment"] is None
    assert codes(refused) == [("childId", "VACCINE_MISSING")]
    assert "DTP (diphtérie, tétanos, poliomyélite)" in refused["errors"][0]["message"]
    assert "Emma-Rose" in refused["errors"][0]["message"]
    async with db.read_sessions() as session:
        assert (await session.exec(select(Enrolment))).all() == []

    # A vaccine not on the town's list is kept as written, and counts for nothing.
    recorded = (await parent.data(VACCINATIONS, {"id": str(emma.id), "list": [
        {"vaccine": "ROR", "vaccinatedOn": "2018-06-01"},
        {"vaccine": "Vaccin du voyage", "vaccinatedOn": "2019-01-10"},
        {"vaccine": " dtp ", "vaccinatedOn": "2023-05-10"}]}))["updateChild"]
    assert [(v["vaccine"], (v["vaccineEntry"] or {}).get("code")) for v in recorded["child"]["vaccinations"]] == [
        ("ROR", "ROR"), ("Vaccin du voyage", None), ("dtp", "DTP")]
    enrolled = (await parent.data(ENROLL, {"childId": str(emma.id), "periodId": str(service.period.id)}))["enrollChild"]
    assert enrolled["errors"] == [] and enrolled["enrolment"]["state"] == "ACCEPTED"


async def test_a_dtp_older_than_its_validity_is_out_of_date(db, browser):
    agent = await signed_in(browser(), *(lambda s: (s.email, s.password))(await make_staff(db)))
    await town_lists(agent, dtp_validity=5)
    service = await holiday_centre(db, agent)
    family = await make_family(db, "lola@famille.test")
    emma = await make_child(db, family.household, "Emma-Rose", birth_date=date(2015, 5, 2))
    parent = await signed_in(browser(), family.email, family.password)
    await parent.data(VACCINATIONS, {"id": str(emma.id), "list": [{"vaccine": "DTP", "vaccinatedOn": "2021-03-04"}]})

    refused = (await parent.data(ENROLL, {"childId": str(emma.id), "periodId": str(service.period.id)}))["enrollChild"]
    assert codes(refused) == [("childId", "VACCINE_MISSING")]
    assert "n'est plus à jour depuis le 04/03/2026" in refused["errors"][0]["message"]
    # The booster recorded, the centre takes her.
    await parent.data(VACCINATIONS, {"id": str(emma.id), "list": [
        {"vaccine": "DTP", "vaccinatedOn": "2021-03-04"}, {"vaccine": "DTP", "vaccinatedOn": "2026-06-15"}]})
    enrolled = (await parent.data(ENROLL, {"childId": str(emma.id), "periodId": str(service.period.id)}))["enrollChild"]
    assert enrolled["errors"] == []


async def test_the_family_fills_diets_illnesses_insurance_and_doctor_address(db, browser):
    agent = await signed_in(browser(), *(lambda s: (s.email, s.password))(await make_staff(db)))
    await town_lists(agent)
    family = await make_family(db, "lola@famille.test", name="MARTIN")
    emma = await make_child(db, family.household, "Emma-Rose", birth_date=date(2017, 5, 2))
    parent = await signed_in(browser(), family.email, family.password)
    cid = str(emma.id)

    diets = (await parent.data(DIETS, {"id": cid, "codes": ["no_gluten", "NO_PORK"]}))["setChildDiets"]
    assert diets["errors"] == []
    assert [d["label"] for d in diets["child"]["diets"]] == ["Sans porc", "Sans gluten"]  # the list's order
    wrong = (await parent.data(DIETS, {"id": cid, "codes": ["NO_PORK", "HALAL"]}))["setChildDiets"]
    assert codes(wrong) == [("diets.1", "NOT_FOUND")] and wrong["child"] is None

    illnesses = (await parent.data(ILLNESSES, {"id": cid, "illnesses": [
        {"code": "VARICELLE", "year": 2020}, {"code": "RUBEOLE"}]}))["setChildIllnesses"]
    assert illnesses["errors"] == []
    assert [(i["illness"]["label"], i["year"]) for i in illnesses["child"]["illnesses"]] == [
        ("Rubéole", None), ("Varicelle", 2020)]
    bad = (await parent.data(ILLNESSES, {"id": cid, "illnesses": [
        {"code": "VARICELLE", "year": 2010}, {"code": "GRIPPE"}, {"code": "RUBEOLE", "year": 2099}]}))["setChildIllnesses"]
    assert codes(bad) == [("illnesses.0.year", "INVALID"), ("illnesses.1.code", "NOT_FOUND"),
                          ("illnesses.2.year", "INVALID")]

    insurance_type = await make_document_type(db, "ASSURANCE", "Attestation d'assurance", per_child=True)
    uploaded = await upload(parent, ("assurance.pdf", pdf_bytes("Attestation"), "application/pdf"),
                            str(insurance_type.id), cid)
    certificate = uploaded["document"]["id"]
    insurance = (await parent.data(INSURANCE, {"id": cid, "input": {
        "company": "MAIF", "policyNumber": "1234567 X", "validFrom": "2026-09-01", "validUntil": "2027-08-31",
        "certificateId": certificate}}))["setChildInsurance"]
    assert insurance["errors"] == []
    assert insurance["child"]["insurance"] == {"company": "MAIF", "policyNumber": "1234567 X",
                                               "validFrom": "2026-09-01", "validUntil": "2027-08-31",
                                               "certificateId": certificate}
    # Partial: only the end changes; an end before the start, or another family's document, is refused.
    later = (await parent.data(INSURANCE, {"id": cid, "input": {"validUntil": "2027-12-31"}}))["setChildInsurance"]
    assert later["child"]["insurance"]["company"] == "MAIF" and later["child"]["insurance"]["validUntil"] == "2027-12-31"
    other = await make_family(db, "autre@famille.test", name="AUTRE")
    neighbour = await signed_in(browser(), other.email, other.password)
    theirs = (await upload(neighbour, ("a.pdf", pdf_bytes("Autre"), "application/pdf"), str(insurance_type.id),
                           str((await make_child(db, other.household, "Noé")).id)))["document"]["id"]
    refused = (await parent.data(INSURANCE, {"id": cid, "input": {
        "validUntil": "2026-01-01", "certificateId": theirs}}))["setChildInsurance"]
    assert codes(refused) == [("certificateId", "NOT_FOUND"), ("validUntil", "INVALID")]
    # Another family's child is exactly an unknown one.
    snooped = (await neighbour.data(DIETS, {"id": cid, "codes": []}))["setChildDiets"]
    assert codes(snooped) == [("childId", "NOT_FOUND")]

    doctor = (await parent.data(DOCTOR, {"id": cid, "address": "3 rue du Port\n56860 Séné"}))["updateChild"]
    assert doctor["child"]["health"]["doctorAddress"] == "3 rue du Port\n56860 Séné"

    async with db.read_sessions() as session:
        assert len((await session.exec(select(ChildDiet))).all()) == 2
        assert len((await session.exec(select(ChildIllness))).all()) == 2
        row = await session.get(ChildInsurance, emma.id)
        assert row is not None and row.valid_until == date(2027, 12, 31)
        audit = {a.field for a in (await session.exec(select(AuditEntry).where(AuditEntry.child_id == emma.id))).all()}
    assert {"diets", "illnesses", "insurance.company", "insurance.validUntil", "doctorAddress"} <= audit

    # A certificate still pending may be withdrawn: the insurance then has none (and a new one is given).
    spare = await upload(parent, ("assurance-2.pdf", pdf_bytes("Attestation 2"), "application/pdf"),
                         str(insurance_type.id), cid)
    await parent.data(INSURANCE, {"id": cid, "input": {"certificateId": spare["document"]["id"]}})
    withdrawn = await parent.data("mutation($id: ID!) { deleteDocument(id: $id) { ok errors { code } } }",
                                  {"id": spare["document"]["id"]})
    assert withdrawn["deleteDocument"] == {"ok": True, "errors": []}
    assert (await parent.data(CHILD, {"id": cid}))["child"]["insurance"]["certificateId"] is None
    await parent.data(INSURANCE, {"id": cid, "input": {"certificateId": certificate}})

    # The printable fiche sanitaire shows it all.
    forms = (await parent.data(PRINTABLE_FORMS))["printableForms"]
    pdf = await parent.http.get(link_path(forms[0]["downloadUrl"]))
    text = pdf_text(pdf.content)
    for words in ("Sans porc, Sans gluten", "Rubéole", "Varicelle", "2020", "MAIF", "1234567 X",
                  "31/12/2027", "assurance.pdf", "3 rue du Port 56860 Séné", "Maladies déjà eues"):
        assert words in text, words


async def test_an_edit_after_confirmation_asks_to_confirm_that_record_again(db, browser):
    agent = await signed_in(browser(), *(lambda s: (s.email, s.password))(await make_staff(db)))
    await town_lists(agent)
    family = await make_family(db, "lola@famille.test")
    emma = await make_child(db, family.household, "Emma-Rose")
    noe = await make_child(db, family.household, "Noé")
    parent = await signed_in(browser(), family.email, family.password)
    assert (await parent.data(CONFIRM_ALL))["confirmRecords"]["errors"] == []

    def confirmations(todo):
        return [(i["childId"], i["missingFields"]) for i in todo["viewer"]["toComplete"] if i["section"] == "CONFIRMATION"]

    assert confirmations(await parent.data(TO_COMPLETE)) == []
    # Emma-Rose's diets change: her record (only hers) is to confirm again.
    changed = (await parent.data(DIETS, {"id": str(emma.id), "codes": ["NO_PORK"]}))["setChildDiets"]
    assert changed["child"]["certification"]["needsConfirmation"] is True
    noe_now = (await parent.data(CHILD, {"id": str(noe.id)}))["child"]
    assert noe_now["certification"]["needsConfirmation"] is False
    assert confirmations(await parent.data(TO_COMPLETE)) == [(str(emma.id), [])]
    # Staff's own edits do not: the family did not see them to confirm them.
    staff_edit = (await agent.data(DIETS, {"id": str(noe.id), "codes": ["NO_GLUTEN"]}))["setChildDiets"]
    assert staff_edit["child"]["certification"]["needsConfirmation"] is False
    # A guardian's edit asks for that guardian ("ME").
    await parent.data('mutation { updateHousehold(input: {me: {profession: "Infirmière"}}) { errors { code } } }')
    assert confirmations(await parent.data(TO_COMPLETE)) == [(None, ["ME"]), (str(emma.id), [])]

    confirmed = (await parent.data(CONFIRM_CHILD, {"id": str(emma.id)}))["confirmChildRecord"]
    assert confirmed == {"child": {"certification": {"needsConfirmation": False}}, "errors": []}
    assert confirmations(await parent.data(TO_COMPLETE)) == [(None, ["ME"])]
    other = await make_family(db, "autre@famille.test")
    outsider = await signed_in(browser(), other.email, other.password)
    assert codes((await outsider.data(CONFIRM_CHILD, {"id": str(emma.id)}))["confirmChildRecord"]) == [("id", "NOT_FOUND")]
    # An edit of the household's own sections asks for the whole household again.
    await parent.data(CONFIRM_ALL)
    await parent.data('mutation { updateHousehold(input: {complementary: {remarks: "Portail"}}) { errors { code } } }')
    assert confirmations(await parent.data(TO_COMPLETE)) == [(None, [])]
    async with db.read_sessions() as session:
        assert len((await session.exec(select(HealthListItem))).all()) == 8


CONFIRM_GUARDIAN = f"""mutation($id: ID!) {{ confirmGuardianRecord(id: $id) {{ household {{
  certification {{ needsConfirmation }} me {{ id certification {{ needsConfirmation certifiedAt }} }} }}
  changedFields {ERRORS} }} }}"""
GUARDIAN_TODO = "{ viewer { toComplete { section childId guardianId missingFields } } }"


async def test_a_guardian_confirms_their_own_record_alone(db, browser):
    await town_lists(await signed_in(browser(), *(lambda s: (s.email, s.password))(await make_staff(db))))
    family = await make_family(db, "lola@famille.test")
    emma = await make_child(db, family.household, "Emma-Rose")
    parent = await signed_in(browser(), family.email, family.password)
    assert (await parent.data(CONFIRM_ALL))["confirmRecords"]["errors"] == []
    # Lola changes her profession (her record is to confirm again), and Emma-Rose's diets (hers too).
    await parent.data('mutation { updateHousehold(input: {me: {profession: "Infirmière"}}) { errors { code } } }')
    await parent.data(DIETS, {"id": str(emma.id), "codes": ["NO_PORK"]})
    todo = [i for i in (await parent.data(GUARDIAN_TODO))["viewer"]["toComplete"] if i["section"] == "CONFIRMATION"]
    me = next(i for i in todo if i["missingFields"] == ["ME"])
    assert me["guardianId"] is not None and me["childId"] is None

    # The checklist's line gives the id to confirm: Lola confirms her own record, and only hers.
    confirmed = (await parent.data(CONFIRM_GUARDIAN, {"id": me["guardianId"]}))["confirmGuardianRecord"]
    assert confirmed["errors"] == [] and confirmed["changedFields"] == ["certifiedAt"]
    household = confirmed["household"]
    assert household["me"]["id"] == me["guardianId"]
    assert household["me"]["certification"]["needsConfirmation"] is False
    assert household["certification"]["needsConfirmation"] is False
    todo = [(i["childId"], i["missingFields"]) for i in (await parent.data(GUARDIAN_TODO))["viewer"]["toComplete"]
            if i["section"] == "CONFIRMATION"]
    assert todo == [(str(emma.id), [])]
    emma_now = (await parent.data(CHILD, {"id": str(emma.id)}))["child"]
    assert emma_now["certification"]["needsConfirmation"] is True
    async with db.read_sessions() as session:
        trail = (await session.exec(select(AuditEntry).where(AuditEntry.entity == "guardian",
                                                               AuditEntry.field == "certifiedAt"))).all()
    assert [(str(e.entity_id), e.before, bool(e.after)) for e in trail] == [(me["guardianId"], "", True)]

    # Another family's guardian, like an unknown id, is not found; nothing is written.
    other = await make_family(db, "autre@famille.test")
    outsider = await signed_in(browser(), other.email, other.password)
    for id_ in (me["guardianId"], str(emma.id)):
        refused = (await outsider.data(CONFIRM_GUARDIAN, {"id": id_}))["confirmGuardianRecord"]
        assert codes(refused) == [("id", "NOT_FOUND")] and refused["household"] is None
    async with db.read_sessions() as session:
        assert len((await session.exec(select(AuditEntry).where(AuditEntry.field == "certifiedAt",
                                                                AuditEntry.entity == "guardian"))).all()) == 1
