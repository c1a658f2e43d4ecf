"""The town's own questions (issue 15, item 3): staff define them (on the household or on each child,
for every family or for one activity's), families answer them in their records, the checklist and the
enrolments count them. The rules of values and versions: ``portail.rules.town_questions``."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlmodel import col, select

from portail.db.models import Activity, Document, TownAnswer, TownQuestion
from portail.resolvers.audit import audit_change
from portail.resolvers.context import RequestContext
from portail.resolvers.errors import ErrorCode, UserErrors
from portail.resolvers.records import HouseholdRecord, child_of, forget_record, household_for
from portail.resolvers.town_answers import active_questions, asked, choices_of, forget_questions
from portail.resolvers.validation import Validator
from portail.rules import town_questions as rules

AUDIT_ENTITY = "town_question"
MAX_POSITION = 10_000


def _problem(v: Validator, name: str, problem: rules.Problem | None) -> None:
    if problem is not None:
        v.add(name, ErrorCode[problem.code], problem.message)


# ---------------------------------------------------------------------------------------------
# Staff: the questions


@dataclass(frozen=True)
class QuestionData:
    """A question's settings as staff send them; None: unchanged (on update) or the default."""

    label: str | None = None
    help: str | None = None
    choices: list[str] | None = None
    required: bool | None = None
    # ``clear_activity``: asked of every family again.
    activity_id: uuid.UUID | None = None
    clear_activity: bool = False
    position: int | None = None


async def questions(ctx: RequestContext, include_retired: bool) -> list[TownQuestion]:
    """The town's questions in their order; staff may ask for the retired ones too."""
    if not (include_retired and ctx.viewer is not None and ctx.viewer.is_staff):
        return await active_questions(ctx)
    query = select(TownQuestion).order_by(
        col(TownQuestion.active).desc(), col(TownQuestion.position), col(TownQuestion.created_at)
    )
    return list((await ctx.session.exec(query)).all())


async def _check(
    ctx: RequestContext, v: Validator, kind: str, data: QuestionData, current: TownQuestion | None
) -> dict[str, Any]:
    """The settings of ``data`` checked (field-named errors in ``v``), as column values."""
    values: dict[str, Any] = {}
    if data.label is not None or current is None:
        values["label"] = v.text("label", data.label or "", max_length=rules.MAX_LABEL, required=True)
    if data.help is not None:
        values["help"] = v.text("help", data.help, max_length=rules.MAX_HELP, multiline=True)
    if data.choices is not None or current is None:
        choices = [v.text(f"choices.{i}", c, max_length=1000) for i, c in enumerate(data.choices or [])]
        _problem(v, "choices", rules.choices_problem(kind, choices))
        values["choices"] = json.dumps(choices, ensure_ascii=False)
    if data.required is not None:
        values["required"] = data.required
    if data.position is not None:
        if not 0 <= data.position <= MAX_POSITION:
            v.add("position", ErrorCode.INVALID, f"Entre 0 et {MAX_POSITION}.")
        values["position"] = data.position
    if data.clear_activity:
        values["activity_id"] = None
    elif data.activity_id is not None:
        if await ctx.session.get(Activity, data.activity_id) is None:
            v.add("activityId", ErrorCode.NOT_FOUND, "Cet accueil n'existe pas.")
        values["activity_id"] = data.activity_id
    return values


_AUDITED = {
    "label": "label",
    "help": "help",
    "choices": "choices",
    "required": "required",
    "activity_id": "activityId",
    "position": "position",
    "version": "version",
    "active": "active",
}


def _audit_settings(ctx: RequestContext, row: TownQuestion, before: dict[str, Any]) -> None:
    """One audit entry per setting that changed (a new question: from nothing)."""
    for name, field_name in _AUDITED.items():
        old, new = before.get(name), getattr(row, name)
        if old == new:
            continue
        audit_change(ctx, AUDIT_ENTITY, row.id, field_name, _shown(old), _shown(new))


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    return str(value)


async def create_question(ctx: RequestContext, scope: str, kind: str, data: QuestionData) -> TownQuestion:
    """A new question, asked at once (version 1)."""
    v = Validator()
    values = await _check(ctx, v, kind, data, None)
    v.raise_if_any()
    row = TownQuestion(scope=scope, kind=kind, **values)
    ctx.session.add(row)
    await ctx.session.flush()
    _audit_settings(ctx, row, {})
    forget_questions(ctx)
    return row


async def _question(ctx: RequestContext, question_id: uuid.UUID | None) -> TownQuestion:
    row = await ctx.session.get(TownQuestion, question_id, with_for_update=True) if question_id else None
    if row is None:
        raise UserErrors.one("id", ErrorCode.NOT_FOUND, "Cette question n'existe pas.")
    return row


async def update_question(
    ctx: RequestContext, question_id: uuid.UUID | None, data: QuestionData
) -> TownQuestion:
    """Change a question's settings (partial); a new wording (label or choices) is a new version."""
    row = await _question(ctx, question_id)
    if not row.active:
        raise UserErrors.one("id", ErrorCode.NOT_FOUND, "Cette question a été retirée.")
    v = Validator()
    values = await _check(ctx, v, row.kind, data, row)
    v.raise_if_any()
    before = {name: getattr(row, name) for name in _AUDITED}
    if rules.wording_changed(
        row.label,
        choices_of(row),
        values.get("label", row.label),
        json.loads(values.get("choices", row.choices)),
    ):
        values["version"] = row.version + 1
    for name, value in values.items():
        setattr(row, name, value)
    ctx.session.add(row)
    _audit_settings(ctx, row, before)
    forget_questions(ctx)
    return row


async def retire_question(ctx: RequestContext, question_id: uuid.UUID | None) -> TownQuestion:
    """The question is no longer asked; its answers stay (in the personal data, and in the audit)."""
    row = await _question(ctx, question_id)
    if not row.active:
        raise UserErrors.one("id", ErrorCode.NOT_FOUND, "Cette question a déjà été retirée.")
    before = {name: getattr(row, name) for name in _AUDITED}
    row.active = False
    ctx.session.add(row)
    _audit_settings(ctx, row, before)
    forget_questions(ctx)
    return row


# ---------------------------------------------------------------------------------------------
# Families: the questions in the records, and their answers


@dataclass(frozen=True)
class QuestionAnswer:
    """A question asked of the household or of a child, with the latest answer to it (whatever its
    version) and whether that answer answers the question as it reads now."""

    question: TownQuestion
    answer: TownAnswer | None

    @property
    def up_to_date(self) -> bool:
        return rules.up_to_date(asked(self.question), self.answer.version if self.answer else None)


def question_answers(record: HouseholdRecord, child_id: uuid.UUID | None) -> list[QuestionAnswer]:
    """The questions asked of the child (None: of the household) and their answers, in their order
    (``record`` from ``load_full_record``)."""
    town = record.extras.town
    return [QuestionAnswer(q, town.answers.get((q.id, child_id))) for q in town.asked_of(child_id)]


async def answer_questions(
    ctx: RequestContext, child_id: uuid.UUID | None, answers: list[tuple[uuid.UUID | None, str]]
) -> uuid.UUID:
    """Record the family's answers (several at once): a child's questions with ``child_id``, else the
    household's. Any error: nothing is written. An unchanged answer writes nothing either."""
    if child_id is not None:
        child, hid = await child_of(ctx, child_id)
        scope, target = rules.CHILD, child.id
    else:
        hid, scope, target = await household_for(ctx, None), rules.HOUSEHOLD, None
    assert ctx.viewer is not None
    v = Validator()
    by_id = {q.id: q for q in await active_questions(ctx)}
    cleaned: list[tuple[TownQuestion, str]] = []
    seen: set[uuid.UUID] = set()
    for i, (question_id, raw) in enumerate(answers):
        question = by_id.get(question_id) if question_id else None
        if question is None or question.scope != scope:
            v.add(f"answers.{i}.questionId", ErrorCode.NOT_FOUND, "Cette question n'existe pas.")
            continue
        if question.id in seen:
            v.add(f"answers.{i}.questionId", ErrorCode.INVALID, "Cette question est déjà dans la liste.")
            continue
        seen.add(question.id)
        value, problem = rules.clean_value(question.kind, choices_of(question), question.required, raw)
        _problem(v, f"answers.{i}.value", problem)
        if (
            problem is None
            and value
            and question.kind == rules.FILE
            and not await _own_document(ctx, hid, target, uuid.UUID(value))
        ):
            v.add(f"answers.{i}.value", ErrorCode.NOT_FOUND, "Ce document n'existe pas.")
        cleaned.append((question, value))
    if not answers:
        v.add("answers", ErrorCode.REQUIRED, "Aucune réponse.")
    v.raise_if_any()
    record_answers = await _latest(ctx, hid, target, [q.id for q, _ in cleaned])
    now = ctx.now()
    for question, value in cleaned:
        previous = record_answers.get(question.id)
        if previous is not None and previous.version == question.version and previous.value == value:
            continue
        ctx.session.add(
            TownAnswer(
                question_id=question.id,
                version=question.version,
                label=question.label,
                household_id=hid,
                child_id=target,
                value=value,
                answered_by=ctx.viewer.account.id,
                answered_at=now,
            )
        )
        audit_change(
            ctx,
            AUDIT_ENTITY,
            question.id,
            f"v{question.version}",
            previous.value if previous else "",
            value,
            household_id=hid,
            child_id=target,
        )
    forget_record(ctx, hid)
    return hid


async def _own_document(
    ctx: RequestContext, household_id: uuid.UUID, child_id: uuid.UUID | None, document_id: uuid.UUID
) -> bool:
    """Whether the document was handed in by this household (for this child, or for the household)."""
    document = await ctx.session.get(Document, document_id)
    return (
        document is not None
        and document.household_id == household_id
        and (child_id is None or document.child_id in (None, child_id))
    )


async def _latest(
    ctx: RequestContext, household_id: uuid.UUID, child_id: uuid.UUID | None, question_ids: list[uuid.UUID]
) -> dict[uuid.UUID, TownAnswer]:
    """The latest answer to each question (a child's: from any household, as the records read them)."""
    if not question_ids:
        return {}
    query = select(TownAnswer).where(col(TownAnswer.question_id).in_(question_ids))
    if child_id is None:
        query = query.where(TownAnswer.household_id == household_id, col(TownAnswer.child_id).is_(None))
    else:
        query = query.where(TownAnswer.child_id == child_id)
    rows = (await ctx.session.exec(query.order_by(col(TownAnswer.answered_at), col(TownAnswer.id)))).all()
    return {row.question_id: row for row in rows}  # oldest first: the latest wins


def blocking_questions(
    record: HouseholdRecord, child_id: uuid.UUID, activity_id: uuid.UUID
) -> list[TownQuestion]:
    """The required questions (the household's and the child's) that keep the child from an enrolment
    in ``activity_id`` until answered in their current version (``record`` from ``load_full_record``)."""
    town = record.extras.town
    found = []
    for scope, who in ((rules.HOUSEHOLD, None), (rules.CHILD, child_id)):
        by_id = {q.id: q for q in town.questions if q.scope == scope}
        ids = rules.blocking([asked(q) for q in by_id.values()], town.answered(who), activity_id)
        found += [by_id[i] for i in ids]
    return found
