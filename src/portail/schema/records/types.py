"""Output types of the records' lists (the records' own types live in ``schema.households.types``), and
loading a household or a child as the queries and mutations answer them."""

from __future__ import annotations

import uuid

import strawberry

from portail.resolvers import records
from portail.resolvers.rows import Child as ChildRow
from portail.schema.context import Info
from portail.schema.households.types import AuditEntry, Child, Household, PendingChange
from portail.schema.pagination import Connection


async def load_household(info: Info, household_id: uuid.UUID) -> Household:
    # Through the record: every field of the household then reads the same batch load.
    record = await records.load_record(info.context.app, household_id)
    return Household.from_row(record.household)


async def load_child(info: Info, child: ChildRow, household_id: uuid.UUID) -> Child:
    record = await records.load_record(info.context.app, household_id)
    row = next(c for c in record.children if c.id == child.id)
    return Child.of(record, row)


@strawberry.type(description="A page of households, in name order.")
class HouseholdConnection(Connection[Household]):
    pass


@strawberry.type(description="A page of changes to the records, newest first.")
class AuditEntryConnection(Connection[AuditEntry]):
    pass


@strawberry.type(description="A page of changes to checked fields awaiting review, oldest first.")
class PendingChangeConnection(Connection[PendingChange]):
    pass
