"""Queries of the records."""

from __future__ import annotations

from typing import Annotated

import strawberry

from portail.resolvers import records
from portail.resolvers.errors import UserErrors
from portail.schema.context import Info
from portail.schema.enums import value_of
from portail.schema.households.enums import RecordEntity
from portail.schema.households.types import AuditEntry, Child, Household, PendingChange, RecordField
from portail.schema.ids import parse_id
from portail.schema.pagination import AT, ID, TEXT, After, Cursors, PageSize, empty, page_size
from portail.schema.permissions import FAMILY, SIGNED_IN, STAFF
from portail.schema.records.types import (
    AuditEntryConnection,
    HouseholdConnection,
    PendingChangeConnection,
    load_child,
    load_household,
)

_HOUSEHOLDS = Cursors("households", (TEXT, ID))
_AUDIT_TRAIL = Cursors("auditTrail", (AT, ID))
_PENDING_CHANGES = Cursors("pendingChanges", (AT, ID))


@strawberry.type
class RecordQueries:
    @strawberry.field(
        permission_classes=STAFF,
        description="Staff: households by name, a guardian's name or e-mail, in name order (cursor pages).",
    )
    async def households(
        self,
        info: Info,
        search: Annotated[str, strawberry.argument(description="Part of a name or e-mail; empty: all.")] = "",
        first: PageSize = 50,
        after: After = None,
    ) -> HouseholdConnection:
        limit = page_size(first)
        key = _HOUSEHOLDS.decode(after)
        rows = await records.search_households(info.context.app, search, limit + 1, key)
        return _HOUSEHOLDS.connection(
            HouseholdConnection, rows[:limit], lambda r: (r.name, r.id), Household.from_row, len(rows) > limit
        )

    @strawberry.field(
        permission_classes=SIGNED_IN,
        description='"Mon foyer": the viewer\'s household; staff pass `id` to read any household.',
    )
    async def household(
        self,
        info: Info,
        id: Annotated[strawberry.ID | None, strawberry.argument(description="Staff: the household.")] = None,
    ) -> Household | None:
        ctx = info.context.app
        wanted = parse_id(id) if id else None
        if id and wanted is None:
            return None  # a malformed id is an unknown one, not "my household"
        try:
            hid = await records.household_for(ctx, wanted, "id")
        except UserErrors:
            return None
        return await load_household(info, hid)

    @strawberry.field(permission_classes=FAMILY, description='"Mes enfants": the viewer\'s children.')
    async def children(self, info: Info) -> list[Child]:
        ctx = info.context.app
        hid = await records.viewer_household_id(ctx)
        if hid is None:
            return []
        record = await records.load_record(ctx, hid)
        return [Child.of(record, c) for c in record.children]

    @strawberry.field(permission_classes=SIGNED_IN, description="One child; null when unknown or not yours.")
    async def child(
        self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The child.")]
    ) -> Child | None:
        try:
            row, hid = await records.child_of(info.context.app, parse_id(id), "id")
        except UserErrors:
            return None
        return await load_child(info, row, hid)

    @strawberry.field(
        description="The fields of a kind of record, with the town's rules (for building forms)."
    )
    async def record_fields(
        self,
        info: Info,
        entity: Annotated[RecordEntity, strawberry.argument(description="The kind of record.")],
    ) -> list[RecordField]:
        views = await records.record_fields(info.context.app, value_of(entity).lower())
        return [RecordField.of(v) for v in views]

    @strawberry.field(
        permission_classes=SIGNED_IN,
        description="Changes to the records, newest first: a family reads its own (and its children's); "
        "staff pass `householdId`.",
    )
    async def audit_trail(
        self,
        info: Info,
        child_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only this child's.")
        ] = None,
        household_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Staff: the household.")
        ] = None,
        first: PageSize = 50,
        after: After = None,
    ) -> AuditEntryConnection:
        ctx = info.context.app
        hid, cid = parse_id(household_id) if household_id else None, parse_id(child_id) if child_id else None
        if (household_id and hid is None) or (child_id and cid is None):
            # a malformed id is an unknown one: no falling back on the viewer's whole trail
            return empty(AuditEntryConnection)
        key = _AUDIT_TRAIL.decode(after)
        limit = page_size(first)
        try:
            rows = await records.audit_trail(ctx, hid, cid, limit + 1, key)
        except UserErrors:
            return empty(AuditEntryConnection)
        return _AUDIT_TRAIL.connection(
            AuditEntryConnection, rows[:limit], lambda r: (r.at, r.id), AuditEntry.from_row, len(rows) > limit
        )

    @strawberry.field(permission_classes=STAFF, description="Staff: changes to checked fields, oldest first.")
    async def pending_changes(
        self,
        info: Info,
        first: PageSize = 50,
        after: After = None,
    ) -> PendingChangeConnection:
        key = _PENDING_CHANGES.decode(after)
        limit = page_size(first)
        rows = await records.pending_changes(info.context.app, "pending", limit + 1, key)
        return _PENDING_CHANGES.connection(
            PendingChangeConnection,
            rows[:limit],
            lambda r: (r.created_at, r.id),
            PendingChange.from_row,
            len(rows) > limit,
        )
