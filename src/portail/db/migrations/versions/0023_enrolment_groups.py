"""Enrolments the town runs per activity (issue 15, item 2): an enrolment window (activity, and the
period's own bounds), the activity's groups with their places, a capacity without groups, a waiting
line, and the consents an activity requires.

Plain ADD COLUMN (no batch) on the catalogue's tables: on SQLite a batch would rebuild them and drop
the catalogue version's triggers (revision 0016). The new ``enrolment_group`` is a catalogue table: its
triggers are created here (``ensure_triggers`` would too, after any upgrade).

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-02 03:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString

from portail.db.catalogue_version import drop_statements, trigger_statements
from portail.db.models.base import UTCDateTime

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GROUP_TABLES = ("enrolment_group",)


def upgrade() -> None:
    op.create_table(
        "enrolment_group",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("activity_id", sa.Uuid(), nullable=False),
        sa.Column("name", AutoString(length=100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["activity_id"], ["activity.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_enrolment_group_activity_id", "enrolment_group", ["activity_id"])
    op.add_column(
        "activity",
        sa.Column("required_consents", AutoString(length=300), nullable=False, server_default=""),
    )
    for table in ("activity", "period"):
        op.add_column(table, sa.Column("enrolment_opens_at", UTCDateTime(), nullable=True))
        op.add_column(table, sa.Column("enrolment_closes_at", UTCDateTime(), nullable=True))
    op.add_column("activity", sa.Column("enrolment_capacity", sa.Integer(), nullable=True))
    op.add_column(
        "activity",
        sa.Column("enrolment_when_full", AutoString(length=15), nullable=False, server_default="refuse"),
    )
    # ``enrolment`` is no catalogue table: a batch (a rebuild on SQLite, for the foreign key) is fine.
    with op.batch_alter_table("enrolment") as batch:
        batch.add_column(sa.Column("group_id", sa.Uuid(), nullable=True))
        batch.create_foreign_key("fk_enrolment_group_id", "enrolment_group", ["group_id"], ["id"])
        batch.create_index("ix_enrolment_group_id", ["group_id"])
    for statement in trigger_statements(op.get_bind().dialect.name, GROUP_TABLES):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_statements(op.get_bind().dialect.name, GROUP_TABLES, function=False):
        op.execute(statement)
    with op.batch_alter_table("enrolment") as batch:
        batch.drop_index("ix_enrolment_group_id")
        batch.drop_constraint("fk_enrolment_group_id", type_="foreignkey")
        batch.drop_column("group_id")
    # Plain DROP COLUMN on the catalogue's tables (SQLite 3.35 and later), for the triggers' sake.
    for name in ("required_consents", "enrolment_capacity", "enrolment_when_full"):
        op.drop_column("activity", name)
    for table in ("activity", "period"):
        op.drop_column(table, "enrolment_opens_at")
        op.drop_column(table, "enrolment_closes_at")
    op.drop_index("ix_enrolment_group_activity_id", table_name="enrolment_group")
    op.drop_table("enrolment_group")
