"""The town's own questions on the household and on each child, and the families' answers: adding a
question is a row, not a schema change.

New tables only: nothing of the catalogue is rebuilt (the triggers of revision 0016 stay).

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-02 03:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

import portail.db.models.base

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "town_question",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("scope", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("label", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("help", sa.Text(), nullable=False),
        sa.Column("choices", sa.Text(), nullable=False),
        sa.Column("required", sa.Boolean(), nullable=False),
        sa.Column("activity_id", sa.Uuid(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", portail.db.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["activity_id"], ["activity.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_town_question_activity_id", "town_question", ["activity_id"], unique=False)
    op.create_table(
        "town_answer",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("question_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("label", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("household_id", sa.Uuid(), nullable=False),
        sa.Column("child_id", sa.Uuid(), nullable=True),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("answered_by", sa.Uuid(), nullable=False),
        sa.Column("answered_at", portail.db.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["question_id"], ["town_question.id"]),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"]),
        sa.ForeignKeyConstraint(["child_id"], ["child.id"]),
        sa.ForeignKeyConstraint(["answered_by"], ["account.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_town_answer_question", "town_answer", ["question_id", "answered_at"], unique=False)
    op.create_index("ix_town_answer_household_id", "town_answer", ["household_id"], unique=False)
    op.create_index("ix_town_answer_child_id", "town_answer", ["child_id"], unique=False)


def downgrade() -> None:
    op.drop_table("town_answer")
    op.drop_table("town_question")
