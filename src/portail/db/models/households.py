"""Households, their guardians and children (the records grow with the records issue)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlmodel import Field, SQLModel

from portail.db.models.base import created_at_field, id_field


class Household(SQLModel, table=True):
    """A "foyer": the family the town invoices, with its correspondence address."""

    __tablename__ = "household"

    id: uuid.UUID = id_field()
    name: str = Field(max_length=100)
    civility: str = Field(default="", max_length=30)
    address_number: str = Field(default="", max_length=10)
    address_street: str = Field(default="", max_length=200)
    address_complement: str = Field(default="", max_length=200)
    postcode: str = Field(default="", max_length=10)
    city: str = Field(default="", max_length=100)
    country: str = Field(default="FR", max_length=2)
    created_at: datetime = created_at_field()


class Guardian(SQLModel, table=True):
    """A "responsable": guardian 1 ("Moi") or guardian 2 ("Autre responsable") of a household."""

    __tablename__ = "guardian"

    id: uuid.UUID = id_field()
    household_id: uuid.UUID = Field(foreign_key="household.id", index=True)
    rank: int = 1
    civility: str = Field(default="", max_length=10)
    first_name: str = Field(default="", max_length=100)
    last_name: str = Field(default="", max_length=100)
    birth_date: date | None = None
    mobile_phone: str = Field(default="", max_length=20)
    home_phone: str = Field(default="", max_length=20)
    email: str = Field(default="", max_length=254)
    profession: str = Field(default="", max_length=100)
    employer: str = Field(default="", max_length=100)
    work_phone: str = Field(default="", max_length=20)
    created_at: datetime = created_at_field()


class Child(SQLModel, table=True):
    """An "enfant": may belong to two households (separated parents)."""

    __tablename__ = "child"

    id: uuid.UUID = id_field()
    first_name: str = Field(max_length=100)
    last_name: str = Field(max_length=100)
    birth_date: date | None = None
    sex: str = Field(default="", max_length=1)
    created_at: datetime = created_at_field()


class HouseholdChild(SQLModel, table=True):
    """Which households a child belongs to."""

    __tablename__ = "household_child"

    household_id: uuid.UUID = Field(foreign_key="household.id", primary_key=True)
    child_id: uuid.UUID = Field(foreign_key="child.id", primary_key=True, index=True)
