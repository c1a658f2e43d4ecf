"""Private, revocable links to a household's planning as an iCalendar feed; when a household was
anonymised.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01 20:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

import portail.db.models.base

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "calendar_feed",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("household_id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("token_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_at", portail.db.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", portail.db.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"]),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("calendar_feed", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_calendar_feed_account_id"), ["account_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_calendar_feed_household_id"), ["household_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_calendar_feed_token_hash"), ["token_hash"], unique=True)
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("anonymised_at", portail.db.models.base.UTCDateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.drop_column("anonymised_at")
    with op.batch_alter_table("calendar_feed", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_calendar_feed_token_hash"))
        batch_op.drop_index(batch_op.f("ix_calendar_feed_household_id"))
        batch_op.drop_index(batch_op.f("ix_calendar_feed_account_id"))
    op.drop_table("calendar_feed")
