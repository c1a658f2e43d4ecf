"""Types of the health form ("fiche sanitaire de liaison")."""

from __future__ import annotations

import datetime
from enum import Enum

import strawberry

from portail.resolvers.rows import ChildInsurance as InsuranceRow
from portail.resolvers.rows import HealthListItem as ItemRow
from portail.schema.ids import to_id


@strawberry.enum(description="The town's lists the health form picks from.")
class HealthListKind(Enum):
    ILLNESS = strawberry.enum_value(
        "ILLNESS", description='Illnesses the child may have had ("Rubéole", "Varicelle"…).'
    )
    DIET = strawberry.enum_value(
        "DIET", description='Diets ("Sans porc", "Sans gluten"…); a child may have several.'
    )
    VACCINE = strawberry.enum_value(
        "VACCINE", description='Vaccines ("DTP", "ROR"…); activities name those they require.'
    )


@strawberry.type(description="An entry of one of the town's lists.")
class HealthListEntry:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    kind: HealthListKind = strawberry.field(description="Which list.")
    code: str = strawberry.field(description='Stable code, e.g. "DTP" (activities and children name it).')
    label: str = strawberry.field(description="The words families read.")
    position: int = strawberry.field(description="Order in the list (smallest first).")
    active: bool = strawberry.field(
        description="Offered to families (a retired entry stays where it is used)."
    )
    validity_years: int | None = strawberry.field(
        description="Vaccines: years an injection holds before a booster is due; null: for good."
    )

    @classmethod
    def from_row(cls, row: ItemRow) -> HealthListEntry:
        return cls(
            id=to_id(row.id),
            kind=HealthListKind[row.kind],
            code=row.code,
            label=row.label,
            position=row.position,
            active=row.active,
            validity_years=row.validity_years,
        )


@strawberry.type(description="An illness of the town's list the child has had.")
class IllnessHad:
    illness: HealthListEntry = strawberry.field(description="The illness.")
    year: int | None = strawberry.field(description="The year, when the family knows it.")


@strawberry.type(description="The child's insurance (the health form's \"assurance\").")
class ChildInsurance:
    company: str = strawberry.field(description="Insurance company.")
    policy_number: str = strawberry.field(description="Policy number.")
    valid_from: datetime.date | None = strawberry.field(description="First day covered.")
    valid_until: datetime.date | None = strawberry.field(description="Last day covered.")
    certificate_id: strawberry.ID | None = strawberry.field(
        description="The certificate: a `Document.id` handed in with `uploadDocument`; null: none yet."
    )

    @classmethod
    def from_row(cls, row: InsuranceRow) -> ChildInsurance:
        return cls(
            company=row.company,
            policy_number=row.policy_number,
            valid_from=row.valid_from,
            valid_until=row.valid_until,
            certificate_id=to_id(row.certificate_id) if row.certificate_id else None,
        )
