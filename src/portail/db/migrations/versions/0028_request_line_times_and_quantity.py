"""A request's line keeps what it asked of a unit counted in hours or quantities (``booking_line.arrival``,
``departure``, ``quantity``): the booking holds only its latest times or quantity, and the history and
staff's queue show each line as it was asked. Nullable: older lines (and lines of units booked by the
day) have none.

Plain ADD COLUMN: ``booking_line`` is no catalogue table, but a batch rebuild is never needed here.

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-02 07:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0028"
down_revision: str | None = "0027"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("booking_line", sa.Column("arrival", sa.Time(), nullable=True))
    op.add_column("booking_line", sa.Column("departure", sa.Time(), nullable=True))
    op.add_column("booking_line", sa.Column("quantity", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("booking_line", "quantity")
    op.drop_column("booking_line", "departure")
    op.drop_column("booking_line", "arrival")
