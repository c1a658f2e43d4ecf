"""Units as towns run them: linked units (``unit.requires``, ``portail.rules.linked_units``). The
default keeps every existing unit unlinked.

Plain ADD COLUMN (no batch): on SQLite a batch would rebuild ``unit`` and drop the catalogue version's
triggers on it (revision 0016).

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-02 03:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("unit", sa.Column("requires", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    # Plain DROP COLUMN too (SQLite 3.35 and later), for the triggers' sake.
    op.drop_column("unit", "requires")
