"""The guide's first connection, end to end over HTTP: the town opens the family's account, the family
confirms its address and creates its password, then completes "Mon foyer" (MOI, AUTRE RESPONSABLE,
ADRESSE DE CORRESPONDANCE, INFORMATIONS COMPLÉMENTAIRES), "Mes enfants" section by section, downloads
the "Fiche sanitaire de liaison" from "Mes documents à éditer" and hands in its CAF certificate; staff
accept the certificate and the checked changes; the family confirms its records and nothing is left to
complete."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlmodel import select

from portail.db.models import (
    Account,
    AuditEntry,
    AuthorizedPerson,
    Child,
    Consent,
    Document,
    Guardian,
    Household,
    HouseholdChild,
    PendingChange,
    Vaccination,
)
from tests.support.accounts import login
from tests.support.builders import make_staff
from tests.support.documents import (
    PRINTABLE_FORMS,
    REVIEW,
    TO_REVIEW,
    caf_certificate,
    link_path,
    pdf_text,
    upload,
)
from tests.support.pages import nodes

EMAIL = "lola.martin@example.org"
PASSWORD = "Cheval-Agrafe-Pile-42"

PUBLISH_CONSENT = """
mutation Publish($kind: String!, $title: String!, $text: String!, $perChild: Boolean!) {
  publishConsent(kind: $kind, title: $title, text: $text, perChild: $perChild) {
    definition { id kind version perChild }
    errors { field code }
  }
}"""
CREATE_TYPE = """
mutation CreateType($input: CreateDocumentTypeInput!) {
  createDocumentType(input: $input) { documentType { id code label } errors { field code } }
}"""
OPEN = """
mutation Open($input: OpenFamilyAccountInput!) {
  openFamilyAccount(input: $input) {
    account { id email confirmed }
    household { id name }
    errors { field code }
  }
}"""
CONFIRM = """
mutation Confirm($token: String!, $password: String!) {
  confirmAccount(token: $token, password: $password) {
    viewer { account { email confirmed } household { name } }
    errors { field code }
  }
}"""
TO_COMPLETE = "{ viewer { toComplete { section childId missingFields } } }"

SECTIONS = "sections { section state missingFields pendingFields }"
HOUSEHOLD_FIELDS = f"""
  id name
  me {{ civility firstName lastName birthDate mobilePhone email profession employer relationship }}
  otherGuardian {{ civility firstName lastName mobilePhone relationship }}
  address {{ number street complement postcode city country mainPhone secondaryPhone }}
  complementary {{ cafNumber familyQuotient quotientFrom insuranceCompany insurancePolicy remarks }}
  consents {{ definition {{ kind }} granted }}
  certification {{ certifiedAt needsConfirmation }}
  pendingChanges {{ field state }}
  {SECTIONS}
"""
HOUSEHOLD = f"{{ household {{ {HOUSEHOLD_FIELDS} }} }}"
UPDATE_HOUSEHOLD = f"""
mutation UpdateHousehold($input: UpdateHouseholdInput!) {{
  updateHousehold(input: $input) {{
    household {{ {HOUSEHOLD_FIELDS} }}
    changedFields pendingFields
    errors {{ field code message }}
  }}
}}"""
ANSWER_CONSENTS = f"""
mutation Answer($answers: [ConsentAnswerInput!]!, $childId: ID) {{
  answerConsents(answers: $answers, childId: $childId) {{
    household {{ consents {{ definition {{ kind }} granted }} {SECTIONS} }}
    errors {{ field code }}
  }}
}}"""
CHILD_FIELDS = f"""
  id firstName lastName birthDate sex
  schooling {{ school classLevel }}
  meals {{ diet foodAllergies }}
  health {{ doctorName doctorPhone allergies medicalNotes hasPai }}
  vaccinations {{ vaccine vaccinatedOn }}
  authorizedPersons {{ firstName lastName relation mobilePhone otherPhone mayPickUp emergencyContact }}
  authorisations {{ definition {{ id kind }} granted decidedAt }}
  certification {{ needsConfirmation }}
  {SECTIONS}
"""
ADD_CHILD = f"""
mutation AddChild($input: ChildIdentityInput!) {{
  addChild(input: $input) {{ child {{ {CHILD_FIELDS} }} errors {{ field code }} }}
}}"""
UPDATE_CHILD = f"""
mutation UpdateChild($id: ID!, $input: UpdateChildInput!) {{
  updateChild(id: $id, input: $input) {{
    child {{ {CHILD_FIELDS} }}
    changedFields pendingFields
    errors {{ field code message }}
  }}
}}"""
CHILD = f"query Child($id: ID!) {{ child(id: $id) {{ {CHILD_FIELDS} }} }}"
PENDING_CHANGES = "{ pendingChanges { edges { node { id householdId entity field newValue state } } } }"
DECIDE = """
mutation Decide($id: ID!) {
  decidePendingChange(id: $id, approve: true) { change { field state } errors { field code } }
}"""
CONFIRM_RECORDS = f"""
mutation {{ confirmRecords {{
  household {{ certification {{ certifiedAt needsConfirmation }} {SECTIONS} }}
  errors {{ field code }}
}} }}"""
DOCUMENT_TYPES = "{ documentTypes { id code label } }"
MY_DOCUMENTS = "{ documents { id state validUntil fileName type { code } } }"

# The consents the town asks: per child ("Autorisations" of "Mes enfants"), and once per household.
CHILD_CONSENTS = {
    "DROIT_IMAGE": "Droit à l'image",
    "SOINS_URGENCE": "Soins d'urgence",
    "SORTIE_SEUL": "Autorisation de partir seul",
    "SORTIES_TRANSPORTS": "Sorties et transports",
}
HOUSEHOLD_CONSENT = ("REGLEMENT_RESTAURATION", "Règlement de la restauration scolaire")


def by_section(sections: list[dict]) -> dict[str, dict]:
    return {s["section"]: s for s in sections}


async def to_complete(client) -> list[dict]:
    """``viewer.toComplete``, each section's missing fields sorted (consents come in no set order)."""
    items = (await client.data(TO_COMPLETE))["viewer"]["toComplete"]
    return [item | {"missingFields": sorted(item["missingFields"])} for item in items]


def states(sections: list[dict]) -> dict[str, str]:
    return {s["section"]: s["state"] for s in sections}


async def test_first_connection_of_a_family_end_to_end(db, browser, smtp, settings):
    # ---- The town prepares: consents, the kind of document for the quotient, the family's account.
    staff = await make_staff(db)
    agent = browser()
    assert (await login(agent, staff.email, staff.password))["errors"] == []

    definitions = {}
    for kind, title in CHILD_CONSENTS.items():
        published = (
            await agent.data(
                PUBLISH_CONSENT, {"kind": kind, "title": title, "text": f"J'autorise : {title}.", "perChild": True}
            )
        )["publishConsent"]
        assert published["errors"] == [] and published["definition"]["version"] == 1
        definitions[kind] = published["definition"]["id"]
    kind, title = HOUSEHOLD_CONSENT
    published = (
        await agent.data(PUBLISH_CONSENT, {"kind": kind, "title": title, "text": "J'ai lu le règlement.",
                                           "perChild": False})
    )["publishConsent"]
    assert published["errors"] == [] and published["definition"]["perChild"] is False
    rules_id = published["definition"]["id"]

    caf_type = (
        await agent.data(CREATE_TYPE, {"input": {"code": "ATTESTATION_CAF", "label": "Attestation CAF",
                                                 "validityMonths": 12}})
    )["createDocumentType"]
    assert caf_type["errors"] == []

    opened = (
        await agent.data(OPEN, {"input": {"email": EMAIL, "householdName": "MARTIN", "firstName": "Lola",
                                          "lastName": "MARTIN"}})
    )["openFamilyAccount"]
    assert opened["errors"] == []
    assert opened["account"]["confirmed"] is False
    household_id = opened["household"]["id"]

    # ---- "Confirmation de votre adresse mail / création de mot de passe": the mailed link.
    [opening_mail] = await smtp.wait_for(EMAIL)
    assert "Confirmez votre adresse" in opening_mail.subject
    family = browser()
    confirmed = (await family.data(CONFIRM, {"token": opening_mail.token(), "password": PASSWORD}))[
        "confirmAccount"
    ]
    assert confirmed["errors"] == []
    assert confirmed["viewer"] == {"account": {"email": EMAIL, "confirmed": True}, "household": {"name": "MARTIN"}}

    # ---- The first connection lists what the family must fill in.
    assert (await family.data(TO_COMPLETE))["viewer"]["toComplete"] == [
        {"section": "ME", "childId": None, "missingFields": ["civility", "mobilePhone"]},
        {"section": "ADDRESS", "childId": None,
         "missingFields": ["number", "street", "postcode", "city", "mainPhone"]},
        {"section": "COMPLEMENTARY", "childId": None, "missingFields": ["insuranceCompany", "insurancePolicy"]},
        {"section": "HOUSEHOLD_CONSENTS", "childId": None, "missingFields": [HOUSEHOLD_CONSENT[0]]},
        {"section": "CONFIRMATION", "childId": None, "missingFields": []},
    ]

    # ---- "Mon foyer": open it.
    household = (await family.data(HOUSEHOLD))["household"]
    assert (household["id"], household["name"]) == (household_id, "MARTIN")
    assert household["me"]["firstName"] == "Lola" and household["me"]["email"] == EMAIL
    assert household["otherGuardian"] is None
    assert states(household["sections"]) == {
        "ME": "TO_COMPLETE", "OTHER_GUARDIAN": "COMPLETE", "ADDRESS": "TO_COMPLETE", "COMPLEMENTARY": "TO_COMPLETE",
    }

    # "MOI": "Crayon", fill in, "VALIDER", read it back.
    me = (
        await family.data(UPDATE_HOUSEHOLD, {"input": {"me": {
            "civility": "Mme", "mobilePhone": "06 12 34 56 78", "birthDate": "1985-04-12",
            "profession": "Infirmière", "employer": "CHBA Vannes", "relationship": "Mère",
        }}})
    )["updateHousehold"]
    assert me["errors"] == [] and me["pendingFields"] == []
    assert sorted(me["changedFields"]) == ["birthDate", "civility", "employer", "mobilePhone", "profession",
                                           "relationship"]
    read_back = (await family.data(HOUSEHOLD))["household"]
    assert read_back["me"] == {
        "civility": "Mme", "firstName": "Lola", "lastName": "MARTIN", "birthDate": "1985-04-12",
        "mobilePhone": "+33612345678", "email": EMAIL, "profession": "Infirmière", "employer": "CHBA Vannes",
        "relationship": "Mère",
    }
    assert by_section(read_back["sections"])["ME"] == {
        "section": "ME", "state": "COMPLETE", "missingFields": [], "pendingFields": [],
    }

    # "AUTRE RESPONSABLE", with an international mobile phone.
    other = (
        await family.data(UPDATE_HOUSEHOLD, {"input": {"otherGuardian": {
            "civility": "M.", "firstName": "Marc", "lastName": "MARTIN", "mobilePhone": "+44 7911 123456",
            "relationship": "Père",
        }}})
    )["updateHousehold"]
    assert other["errors"] == []
    assert other["household"]["otherGuardian"] == {
        "civility": "M.", "firstName": "Marc", "lastName": "MARTIN", "mobilePhone": "+447911123456",
        "relationship": "Père",
    }
    assert states(other["household"]["sections"])["OTHER_GUARDIAN"] == "COMPLETE"

    # "ADRESSE DE CORRESPONDANCE": the town checks the address, the phone applies at once.
    address = (
        await family.data(UPDATE_HOUSEHOLD, {"input": {"address": {
            "number": "15", "street": "Rue de la Surveillance", "postcode": "60200", "city": "COMPIEGNE",
            "mainPhone": "03 44 00 00 00",
        }}})
    )["updateHousehold"]
    assert address["errors"] == []
    assert address["changedFields"] == ["mainPhone"]
    assert sorted(address["pendingFields"]) == ["city", "number", "postcode", "street"]
    assert address["household"]["address"]["street"] == ""  # not applied before staff approve
    assert address["household"]["address"]["mainPhone"] == "+33344000000"
    assert by_section(address["household"]["sections"])["ADDRESS"] == {
        "section": "ADDRESS", "state": "AWAITING_REVIEW", "missingFields": [],
        "pendingFields": ["number", "street", "postcode", "city"],
    }

    # "INFORMATIONS COMPLÉMENTAIRES": the family quotient waits for the CAF certificate to be checked.
    complementary = (
        await family.data(UPDATE_HOUSEHOLD, {"input": {"complementary": {
            "cafNumber": "1234567", "familyQuotient": 642, "quotientFrom": "2026-01-01",
            "insuranceCompany": "MAIF", "insurancePolicy": "3712345 P",
        }}})
    )["updateHousehold"]
    assert complementary["errors"] == []
    assert sorted(complementary["changedFields"]) == ["cafNumber", "insuranceCompany", "insurancePolicy"]
    assert sorted(complementary["pendingFields"]) == ["familyQuotient", "quotientFrom"]
    assert complementary["household"]["complementary"]["familyQuotient"] is None
    assert states(complementary["household"]["sections"])["COMPLEMENTARY"] == "AWAITING_REVIEW"

    # The household's consent: the rules of the canteen.
    answered = (await family.data(ANSWER_CONSENTS, {"answers": [{"definitionId": rules_id, "granted": True}]}))[
        "answerConsents"
    ]
    assert answered["errors"] == []
    assert answered["household"]["consents"] == [{"definition": {"kind": HOUSEHOLD_CONSENT[0]}, "granted": True}]

    # Only the confirmation is left for "Mon foyer" (the reviews are the town's part).
    assert (await family.data(TO_COMPLETE))["viewer"]["toComplete"] == [
        {"section": "CONFIRMATION", "childId": None, "missingFields": []},
    ]

    # ---- "Mes enfants": declare the child, then each section.
    added = (
        await family.data(ADD_CHILD, {"input": {"firstName": "Emma-Rose", "lastName": "MARTIN",
                                                "birthDate": "2016-09-03", "sex": "F"}})
    )["addChild"]
    assert added["errors"] == []
    child_id = added["child"]["id"]
    assert states(added["child"]["sections"]) == {
        "IDENTITY": "COMPLETE", "SCHOOLING": "TO_COMPLETE", "MEALS": "TO_COMPLETE", "HEALTH": "TO_COMPLETE",
        "VACCINATIONS": "TO_COMPLETE", "AUTHORIZED_PERSONS": "TO_COMPLETE", "AUTHORISATIONS": "TO_COMPLETE",
    }
    assert await to_complete(family) == [
        {"section": "SCHOOLING", "childId": child_id, "missingFields": ["classLevel", "school"]},
        {"section": "MEALS", "childId": child_id, "missingFields": ["diet"]},
        {"section": "HEALTH", "childId": child_id, "missingFields": ["doctorName", "doctorPhone"]},
        {"section": "VACCINATIONS", "childId": child_id, "missingFields": ["vaccinations"]},
        {"section": "AUTHORIZED_PERSONS", "childId": child_id, "missingFields": ["emergencyContact"]},
        {"section": "AUTHORISATIONS", "childId": child_id, "missingFields": sorted(CHILD_CONSENTS)},
        {"section": "CONFIRMATION", "childId": None, "missingFields": []},
    ]
    # The home page names them as the screens do.
    labels = [i["label"] for i in (await family.data("{ viewer { toComplete { label } } }"))["viewer"]["toComplete"]]
    assert labels[0] == "Emma-Rose > Scolarité" and "Emma-Rose > Santé" in labels
    assert labels[-1] == "Confirmation des informations"

    sections = [
        ("SCHOOLING", {"schooling": {"school": "École Guyomard", "classLevel": "CE2"}}),
        ("MEALS", {"meals": {"diet": "NO_PORK", "foodAllergies": "Arachides, fruits à coque"}}),
        ("HEALTH", {"health": {"doctorName": "Dr Le Gall", "doctorPhone": "02 97 00 00 00",
                               "allergies": "Pollen de bouleau", "medicalNotes": "Asthme léger",
                               "hasPai": False}}),
        ("VACCINATIONS", {"vaccinations": [{"vaccine": "DTP", "vaccinatedOn": "2016-11-03"},
                                           {"vaccine": "ROR", "vaccinatedOn": "2017-09-10"}]}),
        ("AUTHORIZED_PERSONS", {"authorizedPersons": [{
            "firstName": "Yves", "lastName": "MARTIN", "relation": "Grand-père", "mobilePhone": "06 98 76 54 32",
            "mayPickUp": True, "emergencyContact": True,
        }]}),
    ]
    for section, section_input in sections:
        edited = (await family.data(UPDATE_CHILD, {"id": child_id, "input": section_input}))["updateChild"]
        assert edited["errors"] == [], section
        assert edited["pendingFields"] == [], section
        assert states(edited["child"]["sections"])[section] == "COMPLETE", section

    # "Autorisations": each consent the town published, answered for the child.
    answers = [{"definitionId": definitions[k], "granted": k != "SORTIE_SEUL"} for k in CHILD_CONSENTS]
    answered = (await family.data(ANSWER_CONSENTS, {"answers": answers, "childId": child_id}))["answerConsents"]
    assert answered["errors"] == []

    child = (await family.data(CHILD, {"id": child_id}))["child"]
    assert (child["firstName"], child["lastName"], child["birthDate"], child["sex"]) == (
        "Emma-Rose", "MARTIN", "2016-09-03", "F",
    )
    assert child["schooling"] == {"school": "École Guyomard", "classLevel": "CE2"}
    assert child["meals"] == {"diet": "NO_PORK", "foodAllergies": "Arachides, fruits à coque"}
    assert child["health"] == {"doctorName": "Dr Le Gall", "doctorPhone": "+33297000000",
                               "allergies": "Pollen de bouleau", "medicalNotes": "Asthme léger", "hasPai": False}
    assert child["vaccinations"] == [{"vaccine": "DTP", "vaccinatedOn": "2016-11-03"},
                                     {"vaccine": "ROR", "vaccinatedOn": "2017-09-10"}]
    assert child["authorizedPersons"] == [{
        "firstName": "Yves", "lastName": "MARTIN", "relation": "Grand-père", "mobilePhone": "+33698765432",
        "otherPhone": "", "mayPickUp": True, "emergencyContact": True,
    }]
    assert {a["definition"]["kind"]: a["granted"] for a in child["authorisations"]} == {
        "DROIT_IMAGE": True, "SOINS_URGENCE": True, "SORTIE_SEUL": False, "SORTIES_TRANSPORTS": True,
    }
    assert all(a["decidedAt"] for a in child["authorisations"])
    assert set(states(child["sections"]).values()) == {"COMPLETE"}

    # ---- "Mes documents à éditer": the child's fiche sanitaire, "Œil" then "Flèche".
    [form] = (await family.data(PRINTABLE_FORMS))["printableForms"]
    assert (form["kind"], form["childId"], form["childName"], form["format"]) == (
        "HEALTH_FORM", child_id, "Emma-Rose MARTIN", "PDF",
    )
    viewed = await family.http.get(link_path(form["viewUrl"]))
    assert viewed.status_code == 200
    assert viewed.headers["content-type"] == "application/pdf"
    assert viewed.headers["content-disposition"].startswith("inline;")
    downloaded = await family.http.get(link_path(form["downloadUrl"]))
    assert downloaded.status_code == 200
    assert downloaded.headers["content-disposition"].startswith(
        'attachment; filename="fiche-sanitaire-Emma-Rose-MARTIN.pdf"'
    )
    assert downloaded.content.startswith(b"%PDF-")
    fiche = pdf_text(downloaded.content)  # pypdf reads it: a valid PDF
    for expected in ("FICHE SANITAIRE DE LIAISON", "Emma-Rose", "MARTIN", "03/09/2016",
                     "Arachides, fruits à coque", "Pollen de bouleau", "Dr Le Gall", "DTP",
                     "Yves MARTIN (Grand-père)", "Mme Lola MARTIN"):
        assert expected in fiche, expected

    # Hand in the CAF certificate (multipart request) for the quotient.
    [kind] = [t for t in (await family.data(DOCUMENT_TYPES))["documentTypes"] if t["code"] == "ATTESTATION_CAF"]
    certificate = caf_certificate()
    handed_in = await upload(family, ("attestation-caf-2026.pdf", certificate, "application/pdf"), kind["id"])
    assert handed_in["errors"] == []
    document_id = handed_in["document"]["id"]
    assert handed_in["document"]["state"] == "PENDING"
    assert (await family.data(MY_DOCUMENTS))["documents"] == [{
        "id": document_id, "state": "PENDING", "validUntil": None, "fileName": "attestation-caf-2026.pdf",
        "type": {"code": "ATTESTATION_CAF"},
    }]

    # ---- Staff: accept the certificate, then approve the quotient and the address.
    [to_review] = nodes((await agent.data(TO_REVIEW))["documentsToReview"])
    assert (to_review["id"], to_review["householdName"]) == (document_id, "MARTIN")
    assert (await agent.http.get(link_path(to_review["downloadUrl"]))).content == certificate
    accepted = (await agent.data(REVIEW, {"id": document_id, "accept": True}))["reviewDocument"]
    assert accepted["errors"] == [] and accepted["document"]["state"] == "ACCEPTED"

    queue = nodes((await agent.data(PENDING_CHANGES))["pendingChanges"])
    assert {c["householdId"] for c in queue} == {household_id}
    assert {c["field"]: c["newValue"] for c in queue} == {
        "number": '"15"', "street": '"Rue de la Surveillance"', "postcode": '"60200"', "city": '"COMPIEGNE"',
        "familyQuotient": "642", "quotientFrom": '"2026-01-01"',
    }
    for change in queue:
        decided = (await agent.data(DECIDE, {"id": change["id"]}))["decidePendingChange"]
        assert decided == {"change": {"field": change["field"], "state": "APPROVED"}, "errors": []}
    assert nodes((await agent.data(PENDING_CHANGES))["pendingChanges"]) == []

    # ---- The family sees the changes applied, confirms its records: nothing is left to complete.
    household = (await family.data(HOUSEHOLD))["household"]
    assert household["address"] == {
        "number": "15", "street": "Rue de la Surveillance", "complement": "", "postcode": "60200",
        "city": "COMPIEGNE", "country": "FR", "mainPhone": "+33344000000", "secondaryPhone": "",
    }
    assert household["complementary"] == {
        "cafNumber": "1234567", "familyQuotient": 642, "quotientFrom": "2026-01-01", "insuranceCompany": "MAIF",
        "insurancePolicy": "3712345 P", "remarks": "",
    }
    assert household["pendingChanges"] == []
    assert household["certification"]["needsConfirmation"] is True
    [document] = (await family.data(MY_DOCUMENTS))["documents"]
    assert document["state"] == "ACCEPTED" and document["validUntil"]

    certified = (await family.data(CONFIRM_RECORDS))["confirmRecords"]
    assert certified["errors"] == []
    assert certified["household"]["certification"]["needsConfirmation"] is False

    assert (await family.data(TO_COMPLETE))["viewer"]["toComplete"] == []
    household = (await family.data(HOUSEHOLD))["household"]
    assert states(household["sections"]) == {
        "ME": "COMPLETE", "OTHER_GUARDIAN": "COMPLETE", "ADDRESS": "COMPLETE", "COMPLEMENTARY": "COMPLETE",
    }
    assert all(not s["missingFields"] and not s["pendingFields"] for s in household["sections"])
    child = (await family.data(CHILD, {"id": child_id}))["child"]
    assert set(states(child["sections"]).values()) == {"COMPLETE"}
    assert child["certification"]["needsConfirmation"] is False

    # ---- The mails the family received.
    mails = await smtp.wait_for(EMAIL, count=9)
    assert Counter(m.subject for m in mails) == Counter([
        "Confirmez votre adresse e-mail et créez votre mot de passe",
        "Votre mot de passe a été créé : vous pouvez vous connecter",
        "Votre document « Attestation CAF » est accepté",
        "Votre modification « N° » est acceptée",
        "Votre modification « Rue » est acceptée",
        "Votre modification « Code postal » est acceptée",
        "Votre modification « Ville » est acceptée",
        "Votre modification « Quotient familial » est acceptée",
        "Votre modification « Date d'effet du quotient » est acceptée",
    ])
    assert smtp.to(staff.email) == []

    # ---- What the database holds.
    async with db.read_sessions() as session:
        account = (await session.exec(select(Account).where(Account.email == EMAIL))).one()
        assert account.confirmed_at is not None and account.password_hash
        row = await session.get(Household, account_household := (
            await session.get(Guardian, account.guardian_id)
        ).household_id)
        assert str(account_household) == household_id
        assert (row.address_street, row.postcode, row.city, row.family_quotient, row.quotient_from) == (
            "Rue de la Surveillance", "60200", "COMPIEGNE", 642, date(2026, 1, 1),
        )
        assert row.certified_at is not None
        guardians = (await session.exec(select(Guardian).where(Guardian.household_id == row.id))).all()
        assert sorted((g.rank, g.first_name, g.mobile_phone) for g in guardians) == [
            (1, "Lola", "+33612345678"), (2, "Marc", "+447911123456"),
        ]
        [link] = (await session.exec(select(HouseholdChild).where(HouseholdChild.household_id == row.id))).all()
        kid = await session.get(Child, link.child_id)
        assert (kid.school, kid.class_level, kid.diet, kid.allergies, kid.doctor_phone) == (
            "École Guyomard", "CE2", "NO_PORK", "Pollen de bouleau", "+33297000000",
        )
        assert kid.certified_at is not None
        assert len((await session.exec(select(Vaccination).where(Vaccination.child_id == kid.id))).all()) == 2
        [person] = (await session.exec(select(AuthorizedPerson).where(AuthorizedPerson.child_id == kid.id))).all()
        assert (person.first_name, person.emergency_contact) == ("Yves", True)
        consents = (await session.exec(select(Consent).where(Consent.household_id == row.id))).all()
        assert sorted((c.child_id is not None, c.granted) for c in consents) == [
            (False, True), (True, False), (True, True), (True, True), (True, True),
        ]
        assert {c.decided_by for c in consents} == {account.id}
        [stored] = (await session.exec(select(Document).where(Document.household_id == row.id))).all()
        assert (stored.state, stored.uploaded_by, stored.reviewed_by) == ("accepted", account.id, staff.account.id)
        assert (settings.storage_path / stored.storage_key[:2] / stored.storage_key).read_bytes() == certificate
        changes = (await session.exec(select(PendingChange).where(PendingChange.household_id == row.id))).all()
        assert len(changes) == 6
        assert {(c.state, c.author_id, c.decided_by) for c in changes} == {
            ("approved", account.id, staff.account.id),
        }
        # The audit trail: the family's own edits, and staff's approvals of the checked fields.
        audit = (await session.exec(select(AuditEntry).where(AuditEntry.household_id == row.id))).all()
        authors = {(a.field, a.author_id) for a in audit}
        assert ("mobilePhone", account.id) in authors and ("allergies", account.id) in authors
        assert ("familyQuotient", staff.account.id) in authors and ("street", staff.account.id) in authors
