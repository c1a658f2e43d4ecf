"""Late bookings at a unit's late price, and late cancellations charged all the same.

A unit's ``late_price`` (cents; null: no late booking); a booking's ``booked_late`` (booked past the
deadline, at that price) and ``cancelled_late`` (cancelled past the deadline where the activity
charges late cancellations: still invoiced). The activity's ``late_cancellation`` takes "charge".

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 17:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("unit", schema=None) as batch_op:
        batch_op.add_column(sa.Column("late_price", sa.Integer(), nullable=True))
    with op.batch_alter_table("booking", schema=None) as batch_op:
        batch_op.add_column(sa.Column("booked_late", sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(
            sa.Column("cancelled_late", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("booking", schema=None) as batch_op:
        batch_op.drop_column("cancelled_late")
        batch_op.drop_column("booked_late")
    with op.batch_alter_table("unit", schema=None) as batch_op:
        batch_op.drop_column("late_price")
