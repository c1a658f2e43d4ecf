"""The catalogue's version, moved by triggers on its tables: processes keep the catalogue between
requests and check it with one statement (``portail.db.catalogue_version``).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-01 23:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from portail.db.catalogue_version import TABLE, drop_statements, trigger_statements

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The catalogue's tables at this revision (later revisions add theirs).
TABLES = ("regie", "facility", "activity", "period", "unit", "period_day")


def upgrade() -> None:
    version = op.create_table(
        TABLE,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.bulk_insert(version, [{"id": 1, "version": 0}])
    for statement in trigger_statements(op.get_bind().dialect.name, TABLES):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_statements(op.get_bind().dialect.name, TABLES):
        op.execute(statement)
    op.drop_table(TABLE)
