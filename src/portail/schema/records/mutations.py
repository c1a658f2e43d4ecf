"""Payloads and mutations of the records."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

import strawberry

from portail.resolvers import records
from portail.resolvers.errors import ErrorCode, UserErrors
from portail.schema.context import Info
from portail.schema.enums import value_of
from portail.schema.errors import UserError
from portail.schema.households.enums import FieldMode, RecordEntity
from portail.schema.households.types import Child, ConsentDefinition, Household, PendingChange, RecordField
from portail.schema.ids import parse_id
from portail.schema.mutations import run_mutation
from portail.schema.partial import given_arguments
from portail.schema.permissions import FAMILY, SIGNED_IN, STAFF
from portail.schema.records.inputs import (
    ChildIdentityInput,
    ConsentAnswerInput,
    UpdateChildInput,
    UpdateHouseholdInput,
    child_edit,
    household_section,
    section_values,
)
from portail.schema.records.types import load_child, load_household


@strawberry.type(description='Result of a change to "Mon foyer".')
class HouseholdPayload:
    household: Household | None = strawberry.field(description="The household as it now is; null on error.")
    changed_fields: list[str] = strawberry.field(description="Fields changed now.")
    pending_fields: list[str] = strawberry.field(description="Fields whose change waits for staff review.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


async def household_payload(
    info: Info, household_id: uuid.UUID | None, errors: list[UserError], changed: str
) -> HouseholdPayload:
    """The payload of a change of one whole field (``changed``) of a household's records: the household
    as it now is, or ``errors``."""
    if household_id is None:
        return HouseholdPayload(household=None, changed_fields=[], pending_fields=[], errors=errors)
    return HouseholdPayload(
        household=await load_household(info, household_id),
        changed_fields=[changed],
        pending_fields=[],
        errors=[],
    )


@strawberry.type(description="Result of a change to a child's record.")
class ChildPayload:
    child: Child | None = strawberry.field(description="The child as it now is; null on error.")
    changed_fields: list[str] = strawberry.field(description="Fields changed now.")
    pending_fields: list[str] = strawberry.field(description="Fields whose change waits for staff review.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type(description="Result of a staff decision on a change.")
class PendingChangePayload:
    change: PendingChange | None = strawberry.field(description="The change as decided; null on error.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type(description="Result of a change to the town's rules.")
class RecordFieldPayload:
    field: RecordField | None = strawberry.field(description="The field's rule as it now is.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type(description="Result of `setCertificationPeriod`.")
class CertificationPeriodPayload:
    months: int | None = strawberry.field(description="The period now in force.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type(description="Result of `publishConsent`.")
class ConsentDefinitionPayload:
    definition: ConsentDefinition | None = strawberry.field(description="The new version; null on error.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type
class RecordMutations:
    @strawberry.mutation(
        permission_classes=SIGNED_IN,
        description='Edit one section of "Mon foyer". Changes to fields the town checks (address, '
        "quotient by default) wait for staff: see `pendingFields`. Staff pass `householdId`.",
    )
    async def update_household(
        self,
        info: Info,
        input: Annotated[
            UpdateHouseholdInput, strawberry.argument(description="The section and its fields.")
        ],
        household_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Staff: the household.")
        ] = None,
    ) -> HouseholdPayload:
        ctx = info.context.app
        section, values = household_section(input)
        hid_arg = parse_id(household_id) if household_id else None
        if household_id and hid_arg is None:
            # A malformed id is an unknown one: never "my own household".
            refused = UserErrors.one("householdId", ErrorCode.NOT_FOUND, "Ce foyer n'existe pas.")
            return HouseholdPayload(
                household=None, changed_fields=[], pending_fields=[], errors=UserError.from_errors(refused)
            )
        result, errors = await run_mutation(
            info, lambda: records.update_household_section(ctx, hid_arg, section, values)
        )
        if result is None:
            return HouseholdPayload(household=None, changed_fields=[], pending_fields=[], errors=errors)
        hid, edit = result
        return HouseholdPayload(
            household=await load_household(info, hid),
            changed_fields=edit.changed,
            pending_fields=edit.pending,
            errors=[],
        )

    @strawberry.mutation(permission_classes=FAMILY, description='Declare a new child ("Mes enfants").')
    async def add_child(
        self,
        info: Info,
        input: Annotated[ChildIdentityInput, strawberry.argument(description="The child's identity.")],
    ) -> ChildPayload:
        ctx = info.context.app
        child, errors = await run_mutation(
            info, lambda: records.add_child(ctx, section_values("child", "IDENTITY", input))
        )
        if child is None:
            return ChildPayload(child=None, changed_fields=[], pending_fields=[], errors=errors)
        hid = await records.household_for(ctx, None)  # the viewer's, which add_child has just used
        return ChildPayload(
            child=await load_child(info, child, hid), changed_fields=[], pending_fields=[], errors=[]
        )

    @strawberry.mutation(
        permission_classes=SIGNED_IN,
        description="Edit one section of a child's record; lists (vaccinations, authorised persons) are "
        "replaced whole. Another family's child answers NOT_FOUND, like an unknown id.",
    )
    async def update_child(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The child.")],
        input: Annotated[UpdateChildInput, strawberry.argument(description="The section and its fields.")],
    ) -> ChildPayload:
        ctx = info.context.app
        child_id = parse_id(id)
        edit = child_edit(input)
        result, errors = await run_mutation(info, lambda: records.update_child(ctx, child_id, edit))
        if result is None:
            return ChildPayload(child=None, changed_fields=[], pending_fields=[], errors=errors)
        child, hid, done = result
        return ChildPayload(
            child=await load_child(info, child, hid),
            changed_fields=done.changed,
            pending_fields=done.pending,
            errors=[],
        )

    @strawberry.mutation(
        permission_classes=FAMILY,
        description="Answer consents (dated; a new version asks again): a child's with `childId`, "
        "else the household's.",
    )
    async def answer_consents(
        self,
        info: Info,
        answers: Annotated[list[ConsentAnswerInput], strawberry.argument(description="The answers.")],
        child_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="The child, for a child's consents.")
        ] = None,
    ) -> HouseholdPayload:
        ctx = info.context.app
        parsed = [(parse_id(a.definition_id), a.granted) for a in answers]
        cid = parse_id(child_id) if child_id else None
        if child_id and cid is None:
            return HouseholdPayload(
                household=None,
                changed_fields=[],
                pending_fields=[],
                errors=[
                    UserError.from_error(
                        UserErrors.one("childId", ErrorCode.NOT_FOUND, "Cet enfant n'existe pas.").errors[0]
                    )
                ],
            )
        hid, errors = await run_mutation(info, lambda: records.answer_consents(ctx, cid, parsed))
        return await household_payload(info, hid, errors, "consents")

    @strawberry.mutation(
        permission_classes=FAMILY,
        description="The family confirms its records are accurate (the town sets how long that holds).",
    )
    async def confirm_records(self, info: Info) -> HouseholdPayload:
        hid, errors = await run_mutation(info, lambda: records.certify_records(info.context.app))
        return await household_payload(info, hid, errors, "certifiedAt")

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: approve (applied at once) or reject (reason required) a change to a checked "
        "field; the family is mailed.",
    )
    async def decide_pending_change(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The change.")],
        approve: Annotated[bool, strawberry.argument(description="True to approve, false to reject.")],
        reason: Annotated[str, strawberry.argument(description="Why (required to reject).")] = "",
    ) -> PendingChangePayload:
        change, errors = await run_mutation(
            info, lambda: records.decide_pending_change(info.context.app, parse_id(id), approve, reason)
        )
        return PendingChangePayload(change=PendingChange.from_row(change) if change else None, errors=errors)

    @strawberry.mutation(permission_classes=STAFF, description="Staff: what families may do with a field.")
    async def set_field_rule(
        self,
        info: Info,
        entity: Annotated[RecordEntity, strawberry.argument(description="The kind of record.")],
        field: Annotated[str, strawberry.argument(description="The field's GraphQL name.")],
        mode: Annotated[
            FieldMode | None,
            strawberry.argument(description="Hidden, read-only, editable or required; omitted: unchanged."),
        ] = strawberry.UNSET,
        needs_review: Annotated[
            bool | None,
            strawberry.argument(description="A family's change waits for approval; omitted: unchanged."),
        ] = strawberry.UNSET,
    ) -> RecordFieldPayload:
        ctx = info.context.app

        async def update() -> Any:
            values = given_arguments({"mode": mode, "needs_review": needs_review})
            chosen = values.get("mode")
            return await records.set_field_rule(
                ctx,
                value_of(entity).lower(),
                field,
                value_of(chosen).lower() if chosen else None,
                values.get("needs_review"),
            )

        row, errors = await run_mutation(info, update)
        if row is None:
            return RecordFieldPayload(field=None, errors=errors)
        return RecordFieldPayload(field=RecordField.of(records.field_view(row)), errors=[])

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: how many months a family's confirmation of its records holds.",
    )
    async def set_certification_period(
        self, info: Info, months: Annotated[int, strawberry.argument(description="1 to 120 months.")]
    ) -> CertificationPeriodPayload:
        result, errors = await run_mutation(
            info, lambda: records.set_certification_months(info.context.app, months)
        )
        return CertificationPeriodPayload(months=result, errors=errors)

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: publish a consent, or a new version of one (families are asked again).",
    )
    async def publish_consent(
        self,
        info: Info,
        kind: Annotated[str, strawberry.argument(description='Stable code, e.g. "IMAGE_RIGHTS".')],
        title: Annotated[str, strawberry.argument(description="Short title.")],
        text: Annotated[str, strawberry.argument(description="The full text.")],
        per_child: Annotated[
            bool, strawberry.argument(description="Asked for each child (else per household).")
        ] = True,
    ) -> ConsentDefinitionPayload:
        row, errors = await run_mutation(
            info,
            lambda: records.publish_consent(
                info.context.app, kind, title, text, "child" if per_child else "household"
            ),
        )
        return ConsentDefinitionPayload(
            definition=ConsentDefinition.from_row(row) if row else None, errors=errors
        )
