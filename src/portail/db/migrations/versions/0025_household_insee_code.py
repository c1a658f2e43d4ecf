"""A household's INSEE code (``household.insee_code``, the commune's "code officiel géographique"):
where the town lists its INSEE codes, it decides residence rather than the postcode, which neighbouring
communes may share (``portail.rules.booking_windows.is_resident``). Nullable: households stored before
have none and stay decided by their postcode.

Plain ADD COLUMN (no batch), as for every column added to a table the catalogue's triggers may watch.

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-02 06:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString

revision: str = "0025"
down_revision: str | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("household", sa.Column("insee_code", AutoString(length=5), nullable=True))


def downgrade() -> None:
    op.drop_column("household", "insee_code")
