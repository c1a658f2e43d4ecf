"""The health form's lists ("fiche sanitaire de liaison"): the town's lists of illnesses, diets and
vaccines, and what each child has of them (illnesses had, diets, insurance)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlmodel import Field, SQLModel, UniqueConstraint

from portail.db.models.base import id_field


class HealthListItem(SQLModel, table=True):
    """An entry of one of the town's lists: ``kind`` ILLNESS, DIET or VACCINE."""

    __tablename__ = "health_list_item"
    __table_args__ = (UniqueConstraint("kind", "code"),)

    id: uuid.UUID = id_field()
    kind: str = Field(max_length=10, index=True)
    code: str = Field(max_length=30)
    label: str = Field(max_length=100)
    position: int = 0
    # Retired entries stay (children's rows name them) but are no longer offered.
    active: bool = True
    # Vaccines only: an injection holds this many years (a booster is due after); None: for good.
    validity_years: int | None = None


class ChildDiet(SQLModel, table=True):
    """A diet of the town's list a child follows (several at once: "Sans porc" and "Sans gluten")."""

    __tablename__ = "child_diet"

    child_id: uuid.UUID = Field(foreign_key="child.id", primary_key=True)
    item_id: uuid.UUID = Field(foreign_key="health_list_item.id", primary_key=True)


class ChildIllness(SQLModel, table=True):
    """An illness of the town's list the child has had, and the year when the family knows it."""

    __tablename__ = "child_illness"

    child_id: uuid.UUID = Field(foreign_key="child.id", primary_key=True)
    item_id: uuid.UUID = Field(foreign_key="health_list_item.id", primary_key=True)
    year: int | None = None


class ChildInsurance(SQLModel, table=True):
    """The child's insurance (responsabilité civile / extra-scolaire): one per child."""

    __tablename__ = "child_insurance"

    child_id: uuid.UUID = Field(foreign_key="child.id", primary_key=True)
    company: str = Field(default="", max_length=100)
    policy_number: str = Field(default="", max_length=50)
    valid_from: date | None = None
    valid_until: date | None = None
    # The certificate, handed in through ``uploadDocument`` (a document of the household).
    certificate_id: uuid.UUID | None = Field(default=None, foreign_key="document.id")
