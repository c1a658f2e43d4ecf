"""Public content: news, useful links, the user guide's sections, the town's contact details and
opening hours, the school canteen's sites, menus and dishes.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 20:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

import portail.db.models.base

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _string(length: int) -> sqlmodel.sql.sqltypes.AutoString:
    return sqlmodel.sql.sqltypes.AutoString(length=length)


def _moment() -> portail.db.models.base.UTCDateTime:
    return portail.db.models.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "news_item",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("title", _string(200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("pinned", sa.Boolean(), nullable=False),
        sa.Column("publish_at", _moment(), nullable=True),
        sa.Column("unpublish_at", _moment(), nullable=True),
        sa.Column("image_key", _string(100), nullable=False),
        sa.Column("image_type", _string(50), nullable=False),
        sa.Column("image_size", sa.Integer(), nullable=False),
        sa.Column("image_alt", _string(300), nullable=False),
        sa.Column("created_at", _moment(), nullable=False),
        sa.Column("updated_at", _moment(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("news_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_news_item_publish_at"), ["publish_at"], unique=False)
    op.create_table(
        "useful_link",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("label", _string(100), nullable=False),
        sa.Column("url", _string(500), nullable=False),
        sa.Column("description", _string(300), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", _moment(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "guide_section",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("title", _string(200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", _moment(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "town_profile",
        sa.Column("key", _string(10), nullable=False),
        sa.Column("name", _string(100), nullable=False),
        sa.Column("address", _string(500), nullable=False),
        sa.Column("phone", _string(20), nullable=False),
        sa.Column("email", _string(254), nullable=False),
        sa.Column("opening_hours", sa.Text(), nullable=False),
        sa.Column("updated_at", _moment(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "canteen_site",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", _string(100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", _moment(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "canteen_menu",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("site_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("note", _string(300), nullable=False),
        sa.Column("updated_at", _moment(), nullable=False),
        sa.ForeignKeyConstraint(["site_id"], ["canteen_site.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("site_id", "day", name="uq_canteen_menu_site_day"),
    )
    with op.batch_alter_table("canteen_menu", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_canteen_menu_day"), ["day"], unique=False)
        batch_op.create_index(batch_op.f("ix_canteen_menu_site_id"), ["site_id"], unique=False)
    op.create_table(
        "canteen_dish",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("menu_id", sa.Uuid(), nullable=False),
        sa.Column("course", _string(12), nullable=False),
        sa.Column("name", _string(200), nullable=False),
        sa.Column("labels", _string(100), nullable=False),
        sa.Column("allergens", _string(200), nullable=False),
        sa.ForeignKeyConstraint(["menu_id"], ["canteen_menu.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("menu_id", "course", name="uq_canteen_dish_menu_course"),
    )
    with op.batch_alter_table("canteen_dish", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_canteen_dish_menu_id"), ["menu_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("canteen_dish", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_canteen_dish_menu_id"))
    op.drop_table("canteen_dish")
    with op.batch_alter_table("canteen_menu", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_canteen_menu_site_id"))
        batch_op.drop_index(batch_op.f("ix_canteen_menu_day"))
    op.drop_table("canteen_menu")
    op.drop_table("canteen_site")
    op.drop_table("town_profile")
    op.drop_table("guide_section")
    op.drop_table("useful_link")
    with op.batch_alter_table("news_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_news_item_publish_at"))
    op.drop_table("news_item")
