"""Output types of accounts: the account, "Mon profil", the signed-in viewer."""

from __future__ import annotations

import datetime

import strawberry

from portail.resolvers import accounts as use_cases
from portail.resolvers import records
from portail.resolvers.rows import Account as AccountRow
from portail.schema.accounts.enums import Role
from portail.schema.context import Info
from portail.schema.households.types import Household, ToComplete
from portail.schema.ids import to_id


def roles_of(row: AccountRow) -> list[Role]:
    """The account's roles, as the use cases decide them."""
    return [Role[name] for name in use_cases.roles_of(row)]


@strawberry.type(description="A sign-in account.")
class Account:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    email: str = strawberry.field(description="The address used to sign in (lower case).")
    pending_email: str | None = strawberry.field(
        description="A new address waiting to be confirmed from the link mailed to it."
    )
    roles: list[Role] = strawberry.field(description="What the account may do.")
    confirmed: bool = strawberry.field(
        description="Whether the owner confirmed the address and created a password."
    )
    created_at: datetime.datetime = strawberry.field(description="When the account was opened.")
    last_login_at: datetime.datetime | None = strawberry.field(description="Last successful sign-in.")

    @classmethod
    def from_row(cls, row: AccountRow) -> Account:
        return cls(
            id=to_id(row.id),
            email=row.email,
            pending_email=row.pending_email,
            roles=roles_of(row),
            confirmed=row.confirmed_at is not None,
            created_at=row.created_at,
            last_login_at=row.last_login_at,
        )


@strawberry.type(description='"Mon profil": personal and professional information of the account\'s owner.')
class Profile:
    civility: str = strawberry.field(description='"M." or "Mme" (empty for staff or when not given).')
    first_name: str = strawberry.field(description="First name.")
    last_name: str = strawberry.field(description="Last name.")
    birth_date: datetime.date | None = strawberry.field(description="Birth date.")
    mobile_phone: str = strawberry.field(description="Mobile phone, E.164 (+33612345678), or empty.")
    home_phone: str = strawberry.field(description="Home phone, E.164, or empty.")
    profession: str = strawberry.field(description="Profession.")
    employer: str = strawberry.field(description="Employer's name.")
    work_phone: str = strawberry.field(description="Work phone, E.164, or empty.")

    @classmethod
    def of(cls, view: use_cases.Profile) -> Profile:
        return cls(
            civility=view.civility,
            first_name=view.first_name,
            last_name=view.last_name,
            birth_date=view.birth_date,
            mobile_phone=view.mobile_phone,
            home_phone=view.home_phone,
            profession=view.profession,
            employer=view.employer,
            work_phone=view.work_phone,
        )


@strawberry.type(description="The signed-in account, as the client's menu and first connection need it.")
class Viewer:
    account: Account = strawberry.field(description="The account.")
    roles: list[Role] = strawberry.field(description="Shortcut to `account.roles`.")
    _row: strawberry.Private[AccountRow]

    @strawberry.field(description='"Mon profil".')
    async def profile(self, info: Info) -> Profile:
        return Profile.of(await use_cases.profile(info.context.app, self._row))

    @strawberry.field(description='The household ("Mon foyer"); null for staff.')
    async def household(self, info: Info) -> Household | None:
        ctx = info.context.app
        household_id = await records.viewer_household_id(ctx)
        if household_id is None:
            return None
        # Through the record: the household's fields then read the same batch load.
        return Household.from_row((await records.load_record(ctx, household_id)).household)

    @strawberry.field(
        description="What the first connection (and every later one) still requires: sections of the "
        "household and of each child with empty required fields or unanswered consents, and the "
        "confirmation of the records when due. Empty for staff."
    )
    async def to_complete(self, info: Info) -> list[ToComplete]:
        ctx = info.context.app
        household_id = await records.viewer_household_id(ctx)
        if household_id is None:
            return []
        record = await records.load_full_record(ctx, household_id)
        return [ToComplete.of(i) for i in records.to_complete(ctx, record)]

    @classmethod
    def from_row(cls, row: AccountRow) -> Viewer:
        return cls(account=Account.from_row(row), roles=roles_of(row), _row=row)
