"""Reading the town's questions and a batch of households' answers, for the records: the questions
once per request, then two statements for the whole batch (the answers, and the activities the
children are enrolled in or ask to be), whatever its size.

Kept apart from ``records`` (which calls it while loading a record's extras) and from the use cases of
``town_questions`` (which read the records), so that neither imports the other in a circle.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlmodel import col, select

from portail.db.models import Enrolment, Period, TownAnswer, TownQuestion
from portail.resolvers.context import RequestContext
from portail.resolvers.memo import memo
from portail.rules import town_questions as rules

# Enrolments that make a child concerned by an activity's questions (asked or accepted).
CONCERNED_STATES = ("pending", "accepted")


async def active_questions(ctx: RequestContext) -> list[TownQuestion]:
    """The questions the town asks now, in their order, read once per request."""

    async def load() -> list[TownQuestion]:
        query = (
            select(TownQuestion)
            .where(col(TownQuestion.active))
            .order_by(col(TownQuestion.position), col(TownQuestion.created_at), col(TownQuestion.id))
        )
        return list((await ctx.session.exec(query)).all())

    return await memo(ctx, ("town_questions",), load)


def forget_questions(ctx: RequestContext) -> None:
    ctx.cache.pop(("town_questions",), None)


def choices_of(question: TownQuestion) -> list[str]:
    return list(json.loads(question.choices or "[]"))


def asked(question: TownQuestion) -> rules.Asked:
    return rules.Asked(question.id, question.scope, question.required, question.version, question.activity_id)


@dataclass
class TownAnswers:
    """A household's side of the town's questions: the questions, the latest answer to each (per child
    for a child's question) and the activities each child is concerned by."""

    questions: list[TownQuestion]
    # The latest answer per (question, child or None for the household's questions).
    answers: dict[tuple[uuid.UUID, uuid.UUID | None], TownAnswer] = field(default_factory=dict)
    activities: dict[uuid.UUID, set[uuid.UUID]] = field(default_factory=dict)

    def child_activities(self, child_id: uuid.UUID) -> set[uuid.UUID]:
        return self.activities.get(child_id, set())

    def household_activities(self) -> set[uuid.UUID]:
        return {a for found in self.activities.values() for a in found}

    def answered(self, child_id: uuid.UUID | None) -> dict[uuid.UUID, int]:
        """The version of the latest answer to each question, for the child (None: the household)."""
        return {q: a.version for (q, c), a in self.answers.items() if c == child_id}

    def asked_of(self, child_id: uuid.UUID | None) -> list[TownQuestion]:
        """The questions asked of the child (None: of the household), in their order."""
        scope = rules.HOUSEHOLD if child_id is None else rules.CHILD
        activities = self.household_activities() if child_id is None else self.child_activities(child_id)
        return [q for q in self.questions if q.scope == scope and rules.asked_of(asked(q), activities)]

    def missing(self, child_id: uuid.UUID | None) -> list[TownQuestion]:
        """The required questions asked of the child (or the household) without a current answer."""
        scope = rules.HOUSEHOLD if child_id is None else rules.CHILD
        activities = self.household_activities() if child_id is None else self.child_activities(child_id)
        by_id = {q.id: q for q in self.questions}
        ids = rules.missing(
            [asked(q) for q in self.questions if q.scope == scope], self.answered(child_id), activities
        )
        return [by_id[i] for i in ids]


async def load_town_answers(
    ctx: RequestContext, children_of: dict[uuid.UUID, Sequence[uuid.UUID]]
) -> dict[uuid.UUID, TownAnswers]:
    """Each household's (``children_of``: household id → its children's ids) questions and answers.

    A child's answers are the child's whichever household gave them (separated parents share them, as
    they share consents); a household's answers are its own.
    """
    questions = await active_questions(ctx)
    found = {hid: TownAnswers(questions) for hid in children_of}
    if not questions or not children_of:
        return found
    child_ids = list({c for ids in children_of.values() for c in ids})
    condition = col(TownAnswer.household_id).in_(list(children_of)) & col(TownAnswer.child_id).is_(None)
    if child_ids:
        condition = condition | col(TownAnswer.child_id).in_(child_ids)
    latest: dict[tuple[uuid.UUID, uuid.UUID | None], list[TownAnswer]] = defaultdict(list)
    for answer in (
        await ctx.session.exec(
            select(TownAnswer)
            .where(condition)
            .where(col(TownAnswer.question_id).in_([q.id for q in questions]))
            .order_by(col(TownAnswer.answered_at), col(TownAnswer.id))
        )
    ).all():
        latest[(answer.question_id, answer.child_id)].append(answer)
    activities: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    if child_ids and any(q.activity_id for q in questions):
        for enrolled, activity_id in (
            await ctx.session.exec(
                select(Enrolment.child_id, Period.activity_id)
                .join(Period, col(Period.id) == Enrolment.period_id)
                .where(col(Enrolment.child_id).in_(child_ids))
                .where(col(Enrolment.state).in_(CONCERNED_STATES))
            )
        ).all():
            activities[enrolled].add(activity_id)
    for hid, ids in children_of.items():
        target = found[hid]
        target.activities = {c: activities.get(c, set()) for c in ids}
        for (question_id, child_id), answers in latest.items():
            if child_id is None:
                own = [a for a in answers if a.household_id == hid]
                if own:
                    target.answers[(question_id, None)] = own[-1]  # oldest first: the latest wins
            elif child_id in ids:
                target.answers[(question_id, child_id)] = answers[-1]
    return found
