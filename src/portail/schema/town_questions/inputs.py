"""Input types of the town's questions, and their conversion into the use cases' plain data."""

from __future__ import annotations

import strawberry

from portail.resolvers import town_questions as use_cases
from portail.resolvers.errors import ErrorCode, UserErrors
from portail.schema.ids import parse_id
from portail.schema.partial import given, optional
from portail.schema.town_questions.enums import TownQuestionKind, TownQuestionScope


@strawberry.input(description="A new town question.")
class CreateTownQuestionInput:
    scope: TownQuestionScope = strawberry.field(description="Asked of the household, or of each child.")
    kind: TownQuestionKind = strawberry.field(description="What the answer is (it cannot change later).")
    label: str = strawberry.field(description="The question (300 characters, required).")
    help: str = strawberry.field(default="", description="A word of explanation (2,000 characters).")
    choices: list[str] = strawberry.field(
        default_factory=list,
        description="For a CHOICE question: 2 to 30 distinct choices (100 characters each); else none.",
    )
    required: bool = strawberry.field(default=False, description="An answer is required.")
    activity_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="Ask only the families with a child enrolled (or asking to be) in this activity.",
    )
    position: int = strawberry.field(default=0, description="Its place in the lists (0 to 10,000).")


@strawberry.input(
    description="Changes to a town question: omitted fields stay. A new label (other than spaces or capital "
    "letters) or new choices make a new version; `activityId` null asks every family again."
)
class UpdateTownQuestionInput:
    label: str | None = optional("The question (300 characters).")
    help: str | None = optional("A word of explanation (2,000 characters; empty: none).")
    choices: list[str] | None = optional("For a CHOICE question: 2 to 30 distinct choices.")
    required: bool | None = optional("An answer is required.")
    activity_id: strawberry.ID | None = optional("Only this activity's families; null: every family.")
    position: int | None = optional("Its place in the lists (0 to 10,000).")


@strawberry.input(description="An answer to a town question.")
class TownAnswerInput:
    question_id: strawberry.ID = strawberry.field(description="The question.")
    value: str = strawberry.field(
        description="The answer, written as the question's kind says (`TownQuestionKind`); empty: no answer "
        "(refused for a required question)."
    )


@strawberry.input(description="Answers to the town's questions, a child's or the household's.")
class AnswerTownQuestionsInput:
    child_id: strawberry.ID | None = strawberry.field(
        default=None, description="The child, for a child's questions; omitted: the household's questions."
    )
    answers: list[TownAnswerInput] = strawberry.field(description="The answers (at least one).")


def create_data(input: CreateTownQuestionInput) -> use_cases.QuestionData:
    activity_id = parse_id(input.activity_id) if input.activity_id else None
    if input.activity_id and activity_id is None:
        raise UserErrors.one("activityId", ErrorCode.NOT_FOUND, "Cet accueil n'existe pas.")
    return use_cases.QuestionData(
        label=input.label,
        help=input.help,
        choices=input.choices,
        required=input.required,
        activity_id=activity_id,
        position=input.position,
    )


def update_data(input: UpdateTownQuestionInput) -> use_cases.QuestionData:
    values = given(input, frozenset({"activity_id"}))
    activity_id = None
    clear = "activity_id" in values and values["activity_id"] is None
    if values.get("activity_id") is not None:
        activity_id = parse_id(values["activity_id"])
        if activity_id is None:
            raise UserErrors.one("activityId", ErrorCode.NOT_FOUND, "Cet accueil n'existe pas.")
    return use_cases.QuestionData(
        label=values.get("label"),
        help=values.get("help"),
        choices=values.get("choices"),
        required=values.get("required"),
        activity_id=activity_id,
        clear_activity=clear,
        position=values.get("position"),
    )
