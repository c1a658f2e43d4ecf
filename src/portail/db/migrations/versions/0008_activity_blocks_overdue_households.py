"""An activity may refuse new bookings to households with invoices overdue (block_overdue_days).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 13:18:02.216649
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.add_column(sa.Column("block_overdue_days", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.drop_column("block_overdue_days")
