"""The pages the law requires (legal notices, accessibility statement, privacy notice): one row per
page, written by staff and read by anyone."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Text
from sqlmodel import Field, SQLModel

from portail.db.models.base import UTCDateTime, id_field


class LegalPage(SQLModel, table=True):
    """One of the pages of ``rules/legal.KINDS``, in Markdown; the accessibility statement also keeps
    its audit's facts (the other pages leave them empty). No row: never written yet."""

    __tablename__ = "legal_page"

    id: uuid.UUID = id_field()
    # LEGAL_NOTICE, ACCESSIBILITY or PRIVACY: one row each, made by the first save.
    kind: str = Field(max_length=20, unique=True)
    body: str = Field(default="", sa_type=Text)
    # The audit's rate of RGAA criteria met, in hundredths of a percent (null: no audit).
    compliance_rate: int | None = None
    audit_date: date | None = None
    audited_by: str = Field(default="", max_length=200)
    rgaa_version: str = Field(default="", max_length=20)
    # When staff last changed what it says (who did: the audit entries).
    updated_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
