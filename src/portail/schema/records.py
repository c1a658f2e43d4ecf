"""Queries and mutations of the records: one section at a time, reviews, the town's rules."""

from __future__ import annotations

import datetime
import re
from enum import Enum
from typing import Annotated, Any

import strawberry

from portail.resolvers import records
from portail.resolvers.errors import ErrorCode, UserErrors
from portail.rules import fields as F
from portail.schema.context import Info
from portail.schema.errors import UserError
from portail.schema.households import (
    AuditEntry,
    Child,
    ConsentDefinition,
    Household,
    PendingChange,
    RecordField,
)
from portail.schema.households.enums import ClassLevel, Diet, FieldMode, RecordEntity, Sex
from portail.schema.ids import parse_id
from portail.schema.mutations import run_mutation
from portail.schema.pagination import (
    AT,
    ID,
    TEXT,
    After,
    Connection,
    PageSize,
    decode_cursor,
    edges,
    page_info,
    page_size,
)
from portail.schema.partial import given_arguments
from portail.schema.permissions import FAMILY, SIGNED_IN, STAFF


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _values(entity: str, section: str | None, data: Any) -> dict[str, Any]:
    """The fields an input actually carries (UNSET ones are left out), under GraphQL names."""
    values = {}
    for spec in F.fields_of(entity, section):
        value = getattr(data, _snake(spec.name), strawberry.UNSET)
        if value is strawberry.UNSET:
            continue
        values[spec.name] = value.value if isinstance(value, Enum) else value
        if values[spec.name] is None and spec.kind not in ("date", "date_past", "int"):
            values[spec.name] = ""
    return values


def _opt(description: str) -> Any:
    return strawberry.field(default=strawberry.UNSET, description=description)


# ---------------------------------------------------------------------------------------------
# Inputs


@strawberry.input(description='"MOI" or "AUTRE RESPONSABLE": omitted fields stay as they are.')
class GuardianInput:
    civility: str | None = _opt('"M." or "Mme".')
    first_name: str | None = _opt("First name.")
    last_name: str | None = _opt("Last name.")
    birth_date: datetime.date | None = _opt("Birth date (not in the future); null clears it.")
    mobile_phone: str | None = _opt("Mobile phone (French or international).")
    home_phone: str | None = _opt("Home phone.")
    email: str | None = _opt("Contact e-mail (the sign-in address is changed in `updateProfile`).")
    profession: str | None = _opt("Profession.")
    employer: str | None = _opt("Employer.")
    work_phone: str | None = _opt("Work phone.")
    relationship: str | None = _opt(
        'Link to the children: "Mère", "Père", "Tuteur", "Tutrice", "Beau-parent", "Grand-parent" or "Autre".'
    )


@strawberry.input(description='"ADRESSE DE CORRESPONDANCE": omitted fields stay as they are.')
class AddressInput:
    number: str | None = _opt('Street number, e.g. "15".')
    street: str | None = _opt("Street.")
    complement: str | None = _opt("Complement.")
    postcode: str | None = _opt("Postcode (five digits for France).")
    city: str | None = _opt("City.")
    country: str | None = _opt('ISO country code, "FR" by default; abroad the postcode is free.')
    main_phone: str | None = _opt('"Téléphone principal".')
    secondary_phone: str | None = _opt('"Téléphone secondaire".')


@strawberry.input(description='"INFORMATIONS COMPLÉMENTAIRES": omitted fields stay as they are.')
class ComplementaryInput:
    caf_number: str | None = _opt("CAF/MSA beneficiary number (digits).")
    family_quotient: int | None = _opt("Family quotient in euros (checked by staff before it applies).")
    quotient_from: datetime.date | None = _opt("Date the quotient applies from.")
    insurance_company: str | None = _opt("Insurance company.")
    insurance_policy: str | None = _opt("Insurance policy number.")
    remarks: str | None = _opt("Free remarks.")


@strawberry.input(
    one_of=True, description='Exactly one section of "Mon foyer" to edit ("Crayon", then "VALIDER").'
)
class UpdateHouseholdInput:
    me: GuardianInput | None = _opt('"MOI".')
    other_guardian: GuardianInput | None = _opt('"AUTRE RESPONSABLE" (created if there is none).')
    address: AddressInput | None = _opt('"ADRESSE DE CORRESPONDANCE".')
    complementary: ComplementaryInput | None = _opt('"INFORMATIONS COMPLÉMENTAIRES".')


@strawberry.input(description="A child's identity.")
class ChildIdentityInput:
    first_name: str | None = _opt("First name.")
    last_name: str | None = _opt("Last name.")
    birth_date: datetime.date | None = _opt("Birth date (not in the future).")
    sex: Sex | None = _opt("Sex.")  # type: ignore[valid-type]


@strawberry.input(description="A child's schooling.")
class SchoolingInput:
    school: str | None = _opt("School.")
    class_level: ClassLevel | None = _opt("Class.")  # type: ignore[valid-type]


@strawberry.input(description="A child's meals.")
class MealsInput:
    diet: Diet | None = _opt("Diet.")  # type: ignore[valid-type]
    food_allergies: str | None = _opt("Food allergies.")


@strawberry.input(description="A child's health information.")
class HealthInput:
    doctor_name: str | None = _opt("Family doctor.")
    doctor_phone: str | None = _opt("Doctor's phone.")
    allergies: str | None = _opt("Allergies.")
    medical_notes: str | None = _opt("Medical notes.")
    has_pai: bool | None = _opt("Whether the child has a PAI (send the PAI document with `uploadDocument`).")


@strawberry.input(description="A vaccination.")
class VaccinationInput:
    vaccine: str = strawberry.field(description='Vaccine, e.g. "DTP".')
    vaccinated_on: datetime.date = strawberry.field(description="Date of the injection.")


@strawberry.input(description="An authorised person.")
class AuthorizedPersonInput:
    first_name: str = strawberry.field(description="First name.")
    last_name: str = strawberry.field(description="Last name.")
    mobile_phone: str = strawberry.field(description="Mobile phone.")
    relation: str = strawberry.field(default="", description='Relation to the child, e.g. "Grand-mère".')
    other_phone: str = strawberry.field(default="", description="Other phone.")
    may_pick_up: bool = strawberry.field(default=False, description="May pick the child up.")
    emergency_contact: bool = strawberry.field(default=False, description="To be called in an emergency.")


@strawberry.input(one_of=True, description="Exactly one section of a child's record to edit.")
class UpdateChildInput:
    identity: ChildIdentityInput | None = _opt("Identity.")
    schooling: SchoolingInput | None = _opt("Schooling.")
    meals: MealsInput | None = _opt("Meals.")
    health: HealthInput | None = _opt("Health.")
    vaccinations: list[VaccinationInput] | None = _opt("The whole list of vaccinations.")
    authorized_persons: list[AuthorizedPersonInput] | None = _opt("The whole list of authorised persons.")


@strawberry.input(description="An answer to a consent's current version.")
class ConsentAnswerInput:
    definition_id: strawberry.ID = strawberry.field(
        description="`ConsentDefinition.id` (the current version)."
    )
    granted: bool = strawberry.field(description="Yes or no.")


# ---------------------------------------------------------------------------------------------
# Payloads


@strawberry.type(description='Result of a change to "Mon foyer".')
class HouseholdPayload:
    household: Household | None = strawberry.field(description="The household as it now is; null on error.")
    changed_fields: list[str] = strawberry.field(description="Fields changed now.")
    pending_fields: list[str] = strawberry.field(description="Fields whose change waits for staff review.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


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


async def _household(info: Info, household_id: Any) -> Household:
    # Through the record: every field of the household then reads the same batch load.
    record = await records.load_record(info.context.app, household_id)
    return Household.from_row(record.household)


async def _child(info: Info, child: Any, household_id: Any) -> Child:
    ctx = info.context.app
    record = await records.load_record(ctx, household_id)
    row = next(c for c in record.children if c.id == child.id)
    return Child.of(record, row, ctx.now())


# ---------------------------------------------------------------------------------------------
# Queries


@strawberry.type(description="A page of households, in name order.")
class HouseholdConnection(Connection[Household]):
    pass


@strawberry.type(description="A page of changes to the records, newest first.")
class AuditEntryConnection(Connection[AuditEntry]):
    pass


@strawberry.type(description="A page of changes to checked fields awaiting review, oldest first.")
class PendingChangeConnection(Connection[PendingChange]):
    pass


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
        key = decode_cursor(after, "households", (TEXT, ID))
        rows = await records.search_households(info.context.app, search, limit + 1, key)  # type: ignore[arg-type]
        items = edges("households", rows[:limit], lambda r: (r.name, r.id), Household.from_row)
        return HouseholdConnection(edges=items, page_info=page_info(items, len(rows) > limit))

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
        return await _household(info, hid)

    @strawberry.field(permission_classes=FAMILY, description='"Mes enfants": the viewer\'s children.')
    async def children(self, info: Info) -> list[Child]:
        ctx = info.context.app
        hid = await records.viewer_household_id(ctx)
        if hid is None:
            return []
        record = await records.load_record(ctx, hid)
        return [Child.of(record, c, ctx.now()) for c in record.children]

    @strawberry.field(permission_classes=SIGNED_IN, description="One child; null when unknown or not yours.")
    async def child(
        self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The child.")]
    ) -> Child | None:
        try:
            row, hid = await records.child_of(info.context.app, parse_id(id), "id")
        except UserErrors:
            return None
        return await _child(info, row, hid)

    @strawberry.field(
        description="The fields of a kind of record, with the town's rules (for building forms)."
    )
    async def record_fields(
        self,
        info: Info,
        entity: Annotated[RecordEntity, strawberry.argument(description="The kind of record.")],  # type: ignore[valid-type]
    ) -> list[RecordField]:
        rules = await records.field_rules(info.context.app)
        result = []
        for spec in F.fields_of(entity.value.lower()):
            rule = F.rule_for(spec, rules)
            result.append(
                RecordField(
                    entity=entity,
                    field=spec.name,
                    label=spec.label,
                    section=spec.section,
                    mode=FieldMode[rule.mode.upper()],
                    needs_review=rule.needs_review,
                )
            )
        return result

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
        empty = AuditEntryConnection(edges=[], page_info=page_info([], False))
        hid, cid = parse_id(household_id) if household_id else None, parse_id(child_id) if child_id else None
        if (household_id and hid is None) or (child_id and cid is None):
            return empty  # a malformed id is an unknown one: no falling back on the viewer's whole trail
        key = decode_cursor(after, "auditTrail", (AT, ID))
        limit = page_size(first)
        try:
            rows = await records.audit_trail(ctx, hid, cid, limit + 1, key)  # type: ignore[arg-type]
        except UserErrors:
            return empty
        items = edges("auditTrail", rows[:limit], lambda r: (r.at, r.id), AuditEntry.from_row)
        return AuditEntryConnection(edges=items, page_info=page_info(items, len(rows) > limit))

    @strawberry.field(permission_classes=STAFF, description="Staff: changes to checked fields, oldest first.")
    async def pending_changes(
        self,
        info: Info,
        first: PageSize = 50,
        after: After = None,
    ) -> PendingChangeConnection:
        key = decode_cursor(after, "pendingChanges", (AT, ID))
        limit = page_size(first)
        rows = await records.pending_changes(info.context.app, "pending", limit + 1, key)  # type: ignore[arg-type]
        items = edges("pendingChanges", rows[:limit], lambda r: (r.created_at, r.id), PendingChange.from_row)
        return PendingChangeConnection(edges=items, page_info=page_info(items, len(rows) > limit))


# ---------------------------------------------------------------------------------------------
# Mutations


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
        if input.me is not strawberry.UNSET and input.me is not None:
            section, values = "ME", _values("guardian", None, input.me)
        elif input.other_guardian is not strawberry.UNSET and input.other_guardian is not None:
            section, values = "OTHER_GUARDIAN", _values("guardian", None, input.other_guardian)
        elif input.address is not strawberry.UNSET and input.address is not None:
            section, values = "ADDRESS", _values("household", "ADDRESS", input.address)
        else:
            section, values = "COMPLEMENTARY", _values("household", "COMPLEMENTARY", input.complementary)
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
            household=await _household(info, hid),
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
            info, lambda: records.add_child(ctx, _values("child", "IDENTITY", input))
        )
        if child is None:
            return ChildPayload(child=None, changed_fields=[], pending_fields=[], errors=errors)
        hid = await records.viewer_household_id(ctx)
        return ChildPayload(
            child=await _child(info, child, hid), changed_fields=[], pending_fields=[], errors=[]
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

        async def use_case():  # type: ignore[no-untyped-def]
            for section, data in (
                ("IDENTITY", input.identity),
                ("SCHOOLING", input.schooling),
                ("MEALS", input.meals),
                ("HEALTH", input.health),
            ):
                if data is not strawberry.UNSET and data is not None:
                    return await records.update_child_section(
                        ctx, child_id, section, _values("child", section, data)
                    )
            if input.vaccinations is not strawberry.UNSET and input.vaccinations is not None:
                items = [records.VaccinationData(v.vaccine, v.vaccinated_on) for v in input.vaccinations]
                child, hid = await records.replace_vaccinations(ctx, child_id, items)
                return child, hid, records.EditResult(changed=["vaccinations"])
            persons = input.authorized_persons if input.authorized_persons is not strawberry.UNSET else []
            items = [
                {
                    "firstName": p.first_name,
                    "lastName": p.last_name,
                    "relation": p.relation,
                    "mobilePhone": p.mobile_phone,
                    "otherPhone": p.other_phone,
                    "mayPickUp": p.may_pick_up,
                    "emergencyContact": p.emergency_contact,
                }
                for p in persons or []
            ]
            child, hid = await records.replace_contacts(ctx, child_id, items)
            return child, hid, records.EditResult(changed=["authorizedPersons"])

        result, errors = await run_mutation(info, use_case)
        if result is None:
            return ChildPayload(child=None, changed_fields=[], pending_fields=[], errors=errors)
        child, hid, edit = result
        return ChildPayload(
            child=await _child(info, child, hid),
            changed_fields=edit.changed,
            pending_fields=edit.pending,
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
        if hid is None:
            return HouseholdPayload(household=None, changed_fields=[], pending_fields=[], errors=errors)
        return HouseholdPayload(
            household=await _household(info, hid), changed_fields=["consents"], pending_fields=[], errors=[]
        )

    @strawberry.mutation(
        permission_classes=FAMILY,
        description="The family confirms its records are accurate (the town sets how long that holds).",
    )
    async def confirm_records(self, info: Info) -> HouseholdPayload:
        hid, errors = await run_mutation(info, lambda: records.certify_records(info.context.app))
        if hid is None:
            return HouseholdPayload(household=None, changed_fields=[], pending_fields=[], errors=errors)
        return HouseholdPayload(
            household=await _household(info, hid),
            changed_fields=["certifiedAt"],
            pending_fields=[],
            errors=[],
        )

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
        entity: Annotated[RecordEntity, strawberry.argument(description="The kind of record.")],  # type: ignore[valid-type]
        field: Annotated[str, strawberry.argument(description="The field's GraphQL name.")],
        mode: Annotated[
            FieldMode | None,  # type: ignore[valid-type]
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
                entity.value.lower(),
                field,
                chosen.value.lower() if chosen else None,
                values.get("needs_review"),
            )

        row, errors = await run_mutation(info, update)
        if row is None:
            return RecordFieldPayload(field=None, errors=errors)
        spec = F.CATALOGUE[(row.entity, row.field)]
        return RecordFieldPayload(
            field=RecordField(
                entity=entity,
                field=row.field,
                label=spec.label,
                section=spec.section,
                mode=FieldMode[row.mode.upper()],
                needs_review=row.needs_review,
            ),
            errors=[],
        )

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
