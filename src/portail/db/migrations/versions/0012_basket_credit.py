"""Cancelling a paid day through the basket, as a credit ("avoir").

An activity's ``paid_cancellation`` ("credit": a paid day cancelled in time waits in the basket and,
once validated, its price is credited; "keep": cancelled at once, the price kept); a booking's
``cancel_held`` (its cancellation waits in the basket); a credit note's ``credit_left`` (what is still
to deduct from the household's next payments to the regie); a payment's ``credit_used`` (the credit
deducted from what PayFiP collects).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 17:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "paid_cancellation",
                sqlmodel.sql.sqltypes.AutoString(length=10),
                server_default="credit",
                nullable=False,
            )
        )
    with op.batch_alter_table("booking", schema=None) as batch_op:
        batch_op.add_column(sa.Column("cancel_held", sa.Boolean(), server_default=sa.false(), nullable=False))
    with op.batch_alter_table("invoice", schema=None) as batch_op:
        batch_op.add_column(sa.Column("credit_left", sa.Integer(), server_default="0", nullable=False))
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("credit_used", sa.Integer(), server_default="0", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.drop_column("credit_used")
    with op.batch_alter_table("invoice", schema=None) as batch_op:
        batch_op.drop_column("credit_left")
    with op.batch_alter_table("booking", schema=None) as batch_op:
        batch_op.drop_column("cancel_held")
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.drop_column("paid_cancellation")
