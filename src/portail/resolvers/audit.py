"""The audit trail: who changed what, when, before and after, one field at a time (``AuditEntry``).

Every use case that keeps a change writes it here: a family's or staff's edit of a record, a setting
of the town (activities, periods, units, enrolment groups, lists, questions, legal pages), a decision
on a registration. ``audit_settings`` compares a settings row before and after a change."""

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


def audit_change(
    ctx: RequestContext,
    entity: str,
    entity_id: uuid.UUID,
    field: str,
    before: str,
    after: str,
    *,
    household_id: uuid.UUID | None = None,
    child_id: uuid.UUID | None = None,
) -> None:
    """One entry: ``field`` of ``entity`` went from ``before`` to ``after``, by the viewer (none: the
    system, e.g. a job), now. Household and child name whose record it is, for its audit trail."""
    ctx.session.add(
        AuditEntry(
            household_id=household_id,
            child_id=child_id,
            entity=entity,
            entity_id=entity_id,
            field=field,
            before=before,
            after=after,
            author_id=ctx.viewer.account.id if ctx.viewer else None,
            at=ctx.now(),
        )
    )


def audit_settings(
    ctx: RequestContext, entity: str, entity_id: uuid.UUID, before: dict[str, str], after: dict[str, str]
) -> None:
    """One audit entry per setting that changed (a creation: every setting, from nothing; a deletion:
    every setting, to nothing)."""
    for name in sorted(before.keys() | after.keys()):
        old, new = before.get(name, ""), after.get(name, "")
        if old != new or not before or not after:
            audit_change(ctx, entity, entity_id, name, old, new)
