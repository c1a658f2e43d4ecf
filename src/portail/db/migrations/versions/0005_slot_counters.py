"""Slot counters: places held and bookings waiting per unit and day, on the slot rows.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 09:25:53.103583
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Counted from the bookings already there (the states as of this revision). SQLite needs the
# "WHERE true" to read ON CONFLICT as the upsert's and not as part of the SELECT's join.
BACKFILL = """
INSERT INTO slot_lock (unit_id, day, held, waiting)
SELECT unit_id, day,
       SUM(CASE WHEN state IN ('pending', 'accepted', 'cancellation_requested') THEN 1 ELSE 0 END),
       SUM(CASE WHEN state = 'waiting' THEN 1 ELSE 0 END)
FROM booking WHERE true
GROUP BY unit_id, day
ON CONFLICT (unit_id, day) DO UPDATE SET held = excluded.held, waiting = excluded.waiting
"""


def upgrade() -> None:
    with op.batch_alter_table("slot_lock", schema=None) as batch_op:
        batch_op.add_column(sa.Column("held", sa.Integer(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("waiting", sa.Integer(), server_default="0", nullable=False))
    op.execute(BACKFILL)


def downgrade() -> None:
    with op.batch_alter_table("slot_lock", schema=None) as batch_op:
        batch_op.drop_column("waiting")
        batch_op.drop_column("held")
