"""Queries of the town's questions."""

from __future__ import annotations

from typing import Annotated

import strawberry

from portail.resolvers import town_questions as use_cases
from portail.schema.context import Info
from portail.schema.town_questions.types import TownQuestion


@strawberry.type
class TownQuestionQueries:
    @strawberry.field(
        description="The questions the town asks in the records, in their order (public: the town's settings "
        "staff edit, no one's answers; "
        "a family reads each with its answer in `household.townQuestions` and `child.townQuestions`, and "
        "here those of an activity it is not enrolled in yet, named by a `TOWN_QUESTION` missing item).",
    )
    async def town_questions(
        self,
        info: Info,
        include_retired: Annotated[
            bool, strawberry.argument(description="Staff: the retired questions too, after the others.")
        ] = False,
    ) -> list[TownQuestion]:
        rows = await use_cases.questions(info.context.app, include_retired)
        return [TownQuestion.from_row(r) for r in rows]
