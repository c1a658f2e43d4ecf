"""Households, their guardians and children (the records grow with the records issue)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlmodel import Field, SQLModel

from portail.db.models.base import UTCDateTime, created_at_field, id_field


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
    # The commune's INSEE code ("code officiel géographique": 5 digits, 2A/2B for Corsica), None when
    # not given: it tells apart communes sharing a postcode (``portail.rules.booking_windows.is_resident``).
    insee_code: str | None = Field(default=None, max_length=5)
    city: str = Field(default="", max_length=100)
    country: str = Field(default="FR", max_length=2)
    main_phone: str = Field(default="", max_length=20)
    secondary_phone: str = Field(default="", max_length=20)
    # "Informations complémentaires"
    caf_number: str = Field(default="", max_length=20)
    family_quotient: int | None = None
    quotient_from: date | None = None
    insurance_company: str = Field(default="", max_length=100)
    insurance_policy: str = Field(default="", max_length=50)
    remarks: str = Field(default="", max_length=2000)
    # When the family last confirmed the record as accurate (the town sets how long it holds).
    certified_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = created_at_field()
    # Anonymised by staff after the family left: the rows the law keeps name no one any more.
    anonymised_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # Set when the family registered itself ("Créer un compte"): the household waits until staff
    # approve it or merge it into the household the town already knows (``resolvers.registration``).
    awaiting_validation_since: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)
    # A category staff give the household ("AGENTS"): periods may open earlier to it, or only to it
    # (``portail.rules.booking_windows``); "" none.
    booking_category: str = Field(default="", max_length=30, sa_column_kwargs={"server_default": ""})
    # Staff suspended the household's online bookings (since then, and why: the family reads it).
    booking_suspended_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    booking_suspension_reason: str = Field(
        default="", max_length=500, sa_column_kwargs={"server_default": ""}
    )


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
    # Link to the children: "Mère", "Père", "Tuteur"…
    relationship: str = Field(default="", max_length=30)
    certified_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = created_at_field()


class Child(SQLModel, table=True):
    """An "enfant": may belong to two households (separated parents)."""

    __tablename__ = "child"

    id: uuid.UUID = id_field()
    first_name: str = Field(max_length=100)
    last_name: str = Field(max_length=100)
    birth_date: date | None = None
    sex: str = Field(default="", max_length=1)
    # Schooling
    school: str = Field(default="", max_length=100)
    class_level: str = Field(default="", max_length=10)
    # Meals
    diet: str = Field(default="", max_length=20)
    food_allergies: str = Field(default="", max_length=500)
    # Health
    doctor_name: str = Field(default="", max_length=100)
    doctor_phone: str = Field(default="", max_length=20)
    doctor_address: str = Field(default="", max_length=300)
    allergies: str = Field(default="", max_length=500)
    medical_notes: str = Field(default="", max_length=2000)
    has_pai: bool = False
    certified_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = created_at_field()


class Vaccination(SQLModel, table=True):
    """A vaccine a child received, with its date."""

    __tablename__ = "vaccination"

    id: uuid.UUID = id_field()
    child_id: uuid.UUID = Field(foreign_key="child.id", index=True)
    # The vaccine as the family named it; ``vaccine_id`` the town's list entry it matched (None: a
    # vaccine not on the list, kept as written).
    vaccine: str = Field(max_length=60)
    vaccine_id: uuid.UUID | None = Field(default=None, foreign_key="health_list_item.id", index=True)
    vaccinated_on: date


class AuthorizedPerson(SQLModel, table=True):
    """Someone the family allows to pick the child up, or to call in an emergency."""

    __tablename__ = "authorized_person"

    id: uuid.UUID = id_field()
    child_id: uuid.UUID = Field(foreign_key="child.id", index=True)
    first_name: str = Field(max_length=100)
    last_name: str = Field(max_length=100)
    relation: str = Field(default="", max_length=50)
    mobile_phone: str = Field(default="", max_length=20)
    other_phone: str = Field(default="", max_length=20)
    may_pick_up: bool = False
    emergency_contact: bool = False


class HouseholdChild(SQLModel, table=True):
    """Which households a child belongs to."""

    __tablename__ = "household_child"

    household_id: uuid.UUID = Field(foreign_key="household.id", primary_key=True)
    child_id: uuid.UUID = Field(foreign_key="child.id", primary_key=True, index=True)
