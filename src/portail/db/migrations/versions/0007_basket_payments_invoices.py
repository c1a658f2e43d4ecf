"""The money side: basket entries, payments and what they cover, invoices and their lines; regies'
PayFiP mode, basket hold time and payment terms; longer counter names (one invoice counter per regie
and year).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 12:07:57.604469
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

import portail.db.models.base

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "invoice",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("regie_id", sa.Uuid(), nullable=False),
        sa.Column("household_id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("origin", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("month", sqlmodel.sql.sqltypes.AutoString(length=7), nullable=False),
        sa.Column("issued_at", portail.db.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("paid", sa.Integer(), nullable=False),
        sa.Column("state", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("cancels_id", sa.Uuid(), nullable=True),
        sa.Column("cancelled_by_id", sa.Uuid(), nullable=True),
        sa.Column("billed_name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("billed_address", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("issued_by", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["cancelled_by_id"],
            ["invoice.id"],
        ),
        sa.ForeignKeyConstraint(
            ["cancels_id"],
            ["invoice.id"],
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
        ),
        sa.ForeignKeyConstraint(
            ["issued_by"],
            ["account.id"],
        ),
        sa.ForeignKeyConstraint(
            ["regie_id"],
            ["regie.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("regie_id", "year", "number", name="uq_invoice_regie_year_number"),
    )
    with op.batch_alter_table("invoice", schema=None) as batch_op:
        batch_op.create_index("ix_invoice_household", ["household_id", "issued_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_invoice_state"), ["state"], unique=False)
        batch_op.create_index(
            "uq_invoice_monthly",
            ["household_id", "regie_id", "month"],
            unique=True,
            sqlite_where=sa.text("origin = 'monthly'"),
            postgresql_where=sa.text("origin = 'monthly'"),
        )

    op.create_table(
        "payment",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("household_id", sa.Uuid(), nullable=False),
        sa.Column("regie_id", sa.Uuid(), nullable=False),
        sa.Column("purpose", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("method", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("state", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("refdet", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.Column("idop", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("payer_email", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=False),
        sa.Column("created_at", portail.db.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("decided_at", portail.db.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("result", sqlmodel.sql.sqltypes.AutoString(length=1), nullable=False),
        sa.Column("authorisation", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("paid_at", portail.db.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("needs_refund", sa.Boolean(), nullable=False),
        sa.Column("recorded_by", sa.Uuid(), nullable=True),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by"],
            ["account.id"],
        ),
        sa.ForeignKeyConstraint(
            ["regie_id"],
            ["regie.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("idop"),
        sa.UniqueConstraint("refdet"),
    )
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.create_index("ix_payment_household", ["household_id", "created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_payment_regie_id"), ["regie_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_payment_state"), ["state"], unique=False)

    op.create_table(
        "basket_entry",
        sa.Column("request_id", sa.Uuid(), nullable=False),
        sa.Column("household_id", sa.Uuid(), nullable=False),
        sa.Column("regie_id", sa.Uuid(), nullable=False),
        sa.Column("state", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("created_at", portail.db.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("pay_before", portail.db.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("settled_at", portail.db.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("payment_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"],
            ["payment.id"],
        ),
        sa.ForeignKeyConstraint(
            ["regie_id"],
            ["regie.id"],
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["booking_request.id"],
        ),
        sa.PrimaryKeyConstraint("request_id"),
    )
    with op.batch_alter_table("basket_entry", schema=None) as batch_op:
        batch_op.create_index("ix_basket_entry_due", ["state", "pay_before"], unique=False)
        batch_op.create_index("ix_basket_entry_household", ["household_id", "state"], unique=False)

    op.create_table(
        "payment_item",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("payment_id", sa.Uuid(), nullable=False),
        sa.Column("request_id", sa.Uuid(), nullable=True),
        sa.Column("invoice_id", sa.Uuid(), nullable=True),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["invoice_id"],
            ["invoice.id"],
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"],
            ["payment.id"],
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["booking_request.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("payment_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payment_item_invoice_id"), ["invoice_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_payment_item_payment_id"), ["payment_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_payment_item_request_id"), ["request_id"], unique=False)

    op.create_table(
        "invoice_line",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("invoice_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Uuid(), nullable=True),
        sa.Column("child_name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("designation", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("booking_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["booking_id"],
            ["booking.id"],
        ),
        sa.ForeignKeyConstraint(
            ["child_id"],
            ["child.id"],
        ),
        sa.ForeignKeyConstraint(
            ["invoice_id"],
            ["invoice.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("invoice_line", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invoice_line_invoice_id"), ["invoice_id"], unique=False)

    with op.batch_alter_table("counter", schema=None) as batch_op:
        batch_op.alter_column(
            "name",
            existing_type=sa.VARCHAR(length=30),
            type_=sqlmodel.sql.sqltypes.AutoString(length=80),
            existing_nullable=False,
        )

    with op.batch_alter_table("regie", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "payfip_mode", sqlmodel.sql.sqltypes.AutoString(length=1), server_default="T", nullable=False
            )
        )
        batch_op.add_column(sa.Column("hold_minutes", sa.Integer(), server_default="120", nullable=False))
        batch_op.add_column(sa.Column("payment_days", sa.Integer(), server_default="30", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("regie", schema=None) as batch_op:
        batch_op.drop_column("payment_days")
        batch_op.drop_column("hold_minutes")
        batch_op.drop_column("payfip_mode")

    with op.batch_alter_table("counter", schema=None) as batch_op:
        batch_op.alter_column(
            "name",
            existing_type=sqlmodel.sql.sqltypes.AutoString(length=80),
            type_=sa.VARCHAR(length=30),
            existing_nullable=False,
        )

    with op.batch_alter_table("invoice_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invoice_line_invoice_id"))

    op.drop_table("invoice_line")
    with op.batch_alter_table("payment_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payment_item_request_id"))
        batch_op.drop_index(batch_op.f("ix_payment_item_payment_id"))
        batch_op.drop_index(batch_op.f("ix_payment_item_invoice_id"))

    op.drop_table("payment_item")
    with op.batch_alter_table("basket_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_basket_entry_household")
        batch_op.drop_index("ix_basket_entry_due")

    op.drop_table("basket_entry")
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payment_state"))
        batch_op.drop_index(batch_op.f("ix_payment_regie_id"))
        batch_op.drop_index("ix_payment_household")

    op.drop_table("payment")
    with op.batch_alter_table("invoice", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_invoice_monthly",
            sqlite_where=sa.text("origin = 'monthly'"),
            postgresql_where=sa.text("origin = 'monthly'"),
        )
        batch_op.drop_index(batch_op.f("ix_invoice_state"))
        batch_op.drop_index("ix_invoice_household")

    op.drop_table("invoice")
