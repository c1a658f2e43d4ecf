"""Units counted in quantities (``unit.counted_in`` "quantity", ``unit.max_quantity``; a booking's
``quantity``, ``portail.rules.quantities``). Both columns nullable: older units and bookings read as
booked by the day.

Plain ADD COLUMN (no batch): on SQLite a batch would rebuild ``unit`` and drop the catalogue version's
triggers on it (revision 0016).

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-02 06:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0026"
down_revision: str | None = "0025"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("unit", sa.Column("max_quantity", sa.Integer(), nullable=True))
    op.add_column("booking", sa.Column("quantity", sa.Integer(), nullable=True))


def downgrade() -> None:
    # Plain DROP COLUMN too (SQLite 3.35 and later), for the triggers' sake.
    op.drop_column("booking", "quantity")
    op.drop_column("unit", "max_quantity")
