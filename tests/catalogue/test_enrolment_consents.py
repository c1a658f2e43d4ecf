"""Consents and documents an activity requires: the Wednesday centre asks for the image-rights consent
("Droit à l'image") and the vaccination record. "Inscription aux services" lists what is missing; the
enrolment is refused with it until the family grants the consent (a refusal, or a new version the
town publishes, counts as missing) and the town accepts the document."""

from __future__ import annotations

from sqlmodel import select

from portail.db.models.catalogue import Activity, Enrolment
from tests.support.accounts import signed_in
from tests.support.builders import make_family, make_staff
from tests.support.catalogue import ERRORS, make_service
from tests.support.documents import REVIEW, make_child, make_document_type, pdf_bytes, upload

CENTRE = "CENTRE AERE MERCREDI > MERCREDIS > MERCREDIS 2026-2027"
PUBLISH = """mutation($text: String!) { publishConsent(kind: "DROIT_IMAGE", title: "Droit à l'image", text: $text,
  perChild: true) { definition { id version } errors { code } } }"""
ANSWER = """mutation($childId: ID, $answers: [ConsentAnswerInput!]!) { answerConsents(childId: $childId,
  answers: $answers) { errors { field code message } } }"""
UPDATE_ACTIVITY = f"""mutation($id: ID!, $input: UpdateActivityInput!) {{ updateActivity(id: $id, input: $input) {{
  activity {{ requiredConsents requiredDocuments }} {ERRORS} }} }}"""
CATALOGUE = """query($childId: ID!) { catalogue(childId: $childId) { activities { periods {
  canEnrol missing { kind code message } } } } }"""
ENROLL = f"""mutation($childId: ID!, $periodId: ID!) {{ enrollChild(childId: $childId, periodId: $periodId) {{
  enrolment {{ state }} {ERRORS} }} }}"""


def missing(data):
    [period] = [p for a in data["catalogue"][0]["activities"] for p in a["periods"]]
    return period


async def test_a_required_consent_and_document_keep_the_child_out_until_granted_and_accepted(db, browser):
    centre = await make_service(db, "CENTRE AERE MERCREDI", "MERCREDIS", "MERCREDIS 2026-2027", weekdays="2")
    vaccinations = await make_document_type(db, "VACCINATIONS", "Carnet de vaccinations", per_child=True, validity_months=None)
    staff_row = await make_staff(db)
    agent = await signed_in(browser(), staff_row.email, staff_row.password)
    family = await make_family(db, "lola@famille.test")
    emma = await make_child(db, family.household, "Emma-Rose", class_level="CE2", sex="F")
    client = await signed_in(browser(), family.email, family.password)
    child = {"childId": str(emma.id)}

    unknown = await agent.data(UPDATE_ACTIVITY, {"id": str(centre.activity.id),
                                                 "input": {"requiredConsents": ["DROIT_IMAGE"]}})
    assert [(e["field"], e["code"]) for e in unknown["updateActivity"]["errors"]] == [
        ("requiredConsents", "NOT_FOUND")]
    v1 = (await agent.data(PUBLISH, {"text": "J'autorise la commune à photographier mon enfant."}))
    definition = v1["publishConsent"]["definition"]["id"]
    done = await agent.data(UPDATE_ACTIVITY, {"id": str(centre.activity.id), "input": {
        "requiredConsents": ["droit_image"], "requiredDocuments": ["VACCINATIONS"]}})
    assert done["updateActivity"] == {"activity": {"requiredConsents": ["DROIT_IMAGE"],
                                                   "requiredDocuments": ["VACCINATIONS"]}, "errors": []}

    seen = missing(await client.data(CATALOGUE, child))
    assert seen["canEnrol"] is False
    assert [(m["kind"], m["code"]) for m in seen["missing"]] == [("DOCUMENT", "VACCINATIONS"),
                                                                  ("CONSENT", "DROIT_IMAGE")]
    assert seen["missing"][1]["message"] == (
        "L'autorisation « Droit à l'image » n'a pas encore été donnée : cet accueil la demande.")
    refused = (await client.data(ENROLL, {**child, "periodId": str(centre.period.id)}))["enrollChild"]
    assert [(e["field"], e["code"]) for e in refused["errors"]] == [("childId", "DOCUMENT_MISSING"),
                                                                    ("childId", "CONSENT_MISSING")]

    # The family refuses the consent: still missing, and said so.
    answered = await client.data(ANSWER, {**child, "answers": [{"definitionId": definition, "granted": False}]})
    assert answered["answerConsents"]["errors"] == []
    seen = missing(await client.data(CATALOGUE, child))
    assert seen["missing"][1]["message"] == (
        "L'autorisation « Droit à l'image » a été refusée : cet accueil la demande.")

    # The family grants it, and hands in the record, which the town accepts.
    await client.data(ANSWER, {**child, "answers": [{"definitionId": definition, "granted": True}]})
    handed = await upload(client, ("carnet.pdf", pdf_bytes("Carnet"), "application/pdf"), str(vaccinations.id),
                          str(emma.id))
    assert handed["errors"] == []
    reviewed = await agent.data(REVIEW, {"id": handed["document"]["id"], "accept": True})
    assert reviewed["reviewDocument"]["errors"] == []
    seen = missing(await client.data(CATALOGUE, child))
    assert (seen["missing"], seen["canEnrol"]) == ([], True)

    # A new version of the consent asks again.
    await agent.data(PUBLISH, {"text": "Version 2 : photographies et vidéos."})
    assert [m["code"] for m in missing(await client.data(CATALOGUE, child))["missing"]] == ["DROIT_IMAGE"]
    v2 = [m for m in missing(await client.data(CATALOGUE, child))["missing"]]
    assert "n'a pas encore été donnée" in v2[0]["message"]
    async with db.read_sessions() as session:
        assert (await session.exec(select(Enrolment))).all() == []
        activity = await session.get(Activity, centre.activity.id)
    assert activity.required_consents == "DROIT_IMAGE"
