"""Output types of the town's questions, and their mappers from rows and the use cases' views."""

from __future__ import annotations

import datetime

import strawberry

from portail.resolvers import town_questions as use_cases
from portail.resolvers.rows import TownAnswer as AnswerRow
from portail.resolvers.rows import TownQuestion as QuestionRow
from portail.resolvers.town_answers import choices_of
from portail.schema.ids import to_id
from portail.schema.town_questions.enums import TownQuestionKind, TownQuestionScope


@strawberry.type(
    description="A question the town asks in the records, as it reads now (its current version)."
)
class TownQuestion:
    id: strawberry.ID = strawberry.field(description="Opaque id; the same through the versions.")
    scope: TownQuestionScope = strawberry.field(description="Asked of the household, or of each child.")
    kind: TownQuestionKind = strawberry.field(description="What the answer is (how `value` is written).")
    label: str = strawberry.field(description='The question, e.g. "Votre enfant sait-il nager ?".')
    help: str = strawberry.field(description="A word of explanation under the question (may be empty).")
    choices: list[str] = strawberry.field(description="The choices, for a CHOICE question (else empty).")
    required: bool = strawberry.field(
        description="An answer is required: it counts in the records' completeness and, for the families "
        "concerned, an enrolment waits for it (`QUESTION_UNANSWERED`)."
    )
    activity_id: strawberry.ID | None = strawberry.field(
        description="Asked only of the families with a child enrolled (or asking to be) in this activity; "
        "null: of every family."
    )
    position: int = strawberry.field(description="Its place in the lists (smallest first).")
    version: int = strawberry.field(
        description="Raised when the wording (label or choices) changes: a required question asks again."
    )
    active: bool = strawberry.field(description="Still asked (false: retired, its answers kept).")

    @classmethod
    def from_row(cls, row: QuestionRow) -> TownQuestion:
        return cls(
            id=to_id(row.id),
            scope=TownQuestionScope(row.scope),
            kind=TownQuestionKind(row.kind),
            label=row.label,
            help=row.help,
            choices=choices_of(row),
            required=row.required,
            activity_id=to_id(row.activity_id) if row.activity_id else None,
            position=row.position,
            version=row.version,
            active=row.active,
        )


@strawberry.type(description="A family's answer to a version of a town question.")
class TownAnswer:
    value: str = strawberry.field(
        description="The answer as the kind writes it (empty: the family chose not to answer an optional "
        "question)."
    )
    version: int = strawberry.field(description="The version of the question answered.")
    label: str = strawberry.field(description="The question's wording when it was answered.")
    answered_at: datetime.datetime = strawberry.field(description="When.")

    @classmethod
    def from_row(cls, row: AnswerRow) -> TownAnswer:
        return cls(value=row.value, version=row.version, label=row.label, answered_at=row.answered_at)


@strawberry.type(description="A town question asked of the household or of a child, with the latest answer.")
class TownQuestionAnswer:
    question: TownQuestion = strawberry.field(description="The question as it reads now.")
    answer: TownAnswer | None = strawberry.field(
        description="The latest answer, whatever version it answered; null: never answered."
    )
    up_to_date: bool = strawberry.field(
        description="The answer answers the current version (false: to answer, or to answer again)."
    )

    @classmethod
    def of(cls, view: use_cases.QuestionAnswer) -> TownQuestionAnswer:
        return cls(
            question=TownQuestion.from_row(view.question),
            answer=TownAnswer.from_row(view.answer) if view.answer else None,
            up_to_date=view.up_to_date,
        )
