"""GraphQL types and mutations of accounts: sign-in, passwords, "Mon profil", staff opening."""

from __future__ import annotations

import datetime
from typing import Annotated, Any

import strawberry

from portail.resolvers import accounts as use_cases
from portail.resolvers import households as household_use_cases
from portail.resolvers import records
from portail.resolvers.rows import Account as AccountRow
from portail.resolvers.rows import Guardian as GuardianRow
from portail.schema.accounts.enums import Role
from portail.schema.context import Info
from portail.schema.errors import UserError
from portail.schema.households.types import Household, ToComplete
from portail.schema.ids import parse_id, to_id
from portail.schema.mutations import run_mutation
from portail.schema.partial import given, optional
from portail.schema.payloads import DonePayload
from portail.schema.permissions import SIGNED_IN, STAFF


def roles_of(row: AccountRow) -> list[Role]:
    roles = []
    if row.guardian_id is not None:
        roles.append(Role.FAMILY)
    if row.is_staff or row.is_admin:
        roles.append(Role.STAFF)
    if row.is_admin:
        roles.append(Role.ADMIN)
    return roles


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
    def of(cls, account: AccountRow, guardian: GuardianRow | None) -> Profile:
        if guardian is None:
            return cls(
                civility="",
                first_name=account.first_name,
                last_name=account.last_name,
                birth_date=None,
                mobile_phone="",
                home_phone="",
                profession="",
                employer="",
                work_phone="",
            )
        return cls(
            civility=guardian.civility,
            first_name=guardian.first_name,
            last_name=guardian.last_name,
            birth_date=guardian.birth_date,
            mobile_phone=guardian.mobile_phone,
            home_phone=guardian.home_phone,
            profession=guardian.profession,
            employer=guardian.employer,
            work_phone=guardian.work_phone,
        )


@strawberry.type(description="The signed-in account, as the client's menu and first connection need it.")
class Viewer:
    account: Account = strawberry.field(description="The account.")
    roles: list[Role] = strawberry.field(description="Shortcut to `account.roles`.")
    _row: strawberry.Private[AccountRow]

    @strawberry.field(description='"Mon profil".')
    async def profile(self, info: Info) -> Profile:
        return Profile.of(self._row, await household_use_cases.viewer_guardian(info.context.app))

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


# ---------------------------------------------------------------------------------------------
# Payloads


@strawberry.type(description="Result of `login` and `confirmAccount`.")
class LoginPayload:
    viewer: Viewer | None = strawberry.field(description="The signed-in account; null on error.")
    bearer_token: str | None = strawberry.field(
        default=None,
        description="The session token, only when `bearer: true` was asked (no cookie is set "
        "then): send it as `Authorization: Bearer <token>`.",
    )
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type(description="Result of `updateProfile`, `changePassword` and `confirmEmailChange`.")
class ViewerPayload:
    viewer: Viewer | None = strawberry.field(description="The account as it now is; null on error.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type(description="Result of `openFamilyAccount`.")
class OpenFamilyAccountPayload:
    account: Account | None = strawberry.field(description="The new account, not yet confirmed.")
    household: Household | None = strawberry.field(description="The new household.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type(description="Result of `resendAccountConfirmation`.")
class AccountPayload:
    account: Account | None = strawberry.field(description="The account; null on error.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


# ---------------------------------------------------------------------------------------------
# Inputs


@strawberry.input(description="A family account as staff open it.")
class OpenFamilyAccountInput:
    email: str = strawberry.field(description="The guardian's e-mail address: it becomes the sign-in.")
    household_name: str = strawberry.field(description='The household\'s name, e.g. "TEST".')
    first_name: str = strawberry.field(description="The guardian's first name.")
    last_name: str = strawberry.field(description="The guardian's last name.")
    civility: str = strawberry.field(default="", description='"M." or "Mme" (optional).')


@strawberry.input(
    description='Changes to "Mon profil": omitted fields stay as they are; null clears a field that may '
    "be empty and is refused on `email`, `firstName` and `lastName`."
)
class UpdateProfileInput:
    email: str | None = optional(
        "A new sign-in address: it takes effect once confirmed from the mail sent to it. "
        "The answer never tells whether another account already uses it: such an address is answered "
        "the same (it shows in `pendingEmail`), its owner is mailed instead, and it can never be confirmed."
    )
    civility: str | None = optional('"M.", "Mme" or empty.')
    first_name: str | None = optional("First name (required).")
    last_name: str | None = optional("Last name (required).")
    birth_date: datetime.date | None = optional("Birth date, not in the future; null clears it.")
    mobile_phone: str | None = optional("Mobile phone; empty or null clears it.")
    home_phone: str | None = optional("Home phone; empty or null clears it.")
    profession: str | None = optional("Profession.")
    employer: str | None = optional("Employer.")
    work_phone: str | None = optional("Work phone; empty or null clears it.")


_CLEARABLE = frozenset(
    {"civility", "birth_date", "mobile_phone", "home_phone", "profession", "employer", "work_phone"}
)


def _profile_changes(input: UpdateProfileInput) -> use_cases.ProfileChanges:
    values = given(input, _CLEARABLE)
    text = {k: ("" if v is None else v) for k, v in values.items() if k != "birth_date"}
    return use_cases.ProfileChanges(
        email=text.get("email"),
        civility=text.get("civility"),
        first_name=text.get("first_name"),
        last_name=text.get("last_name"),
        birth_date=values.get("birth_date"),
        clear_birth_date="birth_date" in values and values["birth_date"] is None,
        mobile_phone=text.get("mobile_phone"),
        home_phone=text.get("home_phone"),
        profession=text.get("profession"),
        employer=text.get("employer"),
        work_phone=text.get("work_phone"),
    )


# ---------------------------------------------------------------------------------------------
# Queries and mutations


@strawberry.type
class AccountQueries:
    @strawberry.field(description="The signed-in account; null when anonymous.")
    def viewer(self, info: Info) -> Viewer | None:
        viewer = info.context.app.viewer
        return Viewer.from_row(viewer.account) if viewer else None


@strawberry.type
class AccountMutations:
    @strawberry.mutation(
        description='Sign in ("Connexion"). The e-mail is case-insensitive. A browser gets an '
        "httpOnly session cookie; with `bearer: true` the token is returned instead. Repeated "
        "failures make the address wait, then lock it for a while; the answer never tells whether "
        "an account exists. At most one `login` per request."
    )
    async def login(
        self,
        info: Info,
        email: Annotated[str, strawberry.argument(description="The account's e-mail address.")],
        password: Annotated[str, strawberry.argument(description="The password.")],
        remember_me: Annotated[
            bool, strawberry.argument(description='"Se souvenir de moi": keep the session 30 days.')
        ] = False,
        bearer: Annotated[
            bool, strawberry.argument(description="Return a bearer token for a non-browser client (exports).")
        ] = False,
    ) -> LoginPayload:
        ctx = info.context.app
        result, errors = await run_mutation(
            info, lambda: use_cases.login(ctx, email, password, remember=remember_me, bearer=bearer)
        )
        if result is None:
            return LoginPayload(viewer=None, errors=errors)
        account, token = result
        return LoginPayload(
            viewer=Viewer.from_row(account), bearer_token=token if bearer else None, errors=[]
        )

    @strawberry.mutation(description="Sign out: the session ends and the cookie is cleared.")
    async def logout(self, info: Info) -> DonePayload:
        _, errors = await run_mutation(info, lambda: use_cases.logout(info.context.app))
        return DonePayload(ok=not errors, errors=errors)

    @strawberry.mutation(
        description="Confirm the address from the link of the account-opening mail, create the "
        "password and sign in (a confirmation mail follows)."
    )
    async def confirm_account(
        self,
        info: Info,
        token: Annotated[str, strawberry.argument(description="The `token` parameter of the mailed link.")],
        password: Annotated[
            str, strawberry.argument(description="The new password (10 characters or more).")
        ],
    ) -> LoginPayload:
        account, errors = await run_mutation(
            info, lambda: use_cases.confirm_account(info.context.app, token, password)
        )
        return LoginPayload(viewer=Viewer.from_row(account) if account else None, errors=errors)

    @strawberry.mutation(
        description='"Mot de passe oublié ?": mails a reset link valid 1 hour (within seconds: the '
        "request is queued). Answers the same whether or not the address has an account. Requests "
        "are limited per typed address and per client address each hour (`TOO_MANY_ATTEMPTS` on "
        "`email` beyond), and so are the links mailed to one account."
    )
    async def request_password_reset(
        self,
        info: Info,
        email: Annotated[str, strawberry.argument(description="The account's e-mail address.")],
    ) -> DonePayload:
        _, errors = await run_mutation(
            info, lambda: use_cases.request_password_reset(info.context.app, email)
        )
        return DonePayload(ok=not errors, errors=errors)

    @strawberry.mutation(
        description="Choose a new password from the reset link. Every open session ends; sign in again."
    )
    async def reset_password(
        self,
        info: Info,
        token: Annotated[str, strawberry.argument(description="The `token` parameter of the mailed link.")],
        password: Annotated[str, strawberry.argument(description="The new password.")],
    ) -> DonePayload:
        account, errors = await run_mutation(
            info, lambda: use_cases.reset_password(info.context.app, token, password)
        )
        return DonePayload(ok=account is not None, errors=errors)

    @strawberry.mutation(
        permission_classes=SIGNED_IN,
        description="Change the password; the account's other sessions end.",
    )
    async def change_password(
        self,
        info: Info,
        current_password: Annotated[str, strawberry.argument(description="The password in use.")],
        new_password: Annotated[str, strawberry.argument(description="The new password.")],
    ) -> ViewerPayload:
        account, errors = await run_mutation(
            info, lambda: use_cases.change_password(info.context.app, current_password, new_password)
        )
        return ViewerPayload(viewer=Viewer.from_row(account) if account else None, errors=errors)

    @strawberry.mutation(
        permission_classes=SIGNED_IN,
        description='Edit "Mon profil". A new e-mail address is mailed a confirmation link and '
        "replaces the old one only once confirmed (see `account.pendingEmail`).",
    )
    async def update_profile(
        self,
        info: Info,
        input: Annotated[UpdateProfileInput, strawberry.argument(description="The fields to change.")],
    ) -> ViewerPayload:
        async def update() -> Any:
            return await use_cases.update_profile(info.context.app, _profile_changes(input))

        account, errors = await run_mutation(info, update)
        return ViewerPayload(viewer=Viewer.from_row(account) if account else None, errors=errors)

    @strawberry.mutation(description="Confirm a new e-mail address from the link mailed to it.")
    async def confirm_email_change(
        self,
        info: Info,
        token: Annotated[str, strawberry.argument(description="The `token` parameter of the mailed link.")],
    ) -> ViewerPayload:
        account, errors = await run_mutation(
            info, lambda: use_cases.confirm_email_change(info.context.app, token)
        )
        return ViewerPayload(viewer=Viewer.from_row(account) if account else None, errors=errors)

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: open a family's account (household, first guardian, sign-in). The "
        "family is mailed a confirmation link valid 7 days.",
    )
    async def open_family_account(
        self,
        info: Info,
        input: Annotated[OpenFamilyAccountInput, strawberry.argument(description="The family to open.")],
    ) -> OpenFamilyAccountPayload:
        data = use_cases.OpenFamilyAccount(
            email=input.email,
            household_name=input.household_name,
            first_name=input.first_name,
            last_name=input.last_name,
            civility=input.civility,
        )
        result, errors = await run_mutation(
            info, lambda: use_cases.open_family_account(info.context.app, data)
        )
        if result is None:
            return OpenFamilyAccountPayload(account=None, household=None, errors=errors)
        account, household = result
        return OpenFamilyAccountPayload(
            account=Account.from_row(account), household=Household.from_row(household), errors=[]
        )

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: mail a new confirmation link to an account not yet confirmed "
        "(older links stop working).",
    )
    async def resend_account_confirmation(
        self,
        info: Info,
        account_id: Annotated[strawberry.ID, strawberry.argument(description="The account.")],
    ) -> AccountPayload:
        account, errors = await run_mutation(
            info, lambda: use_cases.resend_confirmation(info.context.app, parse_id(account_id))
        )
        return AccountPayload(account=Account.from_row(account) if account else None, errors=errors)
