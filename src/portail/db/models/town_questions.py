"""The town's own questions on the records, and the families' answers (no schema change to add one)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Index, Text
from sqlmodel import Field, SQLModel

from portail.db.models.base import created_at_field, id_field


class TownQuestion(SQLModel, table=True):
    """A question staff ask on the household or on each child, in its current wording.

    The id stays the same through the versions: changing the wording (label or choices) raises
    ``version``, and each answer keeps the version (and the label) it answered.
    """

    __tablename__ = "town_question"

    id: uuid.UUID = id_field()
    # "household": once per household; "child": for each child.
    scope: str = Field(max_length=10)
    # text, yes_no, choice, number, date, file
    kind: str = Field(max_length=10)
    label: str = Field(max_length=300)
    help: str = Field(default="", sa_type=Text)
    # A JSON list of strings, for the choice kind.
    choices: str = Field(default="[]", sa_type=Text)
    required: bool = False
    # Asked only of the families with a child enrolled (or asking to be) in this activity.
    activity_id: uuid.UUID | None = Field(default=None, foreign_key="activity.id", index=True)
    position: int = 0
    version: int = 1
    active: bool = True
    created_at: datetime = created_at_field()


class TownAnswer(SQLModel, table=True):
    """A family's dated answer to one version of a town question (the latest one counts)."""

    __tablename__ = "town_answer"
    __table_args__ = (Index("ix_town_answer_question", "question_id", "answered_at"),)

    id: uuid.UUID = id_field()
    question_id: uuid.UUID = Field(foreign_key="town_question.id")
    version: int
    # The wording answered, so that an answer reads as it was given after the question changed.
    label: str = Field(default="", max_length=300)
    household_id: uuid.UUID = Field(foreign_key="household.id", index=True)
    child_id: uuid.UUID | None = Field(default=None, foreign_key="child.id", index=True)
    # The value as text: "oui"/"non", an ISO date, a number, a choice, or a document's id.
    value: str = Field(default="", sa_type=Text)
    answered_by: uuid.UUID = Field(foreign_key="account.id")
    answered_at: datetime = created_at_field()
