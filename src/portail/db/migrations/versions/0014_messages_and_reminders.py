"""Messages between families and the service, notification preferences, reminders sent.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

import portail.db.models.base

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC = portail.db.models.base.UTCDateTime


def _text(length: int) -> sqlmodel.sql.sqltypes.AutoString:
    return sqlmodel.sql.sqltypes.AutoString(length=length)


def upgrade() -> None:
    op.create_table(
        "message_thread",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("household_id", sa.Uuid(), nullable=False),
        sa.Column("child_id", sa.Uuid(), nullable=True),
        sa.Column("topic", _text(20), nullable=False),
        sa.Column("subject", _text(200), nullable=False),
        sa.Column("started_by", sa.Uuid(), nullable=False),
        sa.Column("created_at", UTC(timezone=True), nullable=False),
        sa.Column("last_message_at", UTC(timezone=True), nullable=False),
        sa.Column("family_unread", sa.Integer(), nullable=False),
        sa.Column("staff_unread", sa.Integer(), nullable=False),
        sa.Column("closed_at", UTC(timezone=True), nullable=True),
        sa.Column("closed_by", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"]),
        sa.ForeignKeyConstraint(["child_id"], ["child.id"]),
        sa.ForeignKeyConstraint(["started_by"], ["account.id"]),
        sa.ForeignKeyConstraint(["closed_by"], ["account.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("message_thread", schema=None) as batch_op:
        batch_op.create_index(
            "ix_message_thread_household", ["household_id", "last_message_at"], unique=False
        )
        batch_op.create_index("ix_message_thread_inbox", ["last_message_at"], unique=False)
    op.create_table(
        "message",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("thread_id", sa.Uuid(), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=False),
        sa.Column("from_staff", sa.Boolean(), nullable=False),
        sa.Column("body", _text(5000), nullable=False),
        sa.Column("created_at", UTC(timezone=True), nullable=False),
        sa.Column("read_at", UTC(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["thread_id"], ["message_thread.id"]),
        sa.ForeignKeyConstraint(["author_id"], ["account.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("message", schema=None) as batch_op:
        batch_op.create_index("ix_message_thread", ["thread_id", "created_at"], unique=False)
    op.create_table(
        "message_attachment",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("message_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("filename", _text(200), nullable=False),
        sa.Column("content_type", _text(50), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", _text(64), nullable=False),
        sa.Column("storage_key", _text(100), nullable=False),
        sa.ForeignKeyConstraint(["message_id"], ["message.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("message_attachment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_message_attachment_message_id"), ["message_id"], unique=False)
    op.create_table(
        "notification_preference",
        sa.Column("household_id", sa.Uuid(), nullable=False),
        sa.Column("kind", _text(30), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("updated_at", UTC(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"]),
        sa.PrimaryKeyConstraint("household_id", "kind"),
    )
    op.create_table(
        "reminder_sent",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("household_id", sa.Uuid(), nullable=False),
        sa.Column("kind", _text(30), nullable=False),
        sa.Column("subject_id", sa.Uuid(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("sent_at", UTC(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("household_id", "kind", "subject_id", "due_date", name="uq_reminder_sent"),
    )


def downgrade() -> None:
    op.drop_table("reminder_sent")
    op.drop_table("notification_preference")
    with op.batch_alter_table("message_attachment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_message_attachment_message_id"))
    op.drop_table("message_attachment")
    with op.batch_alter_table("message", schema=None) as batch_op:
        batch_op.drop_index("ix_message_thread")
    op.drop_table("message")
    with op.batch_alter_table("message_thread", schema=None) as batch_op:
        batch_op.drop_index("ix_message_thread_inbox")
        batch_op.drop_index("ix_message_thread_household")
    op.drop_table("message_thread")
