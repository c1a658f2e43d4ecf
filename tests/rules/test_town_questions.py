"""The town's own questions: each kind's values, the choices a question may offer, when a new wording is a
new version, and what a household or a child still has to answer."""

from __future__ import annotations

import uuid

import pytest

from portail.rules.town_questions import (
    CHILD,
    CHOICE,
    DATE,
    FILE,
    INVALID,
    KINDS,
    NUMBER,
    REQUIRED,
    TEXT,
    TOO_LONG,
    YES_NO,
    Asked,
    asked_of,
    blocking,
    choices_problem,
    clean_value,
    missing,
    shown_answer,
    up_to_date,
    wording_changed,
)

CHOICES = ("Par la mairie", "Par des amis", "Autre")
DOC = "0192f0a8-7c1e-7a3b-8f00-0123456789ab"


@pytest.mark.parametrize(
    ("kind", "raw", "stored", "problem"),
    [
        # Text: trimmed, paragraphs kept, 2,000 characters.
        (TEXT, "  Par le bulletin municipal ", "Par le bulletin municipal", None),
        (TEXT, "Ligne 1\nLigne 2", "Ligne 1\nLigne 2", None),
        (TEXT, "x" * 2000, "x" * 2000, None),
        (TEXT, "x" * 2001, None, TOO_LONG),
        # Yes or no: true/false, the French words too.
        (YES_NO, "true", "true", None),
        (YES_NO, "false", "false", None),
        (YES_NO, "Oui", "true", None),
        (YES_NO, "non", "false", None),
        (YES_NO, "peut-être", None, INVALID),
        (YES_NO, "1", None, INVALID),
        # Choice: exactly one of them, as written.
        (CHOICE, "Par des amis", "Par des amis", None),
        (CHOICE, "par des amis", None, INVALID),
        (CHOICE, "Le journal", None, INVALID),
        # Number: a comma or a point, two decimals, ±1,000,000.
        (NUMBER, "12", "12", None),
        (NUMBER, "12,5", "12.5", None),
        (NUMBER, "12.50", "12.5", None),
        (NUMBER, "-3", "-3", None),
        (NUMBER, "1000000", "1000000", None),
        (NUMBER, "1000001", None, INVALID),
        (NUMBER, "12,345", None, INVALID),
        (NUMBER, "douze", None, INVALID),
        (NUMBER, "1e5", None, INVALID),
        # Date: ISO, 1900 to 2100.
        (DATE, "2020-02-29", "2020-02-29", None),
        (DATE, "2021-02-29", None, INVALID),
        (DATE, "29/02/2020", None, INVALID),
        (DATE, "1899-12-31", None, INVALID),
        (DATE, "2101-01-01", None, INVALID),
        # File: a document's id (whose it is: the use case checks).
        (FILE, DOC, DOC, None),
        (FILE, "mon-fichier.pdf", None, INVALID),
    ],
)
def test_each_kind_takes_its_values(kind, raw, stored, problem):
    value, found = clean_value(kind, CHOICES, False, raw)
    assert (found.code if found else None) == problem
    if problem is None:
        assert value == stored


@pytest.mark.parametrize("kind", KINDS)
def test_an_empty_answer_is_no_answer_refused_only_when_required(kind):
    assert clean_value(kind, CHOICES, False, "  ") == ("", None)
    value, problem = clean_value(kind, CHOICES, True, "")
    assert value == "" and problem is not None and problem.code == REQUIRED


@pytest.mark.parametrize("kind", [k for k in KINDS if k != TEXT])
def test_a_line_break_is_refused_outside_text(kind):
    _, problem = clean_value(kind, CHOICES, False, "oui\nnon")
    assert problem is not None and problem.code == INVALID


@pytest.mark.parametrize(
    ("kind", "choices", "problem"),
    [
        (CHOICE, ["Oui", "Non"], None),
        (CHOICE, ["Seul"], REQUIRED),
        (CHOICE, [], REQUIRED),
        (CHOICE, ["A", ""], REQUIRED),
        (CHOICE, ["Amis", "amis"], INVALID),
        (CHOICE, [str(i) for i in range(31)], INVALID),
        (CHOICE, ["x" * 101, "y"], TOO_LONG),
        (TEXT, [], None),
        (YES_NO, ["Oui", "Non"], INVALID),  # a yes/no question has its own two answers
    ],
)
def test_the_choices_a_question_may_offer(kind, choices, problem):
    found = choices_problem(kind, choices)
    assert (found.code if found else None) == problem


@pytest.mark.parametrize(
    ("before", "after", "new_version"),
    [
        (("Sait-il nager ?", []), ("Sait-il nager ?", []), False),
        (("Sait-il nager ?", []), ("  sait-il   NAGER ? ", []), False),  # spaces and capitals: same question
        (("Sait-il nager ?", []), ("Sait-il nager 25 mètres ?", []), True),
        (("Comment ?", ["A", "B"]), ("Comment ?", ["A", "B", "C"]), True),
        (("Comment ?", ["A", "B"]), ("Comment ?", ["B", "A"]), True),  # the order is part of the wording
    ],
)
def test_a_new_wording_is_a_new_version(before, after, new_version):
    assert wording_changed(*before, *after) is new_version


CENTRE, CANTEEN = uuid.uuid4(), uuid.uuid4()


def question(required=True, version=1, activity=None, scope=CHILD) -> Asked:
    return Asked(uuid.uuid4(), scope, required, version, activity)


@pytest.mark.parametrize(
    ("activity", "activities", "asked"),
    [(None, set(), True), (None, {CENTRE}, True), (CENTRE, {CENTRE}, True), (CENTRE, {CANTEEN}, False),
     (CENTRE, set(), False)],
)
def test_an_activity_question_is_asked_only_of_its_families(activity, activities, asked):
    assert asked_of(question(activity=activity), activities) is asked


@pytest.mark.parametrize(
    ("required", "version", "answered", "counted_missing", "current"),
    [
        (True, 1, None, True, False),
        (True, 1, 1, False, True),
        (True, 2, 1, True, False),  # the wording changed: a required question asks again
        (False, 1, None, False, False),  # an optional question is never missing
        (False, 2, 1, False, False),  # ... its earlier answer reads as out of date
    ],
)
def test_what_is_missing(required, version, answered, counted_missing, current):
    q = question(required=required, version=version)
    answers = {q.id: answered} if answered is not None else {}
    assert (missing([q], answers, set()) == [q.id]) is counted_missing
    assert up_to_date(q, answered) is current


def test_an_enrolment_waits_for_every_familys_and_its_activitys_questions_only():
    everyone, centre, canteen, optional = (
        question(),
        question(activity=CENTRE),
        question(activity=CANTEEN),
        question(required=False, activity=CENTRE),
    )
    qs = [everyone, centre, canteen, optional]
    assert blocking(qs, {}, CENTRE) == [everyone.id, centre.id]
    assert blocking(qs, {everyone.id: 1}, CENTRE) == [centre.id]
    assert blocking(qs, {everyone.id: 1, centre.id: 1}, CENTRE) == []
    assert blocking(qs, {everyone.id: 1}, CANTEEN) == [canteen.id]


@pytest.mark.parametrize(
    ("kind", "value", "shown"),
    [(YES_NO, "true", "oui"), (YES_NO, "false", "non"), (NUMBER, "12.5", "12,5"), (DATE, "2020-02-29", "29/02/2020"),
     (CHOICE, "Autre", "Autre"), (TEXT, "", ""), (FILE, DOC, f"document {DOC}")],
)
def test_answers_as_an_export_shows_them(kind, value, shown):
    assert shown_answer(kind, value) == shown
