"""What the town asks of the records, and what happens to them: field rules, consents, changes
waiting for review, and the audit trail."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Index, Text
from sqlmodel import Field, SQLModel

from portail.db.models.base import UTCDateTime, created_at_field, id_field


class FieldRule(SQLModel, table=True):
    """The town's choice for one field: hidden, read-only, editable or required; reviewed or not.

    Fields without a row follow the defaults of ``portail.rules.fields``.
    """

    __tablename__ = "field_rule"

    entity: str = Field(primary_key=True, max_length=20)
    field: str = Field(primary_key=True, max_length=40)
    mode: str = Field(max_length=10)
    needs_review: bool = False


class TownSetting(SQLModel, table=True):
    """A setting of the town kept in the database (e.g. how long a record stays certified)."""

    __tablename__ = "town_setting"

    key: str = Field(primary_key=True, max_length=60)
    value: str = Field(max_length=200)


class ConsentDefinition(SQLModel, table=True):
    """A consent the town asks for (image rights, a service's rules), in one version."""

    __tablename__ = "consent_definition"

    id: uuid.UUID = id_field()
    kind: str = Field(max_length=40, index=True)
    version: int = 1
    # "child": asked for each child; "household": once per household.
    scope: str = Field(default="child", max_length=10)
    title: str = Field(max_length=200)
    text: str = Field(sa_type=Text)
    active: bool = True
    created_at: datetime = created_at_field()


class Consent(SQLModel, table=True):
    """A family's dated answer to one version of a consent."""

    __tablename__ = "consent"

    id: uuid.UUID = id_field()
    definition_id: uuid.UUID = Field(foreign_key="consent_definition.id", index=True)
    household_id: uuid.UUID = Field(foreign_key="household.id", index=True)
    child_id: uuid.UUID | None = Field(default=None, foreign_key="child.id", index=True)
    granted: bool
    decided_at: datetime = created_at_field()
    decided_by: uuid.UUID = Field(foreign_key="account.id")


class PendingChange(SQLModel, table=True):
    """A change to a field the town checks, waiting for staff to approve or reject it."""

    __tablename__ = "pending_change"
    __table_args__ = (Index("ix_pending_change_state", "state", "created_at"),)

    id: uuid.UUID = id_field()
    household_id: uuid.UUID = Field(foreign_key="household.id", index=True)
    entity: str = Field(max_length=20)
    entity_id: uuid.UUID
    field: str = Field(max_length=40)
    old_value: str = Field(default="", sa_type=Text)
    new_value: str = Field(default="", sa_type=Text)
    # pending, approved, rejected
    state: str = Field(default="pending", max_length=10)
    reason: str = Field(default="", max_length=500)
    author_id: uuid.UUID = Field(foreign_key="account.id")
    created_at: datetime = created_at_field()
    decided_by: uuid.UUID | None = Field(default=None, foreign_key="account.id")
    decided_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class AuditEntry(SQLModel, table=True):
    """One change to a record: who, when, which field, before and after."""

    __tablename__ = "audit_entry"

    id: uuid.UUID = id_field()
    household_id: uuid.UUID | None = Field(default=None, foreign_key="household.id", index=True)
    child_id: uuid.UUID | None = Field(default=None, foreign_key="child.id", index=True)
    entity: str = Field(max_length=20)
    entity_id: uuid.UUID
    field: str = Field(max_length=40)
    before: str = Field(default="", sa_type=Text)
    after: str = Field(default="", sa_type=Text)
    author_id: uuid.UUID | None = Field(default=None, foreign_key="account.id")
    at: datetime = created_at_field()
