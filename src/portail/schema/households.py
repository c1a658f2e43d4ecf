"""GraphQL types of "Mon foyer" and "Mes enfants" (read side; edits come with the records)."""

from __future__ import annotations

import datetime

import strawberry
from strawberry.types import Info

from portail.db.models import Child as ChildRow
from portail.db.models import Guardian as GuardianRow
from portail.db.models import Household as HouseholdRow
from portail.resolvers import households as use_cases
from portail.schema.ids import to_id
from portail.schema.permissions import FAMILY


@strawberry.type(description='A postal address ("Adresse de correspondance").')
class Address:
    number: str = strawberry.field(description='Street number, e.g. "15" or "15 bis".')
    street: str = strawberry.field(description='Street name, e.g. "Rue de la Surveillance".')
    complement: str = strawberry.field(description="Building, floor, P.O. box…")
    postcode: str = strawberry.field(description='Postcode, e.g. "60200".')
    city: str = strawberry.field(description='City, e.g. "COMPIEGNE".')
    country: str = strawberry.field(description='ISO 3166 country code, "FR" by default.')


@strawberry.type(description='A guardian of the household: "Moi" (rank 1) or "Autre responsable" (rank 2).')
class Guardian:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    rank: int = strawberry.field(description='1 for the first guardian ("Moi"), 2 for the other.')
    civility: str = strawberry.field(description='"M." or "Mme", empty when not given.')
    first_name: str = strawberry.field(description="First name.")
    last_name: str = strawberry.field(description="Last name.")
    email: str = strawberry.field(description="Contact e-mail address.")
    mobile_phone: str = strawberry.field(description="Mobile phone in E.164 (+33612345678), or empty.")

    @classmethod
    def from_row(cls, row: GuardianRow) -> Guardian:
        return cls(
            id=to_id(row.id),
            rank=row.rank,
            civility=row.civility,
            first_name=row.first_name,
            last_name=row.last_name,
            email=row.email,
            mobile_phone=row.mobile_phone,
        )


@strawberry.type(description='A child of the household ("Mes enfants").')
class Child:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    first_name: str = strawberry.field(description='First name, e.g. "Emma-Rose".')
    last_name: str = strawberry.field(description="Last name.")
    birth_date: datetime.date | None = strawberry.field(description="Birth date, when known.")

    @classmethod
    def from_row(cls, row: ChildRow) -> Child:
        return cls(
            id=to_id(row.id), first_name=row.first_name, last_name=row.last_name, birth_date=row.birth_date
        )


@strawberry.type(description='A household ("Mon foyer"): the family the town invoices.')
class Household:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    name: str = strawberry.field(description='Family name as the town files it, e.g. "TEST".')
    civility: str = strawberry.field(description='How mail is addressed, e.g. "M. et Mme".')
    address: Address = strawberry.field(description="Correspondence address.")
    _row: strawberry.Private[HouseholdRow]

    @strawberry.field(description='The guardians, "Moi" first.')
    async def guardians(self, info: Info) -> list[Guardian]:
        rows = await use_cases.guardians(info.context.app, self._row)
        return [Guardian.from_row(r) for r in rows]

    @strawberry.field(description="The children, eldest first.")
    async def children(self, info: Info) -> list[Child]:
        rows = await use_cases.children(info.context.app, self._row)
        return [Child.from_row(r) for r in rows]

    @classmethod
    def from_row(cls, row: HouseholdRow) -> Household:
        return cls(
            id=to_id(row.id),
            name=row.name,
            civility=row.civility,
            address=Address(
                number=row.address_number,
                street=row.address_street,
                complement=row.address_complement,
                postcode=row.postcode,
                city=row.city,
                country=row.country,
            ),
            _row=row,
        )


@strawberry.type
class HouseholdQueries:
    @strawberry.field(
        permission_classes=FAMILY,
        description='"Mon foyer": the viewer\'s household.',
    )
    async def household(self, info: Info) -> Household | None:
        row = await use_cases.viewer_household(info.context.app)
        return Household.from_row(row) if row else None

    @strawberry.field(permission_classes=FAMILY, description='"Mes enfants": the viewer\'s children.')
    async def children(self, info: Info) -> list[Child]:
        row = await use_cases.viewer_household(info.context.app)
        if row is None:
            return []
        return [Child.from_row(c) for c in await use_cases.children(info.context.app, row)]
