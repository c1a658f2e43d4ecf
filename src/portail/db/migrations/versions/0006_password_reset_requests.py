"""Password reset requests, queued for the background worker.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

import portail.db.models.base

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "password_reset_request",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("email", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=False),
        sa.Column("client_address", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_at", portail.db.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("processed_at", portail.db.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("password_reset_request", schema=None) as batch_op:
        batch_op.create_index("ix_password_reset_request_client", ["client_address", "created_at"], unique=False)
        batch_op.create_index("ix_password_reset_request_due", ["processed_at", "created_at"], unique=False)
        batch_op.create_index("ix_password_reset_request_email", ["email", "created_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("password_reset_request", schema=None) as batch_op:
        batch_op.drop_index("ix_password_reset_request_email")
        batch_op.drop_index("ix_password_reset_request_due")
        batch_op.drop_index("ix_password_reset_request_client")
    op.drop_table("password_reset_request")
