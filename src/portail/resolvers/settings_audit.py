"""Staff's changes to the town's settings (activities, periods, enrolment groups), written to the audit
trail one field at a time: who, when, before and after, as the records' changes are."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlmodel import SQLModel

from portail.db.models import AuditEntry
from portail.resolvers.context import RequestContext

# Columns that are no setting.
_SKIPPED = frozenset({"id", "created_at"})


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def _api_name(column: str) -> str:
    """A column's name as the API spells it (``required_vaccines`` → ``requiredVaccines``), as the
    records' audit entries name their fields."""
    first, *rest = column.split("_")
    return first + "".join(word.capitalize() for word in rest)


def settings_of(row: SQLModel) -> dict[str, str]:
    """The row's settings as the audit trail writes them, by the API's names."""
    return {
        _api_name(name): _text(getattr(row, name)) for name in type(row).model_fields if name not in _SKIPPED
    }


def audit_settings(
    ctx: RequestContext, entity: str, entity_id: uuid.UUID, before: dict[str, str], after: dict[str, str]
) -> None:
    """One audit entry per setting that changed (a creation: every setting, from nothing; a deletion:
    every setting, to nothing)."""
    author = ctx.viewer.account.id if ctx.viewer else None
    now = ctx.now()
    for name in sorted(before.keys() | after.keys()):
        old, new = before.get(name, ""), after.get(name, "")
        if old != new or not before or not after:
            ctx.session.add(
                AuditEntry(
                    entity=entity,
                    entity_id=entity_id,
                    field=name,
                    before=old,
                    after=new,
                    author_id=author,
                    at=now,
                )
            )
