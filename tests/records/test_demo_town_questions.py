"""The demo asks the town's own questions: how the household heard of the centre (answered), and whether
a child of the sports afternoons can swim, answered for Paul and not for Emma-Rose, whose catalogue says
the sports afternoons wait for it; loading the demo twice asks nothing twice."""

from __future__ import annotations

from portail.demo import FAMILY_EMAIL, FAMILY_PASSWORD, load_demo
from tests.support.accounts import signed_in
from tests.support.catalogue import CATALOGUE
from tests.support.counts import row_counts

RECORDS = """{ household { townQuestions { question { label kind choices } answer { value } upToDate }
  children { id firstName townQuestions { question { label required } answer { value } upToDate } } } }"""
SPORTS = "ACCUEIL DE LOISIRS > STAGES SPORTIFS > STAGES SPORTIFS DU MERCREDI 2026-2027"


async def test_the_demo_asks_the_towns_questions_and_emma_roses_answer_is_missing(db, browser, settings):
    await load_demo(db, settings)
    counts = await row_counts(db, ("town_question", "town_answer"))
    await load_demo(db, settings)
    assert await row_counts(db, ("town_question", "town_answer")) == counts == {"town_question": 2, "town_answer": 2}

    family = await signed_in(browser(), FAMILY_EMAIL, FAMILY_PASSWORD)
    household = (await family.data(RECORDS))["household"]
    [how] = household["townQuestions"]
    assert (how["question"]["label"], how["question"]["kind"], how["answer"]["value"]) == (
        "Comment avez-vous connu l'accueil de loisirs ?", "CHOICE", "Par l'école")
    children = {c["firstName"]: c for c in household["children"]}
    # Paul goes to the sports afternoons: asked, and answered.
    [swim] = children["Paul"]["townQuestions"]
    assert (swim["question"]["label"], swim["question"]["required"], swim["answer"]["value"], swim["upToDate"]) == (
        "Votre enfant sait-il nager ?", True, "true", True)
    # Emma-Rose does not go yet: her catalogue says the sports afternoons wait for the answer.
    facilities = (await family.data(CATALOGUE, {"childId": children["Emma-Rose"]["id"]}))["catalogue"]
    sports = next(p for f in facilities for a in f["activities"] for p in a["periods"] if p["path"] == SPORTS)
    assert sports["canEnrol"] is False
    assert [m["kind"] for m in sports["missing"]] == ["TOWN_QUESTION"]
    assert "sait-il nager" in sports["missing"][0]["message"]
