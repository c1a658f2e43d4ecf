"""When bookings open, and for whom: a period's opening (for everyone, or per group of households), its
close, its read-only date and intro text; a unit's out-of-town tariff; a household's category and the
suspension of its online bookings. Every default keeps what was: always open, no category, not suspended.

Plain ADD COLUMN (no batch): on SQLite a batch would rebuild ``period`` and drop the catalogue version's
triggers on it (revision 0016).

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-02 03:00:00
"""

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString

import portail.db.models.base

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _moment(name: str) -> sa.Column[datetime]:
    return sa.Column(name, portail.db.models.base.UTCDateTime(timezone=True), nullable=True)


def upgrade() -> None:
    op.add_column("period", _moment("booking_opens_at"))
    op.add_column("period", sa.Column("booking_openings", sa.Text(), nullable=False, server_default="[]"))
    op.add_column(
        "period", sa.Column("booking_groups_only", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    op.add_column("period", _moment("booking_closes_at"))
    op.add_column("period", _moment("booking_read_only_from"))
    op.add_column("period", sa.Column("booking_intro", sa.Text(), nullable=False, server_default=""))
    op.add_column("unit", sa.Column("non_resident_tariff", sa.Text(), nullable=True))
    op.add_column(
        "household", sa.Column("booking_category", AutoString(length=30), nullable=False, server_default="")
    )
    op.add_column("household", _moment("booking_suspended_at"))
    op.add_column(
        "household",
        sa.Column("booking_suspension_reason", AutoString(length=500), nullable=False, server_default=""),
    )


def downgrade() -> None:
    # Plain DROP COLUMN too (SQLite 3.35 and later), for the triggers' sake.
    op.drop_column("unit", "non_resident_tariff")
    for name in ("booking_category", "booking_suspended_at", "booking_suspension_reason"):
        op.drop_column("household", name)
    for name in (
        "booking_opens_at",
        "booking_openings",
        "booking_groups_only",
        "booking_closes_at",
        "booking_read_only_from",
        "booking_intro",
    ):
        op.drop_column("period", name)
