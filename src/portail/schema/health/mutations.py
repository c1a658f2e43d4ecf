"""Mutations of the health form: the town's lists (staff), a child's diets, illnesses, insurance and
the confirmation of one child's or one guardian's record (families, or staff for them)."""

from __future__ import annotations

import uuid
from typing import Annotated

import strawberry

from portail.resolvers import health, records
from portail.resolvers.rows import Child as ChildRow
from portail.schema.context import Info
from portail.schema.enums import value_of
from portail.schema.errors import UserError
from portail.schema.health.inputs import (
    ChildInsuranceInput,
    HealthListEntryInput,
    IllnessInput,
    UpdateHealthListEntryInput,
    insurance_values,
    list_item_changes,
)
from portail.schema.health.types import HealthListEntry, HealthListKind
from portail.schema.ids import parse_id
from portail.schema.mutations import run_mutation
from portail.schema.permissions import FAMILY, SIGNED_IN, STAFF
from portail.schema.records.mutations import ChildPayload, HouseholdPayload, household_payload
from portail.schema.records.types import load_child

CHILD_ID = strawberry.argument(description="The child (another family's: NOT_FOUND on `childId`).")


@strawberry.type(description="Result of a change to one of the town's lists.")
class HealthListEntryPayload:
    entry: HealthListEntry | None = strawberry.field(description="The entry as it now is; null on error.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


async def _child_payload(
    info: Info, result: tuple[ChildRow, uuid.UUID] | None, errors: list[UserError], changed: str
) -> ChildPayload:
    if result is None:
        return ChildPayload(child=None, changed_fields=[], pending_fields=[], errors=errors)
    child, hid = result
    return ChildPayload(
        child=await load_child(info, child, hid), changed_fields=[changed], pending_fields=[], errors=[]
    )


@strawberry.type
class HealthMutations:
    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: add an entry to the town's list of illnesses, diets or vaccines (audited).",
    )
    async def create_health_list_entry(
        self,
        info: Info,
        kind: Annotated[HealthListKind, strawberry.argument(description="Which list.")],
        input: Annotated[HealthListEntryInput, strawberry.argument(description="The entry.")],
    ) -> HealthListEntryPayload:
        ctx = info.context.app
        row, errors = await run_mutation(
            info, lambda: health.create_list_item(ctx, value_of(kind), list_item_changes(input))
        )
        return HealthListEntryPayload(entry=HealthListEntry.from_row(row) if row else None, errors=errors)

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: change an entry of the town's lists (label, order, retired, a vaccine's "
        "validity); audited.",
    )
    async def update_health_list_entry(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The entry.")],
        input: Annotated[UpdateHealthListEntryInput, strawberry.argument(description="The changes.")],
    ) -> HealthListEntryPayload:
        ctx = info.context.app
        row, errors = await run_mutation(
            info, lambda: health.update_list_item(ctx, parse_id(id), list_item_changes(input))
        )
        return HealthListEntryPayload(entry=HealthListEntry.from_row(row) if row else None, errors=errors)

    @strawberry.mutation(
        permission_classes=SIGNED_IN,
        description="The child's diets become `codes` (codes of `healthList(kind: DIET)`; empty: none). "
        "A family's change asks it to confirm the child's record again.",
    )
    async def set_child_diets(
        self,
        info: Info,
        child_id: Annotated[strawberry.ID, CHILD_ID],
        codes: Annotated[list[str], strawberry.argument(description="The diets' codes.")],
    ) -> ChildPayload:
        ctx = info.context.app
        result, errors = await run_mutation(
            info, lambda: health.set_child_diets(ctx, parse_id(child_id), codes)
        )
        return await _child_payload(info, result, errors, "diets")

    @strawberry.mutation(
        permission_classes=SIGNED_IN,
        description="The illnesses the child has had become `illnesses` (the whole list; codes of "
        "`healthList(kind: ILLNESS)`). A family's change asks it to confirm the child's record again.",
    )
    async def set_child_illnesses(
        self,
        info: Info,
        child_id: Annotated[strawberry.ID, CHILD_ID],
        illnesses: Annotated[list[IllnessInput], strawberry.argument(description="The illnesses had.")],
    ) -> ChildPayload:
        ctx = info.context.app
        data = [health.IllnessData(i.code, i.year) for i in illnesses]
        result, errors = await run_mutation(
            info, lambda: health.set_child_illnesses(ctx, parse_id(child_id), data)
        )
        return await _child_payload(info, result, errors, "illnesses")

    @strawberry.mutation(
        permission_classes=SIGNED_IN,
        description="Set the child's insurance (partial: fields left out stay). A family's change asks it "
        "to confirm the child's record again.",
    )
    async def set_child_insurance(
        self,
        info: Info,
        child_id: Annotated[strawberry.ID, CHILD_ID],
        input: Annotated[ChildInsuranceInput, strawberry.argument(description="The insurance's fields.")],
    ) -> ChildPayload:
        ctx = info.context.app
        result, errors = await run_mutation(
            info, lambda: health.set_child_insurance(ctx, parse_id(child_id), insurance_values(input))
        )
        return await _child_payload(info, result, errors, "insurance")

    @strawberry.mutation(
        permission_classes=FAMILY,
        description="The family confirms one child's record is accurate (after editing it, or for a child "
        "added since `confirmRecords`): its `certification` holds again.",
    )
    async def confirm_child_record(
        self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The child.")]
    ) -> ChildPayload:
        ctx = info.context.app
        result, errors = await run_mutation(info, lambda: records.certify_child(ctx, parse_id(id)))
        return await _child_payload(info, result, errors, "certifiedAt")

    @strawberry.mutation(
        permission_classes=FAMILY,
        description="The family confirms one guardian's record of its household is accurate (after editing "
        "it, or for a guardian added since `confirmRecords`): that guardian's `certification` holds again, "
        "the other records stay as they are. Audited.",
    )
    async def confirm_guardian_record(
        self,
        info: Info,
        id: Annotated[
            strawberry.ID,
            strawberry.argument(description="The guardian (another household's: NOT_FOUND on `id`)."),
        ],
    ) -> HouseholdPayload:
        ctx = info.context.app
        hid, errors = await run_mutation(info, lambda: records.certify_guardian(ctx, parse_id(id)))
        return await household_payload(info, hid, errors, "certifiedAt")
