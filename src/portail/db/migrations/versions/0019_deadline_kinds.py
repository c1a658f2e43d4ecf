"""Deadlines towns use: a weekday N weeks before, day N of the previous month, and day counts that skip
chosen weekdays and/or public holidays (``portail.rules.deadlines``). Every new column's default keeps
an existing unit's deadlines as they were: one week before, no month day, nothing more skipped.

Plain ADD COLUMN (no batch): on SQLite a batch would rebuild ``unit`` and drop the catalogue version's
triggers on it (revision 0016).

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-02 00:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RULES = ("booking", "cancel")


def upgrade() -> None:
    for rule in RULES:
        op.add_column("unit", sa.Column(f"{rule}_weeks", sa.Integer(), nullable=False, server_default="1"))
        op.add_column("unit", sa.Column(f"{rule}_month_day", sa.Integer(), nullable=True))
        op.add_column(
            "unit",
            sa.Column(
                f"{rule}_skipped_weekdays",
                AutoString(length=20),
                nullable=False,
                server_default="",
            ),
        )
        op.add_column(
            "unit",
            sa.Column(f"{rule}_skips_holidays", sa.Boolean(), nullable=False, server_default=sa.false()),
        )


def downgrade() -> None:
    # Plain DROP COLUMN too (SQLite 3.35 and later), for the triggers' sake.
    for rule in RULES:
        for name in ("weeks", "month_day", "skipped_weekdays", "skips_holidays"):
            op.drop_column("unit", f"{rule}_{name}")
