"""A regie's invoice-number prefix ("CAM-2027-000012").

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 14:05:16.071078
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("regie", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "invoice_prefix",
                sqlmodel.sql.sqltypes.AutoString(length=10),
                server_default="",
                nullable=False,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("regie", schema=None) as batch_op:
        batch_op.drop_column("invoice_prefix")
