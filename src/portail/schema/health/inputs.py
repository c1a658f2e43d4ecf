"""Inputs of the health form."""

from __future__ import annotations

import datetime
from typing import Any

import strawberry
from strawberry.utils.str_converters import to_camel_case

from portail.resolvers import health
from portail.schema.ids import parse_id
from portail.schema.partial import given, optional


@strawberry.input(description="A new entry of one of the town's lists.")
class HealthListEntryInput:
    code: str = strawberry.field(
        description='Stable code (letters, digits, "_"; lower case and accents are folded: "Hépatite B" → '
        '"HEPATITE_B"); unique in its list, fixed once created.'
    )
    label: str = strawberry.field(description="The words families read (100 characters at most).")
    position: int = strawberry.field(default=0, description="Order in the list, 0 to 1000.")
    validity_years: int | None = strawberry.field(
        default=None, description="Vaccines only: years an injection holds (1 to 50); null: for good."
    )


@strawberry.input(description="Changes to an entry: fields left out stay as they are.")
class UpdateHealthListEntryInput:
    label: str | None = optional("The words families read.")
    position: int | None = optional("Order in the list, 0 to 1000.")
    active: bool | None = optional("False retires the entry: no longer offered, kept where it is used.")
    validity_years: int | None = optional("Vaccines only: years an injection holds (1 to 50); null clears.")


@strawberry.input(description="An illness the child has had.")
class IllnessInput:
    code: str = strawberry.field(
        description="The illness's code in the town's list (`healthList(kind: ILLNESS)`)."
    )
    year: int | None = strawberry.field(default=None, description="The year, when known.")


@strawberry.input(description="The child's insurance: fields left out stay as they are; null clears.")
class ChildInsuranceInput:
    company: str | None = optional("Insurance company.")
    policy_number: str | None = optional("Policy number.")
    valid_from: datetime.date | None = optional("First day covered.")
    valid_until: datetime.date | None = optional("Last day covered (not before `validFrom`).")
    certificate_id: strawberry.ID | None = optional(
        "The certificate: a `Document.id` of the household, handed in first with `uploadDocument`."
    )


def list_item_changes(input: HealthListEntryInput | UpdateHealthListEntryInput) -> health.ListItemChanges:
    """The entry's fields the input carries (raises a user error on a null that cannot clear)."""
    if isinstance(input, HealthListEntryInput):
        return health.ListItemChanges(
            code=input.code, label=input.label, position=input.position, validity_years=input.validity_years
        )
    values = given(input, frozenset({"validity_years"}))
    return health.ListItemChanges(
        label=values.get("label"),
        position=values.get("position"),
        active=values.get("active"),
        validity_years=values.get("validity_years"),
        clear_validity="validity_years" in values and values["validity_years"] is None,
    )


def insurance_values(input: ChildInsuranceInput) -> dict[str, Any]:
    """The insurance fields the input carries, under their GraphQL names (a malformed certificate id
    reads as an unknown one)."""
    values = {
        to_camel_case(name): value
        for name, value in given(input, frozenset({"valid_from", "valid_until", "certificate_id"})).items()
    }
    if "certificateId" in values and values["certificateId"] is not None:
        values["certificateGiven"] = True
        values["certificateId"] = parse_id(values["certificateId"])
    return values
