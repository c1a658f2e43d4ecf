"""Enrolment groups per period (issue 15, item 2): a group may be limited to some of its activity's
periods (``enrolment_group.period_ids``, comma-separated ids; empty, as every existing group: offered
for every period).

Plain ADD COLUMN (no batch): on SQLite a batch would rebuild ``enrolment_group`` and drop the catalogue
version's triggers on it (revision 0016).

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-02 07:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0027"
down_revision: str | None = "0026"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("enrolment_group", sa.Column("period_ids", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35 and later), for the triggers' sake.
    op.drop_column("enrolment_group", "period_ids")
