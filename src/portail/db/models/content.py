"""Public content (read without signing in): news, useful links, the user guide, the town's contact
details, and the school canteen's menus."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from portail.db.models.base import UTCDateTime, created_at_field, id_field


class NewsItem(SQLModel, table=True):
    """A news item ("actualité"): Markdown body, optional picture, shown between its two times."""

    __tablename__ = "news_item"

    id: uuid.UUID = id_field()
    title: str = Field(max_length=200)
    body: str = Field(default="", sa_type=Text)
    pinned: bool = False
    # Null: a draft. Shown from publish_at until unpublish_at (null: no end).
    publish_at: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)
    unpublish_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # The picture in the file storage ("" when none), its sniffed type, size and alternative text.
    image_key: str = Field(default="", max_length=100)
    image_type: str = Field(default="", max_length=50)
    image_size: int = 0
    image_alt: str = Field(default="", max_length=300)
    created_at: datetime = created_at_field()
    updated_at: datetime = created_at_field()


class UsefulLink(SQLModel, table=True):
    """A link of the home page's "Liens utiles"."""

    __tablename__ = "useful_link"

    id: uuid.UUID = id_field()
    label: str = Field(max_length=100)
    url: str = Field(max_length=500)
    description: str = Field(default="", max_length=300)
    position: int = 0
    created_at: datetime = created_at_field()


class GuideSection(SQLModel, table=True):
    """A section of the user guide ("Le guide utilisateur"), in Markdown."""

    __tablename__ = "guide_section"

    id: uuid.UUID = id_field()
    title: str = Field(max_length=200)
    body: str = Field(default="", sa_type=Text)
    position: int = 0
    created_at: datetime = created_at_field()


class TownProfile(SQLModel, table=True):
    """The town's contact details as staff set them (one row, keyed "town"); an empty name or
    address falls back to the settings'."""

    __tablename__ = "town_profile"

    key: str = Field(primary_key=True, max_length=10)
    name: str = Field(default="", max_length=100)
    # The address's lines, joined by line feeds.
    address: str = Field(default="", max_length=500)
    phone: str = Field(default="", max_length=20)
    email: str = Field(default="", max_length=254)
    # JSON: [{"weekday": "MONDAY", "hours": "8 h 30 – 12 h"}, …], in display order.
    opening_hours: str = Field(default="[]", sa_type=Text)
    updated_at: datetime = created_at_field()


class CanteenSite(SQLModel, table=True):
    """A school restaurant whose menus are published (e.g. "Restaurant scolaire Pompidou")."""

    __tablename__ = "canteen_site"

    id: uuid.UUID = id_field()
    name: str = Field(max_length=100, unique=True)
    position: int = 0
    active: bool = True
    created_at: datetime = created_at_field()


class CanteenMenu(SQLModel, table=True):
    """One site's menu of one day."""

    __tablename__ = "canteen_menu"
    __table_args__ = (UniqueConstraint("site_id", "day", name="uq_canteen_menu_site_day"),)

    id: uuid.UUID = id_field()
    site_id: uuid.UUID = Field(foreign_key="canteen_site.id", index=True)
    day: date = Field(index=True)
    note: str = Field(default="", max_length=300)
    updated_at: datetime = created_at_field()


class CanteenDish(SQLModel, table=True):
    """A course of a day's menu, its labels and allergens (comma-separated codes, rules/menus.py)."""

    __tablename__ = "canteen_dish"
    __table_args__ = (UniqueConstraint("menu_id", "course", name="uq_canteen_dish_menu_course"),)

    id: uuid.UUID = id_field()
    menu_id: uuid.UUID = Field(foreign_key="canteen_menu.id", index=True)
    course: str = Field(max_length=12)
    name: str = Field(max_length=200)
    labels: str = Field(default="", max_length=100)
    allergens: str = Field(default="", max_length=200)
