"""Families register themselves: a self-registered household waits for staff; the ALTCHA challenges
already used, kept until they expire.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-01 23:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

import portail.db.models.base

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "altcha_challenge",
        sa.Column("challenge", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.Column("expires_at", portail.db.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("challenge"),
    )
    with op.batch_alter_table("altcha_challenge", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_altcha_challenge_expires_at"), ["expires_at"], unique=False)
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "awaiting_validation_since", portail.db.models.base.UTCDateTime(timezone=True), nullable=True
            )
        )
        batch_op.create_index(
            batch_op.f("ix_household_awaiting_validation_since"), ["awaiting_validation_since"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_household_awaiting_validation_since"))
        batch_op.drop_column("awaiting_validation_since")
    with op.batch_alter_table("altcha_challenge", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_altcha_challenge_expires_at"))
    op.drop_table("altcha_challenge")
