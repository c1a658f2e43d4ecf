"""Documents: the types staff configure, what families hand in, and the forms to print."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlmodel import Field, SQLModel

from portail.db.models.base import UTCDateTime, created_at_field, id_field


class DocumentType(SQLModel, table=True):
    """A kind of supporting document ("pièce justificative") and what the town accepts of it."""

    __tablename__ = "document_type"

    id: uuid.UUID = id_field()
    code: str = Field(max_length=40, unique=True)
    label: str = Field(max_length=100)
    # Comma-separated MIME types among application/pdf, image/jpeg, image/png.
    accepted_formats: str = Field(default="application/pdf,image/jpeg,image/png", max_length=200)
    max_bytes: int = 10 * 1024 * 1024
    validity_months: int | None = None
    per_child: bool = False
    active: bool = True
    created_at: datetime = created_at_field()


class Document(SQLModel, table=True):
    """A file a family handed in, and its review."""

    __tablename__ = "document"

    id: uuid.UUID = id_field()
    household_id: uuid.UUID = Field(foreign_key="household.id", index=True)
    child_id: uuid.UUID | None = Field(default=None, foreign_key="child.id", index=True)
    type_id: uuid.UUID = Field(foreign_key="document_type.id", index=True)
    filename: str = Field(max_length=200)
    content_type: str = Field(max_length=50)
    size: int
    sha256: str = Field(max_length=64)
    storage_key: str = Field(max_length=100)
    # pending, accepted, rejected
    state: str = Field(default="pending", max_length=10)
    reason: str = Field(default="", max_length=500)
    uploaded_by: uuid.UUID = Field(foreign_key="account.id")
    uploaded_at: datetime = created_at_field()
    reviewed_by: uuid.UUID | None = Field(default=None, foreign_key="account.id")
    reviewed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    valid_until: date | None = None


class PrintableForm(SQLModel, table=True):
    """A form staff publish for families to print (e.g. the canteen's rules)."""

    __tablename__ = "printable_form"

    id: uuid.UUID = id_field()
    title: str = Field(max_length=200)
    description: str = Field(default="", max_length=1000)
    filename: str = Field(max_length=200)
    content_type: str = Field(max_length=50)
    size: int
    storage_key: str = Field(max_length=100)
    active: bool = True
    created_at: datetime = created_at_field()
