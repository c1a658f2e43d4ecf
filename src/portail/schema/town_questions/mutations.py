"""Payloads and mutations of the town's questions: staff define them (audited), families answer them."""

from __future__ import annotations

import uuid
from typing import Annotated

import strawberry

from portail.resolvers import town_questions as use_cases
from portail.resolvers.errors import ErrorCode, UserErrors
from portail.resolvers.rows import TownQuestion as QuestionRow
from portail.schema.context import Info
from portail.schema.enums import value_of
from portail.schema.errors import UserError
from portail.schema.ids import parse_id
from portail.schema.mutations import run_mutation
from portail.schema.permissions import FAMILY, STAFF
from portail.schema.records.mutations import HouseholdPayload
from portail.schema.records.types import load_household
from portail.schema.town_questions.inputs import (
    AnswerTownQuestionsInput,
    CreateTownQuestionInput,
    UpdateTownQuestionInput,
    create_data,
    update_data,
)
from portail.schema.town_questions.types import TownQuestion


@strawberry.type(description="Result of a change to a town question.")
class TownQuestionPayload:
    question: TownQuestion | None = strawberry.field(description="The question as it now is; null on error.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


def _payload(row: QuestionRow | None, errors: list[UserError]) -> TownQuestionPayload:
    return TownQuestionPayload(question=TownQuestion.from_row(row) if row else None, errors=errors)


@strawberry.type
class TownQuestionMutations:
    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: ask a new question in the records (no schema change), at once, of every family "
        "or of one activity's; audited.",
    )
    async def create_town_question(
        self,
        info: Info,
        input: Annotated[CreateTownQuestionInput, strawberry.argument(description="The question.")],
    ) -> TownQuestionPayload:
        ctx = info.context.app

        async def create() -> QuestionRow:
            return await use_cases.create_question(
                ctx, value_of(input.scope), value_of(input.kind), create_data(input)
            )

        return _payload(*await run_mutation(info, create))

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: change a question (partial); a new wording is a new version (a required question "
        "asks again, earlier answers stay with the version they answered); audited.",
    )
    async def update_town_question(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The question.")],
        input: Annotated[UpdateTownQuestionInput, strawberry.argument(description="The changes.")],
    ) -> TownQuestionPayload:
        ctx = info.context.app

        async def update() -> QuestionRow:
            return await use_cases.update_question(ctx, parse_id(id), update_data(input))

        return _payload(*await run_mutation(info, update))

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: stop asking a question (its answers are kept); audited.",
    )
    async def retire_town_question(
        self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The question.")]
    ) -> TownQuestionPayload:
        return _payload(
            *await run_mutation(info, lambda: use_cases.retire_question(info.context.app, parse_id(id)))
        )

    @strawberry.mutation(
        permission_classes=FAMILY,
        description="Answer the town's questions, several at once: a child's with `childId`, else the "
        "household's. Errors name each answer (`answers.2.value`); on any error nothing is written.",
    )
    async def answer_town_questions(
        self,
        info: Info,
        input: Annotated[AnswerTownQuestionsInput, strawberry.argument(description="The answers.")],
    ) -> HouseholdPayload:
        ctx = info.context.app
        parsed = [(parse_id(a.question_id), a.value) for a in input.answers]
        cid = parse_id(input.child_id) if input.child_id else None

        async def answer() -> uuid.UUID:
            if input.child_id and cid is None:
                raise UserErrors.one("childId", ErrorCode.NOT_FOUND, "Cet enfant n'existe pas.")
            return await use_cases.answer_questions(ctx, cid, parsed)

        hid, errors = await run_mutation(info, answer)
        if hid is None:
            return HouseholdPayload(household=None, changed_fields=[], pending_fields=[], errors=errors)
        return HouseholdPayload(
            household=await load_household(info, hid),
            changed_fields=["townQuestions"],
            pending_fields=[],
            errors=[],
        )
