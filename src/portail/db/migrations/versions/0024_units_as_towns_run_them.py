"""Units as towns run them: linked units (``unit.requires``, ``portail.rules.linked_units``) and units
counted in hours (``unit.counted_in``, opening hours and step; a booking's arrival and departure,
``portail.rules.hours``), and events (``unit.event_dates``, ``unit.per_child_cap``,
``portail.rules.events``). The defaults keep every existing unit unlinked, booked by the day, any day
its period runs, uncapped.

Plain ADD COLUMN (no batch): on SQLite a batch would rebuild ``unit`` and drop the catalogue version's
triggers on it (revision 0016).

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-02 03:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("unit", sa.Column("requires", sa.Text(), nullable=False, server_default=""))
    op.add_column("unit", sa.Column("counted_in", AutoString(length=10), nullable=False, server_default="days"))
    op.add_column("unit", sa.Column("opens_at", sa.Time(), nullable=True))
    op.add_column("unit", sa.Column("closes_at", sa.Time(), nullable=True))
    op.add_column("unit", sa.Column("step_minutes", sa.Integer(), nullable=False, server_default="15"))
    op.add_column("unit", sa.Column("event_dates", sa.Text(), nullable=False, server_default=""))
    op.add_column("unit", sa.Column("per_child_cap", sa.Integer(), nullable=True))
    op.add_column("booking", sa.Column("arrival", sa.Time(), nullable=True))
    op.add_column("booking", sa.Column("departure", sa.Time(), nullable=True))


def downgrade() -> None:
    # Plain DROP COLUMN too (SQLite 3.35 and later), for the triggers' sake.
    for name in ("arrival", "departure"):
        op.drop_column("booking", name)
    for name in ("requires", "counted_in", "opens_at", "closes_at", "step_minutes", "event_dates", "per_child_cap"):
        op.drop_column("unit", name)
