"""The town's own questions (issue 15, item 3): staff ask a question on the household or on each child
(no schema change), for every family or for one activity's; the family finds it in "Mon foyer" and in
each child's record, answers it, and sees the checklist move; a new wording asks again; a required
question of the holiday centre keeps a child from it until answered. Over HTTP, on both databases."""

from __future__ import annotations

from collections import Counter

from sqlmodel import select

from portail.db.models import AuditEntry, TownAnswer
from tests.exports.support import LINK, download
from tests.support.accounts import signed_in
from tests.support.builders import make_family, make_staff
from tests.support.catalogue import CATALOGUE, ENROLL, catalogue_counts, make_service
from tests.support.counts import row_counts, statements
from tests.support.documents import make_child, make_document_type, pdf_bytes, upload

ERRORS = "errors { field code message }"
CREATE = f"""mutation($input: CreateTownQuestionInput!) {{ createTownQuestion(input: $input) {{
  question {{ id scope kind label help choices required activityId position version active }} {ERRORS} }} }}"""
UPDATE = f"""mutation($id: ID!, $input: UpdateTownQuestionInput!) {{ updateTownQuestion(id: $id, input: $input) {{
  question {{ id label choices required version activityId }} {ERRORS} }} }}"""
RETIRE = f"""mutation($id: ID!) {{ retireTownQuestion(id: $id) {{ question {{ id active }} {ERRORS} }} }}"""
ANSWER = f"""mutation($input: AnswerTownQuestionsInput!) {{ answerTownQuestions(input: $input) {{
  household {{ id }} changedFields {ERRORS} }} }}"""
QUESTIONS = "townQuestions { question { id label kind choices required version } answer { value version label answeredAt } upToDate }"
RECORDS = f"""{{ household {{ {QUESTIONS} children {{ id firstName {QUESTIONS} sections {{ section state missingFields }} }} }}
  viewer {{ toComplete {{ section childId missingFields label }} }} }}"""
TABLES = ("town_question", "town_answer", "audit_entry")
HOW = "Comment avez-vous connu l'accueil de loisirs ?"
HOW_CHOICES = ["Par la mairie", "Par des amis", "Autre"]
SWIM = "Votre enfant sait-il nager ?"


async def town(db, browser):
    """Staff, and the MARTIN family (Lola) with Emma-Rose, both signed in."""
    agent = await make_staff(db)
    family = await make_family(db, "lola@famille.test")
    emma = await make_child(db, family.household, "Emma-Rose", class_level="CE2")
    staff = await signed_in(browser(), agent.email, agent.password)
    client = await signed_in(browser(), family.email, family.password)
    return staff, family, emma, client


async def ask(staff, **input):
    created = (await staff.data(CREATE, {"input": input}))["createTownQuestion"]
    assert created["errors"] == [], created
    return created["question"]


async def answer(client, answers, child_id=None):
    variables = {"input": {"answers": answers, **({"childId": child_id} if child_id else {})}}
    return (await client.data(ANSWER, variables))["answerTownQuestions"]


def by_label(items):
    return {i["question"]["label"]: i for i in items}


async def answers_in(db):
    async with db.read_sessions() as session:
        return list((await session.exec(select(TownAnswer).order_by(TownAnswer.answered_at))).all())


async def test_staff_ask_families_answer_in_their_records_and_the_checklist_follows(db, browser):
    staff, family, emma, client = await town(db, browser)

    how = await ask(staff, scope="HOUSEHOLD", kind="CHOICE", label=HOW, choices=HOW_CHOICES,
                    help="Pour mieux faire connaître l'accueil.")
    swim = await ask(staff, scope="CHILD", kind="YES_NO", label=SWIM, required=True)
    assert (how["version"], how["active"], how["choices"]) == (1, True, HOW_CHOICES)
    # Each setting is audited, with who set it.
    async with db.read_sessions() as session:
        audited = (await session.exec(select(AuditEntry).where(AuditEntry.entity == "town_question"))).all()
    assert {(a.field, a.after) for a in audited if str(a.entity_id) == swim["id"]} >= {
        ("label", SWIM), ("required", "oui"), ("version", "1"), ("active", "oui")}
    assert all(a.author_id is not None for a in audited)

    records = await client.data(RECORDS)
    household, [child] = records["household"], records["household"]["children"]
    assert [(q["question"]["label"], q["answer"], q["upToDate"]) for q in household["townQuestions"]] == [
        (HOW, None, False)]
    assert [(q["question"]["label"], q["question"]["kind"]) for q in child["townQuestions"]] == [(SWIM, "YES_NO")]
    # The child's required question is to complete; the household's optional one is not.
    sections = {s["section"]: s for s in child["sections"]}
    assert sections["QUESTIONS"] == {"section": "QUESTIONS", "state": "TO_COMPLETE", "missingFields": [swim["id"]]}
    to_complete = {(t["section"], t["childId"]): t for t in records["viewer"]["toComplete"]}
    assert to_complete[("QUESTIONS", str(emma.id))]["label"] == "Emma-Rose > Questions de la mairie"
    assert not any(section == "HOUSEHOLD_QUESTIONS" for section, _ in to_complete)

    answered = await answer(client, [{"questionId": swim["id"], "value": "oui"}], str(emma.id))
    assert answered["errors"] == [] and answered["changedFields"] == ["townQuestions"]
    assert (await answer(client, [{"questionId": how["id"], "value": "Par des amis"}]))["errors"] == []

    records = await client.data(RECORDS)
    [child] = records["household"]["children"]
    [swim_now] = child["townQuestions"]
    assert swim_now["answer"]["value"] == "true" and swim_now["answer"]["version"] == 1 and swim_now["upToDate"]
    assert by_label(records["household"]["townQuestions"])[HOW]["answer"]["value"] == "Par des amis"
    assert {s["section"]: s["state"] for s in child["sections"]}["QUESTIONS"] == "COMPLETE"
    assert not any(t["section"] == "QUESTIONS" for t in records["viewer"]["toComplete"])
    rows = await answers_in(db)
    assert [(r.value, r.child_id, r.household_id, r.answered_by) for r in rows] == [
        ("true", emma.id, family.household.id, family.account.id),
        ("Par des amis", None, family.household.id, family.account.id)]
    # The family's trail shows its answers; answering the same again writes nothing.
    trail = await client.data("{ auditTrail { edges { node { entity field after } } } }")
    assert {(e["node"]["entity"], e["node"]["after"]) for e in trail["auditTrail"]["edges"]} >= {
        ("town_question", "true"), ("town_question", "Par des amis")}
    assert (await answer(client, [{"questionId": swim["id"], "value": "true"}], str(emma.id)))["errors"] == []
    assert len(await answers_in(db)) == 2

    # A required household question counts in the checklist as the household's.
    address = await ask(staff, scope="HOUSEHOLD", kind="DATE", label="Depuis quand habitez-vous la commune ?",
                        required=True)
    to_complete = (await client.data(RECORDS))["viewer"]["toComplete"]
    assert [t["missingFields"] for t in to_complete if t["section"] == "HOUSEHOLD_QUESTIONS"] == [[address["id"]]]

    # Retired: no longer asked, the answers kept.
    assert (await staff.data(RETIRE, {"id": swim["id"]}))["retireTownQuestion"]["question"]["active"] is False
    [child] = (await client.data(RECORDS))["household"]["children"]
    assert child["townQuestions"] == [] and "QUESTIONS" not in {s["section"] for s in child["sections"]}
    assert len(await answers_in(db)) == 2
    listed = (await staff.data("{ townQuestions(includeRetired: true) { label active } }"))["townQuestions"]
    assert [(q["label"], q["active"]) for q in listed][-1] == (SWIM, False)
    assert SWIM not in {q["label"] for q in (await client.data("{ townQuestions { label } }"))["townQuestions"]}


async def test_a_new_wording_is_a_new_version_and_a_required_question_asks_again(db, browser):
    staff, _, emma, client = await town(db, browser)
    swim = await ask(staff, scope="CHILD", kind="YES_NO", label=SWIM, required=True)
    assert (await answer(client, [{"questionId": swim["id"], "value": "non"}], str(emma.id)))["errors"] == []

    # Help, spaces or capitals: the question reads the same, no new version.
    same = await staff.data(UPDATE, {"id": swim["id"], "input": {"label": "  votre enfant sait-il  nager ?"}})
    assert same["updateTownQuestion"]["question"]["version"] == 1
    new = await staff.data(UPDATE, {"id": swim["id"], "input": {"label": "Votre enfant sait-il nager 25 mètres ?"}})
    assert new["updateTownQuestion"]["errors"] == [] and new["updateTownQuestion"]["question"]["version"] == 2

    records = await client.data(RECORDS)
    [item] = records["household"]["children"][0]["townQuestions"]
    # The earlier answer stays with the version and the words it answered; the question asks again.
    assert item["question"]["version"] == 2 and item["upToDate"] is False
    assert (item["answer"]["value"], item["answer"]["version"], item["answer"]["label"]) == ("false", 1, SWIM)
    assert [t["missingFields"] for t in records["viewer"]["toComplete"] if t["section"] == "QUESTIONS"] == [
        [swim["id"]]]

    assert (await answer(client, [{"questionId": swim["id"], "value": "non"}], str(emma.id)))["errors"] == []
    [item] = (await client.data(RECORDS))["household"]["children"][0]["townQuestions"]
    assert item["upToDate"] is True and item["answer"]["version"] == 2
    assert [(r.version, r.label, r.value) for r in await answers_in(db)] == [
        (1, SWIM, "false"), (2, "Votre enfant sait-il nager 25 mètres ?", "false")]

    # New choices are a new version too; an optional question shows its earlier answer out of date, not missing.
    how = await ask(staff, scope="HOUSEHOLD", kind="CHOICE", label=HOW, choices=HOW_CHOICES)
    assert (await answer(client, [{"questionId": how["id"], "value": "Autre"}]))["errors"] == []
    more = await staff.data(UPDATE, {"id": how["id"], "input": {"choices": [*HOW_CHOICES, "Par l'école"]}})
    assert more["updateTownQuestion"]["question"]["version"] == 2
    records = await client.data(RECORDS)
    assert by_label(records["household"]["townQuestions"])[HOW]["upToDate"] is False
    assert not any(t["section"] == "HOUSEHOLD_QUESTIONS" for t in records["viewer"]["toComplete"])


async def test_a_required_question_of_the_holiday_centre_keeps_a_child_from_it_until_answered(db, browser):
    staff, _, emma, client = await town(db, browser)
    centre = await make_service(db, "ACCUEIL DE LOISIRS", "VACANCES", "VACANCES 2026-2027", "JOURNEE",
                                regie="REGIE ACCUEIL DE LOISIRS")
    canteen = await make_service(db)
    swim = await ask(staff, scope="CHILD", kind="YES_NO", label=SWIM, required=True,
                     activityId=str(centre.activity.id))

    # Not enrolled yet: the records do not ask it; the centre's period says what is missing.
    assert (await client.data(RECORDS))["household"]["children"][0]["townQuestions"] == []
    periods = {p["id"]: p for f in (await client.data(CATALOGUE, {"childId": str(emma.id)}))["catalogue"]
               for a in f["activities"] for p in a["periods"]}
    centre_period = periods[str(centre.period.id)]
    assert centre_period["canEnrol"] is False
    assert [(m["kind"], m["code"]) for m in centre_period["missing"]] == [("TOWN_QUESTION", swim["id"])]
    assert SWIM in centre_period["missing"][0]["message"]
    assert periods[str(canteen.period.id)]["missing"] == []  # another activity's families are not asked

    before = await catalogue_counts(db)
    refused = (await client.data(ENROLL, {"childId": str(emma.id), "periodId": str(centre.period.id)}))["enrollChild"]
    assert refused["enrolment"] is None
    assert [(e["field"], e["code"]) for e in refused["errors"]] == [("childId", "QUESTION_UNANSWERED")]
    assert await catalogue_counts(db) == before

    # The family answers (the question's id came with the missing item).
    assert (await answer(client, [{"questionId": swim["id"], "value": "false"}], str(emma.id)))["errors"] == []
    enrolled = (await client.data(ENROLL, {"childId": str(emma.id), "periodId": str(centre.period.id)}))["enrollChild"]
    assert enrolled["errors"] == [] and enrolled["enrolment"]["state"] == "ACCEPTED"
    # Enrolled: the child's record asks it, answered.
    [item] = (await client.data(RECORDS))["household"]["children"][0]["townQuestions"]
    assert (item["question"]["label"], item["answer"]["value"], item["upToDate"]) == (SWIM, "false", True)


async def test_bad_answers_are_named_one_by_one_and_nothing_is_written(db, browser):
    staff, _, emma, client = await town(db, browser)
    swim = await ask(staff, scope="CHILD", kind="YES_NO", label=SWIM, required=True)
    age = await ask(staff, scope="CHILD", kind="NUMBER", label="Pointure ?")
    since = await ask(staff, scope="CHILD", kind="DATE", label="Depuis quand nage-t-il ?")
    how = await ask(staff, scope="HOUSEHOLD", kind="CHOICE", label=HOW, choices=HOW_CHOICES)
    report = await ask(staff, scope="CHILD", kind="FILE", label="Brevet de natation")
    stranger = await make_family(db, "voisin@famille.test", name="VOISIN")
    their_child = await make_child(db, stranger.household, "Basile")
    before = await row_counts(db, TABLES)

    refused = await answer(client, [
        {"questionId": swim["id"], "value": "peut-être"},
        {"questionId": age["id"], "value": "32"},  # a good one: not written either
        {"questionId": since["id"], "value": "31/02/2024"},
        {"questionId": how["id"], "value": "Par des amis"},  # the household's question, under a child
        {"questionId": age["id"], "value": "33"},
        {"questionId": report["id"], "value": "pas-un-document"},
        {"questionId": "00000000-0000-0000-0000-000000000000", "value": "oui"},
    ], str(emma.id))
    assert refused["household"] is None
    assert [(e["field"], e["code"]) for e in refused["errors"]] == [
        ("answers.0.value", "INVALID"), ("answers.2.value", "INVALID"), ("answers.3.questionId", "NOT_FOUND"),
        ("answers.4.questionId", "INVALID"), ("answers.5.value", "INVALID"), ("answers.6.questionId", "NOT_FOUND")]
    required = await answer(client, [{"questionId": swim["id"], "value": " "}], str(emma.id))
    assert [(e["field"], e["code"]) for e in required["errors"]] == [("answers.0.value", "REQUIRED")]
    # Another family's child is not found, exactly as an unknown one.
    for child_id in (str(their_child.id), "00000000-0000-0000-0000-000000000000", "pas-un-id"):
        foreign = await answer(client, [{"questionId": swim["id"], "value": "oui"}], child_id)
        assert [(e["field"], e["code"]) for e in foreign["errors"]] == [("childId", "NOT_FOUND")]
    # A file answer names one of the family's documents, not another family's.
    card = await make_document_type(db, "BREVET", "Brevet de natation", per_child=True)
    theirs = await upload(await signed_in(browser(), stranger.email, stranger.password),
                          ("brevet.pdf", pdf_bytes("Brevet de Basile"), "application/pdf"), str(card.id),
                          str(their_child.id))
    foreign_file = await answer(client, [{"questionId": report["id"], "value": theirs["document"]["id"]}],
                                str(emma.id))
    assert [(e["field"], e["code"]) for e in foreign_file["errors"]] == [("answers.0.value", "NOT_FOUND")]
    assert await row_counts(db, TABLES) == before

    ours = await upload(client, ("brevet.pdf", pdf_bytes("Brevet d'Emma"), "application/pdf"), str(card.id),
                        str(emma.id))
    good = await answer(client, [{"questionId": report["id"], "value": ours["document"]["id"]},
                                 {"questionId": age["id"], "value": "32,5"}], str(emma.id))
    assert good["errors"] == []
    assert sorted(r.value for r in await answers_in(db)) == sorted([ours["document"]["id"], "32.5"])


async def test_staff_errors_name_the_field_and_write_nothing(db, browser):
    staff, _, _, client = await town(db, browser)
    before = await row_counts(db, TABLES)
    bad = (await staff.data(CREATE, {"input": {
        "scope": "CHILD", "kind": "CHOICE", "label": "", "choices": ["Seul"], "position": -1,
        "activityId": "00000000-0000-0000-0000-000000000000"}}))["createTownQuestion"]
    assert bad["question"] is None
    assert [(e["field"], e["code"]) for e in bad["errors"]] == [
        ("label", "REQUIRED"), ("choices", "REQUIRED"), ("position", "INVALID"), ("activityId", "NOT_FOUND")]
    yes_no = (await staff.data(CREATE, {"input": {"scope": "CHILD", "kind": "YES_NO", "label": SWIM,
                                                  "choices": ["Oui", "Non"]}}))["createTownQuestion"]
    assert [(e["field"], e["code"]) for e in yes_no["errors"]] == [("choices", "INVALID")]
    assert await row_counts(db, TABLES) == before

    swim = await ask(staff, scope="CHILD", kind="YES_NO", label=SWIM)
    before = await row_counts(db, TABLES)
    for input, expected in (({"label": None}, ("label", "REQUIRED")), ({"label": "x" * 301}, ("label", "TOO_LONG")),
                            ({"choices": ["A", "B"]}, ("choices", "INVALID"))):
        refused = (await staff.data(UPDATE, {"id": swim["id"], "input": input}))["updateTownQuestion"]
        assert [(e["field"], e["code"]) for e in refused["errors"]] == [expected], refused
    unknown = await staff.data(UPDATE, {"id": "00000000-0000-0000-0000-000000000000", "input": {"required": True}})
    assert [(e["field"], e["code"]) for e in unknown["updateTownQuestion"]["errors"]] == [("id", "NOT_FOUND")]
    assert await row_counts(db, TABLES) == before
    # Families only answer.
    body = await client(CREATE, {"input": {"scope": "CHILD", "kind": "TEXT", "label": "Question"}})
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]


async def test_the_households_export_carries_the_answers(db, browser):
    staff, _, emma, client = await town(db, browser)
    swim = await ask(staff, scope="CHILD", kind="YES_NO", label=SWIM)
    how = await ask(staff, scope="HOUSEHOLD", kind="CHOICE", label=HOW, choices=HOW_CHOICES)
    await answer(client, [{"questionId": how["id"], "value": "Par la mairie"}])
    await answer(client, [{"questionId": swim["id"], "value": "oui"}], str(emma.id))

    page = await staff.data("""{ householdsExport(first: 10) { edges { node { name
      townAnswers { questionId childId childFirstName label value upToDate } } } } }""")
    [node] = [e["node"] for e in page["householdsExport"]["edges"]]
    assert node["townAnswers"] == [
        {"questionId": how["id"], "childId": None, "childFirstName": "", "label": HOW, "value": "Par la mairie",
         "upToDate": True},
        {"questionId": swim["id"], "childId": str(emma.id), "childFirstName": "Emma-Rose", "label": SWIM,
         "value": "oui", "upToDate": True}]
    # The CSV: one column, the household's answers then each child's.
    link = (await staff.data(LINK, {"kind": "HOUSEHOLDS"}))["exportLink"]
    _, [row], _ = await download(staff, link["url"])
    assert row["Réponses aux questions de la mairie"] == f"{HOW} : Par la mairie ; Emma-Rose > {SWIM} : oui"


async def test_the_records_cost_the_same_statements_with_1_or_5_questions_and_1_or_3_children(
    db, browser, live_server
):
    staff, family, emma, client = await town(db, browser)
    centre = await make_service(db)
    counts, seen, asked = [], [], 0
    for n in (1, 5):
        while asked < n:  # n questions on the child (every other one the canteen's), n on the household
            await ask(staff, scope="CHILD", kind="TEXT", label=f"Question {asked}", required=True,
                      activityId=str(centre.activity.id) if asked % 2 == 0 else None)
            await ask(staff, scope="HOUSEHOLD", kind="TEXT", label=f"Question foyer {asked}")
            asked += 1
        if n == 5:
            for name in ("Lou", "Noé"):
                await make_child(db, family.household, name)
        questions = (await client.data("{ townQuestions { id scope } }"))["townQuestions"]
        await answer(client, [{"questionId": q["id"], "value": "Oui"} for q in questions if q["scope"] == "CHILD"],
                     str(emma.id))
        await client.data(RECORDS)  # warm what is not per request
        with statements(live_server.app.state.db) as seen_now:
            data = await client.data(RECORDS)
        assert len(data["household"]["children"]) == (1 if n == 1 else 3)
        counts.append(len(seen_now))
        seen.append(Counter(" ".join(x.split())[:60] for x in seen_now))
    assert counts[0] == counts[1], (seen[0] - seen[1], seen[1] - seen[0])


async def test_answers_are_personal_data_handed_back_and_erased_with_the_household(db, browser):
    staff, family, emma, client = await town(db, browser)
    swim = await ask(staff, scope="CHILD", kind="TEXT", label="Une remarque sur la natation ?")
    how = await ask(staff, scope="HOUSEHOLD", kind="CHOICE", label=HOW, choices=HOW_CHOICES)
    await answer(client, [{"questionId": swim["id"], "value": "Nage avec des brassards"}], str(emma.id))
    await answer(client, [{"questionId": how["id"], "value": "Autre"}])

    data = (await client.data("query { personalData { data } }"))["personalData"]["data"]
    assert sorted((a["value"], a["label"], a["version"]) for a in data["tables"]["town_answer"]) == [
        ("Autre", HOW, 1), ("Nage avec des brassards", "Une remarque sur la natation ?", 1)]

    erased = await staff.data("""mutation($id: ID!) { anonymiseHousehold(householdId: $id) { householdId
      errors { field code } } }""", {"id": str(family.household.id)})
    assert erased["anonymiseHousehold"]["errors"] == []
    assert await answers_in(db) == []
    # The questions are the town's: they stay.
    assert len((await staff.data("{ townQuestions { id } }"))["townQuestions"]) == 2
