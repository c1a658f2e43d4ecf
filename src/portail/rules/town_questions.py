"""The town's own questions: what a question may be, what an answer must look like for its kind, when a
change of wording is a new version, and what a household or a child still has to answer.

Values travel as text whatever the kind, and are stored as this module normalises them:
- ``text``: one paragraph or more (2,000 characters at most);
- ``yes_no``: ``"true"`` or ``"false"`` (``"oui"``/``"non"`` are taken too);
- ``choice``: exactly one of the question's choices;
- ``number``: a decimal number between -1,000,000 and 1,000,000, at most two decimals, a comma or a
  point ("12,5" is stored "12.5");
- ``date``: an ISO date, ``YYYY-MM-DD``, between 1900 and 2100;
- ``file``: the id of a document the family uploaded (the use case checks it is theirs).

An empty value is "no answer": refused when the question is required, kept otherwise.

Versions: changing a question's label or its choices makes a new version (a change of spaces or of
capital letters only does not: the question still reads the same). Earlier answers stay linked to the
version they answered. A required question asks again once its version changed: the answer to the
earlier version no longer counts (the family may have answered something else to the new wording).
An optional question shows its earlier answer as out of date, and is not counted as missing.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from portail.rules.text import normalise_text, single_line_problem, text_problem

HOUSEHOLD, CHILD = "household", "child"
SCOPES = (HOUSEHOLD, CHILD)
TEXT, YES_NO, CHOICE, NUMBER, DATE, FILE = "text", "yes_no", "choice", "number", "date", "file"
KINDS = (TEXT, YES_NO, CHOICE, NUMBER, DATE, FILE)

MAX_LABEL = 300
MAX_HELP = 2000
MAX_TEXT_ANSWER = 2000
MAX_CHOICES = 30
MAX_CHOICE_LENGTH = 100
NUMBER_LIMIT = Decimal(1_000_000)
FIRST_YEAR, LAST_YEAR = 1900, 2100

YES, NO = "true", "false"
_YES_WORDS = {"true": YES, "oui": YES, "yes": YES, "false": NO, "non": NO, "no": NO}

# The kinds of problems, as the use cases' error codes name them.
REQUIRED, INVALID, TOO_LONG = "REQUIRED", "INVALID", "TOO_LONG"


@dataclass(frozen=True)
class Problem:
    """Why a value is refused: a code (REQUIRED, INVALID, TOO_LONG) and a French message."""

    code: str
    message: str


def clean_value(kind: str, choices: Collection[str], required: bool, raw: str) -> tuple[str, Problem | None]:
    """``raw`` normalised for a question of ``kind``, or the problem with it."""
    multiline = kind == TEXT
    value = normalise_text(raw or "", multiline=multiline)
    if not value:
        if required:
            return "", Problem(REQUIRED, "Cette question demande une réponse.")
        return "", None
    bad = text_problem(value) if multiline else single_line_problem(value)
    if bad is not None:
        return value, Problem(INVALID, f"La réponse contient un caractère non autorisé : {bad}.")
    if kind == TEXT:
        if len(value) > MAX_TEXT_ANSWER:
            return value, Problem(TOO_LONG, f"La réponse ne doit pas dépasser {MAX_TEXT_ANSWER} caractères.")
        return value, None
    if kind == YES_NO:
        word = _YES_WORDS.get(value.lower())
        if word is None:
            return value, Problem(INVALID, "Répondez par oui (true) ou par non (false).")
        return word, None
    if kind == CHOICE:
        if value not in choices:
            return value, Problem(INVALID, "Choisissez parmi : " + ", ".join(choices) + ".")
        return value, None
    if kind == NUMBER:
        return _number(value)
    if kind == DATE:
        return _date(value)
    if kind == FILE:
        try:
            return str(uuid.UUID(value)), None
        except ValueError:
            return value, Problem(INVALID, "Joignez un document que vous avez déposé (son identifiant).")
    raise ValueError(f"unknown kind {kind}")  # a bug: kinds come from the schema's enum


_NUMBER = re.compile(r"^-?\d{1,7}([.,]\d{1,2})?$")


def _number(value: str) -> tuple[str, Problem | None]:
    compact = value.replace(" ", "").replace("\u202f", "")
    if not _NUMBER.match(compact):
        return value, Problem(
            INVALID, "Un nombre est attendu (deux décimales au plus), par exemple 12 ou 12,5."
        )
    try:
        number = Decimal(compact.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern lets through only numbers
        return value, Problem(INVALID, "Un nombre est attendu.")
    if abs(number) > NUMBER_LIMIT:
        return value, Problem(INVALID, "Le nombre doit être compris entre -1 000 000 et 1 000 000.")
    return format(number.normalize(), "f") if number != number.to_integral() else str(int(number)), None


def _date(value: str) -> tuple[str, Problem | None]:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return value, Problem(INVALID, "Une date est attendue, au format AAAA-MM-JJ.")
    if len(value) != 10 or not FIRST_YEAR <= day.year <= LAST_YEAR:
        return value, Problem(
            INVALID, f"Une date entre {FIRST_YEAR} et {LAST_YEAR} est attendue (AAAA-MM-JJ)."
        )
    return day.isoformat(), None


def choices_problem(kind: str, choices: list[str]) -> Problem | None:
    """Why ``choices`` (already trimmed) do not suit a question of ``kind``."""
    if kind != CHOICE:
        return Problem(INVALID, "Seule une question à choix a des choix.") if choices else None
    if len(choices) < 2:
        return Problem(REQUIRED, "Une question à choix propose au moins deux choix.")
    if len(choices) > MAX_CHOICES:
        return Problem(INVALID, f"{MAX_CHOICES} choix au plus.")
    if any(not c for c in choices):
        return Problem(REQUIRED, "Un choix est vide.")
    if any(len(c) > MAX_CHOICE_LENGTH for c in choices):
        return Problem(TOO_LONG, f"Un choix ne doit pas dépasser {MAX_CHOICE_LENGTH} caractères.")
    if len({c.casefold() for c in choices}) != len(choices):
        return Problem(INVALID, "Deux choix sont identiques.")
    return None


def _reads(label: str) -> str:
    return " ".join(label.split()).casefold()


def wording_changed(label: str, choices: list[str], new_label: str, new_choices: list[str]) -> bool:
    """Whether a change makes a new version: the label reads differently, or the choices changed."""
    return _reads(label) != _reads(new_label) or choices != new_choices


@dataclass(frozen=True)
class Asked:
    """A question as the checklist needs it."""

    id: uuid.UUID
    scope: str
    required: bool
    version: int
    activity_id: uuid.UUID | None


def asked_of(question: Asked, activities: Collection[uuid.UUID]) -> bool:
    """Whether the question is asked, given the activities the child (or any child of the household,
    for a household's question) is enrolled in or asks to be."""
    return question.activity_id is None or question.activity_id in activities


def up_to_date(question: Asked, answered_version: int | None) -> bool:
    """Whether an answer to ``answered_version`` (None: none) answers the question as it reads now."""
    return answered_version == question.version


def missing(
    questions: Iterable[Asked],
    answered: dict[uuid.UUID, int],
    activities: Collection[uuid.UUID],
) -> list[uuid.UUID]:
    """The required questions asked (given ``activities``) and not answered in their current version;
    ``answered`` maps a question to the version of its latest answer."""
    return [
        q.id
        for q in questions
        if q.required and asked_of(q, activities) and not up_to_date(q, answered.get(q.id))
    ]


def blocking(
    questions: Iterable[Asked], answered: dict[uuid.UUID, int], activity_id: uuid.UUID
) -> list[uuid.UUID]:
    """What keeps a child from an enrolment in ``activity_id``: the required questions for every family
    and those for that activity, not answered in their current version (those of other activities
    do not count: the child is not asking for them)."""
    return missing((q for q in questions if q.activity_id in (None, activity_id)), answered, {activity_id})


def shown_answer(kind: str, value: str) -> str:
    """An answer as a French reader reads it in an export: "oui", "12,5", "31/12/2024"."""
    if not value:
        return ""
    if kind == YES_NO:
        return "oui" if value == YES else "non"
    if kind == NUMBER:
        return value.replace(".", ",")
    if kind == DATE:
        day = date.fromisoformat(value)
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    if kind == FILE:
        return f"document {value}"
    return value
